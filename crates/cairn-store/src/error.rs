use std::path::PathBuf;

/// What went wrong in storage, worded for the person who will read it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("the vault database {path} is damaged, truncated, or not encrypted with this vault's key")]
    NotADatabase { path: PathBuf },
    #[error(
        "the vault database was written by a newer version of cairn (schema {found}, this build knows up to {known}); upgrade cairn to open it"
    )]
    NewerSchema { found: i64, known: i64 },
    #[error("the vault database has an unfinished schema change (version {0}); restore it from a backup")]
    DirtySchema(i64),
    #[error("{what} {id} was not found")]
    NotFound { what: &'static str, id: String },
    #[error("{0}")]
    Conflict(String),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error("evidence file for sha256 {sha256} is missing from the blob store")]
    BlobMissing { sha256: String },
    #[error("evidence file for sha256 {sha256} failed its integrity check: {reason}")]
    BlobIntegrity { sha256: String, reason: String },
    #[error("encryption: {0}")]
    Crypto(#[from] cairn_crypto::Error),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("database: {0}")]
    Database(#[source] sqlx::Error),
}

impl StoreError {
    pub(crate) fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> StoreError {
        let context = context.into();
        move |source| StoreError::Io { context, source }
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &e {
            let message = db.message();
            // SQLite reports a foreign-key or trigger refusal as a constraint
            // error; those are our invariants speaking, so say so plainly.
            if message.contains("append-only") || message.contains("contiguous") {
                return StoreError::Conflict(message.to_owned());
            }
        }
        StoreError::Database(e)
    }
}
