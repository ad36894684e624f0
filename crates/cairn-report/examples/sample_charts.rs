//! Writes the three charts for a small synthetic case into a directory, to
//! look at them: `cargo run -p cairn-report --example sample_charts -- DIR`.

use cairn_core::{CommChannel, Direction};
use cairn_pattern::{Contact, Options, analyse};
use cairn_report::charts::{ChartLabels, heatmap, per_day_bars, timeline, timeline_lanes};
use jiff::Timestamp;

fn main() -> std::io::Result<()> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let start: Timestamp = "2026-01-05T00:00Z".parse().expect("instant");
    let mut state = 1u64;
    let mut contacts = Vec::new();
    for i in 0..3000u64 {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let r = state >> 20;
        // Party 0 grows more insistent over ten weeks, mostly in the evening.
        let day = ((r % 10_000) as f64 / 10_000.0).sqrt() * 70.0;
        let hour = if i.is_multiple_of(4) {
            (r >> 16) % 24
        } else {
            18 + (r >> 16) % 6
        };
        let at = start.as_millisecond() + (day as i64) * 86_400_000 + hour as i64 * 3_600_000;
        let (party, direction) = match r % 10 {
            0 => (0, Direction::Outgoing),
            1..=6 => (
                0,
                if r.is_multiple_of(3) {
                    Direction::Missed
                } else {
                    Direction::Incoming
                },
            ),
            7 | 8 => (1, Direction::Incoming),
            _ => (1, Direction::Outgoing),
        };
        contacts.push(Contact {
            at_ms: at,
            channel: CommChannel::Sms,
            direction,
            party,
            review: false,
        });
    }
    let options = Options {
        no_contact_from: Some(jiff::civil::date(2026, 2, 1)),
        ..Options::default()
    };
    let analysis = analyse(&contacts, &options);
    let p = &analysis.parties[0];
    let mut labels = ChartLabels {
        x_axis: "Day".into(),
        y_axis: "Contacts".into(),
        from_them: "From them".into(),
        to_them: "To them".into(),
        weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map(str::to_owned),
        marker: options.no_contact_from.map(|d| (d, "No contact asked".to_owned())),
        ..ChartLabels::new("per-day", "Contacts per day", "Synthetic case")
    };
    std::fs::write(format!("{dir}/per_day.svg"), per_day_bars(&p.per_day, &labels))?;
    labels.id = "heatmap".into();
    labels.title = "Contacts from them by weekday and hour".into();
    labels.x_axis = "Hour of day".into();
    std::fs::write(format!("{dir}/heatmap.svg"), heatmap(&p.heatmap, &labels))?;
    labels.id = "timeline".into();
    labels.title = "Timeline".into();
    labels.x_axis = String::new();
    let lanes = timeline_lanes(&contacts, |party| format!("Party {party}"));
    let to = Timestamp::from_millisecond(start.as_millisecond() + 71 * 86_400_000).expect("instant");
    std::fs::write(format!("{dir}/timeline.svg"), timeline(&lanes, start, to, &labels))?;
    Ok(())
}
