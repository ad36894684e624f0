use std::path::PathBuf;

use cairn_core::Invalid;
use cairn_store::StoreError;

/// Everything a use case can refuse or fail with. Variants carry data, not
/// prose, so interfaces can word them in the person's language.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AppError {
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error("wrong passphrase for the vault at {0}")]
    WrongPassphrase(PathBuf),
    #[error("no vault at {0} (create one with `cairn init`)")]
    NoVault(PathBuf),
    #[error("a vault already exists at {0}")]
    VaultExists(PathBuf),
    #[error("the vault key file {path} is damaged: {detail}")]
    KeyFileDamaged { path: PathBuf, detail: String },
    #[error(
        "the vault at {path} was written by a newer version of cairn (format {found}, this build reads up to {supported}); upgrade cairn to open it"
    )]
    NewerVault { path: PathBuf, found: u32, supported: u32 },
    #[error("{what} {id} is not in case {case}")]
    NotInCase {
        what: &'static str,
        id: String,
        case: String,
    },
    #[error("case {0} does not exist")]
    NoSuchCase(String),
    #[error("the new passphrase is the same as the old one")]
    SamePassphrase,
    #[error("{path}: {source}")]
    File {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("encryption: {0}")]
    Crypto(#[from] cairn_crypto::Error),
    #[error("journal position {seq} does not exist in case {case} (it has {size} events)")]
    NoSuchEvent { case: String, seq: u64, size: u64 },
    #[error("no signed tree head of size {size} in case {case}")]
    NoSuchCheckpoint { case: String, size: u64 },
    #[error("cannot import {file}: {error}")]
    Import {
        file: String,
        error: Box<cairn_ingest::ImportError>,
    },
    /// A message kept as where it lies in its source (an SMS backup) that
    /// does not read back from there as it was imported: the source or the
    /// importer changed since. `error` is why it cannot be read at all;
    /// `None`, it reads as a different message.
    #[error(
        "the message at line {line} (byte {offset}) of evidence {source_id} no longer reads as it was imported{}",
        error.as_ref().map(|e| format!(": {e}")).unwrap_or_default()
    )]
    NotAsImported {
        source_id: String,
        line: u64,
        offset: u64,
        error: Option<Box<cairn_ingest::ImportError>>,
    },
    #[error("cannot use {file} as an indicator file: {error}")]
    Indicators {
        file: String,
        error: Box<cairn_scan::IndicatorError>,
    },
    #[error("cannot check {file}: {detail}")]
    Scan { file: String, detail: String },
    #[error("cannot typeset the report: {0}")]
    Report(String),
    /// An instrument, answers or plan file (or request) that does not fit.
    #[error("{0}")]
    Assessment(#[from] cairn_assess::SpecError),
    #[error("no instrument {0}")]
    NoSuchInstrument(String),
    #[error("there is no safety plan in this case yet")]
    NoPlan,
    /// Only from `update_indicators`, which a person runs by name.
    #[error("cannot download {url}: {detail}")]
    Download { url: String, detail: String },
    #[error("cannot check the phone: {0}")]
    Phone(crate::scan_live::PhoneProblem),
    /// A PDF chronology of more incidents than a judge can read (and than
    /// typesetting can hold in bounded memory).
    #[error("{incidents} incidents are too many for a PDF chronology (at most {limit})")]
    TooManyForPdf { incidents: usize, limit: usize },
    /// A download built in memory grew past its limit; the CLI writes a file.
    #[error("the export is larger than {limit} bytes, too large to download")]
    TooLargeForDownload { limit: u64 },
    #[error("proof: {0}")]
    Proof(#[from] cairn_core::merkle::ProofError),
}

impl AppError {
    pub(crate) fn file(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> AppError {
        let path = path.into();
        move |source| AppError::File { path, source }
    }
}
