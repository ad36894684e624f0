//! The things a case is made of. Each type here is a value carried by a
//! journal event; the current state of a case is a projection of those events.

mod assessment;
mod case;
mod communication;
mod custody;
mod evidence;
mod export;
mod import;
mod incident;
mod names;
mod scan;
mod subject;

pub use assessment::{
    AnswerValue, AssessmentRecorded, InformationSource, LevelOverride, PlanChoice, PlanDecision, PlanRecorded,
    RecordedAnswer,
};
pub use case::CaseOpened;
pub use communication::{
    AttachmentRef, CommChannel, CommFlag, Communication, Delivery, Direction, DkimSignature, EmailDetails, SourceRef,
};
pub use custody::{Custody, CustodyAction};
pub use evidence::Evidence;
pub use export::{ExportKind, Exported, Selection, StrippedCopy};
pub use import::{Extracted, IdentifierAssigned, ImportKind, PhotoFacts, SourceImported};
pub use incident::{Behaviour, Channel, Fear, Incident, IncidentAmended, OccurredAt, Precision, Slii};
pub use names::Named;
pub use scan::{
    IndicatorHit, IndicatorSourceRef, ScanFinding, ScanGap, ScanKind, ScanOutcome, ScanParam, ScanRecorded,
    ScanSeverity, SeverityCounts,
};
pub use subject::{Identifier, Relationship, Subject};
