//! Network-capture analysis: DNS names and answers, TLS server names, HTTP
//! hosts and IP addresses in a pcap or pcapng file, compared with an
//! indicator set. A capture that ends early or is corrupt still yields a
//! report, saying exactly where reading stopped.

mod container;
mod dns;
mod http;
mod packet;
mod report;
#[cfg(any(test, feature = "testkit"))]
pub mod synth;
mod tls;

use std::io::Read;

use serde::{Deserialize, Serialize};

use crate::indicators::IndicatorSet;

pub use report::{CaptureReport, CaptureStats, Channel, NetworkMatch};

/// The capture could not be read at all. Anything that goes wrong after
/// the header is reported in [`CaptureReport::stopped`] instead.
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum CaptureError {
    #[error("cannot open capture {path}: {source}")]
    Open { path: String, source: std::io::Error },
    #[error("the file is empty")]
    Empty,
    #[error("not a pcap or pcapng file (unrecognised header)")]
    NotACapture,
    #[error("the file ends inside its header")]
    Truncated,
    #[error("the capture could not be read")]
    Read,
}

#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaptureFormat {
    Pcap,
    PcapNg,
}

/// Where and why reading stopped before the end of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stop {
    /// Byte offset of the block that could not be read.
    pub offset: u64,
    /// 1-based number of the packet that could not be read (as Wireshark counts).
    pub packet: u64,
    pub reason: StopReason,
}

#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StopReason {
    /// The file ends in the middle of a block.
    Truncated,
    /// A block's structure is invalid.
    Corrupt,
    /// A block claims to be larger than any packet can be.
    OversizedBlock,
    /// A packet refers to an interface that was never described.
    UnknownInterface {
        id: u32,
    },
    ReadError,
}

/// Reads a whole capture and compares what it sees with `indicators`.
pub fn analyze_capture<R: Read + Send>(reader: R, indicators: &IndicatorSet) -> Result<CaptureReport, CaptureError> {
    let mut analyzer = packet::Analyzer::new(indicators);
    let (format, bytes_read, stopped) = container::read_frames(reader, |frame| analyzer.frame(&frame))?;
    Ok(analyzer.finish(format, bytes_read, stopped))
}

/// Convenience: open and analyse a file.
pub fn analyze_capture_file(path: &std::path::Path, indicators: &IndicatorSet) -> Result<CaptureReport, CaptureError> {
    let file = std::fs::File::open(path).map_err(|source| CaptureError::Open {
        path: path.display().to_string(),
        source,
    })?;
    if file.metadata().map(|m| m.len() == 0).unwrap_or(false) {
        return Err(CaptureError::Empty);
    }
    let mut report = analyze_capture(std::io::BufReader::with_capacity(1 << 20, file), indicators)?;
    report.source = Some(path.display().to_string());
    Ok(report)
}

#[cfg(test)]
mod tests;
