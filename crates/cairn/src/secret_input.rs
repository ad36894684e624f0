//! Where a passphrase comes from, in restic's order: `--passphrase-file`,
//! then `CAIRN_PASSPHRASE`, then a hidden prompt on the terminal.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::{Context, Result, bail};
use cairn_app::Passphrase;

use crate::t;

/// The shortest passphrase `init` and `passphrase change` accept. The key
/// file is offline-guessable if a laptop is seized, so length matters more
/// than anything else a person controls.
pub const MIN_CHARS: usize = 12;

fn read_file(path: &Path) -> Result<Passphrase> {
    let text = std::fs::read_to_string(path)
        .with_context(|| t!("passphrase-file-unreadable", path = path.display().to_string()))?;
    let first = text.lines().next().unwrap_or("");
    Ok(Passphrase::new(first.to_owned()))
}

fn prompt(label: &str) -> Result<Passphrase> {
    if !std::io::stdin().is_terminal() {
        bail!(t!("passphrase-none-given"));
    }
    let entered = rpassword::prompt_password(format!("{label}: ")).context(t!("passphrase-prompt-failed"))?;
    Ok(Passphrase::new(entered))
}

/// The passphrase of an existing vault.
pub fn existing(file: Option<&Path>) -> Result<Passphrase> {
    if let Some(path) = file {
        return read_file(path);
    }
    if let Ok(value) = std::env::var("CAIRN_PASSPHRASE") {
        return Ok(Passphrase::new(value));
    }
    prompt(&t!("passphrase-prompt"))
}

/// A new passphrase: from a file or variable as given, else typed twice.
pub fn new(file: Option<&Path>, variable: &str) -> Result<Passphrase> {
    let passphrase = if let Some(path) = file {
        read_file(path)?
    } else if let Ok(value) = std::env::var(variable) {
        Passphrase::new(value)
    } else {
        let first = prompt(&t!("passphrase-prompt-new"))?;
        let second = prompt(&t!("passphrase-prompt-repeat"))?;
        if !cairn_crypto_eq(&first, &second) {
            bail!(t!("passphrase-mismatch"));
        }
        first
    };
    let chars = passphrase.expose().chars().count();
    if chars < MIN_CHARS {
        bail!(t!("passphrase-too-short", given = chars, minimum = MIN_CHARS));
    }
    Ok(passphrase)
}

fn cairn_crypto_eq(a: &Passphrase, b: &Passphrase) -> bool {
    cairn_app::ct_eq(a.expose().as_bytes(), b.expose().as_bytes())
}
