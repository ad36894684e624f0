//! Writes a synthetic SMS backup (and call log) for benchmarks:
//!
//!     cargo run --release --example synth -- OUT.xml [MESSAGES] [MMS_EVERY] [IMAGE_SIDE] [CALLS_OUT.xml] [CALLS]
use std::fs::File;
use std::io::BufWriter;

use cairn_ingest::synth::{SynthSpec, write_call_log, write_sms_backup};

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, default: u64| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let out = args.first().map(String::as_str).unwrap_or("sms-synthetic.xml");
    let spec = SynthSpec {
        messages: arg(1, 100_000),
        mms_every: arg(2, 20),
        image_side: arg(3, 96) as u32,
        calls: arg(5, 10_000),
        seed: 42,
    };
    let stats = write_sms_backup(BufWriter::new(File::create(out)?), &spec)?;
    println!(
        "{out}: {} records, {} attachments, {} bytes",
        stats.records, stats.attachments, stats.bytes
    );
    if let Some(calls) = args.get(4) {
        let stats = write_call_log(BufWriter::new(File::create(calls)?), &spec)?;
        println!("{calls}: {} records, {} bytes", stats.records, stats.bytes);
    }
    Ok(())
}
