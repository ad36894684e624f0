//! Imports an SMS backup into a sink that hashes attachments and drops
//! records, and prints what it saw and how long it took:
//!
//!     cargo run --release --example bench_sms -- FILE.xml
use std::fs::File;
use std::io::{BufReader, Read};
use std::time::Instant;

use cairn_core::{AttachmentRef, Communication};
use cairn_ingest::sms_backup::{self, SmsOptions};
use cairn_ingest::{Sink, SinkError, hash_attachment};

#[derive(Default)]
struct HashOnly {
    records: u64,
    attachments: u64,
    attachment_bytes: u64,
}

impl Sink for HashOnly {
    fn communication(&mut self, _: Communication) -> Result<(), SinkError> {
        self.records += 1;
        Ok(())
    }

    fn attachment(&mut self, name: &str, media_type: &str, data: &mut dyn Read) -> Result<AttachmentRef, SinkError> {
        let r = hash_attachment(name, media_type, data)?;
        self.attachments += 1;
        self.attachment_bytes += r.size;
        Ok(r)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: bench_sms FILE.xml")?;
    let size = std::fs::metadata(&path)?.len();
    let reader = BufReader::with_capacity(256 * 1024, File::open(&path)?);
    let mut sink = HashOnly::default();
    let start = Instant::now();
    let summary = sms_backup::import(reader, &mut sink, &SmsOptions::new("US"))?;
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{path}: {size} bytes, {} records, {} skipped, {} attachments ({} decoded bytes) in {secs:.3} s = {:.0} MB/s",
        sink.records,
        summary.skipped,
        sink.attachments,
        sink.attachment_bytes,
        size as f64 / secs / 1e6
    );
    Ok(())
}
