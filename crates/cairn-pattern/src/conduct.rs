//! The measures that look at a party's contacts in order: bursts, streaks,
//! the weekly trend. Pure arithmetic over day numbers and milliseconds.

use jiff::Timestamp;

/// Contacts on one local day (or in the week starting on that day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DayAcc {
    pub day: i32,
    pub from: u32,
    pub to: u32,
}

impl DayAcc {
    /// Counts one contact on `day` into `days`, which stays sorted by day.
    /// Records arrive in UTC order, so the local day only goes backwards in a
    /// zone that falls back across midnight; that rare case pays a search.
    #[inline]
    pub(crate) fn bump(days: &mut Vec<DayAcc>, day: i32, from: u32, to: u32) {
        match days.last_mut() {
            Some(last) if last.day == day => {
                last.from += from;
                last.to += to;
            }
            Some(last) if last.day > day => match days.binary_search_by_key(&day, |d| d.day) {
                Ok(i) => {
                    days[i].from += from;
                    days[i].to += to;
                }
                Err(i) => days.insert(i, DayAcc { day, from, to }),
            },
            _ => days.push(DayAcc { day, from, to }),
        }
    }
}

/// A run of contacts from them, each at most the gap after the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Run {
    pub start_ms: i64,
    pub end_ms: i64,
    pub count: u32,
}

pub(crate) struct BurstTracker {
    gap_ms: i64,
    min: u32,
    run: Run,
    pub total: u32,
    pub contacts: u32,
    found: Vec<Run>,
}

impl BurstTracker {
    pub(crate) fn new(gap_minutes: u32, min: u32) -> Self {
        BurstTracker {
            gap_ms: i64::from(gap_minutes) * 60_000,
            min: min.max(2),
            run: Run {
                start_ms: 0,
                end_ms: 0,
                count: 0,
            },
            total: 0,
            contacts: 0,
            found: Vec::new(),
        }
    }

    /// `at_ms` must not decrease between calls.
    #[inline]
    pub(crate) fn push(&mut self, at_ms: i64) {
        if self.run.count > 0 && at_ms - self.run.end_ms <= self.gap_ms {
            self.run.end_ms = at_ms;
            self.run.count += 1;
        } else {
            self.close();
            self.run = Run {
                start_ms: at_ms,
                end_ms: at_ms,
                count: 1,
            };
        }
    }

    fn close(&mut self) {
        if self.run.count >= self.min {
            self.total += 1;
            self.contacts += self.run.count;
            self.found.push(self.run);
        }
        self.run.count = 0;
    }

    /// The `keep` largest bursts, largest first, earlier first among equals.
    pub(crate) fn finish(mut self, keep: usize) -> (u32, u32, Vec<Run>) {
        self.close();
        self.found
            .sort_unstable_by_key(|r| (std::cmp::Reverse(r.count), r.start_ms));
        self.found.truncate(keep);
        (self.total, self.contacts, self.found)
    }
}

/// The longest run of consecutive days with a contact from them, the
/// earliest among equals: `(first day, last day, days)`.
pub(crate) fn longest_streak(days: &[DayAcc]) -> Option<(i32, i32, u32)> {
    let mut best: Option<(i32, i32, u32)> = None;
    let mut current: Option<(i32, i32, u32)> = None;
    for d in days.iter().filter(|d| d.from > 0) {
        current = match current {
            Some((start, end, n)) if i64::from(d.day) == i64::from(end) + 1 => Some((start, d.day, n + 1)),
            _ => Some((d.day, d.day, 1)),
        };
        if current.map(|c| c.2) > best.map(|b| b.2) {
            best = current;
        }
    }
    best
}

/// Least-squares slope of `y` against `x = 0, 1, …, n-1`, where `points`
/// lists only the `x` with a non-zero `y` (the rest are zero). Works from
/// sums so a long, mostly empty window costs nothing.
pub(crate) fn slope(n: u64, points: impl Iterator<Item = (u64, u32)>) -> Option<f64> {
    if n < 2 {
        return None;
    }
    let n = n as f64;
    let mean_x = (n - 1.0) / 2.0;
    let (mut sum_y, mut sum_xy) = (0.0, 0.0);
    for (x, y) in points {
        sum_y += f64::from(y);
        sum_xy += x as f64 * f64::from(y);
    }
    // Σ(x - x̄)² over 0..n is n(n² - 1)/12; centring keeps precision.
    Some((sum_xy - mean_x * sum_y) / (n * (n * n - 1.0) / 12.0))
}

/// Converts milliseconds already checked to be in range.
pub(crate) fn instant(ms: i64) -> Timestamp {
    Timestamp::from_millisecond(ms).unwrap_or(Timestamp::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bursts of `times` (minutes), rendered as `start-end:count`, then totals.
    fn check(gap: u32, min: u32, times: &[i64], expect: &str) {
        let mut t = BurstTracker::new(gap, min);
        for m in times {
            t.push(m * 60_000);
        }
        let (total, contacts, top) = t.finish(10);
        let mut got: Vec<String> = top
            .iter()
            .map(|r| format!("{}-{}:{}", r.start_ms / 60_000, r.end_ms / 60_000, r.count))
            .collect();
        got.push(format!("total={total} contacts={contacts}"));
        assert_eq!(got.join(" "), expect);
    }

    #[test]
    fn bursts() {
        // A gap of exactly 10 minutes joins; 11 splits.
        check(10, 3, &[0, 10, 20], "0-20:3 total=1 contacts=3");
        check(10, 3, &[0, 10, 21], "total=0 contacts=0");
        // Exactly `min` contacts is a burst; one fewer is not.
        check(10, 5, &[0, 1, 2, 3, 4, 100, 101, 102, 103], "0-4:5 total=1 contacts=5");
        // Largest first; ties keep the earlier one first.
        check(
            5,
            2,
            &[0, 1, 50, 51, 52, 100, 101],
            "50-52:3 0-1:2 100-101:2 total=3 contacts=7",
        );
        // Simultaneous contacts have a gap of zero.
        check(0, 2, &[7, 7, 8], "7-7:2 total=1 contacts=2");
        // `min` below 2 is read as 2.
        check(10, 0, &[0, 60], "total=0 contacts=0");
        check(10, 1, &[], "total=0 contacts=0");
    }

    #[test]
    fn streaks() {
        let days = |spec: &[(i32, u32)]| {
            spec.iter()
                .map(|&(day, from)| DayAcc { day, from, to: 1 })
                .collect::<Vec<_>>()
        };
        assert_eq!(longest_streak(&days(&[])), None);
        assert_eq!(longest_streak(&days(&[(5, 1)])), Some((5, 5, 1)));
        // Day 8 has only contacts to them, so it breaks the run.
        assert_eq!(
            longest_streak(&days(&[(1, 1), (2, 3), (3, 1), (7, 1), (8, 0), (9, 1)])),
            Some((1, 3, 3))
        );
        // Equal lengths: the earlier run.
        assert_eq!(
            longest_streak(&days(&[(1, 1), (2, 1), (10, 1), (11, 1)])),
            Some((1, 2, 2))
        );
        assert_eq!(
            longest_streak(&days(&[(-2, 1), (-1, 1), (0, 1), (5, 1)])),
            Some((-2, 0, 3))
        );
    }

    #[test]
    fn slopes() {
        assert_eq!(slope(1, [(0, 9)].into_iter()), None);
        // y = 2x over 0..4 → slope 2.
        assert_eq!(slope(4, [(1, 2), (2, 4), (3, 6)].into_iter()), Some(2.0));
        // 10 then nothing for three weeks: x̄ = 1.5, Σ(x-x̄)² = 5, Σ(x-x̄)y = -15.
        assert_eq!(slope(4, [(0, 10)].into_iter()), Some(-3.0));
        assert_eq!(slope(3, std::iter::empty()), Some(0.0));
    }

    #[test]
    fn out_of_order_days() {
        let mut days = Vec::new();
        for (day, from, to) in [(3, 1, 0), (3, 0, 1), (5, 1, 0), (4, 1, 0), (5, 1, 0), (1, 0, 1)] {
            DayAcc::bump(&mut days, day, from, to);
        }
        let got: Vec<_> = days.iter().map(|d| (d.day, d.from, d.to)).collect();
        assert_eq!(got, [(1, 0, 1), (3, 1, 1), (4, 1, 0), (5, 2, 0)]);
    }
}
