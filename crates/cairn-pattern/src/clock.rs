//! The survivor's wall clock, without a time-zone conversion per record.
//!
//! A zone's UTC offset is constant between two transitions, and a case's
//! contacts cross only a couple of transitions a year. So the clock keeps the
//! span of UTC time around the last instant it converted and reuses that
//! offset while instants stay inside it; any other span it has seen is kept
//! in a small sorted list, so a walk that restarts at an earlier time (the
//! next party's contacts) costs a binary search, not a zone lookup.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

pub(crate) const MS_PER_DAY: i64 = 86_400_000;
const MS_PER_HOUR: i64 = 3_600_000;
const EPOCH: Date = Date::constant(1970, 1, 1);

/// Days since 1970-01-01 on the survivor's calendar, and the hour of that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Local {
    pub day: i32,
    pub hour: u8,
}

impl Local {
    /// Monday = 0. 1970-01-01 was a Thursday.
    pub(crate) fn weekday(self) -> usize {
        (i64::from(self.day) + 3).rem_euclid(7) as usize
    }
}

/// The Monday that starts the ISO week holding `day`.
pub(crate) fn week_of(day: i32) -> i32 {
    day - (i64::from(day) + 3).rem_euclid(7) as i32
}

/// UTC milliseconds `[lo, hi)` over which the offset does not change.
#[derive(Debug, Clone, Copy)]
struct Span {
    lo: i64,
    hi: i64,
    offset_ms: i64,
}

impl Span {
    fn holds(&self, at_ms: i64) -> bool {
        self.lo <= at_ms && at_ms < self.hi
    }
}

pub(crate) struct LocalClock<'tz> {
    tz: &'tz TimeZone,
    current: Span,
    /// Sorted by `lo`, pairwise disjoint.
    seen: Vec<Span>,
}

impl<'tz> LocalClock<'tz> {
    pub(crate) fn new(tz: &'tz TimeZone) -> Self {
        LocalClock {
            tz,
            current: Span {
                lo: 0,
                hi: 0,
                offset_ms: 0,
            },
            seen: Vec::new(),
        }
    }

    /// `at_ms` must be within [`Timestamp`]'s range (the caller filters), which
    /// jiff keeps narrow enough that every offset lands on a valid civil date.
    #[inline]
    pub(crate) fn local(&mut self, at_ms: i64) -> Local {
        if !self.current.holds(at_ms) {
            self.current = self.span_for(at_ms);
        }
        let local = at_ms + self.current.offset_ms;
        Local {
            day: local.div_euclid(MS_PER_DAY) as i32,
            hour: (local.rem_euclid(MS_PER_DAY) / MS_PER_HOUR) as u8,
        }
    }

    #[cold]
    fn span_for(&mut self, at_ms: i64) -> Span {
        let at = self.seen.partition_point(|s| s.hi <= at_ms);
        if let Some(span) = self.seen.get(at)
            && span.holds(at_ms)
        {
            return *span;
        }
        let Ok(ts) = Timestamp::from_millisecond(at_ms) else {
            return Span {
                lo: at_ms,
                hi: at_ms.saturating_add(1),
                offset_ms: 0,
            };
        };
        let offset_ms = i64::from(self.tz.to_offset(ts).seconds()) * 1000;
        // `preceding` is strictly before its argument: ask just after `ts` so a
        // transition exactly at `ts` opens the span instead of closing it.
        let after = ts.checked_add(SignedDuration::from_millis(1)).unwrap_or(ts);
        let lo = self
            .tz
            .preceding(after)
            .next()
            .map_or(i64::MIN, |t| t.timestamp().as_millisecond());
        let hi = self
            .tz
            .following(ts)
            .next()
            .map_or(i64::MAX, |t| t.timestamp().as_millisecond());
        let span = Span { lo, hi, offset_ms };
        if !span.holds(at_ms) {
            // Not expected from jiff; never reuse an offset we cannot vouch for.
            return Span {
                lo: at_ms,
                hi: at_ms.saturating_add(1),
                offset_ms,
            };
        }
        let disjoint = self.seen.get(at).is_none_or(|next| span.hi <= next.lo)
            && at
                .checked_sub(1)
                .and_then(|i| self.seen.get(i))
                .is_none_or(|prev| prev.hi <= span.lo);
        if disjoint {
            self.seen.insert(at, span);
        }
        span
    }
}

/// The civil date `day` days after 1970-01-01.
pub(crate) fn date_of(day: i32) -> Date {
    // Days come from in-range timestamps, so the addition cannot fail; the
    // fallback only keeps this total.
    EPOCH
        .checked_add(SignedDuration::from_hours(i64::from(day) * 24))
        .unwrap_or(if day < 0 { Date::MIN } else { Date::MAX })
}

/// Days from 1970-01-01 to `date` (negative before).
pub(crate) fn day_number(date: Date) -> i32 {
    (date.duration_since(EPOCH).as_hours() / 24) as i32
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Zoned;

    fn zone(name: &str) -> TimeZone {
        TimeZone::get(name).expect("bundled zone")
    }

    /// The cached clock agrees with a full jiff conversion, including at each
    /// transition instant and a millisecond either side of it.
    fn check(zone_name: &str, from: &str, to: &str, step_minutes: i64) {
        let tz = zone(zone_name);
        let from: Timestamp = from.parse().unwrap();
        let to: Timestamp = to.parse().unwrap();
        let mut instants = Vec::new();
        let mut t = from.as_millisecond();
        while t <= to.as_millisecond() {
            instants.push(t);
            t += step_minutes * 60_000;
        }
        for tr in tz.following(from).take_while(|tr| tr.timestamp() <= to) {
            let ms = tr.timestamp().as_millisecond();
            instants.extend([ms - 1, ms, ms + 1]);
        }
        // Out of order on purpose: the memo must serve backward jumps too.
        instants.extend(instants.clone().iter().rev());
        let mut clock = LocalClock::new(&tz);
        for ms in instants {
            let zoned: Zoned = Timestamp::from_millisecond(ms).unwrap().to_zoned(tz.clone());
            let local = clock.local(ms);
            assert_eq!(date_of(local.day), zoned.date(), "{zoned}");
            assert_eq!(i8::try_from(local.hour).unwrap(), zoned.hour(), "{zoned}");
            assert_eq!(
                local.weekday(),
                zoned.weekday().to_monday_zero_offset() as usize,
                "{zoned}"
            );
        }
    }

    #[test]
    fn agrees_with_jiff() {
        check("America/New_York", "2025-12-31T00:00Z", "2027-01-02T00:00Z", 37);
        check("Europe/Madrid", "2026-03-01T00:00Z", "2026-11-01T00:00Z", 53);
        // A half-hour DST shift and a zone that changed its standard offset.
        check("Australia/Lord_Howe", "2026-01-01T00:00Z", "2026-12-31T00:00Z", 61);
        check("America/Caracas", "2007-01-01T00:00Z", "2016-12-31T00:00Z", 24 * 60 - 7);
        check("UTC", "1969-12-25T00:00Z", "1970-01-05T00:00Z", 59);
    }

    #[test]
    fn dates_round_trip() {
        for day in [-719_528, -1, 0, 1, 20_000, 2_932_896] {
            assert_eq!(day_number(date_of(day)), day);
        }
        assert_eq!(date_of(20_520), Date::constant(2026, 3, 8));
        assert_eq!(
            week_of(day_number(Date::constant(2026, 3, 8))),
            day_number(Date::constant(2026, 3, 2))
        );
        assert_eq!(
            week_of(day_number(Date::constant(2026, 3, 2))),
            day_number(Date::constant(2026, 3, 2))
        );
    }
}
