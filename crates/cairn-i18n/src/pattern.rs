//! The words for a course-of-conduct analysis.

use cairn_app::analysis::PartyPattern;
use cairn_app::core::Named;

use crate::{Arg, Tr};

/// One person's pattern in sentences, for the command line and the web
/// page alike: span, sides, channels, busiest day, after no contact, streak,
/// bursts, trend and new channels.
pub fn party_facts(t: Tr, p: &PartyPattern) -> Vec<String> {
    let n = |v: u32| Arg::Number(f64::from(v));
    let text = Arg::Text;
    let mut out = vec![
        t.with(
            "pattern-span",
            &[
                ("first", text(t.timestamp(p.first))),
                ("last", text(t.timestamp(p.last))),
            ],
        ),
        t.with("pattern-sides", &[("from", n(p.from_them)), ("to", n(p.to_them))]),
    ];
    let channels: Vec<String> = p
        .by_channel
        .iter()
        .map(|c| {
            format!(
                "{} {} {}",
                t.get(&format!("comm-channel-{}", c.channel.name())),
                t.get(&format!("comm-direction-{}", c.direction.name())),
                t.number(u64::from(c.count))
            )
        })
        .collect();
    out.push(channels.join(" · "));
    if let Some(b) = &p.busiest_day {
        out.push(t.with(
            "pattern-busiest",
            &[("day", text(t.date(b.date))), ("count", n(b.count))],
        ));
    }
    if let Some(nc) = &p.after_no_contact {
        out.push(t.with(
            "pattern-after-no-contact",
            &[
                ("since", text(t.date(nc.since))),
                ("contacts", n(nc.contacts)),
                ("days", n(nc.days)),
            ],
        ));
    }
    if let Some(st) = &p.longest_streak {
        out.push(t.with(
            "pattern-streak",
            &[
                ("days", n(st.days)),
                ("start", text(t.date(st.start))),
                ("end", text(t.date(st.end))),
            ],
        ));
    }
    if let Some(top) = p.bursts.top.first() {
        out.push(t.with(
            "pattern-bursts",
            &[
                ("total", n(p.bursts.total)),
                ("largest", n(top.count)),
                ("at", text(t.timestamp(top.start))),
            ],
        ));
    }
    let e = &p.escalation;
    if let Some(slope) = e.weekly_slope {
        out.push(t.with(
            "pattern-trend",
            &[
                ("slope", text(format!("{slope:+.1}"))),
                ("last", n(e.last_4_weeks)),
                ("previous", n(e.previous_4_weeks)),
                (
                    "ratio",
                    text(e.ratio.map(|r| format!("{r:.1}")).unwrap_or_else(|| "—".into())),
                ),
            ],
        ));
    }
    for c in &e.new_channels {
        out.push(t.with(
            "pattern-new-channel",
            &[
                ("channel", text(t.get(&format!("comm-channel-{}", c.channel.name())))),
                ("day", text(t.date(c.first_day))),
            ],
        ));
    }
    out
}
