//! What every command needs: where the vault is, how to unlock it, and how to
//! print. This is the one place that chooses the storage backend.

use anyhow::{Context as _, Result};
use cairn_app::core::CaseId;
use cairn_app::{SqliteStore, Vault, VaultDir};
use serde::Serialize;

use crate::cli::Global;
use crate::{secret_input, t};

pub struct Context {
    pub global: Global,
    vault: tokio::sync::OnceCell<Vault<SqliteStore>>,
}

impl Context {
    pub fn new(global: Global) -> Self {
        Self {
            global,
            vault: tokio::sync::OnceCell::new(),
        }
    }

    /// Closes the database cleanly (checkpointing the WAL) if it was opened.
    pub async fn close(&self) {
        if let Some(vault) = self.vault.get() {
            vault.store().close().await;
        }
    }

    pub fn vault_dir(&self) -> Result<VaultDir> {
        let root = match &self.global.vault {
            Some(dir) => dir.clone(),
            None => directories::ProjectDirs::from("", "", "cairn")
                .map(|d| d.data_dir().to_path_buf())
                .context(t!("vault-no-default-dir"))?,
        };
        Ok(VaultDir::new(root))
    }

    /// The unlocked vault, opened on first use.
    pub async fn open(&self) -> Result<&Vault<SqliteStore>> {
        self.vault.get_or_try_init(|| self.unlock()).await
    }

    /// Unlocks the vault: key file, then the SQLCipher database.
    async fn unlock(&self) -> Result<Vault<SqliteStore>> {
        let dir = self.vault_dir()?;
        if !dir.exists() {
            return Err(cairn_app::AppError::NoVault(dir.root().to_owned()).into());
        }
        let passphrase = secret_input::existing(self.global.passphrase_file.as_deref())?;
        let master = dir.unlock(&passphrase)?;
        let store = SqliteStore::open(&dir.database(), &master.database_key(), false)
            .await
            .map_err(cairn_app::AppError::from)?;
        Ok(Vault::new(store, &dir, &master, self.global.actor.clone())?)
    }

    pub fn json(&self) -> bool {
        self.global.json
    }

    pub fn print_json<T: Serialize>(&self, value: &T) -> Result<()> {
        println!("{}", serde_json::to_string_pretty(value)?);
        Ok(())
    }
}

/// Parses an id argument, naming the argument on failure.
pub fn parse_case(raw: &str) -> Result<CaseId> {
    Ok(raw.parse::<CaseId>()?)
}
