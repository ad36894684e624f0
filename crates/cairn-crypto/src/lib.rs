#![forbid(unsafe_code)]
//! Cairn's cryptography: passphrase key file, subkey hierarchy, streaming
//! blob encryption, sealed records and signatures.
//!
//! Threat model: a lost or seized laptop must reveal nothing. So every secret
//! type here is wiped on drop and has no `Debug`, `Display`, `Clone` or
//! `Serialize` — it cannot be printed, logged or serialized by accident — and
//! errors are coarse (see [`Error`]). The API is modelled on age/rage: few
//! knobs, one way to do each thing.
//!
//! ```text
//! Passphrase ──Argon2id──▶ KEK ──XChaCha20-Poly1305──▶ KeyFile (on disk)
//!                                     │ unwraps
//!                                     ▼
//!                                 MasterKey ──blake3::derive_key──▶ DatabaseKey (SQLCipher)
//!                                                                 ├─ BlobKey   (attachments + ids)
//!                                                                 ├─ RecordKey (sealed fields)
//!                                                                 └─ SigningKey (Ed25519)
//! ```
//!
//! Secret types do not implement `Debug`; this is checked at compile time:
//!
//! ```compile_fail,E0277
//! let key = cairn_crypto::MasterKey::generate();
//! let _ = format!("{:?}", key);
//! ```
//!
//! ```compile_fail,E0277
//! let key = cairn_crypto::MasterKey::generate().database_key();
//! let _ = format!("{:?}", key);
//! ```
//!
//! ```compile_fail,E0277
//! let key = cairn_crypto::MasterKey::generate().blob_key();
//! let _ = format!("{:?}", key);
//! ```
//!
//! ```compile_fail,E0277
//! let key = cairn_crypto::MasterKey::generate().record_key();
//! let _ = format!("{:?}", key);
//! ```
//!
//! ```compile_fail,E0277
//! let key = cairn_crypto::MasterKey::generate().signing_key();
//! let _ = format!("{:?}", key);
//! ```

mod blob;
mod blob_reader;
mod chunk_cipher;
mod error;
mod keyfile;
mod record;
mod seal_writer;
mod secret;
mod sign;

pub use blob::{BLOB_VERSION, BlobId, CHUNK_SIZE, OpenSummary, SealSummary, open_stream, seal_stream};
pub use blob_reader::BlobReader;
pub use error::Error;
pub use keyfile::{KEYFILE_VERSION, KdfParams, KeyFile};
pub use record::RecordKey;
pub use seal_writer::SealWriter;
pub use secret::{BlobKey, DatabaseKey, MasterKey, Passphrase, ct_eq};
pub use sign::{SigningKey, VerifyingKey};

/// Re-exported so callers name the same `Zeroizing` the API returns.
pub use zeroize;

/// Initialises OpenSSL for the whole process without the exit handler it
/// would otherwise register. Call before the first encrypted database is
/// opened; calling again does nothing.
///
/// Why: SQLCipher's first call into OpenSSL initialises it implicitly, and
/// that registers `OPENSSL_cleanup` with `atexit`, which at exit frees every
/// thread's OpenSSL state while a database thread that has just closed its
/// connection may still be freeing its own. CI saw it once as `cairn case
/// new` dying with "double free or corruption" after it had done its work.
/// `openssl::init` asks for no exit handler, and only the first
/// initialisation in a process decides.
pub fn init() {
    openssl::init();
}
