//! Small sealed records (a contact's notes, an incident description…) that
//! are stored as individual encrypted values, e.g. in addition to SQLCipher's
//! page encryption, or in exports.
//!
//! Format: `nonce (24 bytes) || ciphertext || tag (16 bytes)`, using
//! XChaCha20-Poly1305. The 192-bit nonce is random, which is safe for any
//! realistic number of records under one key (unlike 96-bit nonces), so no
//! counter state has to be kept consistent across devices or restores.

use chacha20poly1305::aead::{AeadInOut, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use crate::Error;
use crate::secret::random_bytes;

const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;

/// Key for [`RecordKey::seal`] / [`RecordKey::open`].
pub struct RecordKey(Zeroizing<[u8; 32]>);

impl RecordKey {
    pub(crate) fn from_derived(key: Zeroizing<[u8; 32]>) -> Self {
        RecordKey(key)
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(&(*self.0).into())
    }

    /// Encrypts `plaintext`, authenticating `aad` too. Pass in `aad` whatever
    /// the record must stay bound to (table, row id, field name) so that a
    /// ciphertext cannot be moved to another place undetected.
    pub fn seal(&self, plaintext: &[u8], aad: &[u8]) -> Vec<u8> {
        let mut out = vec![0u8; NONCE_LEN + plaintext.len() + TAG_LEN];
        let (nonce, rest) = out.split_at_mut(NONCE_LEN);
        random_bytes(nonce);
        let nonce = XNonce::try_from(&*nonce).expect("nonce length is fixed");
        let (body, tag_out) = rest.split_at_mut(plaintext.len());
        body.copy_from_slice(plaintext);
        let tag = self
            .cipher()
            .encrypt_inout_detached(&nonce, aad, body.into())
            // Only fails past XChaCha20's 256 GiB per-message limit, which a
            // slice in memory cannot reach on supported platforms.
            .expect("record too large to encrypt");
        tag_out.copy_from_slice(&tag);
        out
    }

    /// Decrypts a value produced by [`RecordKey::seal`] with the same `aad`.
    /// Any mismatch is [`Error::Decrypt`].
    pub fn open(&self, sealed: &[u8], aad: &[u8]) -> Result<Zeroizing<Vec<u8>>, Error> {
        if sealed.len() < NONCE_LEN + TAG_LEN {
            return Err(Error::Decrypt);
        }
        let (nonce, rest) = sealed.split_at(NONCE_LEN);
        let (body, tag) = rest.split_at(rest.len() - TAG_LEN);
        let nonce = XNonce::try_from(nonce).map_err(|_| Error::Decrypt)?;
        let tag = chacha20poly1305::Tag::try_from(tag).map_err(|_| Error::Decrypt)?;
        let mut out = Zeroizing::new(body.to_vec());
        self.cipher()
            .decrypt_inout_detached(&nonce, aad, out.as_mut_slice().into(), &tag)
            .map_err(|_| Error::Decrypt)?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MasterKey;

    #[test]
    fn round_trip_and_tamper() {
        let key = MasterKey::generate().record_key();
        for msg in [&b""[..], b"x", b"the shelter address is 12 Elm St"] {
            let sealed = key.seal(msg, b"contacts/42/notes");
            assert_eq!(sealed.len(), msg.len() + NONCE_LEN + TAG_LEN);
            assert_eq!(&**key.open(&sealed, b"contacts/42/notes").unwrap(), msg);
            assert!(matches!(key.open(&sealed, b"contacts/43/notes"), Err(Error::Decrypt)));
            for i in 0..sealed.len() {
                let mut bad = sealed.clone();
                bad[i] ^= 0x01;
                assert!(matches!(key.open(&bad, b"contacts/42/notes"), Err(Error::Decrypt)));
            }
            for n in 0..sealed.len() {
                assert!(matches!(
                    key.open(&sealed[..n], b"contacts/42/notes"),
                    Err(Error::Decrypt)
                ));
            }
        }
    }

    #[test]
    fn nonces_are_fresh_and_keys_separate() {
        let mk = MasterKey::generate();
        let key = mk.record_key();
        let a = key.seal(b"same", b"");
        let b = key.seal(b"same", b"");
        assert_ne!(a, b);
        let other = MasterKey::generate().record_key();
        assert!(matches!(other.open(&a, b""), Err(Error::Decrypt)));
        assert_eq!(&**mk.record_key().open(&b, b"").unwrap(), b"same");
    }

    #[test]
    fn plaintext_not_visible() {
        let key = MasterKey::generate().record_key();
        let sealed = key.seal(b"MARKER-PLAINTEXT-MARKER", b"");
        assert!(!sealed.windows(6).any(|w| w == b"MARKER"));
    }
}
