//! Words for people inside data files: every text has English and Spanish.

use serde::{Deserialize, Serialize};

/// A text in both languages Cairn ships. Both are required, so a file that
/// leaves one out is refused when it is loaded rather than shown half-empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub en: String,
    pub es: String,
}

impl Text {
    /// The text for a language code (`en`, `es`); English otherwise.
    pub fn get(&self, lang: &str) -> &str {
        if lang.starts_with("es") { &self.es } else { &self.en }
    }

    pub(crate) fn is_complete(&self) -> bool {
        !self.en.trim().is_empty() && !self.es.trim().is_empty()
    }
}
