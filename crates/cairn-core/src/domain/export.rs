//! A disclosure: what left the vault, when, for whom. Exporting is itself a
//! journal event so that a case always shows who received which part of it.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::names::named_enum;
use crate::ids::{EvidenceId, IncidentId, SubjectId};
use crate::merkle::Hash;

named_enum!(
    /// What was exported. New kinds are added at the end.
    ExportKind, "export kind" {
        Packet = "packet",
        ChronologyPdf = "chronology_pdf",
        ChronologyCsv = "chronology_csv",
        IncidentsCsv = "incidents_csv",
        MessagesCsv = "messages_csv",
        Ic3Worksheet = "ic3_worksheet",
    }
);

/// What the person exporting chose. Empty lists mean "all of that kind";
/// dates are inclusive and civil (an incident's own date, an evidence
/// item's acquisition date in UTC). Assessments and plans are out unless
/// chosen, because they describe the survivor rather than the conduct.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selection {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<IncidentId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<SubjectId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assessments: bool,
    /// Image originals with their location and device metadata, instead of
    /// stripped copies. Off unless the person asks for it by name.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub original_images: bool,
}

/// An image whose copy in the export had its metadata removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrippedCopy {
    pub evidence: EvidenceId,
    /// The original's hash stays the evidence's identity; this is the copy's.
    pub copy_sha256: Hash,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exported {
    pub kind: ExportKind,
    /// To whom, in the exporter's words ("Family court, Dept. 4").
    pub recipient: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// "en" or "es": the language of the report.
    pub language: String,
    pub selection: Selection,
    /// Journal events included (this export's own event excluded).
    pub events: u64,
    pub evidence: Vec<EvidenceId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stripped: Vec<StrippedCopy>,
}
