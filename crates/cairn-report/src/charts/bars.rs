//! Contacts per day as stacked bars.

use jiff::SignedDuration;
use jiff::civil::Date;

use super::svg::{AXIS, Anchor, FROM_THEM, GRID, INK, N, Svg, TO_THEM, nice_ticks};
use super::{ChartLabels, Plot};

const WIDTH: f64 = 800.0;
const HEIGHT: f64 = 300.0;
/// Plot area: 64 px left for counts, 56 px above for the heading and legend,
/// 56 px below for dates and the axis name.
pub(crate) const PLOT: Plot = Plot {
    x0: 64.0,
    x1: WIDTH - 16.0,
    y0: 56.0,
    y1: HEIGHT - 56.0,
};
/// Date ticks every this many days: the first that leaves at most 8 labels.
const DAY_STEPS: [u64; 9] = [1, 2, 7, 14, 28, 56, 91, 182, 364];

/// Stacked bars per day: contacts from them (bottom) and to them (top).
///
/// `days` holds `(date, from them, to them)`, in any order, only for days
/// with contact (as [`cairn_pattern::PartyPattern::per_day`] gives them);
/// days in between are drawn as gaps, not skipped, so silence shows. The
/// x axis runs from the first to the last day, stretched to include
/// [`ChartLabels::marker`] when it is set. Each day's bars carry a tooltip
/// with the date and both counts.
pub fn per_day_bars(days: &[(Date, u32, u32)], labels: &ChartLabels<'_>) -> String {
    let id = if labels.id.is_empty() {
        "per-day"
    } else {
        labels.id.as_str()
    };
    let mut svg = Svg::new(WIDTH, HEIGHT, id, &labels.title, &labels.description);
    let legend = [
        (FROM_THEM, labels.from_them.as_str()),
        (TO_THEM, labels.to_them.as_str()),
    ];
    svg.heading(PLOT.x0, PLOT.width(), &labels.title, &legend);

    let dates = || days.iter().map(|d| d.0).chain(labels.marker.as_ref().map(|m| m.0));
    let (first, last) = match (dates().min(), dates().max()) {
        (Some(first), Some(last)) => (first, last),
        _ => (Date::constant(1970, 1, 1), Date::constant(1970, 1, 1)),
    };
    let span = day_index(first, last) + 1;
    let slot = PLOT.width() / span as f64;

    let max = days
        .iter()
        .map(|&(_, f, t)| u64::from(f) + u64::from(t))
        .max()
        .unwrap_or(0);
    let (step, top) = nice_ticks(max);
    let y_of = |v: u64| PLOT.y1 - v as f64 / top as f64 * PLOT.height();
    let mut v = 0;
    while v <= top {
        let y = y_of(v);
        svg.line((PLOT.x0, y), (PLOT.x1, y), GRID, 1.0);
        svg.text(PLOT.x0 - 6.0, y + 4.0, Anchor::End, &(labels.count)(v));
        v += step;
    }

    let bar = (slot * 0.8).max(0.5);
    for &(date, from, to) in days {
        let x = PLOT.x0 + day_index(first, date) as f64 * slot + (slot - bar) / 2.0;
        let tip = format!(
            "{}: {} {}, {} {}",
            (labels.date)(date),
            labels.from_them,
            (labels.count)(u64::from(from)),
            labels.to_them,
            (labels.count)(u64::from(to))
        );
        svg.group(&tip);
        let from_top = y_of(u64::from(from));
        if from > 0 {
            svg.rect(x, from_top, bar, PLOT.y1 - from_top, FROM_THEM);
        }
        if to > 0 {
            let to_top = y_of(u64::from(from) + u64::from(to));
            svg.rect(x, to_top, bar, from_top - to_top, TO_THEM);
        }
        svg.end_group();
    }

    svg.line((PLOT.x0, PLOT.y1), (PLOT.x1, PLOT.y1), AXIS, 1.0);
    svg.line((PLOT.x0, PLOT.y0), (PLOT.x0, PLOT.y1), AXIS, 1.0);
    let days_shown = span.unsigned_abs();
    let every = DAY_STEPS
        .into_iter()
        .find(|s| days_shown.div_ceil(*s) <= 8)
        .unwrap_or_else(|| days_shown.div_ceil(8 * 364) * 364);
    for k in (0..span).step_by(every as usize) {
        let x = PLOT.x0 + (k as f64 + 0.5) * slot;
        svg.line((x, PLOT.y1), (x, PLOT.y1 + 4.0), AXIS, 1.0);
        svg.text(x, PLOT.y1 + 18.0, Anchor::Middle, &(labels.date)(add_days(first, k)));
    }

    if let Some((date, label)) = &labels.marker {
        let x = PLOT.x0 + day_index(first, *date) as f64 * slot;
        svg.dashed((x, PLOT.y0 - 4.0), (x, PLOT.y1), INK);
        let (tx, anchor) = if x < PLOT.x0 + PLOT.width() / 2.0 {
            (x + 4.0, Anchor::Start)
        } else {
            (x - 4.0, Anchor::End)
        };
        svg.text(tx, PLOT.y0 + 10.0, anchor, label);
    }

    svg.text(
        PLOT.x0 + PLOT.width() / 2.0,
        HEIGHT - 12.0,
        Anchor::Middle,
        &labels.x_axis,
    );
    let cy = PLOT.y0 + PLOT.height() / 2.0;
    svg.text_with(
        16.0,
        cy,
        Anchor::Middle,
        12.0,
        &format!(r#"transform="rotate(-90 16 {})""#, N(cy)),
        &labels.y_axis,
    );
    svg.finish()
}

fn day_index(first: Date, date: Date) -> i64 {
    date.duration_since(first).as_hours() / 24
}

fn add_days(date: Date, days: i64) -> Date {
    date.checked_add(SignedDuration::from_hours(days * 24)).unwrap_or(date)
}
