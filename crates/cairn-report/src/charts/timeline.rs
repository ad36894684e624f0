//! One lane per party over a time range.

use std::collections::BTreeMap;
use std::fmt::Write;

use cairn_pattern::{Contact, Side, side};
use jiff::Timestamp;

use super::svg::{AXIS, Anchor, FROM_THEM, GRID, N, Svg, TO_THEM};
use super::{ChartLabels, Plot};

const WIDTH: f64 = 800.0;
const TOP: f64 = 56.0;
const LANE: f64 = 40.0;
const BOTTOM: f64 = 52.0;
const LEFT: f64 = 150.0;
/// Up to this many points in all, each contact is its own tick; beyond it,
/// contacts are counted into bins so the document's size stops growing with
/// the data (a million contacts would otherwise be megabytes).
pub(crate) const MAX_TICKS: usize = 2000;
/// Bins per lane when binning: about 1.6 px each on the 634 px axis.
const BINS: usize = 400;
/// Longest mark, in px, either side of a lane's centre line.
const MARK: f64 = 14.0;
/// Intervals between time labels.
const TIME_STEPS: i128 = 3;
/// Party names longer than this are cut (the tooltip has the full name).
const NAME_CHARS: usize = 22;

/// A lane per party: contacts from them as marks above the lane's line,
/// contacts to them below. `parties` holds `(name, [(unix ms, side)])`, side
/// `0` for from them and `1` (any non-zero) for to them; points outside
/// `from..=to` are left out. Beyond 2,000 points in all, each lane shows
/// counts per bin (mark height relative to the lane's busiest bin), so the
/// size is bounded by the number of lanes, not of contacts. Each lane's
/// marks carry a tooltip with the party's name and counts.
pub fn timeline(
    parties: &[(String, Vec<(i64, u8)>)],
    from: Timestamp,
    to: Timestamp,
    labels: &ChartLabels<'_>,
) -> String {
    let height = TOP + parties.len() as f64 * LANE + BOTTOM;
    let plot = Plot {
        x0: LEFT,
        x1: WIDTH - 16.0,
        y0: TOP,
        y1: height - BOTTOM,
    };
    let id = if labels.id.is_empty() {
        "timeline"
    } else {
        labels.id.as_str()
    };
    let mut svg = Svg::new(WIDTH, height, id, &labels.title, &labels.description);
    let legend = [
        (FROM_THEM, labels.from_them.as_str()),
        (TO_THEM, labels.to_them.as_str()),
    ];
    svg.heading(plot.x0, plot.width(), &labels.title, &legend);

    let (from_ms, to_ms) = (from.as_millisecond(), to.as_millisecond().max(from.as_millisecond()));
    let span = i128::from(to_ms - from_ms).max(1);
    let inside = |t: i64| (from_ms..=to_ms).contains(&t);
    let total: usize = parties
        .iter()
        .map(|(_, points)| points.iter().filter(|p| inside(p.0)).count())
        .sum();
    let binned = total > MAX_TICKS;
    let x_of = |t: i64| plot.x0 + (i128::from(t - from_ms) as f64 / span as f64) * plot.width();

    for (lane, (name, points)) in parties.iter().enumerate() {
        let cy = plot.y0 + lane as f64 * LANE + LANE / 2.0;
        svg.line((plot.x0, cy), (plot.x1, cy), GRID, 1.0);
        svg.text(plot.x0 - 8.0, cy + 4.0, Anchor::End, &short(name));
        let mut marks = [String::new(), String::new()];
        let mut counts = [0u64; 2];
        if binned {
            let mut bins = [vec![0u32; BINS], vec![0u32; BINS]];
            for &(t, s) in points.iter().filter(|p| inside(p.0)) {
                let bin = (i128::from(t - from_ms) * BINS as i128 / span).clamp(0, BINS as i128 - 1) as usize;
                bins[usize::from(s != 0)][bin] += 1;
            }
            let busiest = bins.iter().flatten().copied().max().unwrap_or(0).max(1);
            let w = plot.width() / BINS as f64;
            for (side, (bins, d)) in bins.iter().zip(&mut marks).enumerate() {
                counts[side] = bins.iter().map(|&n| u64::from(n)).sum();
                if counts[side] == 0 {
                    continue;
                }
                // One step outline per lane side (a histogram), not a shape
                // per bin: a vertical and a horizontal move where the height
                // changes, in absolute coordinates so widths do not drift.
                let dir = if side == 0 { -1.0 } else { 1.0 };
                let _ = write!(d, "M{} {}", N(plot.x0), N(cy));
                let mut level = N(cy).to_string();
                for (b, &n) in bins.iter().enumerate() {
                    let h = if n == 0 {
                        0.0
                    } else {
                        1.0 + (MARK - 1.0) * f64::from(n) / f64::from(busiest)
                    };
                    let y = N(cy + dir * h).to_string();
                    if y != level {
                        let _ = write!(d, "H{}V{y}", N(plot.x0 + b as f64 * w));
                        level = y;
                    }
                }
                let _ = write!(d, "H{}V{}z", N(plot.x1), N(cy));
            }
        } else {
            for &(t, s) in points.iter().filter(|p| inside(p.0)) {
                let side = usize::from(s != 0);
                counts[side] += 1;
                let dir = if side == 0 { -1.0 } else { 1.0 };
                let _ = write!(marks[side], "M{} {}v{}", N(x_of(t)), N(cy + dir), N(dir * MARK));
            }
        }
        for (side, d) in marks.iter().enumerate().filter(|(_, d)| !d.is_empty()) {
            let (colour, label) = if side == 0 {
                (FROM_THEM, &labels.from_them)
            } else {
                (TO_THEM, &labels.to_them)
            };
            let tip = format!("{name}: {label} {}", (labels.count)(counts[side]));
            // Bins are filled shapes; single contacts are strokes.
            let (fill, stroke) = if binned { (colour, "none") } else { ("none", colour) };
            svg.path(d, fill, stroke, &tip);
        }
    }

    svg.line((plot.x0, plot.y1), (plot.x1, plot.y1), AXIS, 1.0);
    // Four labels: a date and time is about 105 px wide at 12 px, and four
    // leave room between them; the last is right-aligned to stay inside.
    for k in 0..=TIME_STEPS {
        let t = from_ms + (i128::from(to_ms - from_ms) * k / TIME_STEPS) as i64;
        let x = x_of(t);
        svg.line((x, plot.y1), (x, plot.y1 + 4.0), AXIS, 1.0);
        let anchor = if k == TIME_STEPS { Anchor::End } else { Anchor::Middle };
        let label = Timestamp::from_millisecond(t)
            .map(|ts| (labels.instant)(ts))
            .unwrap_or_default();
        svg.text(x, plot.y1 + 18.0, anchor, &label);
    }
    svg.text(
        plot.x0 + plot.width() / 2.0,
        height - 12.0,
        Anchor::Middle,
        &labels.x_axis,
    );
    svg.finish()
}

fn short(name: &str) -> String {
    if name.chars().count() <= NAME_CHARS {
        return name.to_owned();
    }
    let mut cut: String = name.chars().take(NAME_CHARS - 1).collect();
    cut.push('\u{2026}');
    cut
}

/// Lanes for [`timeline`] from analysed contacts: one per party, in party
/// order, named by `name`; contacts whose direction is unknown are left out
/// (they belong to neither side).
pub fn timeline_lanes(contacts: &[Contact], name: impl Fn(u32) -> String) -> Vec<(String, Vec<(i64, u8)>)> {
    let mut lanes: BTreeMap<u32, Vec<(i64, u8)>> = BTreeMap::new();
    for c in contacts {
        let s = match side(c.direction) {
            Side::FromThem => 0,
            Side::ToThem => 1,
            Side::Unknown => continue,
        };
        lanes.entry(c.party).or_default().push((c.at_ms, s));
    }
    lanes.into_iter().map(|(party, points)| (name(party), points)).collect()
}
