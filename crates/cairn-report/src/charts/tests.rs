//! Every chart is well-formed XML, accessible, CSP-safe and deterministic;
//! then the numbers of a few marks worked out by hand.

use jiff::Timestamp;
use jiff::civil::{Date, date};

use super::svg::{FROM_THEM, TO_THEM};
use super::{ChartLabels, heatmap, per_day_bars, timeline};

const HOSTILE: &str = r#"<script>alert("x")</script> & 'Tom' ]]> </svg>"#;

fn labels() -> ChartLabels<'static> {
    ChartLabels {
        x_axis: "Day".into(),
        y_axis: "Contacts".into(),
        from_them: "From them".into(),
        to_them: "To them".into(),
        weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map(str::to_owned),
        ..ChartLabels::new("c1", "Contacts per day", "Summary for screen readers")
    }
}

/// Parses `svg` and checks what every chart promises; returns the document
/// for further looks.
fn check<'s>(svg: &'s str, again: &str) -> roxmltree::Document<'s> {
    assert_eq!(svg, again, "same input, same bytes");
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"));
    assert!(root.attribute("viewBox").is_some());
    assert_eq!(
        (root.attribute("width"), root.attribute("height")),
        (None, None),
        "no fixed size"
    );
    assert_eq!(root.attribute("font-family"), Some("sans-serif"));
    let ids: Vec<&str> = root.attribute("aria-labelledby").unwrap().split(' ').collect();
    let kinds: Vec<&str> = ids
        .iter()
        .map(|id| {
            doc.descendants()
                .find(|n| n.attribute("id") == Some(*id))
                .unwrap()
                .tag_name()
                .name()
        })
        .collect();
    assert_eq!(kinds, ["title", "desc"]);
    assert!(!svg.contains("style"), "no style attribute or element");
    assert!(!svg.contains("<script") && !svg.contains("href") && !svg.contains("url("));
    assert_eq!(svg.matches("http").count(), 1, "only the namespace");
    assert!(svg.contains(r#"xmlns="http://www.w3.org/2000/svg""#));
    doc
}

/// Tooltips (`<title>` children of marks), in document order.
fn tips<'a>(doc: &'a roxmltree::Document<'_>) -> Vec<&'a str> {
    doc.descendants()
        .filter(|n| n.has_tag_name("title") && n.parent().is_some_and(|p| !p.has_tag_name("svg")))
        .filter_map(|n| n.text())
        .collect()
}

fn num(node: roxmltree::Node<'_, '_>, attr: &str) -> f64 {
    node.attribute(attr).unwrap().parse().unwrap()
}

#[test]
fn bars_known_heights_and_gaps() {
    // Max 10 → ticks of 2 up to 10; the plot is 188 px tall (56..244) and
    // 720 px wide; five days (1st to 5th) → 144 px slots, bars 115.2 px.
    let days = [(date(2026, 3, 1), 4, 1), (date(2026, 3, 5), 10, 0)];
    let svg = per_day_bars(&days, &labels());
    let doc = check(&svg, &per_day_bars(&days, &labels()));
    let groups: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("g")).collect();
    assert_eq!(groups.len(), 2);
    let rects = |g: roxmltree::Node<'_, '_>| -> Vec<(f64, f64, f64, String)> {
        g.children()
            .filter(|n| n.has_tag_name("rect"))
            .map(|r| {
                (
                    num(r, "x"),
                    num(r, "y"),
                    num(r, "height"),
                    r.attribute("fill").unwrap().to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(
        rects(groups[0]),
        [
            (78.4, 168.8, 75.2, FROM_THEM.to_owned()),
            (78.4, 150.0, 18.8, TO_THEM.to_owned())
        ]
    );
    // Day 5 sits four slots on: the three days without contact are a gap.
    assert_eq!(rects(groups[1]), [(654.4, 56.0, 188.0, FROM_THEM.to_owned())]);
    assert_eq!(
        tips(&doc),
        [
            "2026-03-01: From them 4, To them 1",
            "2026-03-05: From them 10, To them 0"
        ]
    );
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    for expected in [
        "Contacts per day",
        "From them",
        "To them",
        "0",
        "2",
        "10",
        "2026-03-01",
        "Day",
        "Contacts",
    ] {
        assert!(texts.contains(&expected), "{expected} in {texts:?}");
    }
}

#[test]
fn bars_marker_stretches_the_axis() {
    let mut l = labels();
    l.marker = Some((date(2026, 3, 10), "No contact asked".into()));
    let days = [(date(2026, 3, 1), 1, 0), (date(2026, 3, 6), 2, 0)];
    let svg = per_day_bars(&days, &l);
    let doc = check(&svg, &per_day_bars(&days, &l));
    let dashed = doc
        .descendants()
        .find(|n| n.attribute("stroke-dasharray").is_some())
        .unwrap();
    // Ten days (1st–10th) in 720 px: the 10th starts at 64 + 9 × 72.
    assert_eq!((num(dashed, "x1"), num(dashed, "x2")), (712.0, 712.0));
    assert!(svg.contains(">No contact asked</text>"));
}

#[test]
fn bars_edge_cases() {
    for days in [
        vec![],
        vec![(date(2026, 1, 1), 0, 0)],
        vec![(Date::MIN, 1, 0), (Date::MAX, u32::MAX, u32::MAX)],
    ] {
        let svg = per_day_bars(&days, &labels());
        check(&svg, &per_day_bars(&days, &labels()));
        assert!(svg.len() < 20_000);
    }
}

#[test]
fn heatmap_cells_and_legend() {
    let mut cells = [[0u32; 24]; 7];
    cells[2][13] = 7;
    cells[6][1] = 3;
    let svg = heatmap(&cells, &labels());
    let doc = check(&svg, &heatmap(&cells, &labels()));
    let tips = tips(&doc);
    assert_eq!(tips.len(), 7 * 24);
    assert_eq!(tips[2 * 24 + 13], "Wed 13: 7");
    assert_eq!(tips[6 * 24 + 1], "Sun 01: 3");
    assert_eq!(tips[0], "Mon 00: 0");
    let fill_of = |tip: &str| {
        let t = doc
            .descendants()
            .find(|n| n.has_tag_name("title") && n.text() == Some(tip))
            .unwrap();
        t.parent().unwrap().attribute("fill").unwrap().to_owned()
    };
    // 7 is the darkest class; 3 is class ceil(15/7) = 3.
    assert_eq!(fill_of("Wed 13: 7"), "#08519C");
    assert_eq!(fill_of("Sun 01: 3"), "#6BAED6");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    // max 7: classes 1, 2, 3–4, 5, 6–7.
    for expected in ["0", "1", "2", "3\u{2013}4", "5", "6\u{2013}7", "Mon", "Sun", "00", "21"] {
        assert!(texts.contains(&expected), "{expected} in {texts:?}");
    }
    let empty = [[0u32; 24]; 7];
    check(&heatmap(&empty, &labels()), &heatmap(&empty, &labels()));
}

#[test]
fn timeline_ticks_then_bins() {
    let from: Timestamp = "2026-01-01T00:00Z".parse().unwrap();
    let to: Timestamp = "2026-01-11T00:00Z".parse().unwrap();
    let day = 86_400_000;
    let start = from.as_millisecond();
    let lanes = vec![
        (
            "Alex".to_owned(),
            vec![(start, 0), (start + 5 * day, 1), (start + 20 * day, 0)],
        ),
        (
            "Unassigned +1 555 0100 with a very long name".to_owned(),
            vec![(start + 10 * day, 0)],
        ),
    ];
    let svg = timeline(&lanes, from, to, &labels());
    let doc = check(&svg, &timeline(&lanes, from, to, &labels()));
    let paths: Vec<(&str, &str)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("path"))
        .map(|n| (n.attribute("d").unwrap(), n.attribute("stroke").unwrap()))
        .collect();
    // x runs 150..784 over ten days; lane centres at 76 and 116. The point
    // after `to` is left out.
    assert_eq!(
        paths,
        [
            ("M150 75v-14", FROM_THEM),
            ("M467 77v14", TO_THEM),
            ("M784 115v-14", FROM_THEM)
        ]
    );
    assert_eq!(tips(&doc)[..2], ["Alex: From them 1", "Alex: To them 1"]);
    assert!(svg.contains(">Unassigned +1 555 010\u{2026}</text>"));
    let times: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .filter(|t| t.contains(':'))
        .collect();
    assert_eq!(
        times,
        [
            "2026-01-01 00:00",
            "2026-01-04 08:00",
            "2026-01-07 16:00",
            "2026-01-11 00:00"
        ]
    );
}

#[test]
fn a_million_contacts_make_a_small_timeline() {
    let from: Timestamp = "2025-06-01T00:00Z".parse().unwrap();
    let to: Timestamp = "2026-06-01T00:00Z".parse().unwrap();
    let span = (to.as_millisecond() - from.as_millisecond()) as u64;
    let mut state = 7u64;
    let mut lanes: Vec<(String, Vec<(i64, u8)>)> = (0..5).map(|i| (format!("Party {i}"), Vec::new())).collect();
    for i in 0..1_000_000u64 {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let at = from.as_millisecond() + ((state >> 11) % span) as i64;
        lanes[(i % 5) as usize].1.push((at, (state >> 7 & 1) as u8));
    }
    let svg = timeline(&lanes, from, to, &labels());
    check(&svg, &timeline(&lanes, from, to, &labels()));
    assert!(svg.len() < 100_000, "{} bytes", svg.len());
    assert_eq!(tips(&roxmltree::Document::parse(&svg).unwrap()).len(), 10);
}

#[test]
fn caller_text_is_escaped_everywhere() {
    let hostile_date = |_: Date| HOSTILE.to_owned();
    let mut l: ChartLabels<'_> = ChartLabels::new(HOSTILE, HOSTILE, HOSTILE);
    l.x_axis = HOSTILE.into();
    l.y_axis = HOSTILE.into();
    l.from_them = HOSTILE.into();
    l.to_them = HOSTILE.into();
    l.weekdays = std::array::from_fn(|_| HOSTILE.to_owned());
    l.marker = Some((date(2026, 1, 2), HOSTILE.into()));
    l.date = &hostile_date;
    let day = [(date(2026, 1, 1), 1, 1)];
    let mut cells = [[0u32; 24]; 7];
    cells[0][0] = 1;
    let lanes = vec![(format!("{HOSTILE}\u{0}\u{1b}"), vec![(0, 0), (1, 1)])];
    let t = Timestamp::from_millisecond(1).unwrap();
    for svg in [
        per_day_bars(&day, &l),
        heatmap(&cells, &l),
        timeline(&lanes, Timestamp::UNIX_EPOCH, t, &l),
    ] {
        let doc = check(&svg, &svg);
        let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
        assert_eq!(title.text(), Some(HOSTILE));
        assert!(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;Tom&apos;"));
        // The id keeps only safe characters.
        assert!(svg.contains(r#"id="scriptalertxscriptTomsvg-title""#), "{svg}");
    }
}
