use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::ids::EvidenceId;
use crate::merkle::Hash;

/// An original file, as acquired. `sha256` is computed from the bytes as they
/// are read, before anything else touches them; it is the forensic identity
/// of the file and what a court packet lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub id: EvidenceId,
    pub original_name: String,
    pub media_type: String,
    pub size: u64,
    pub sha256: Hash,
    pub acquired_at: Timestamp,
    pub acquired_by: String,
    /// Where it came from, in the words of the person who added it.
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
