//! Cairn's use cases, shared by the CLI and the web app so that no use case is
//! written twice. Generic over [`cairn_store::Store`]: the binary chooses the
//! backend, this crate never does.
#![forbid(unsafe_code)]

mod assess;
mod error;
mod evidence;
mod export;
mod import;
mod incidents;
mod indicators_update;
mod journal;
mod pattern;
mod scan;
mod scan_live;
mod subjects;
pub mod synthetic;
mod vault;
mod vault_dir;

pub use assess::{PlanRequest, Recorded, instruments, plan_rules, resources_offering};
pub use error::AppError;
pub use evidence::{Added, EvidenceInput, EvidenceMeta};
pub use export::{
    CaseExtract, Chart, Destination, Document, DocumentRequest, DocumentSummary, DocumentWording, EmailHeaders,
    EvidenceFile, PacketFacts, PacketRequest, PacketSummary, PacketWording, PlanPdfRequest, PlanWording, Written,
};
pub use import::{ImportReport, ImportSettings, Progress, Stage};
pub use incidents::{IncidentChanges, IncidentInput, IncidentView};
pub use indicators_update::{INDICATOR_FILES, INDICATORS_UPSTREAM};
pub use journal::{ConsistencyProof, InclusionProof, Problem, VerifyReport, check_checkpoint};
pub use pattern::{Party, PatternReport, PatternRequest};
pub use scan::{IndicatorImport, ScanReport};
pub use scan_live::{LiveScanRequest, Phone, PhoneProblem};
pub use subjects::SubjectInput;
pub use vault::Vault;
pub use vault_dir::{PendingKeyFile, VaultDir};

pub use cairn_assess as assessment;
pub use cairn_core as core;
pub use cairn_crypto::{KdfParams, Passphrase, ct_eq};
pub use cairn_pattern as analysis;
pub use cairn_report as report;
pub use cairn_store::{
    CaseSummary, CommQuery, CommunicationRecord, ContactRow, Counterpart, EvidenceRecord, ImportFile, ImportRecord,
    IncidentRecord, IndicatorSource, ScanRecord, SqliteStore, Store, StoreError, TimelineEntry, TimelineKind,
    TimelineQuery,
};

pub type Result<T, E = AppError> = std::result::Result<T, E>;
