//! Types for indicator files and the device and network checks run with them.

use std::collections::BTreeMap;

use cairn_core::{Hash, ScanRecorded};

/// An indicator file registered in the vault; its bytes are the blob `sha256`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IndicatorSource {
    pub sha256: Hash,
    /// The file name it was imported from.
    pub name: String,
    /// `stalkerware_indicators_yaml` or `stix2`.
    pub format: String,
    pub version: Option<String>,
    pub loaded_at: jiff::Timestamp,
    /// Indicators per kind (apps, packages, domains…).
    pub counts: BTreeMap<String, u64>,
}

/// A check as the journal recorded it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ScanRecord {
    pub seq: u64,
    #[serde(flatten)]
    pub scan: ScanRecorded,
}
