use cairn_core::{Checkpoint, CustodyAction, Event, EventBody, Evidence, Hash, Incident};
use jiff::Timestamp;

/// An event to append; the store assigns its case and position.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub recorded_at: Timestamp,
    pub actor: String,
    pub body: EventBody,
}

/// An event as stored: the exact bytes hashed and the stored leaf hash. Both
/// are returned unparsed so that verification can check them independently.
#[derive(Debug, Clone)]
pub struct RawEvent {
    pub seq: u64,
    pub kind: String,
    pub body: Vec<u8>,
    pub leaf_hash: Hash,
}

/// A signed tree head plus the compact range needed to extend the tree.
#[derive(Debug, Clone)]
pub struct TreeHead {
    pub checkpoint: Checkpoint,
    pub peaks: Vec<Hash>,
}

/// The result of an append: the events as stored and the new signed head.
#[derive(Debug, Clone)]
pub struct Appended {
    pub events: Vec<Event>,
    pub head: Checkpoint,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct CaseSummary {
    pub id: cairn_core::CaseId,
    pub label: String,
    pub opened_at: Timestamp,
    pub opened_by: String,
    pub events: u64,
    pub subjects: u64,
    pub incidents: u64,
    pub evidence: u64,
    /// Messages and calls imported into the case.
    pub communications: u64,
}

/// The current version of an incident and where its versions live.
#[derive(Debug, Clone, serde::Serialize)]
pub struct IncidentRecord {
    pub incident: Incident,
    pub first_seq: u64,
    pub current_seq: u64,
    pub versions: u64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct CustodyEntry {
    pub seq: u64,
    pub action: CustodyAction,
    pub at: Timestamp,
    pub actor: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct EvidenceRecord {
    #[serde(flatten)]
    pub evidence: Evidence,
    pub seq: u64,
    pub custody: Vec<CustodyEntry>,
}

/// One row of a case timeline.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TimelineEntry {
    /// Local civil time (incidents) or acquisition time in UTC (evidence), ISO 8601.
    pub sort_key: String,
    pub kind: TimelineKind,
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<cairn_core::SubjectId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<cairn_core::Channel>,
    pub categories: Vec<cairn_core::Slii>,
    pub title: String,
    pub seq: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    Incident,
    Evidence,
}

/// Filters and a keyset cursor; pages run newest first.
#[derive(Debug, Clone, Default)]
pub struct TimelineQuery {
    pub subject: Option<cairn_core::SubjectId>,
    pub channel: Option<cairn_core::Channel>,
    pub category: Option<cairn_core::Slii>,
    pub kind: Option<TimelineKind>,
    /// Inclusive bounds on the date part of `sort_key`.
    pub from: Option<jiff::civil::Date>,
    pub to: Option<jiff::civil::Date>,
    /// Continue after this entry: `(sort_key, id)` of the last one shown.
    pub after: Option<(String, String)>,
    pub limit: u32,
}
