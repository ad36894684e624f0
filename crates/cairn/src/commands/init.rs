use anyhow::Result;
use cairn_app::{KdfParams, SqliteStore, VaultDir};

use crate::context::Context;
use crate::{secret_input, t};

pub async fn run(ctx: &Context) -> Result<()> {
    let dir: VaultDir = ctx.vault_dir()?;
    if dir.exists() {
        return Err(cairn_app::AppError::VaultExists(dir.root().to_owned()).into());
    }
    let passphrase = secret_input::new(ctx.global.passphrase_file.as_deref(), "CAIRN_PASSPHRASE")?;
    let (pending, master) = dir.begin_init(&passphrase, KdfParams::default())?;
    let store = SqliteStore::open(&dir.database(), &master.database_key(), true)
        .await
        .map_err(cairn_app::AppError::from)?;
    store.close().await;
    dir.commit(pending)?;
    let fingerprint = master.signing_key().verifying_key().fingerprint();
    if ctx.json() {
        ctx.print_json(&serde_json::json!({ "vault": dir.root(), "key_fingerprint": fingerprint }))?;
    } else {
        println!("{}", t!("init-done", path = dir.root().display().to_string()));
        println!("{}", t!("init-fingerprint", fingerprint = fingerprint));
        println!("{}", t!("init-warning"));
    }
    Ok(())
}
