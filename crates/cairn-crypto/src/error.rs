//! The one error type of the crate.
//!
//! Variants are deliberately coarse, in the manner of age/rage: a message that
//! said *which* byte or *which* check failed would hand an attacker an oracle
//! and, worse, might echo secret material into a log. Messages are lower-case
//! so that callers can embed them in their own sentences.

/// Everything that can go wrong in `cairn-crypto`.
#[non_exhaustive]
#[derive(thiserror::Error, Debug)]
pub enum Error {
    /// The passphrase did not unlock the key file (or the key file was altered).
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// Authenticated decryption failed: wrong key, tampering, truncation,
    /// reordering or appended data. Which of these is intentionally not said.
    #[error("decryption failed")]
    Decrypt,
    /// A signature did not verify.
    #[error("bad signature")]
    BadSignature,
    /// Input is not in a format this crate understands. The text never
    /// contains secret material.
    #[error("invalid format: {0}")]
    Format(String),
    /// The data was written by a newer version of Cairn.
    #[error("unsupported format version {found} (this build supports up to {supported})")]
    UnsupportedVersion {
        /// Version found in the data.
        found: u32,
        /// Highest version this build understands.
        supported: u32,
    },
    /// Key-derivation parameters are below [`crate::KdfParams::MINIMUM`].
    #[error("key derivation parameters are too weak")]
    WeakKdf,
    /// Reading or writing failed.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    pub(crate) fn format(msg: &str) -> Self {
        Error::Format(msg.to_owned())
    }
}
