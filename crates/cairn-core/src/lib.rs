//! Cairn's domain: typed ids, the case journal's events, their canonical
//! (RFC 8785) encoding and the RFC 9162 Merkle tree over them.
//!
//! This crate performs no I/O and knows nothing about storage, encryption or
//! presentation. Randomness comes in from the caller (see [`ids`]), time comes
//! in as values, so every function here is deterministic and testable.
#![forbid(unsafe_code)]

pub mod canonical;
pub mod checkpoint;
pub mod domain;
pub mod event;
pub mod ids;
pub mod merkle;
pub mod validate;

pub use checkpoint::{Checkpoint, CheckpointBody};
pub use domain::*;
pub use event::{Event, EventBody, EventKind};
pub use ids::{CaseId, EvidenceId, IdError, IncidentId, SubjectId};
pub use merkle::Hash;
pub use validate::{Invalid, Reason};
