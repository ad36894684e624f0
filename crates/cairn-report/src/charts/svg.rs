//! A small SVG writer: presentation attributes only (the pages' CSP allows no
//! `style=`), every text escaped, numbers printed the same way every time.

use std::fmt::Write;

/// Okabe–Ito colours, distinguishable with the common colour-vision
/// deficiencies; both are at least 3:1 against white, as WCAG asks of marks.
pub(crate) const FROM_THEM: &str = "#D55E00";
pub(crate) const TO_THEM: &str = "#0072B2";
pub(crate) const INK: &str = "#1A1A1A";
pub(crate) const AXIS: &str = "#595959";
pub(crate) const GRID: &str = "#D9D9D9";
pub(crate) const PAPER: &str = "#FFFFFF";

pub(crate) const FONT: f64 = 12.0;

/// Escapes `text` for XML character data and attribute values.
///
/// Characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE, U+FFFF)
/// become U+FFFD, because imported names can contain them and one would make
/// the whole document unreadable.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// A coordinate: at most two decimals, no trailing zeros, never `-0`.
pub(crate) struct N(pub f64);

impl std::fmt::Display for N {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = if self.0.is_finite() {
            (self.0 * 100.0).round() / 100.0
        } else {
            0.0
        };
        let v = if v == 0.0 { 0.0 } else { v };
        let s = format!("{v:.2}");
        f.write_str(s.trim_end_matches('0').trim_end_matches('.'))
    }
}

#[derive(Clone, Copy)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn name(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

pub(crate) struct Svg {
    out: String,
}

impl Svg {
    /// Opens the document: a `viewBox` and no fixed size (the page or the PDF
    /// decides the width), `role="img"` labelled by the caller's title and
    /// description for screen readers, and a white ground.
    pub(crate) fn new(width: f64, height: f64, id: &str, title: &str, description: &str) -> Svg {
        let id = sanitise_id(id);
        let mut svg = Svg {
            out: String::with_capacity(16 * 1024),
        };
        let _ = write!(
            svg.out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" preserveAspectRatio="xMidYMid meet" role="img" aria-labelledby="{id}-title {id}-desc" font-family="sans-serif" font-size="{}">"#,
            N(width),
            N(height),
            N(FONT)
        );
        let _ = write!(svg.out, r#"<title id="{id}-title">"#);
        escape_into(&mut svg.out, title);
        let _ = write!(svg.out, r#"</title><desc id="{id}-desc">"#);
        escape_into(&mut svg.out, description);
        svg.out.push_str("</desc>\n");
        svg.rect(0.0, 0.0, width, height, PAPER);
        svg
    }

    pub(crate) fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str) {
        let _ = writeln!(
            self.out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"/>"#,
            N(x),
            N(y),
            N(w),
            N(h)
        );
    }

    /// A rectangle with a tooltip (its `<title>`).
    pub(crate) fn rect_titled(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, title: &str) {
        let _ = write!(
            self.out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}" stroke="{PAPER}" stroke-width="1"><title>"#,
            N(x),
            N(y),
            N(w),
            N(h)
        );
        escape_into(&mut self.out, title);
        self.out.push_str("</title></rect>\n");
    }

    pub(crate) fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), stroke: &str, width: f64) {
        let _ = writeln!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="{}"/>"#,
            N(x1),
            N(y1),
            N(x2),
            N(y2),
            N(width)
        );
    }

    pub(crate) fn dashed(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), stroke: &str) {
        let _ = writeln!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="2" stroke-dasharray="6 4"/>"#,
            N(x1),
            N(y1),
            N(x2),
            N(y2)
        );
    }

    pub(crate) fn text(&mut self, x: f64, y: f64, anchor: Anchor, text: &str) {
        self.text_with(x, y, anchor, FONT, "", text);
    }

    /// Text with a size and extra attributes written by this crate (never
    /// caller text, which goes only through [`escape`]).
    pub(crate) fn text_with(&mut self, x: f64, y: f64, anchor: Anchor, size: f64, attrs: &str, text: &str) {
        if text.is_empty() {
            return;
        }
        let _ = write!(
            self.out,
            r#"<text x="{}" y="{}" text-anchor="{}" fill="{INK}""#,
            N(x),
            N(y),
            anchor.name()
        );
        if size != FONT {
            let _ = write!(self.out, r#" font-size="{}""#, N(size));
        }
        if !attrs.is_empty() {
            self.out.push(' ');
            self.out.push_str(attrs);
        }
        self.out.push('>');
        escape_into(&mut self.out, text);
        self.out.push_str("</text>\n");
    }

    /// Opens a group with a tooltip for everything inside it.
    pub(crate) fn group(&mut self, title: &str) {
        self.out.push_str("<g><title>");
        escape_into(&mut self.out, title);
        self.out.push_str("</title>");
    }

    pub(crate) fn end_group(&mut self) {
        self.out.push_str("</g>\n");
    }

    /// A path of many marks in one element, so large charts stay small.
    pub(crate) fn path(&mut self, d: &str, fill: &str, stroke: &str, title: &str) {
        let _ = write!(
            self.out,
            r#"<path d="{d}" fill="{fill}" stroke="{stroke}" stroke-width="1"><title>"#
        );
        escape_into(&mut self.out, title);
        self.out.push_str("</title></path>\n");
    }

    /// The visible title and a legend of `(colour, label)` swatches to its right.
    pub(crate) fn heading(&mut self, x: f64, width: f64, title: &str, legend: &[(&str, &str)]) {
        self.text_with(x, 20.0, Anchor::Start, 14.0, r#"font-weight="bold""#, title);
        // Laid out from the right edge; labels are estimated at 0.6 em a character.
        let mut right = x + width;
        for (colour, label) in legend.iter().rev().filter(|(_, l)| !l.is_empty()) {
            let w = label.chars().count() as f64 * FONT * 0.6;
            right -= w;
            self.text(right, 40.0, Anchor::Start, label);
            self.rect(right - 16.0, 31.0, 12.0, 12.0, colour);
            right -= 28.0;
        }
    }

    pub(crate) fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

/// Keeps ids to `[A-Za-z0-9_-]`, starting with a letter, so no caller value
/// can break out of the attribute or collide with XML syntax.
fn sanitise_id(id: &str) -> String {
    let mut out: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.insert_str(0, "chart-");
    }
    out
}

/// Tick step for an axis from 0 to `max` with about five ticks: 1, 2 or 5
/// times a power of ten. Returns `(step, top of the axis)`.
pub(crate) fn nice_ticks(max: u64) -> (u64, u64) {
    let max = max.max(1);
    let rough = max.div_ceil(5);
    let mut magnitude = 1u64;
    while magnitude.saturating_mul(10) <= rough {
        magnitude *= 10;
    }
    let step = [1, 2, 5, 10]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= rough)
        .unwrap_or(10 * magnitude);
    (step, max.div_ceil(step).saturating_mul(step))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;"
        );
        assert_eq!(escape("a\u{0}b\u{1B}c\u{FFFF}"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}");
        assert_eq!(escape("línea\ttab\nñ 😀"), "línea\ttab\nñ 😀");
        assert_eq!(escape("&amp;"), "&amp;amp;");
    }

    #[test]
    fn numbers_are_stable() {
        let s = |v: f64| N(v).to_string();
        assert_eq!(
            [
                s(0.0),
                s(-0.0),
                s(-0.001),
                s(1.0),
                s(1.5),
                s(2.346),
                s(80.0),
                s(f64::NAN)
            ],
            ["0", "0", "0", "1", "1.5", "2.35", "80", "0"]
        );
    }

    #[test]
    fn ticks() {
        assert_eq!(nice_ticks(0), (1, 1));
        assert_eq!(nice_ticks(4), (1, 4));
        assert_eq!(nice_ticks(10), (2, 10));
        assert_eq!(nice_ticks(11), (5, 15));
        assert_eq!(nice_ticks(97), (20, 100));
        assert_eq!(nice_ticks(1_000_000), (200_000, 1_000_000));
        assert!(nice_ticks(u64::MAX).0 > 0);
    }

    #[test]
    fn ids_are_safe() {
        assert_eq!(sanitise_id("per-day"), "per-day");
        assert_eq!(sanitise_id("\"><script>"), "script");
        assert_eq!(sanitise_id("1a"), "chart-1a");
        assert_eq!(sanitise_id(""), "chart-");
    }
}
