//! SVG charts of a course of conduct, for inline HTML and for the PDF.
//!
//! - [`per_day_bars`]: stacked bars per day, from them under to them, with
//!   gaps for days without contact and an optional no-contact marker.
//! - [`heatmap`]: weekday × hour of contacts from them, each cell with a
//!   tooltip.
//! - [`timeline`]: one lane per party over a time range; above 2,000 points
//!   marks are binned so a million contacts still give a small document.
//!
//! Every chart is one `<svg>` string with `role="img"`, `aria-labelledby`
//! pointing at the caller's `<title>` and `<desc>`, a `viewBox` and no fixed
//! size (so `width: 100%` from the page's stylesheet, or typst's `image`
//! width, scales it), `font-family="sans-serif"`, presentation attributes
//! only (no `style=`, no script, no external reference), all text escaped
//! with [`escape`], Okabe–Ito colours, and the same bytes for the same input.
//!
//! The crate knows no language: every word and every formatted number, date
//! and hour comes from [`ChartLabels`].

mod bars;
mod heatmap;
mod svg;
mod timeline;

#[cfg(test)]
mod tests;

use jiff::Timestamp;
use jiff::civil::Date;

pub use bars::per_day_bars;
pub use heatmap::heatmap;
pub use svg::escape;
pub use timeline::{timeline, timeline_lanes};

/// Every string a chart shows, already in the reader's language.
///
/// Empty strings are left out of the drawing (an empty legend entry draws no
/// swatch). [`ChartLabels::new`] fills the formatters with language-neutral
/// ones (plain digits, ISO 8601 dates, 24-hour hours); interfaces replace
/// them with their locale's.
pub struct ChartLabels<'a> {
    /// Unique within the page: the `<title>` and `<desc>` ids derive from it
    /// (`{id}-title`, `{id}-desc`); characters other than ASCII letters,
    /// digits, `-` and `_` are dropped.
    pub id: String,
    /// Shown above the chart and read first by screen readers.
    pub title: String,
    /// What the chart shows, in words, for people who cannot see it (the
    /// totals, the busiest day, the trend): read after the title.
    pub description: String,
    pub x_axis: String,
    pub y_axis: String,
    /// Legend entry for contacts from them (incoming, missed, blocked…).
    pub from_them: String,
    /// Legend entry for contacts to them (outgoing, drafts).
    pub to_them: String,
    /// Short weekday names, Monday first (heatmap rows).
    pub weekdays: [String; 7],
    /// A vertical marker on [`per_day_bars`], e.g. the day no contact was
    /// asked for, with its label.
    pub marker: Option<(Date, String)>,
    pub count: &'a dyn Fn(u64) -> String,
    pub date: &'a dyn Fn(Date) -> String,
    /// An hour of the day, 0–23 (heatmap columns and tooltips).
    pub hour: &'a dyn Fn(u8) -> String,
    /// An instant (timeline axis); the caller chooses the time zone.
    pub instant: &'a dyn Fn(Timestamp) -> String,
}

impl ChartLabels<'static> {
    /// Labels with the given title and description, no words anywhere else,
    /// and language-neutral formatters.
    pub fn new(id: &str, title: &str, description: &str) -> Self {
        ChartLabels {
            id: id.to_owned(),
            title: title.to_owned(),
            description: description.to_owned(),
            x_axis: String::new(),
            y_axis: String::new(),
            from_them: String::new(),
            to_them: String::new(),
            weekdays: ["1", "2", "3", "4", "5", "6", "7"].map(str::to_owned),
            marker: None,
            count: &neutral_count,
            date: &neutral_date,
            hour: &neutral_hour,
            instant: &neutral_instant,
        }
    }
}

fn neutral_count(n: u64) -> String {
    n.to_string()
}

fn neutral_date(d: Date) -> String {
    d.to_string()
}

fn neutral_hour(h: u8) -> String {
    format!("{h:02}")
}

fn neutral_instant(t: Timestamp) -> String {
    t.strftime("%Y-%m-%d %H:%M").to_string()
}

/// The plotting rectangle inside a chart's margins.
#[derive(Clone, Copy)]
struct Plot {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

impl Plot {
    fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    fn height(&self) -> f64 {
        self.y1 - self.y0
    }
}
