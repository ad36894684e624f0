//! Analyses a capture and prints a JSON summary; with a planted-hits
//! manifest (from gen_capture) it also checks that every hit was found
//! and nothing else was.
//!
//! usage: scan_capture CAPTURE INDICATOR_FILE... [--planted MANIFEST]

#![forbid(unsafe_code)]

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use cairn_scan::IndicatorSet;
use cairn_scan::capture::{Channel, analyze_capture_file};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let planted = match args.iter().position(|a| a == "--planted") {
        Some(i) => {
            let p = args.get(i + 1).cloned().ok_or("--planted needs a file")?;
            args.drain(i..=i + 1);
            Some(p)
        }
        None => None,
    };
    let (capture, sets) = args
        .split_first()
        .ok_or("usage: scan_capture CAPTURE INDICATOR_FILE...")?;
    let t0 = Instant::now();
    let mut set = IndicatorSet::new();
    for s in sets {
        set.load_path(Path::new(s), None)?;
    }
    let load_ms = t0.elapsed().as_secs_f64() * 1e3;
    let t1 = Instant::now();
    let report = analyze_capture_file(Path::new(capture), &set)?;
    let secs = t1.elapsed().as_secs_f64();
    let mut summary = serde_json::json!({
        "indicator_load_ms": load_ms,
        "analysis_seconds": secs,
        "bytes": report.bytes_read,
        "mib_per_second": report.bytes_read as f64 / (1 << 20) as f64 / secs,
        "stats": report.stats,
        "matches": report.matches.len(),
        "findings": report.findings().len(),
        "stopped": report.stopped,
        "outcome": report.outcome(),
    });
    if let Some(p) = planted {
        let mut want: BTreeMap<(String, String), u64> = BTreeMap::new();
        for line in std::fs::read_to_string(p)?.lines() {
            let mut f = line.split('\t');
            let (Some(c), Some(n)) = (f.next(), f.next()) else {
                continue;
            };
            *want.entry((c.to_owned(), n.to_ascii_lowercase())).or_default() += 1;
        }
        let mut got: BTreeMap<(String, String), u64> = BTreeMap::new();
        for m in &report.matches {
            let c = match m.channel {
                Channel::DnsQuery => "dns_query",
                Channel::TlsServerName => "tls_server_name",
                Channel::HttpHost => "http_host",
                _ => "other",
            };
            // A name under two indicator domains matches twice; count it once.
            let e = got.entry((c.to_owned(), m.observed.clone())).or_default();
            *e = (*e).max(m.count);
        }
        let missing: Vec<_> = want
            .iter()
            .filter(|(k, v)| got.get(*k) != Some(v))
            .map(|(k, v)| (k, v, got.get(k)))
            .collect();
        let unexpected: Vec<_> = got.keys().filter(|k| !want.contains_key(*k)).collect();
        summary["planted_events"] = want.values().sum::<u64>().into();
        summary["planted_names"] = want.len().into();
        summary["planted_all_found"] = missing.is_empty().into();
        summary["missing"] = serde_json::to_value(&missing)?;
        summary["unexpected"] = serde_json::to_value(&unexpected)?;
        println!("{}", serde_json::to_string_pretty(&summary)?);
        if !missing.is_empty() || !unexpected.is_empty() {
            std::process::exit(1);
        }
    } else {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    }
    Ok(())
}
