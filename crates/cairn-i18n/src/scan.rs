//! Wording device-check findings, gaps and outcomes from their data. The
//! texts are `scan.ftl`, the same file `cairn-scan` ships.

use cairn_app::core::{Named, ScanFinding, ScanGap, ScanOutcome, ScanParam};

use crate::{Arg, Tr};

/// Everything a person should read about one finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingText {
    pub title: String,
    pub means: String,
    pub not_means: String,
    pub caution: String,
}

fn args<'a>(params: impl IntoIterator<Item = (&'a String, &'a ScanParam)>) -> Vec<(String, Arg)> {
    params
        .into_iter()
        .map(|(k, v)| {
            let v = match v {
                ScanParam::Number(n) => Arg::Number(*n as f64),
                ScanParam::Text(s) => Arg::Text(s.clone()),
            };
            (k.clone(), v)
        })
        .collect()
}

pub fn describe_finding(t: Tr, f: &ScanFinding) -> FindingText {
    let id = format!("scan-{}", f.kind.replace('_', "-"));
    let args = args(&f.params);
    let part = |attr: &str| t.try_with_named(&format!("{id}.{attr}"), &args);
    match part("title") {
        Some(title) => FindingText {
            title,
            means: part("means").unwrap_or_default(),
            not_means: part("not-means").unwrap_or_default(),
            caution: part("caution").unwrap_or_else(|| t.get("scan-caution-general")),
        },
        // A kind from a newer analyzer than these texts still gets a heading.
        None => FindingText {
            title: f.kind.clone(),
            means: String::new(),
            not_means: String::new(),
            caution: t.get("scan-caution-general"),
        },
    }
}

pub fn describe_gap(t: Tr, g: &ScanGap) -> String {
    let id = format!("scan-gap-{}", g.reason.replace('_', "-"));
    let mut args = args(&g.params);
    // Every gap message may name what was missed; fall back to the area.
    if !args.iter().any(|(k, _)| k == "what") {
        args.push(("what".into(), Arg::Text(g.area.replace('_', " "))));
    }
    t.try_with_named(&id, &args)
        .unwrap_or_else(|| format!("{} ({})", g.area, g.reason))
}

pub fn describe_outcome(t: Tr, o: ScanOutcome) -> String {
    t.get(&format!("scan-outcome-{}", o.name().replace('_', "-")))
}
