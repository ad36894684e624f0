//! The packet's JSON documents. Field names are part of the public format
//! (docs/packet-spec.md): add, never rename.

use cairn_core::{CaseId, Checkpoint, EvidenceId, Hash};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const MANIFEST_FORMAT: &str = "cairn-packet-1";
pub const PROOFS_FORMAT: &str = "cairn-proofs-1";

/// What is in the packet and where, for a person and for `cairn verify`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub generator: String,
    pub case: CaseId,
    pub exported_at: Timestamp,
    pub exported_by: String,
    pub recipient: String,
    pub language: String,
    /// [`checkpoint_fingerprint`] of the checkpoint in `proofs.json`, as
    /// printed on the report's cover and in every page header.
    pub checkpoint_fingerprint: String,
    pub evidence: Vec<ManifestEvidence>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestEvidence {
    pub id: EvidenceId,
    pub path: String,
    /// The hash the journal records for this item: the original's.
    pub original_sha256: Hash,
    /// True when the file is a copy with location and device metadata
    /// removed; the original stays in the vault.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub metadata_removed: bool,
}

/// `proofs.json`: one inclusion proof per line of `journal.jsonl`, against
/// one signed checkpoint, and consistency proofs from the checkpoints of
/// earlier exports of the same case.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proofs {
    pub format: String,
    pub checkpoint: Checkpoint,
    pub events: Vec<EventProof>,
    #[serde(default)]
    pub consistency: Vec<OldCheckpoint>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventProof {
    /// Position of the event in the case journal (0-based).
    pub index: u64,
    pub proof: Vec<Hash>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OldCheckpoint {
    pub checkpoint: Checkpoint,
    pub proof: Vec<Hash>,
}

/// Lowercase hex SHA-256 of the checkpoint's signed message and signature:
/// one short string that names exactly one signed state of the journal.
pub fn checkpoint_fingerprint(checkpoint: &Checkpoint) -> String {
    let mut hasher = Sha256::new();
    hasher.update(checkpoint.body.signed_message());
    hasher.update(checkpoint.signature.as_bytes());
    Hash(hasher.finalize().into()).to_string()
}
