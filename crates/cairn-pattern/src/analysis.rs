//! [`analyse`] and what it returns.

use cairn_core::{CommChannel, Direction, Named};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use crate::clock::{LocalClock, date_of, day_number, week_of};
use crate::conduct::{BurstTracker, DayAcc, instant, longest_streak, slope};
use crate::{Contact, Options, Side, side};

/// How many bursts a party's pattern lists (the total is always given).
const TOP_BURSTS: usize = 10;
/// The escalation windows: the last four weeks against the four before.
const WINDOW_DAYS: i32 = 28;

/// The result of [`analyse`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub summary: Summary,
    /// One per party with at least one contact, sorted by party.
    pub parties: Vec<PartyPattern>,
}

/// The case as a whole, and the options the numbers were computed with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The IANA name of the zone days and hours are counted in, when it has one.
    pub time_zone: Option<String>,
    pub no_contact_from: Option<Date>,
    pub burst_gap_minutes: u32,
    pub burst_min: u32,
    /// Contacts analysed.
    pub contacts: u64,
    /// Contacts skipped because their instant is outside the representable range.
    pub out_of_range: u64,
    pub parties: u32,
    pub from_them: u64,
    pub to_them: u64,
    pub unknown: u64,
    pub review: u64,
    pub first: Option<Timestamp>,
    pub last: Option<Timestamp>,
    pub first_day: Option<Date>,
    pub last_day: Option<Date>,
    /// `(day, from them, to them)` across parties, only days with contact.
    pub per_day: Vec<(Date, u32, u32)>,
}

/// One party's course of conduct.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyPattern {
    pub party: u32,
    pub first: Timestamp,
    pub last: Timestamp,
    pub total: u32,
    /// Non-zero counts per channel and direction, in vocabulary order.
    pub by_channel: Vec<ChannelCount>,
    pub from_them: u32,
    pub to_them: u32,
    pub unknown: u32,
    /// `(local day, from them, to them)`, only days with a contact either way
    /// (contacts of unknown direction are counted in `unknown` only).
    pub per_day: Vec<(Date, u32, u32)>,
    /// `(Monday of the ISO week, from them, to them)`, only weeks with contact.
    pub per_week: Vec<(Date, u32, u32)>,
    /// Contacts from them by weekday (Monday first) and local hour.
    pub heatmap: [[u32; 24]; 7],
    /// The day with most contacts from them (the earliest among equals).
    pub busiest_day: Option<DayCount>,
    /// Set when [`Options::no_contact_from`] is.
    pub after_no_contact: Option<NoContact>,
    pub longest_streak: Option<Streak>,
    pub bursts: Bursts,
    pub escalation: Escalation,
    /// Contacts (either way) whose body was flagged for review by a person.
    pub review: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ChannelCount {
    pub channel: CommChannel,
    pub direction: Direction,
    pub count: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DayCount {
    pub date: Date,
    pub count: u32,
}

/// Contacts from them on or after the no-contact date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NoContact {
    pub since: Date,
    pub contacts: u32,
    /// Distinct local days with such a contact.
    pub days: u32,
    /// The first such day and instant.
    pub first_day: Option<Date>,
    pub first: Option<Timestamp>,
}

/// Consecutive local days, each with at least one contact from them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Streak {
    pub start: Date,
    pub end: Date,
    pub days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bursts {
    /// How many bursts there were.
    pub total: u32,
    /// Contacts that fell inside a burst.
    pub contacts: u32,
    /// The largest ten, largest first (earlier first among equals).
    pub top: Vec<Burst>,
}

/// At least [`Options::burst_min`] contacts from them, each at most
/// [`Options::burst_gap_minutes`] after the previous one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Burst {
    pub start: Timestamp,
    pub end: Timestamp,
    pub count: u32,
}

/// Whether contact from them is growing. The window runs from the week of
/// their first contact to the case's last day, so weeks of silence count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Escalation {
    /// ISO weeks in the window.
    pub weeks: u32,
    /// Least-squares slope of weekly contacts from them, in contacts per week
    /// per week; `None` with fewer than two weeks.
    pub weekly_slope: Option<f64>,
    /// Contacts from them in the 28 local days ending on the case's last day,
    /// and in the 28 days before those.
    pub last_4_weeks: u32,
    pub previous_4_weeks: u32,
    /// `last_4_weeks / previous_4_weeks`; `None` when the earlier window is empty.
    pub ratio: Option<f64>,
    /// Channels they first used after the week of their first contact.
    pub new_channels: Vec<NewChannel>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NewChannel {
    pub channel: CommChannel,
    pub first_day: Date,
    pub first: Timestamp,
}

/// A contact cut down to what the analysis reads: 16 bytes, so sorting a
/// million of them stays in cache-friendly memory.
#[derive(Clone, Copy)]
struct Rec {
    at_ms: i64,
    party: u32,
    channel: u8,
    direction: u8,
    side: Side,
    review: bool,
}

fn index_in<T: Named + PartialEq>(value: T) -> u8 {
    // The enums are non-exhaustive, so position in the vocabulary is the
    // stable index (an `as` cast is not allowed across crates).
    T::ALL.iter().position(|(_, v)| *v == value).unwrap_or(0) as u8
}

/// Analyses `contacts` (any order; the slice is not modified).
///
/// Costs one sort of a compact copy plus a linear pass; see the crate docs
/// for what each measure counts.
pub fn analyse(contacts: &[Contact], options: &Options) -> Analysis {
    let min_ms = Timestamp::MIN.as_millisecond();
    let max_ms = Timestamp::MAX.as_millisecond();
    let mut recs: Vec<Rec> = contacts
        .iter()
        .filter(|c| (min_ms..=max_ms).contains(&c.at_ms))
        .map(|c| Rec {
            at_ms: c.at_ms,
            party: c.party,
            channel: index_in(c.channel),
            direction: index_in(c.direction),
            side: side(c.direction),
            review: c.review,
        })
        .collect();
    let out_of_range = (contacts.len() - recs.len()) as u64;
    recs.sort_unstable_by_key(|r| (r.party, r.at_ms));

    let mut clock = LocalClock::new(&options.time_zone);
    let no_contact_day = options.no_contact_from.map(day_number);
    let mut accs: Vec<PartyAcc> = recs
        .chunk_by(|a, b| a.party == b.party)
        .map(|run| PartyAcc::collect(run, &mut clock, options, no_contact_day))
        .collect();

    let end_day = accs.iter().map(|a| a.last_day).max();
    let parties: Vec<PartyPattern> = accs
        .iter_mut()
        .map(|a| a.finish(end_day.unwrap_or(a.last_day)))
        .collect();
    let summary = summarise(&recs, &accs, &parties, options, out_of_range);
    Analysis { summary, parties }
}

fn summarise(recs: &[Rec], accs: &[PartyAcc], parties: &[PartyPattern], options: &Options, out: u64) -> Summary {
    let mut all: Vec<DayAcc> = accs.iter().flat_map(|a| a.days.iter().copied()).collect();
    all.sort_unstable_by_key(|d| d.day);
    let mut per_day: Vec<DayAcc> = Vec::new();
    for d in all {
        DayAcc::bump(&mut per_day, d.day, d.from, d.to);
    }
    let sum = |f: fn(&PartyPattern) -> u32| parties.iter().map(|p| u64::from(f(p))).sum();
    Summary {
        time_zone: options.time_zone.iana_name().map(str::to_owned),
        no_contact_from: options.no_contact_from,
        burst_gap_minutes: options.burst_gap_minutes,
        burst_min: options.burst_min.max(2),
        contacts: recs.len() as u64,
        out_of_range: out,
        parties: parties.len() as u32,
        from_them: sum(|p| p.from_them),
        to_them: sum(|p| p.to_them),
        unknown: sum(|p| p.unknown),
        review: sum(|p| p.review),
        first: parties.iter().map(|p| p.first).min(),
        last: parties.iter().map(|p| p.last).max(),
        first_day: accs.iter().map(|a| a.first_day).min().map(date_of),
        last_day: accs.iter().map(|a| a.last_day).max().map(date_of),
        per_day: per_day.iter().map(|d| (date_of(d.day), d.from, d.to)).collect(),
    }
}

/// A party's running counts, in day numbers until [`PartyAcc::finish`].
struct PartyAcc {
    party: u32,
    first_ms: i64,
    last_ms: i64,
    first_day: i32,
    last_day: i32,
    by_kind: Vec<u32>,
    from: u32,
    to: u32,
    unknown: u32,
    review: u32,
    days: Vec<DayAcc>,
    weeks: Vec<DayAcc>,
    heat: [[u32; 24]; 7],
    /// Per channel: the first contact from them, `(ms, day)`.
    first_from: Vec<Option<(i64, i32)>>,
    /// The no-contact day, and the first contact from them on or after it.
    no_contact: Option<(i32, Option<(i64, i32)>)>,
    bursts: Option<BurstTracker>,
}

impl PartyAcc {
    /// `run` is one party's records, sorted by time.
    fn collect(run: &[Rec], clock: &mut LocalClock<'_>, options: &Options, no_contact: Option<i32>) -> PartyAcc {
        let directions = Direction::ALL.len();
        let (first, last) = (run[0], run[run.len() - 1]);
        let mut acc = PartyAcc {
            party: first.party,
            first_ms: first.at_ms,
            last_ms: last.at_ms,
            first_day: i32::MAX,
            last_day: i32::MIN,
            by_kind: vec![0; CommChannel::ALL.len() * directions],
            from: 0,
            to: 0,
            unknown: 0,
            review: 0,
            days: Vec::new(),
            weeks: Vec::new(),
            heat: [[0; 24]; 7],
            first_from: vec![None; CommChannel::ALL.len()],
            no_contact: no_contact.map(|day| (day, None)),
            bursts: None,
        };
        let mut bursts = BurstTracker::new(options.burst_gap_minutes, options.burst_min);
        for r in run {
            let local = clock.local(r.at_ms);
            // Local days are not monotonic in a zone that falls back across midnight.
            acc.first_day = acc.first_day.min(local.day);
            acc.last_day = acc.last_day.max(local.day);
            acc.by_kind[usize::from(r.channel) * directions + usize::from(r.direction)] += 1;
            acc.review += u32::from(r.review);
            let (from, to) = match r.side {
                Side::FromThem => (1, 0),
                Side::ToThem => (0, 1),
                Side::Unknown => {
                    acc.unknown += 1;
                    continue;
                }
            };
            acc.from += from;
            acc.to += to;
            DayAcc::bump(&mut acc.days, local.day, from, to);
            DayAcc::bump(&mut acc.weeks, week_of(local.day), from, to);
            if from == 0 {
                continue;
            }
            acc.heat[local.weekday()][usize::from(local.hour)] += 1;
            bursts.push(r.at_ms);
            let first = &mut acc.first_from[usize::from(r.channel)];
            if first.is_none() {
                *first = Some((r.at_ms, local.day));
            }
            if let Some((since, first)) = &mut acc.no_contact
                && local.day >= *since
            {
                first.get_or_insert((r.at_ms, local.day));
            }
        }
        acc.bursts = Some(bursts);
        acc
    }

    fn finish(&mut self, end_day: i32) -> PartyPattern {
        let by_channel = CommChannel::ALL
            .iter()
            .flat_map(|&(_, channel)| Direction::ALL.iter().map(move |&(_, direction)| (channel, direction)))
            .zip(&self.by_kind)
            .filter(|(_, n)| **n > 0)
            .map(|((channel, direction), &count)| ChannelCount {
                channel,
                direction,
                count,
            })
            .collect();
        let dated = |v: &[DayAcc]| v.iter().map(|d| (date_of(d.day), d.from, d.to)).collect::<Vec<_>>();
        let mut busiest: Option<DayAcc> = None;
        for d in &self.days {
            if d.from > busiest.map_or(0, |b| b.from) {
                busiest = Some(*d);
            }
        }
        let (total, contacts, top) = self.bursts.take().map_or((0, 0, Vec::new()), |b| b.finish(TOP_BURSTS));
        PartyPattern {
            party: self.party,
            first: instant(self.first_ms),
            last: instant(self.last_ms),
            total: self.from + self.to + self.unknown,
            by_channel,
            from_them: self.from,
            to_them: self.to,
            unknown: self.unknown,
            per_day: dated(&self.days),
            per_week: dated(&self.weeks),
            heatmap: self.heat,
            busiest_day: busiest.map(|d| DayCount {
                date: date_of(d.day),
                count: d.from,
            }),
            after_no_contact: self.no_contact.map(|(since, first)| {
                let after = || self.days.iter().filter(move |d| d.from > 0 && d.day >= since);
                NoContact {
                    since: date_of(since),
                    contacts: after().map(|d| d.from).sum(),
                    days: after().count() as u32,
                    first_day: first.map(|(_, day)| date_of(day)),
                    first: first.map(|(ms, _)| instant(ms)),
                }
            }),
            longest_streak: longest_streak(&self.days).map(|(start, end, days)| Streak {
                start: date_of(start),
                end: date_of(end),
                days,
            }),
            bursts: Bursts {
                total,
                contacts,
                top: top
                    .into_iter()
                    .map(|r| Burst {
                        start: instant(r.start_ms),
                        end: instant(r.end_ms),
                        count: r.count,
                    })
                    .collect(),
            },
            escalation: self.escalation(end_day),
            review: self.review,
        }
    }

    fn escalation(&self, end_day: i32) -> Escalation {
        let from_days = || self.days.iter().filter(|d| d.from > 0);
        let window = |lo: i32, hi: i32| {
            from_days()
                .filter(|d| (lo..=hi).contains(&d.day))
                .map(|d| d.from)
                .sum::<u32>()
        };
        let last_4_weeks = window(end_day - WINDOW_DAYS + 1, end_day);
        let previous_4_weeks = window(end_day - 2 * WINDOW_DAYS + 1, end_day - WINDOW_DAYS);
        let ratio = (previous_4_weeks > 0).then(|| f64::from(last_4_weeks) / f64::from(previous_4_weeks));
        let Some(first_week) = from_days().next().map(|d| week_of(d.day)) else {
            return Escalation {
                weeks: 0,
                weekly_slope: None,
                last_4_weeks,
                previous_4_weeks,
                ratio,
                new_channels: Vec::new(),
            };
        };
        let weeks = (i64::from(week_of(end_day)) - i64::from(first_week)).max(0) as u64 / 7 + 1;
        let points = self
            .weeks
            .iter()
            .filter(|w| w.from > 0)
            .map(|w| ((i64::from(w.day) - i64::from(first_week)) as u64 / 7, w.from));
        let mut new_channels: Vec<NewChannel> = CommChannel::ALL
            .iter()
            .zip(&self.first_from)
            .filter_map(|(&(_, channel), first)| {
                let (ms, day) = (*first)?;
                (week_of(day) > first_week).then(|| NewChannel {
                    channel,
                    first_day: date_of(day),
                    first: instant(ms),
                })
            })
            .collect();
        new_channels.sort_by_key(|c| c.first);
        Escalation {
            weeks: weeks.min(u64::from(u32::MAX)) as u32,
            weekly_slope: slope(weeks, points),
            last_4_weeks,
            previous_4_weeks,
            ratio,
            new_channels,
        }
    }
}
