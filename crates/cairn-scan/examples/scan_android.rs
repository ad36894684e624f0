//! Analyses an AndroidQF folder/zip or a bug report and prints the report
//! as JSON, with the time the analysis took.
//!
//! usage: scan_android PATH INDICATOR_FILE... [--as-of YYYY-MM-DD]

#![forbid(unsafe_code)]

use std::path::Path;
use std::time::Instant;

use cairn_scan::IndicatorSet;
use cairn_scan::android::{AndroidOptions, analyze_path};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut opts = AndroidOptions::default();
    if let Some(i) = args.iter().position(|a| a == "--as-of") {
        let d = args.get(i + 1).ok_or("--as-of needs a date")?.parse()?;
        opts = AndroidOptions::as_of(d);
        args.drain(i..=i + 1);
    }
    let (path, sets) = args.split_first().ok_or("usage: scan_android PATH INDICATOR_FILE...")?;
    let t0 = Instant::now();
    let mut set = IndicatorSet::new();
    for s in sets {
        set.load_path(Path::new(s), None)?;
    }
    let loaded = t0.elapsed();
    let report = analyze_path(Path::new(path), &set, &opts)?;
    let total = t0.elapsed();
    let out = serde_json::json!({
        "seconds_total": total.as_secs_f64(),
        "seconds_loading_indicators": loaded.as_secs_f64(),
        "outcome": report.outcome(),
        "device": report.device,
        "findings": report.findings,
        "coverage": report.coverage,
    });
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
}
