use std::path::PathBuf;

use anyhow::Result;
use cairn_app::KdfParams;
use clap::Subcommand;

use crate::context::Context;
use crate::{secret_input, t};

#[derive(Debug, Subcommand)]
pub enum PassphraseCommand {
    /// Change the vault passphrase (no data is re-encrypted).
    Change {
        /// Read the new passphrase from this file. CAIRN_NEW_PASSPHRASE also works.
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
    },
}

pub async fn run(ctx: &Context, command: &PassphraseCommand) -> Result<()> {
    let PassphraseCommand::Change { new_passphrase_file } = command;
    let dir = ctx.vault_dir()?;
    if !dir.exists() {
        return Err(cairn_app::AppError::NoVault(dir.root().to_owned()).into());
    }
    let old = secret_input::existing(ctx.global.passphrase_file.as_deref())?;
    // Check the old one before asking for a new one twice.
    dir.unlock(&old)?;
    let new = secret_input::new(new_passphrase_file.as_deref(), "CAIRN_NEW_PASSPHRASE")?;
    dir.change_passphrase(&old, &new, KdfParams::default())?;
    if ctx.json() {
        ctx.print_json(&serde_json::json!({ "vault": dir.root(), "changed": true }))?;
    } else {
        println!("{}", t!("passphrase-changed"));
    }
    Ok(())
}
