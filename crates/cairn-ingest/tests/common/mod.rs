//! Shared by the data-driven tests: a compact text rendering of what an
//! import produced, compared with a `.expected` file next to the input.
//! Run with `UPDATE_EXPECT=1` to rewrite the expectations, then review the
//! diff: the expected files are the specification.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use cairn_core::{Communication, Named};
use cairn_ingest::{Collect, Summary};

pub fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(rel)
}

fn short(hash: &cairn_core::Hash) -> String {
    hash.to_string()[..12].to_owned()
}

pub fn render_communication(out: &mut String, c: &Communication) {
    let mut head = format!("{} {} {} {:?}", c.at, c.channel, c.direction, c.counterpart);
    if let Some(d) = c.delivery {
        write!(head, " [{}]", d.name()).unwrap();
    }
    if let Some(n) = &c.counterpart_name {
        write!(head, " ({n})").unwrap();
    }
    if !c.flags.is_empty() {
        let flags: Vec<&str> = c.flags.iter().map(|f| f.name()).collect();
        write!(head, " flags={}", flags.join(",")).unwrap();
    }
    if c.repeat > 0 {
        write!(head, " repeat={}", c.repeat).unwrap();
    }
    let entry = c
        .source
        .entry
        .as_deref()
        .map(|e| format!(" in {e}"))
        .unwrap_or_default();
    writeln!(
        out,
        "line {} byte {}{entry}: {head}",
        c.source.line, c.source.byte_offset
    )
    .unwrap();
    if !c.others.is_empty() {
        writeln!(out, "  others: {}", c.others.join(", ")).unwrap();
    }
    if let Some(s) = &c.subject {
        writeln!(out, "  subject: {s:?}").unwrap();
    }
    if let Some(b) = &c.body {
        writeln!(out, "  body: {b:?}").unwrap();
    }
    if let Some(d) = c.duration_secs {
        writeln!(out, "  duration: {d}s").unwrap();
    }
    for a in &c.attachments {
        writeln!(
            out,
            "  attachment: {:?} {} {} bytes sha256:{}",
            a.name,
            a.media_type,
            a.size,
            short(&a.sha256)
        )
        .unwrap();
    }
    if let Some(e) = &c.email {
        let h = &e.raw_headers;
        writeln!(out, "  message-id: {:?}", e.message_id).unwrap();
        writeln!(
            out,
            "  raw headers: {} {} bytes sha256:{}",
            h.media_type,
            h.size,
            short(&h.sha256)
        )
        .unwrap();
        for d in &e.dkim {
            writeln!(out, "  dkim: d={} s={} a={}", d.domain, d.selector, d.algorithm).unwrap();
        }
    }
}

pub fn render(result: &Result<Summary, cairn_ingest::ImportError>, sink: &Collect) -> String {
    let mut out = String::new();
    for c in &sink.communications {
        render_communication(&mut out, c);
    }
    match result {
        Ok(s) => {
            write!(
                out,
                "summary: {} v{}: {} communications, {} attachments, {} skipped",
                s.importer, s.importer_version, s.communications, s.attachments, s.skipped
            )
            .unwrap();
            if let Some(n) = s.declared_records {
                write!(out, ", {n} declared").unwrap();
            }
            if let Some(tz) = &s.time_zone {
                write!(out, ", time zone {tz}").unwrap();
            }
            if let Some(o) = &s.date_order {
                write!(out, ", {:?} decided by {:?}", o.order, o.decided_by).unwrap();
            }
            if s.ambiguous_local_times > 0 {
                write!(out, ", {} ambiguous local times", s.ambiguous_local_times).unwrap();
            }
            out.push('\n');
            for skip in &s.skip_details {
                writeln!(
                    out,
                    "  skipped line {} byte {}: {}",
                    skip.source.line, skip.source.byte_offset, skip.reason
                )
                .unwrap();
            }
            if !s.missing_media.is_empty() {
                writeln!(out, "  missing media: {}", s.missing_media.join(", ")).unwrap();
            }
        }
        Err(e) => writeln!(out, "error: {e}").unwrap(),
    }
    out
}

/// Compares with `expected_path`, or rewrites it under `UPDATE_EXPECT=1`.
pub fn expect_file(expected_path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(expected_path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(expected_path)
        .unwrap_or_else(|_| panic!("missing {}; run with UPDATE_EXPECT=1", expected_path.display()));
    if expected != actual {
        panic!(
            "{} differs (run with UPDATE_EXPECT=1 to accept):\n--- expected\n{expected}\n--- actual\n{actual}",
            expected_path.display()
        );
    }
}

/// Feeds every prefix of `input` (at `cuts` evenly spread points plus each
/// of the first and last 64 bytes) to `import`, which must not panic.
pub fn every_cut(input: &[u8], cuts: usize, mut import: impl FnMut(&[u8])) {
    let mut points: Vec<usize> = (0..=cuts).map(|i| input.len() * i / cuts.max(1)).collect();
    points.extend(0..input.len().min(64));
    points.extend(input.len().saturating_sub(64)..input.len());
    points.sort_unstable();
    points.dedup();
    for p in points {
        import(&input[..p]);
    }
}
