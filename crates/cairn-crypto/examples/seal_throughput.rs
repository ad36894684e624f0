//! Seal throughput harness, for comparing against `openssl dgst -sha256`.
//!
//! ```text
//! cargo run --release -p cairn-crypto --example seal_throughput -- FILE [OUT]
//! ```
//!
//! Seals FILE with a fresh random key into OUT (or a discarding sink) and
//! prints MiB/s. With OUT, also opens OUT again into a sink and checks the
//! plaintext hash matches.

use std::fs::File;
use std::time::Instant;

fn mib_s(bytes: u64, secs: f64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0) / secs
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let Some(input) = args.next() else {
        eprintln!("usage: seal_throughput FILE [OUT]");
        std::process::exit(2);
    };
    let output = args.next();
    let key = cairn_crypto::MasterKey::generate().blob_key();

    let src = File::open(&input)?;
    let mut calls = 0u64;
    let start = Instant::now();
    let summary = match &output {
        Some(path) => cairn_crypto::seal_stream(&key, src, File::create(path)?, &mut |_| calls += 1)?,
        None => cairn_crypto::seal_stream(&key, src, std::io::sink(), &mut |_| calls += 1)?,
    };
    let secs = start.elapsed().as_secs_f64();
    println!(
        "seal: {} bytes in {secs:.3} s = {:.0} MiB/s (sha256 {}, {calls} progress calls, sink: {})",
        summary.size,
        mib_s(summary.size, secs),
        hex::encode(summary.sha256),
        output.as_deref().unwrap_or("discard"),
    );

    if let Some(path) = &output {
        let start = Instant::now();
        let opened = cairn_crypto::open_stream(&key, File::open(path)?, std::io::sink())?;
        let secs = start.elapsed().as_secs_f64();
        assert_eq!(opened.sha256, summary.sha256, "round trip changed the plaintext");
        println!(
            "open: {} bytes in {secs:.3} s = {:.0} MiB/s",
            opened.size,
            mib_s(opened.size, secs)
        );
    }
    Ok(())
}
