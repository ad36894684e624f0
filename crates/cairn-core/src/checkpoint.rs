//! Signed checkpoints ("tree heads"): a statement by the vault's key that the
//! case journal had `size` events with Merkle root `root` at `time`.
//!
//! The signed message is a fixed context line followed by the RFC 8785 form
//! of the body, so an examiner can rebuild it byte for byte (see
//! docs/journal-spec.md). Signing and verifying live in the crypto crate;
//! this crate only defines what is signed.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::canonical;
use crate::ids::CaseId;
use crate::merkle::Hash;

/// Domain separation: a checkpoint signature can never be replayed as a
/// signature over anything else the key signs.
pub const CHECKPOINT_CONTEXT: &[u8] = b"cairn checkpoint v1\n";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckpointBody {
    pub case: CaseId,
    pub size: u64,
    pub root: Hash,
    pub time: Timestamp,
}

impl CheckpointBody {
    pub fn signed_message(&self) -> Vec<u8> {
        let mut message = CHECKPOINT_CONTEXT.to_vec();
        // A body of ids, integers, hex and a timestamp always encodes.
        message.extend(canonical::to_canonical_bytes("checkpoint", self).unwrap_or_default());
        message
    }
}

/// A checkpoint with its Ed25519 signature and the key that made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    #[serde(flatten)]
    pub body: CheckpointBody,
    /// Ed25519 public key, lowercase hex.
    pub public_key: String,
    /// `SHA256:` + base64 of the public key's SHA-256, as OpenSSH prints it.
    pub key_fingerprint: String,
    /// Ed25519 signature over [`CheckpointBody::signed_message`], lowercase hex.
    pub signature: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_message_is_context_then_jcs() {
        let body = CheckpointBody {
            case: CaseId::from_random([1; 8]),
            size: 2,
            root: Hash([0xab; 32]),
            time: "2026-01-01T00:00:00Z".parse().unwrap(),
        };
        let message = String::from_utf8(body.signed_message()).unwrap();
        let expected = format!(
            "cairn checkpoint v1\n{{\"case\":\"{}\",\"root\":\"{}\",\"size\":2,\"time\":\"2026-01-01T00:00:00Z\"}}",
            body.case,
            "ab".repeat(32)
        );
        assert_eq!(message, expected);
    }
}
