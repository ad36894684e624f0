//! The pattern charts with every label in the person's language. The chart
//! drawing knows no language (`cairn-report`); the numbers know no words
//! (`cairn-pattern`); this is where they meet, once for the CLI and the web.

use cairn_app::PatternReport;
use cairn_app::analysis::PartyPattern;
use cairn_report::charts::{self, ChartLabels};
use jiff::civil::Date;

use crate::{Arg, Tr};

/// The charts of one party, as SVG documents.
pub struct PartyCharts {
    pub per_day: String,
    pub heatmap: String,
}

fn n(value: u64) -> Arg {
    Arg::Number(value as f64)
}

fn weekdays(t: Tr) -> [String; 7] {
    std::array::from_fn(|i| t.get(&format!("weekday-short-{}", i + 1)))
}

/// Per-day bars and the hour × weekday heatmap of one party.
pub fn party_charts(t: Tr, id: &str, label: &str, p: &PartyPattern, no_contact_from: Option<Date>) -> PartyCharts {
    let count = |c: u64| t.number(c);
    let date = |d: Date| t.date(d);
    let hour = |h: u8| format!("{h:02}");
    let instant = |ts: jiff::Timestamp| t.timestamp(ts);
    let busiest = p.busiest_day.as_ref();
    let bars_desc = t.with(
        "chart-per-day-desc",
        &[
            ("name", Arg::Text(label.to_owned())),
            ("from", n(u64::from(p.from_them))),
            ("to", n(u64::from(p.to_them))),
            ("days", n(p.per_day.len() as u64)),
            (
                "busiest",
                Arg::Text(busiest.map(|b| t.date(b.date)).unwrap_or_default()),
            ),
            ("busiest_count", n(busiest.map_or(0, |b| u64::from(b.count)))),
        ],
    );
    let mut labels = ChartLabels {
        id: format!("{id}-days"),
        title: t.with("chart-per-day-title", &[("name", Arg::Text(label.to_owned()))]),
        description: bars_desc,
        x_axis: t.get("chart-axis-day"),
        y_axis: t.get("chart-axis-contacts"),
        from_them: t.get("chart-from-them"),
        to_them: t.get("chart-to-them"),
        weekdays: weekdays(t),
        marker: no_contact_from.map(|d| (d, t.get("chart-no-contact"))),
        count: &count,
        date: &date,
        hour: &hour,
        instant: &instant,
    };
    let per_day = charts::per_day_bars(&p.per_day, &labels);
    let (peak_day, peak_hour, peak) = peak_cell(&p.heatmap);
    labels.id = format!("{id}-hours");
    labels.title = t.with("chart-heatmap-title", &[("name", Arg::Text(label.to_owned()))]);
    labels.description = t.with(
        "chart-heatmap-desc",
        &[
            ("weekday", Arg::Text(labels.weekdays[peak_day].clone())),
            ("hour", Arg::Text(format!("{peak_hour:02}"))),
            ("count", n(u64::from(peak))),
        ],
    );
    labels.x_axis = t.get("chart-axis-hour");
    labels.y_axis = String::new();
    labels.marker = None;
    let heatmap = charts::heatmap(&p.heatmap, &labels);
    PartyCharts { per_day, heatmap }
}

fn peak_cell(cells: &[[u32; 24]; 7]) -> (usize, usize, u32) {
    let mut best = (0, 0, 0);
    for (d, row) in cells.iter().enumerate() {
        for (h, &c) in row.iter().enumerate() {
            if c > best.2 {
                best = (d, h, c);
            }
        }
    }
    best
}

/// Days with contact of the busiest parties, one lane each, as a timeline.
pub fn case_timeline(t: Tr, report: &PatternReport, lanes: usize) -> Option<String> {
    let (first, last) = (report.analysis.summary.first?, report.analysis.summary.last?);
    let mut parties: Vec<&PartyPattern> = report.analysis.parties.iter().collect();
    parties.sort_by_key(|p| std::cmp::Reverse(p.total));
    parties.truncate(lanes);
    let zone = report
        .analysis
        .summary
        .time_zone
        .as_deref()
        .and_then(|z| jiff::tz::TimeZone::get(z).ok())
        .unwrap_or(jiff::tz::TimeZone::UTC);
    let data: Vec<(String, Vec<(i64, u8)>)> = parties
        .iter()
        .map(|p| {
            let label = report
                .parties
                .iter()
                .find(|x| x.party == p.party)
                .map(|x| x.label.clone())
                .unwrap_or_default();
            // One mark per day and side at local noon: the lanes show which
            // days had contact, the bars chart shows how much.
            let marks = p
                .per_day
                .iter()
                .flat_map(|(day, from, to)| {
                    let noon = day
                        .at(12, 0, 0, 0)
                        .to_zoned(zone.clone())
                        .map(|z| z.timestamp().as_millisecond())
                        .unwrap_or(0);
                    [(noon, 0u8, *from), (noon, 1u8, *to)]
                })
                .filter(|(_, _, c)| *c > 0)
                .map(|(ms, side, _)| (ms, side))
                .collect();
            (label, marks)
        })
        .collect();
    let count = |c: u64| t.number(c);
    let date = |d: Date| t.date(d);
    let hour = |h: u8| format!("{h:02}");
    let instant = |ts: jiff::Timestamp| t.date(ts.to_zoned(zone.clone()).date());
    let labels = ChartLabels {
        id: "timeline".into(),
        title: t.get("chart-timeline-title"),
        description: t.with(
            "chart-timeline-desc",
            &[
                ("parties", n(data.len() as u64)),
                ("from", Arg::Text(t.timestamp(first))),
                ("to", Arg::Text(t.timestamp(last))),
            ],
        ),
        x_axis: t.get("chart-axis-day"),
        y_axis: String::new(),
        from_them: t.get("chart-from-them"),
        to_them: t.get("chart-to-them"),
        weekdays: weekdays(t),
        marker: None,
        count: &count,
        date: &date,
        hour: &hour,
        instant: &instant,
    };
    Some(charts::timeline(&data, first, last, &labels))
}
