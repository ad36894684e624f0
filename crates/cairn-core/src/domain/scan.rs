//! A device or network check run over an evidence file. Like an import, the
//! file is the evidence and the findings are reproducible from it, the
//! indicator files used and the analyzer version; the journal records them
//! as data (kinds, severities, parameters), never as prose, so any interface
//! can word them in the reader's language.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::names::named_enum;
use crate::ids::EvidenceId;
use crate::merkle::Hash;

named_enum!(
    /// What kind of input was checked (`adb`: a live check of a phone over USB).
    ScanKind, "scan kind" {
        Pcap = "pcap",
        Androidqf = "androidqf",
        Bugreport = "bugreport",
        Adb = "adb",
    }
);

named_enum!(
    /// How much weight a finding carries, lowest first.
    ScanSeverity, "severity" {
        Info = "info",
        Low = "low",
        Medium = "medium",
        High = "high",
    }
);

named_enum!(
    /// What the check can honestly say overall. None of these means "clean".
    ScanOutcome, "scan outcome" {
        Concerns = "concerns",
        MinorOnly = "minor_only",
        NothingFoundWithinLimits = "nothing_found_within_limits",
        NothingFoundIncomplete = "nothing_found_incomplete",
    }
);

/// A finding parameter. Integers only: events are hashed in RFC 8785 form,
/// where floats would be a source of disagreement between implementations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ScanParam {
    Number(i64),
    Text(String),
}

/// One indicator file as used by a check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorSourceRef {
    pub sha256: Hash,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The indicator behind a finding, with the file it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorHit {
    pub app: String,
    /// stalkerware, watchware or unclassified.
    pub category: String,
    /// package, domain, ip, certificate…
    pub kind: String,
    pub indicator: String,
    pub source_sha256: Hash,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanFinding {
    /// The analyzer's stable finding name (`stalkerware_app`…); translations key on it.
    pub kind: String,
    pub severity: ScanSeverity,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, ScanParam>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorHit>,
    /// Where in the input it was seen (file inside an acquisition, packets).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

/// Something the check could not examine, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanGap {
    pub area: String,
    pub reason: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, ScanParam>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeverityCounts {
    pub high: u64,
    pub medium: u64,
    pub low: u64,
    pub info: u64,
}

impl SeverityCounts {
    pub fn of(findings: &[ScanFinding]) -> Self {
        let mut c = SeverityCounts::default();
        for f in findings {
            match f.severity {
                ScanSeverity::High => c.high += 1,
                ScanSeverity::Medium => c.medium += 1,
                ScanSeverity::Low => c.low += 1,
                _ => c.info += 1,
            }
        }
        c
    }
}

/// One check of one evidence file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanRecorded {
    /// The evidence item holding the input as it was acquired.
    pub source: EvidenceId,
    pub source_sha256: Hash,
    pub kind: ScanKind,
    pub analyzer: String,
    pub analyzer_version: String,
    /// Every setting that shaped the check (the date patch age is measured against).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub settings: BTreeMap<String, String>,
    /// Every indicator file compared against, in load order.
    pub indicator_sources: Vec<IndicatorSourceRef>,
    pub counts: SeverityCounts,
    pub outcome: ScanOutcome,
    /// Areas examined, by the analyzer's names.
    pub checked: Vec<String>,
    pub gaps: Vec<ScanGap>,
    pub findings: Vec<ScanFinding>,
}
