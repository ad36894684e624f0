//! The vault's directory layout and its key file.
//!
//! ```text
//! vault/
//!   vault.json   key file: Argon2id parameters and the wrapped master key (no secrets in clear)
//!   cairn.db     SQLCipher database (+ -wal, -shm)
//!   blobs/       encrypted evidence, named by keyed id
//!   tmp/         encrypted partial blobs while being written
//! ```
//! The key file is written last by `init` and replaced atomically by a
//! passphrase change, so at every instant the vault has exactly one valid key
//! file.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use cairn_crypto::{Error as CryptoError, KdfParams, KeyFile, MasterKey, Passphrase};

use crate::{AppError, Result};

pub const KEY_FILE: &str = "vault.json";
pub const DATABASE: &str = "cairn.db";

/// A key file made by [`VaultDir::begin_init`], not yet written.
pub struct PendingKeyFile(KeyFile);

#[derive(Debug, Clone)]
pub struct VaultDir {
    root: PathBuf,
}

impl VaultDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn key_file(&self) -> PathBuf {
        self.root.join(KEY_FILE)
    }

    pub fn database(&self) -> PathBuf {
        self.root.join(DATABASE)
    }

    pub fn exists(&self) -> bool {
        self.key_file().is_file()
    }

    /// Starts a new vault: refuses if one exists, clears what an interrupted
    /// `init` left (unusable without the key that died with it) and returns a
    /// fresh master key with its wrapped form. The caller creates the database
    /// with the key and then calls [`VaultDir::commit`].
    pub fn begin_init(&self, passphrase: &Passphrase, params: KdfParams) -> Result<(PendingKeyFile, MasterKey)> {
        if self.exists() {
            return Err(AppError::VaultExists(self.root.clone()));
        }
        fs::create_dir_all(&self.root).map_err(AppError::file(&self.root))?;
        restrict_permissions(&self.root);
        for stale in [DATABASE, "cairn.db-wal", "cairn.db-shm"] {
            let path = self.root.join(stale);
            if path.exists() {
                fs::remove_file(&path).map_err(AppError::file(&path))?;
            }
        }
        let (key_file, master) = KeyFile::create(passphrase, params)?;
        Ok((PendingKeyFile(key_file), master))
    }

    /// Writes the key file: the step that makes the new vault exist.
    pub fn commit(&self, pending: PendingKeyFile) -> Result<()> {
        self.write_key_file(&pending.0)
    }

    fn read_key_file(&self) -> Result<KeyFile> {
        let path = self.key_file();
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(AppError::NoVault(self.root.clone())),
            Err(e) => return Err(AppError::File { path, source: e }),
        };
        KeyFile::from_json(&bytes).map_err(|e| self.key_file_error(e))
    }

    fn key_file_error(&self, e: CryptoError) -> AppError {
        match e {
            CryptoError::WrongPassphrase => AppError::WrongPassphrase(self.root.clone()),
            CryptoError::UnsupportedVersion { found, supported } => AppError::NewerVault {
                path: self.key_file(),
                found,
                supported,
            },
            other => AppError::KeyFileDamaged {
                path: self.key_file(),
                detail: other.to_string(),
            },
        }
    }

    /// Unwraps the master key. A wrong passphrase writes nothing.
    pub fn unlock(&self, passphrase: &Passphrase) -> Result<MasterKey> {
        self.read_key_file()?
            .unlock(passphrase)
            .map_err(|e| self.key_file_error(e))
    }

    /// Re-wraps the same master key under a new passphrase; no data is
    /// re-encrypted. The old key file is replaced atomically.
    pub fn change_passphrase(&self, old: &Passphrase, new: &Passphrase, params: KdfParams) -> Result<()> {
        if cairn_crypto::ct_eq(old.expose().as_bytes(), new.expose().as_bytes()) {
            return Err(AppError::SamePassphrase);
        }
        let rewrapped = self
            .read_key_file()?
            .rewrap(old, new, params)
            .map_err(|e| self.key_file_error(e))?;
        self.write_key_file(&rewrapped)
    }

    fn write_key_file(&self, key_file: &KeyFile) -> Result<()> {
        let path = self.key_file();
        let mut tmp = tempfile::Builder::new()
            .prefix(".vault.json.")
            .tempfile_in(&self.root)
            .map_err(AppError::file(&self.root))?;
        tmp.write_all(&key_file.to_json())
            .map_err(AppError::file(tmp.path().to_owned()))?;
        tmp.as_file()
            .sync_all()
            .map_err(AppError::file(tmp.path().to_owned()))?;
        tmp.persist(&path).map_err(|e| AppError::File {
            path: path.clone(),
            source: e.error,
        })?;
        fs::File::open(&self.root)
            .and_then(|d| d.sync_all())
            .map_err(AppError::file(&self.root))?;
        Ok(())
    }
}

/// The vault is encrypted either way; 0700 also keeps its file names and
/// sizes from other local accounts.
fn restrict_permissions(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o700));
    }
}
