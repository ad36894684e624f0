//! Reading an evidence file with an importer. The file is the evidence; the
//! messages, calls and attachments read from it are a projection of it that
//! anyone can reproduce from the file, the importer version and the settings.
//! So the journal records one event per import, not one per message: it
//! carries the source's hash and a digest of everything extracted.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::names::named_enum;
use super::subject::Identifier;
use crate::ids::{EvidenceId, SubjectId};
use crate::merkle::Hash;

named_enum!(
    /// Which importer read a file.
    ImportKind, "import kind" {
        SmsBackup = "sms_backup",
        Whatsapp = "whatsapp",
        Email = "email",
        Photo = "photo",
    }
);

/// What one import read from one evidence file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceImported {
    /// The evidence item holding the file as it was acquired.
    pub source: EvidenceId,
    pub source_sha256: Hash,
    pub kind: ImportKind,
    pub importer: String,
    pub importer_version: u32,
    /// Every setting that shaped the reading (region for numbers, time zone,
    /// date order, the survivor's own names and numbers), by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub settings: BTreeMap<String, String>,
    pub extracted: Extracted,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<PhotoFacts>,
}

/// Counts and a digest of what the importer extracted, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extracted {
    /// Messages and calls read from the file.
    pub communications: u64,
    /// Of those, how many the case did not hold yet (an overlapping later
    /// backup repeats what an earlier one held).
    pub added: u64,
    /// Files carried inside the source: pictures, media, email attachments
    /// and raw email headers.
    pub attachments: u64,
    /// Records the importer could not read, with reasons in the import report.
    pub skipped: u64,
    /// How many records the file says it holds, when it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_records: Option<u64>,
    /// Files the export names but does not contain.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub missing_media: u64,
    /// SHA-256 over the extracted records, each length-prefixed in file order
    /// (see `docs/journal-spec.md`): re-running the importer on the source
    /// must give the same digest.
    pub digest: Hash,
    /// How each record was written for `digest`: [`Extracted::DIGEST_JSON`]
    /// (journals written before the format was recorded) or
    /// [`Extracted::DIGEST_CANONICAL`].
    #[serde(default = "digest_json", skip_serializing_if = "is_digest_json")]
    pub digest_format: u32,
}

impl Extracted {
    /// Each record as its JSON.
    pub const DIGEST_JSON: u32 = 1;
    /// Each record as `Communication::canonical_into` writes it.
    pub const DIGEST_CANONICAL: u32 = 2;
}

fn digest_json() -> u32 {
    Extracted::DIGEST_JSON
}

fn is_digest_json(format: &u32) -> bool {
    *format == Extracted::DIGEST_JSON
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// What a photo's metadata says, as the camera wrote it. An edited file can
/// say anything; these are the file's claims, not findings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhotoFacts {
    /// Civil time of capture, ISO 8601 without offset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub captured_local: Option<String>,
    /// The offset the camera's clock was at, e.g. "+02:00", when written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub make: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Decimal degrees as text with seven decimals (about a centimetre), so
    /// the canonical encoding never depends on float formatting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<String>,
}

/// An identifier added to a subject after the fact — typically a number or
/// name seen in imported messages that the advocate recognised as theirs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentifierAssigned {
    pub subject: SubjectId,
    pub identifier: Identifier,
}
