use serde::{Deserialize, Serialize};

use super::names::named_enum;
use crate::ids::EvidenceId;

named_enum!(
    /// What happened to an evidence item; who and when are on the event.
    CustodyAction, "custody action" {
        Acquired = "acquired",
        Viewed = "viewed",
        Extracted = "extracted",
        Exported = "exported",
    }
);

/// A chain-of-custody entry for one evidence item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Custody {
    pub evidence: EvidenceId,
    pub action: CustodyAction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}
