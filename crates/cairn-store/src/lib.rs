//! Where Cairn keeps things: the [`Store`] trait over the case journal and its
//! projections, the SQLCipher backend, and the encrypted blob store.
//!
//! The store does not decide anything about a case: use cases live in
//! `cairn-app`. It appends events atomically with their projections and a
//! signed tree head, and it answers queries. It never updates or deletes an
//! event, and the database refuses it too (triggers in the migrations).
#![forbid(unsafe_code)]

mod batch;
mod blob;
mod comms;
mod direct;
mod error;
mod model;
mod scans;
mod sqlite;
mod store;
mod stored;

pub use batch::{CommBatch, CommBatcher};
pub use blob::{BlobStore, PackWriter};
pub use comms::{CommQuery, CommunicationRecord, ContactRow, ContactTally, Counterpart, ImportFile, ImportRecord};
pub use error::StoreError;
pub use model::{
    Appended, CaseSummary, CustodyEntry, EvidenceRecord, IncidentRecord, NewEvent, RawEvent, TimelineEntry,
    TimelineKind, TimelineQuery, TreeHead,
};
pub use scans::{IndicatorSource, ScanRecord};
pub use sqlite::SqliteImport;
pub use sqlite::SqliteStore;
pub use store::{ImportSession, Signer, Store};
pub use stored::{SourceExtent, Stored};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
