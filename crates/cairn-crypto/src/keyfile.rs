//! The on-disk key file: the master key wrapped under a passphrase.
//!
//! ```json
//! {
//!   "version": 1,
//!   "kdf": { "algorithm": "argon2id", "memory_kib": 40960, "iterations": 4,
//!            "parallelism": 1, "salt": "<base64, 16 bytes>" },
//!   "wrapped_key": { "algorithm": "xchacha20poly1305",
//!                    "nonce": "<base64, 24 bytes>", "ciphertext": "<base64, 48 bytes>" }
//! }
//! ```
//!
//! The key-encryption key is Argon2id(passphrase, salt, params). The format
//! version, algorithms, params and salt are all bound into the AEAD associated
//! data, so an attacker who edits the file (e.g. lowers the params to make a
//! later offline guess cheaper once the user re-saves, or swaps in a salt)
//! gets a failed unlock, never a silently different key. Unlocking also
//! refuses params below [`KdfParams::MINIMUM`] *before* running the KDF, so a
//! downgraded file cannot even be used as a fast guessing oracle.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use chacha20poly1305::aead::{AeadInOut, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::Error;
use crate::secret::{MasterKey, Passphrase, random_bytes};

/// Key file format version written by this build.
pub const KEYFILE_VERSION: u32 = 1;
const KDF_ALG: &str = "argon2id";
const WRAP_ALG: &str = "xchacha20poly1305";
const SALT_LEN: usize = 16;
const MAX_SALT_LEN: usize = 64;
const NONCE_LEN: usize = 24;
const WRAPPED_LEN: usize = 32 + 16;
// Upper bounds stop an edited key file from turning unlock into an
// out-of-memory crash or an hours-long hang.
const MAX_MEMORY_KIB: u32 = 4 * 1024 * 1024;
const MAX_ITERATIONS: u32 = 64;
const MAX_PARALLELISM: u32 = 64;

/// Argon2id cost parameters. Not secret.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory cost in KiB.
    pub memory_kib: u32,
    /// Number of passes over the memory.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
}

impl KdfParams {
    /// The floor accepted when creating or unlocking: OWASP's minimum
    /// recommendation for Argon2id (19 MiB, 2 passes, 1 lane).
    pub const MINIMUM: KdfParams = KdfParams {
        memory_kib: 19456,
        iterations: 2,
        parallelism: 1,
    };

    fn check(&self) -> Result<(), Error> {
        if self.parallelism == 0
            || self.memory_kib > MAX_MEMORY_KIB
            || self.iterations > MAX_ITERATIONS
            || self.parallelism > MAX_PARALLELISM
        {
            return Err(Error::format("kdf parameters out of range"));
        }
        if self.memory_kib < Self::MINIMUM.memory_kib || self.iterations < Self::MINIMUM.iterations {
            return Err(Error::WeakKdf);
        }
        Ok(())
    }

    fn derive_kek(&self, pass: &Passphrase, salt: &[u8]) -> Result<Zeroizing<[u8; 32]>, Error> {
        self.check()?;
        let params = argon2::Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32))
            .map_err(|_| Error::format("kdf parameters out of range"))?;
        let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let mut kek = Zeroizing::new([0u8; 32]);
        argon
            .hash_password_into(pass.expose().as_bytes(), salt, kek.as_mut_slice())
            .map_err(|_| Error::format("key derivation failed"))?;
        Ok(kek)
    }
}

impl Default for KdfParams {
    /// Argon2id, 40 MiB, 4 passes, 1 lane. Lanes only let the *defender* use
    /// more cores; the `argon2` crate computes them sequentially (we do not
    /// enable its rayon feature), so more lanes would not shorten our unlock,
    /// while an attacker's work per guess is set by memory × passes either
    /// way. 40 MiB × 4 passes is about four times OWASP's minimum (19 MiB × 2)
    /// and keeps the whole `cairn` process under 64 MiB resident — the budget
    /// for acquiring evidence on the old, shared laptops many survivors and
    /// advocates actually have — while unlock stays near a quarter of a
    /// second on a 2-core machine (64 MiB × 3 measured ≈ 0.3 s there).
    fn default() -> Self {
        KdfParams {
            memory_kib: 40960,
            iterations: 4,
            parallelism: 1,
        }
    }
}

/// The non-secret on-disk record that holds the wrapped master key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "KeyFileJson", into = "KeyFileJson")]
pub struct KeyFile {
    version: u32,
    params: KdfParams,
    salt: Vec<u8>,
    nonce: [u8; NONCE_LEN],
    wrapped: Vec<u8>,
}

impl KeyFile {
    /// Generates a new master key and wraps it under `pass`.
    pub fn create(pass: &Passphrase, params: KdfParams) -> Result<(KeyFile, MasterKey), Error> {
        let master = MasterKey::generate();
        let file = Self::wrap(&master, pass, params)?;
        Ok((file, master))
    }

    /// Unwraps the master key. A wrong passphrase, and any edit to the file's
    /// authenticated fields, gives [`Error::WrongPassphrase`].
    pub fn unlock(&self, pass: &Passphrase) -> Result<MasterKey, Error> {
        let kek = self.params.derive_kek(pass, &self.salt)?;
        let aad = associated_data(self.version, &self.params, &self.salt);
        let mut buf = Zeroizing::new([0u8; 32]);
        buf.copy_from_slice(&self.wrapped[..32]);
        let tag = chacha20poly1305::Tag::try_from(&self.wrapped[32..]).map_err(|_| Error::WrongPassphrase)?;
        XChaCha20Poly1305::new(&(*kek).into())
            .decrypt_inout_detached(&XNonce::from(self.nonce), &aad, buf.as_mut_slice().into(), &tag)
            .map_err(|_| Error::WrongPassphrase)?;
        Ok(MasterKey::from_bytes(*buf))
    }

    /// Re-wraps the same master key under a new passphrase and/or params, with
    /// fresh salt and nonce. The old file keeps working until the caller
    /// replaces it, so write the result atomically (temp file + rename).
    pub fn rewrap(&self, old: &Passphrase, new: &Passphrase, params: KdfParams) -> Result<KeyFile, Error> {
        let master = self.unlock(old)?;
        Self::wrap(&master, new, params)
    }

    /// The KDF parameters this file was written with.
    pub fn kdf_params(&self) -> KdfParams {
        self.params
    }

    /// The format version of this file.
    pub fn version(&self) -> u32 {
        self.version
    }

    /// Pretty-printed JSON, ready to write to disk.
    pub fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(&KeyFileJson::from(self.clone()))
            .expect("serializing plain strings and integers cannot fail");
        out.push(b'\n');
        out
    }

    /// Parses a key file. Never panics: any malformed input is
    /// [`Error::Format`], a newer version is [`Error::UnsupportedVersion`].
    pub fn from_json(bytes: &[u8]) -> Result<KeyFile, Error> {
        // Look at the version first so that a file from a newer Cairn gets a
        // useful "upgrade" error even if its other fields changed shape.
        #[derive(Deserialize)]
        struct VersionOnly {
            version: u32,
        }
        let v: VersionOnly = serde_json::from_slice(bytes).map_err(json_error)?;
        if v.version > KEYFILE_VERSION {
            return Err(Error::UnsupportedVersion {
                found: v.version,
                supported: KEYFILE_VERSION,
            });
        }
        let raw: KeyFileJson = serde_json::from_slice(bytes).map_err(json_error)?;
        KeyFile::try_from(raw)
    }

    fn wrap(master: &MasterKey, pass: &Passphrase, params: KdfParams) -> Result<KeyFile, Error> {
        let mut salt = vec![0u8; SALT_LEN];
        random_bytes(&mut salt);
        let mut nonce = [0u8; NONCE_LEN];
        random_bytes(&mut nonce);
        let kek = params.derive_kek(pass, &salt)?;
        let aad = associated_data(KEYFILE_VERSION, &params, &salt);
        let mut wrapped = vec![0u8; WRAPPED_LEN];
        wrapped[..32].copy_from_slice(master.as_bytes());
        let tag = XChaCha20Poly1305::new(&(*kek).into())
            .encrypt_inout_detached(&XNonce::from(nonce), &aad, (&mut wrapped[..32]).into())
            .expect("32-byte message is within AEAD limits");
        wrapped[32..].copy_from_slice(&tag);
        Ok(KeyFile {
            version: KEYFILE_VERSION,
            params,
            salt,
            nonce,
            wrapped,
        })
    }
}

/// Unambiguous (fixed-width or length-prefixed) encoding of every field that
/// must not be editable.
fn associated_data(version: u32, params: &KdfParams, salt: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(64 + salt.len());
    aad.extend_from_slice(b"cairn key file\0");
    aad.extend_from_slice(&version.to_be_bytes());
    aad.extend_from_slice(KDF_ALG.as_bytes());
    aad.push(0);
    aad.extend_from_slice(&params.memory_kib.to_be_bytes());
    aad.extend_from_slice(&params.iterations.to_be_bytes());
    aad.extend_from_slice(&params.parallelism.to_be_bytes());
    aad.extend_from_slice(&u32::try_from(salt.len()).unwrap_or(u32::MAX).to_be_bytes());
    aad.extend_from_slice(salt);
    aad.extend_from_slice(WRAP_ALG.as_bytes());
    aad
}

fn json_error(e: serde_json::Error) -> Error {
    // Only the category and position: serde's own message can quote input.
    let what = match e.classify() {
        serde_json::error::Category::Io => "unreadable",
        serde_json::error::Category::Syntax => "not valid JSON",
        serde_json::error::Category::Data => "missing or invalid field",
        serde_json::error::Category::Eof => "truncated",
    };
    Error::Format(format!("key file {what} (line {}, column {})", e.line(), e.column()))
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFileJson {
    version: u32,
    kdf: KdfJson,
    wrapped_key: WrappedJson,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KdfJson {
    algorithm: String,
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
    salt: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WrappedJson {
    algorithm: String,
    nonce: String,
    ciphertext: String,
}

impl From<KeyFile> for KeyFileJson {
    fn from(k: KeyFile) -> Self {
        KeyFileJson {
            version: k.version,
            kdf: KdfJson {
                algorithm: KDF_ALG.into(),
                memory_kib: k.params.memory_kib,
                iterations: k.params.iterations,
                parallelism: k.params.parallelism,
                salt: B64.encode(&k.salt),
            },
            wrapped_key: WrappedJson {
                algorithm: WRAP_ALG.into(),
                nonce: B64.encode(k.nonce),
                ciphertext: B64.encode(&k.wrapped),
            },
        }
    }
}

impl TryFrom<KeyFileJson> for KeyFile {
    type Error = Error;

    fn try_from(j: KeyFileJson) -> Result<Self, Error> {
        if j.version > KEYFILE_VERSION {
            return Err(Error::UnsupportedVersion {
                found: j.version,
                supported: KEYFILE_VERSION,
            });
        }
        if j.version == 0 {
            return Err(Error::format("key file version 0 is invalid"));
        }
        if j.kdf.algorithm != KDF_ALG {
            return Err(Error::format("key file uses an unknown kdf"));
        }
        if j.wrapped_key.algorithm != WRAP_ALG {
            return Err(Error::format("key file uses an unknown cipher"));
        }
        let field = |s: &str, name: &str| {
            B64.decode(s)
                .map_err(|_| Error::Format(format!("key file {name} is not base64")))
        };
        let salt = field(&j.kdf.salt, "salt")?;
        if !(SALT_LEN..=MAX_SALT_LEN).contains(&salt.len()) {
            return Err(Error::format("key file salt has a bad length"));
        }
        let nonce: [u8; NONCE_LEN] = field(&j.wrapped_key.nonce, "nonce")?
            .try_into()
            .map_err(|_| Error::format("key file nonce has a bad length"))?;
        let wrapped = field(&j.wrapped_key.ciphertext, "ciphertext")?;
        if wrapped.len() != WRAPPED_LEN {
            return Err(Error::format("key file ciphertext has a bad length"));
        }
        let params = KdfParams {
            memory_kib: j.kdf.memory_kib,
            iterations: j.kdf.iterations,
            parallelism: j.kdf.parallelism,
        };
        Ok(KeyFile {
            version: j.version,
            params,
            salt,
            nonce,
            wrapped,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Tests that are not about the KDF use the cheapest accepted params.
    const FAST: KdfParams = KdfParams::MINIMUM;

    fn pass(s: &str) -> Passphrase {
        Passphrase::new(s.to_owned())
    }

    fn edit(file: &KeyFile, f: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
        let mut v: serde_json::Value = serde_json::from_slice(&file.to_json()).unwrap();
        f(&mut v);
        serde_json::to_vec(&v).unwrap()
    }

    #[test]
    fn create_unlock_and_wrong_passphrase() {
        let (file, mk) = KeyFile::create(&pass("correct horse battery"), FAST).unwrap();
        let again = file.unlock(&pass("correct horse battery")).unwrap();
        assert_eq!(mk.as_bytes(), again.as_bytes());
        assert!(matches!(
            file.unlock(&pass("correct horse batterY")),
            Err(Error::WrongPassphrase)
        ));
        assert!(matches!(file.unlock(&pass("")), Err(Error::WrongPassphrase)));
    }

    #[test]
    fn json_round_trip() {
        let (file, mk) = KeyFile::create(&pass("pw"), FAST).unwrap();
        let json = file.to_json();
        let text = std::str::from_utf8(&json).unwrap();
        assert!(
            text.contains("\"argon2id\"") && text.contains("\n  "),
            "pretty JSON: {text}"
        );
        let back = KeyFile::from_json(&json).unwrap();
        assert_eq!(back, file);
        assert_eq!(back.kdf_params(), FAST);
        assert_eq!(back.version(), 1);
        assert_eq!(back.unlock(&pass("pw")).unwrap().as_bytes(), mk.as_bytes());
        // The wrapped key never appears in the clear.
        assert!(!json.windows(32).any(|w| w == mk.as_bytes()));
    }

    #[test]
    fn rewrap_keeps_master_key_and_retires_old_passphrase() {
        let (file, mk) = KeyFile::create(&pass("old"), FAST).unwrap();
        let stronger = KdfParams {
            memory_kib: 32768,
            iterations: 2,
            parallelism: 1,
        };
        let new = file.rewrap(&pass("old"), &pass("new"), stronger).unwrap();
        assert_ne!(new.salt, file.salt);
        assert_ne!(new.nonce, file.nonce);
        assert_eq!(new.kdf_params(), stronger);
        let again = new.unlock(&pass("new")).unwrap();
        assert_eq!(
            *again.database_key().sqlcipher_pragma(),
            *mk.database_key().sqlcipher_pragma()
        );
        let h = [9u8; 32];
        assert_eq!(again.blob_key().blob_id(&h), mk.blob_key().blob_id(&h));
        assert!(matches!(new.unlock(&pass("old")), Err(Error::WrongPassphrase)));
        assert!(matches!(
            file.rewrap(&pass("wrong"), &pass("x"), FAST),
            Err(Error::WrongPassphrase)
        ));
    }

    #[test]
    fn tampered_params_or_salt_fail() {
        let (file, _) = KeyFile::create(&pass("pw"), FAST).unwrap();
        let edits: [fn(&mut serde_json::Value); 6] = [
            |v| v["kdf"]["memory_kib"] = 19457.into(),
            |v| v["kdf"]["iterations"] = 3.into(),
            |v| v["kdf"]["parallelism"] = 2.into(),
            |v| v["kdf"]["salt"] = B64.encode([0u8; 16]).into(),
            |v| v["wrapped_key"]["nonce"] = B64.encode([0u8; 24]).into(),
            |v| v["wrapped_key"]["ciphertext"] = B64.encode([0u8; 48]).into(),
        ];
        for e in edits {
            let bad = KeyFile::from_json(&edit(&file, e)).unwrap();
            assert!(matches!(bad.unlock(&pass("pw")), Err(Error::WrongPassphrase)));
        }
    }

    #[test]
    fn aad_binds_version_and_params() {
        // Same KEK inputs, different authenticated fields: the AEAD alone must
        // catch it, independent of the KDF.
        let (file, _) = KeyFile::create(&pass("pw"), FAST).unwrap();
        let kek = file.params.derive_kek(&pass("pw"), &file.salt).unwrap();
        let try_open = |aad: &[u8]| {
            let mut buf = file.wrapped[..32].to_vec();
            let tag = chacha20poly1305::Tag::try_from(&file.wrapped[32..]).unwrap();
            XChaCha20Poly1305::new(&(*kek).into())
                .decrypt_inout_detached(&XNonce::from(file.nonce), aad, buf.as_mut_slice().into(), &tag)
                .is_ok()
        };
        assert!(try_open(&associated_data(1, &file.params, &file.salt)));
        assert!(!try_open(&associated_data(2, &file.params, &file.salt)));
        let mut p = file.params;
        p.iterations += 1;
        assert!(!try_open(&associated_data(1, &p, &file.salt)));
    }

    #[test]
    fn version_checks() {
        let (file, _) = KeyFile::create(&pass("pw"), FAST).unwrap();
        let v2 = edit(&file, |v| v["version"] = 2.into());
        assert!(matches!(
            KeyFile::from_json(&v2),
            Err(Error::UnsupportedVersion { found: 2, supported: 1 })
        ));
        // A future format with a different shape still reports the version.
        let future = br#"{"version": 7, "something": "else"}"#;
        assert!(matches!(
            KeyFile::from_json(future),
            Err(Error::UnsupportedVersion { found: 7, .. })
        ));
        let v0 = edit(&file, |v| v["version"] = 0.into());
        assert!(matches!(KeyFile::from_json(&v0), Err(Error::Format(_))));
    }

    #[test]
    fn weak_or_absurd_params_rejected() {
        let weak = [
            KdfParams {
                memory_kib: 19455,
                iterations: 2,
                parallelism: 1,
            },
            KdfParams {
                memory_kib: 65536,
                iterations: 1,
                parallelism: 1,
            },
        ];
        for p in weak {
            assert!(matches!(KeyFile::create(&pass("pw"), p), Err(Error::WeakKdf)));
        }
        let absurd = KdfParams {
            memory_kib: 65536,
            iterations: 2,
            parallelism: 0,
        };
        assert!(matches!(KeyFile::create(&pass("pw"), absurd), Err(Error::Format(_))));
        let (file, _) = KeyFile::create(&pass("pw"), FAST).unwrap();
        assert!(matches!(
            file.rewrap(&pass("pw"), &pass("n"), weak[0]),
            Err(Error::WeakKdf)
        ));

        // An attacker-edited file is refused before the KDF even runs.
        let downgraded = edit(&file, |v| v["kdf"]["memory_kib"] = 8.into());
        let downgraded = KeyFile::from_json(&downgraded).unwrap();
        assert!(matches!(downgraded.unlock(&pass("pw")), Err(Error::WeakKdf)));
        let huge = edit(&file, |v| v["kdf"]["memory_kib"] = u32::MAX.into());
        let huge = KeyFile::from_json(&huge).unwrap();
        assert!(matches!(huge.unlock(&pass("pw")), Err(Error::Format(_))));
    }

    #[test]
    fn garbage_and_truncated_json_is_format_error() {
        let (file, _) = KeyFile::create(&pass("pw"), FAST).unwrap();
        let json = file.to_json();
        let json = json.trim_ascii_end();
        for n in 0..json.len() {
            match KeyFile::from_json(&json[..n]) {
                Err(Error::Format(msg)) => assert!(!msg.contains(&B64.encode(&file.salt))),
                other => panic!("truncated at {n}: {other:?}"),
            }
        }
        let cases: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"null".to_vec(),
            b"[]".to_vec(),
            b"{\"version\": \"1\"}".to_vec(),
            b"{\"version\": -1}".to_vec(),
            b"\xff\xfe\x00garbage".to_vec(),
            edit(&file, |v| v["kdf"]["algorithm"] = "scrypt".into()),
            edit(&file, |v| v["wrapped_key"]["algorithm"] = "aes".into()),
            edit(&file, |v| v["kdf"]["salt"] = "!!!not base64".into()),
            edit(&file, |v| v["kdf"]["salt"] = B64.encode([1u8; 8]).into()),
            edit(&file, |v| v["wrapped_key"]["nonce"] = B64.encode([1u8; 12]).into()),
            edit(&file, |v| v["wrapped_key"]["ciphertext"] = B64.encode([1u8; 47]).into()),
            edit(&file, |v| v["extra"] = 1.into()),
            edit(&file, |v| v["kdf"]["memory_kib"] = (-5).into()),
        ];
        for c in cases {
            assert!(
                matches!(KeyFile::from_json(&c), Err(Error::Format(_))),
                "{:?}",
                String::from_utf8_lossy(&c)
            );
        }
    }

    #[test]
    fn default_params_are_documented_values() {
        let d = KdfParams::default();
        assert_eq!((d.memory_kib, d.iterations, d.parallelism), (40960, 4, 1));
        assert!(d.check().is_ok());
        let (file, mk) = KeyFile::create(&pass("pw"), d).unwrap();
        assert_eq!(file.unlock(&pass("pw")).unwrap().as_bytes(), mk.as_bytes());
    }
}
