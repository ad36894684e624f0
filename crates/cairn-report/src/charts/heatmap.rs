//! Contacts from them by weekday and hour.

use super::ChartLabels;
use super::svg::{Anchor, Svg};

const WIDTH: f64 = 800.0;
const LEFT: f64 = 64.0;
const TOP: f64 = 56.0;
const CELL_W: f64 = (WIDTH - LEFT - 16.0) / 24.0;
const CELL_H: f64 = 26.0;
const GRID_BOTTOM: f64 = TOP + 7.0 * CELL_H;
const HEIGHT: f64 = GRID_BOTTOM + 84.0;
/// No contact: a light grey, so an empty hour reads differently from a quiet one.
const EMPTY: &str = "#F0F0F0";
/// Five steps of one blue, light to dark: order by lightness alone survives
/// every colour-vision deficiency and greyscale printing.
const RAMP: [&str; 5] = ["#C6DBEF", "#9ECAE1", "#6BAED6", "#3182BD", "#08519C"];

/// Weekday rows (Monday first, named by [`ChartLabels::weekdays`]) by hour
/// columns, darker for more contacts; cells carry a tooltip with weekday,
/// hour and count, and a legend under the grid gives each shade's range.
/// Shades split `1..=max` into five equal classes (fewer when `max < 5`).
pub fn heatmap(cells: &[[u32; 24]; 7], labels: &ChartLabels<'_>) -> String {
    let id = if labels.id.is_empty() {
        "heatmap"
    } else {
        labels.id.as_str()
    };
    let mut svg = Svg::new(WIDTH, HEIGHT, id, &labels.title, &labels.description);
    svg.heading(LEFT, WIDTH - LEFT - 16.0, &labels.title, &[]);
    let max = cells.iter().flatten().copied().max().unwrap_or(0);

    for (row, (counts, name)) in cells.iter().zip(&labels.weekdays).enumerate() {
        let y = TOP + row as f64 * CELL_H;
        svg.text(LEFT - 8.0, y + CELL_H / 2.0 + 4.0, Anchor::End, name);
        for (hour, &count) in counts.iter().enumerate() {
            let hour_label = (labels.hour)(hour as u8);
            let tip = format!("{name} {hour_label}: {}", (labels.count)(u64::from(count)));
            let x = LEFT + hour as f64 * CELL_W;
            svg.rect_titled(x, y, CELL_W, CELL_H, shade(count, max), &tip);
        }
    }
    for hour in (0..24u8).step_by(3) {
        let x = LEFT + (f64::from(hour) + 0.5) * CELL_W;
        svg.text(x, GRID_BOTTOM + 16.0, Anchor::Middle, &(labels.hour)(hour));
    }
    svg.text(
        LEFT + (WIDTH - LEFT - 16.0) / 2.0,
        GRID_BOTTOM + 34.0,
        Anchor::Middle,
        &labels.x_axis,
    );

    let mut x = LEFT;
    let legend_y = GRID_BOTTOM + 52.0;
    let mut key = vec![(EMPTY, (labels.count)(0))];
    for (level, colour) in RAMP.iter().enumerate() {
        let (lo, hi) = class_range(level as u64 + 1, u64::from(max));
        if lo <= hi {
            let text = if lo == hi {
                (labels.count)(lo)
            } else {
                format!("{}\u{2013}{}", (labels.count)(lo), (labels.count)(hi))
            };
            key.push((colour, text));
        }
    }
    for (colour, text) in key {
        svg.rect(x, legend_y, 14.0, 14.0, colour);
        svg.text(x + 18.0, legend_y + 11.0, Anchor::Start, &text);
        x += 30.0 + text.chars().count() as f64 * 7.2;
    }
    svg.finish()
}

/// The shade of a count: level `ceil(5 × count / max)`.
fn shade(count: u32, max: u32) -> &'static str {
    if count == 0 || max == 0 {
        return EMPTY;
    }
    let level = (u64::from(count) * 5).div_ceil(u64::from(max)).clamp(1, 5);
    RAMP[level as usize - 1]
}

/// The counts that get `level` (1–5): `(k-1)·max/5 < count ≤ k·max/5`.
fn class_range(level: u64, max: u64) -> (u64, u64) {
    ((level - 1) * max / 5 + 1, level * max / 5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_follow_their_legend() {
        for max in [1u32, 2, 3, 5, 7, 10, 99, 1000] {
            for count in 1..=max {
                let level = RAMP.iter().position(|c| *c == shade(count, max)).unwrap() as u64 + 1;
                let (lo, hi) = class_range(level, u64::from(max));
                assert!(
                    (lo..=hi).contains(&u64::from(count)),
                    "max {max} count {count} level {level}"
                );
            }
        }
        assert_eq!(shade(0, 10), EMPTY);
        assert_eq!(shade(10, 10), RAMP[4]);
    }
}
