//! Journal events: the only way anything about a case changes.
//!
//! An event's canonical bytes (RFC 8785) are the Merkle leaf, so everything
//! that matters in court — what, when recorded, by whom, in which case, at
//! which position — is inside those bytes.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::canonical::{self, CanonicalError};
use crate::domain::{
    AssessmentRecorded, CaseOpened, Custody, Evidence, Exported, IdentifierAssigned, Incident, IncidentAmended,
    PlanRecorded, ScanRecorded, SourceImported, Subject,
};
use crate::ids::CaseId;
use crate::merkle::{self, Hash};

/// The event schema version written by this build.
pub const EVENT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Schema version of this event.
    pub v: u32,
    pub case: CaseId,
    /// Position in the case journal, from 0: the Merkle leaf index.
    pub seq: u64,
    pub recorded_at: Timestamp,
    /// Who recorded it (account name, or the vault's local user).
    pub actor: String,
    pub body: EventBody,
}

/// What happened. New kinds are added at the end; existing kinds never change
/// meaning, because old journals must verify and read forever.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventBody {
    CaseOpened(CaseOpened),
    SubjectAdded(Subject),
    IncidentRecorded(Incident),
    IncidentAmended(IncidentAmended),
    EvidenceAdded(Evidence),
    CustodyRecorded(Custody),
    SourceImported(SourceImported),
    IdentifierAssigned(IdentifierAssigned),
    ScanRecorded(ScanRecorded),
    PacketExported(Exported),
    AssessmentRecorded(AssessmentRecorded),
    PlanRecorded(PlanRecorded),
}

/// The kind of an event without its data, for indexes and summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EventKind {
    CaseOpened,
    SubjectAdded,
    IncidentRecorded,
    IncidentAmended,
    EvidenceAdded,
    CustodyRecorded,
    SourceImported,
    IdentifierAssigned,
    ScanRecorded,
    PacketExported,
    AssessmentRecorded,
    PlanRecorded,
}

impl EventKind {
    pub fn name(self) -> &'static str {
        match self {
            EventKind::CaseOpened => "case_opened",
            EventKind::SubjectAdded => "subject_added",
            EventKind::IncidentRecorded => "incident_recorded",
            EventKind::IncidentAmended => "incident_amended",
            EventKind::EvidenceAdded => "evidence_added",
            EventKind::CustodyRecorded => "custody_recorded",
            EventKind::SourceImported => "source_imported",
            EventKind::IdentifierAssigned => "identifier_assigned",
            EventKind::ScanRecorded => "scan_recorded",
            EventKind::PacketExported => "packet_exported",
            EventKind::AssessmentRecorded => "assessment_recorded",
            EventKind::PlanRecorded => "plan_recorded",
        }
    }
}

impl EventBody {
    pub fn kind(&self) -> EventKind {
        match self {
            EventBody::CaseOpened(_) => EventKind::CaseOpened,
            EventBody::SubjectAdded(_) => EventKind::SubjectAdded,
            EventBody::IncidentRecorded(_) => EventKind::IncidentRecorded,
            EventBody::IncidentAmended(_) => EventKind::IncidentAmended,
            EventBody::EvidenceAdded(_) => EventKind::EvidenceAdded,
            EventBody::CustodyRecorded(_) => EventKind::CustodyRecorded,
            EventBody::SourceImported(_) => EventKind::SourceImported,
            EventBody::IdentifierAssigned(_) => EventKind::IdentifierAssigned,
            EventBody::ScanRecorded(_) => EventKind::ScanRecorded,
            EventBody::PacketExported(_) => EventKind::PacketExported,
            EventBody::AssessmentRecorded(_) => EventKind::AssessmentRecorded,
            EventBody::PlanRecorded(_) => EventKind::PlanRecorded,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    #[error("event bytes are not valid event JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("event bytes are not in RFC 8785 canonical form")]
    NotCanonical,
    #[error("event schema version {found} is newer than this cairn understands ({supported})")]
    NewerVersion { found: u32, supported: u32 },
}

impl Event {
    pub fn canonical_bytes(&self) -> Result<Vec<u8>, CanonicalError> {
        canonical::to_canonical_bytes("event", self)
    }

    /// The Merkle leaf hash of these canonical bytes.
    pub fn leaf_hash(canonical: &[u8]) -> Hash {
        merkle::leaf_hash(canonical)
    }

    /// Reads an event back from the bytes that were hashed, refusing bytes
    /// that are not exactly what this event would encode to: two encodings of
    /// one event would give two leaf hashes.
    pub fn decode(bytes: &[u8]) -> Result<Event, DecodeError> {
        #[derive(Deserialize)]
        struct VersionOnly {
            v: u32,
        }
        if let Ok(VersionOnly { v }) = serde_json::from_slice(bytes)
            && v > EVENT_VERSION
        {
            return Err(DecodeError::NewerVersion {
                found: v,
                supported: EVENT_VERSION,
            });
        }
        let event: Event = serde_json::from_slice(bytes)?;
        match event.canonical_bytes() {
            Ok(again) if again == bytes => Ok(event),
            _ => Err(DecodeError::NotCanonical),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Relationship;
    use crate::ids::SubjectId;

    fn sample() -> Event {
        Event {
            v: EVENT_VERSION,
            case: CaseId::from_random([7; 8]),
            seq: 3,
            recorded_at: "2026-01-03T10:00:00Z".parse().unwrap(),
            actor: "advocate".into(),
            body: EventBody::SubjectAdded(Subject {
                id: SubjectId::from_random([9; 8]),
                name: "J. Doe".into(),
                relationship: Relationship::FormerPartner,
                identifiers: vec![],
                notes: None,
            }),
        }
    }

    #[test]
    fn canonical_bytes_are_stable_and_decode_back() {
        let event = sample();
        let bytes = event.canonical_bytes().unwrap();
        let text = std::str::from_utf8(&bytes).unwrap();
        assert!(
            text.starts_with(r#"{"actor":"advocate","body":{"data":{"id":"s-"#),
            "{text}"
        );
        assert!(text.contains(r#""type":"subject_added""#));
        assert_eq!(Event::decode(&bytes).unwrap(), event);
    }

    #[test]
    fn decode_refuses_non_canonical_and_newer_events() {
        let event = sample();
        let pretty = serde_json::to_vec_pretty(&event).unwrap();
        assert!(matches!(Event::decode(&pretty), Err(DecodeError::NotCanonical)));
        let mut newer = serde_json::to_value(&event).unwrap();
        newer["v"] = 99.into();
        let newer = crate::canonical::to_canonical_bytes("t", &newer).unwrap();
        assert!(matches!(
            Event::decode(&newer),
            Err(DecodeError::NewerVersion { found: 99, .. })
        ));
        assert!(matches!(Event::decode(b"{\"v\":1}"), Err(DecodeError::Json(_))));
    }
}
