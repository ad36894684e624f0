//! The packet's signature in OpenSSH's SSHSIG format, so an examiner can
//! check it with `ssh-keygen -Y verify` and no Cairn at all.
//!
//! The key that signs is the vault's Ed25519 key, the same one that signs
//! the journal's checkpoints, so the packet and its proofs speak for one
//! signer. This module never sees the private key: it asks a signing
//! closure for a signature over SSHSIG's signed-data blob.

use ssh_key::public::{Ed25519PublicKey, KeyData};
use ssh_key::{Algorithm, HashAlg, LineEnding, PublicKey, Signature, SshSig};

/// Namespace bound into every packet signature, so a signature made for a
/// packet can never pass as one over anything else (a git commit, a file).
pub const NAMESPACE: &str = "cairn-packet@cairn.invalid";
/// The principal the `allowed_signers` file names.
pub const PRINCIPAL: &str = "cairn-vault";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureError {
    #[error("the signature file is not an SSH signature")]
    Malformed,
    #[error("the signature is not in the exact form Cairn writes")]
    NotCanonical,
    #[error("the signature is for namespace {0:?}, not a Cairn packet")]
    WrongNamespace(String),
    #[error("the signature was made by a different key than the packet's public key")]
    WrongKey,
    #[error("the public key file is not one Ed25519 OpenSSH public key")]
    BadPublicKey,
    #[error("the signature does not match the signed file")]
    Mismatch,
}

fn key_data(public_key: [u8; 32]) -> KeyData {
    KeyData::Ed25519(Ed25519PublicKey(public_key))
}

/// `ssh-ed25519 AAAA… comment` plus newline, as in a `.pub` file.
pub fn public_key_line(public_key: [u8; 32]) -> String {
    let key = PublicKey::new(key_data(public_key), PRINCIPAL);
    format!("{}\n", key.to_openssh().unwrap_or_default())
}

/// The fingerprint `ssh-keygen -l` prints for the key (`SHA256:…`).
pub fn fingerprint(public_key: [u8; 32]) -> String {
    PublicKey::new(key_data(public_key), "")
        .fingerprint(HashAlg::Sha256)
        .to_string()
}

/// The `allowed_signers` line `ssh-keygen -Y verify -f` wants.
pub fn allowed_signers_line(public_key: [u8; 32]) -> String {
    let key = PublicKey::new(key_data(public_key), "");
    let openssh = key.to_openssh().unwrap_or_default();
    format!("{PRINCIPAL} namespaces=\"{NAMESPACE}\" {}\n", openssh.trim_end())
}

/// Signs `message`; returns the armored signature file's text.
pub fn sign(public_key: [u8; 32], message: &[u8], sign: &dyn Fn(&[u8]) -> [u8; 64]) -> String {
    // Both calls fail only for inputs we never give them (empty namespace,
    // a signature of the wrong length); an empty result then fails
    // verification instead of panicking mid-export.
    let Ok(data) = SshSig::signed_data(NAMESPACE, HashAlg::Sha512, message) else {
        return String::new();
    };
    let signature = sign(&data);
    Signature::new(Algorithm::Ed25519, signature.to_vec())
        .and_then(|signature| SshSig::new(key_data(public_key), NAMESPACE, HashAlg::Sha512, signature))
        .and_then(|sig| sig.to_pem(LineEnding::LF))
        .unwrap_or_default()
}

/// Parses the `.pub` file: exactly one Ed25519 key line as we write it.
pub fn parse_public_key(text: &[u8]) -> Result<[u8; 32], SignatureError> {
    let text = std::str::from_utf8(text).map_err(|_| SignatureError::BadPublicKey)?;
    let key = PublicKey::from_openssh(text.trim_end_matches('\n')).map_err(|_| SignatureError::BadPublicKey)?;
    let KeyData::Ed25519(Ed25519PublicKey(bytes)) = key.key_data() else {
        return Err(SignatureError::BadPublicKey);
    };
    if public_key_line(*bytes) != text {
        return Err(SignatureError::BadPublicKey);
    }
    Ok(*bytes)
}

/// Checks the armored signature over `message` by `public_key`, where
/// `verify` checks a raw Ed25519 signature.
pub fn verify(
    public_key: [u8; 32],
    message: &[u8],
    armored: &[u8],
    verify: &dyn Fn(&[u8], &[u8; 64]) -> bool,
) -> Result<(), SignatureError> {
    let sig = SshSig::from_pem(armored).map_err(|_| SignatureError::Malformed)?;
    // Byte-exact re-encoding: a flipped padding bit or line break that a
    // lenient decoder would forgive is still a change to the packet.
    if sig.to_pem(LineEnding::LF).ok().as_deref().map(str::as_bytes) != Some(armored) {
        return Err(SignatureError::NotCanonical);
    }
    if sig.namespace() != NAMESPACE {
        return Err(SignatureError::WrongNamespace(sig.namespace().to_owned()));
    }
    if sig.public_key() != &key_data(public_key) || sig.algorithm() != Algorithm::Ed25519 {
        return Err(SignatureError::WrongKey);
    }
    let data = SshSig::signed_data(NAMESPACE, sig.hash_alg(), message).map_err(|_| SignatureError::Malformed)?;
    let signature: [u8; 64] = sig
        .signature_bytes()
        .try_into()
        .map_err(|_| SignatureError::Malformed)?;
    if verify(&data, &signature) {
        Ok(())
    } else {
        Err(SignatureError::Mismatch)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_fingerprint_everywhere() {
        // The vault's own fingerprint (checkpoints, proofs, `cairn init`)
        // must be the one ssh-keygen prints for the packet's key.
        for _ in 0..8 {
            let key = cairn_crypto::MasterKey::generate()
                .signing_key()
                .verifying_key()
                .to_bytes();
            let vault = cairn_crypto::VerifyingKey::from_bytes(&key).unwrap().fingerprint();
            assert_eq!(vault, super::fingerprint(key));
        }
    }
}
