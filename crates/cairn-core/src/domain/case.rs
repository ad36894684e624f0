use serde::{Deserialize, Serialize};

use crate::validate::{self, Invalid};

/// The first event of every case. The label is how the advocate recognises
/// the case (often a first name and initial); it is sensitive and stays in
/// the vault, while the case id is the pseudonymous code used elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseOpened {
    pub label: String,
}

impl CaseOpened {
    pub fn new(label: &str) -> Result<Self, Invalid> {
        Ok(Self {
            label: validate::text("label", label, 200)?,
        })
    }
}
