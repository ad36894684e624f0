//! End-to-end checks of [`analyse`] on small cases worked out by hand.
//!
//! Each case is text: option lines start with `#` (`# zone NAME`,
//! `# no_contact DATE`, `# burst GAP MIN`), then one contact per line:
//! `TIME CHANNEL DIRECTION PARTY [review]`, where `TIME` is local wall time in
//! the zone (`2026-03-08T01:30`) or UTC with a `Z`. The zone defaults to
//! America/New_York so daylight saving is always in play.

use cairn_core::{CommChannel, Direction};
use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

use crate::{Analysis, Contact, Options, PartyPattern, analyse};

fn parse_case(input: &str) -> (Vec<Contact>, Options) {
    let mut options = Options::new(TimeZone::get("America/New_York").unwrap());
    let mut contacts = Vec::new();
    for line in input.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["#", "zone", name] => options.time_zone = TimeZone::get(name).unwrap(),
            ["#", "no_contact", date] => options.no_contact_from = Some(date.parse().unwrap()),
            ["#", "burst", gap, min] => {
                (options.burst_gap_minutes, options.burst_min) = (gap.parse().unwrap(), min.parse().unwrap())
            }
            [time, channel, direction, party, rest @ ..] => {
                let at = if time.ends_with('Z') {
                    time.parse::<Timestamp>().unwrap()
                } else {
                    time.parse::<DateTime>()
                        .unwrap()
                        .to_zoned(options.time_zone.clone())
                        .unwrap()
                        .timestamp()
                };
                contacts.push(Contact {
                    at_ms: at.as_millisecond(),
                    channel: channel.parse::<CommChannel>().unwrap(),
                    direction: direction.parse::<Direction>().unwrap(),
                    party: party.parse().unwrap(),
                    review: rest == ["review"],
                });
            }
            _ => panic!("bad case line: {line}"),
        }
    }
    (contacts, options)
}

/// Analyses `input` (and the same contacts reversed, which must not matter),
/// renders one aspect per party with `view`, and compares line by line.
fn check(input: &str, view: fn(&PartyPattern) -> String, expect: &str) {
    let (mut contacts, options) = parse_case(input);
    let analysis = analyse(&contacts, &options);
    contacts.reverse();
    assert_eq!(analyse(&contacts, &options), analysis, "input order changed the result");
    let got: Vec<String> = analysis
        .parties
        .iter()
        .map(|p| format!("{}: {}", p.party, view(p)))
        .collect();
    let expect: Vec<&str> = expect.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    assert_eq!(got, expect);
}

fn days(p: &PartyPattern) -> String {
    p.per_day
        .iter()
        .map(|(d, f, t)| format!("{d} {f}/{t}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn weeks(p: &PartyPattern) -> String {
    p.per_week
        .iter()
        .map(|(d, f, t)| format!("{d} {f}/{t}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn heat(p: &PartyPattern) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let mut cells = Vec::new();
    for (w, row) in p.heatmap.iter().enumerate() {
        for (h, n) in row.iter().enumerate().filter(|(_, n)| **n > 0) {
            cells.push(format!("{} {h:02}h={n}", DAYS[w]));
        }
    }
    cells.join(", ")
}

#[test]
fn days_across_spring_forward() {
    // New York moves from -05 to -04 at 2026-03-08T07:00Z.
    let case = "
        2026-03-08T04:30Z sms incoming 1
        2026-03-08T05:30Z sms incoming 1
        2026-03-08T06:59Z call missed 1
        2026-03-08T07:00Z sms outgoing 1
        2026-03-09T03:59Z sms incoming 1
        2026-03-09T04:00Z sms incoming 1
    ";
    check(case, days, "1: 2026-03-07 1/0, 2026-03-08 3/1, 2026-03-09 1/0");
    // 06:59Z is 01:59 EST; the outgoing 07:00Z (03:00 EDT) is not in the heatmap.
    check(case, heat, "1: Mon 00h=1, Sat 23h=1, Sun 00h=1, Sun 01h=1, Sun 23h=1");
    check(case, weeks, "1: 2026-03-02 4/1, 2026-03-09 1/0");
}

#[test]
fn days_across_fall_back() {
    // New York moves from -04 to -05 at 2026-11-01T06:00Z; 01:30 happens twice.
    let case = "
        2026-11-01T03:59Z sms incoming 1
        2026-11-01T04:00Z sms incoming 1
        2026-11-01T05:30Z call incoming 1
        2026-11-01T06:30Z call incoming 1
        2026-11-02T04:59Z sms outgoing 1
        2026-11-02T05:00Z sms incoming 1
    ";
    check(case, days, "1: 2026-10-31 1/0, 2026-11-01 3/1, 2026-11-02 1/0");
    check(case, heat, "1: Mon 00h=1, Sat 23h=1, Sun 00h=1, Sun 01h=2");
}

#[test]
fn a_zone_that_falls_back_at_midnight() {
    // Chile (America/Santiago) falls back from -03 to -04 at 2026-04-05T03:00Z,
    // local midnight, so the last hour of the 4th happens twice.
    let case = "
        # zone America/Santiago
        2026-04-05T02:50Z sms incoming 1
        2026-04-05T03:10Z sms incoming 1
        2026-04-05T03:30Z sms incoming 1
        2026-04-05T04:10Z sms incoming 1
    ";
    check(case, days, "1: 2026-04-04 3/0, 2026-04-05 1/0");
}

#[test]
fn streaks_count_only_days_with_contact_from_them() {
    let case = "
        2026-05-01T10:00 sms incoming 1
        2026-05-02T10:00 sms incoming 1
        2026-05-02T11:00 sms incoming 1
        2026-05-03T23:59 call missed 1
        2026-05-04T10:00 sms outgoing 1
        2026-05-05T10:00 sms incoming 1
        2026-05-06T00:00 sms incoming 1
        2026-05-02T10:00 sms incoming 2
        2026-05-03T10:00 sms unknown 2
    ";
    let streak = |p: &PartyPattern| {
        p.longest_streak
            .map_or("none".into(), |s| format!("{}..{} ({} days)", s.start, s.end, s.days))
    };
    check(
        case,
        streak,
        "1: 2026-05-01..2026-05-03 (3 days)\n2: 2026-05-02..2026-05-02 (1 days)",
    );
    let busiest = |p: &PartyPattern| {
        p.busiest_day
            .map_or("none".into(), |d| format!("{} x{}", d.date, d.count))
    };
    check(case, busiest, "1: 2026-05-02 x2\n2: 2026-05-02 x1");
}

#[test]
fn bursts_are_runs_of_contacts_from_them() {
    // Gap 10 minutes, at least 3. Party 1's outgoing reply does not break the
    // run; the 11-minute gap does. Party 2's run of exactly 3 is a burst.
    let case = "
        # burst 10 3
        2026-06-01T20:00 sms incoming 1
        2026-06-01T20:10 sms incoming 1
        2026-06-01T20:12 sms outgoing 1
        2026-06-01T20:20 call missed 1
        2026-06-01T20:31 call missed 1
        2026-06-01T20:35 call missed 1
        2026-06-02T08:00 sms incoming 2
        2026-06-02T08:01 whatsapp incoming 2
        2026-06-02T08:11 sms incoming 2
    ";
    let bursts = |p: &PartyPattern| {
        let top: Vec<String> = p
            .bursts
            .top
            .iter()
            .map(|b| format!("{}..{} x{}", b.start, b.end, b.count))
            .collect();
        format!(
            "{} bursts, {} contacts: {}",
            p.bursts.total,
            p.bursts.contacts,
            top.join(", ")
        )
    };
    check(
        case,
        bursts,
        "1: 1 bursts, 3 contacts: 2026-06-02T00:00:00Z..2026-06-02T00:20:00Z x3
         2: 1 bursts, 3 contacts: 2026-06-02T12:00:00Z..2026-06-02T12:11:00Z x3",
    );
}

#[test]
fn contact_after_no_contact_request() {
    let case = "
        # no_contact 2026-03-10
        2026-03-09T23:59 sms incoming 1
        2026-03-10T00:00 sms incoming 1
        2026-03-10T12:00 call rejected 1
        2026-03-12T09:00 sms outgoing 1
        2026-03-12T09:05 sms incoming 1
        2026-03-01T10:00 sms incoming 2
    ";
    let nc = |p: &PartyPattern| {
        let n = p.after_no_contact.unwrap();
        let first = n
            .first_day
            .zip(n.first)
            .map_or("none".into(), |(d, t)| format!("{d} ({t})"));
        format!(
            "since {}: {} contacts on {} days, first {first}",
            n.since, n.contacts, n.days
        )
    };
    check(
        case,
        nc,
        "1: since 2026-03-10: 3 contacts on 2 days, first 2026-03-10 (2026-03-10T04:00:00Z)
         2: since 2026-03-10: 0 contacts on 0 days, first none",
    );
}

#[test]
fn new_channels_after_the_first_week() {
    // First contact Monday 2026-03-02. A call the same ISO week is not new;
    // WhatsApp the next Monday is; email only outgoing is not their channel.
    let case = "
        2026-03-02T09:00 sms incoming 1
        2026-03-08T22:00 call missed 1
        2026-03-09T08:00 whatsapp incoming 1
        2026-03-20T08:00 email outgoing 1
        2026-03-25T08:00 whatsapp incoming 1
        2026-03-26T08:00 email incoming 1
    ";
    let channels = |p: &PartyPattern| {
        let list: Vec<String> = p
            .escalation
            .new_channels
            .iter()
            .map(|c| format!("{} {}", c.channel, c.first_day))
            .collect();
        list.join(", ")
    };
    check(case, channels, "1: whatsapp 2026-03-09, email 2026-03-26");
}

#[test]
fn escalation_against_the_end_of_the_case() {
    // Party 1 writes on the Wednesdays of eight weeks: 1,1,1,1,2,2,3,4.
    // Slope: Σ(x-x̄)y = 17.5 over Σ(x-x̄)² = 42. Last 28 days (ending on the
    // last Wednesday) hold 2+2+3+4, the 28 before 1+1+1+1. Party 2 wrote three
    // times in week 0 and stopped: y = 3,0,…,0 gives -10.5 / 42.
    let mut case = String::new();
    for (week, n) in [1, 1, 1, 1, 2, 2, 3, 4].into_iter().enumerate() {
        let day = Date::constant(2026, 1, 7)
            .checked_add(jiff::Span::new().weeks(week as i64))
            .unwrap();
        for i in 0..n {
            case.push_str(&format!("{day}T1{i}:00 sms incoming 1\n"));
        }
    }
    case.push_str("2026-01-05T10:00 sms incoming 2\n2026-01-06T10:00 sms incoming 2\n2026-01-07T10:00 call missed 2\n");
    let esc = |p: &PartyPattern| {
        let e = &p.escalation;
        format!(
            "{} weeks, slope {:.3}, last {} prev {} ratio {:?}",
            e.weeks,
            e.weekly_slope.unwrap(),
            e.last_4_weeks,
            e.previous_4_weeks,
            e.ratio
        )
    };
    check(
        &case,
        esc,
        "1: 8 weeks, slope 0.417, last 11 prev 4 ratio Some(2.75)
         2: 8 weeks, slope -0.250, last 0 prev 3 ratio Some(0.0)",
    );
}

#[test]
fn counts_by_channel_side_and_review() {
    let case = "
        2026-02-01T10:00 sms incoming 1 review
        2026-02-01T10:01 sms incoming 1
        2026-02-01T10:02 call blocked 1
        2026-02-01T10:03 call voicemail 1 review
        2026-02-01T10:04 sms draft 1
        2026-02-01T10:05 whatsapp unknown 1 review
    ";
    let counts = |p: &PartyPattern| {
        let kinds: Vec<String> = p
            .by_channel
            .iter()
            .map(|c| format!("{}/{}={}", c.channel, c.direction, c.count))
            .collect();
        format!(
            "{} total, {}/{}/{} from/to/unknown, review {}: {}",
            p.total,
            p.from_them,
            p.to_them,
            p.unknown,
            p.review,
            kinds.join(" ")
        )
    };
    check(
        case,
        counts,
        "1: 6 total, 4/1/1 from/to/unknown, review 3: sms/incoming=2 sms/draft=1 call/blocked=1 call/voicemail=1 whatsapp/unknown=1",
    );
}

#[test]
fn summary_and_out_of_range() {
    let (mut contacts, mut options) = parse_case(
        "
        2026-03-07T12:00 sms incoming 2
        2026-03-08T12:00 sms outgoing 1
        2026-03-08T13:00 sms incoming 2
        ",
    );
    options.burst_min = 1;
    contacts.push(Contact {
        at_ms: i64::MAX,
        ..contacts[0]
    });
    contacts.push(Contact {
        at_ms: i64::MIN,
        ..contacts[0]
    });
    let a: Analysis = analyse(&contacts, &options);
    let s = &a.summary;
    assert_eq!((s.contacts, s.out_of_range, s.parties), (3, 2, 2));
    assert_eq!((s.from_them, s.to_them, s.unknown), (2, 1, 0));
    assert_eq!(s.first_day, Some(Date::constant(2026, 3, 7)));
    assert_eq!(s.last_day, Some(Date::constant(2026, 3, 8)));
    assert_eq!(
        s.per_day,
        [(Date::constant(2026, 3, 7), 1, 0), (Date::constant(2026, 3, 8), 1, 1)]
    );
    assert_eq!(s.burst_min, 2);
    assert_eq!(s.time_zone.as_deref(), Some("America/New_York"));
    assert_eq!(a.parties.iter().map(|p| p.party).collect::<Vec<_>>(), [1, 2]);
    let json = serde_json::to_string(&a).unwrap();
    assert!(
        json.contains(r#""per_day":[["2026-03-07",1,0],["2026-03-08",1,1]]"#),
        "{json}"
    );
    assert!(
        json.contains(r#""channel":"sms","direction":"outgoing","count":1"#),
        "{json}"
    );

    let empty = analyse(&[], &Options::default());
    assert!(empty.parties.is_empty());
    assert_eq!((empty.summary.contacts, empty.summary.first), (0, None));
}

#[test]
fn extreme_instants_do_not_panic() {
    let tz = TimeZone::get("America/New_York").unwrap();
    let edges = [
        Timestamp::MIN.as_millisecond(),
        Timestamp::MAX.as_millisecond(),
        -1,
        0,
        1,
    ];
    let contacts: Vec<Contact> = edges
        .iter()
        .enumerate()
        .map(|(i, &at_ms)| Contact {
            at_ms,
            channel: CommChannel::Sms,
            direction: Direction::Incoming,
            party: i as u32 % 2,
            review: false,
        })
        .collect();
    let a = analyse(
        &contacts,
        &Options {
            no_contact_from: Some(Date::constant(2026, 1, 1)),
            ..Options::new(tz)
        },
    );
    assert_eq!(a.summary.contacts, 5);
    assert!(
        a.parties
            .iter()
            .all(|p| p.escalation.weekly_slope.is_some_and(f64::is_finite))
    );
}
