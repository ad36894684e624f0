//! Ed25519 signatures, e.g. for export manifests an advocate or court can
//! check against the vault's published fingerprint.

use base64::Engine as _;
use ed25519_dalek::Signer as _;
use sha2::Digest as _;
use zeroize::Zeroizing;

use crate::Error;

/// The vault's signing key, derived from the master key. No Debug/Clone.
pub struct SigningKey(ed25519_dalek::SigningKey);

impl SigningKey {
    pub(crate) fn from_seed(seed: Zeroizing<[u8; 32]>) -> Self {
        SigningKey(ed25519_dalek::SigningKey::from_bytes(&seed))
    }

    /// A 64-byte Ed25519 signature over `msg` (deterministic, RFC 8032).
    pub fn sign(&self, msg: &[u8]) -> [u8; 64] {
        self.0.sign(msg).to_bytes()
    }

    /// The public half.
    pub fn verifying_key(&self) -> VerifyingKey {
        VerifyingKey(self.0.verifying_key())
    }
}

/// An Ed25519 public key. Not secret.
#[derive(Clone, PartialEq, Eq)]
pub struct VerifyingKey(ed25519_dalek::VerifyingKey);

impl VerifyingKey {
    /// The 32-byte compressed point.
    pub fn to_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// Parses a public key; rejects encodings that are not a valid point and
    /// small-order ("weak") keys, for which signatures prove nothing.
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<VerifyingKey, Error> {
        let key =
            ed25519_dalek::VerifyingKey::from_bytes(bytes).map_err(|_| Error::format("invalid ed25519 public key"))?;
        if key.is_weak() {
            return Err(Error::format("invalid ed25519 public key"));
        }
        Ok(VerifyingKey(key))
    }

    /// Verifies with `verify_strict`, which rejects malleable and
    /// small-order-component signatures a lax verifier would accept.
    pub fn verify(&self, msg: &[u8], sig: &[u8; 64]) -> Result<(), Error> {
        let sig = ed25519_dalek::Signature::from_bytes(sig);
        self.0.verify_strict(msg, &sig).map_err(|_| Error::BadSignature)
    }

    /// The fingerprint `ssh-keygen -l` prints for this key: `SHA256:` and
    /// unpadded base64 of SHA-256 over the key's SSH wire encoding
    /// (RFC 8709: the string `ssh-ed25519`, then the 32-byte key, each with a
    /// 4-byte big-endian length). One value everywhere — checkpoints, proofs,
    /// packets — that an examiner can recompute with standard tools.
    pub fn fingerprint(&self) -> String {
        const ALGORITHM: &[u8] = b"ssh-ed25519";
        let mut wire = Vec::with_capacity(4 + ALGORITHM.len() + 4 + 32);
        wire.extend_from_slice(&(ALGORITHM.len() as u32).to_be_bytes());
        wire.extend_from_slice(ALGORITHM);
        wire.extend_from_slice(&32u32.to_be_bytes());
        wire.extend_from_slice(self.0.as_bytes());
        let digest = sha2::Sha256::digest(&wire);
        format!(
            "SHA256:{}",
            base64::engine::general_purpose::STANDARD_NO_PAD.encode(digest)
        )
    }
}

impl std::fmt::Debug for VerifyingKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("VerifyingKey").field(&self.fingerprint()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MasterKey;

    #[test]
    fn sign_verify() {
        let mk = MasterKey::generate();
        let sk = mk.signing_key();
        let vk = sk.verifying_key();
        let sig = sk.sign(b"manifest");
        vk.verify(b"manifest", &sig).unwrap();
        assert!(matches!(vk.verify(b"manifesT", &sig), Err(Error::BadSignature)));
        let mut bad = sig;
        bad[10] ^= 1;
        assert!(matches!(vk.verify(b"manifest", &bad), Err(Error::BadSignature)));
        let other = MasterKey::generate().signing_key().verifying_key();
        assert!(matches!(other.verify(b"manifest", &sig), Err(Error::BadSignature)));
    }

    #[test]
    fn deterministic_from_master_key() {
        let mk = MasterKey::from_bytes([3u8; 32]);
        assert_eq!(mk.signing_key().verifying_key(), mk.signing_key().verifying_key());
        assert_ne!(
            mk.signing_key().verifying_key(),
            MasterKey::from_bytes([4u8; 32]).signing_key().verifying_key()
        );
    }

    #[test]
    fn bytes_round_trip_and_fingerprint() {
        let vk = MasterKey::generate().signing_key().verifying_key();
        let back = VerifyingKey::from_bytes(&vk.to_bytes()).unwrap();
        assert_eq!(back, vk);
        let fp = vk.fingerprint();
        assert!(fp.starts_with("SHA256:"));
        assert_eq!(fp.len(), 7 + 43);
        assert!(!fp.ends_with('='));
        assert!(format!("{vk:?}").contains(&fp));
        // The identity point is small-order; a "signature" under it is meaningless.
        let mut identity = [0u8; 32];
        identity[0] = 1;
        assert!(matches!(VerifyingKey::from_bytes(&identity), Err(Error::Format(_))));
    }
}
