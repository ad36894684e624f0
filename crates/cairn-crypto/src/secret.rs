//! Secret-holding types and the subkey hierarchy.
//!
//! None of these types implement `Debug`, `Display`, `Clone` or `Serialize`:
//! a secret that cannot be formatted cannot end up in a log line, a panic
//! message or a crash report, and one that cannot be cloned has exactly one
//! copy to wipe. Every buffer is wiped on drop.
//!
//! All subkeys come from the master key through `blake3::derive_key` with
//! distinct, hard-coded context strings, so compromise of one subkey (say the
//! SQLCipher key, which lives in SQLite's memory) reveals nothing about the
//! others, and a new purpose only needs a new context string.

use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::record::RecordKey;
use crate::sign::SigningKey;

pub(crate) const CTX_DATABASE: &str = "cairn 2026 sqlcipher database key";
pub(crate) const CTX_BLOB_ENC: &str = "cairn 2026 blob encryption key";
pub(crate) const CTX_BLOB_ID: &str = "cairn 2026 blob id key";
pub(crate) const CTX_RECORD: &str = "cairn 2026 record encryption key";
pub(crate) const CTX_SIGNING: &str = "cairn 2026 ed25519 signing key";

/// Fills `buf` from the operating system's CSPRNG.
///
/// There is no sane way to continue without randomness (every alternative is a
/// silent nonce reuse), so failure aborts the operation with a panic rather
/// than an error a caller might be tempted to swallow.
pub(crate) fn random_bytes(buf: &mut [u8]) {
    getrandom::fill(buf).expect("operating system random number generator failed");
}

/// A user's passphrase. Wiped on drop; cannot be printed, cloned or serialized.
///
/// ```compile_fail,E0277
/// let p = cairn_crypto::Passphrase::new("hunter2".into());
/// println!("{:?}", p); // Passphrase has no Debug, by design
/// ```
///
/// ```compile_fail,E0599
/// let p = cairn_crypto::Passphrase::new("hunter2".into());
/// let q = p.clone(); // nor Clone
/// ```
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// Takes ownership of the string so that it is wiped when dropped.
    /// Copies the caller made earlier (e.g. while reading a terminal) are the
    /// caller's to wipe.
    pub fn new(passphrase: String) -> Self {
        Passphrase(Zeroizing::new(passphrase))
    }

    /// The passphrase text, for strength estimation and the KDF only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// The vault's 256-bit root secret. Everything else is derived from it; it is
/// stored on disk only wrapped by a passphrase-derived key (see [`crate::KeyFile`]).
///
/// ```compile_fail,E0277
/// let k = cairn_crypto::MasterKey::generate();
/// let _ = format!("{:?}", k); // MasterKey has no Debug, by design
/// ```
///
/// ```compile_fail,E0599
/// let k = cairn_crypto::MasterKey::generate();
/// let _ = k.clone(); // nor Clone
/// ```
///
/// ```compile_fail,E0277
/// fn needs_serialize<T: serde::Serialize>(_: &T) {}
/// needs_serialize(&cairn_crypto::MasterKey::generate()); // nor Serialize
/// ```
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct MasterKey([u8; 32]);

impl MasterKey {
    /// A fresh random master key from the OS CSPRNG.
    pub fn generate() -> MasterKey {
        let mut key = MasterKey([0u8; 32]);
        random_bytes(&mut key.0);
        key
    }

    pub(crate) fn from_bytes(bytes: [u8; 32]) -> MasterKey {
        MasterKey(bytes)
    }

    pub(crate) fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    fn derive(&self, context: &str) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(blake3::derive_key(context, &self.0))
    }

    /// The key SQLCipher uses for the database file.
    pub fn database_key(&self) -> DatabaseKey {
        DatabaseKey(self.derive(CTX_DATABASE))
    }

    /// The key for encrypted attachments (blobs) and their opaque ids.
    pub fn blob_key(&self) -> BlobKey {
        BlobKey {
            enc: self.derive(CTX_BLOB_ENC),
            id: self.derive(CTX_BLOB_ID),
        }
    }

    /// The key for small individually sealed records.
    pub fn record_key(&self) -> RecordKey {
        RecordKey::from_derived(self.derive(CTX_RECORD))
    }

    /// The vault's Ed25519 signing key. Deterministic, so the public key is a
    /// stable identity for the vault without storing a second secret.
    pub fn signing_key(&self) -> SigningKey {
        SigningKey::from_seed(self.derive(CTX_SIGNING))
    }
}

/// The raw 256-bit SQLCipher key.
pub struct DatabaseKey(Zeroizing<[u8; 32]>);

impl DatabaseKey {
    /// The value for `PRAGMA key = <this>;`: exactly `"x'<64 lowercase hex>'"`
    /// including the double quotes. The raw-key form skips SQLCipher's own
    /// PBKDF2, which would be pointless over a uniformly random key.
    ///
    /// Built in a pre-sized zeroizing buffer so that no unwiped copy of the
    /// hex is ever left on the heap.
    pub fn sqlcipher_pragma(&self) -> Zeroizing<String> {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut out = Zeroizing::new(String::with_capacity(3 + 64 + 2));
        out.push_str("\"x'");
        for b in self.0.iter() {
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
        out.push_str("'\"");
        out
    }
}

/// Key for encrypting blobs and computing their ids. Holds two independent
/// subkeys so the id function and the cipher never share key material.
pub struct BlobKey {
    pub(crate) enc: Zeroizing<[u8; 32]>,
    pub(crate) id: Zeroizing<[u8; 32]>,
}

impl BlobKey {
    /// A second copy for a writer that outlives the borrow; deliberately not
    /// `Clone`, so copies are made only inside this crate.
    pub(crate) fn duplicate(&self) -> BlobKey {
        BlobKey {
            enc: self.enc.clone(),
            id: self.id.clone(),
        }
    }
}

/// Compares two byte strings in time independent of their contents (the
/// length is not hidden). Use it for every comparison involving a MAC, tag,
/// hash of a secret or key.
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    a.ct_eq(b).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pragma_has_sqlcipher_raw_key_shape() {
        let mk = MasterKey::generate();
        let p = mk.database_key().sqlcipher_pragma();
        assert_eq!(p.len(), 69);
        assert!(p.starts_with("\"x'") && p.ends_with("'\""));
        let hex = &p[3..67];
        assert!(hex.bytes().all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c)));
        assert_eq!(
            hex,
            blake3::derive_key(CTX_DATABASE, mk.as_bytes())
                .map(|b| format!("{b:02x}"))
                .concat()
        );
    }

    #[test]
    fn subkeys_are_deterministic_and_distinct() {
        let mk = MasterKey::from_bytes([7u8; 32]);
        assert_eq!(
            *mk.database_key().sqlcipher_pragma(),
            *mk.database_key().sqlcipher_pragma()
        );
        let ctxs = [CTX_DATABASE, CTX_BLOB_ENC, CTX_BLOB_ID, CTX_RECORD, CTX_SIGNING];
        let keys: Vec<[u8; 32]> = ctxs.iter().map(|c| *mk.derive(c)).collect();
        for i in 0..keys.len() {
            for j in i + 1..keys.len() {
                assert_ne!(keys[i], keys[j]);
            }
        }
        let other = MasterKey::generate();
        assert_ne!(
            *mk.database_key().sqlcipher_pragma(),
            *other.database_key().sqlcipher_pragma()
        );
    }

    #[test]
    fn ct_eq_works() {
        assert!(ct_eq(b"abc", b"abc"));
        assert!(!ct_eq(b"abc", b"abd"));
        assert!(!ct_eq(b"abc", b"ab"));
        assert!(ct_eq(b"", b""));
    }

    #[test]
    fn passphrase_exposes_text() {
        assert_eq!(Passphrase::new("correct horse".into()).expose(), "correct horse");
    }
}
