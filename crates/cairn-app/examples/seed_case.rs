//! Fills a new vault with one case of INCIDENTS synthetic incidents and
//! FILES evidence files of FILE_MIB MiB each, for the export benchmark
//! (bench/export.sh). Prints the case id.
//!
//! cargo run --release -p cairn-app --example seed_case -- VAULT_DIR INCIDENTS FILES FILE_MIB

use std::io::Read;

use cairn_app::{EvidenceMeta, KdfParams, Passphrase, SqliteStore, Vault, VaultDir};

/// Incompressible, deterministic bytes without holding a file in memory.
struct Noise {
    state: u64,
    left: u64,
}

impl Read for Noise {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.left as usize) / 8 * 8;
        for chunk in buf[..n].chunks_exact_mut(8) {
            self.state ^= self.state << 13;
            self.state ^= self.state >> 7;
            self.state ^= self.state << 17;
            chunk.copy_from_slice(&self.state.to_le_bytes());
        }
        self.left -= n as u64;
        Ok(n)
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, incidents, files, mib] = args.as_slice() else {
        return Err("usage: seed_case VAULT_DIR INCIDENTS FILES FILE_MIB".into());
    };
    let (incidents, files, mib): (u64, u64, u64) = (incidents.parse()?, files.parse()?, mib.parse()?);
    let passphrase = std::env::var("CAIRN_PASSPHRASE")?;
    let vault_dir = VaultDir::new(dir.as_str());
    let (pending, master) = vault_dir.begin_init(&Passphrase::new(passphrase), KdfParams::default())?;
    let store = SqliteStore::open(&vault_dir.database(), &master.database_key(), true).await?;
    vault_dir.commit(pending)?;
    let vault = Vault::new(store, &vault_dir, &master, "bench")?;
    let case = vault.open_case("export benchmark").await?.id;
    for file in 0..files {
        let meta = EvidenceMeta {
            name: format!("recording-{file}.bin"),
            media_type: Some("application/octet-stream".into()),
            source: Some("benchmark".into()),
            note: None,
        };
        let noise = Noise {
            state: 0x9E37_79B9_7F4A_7C15 ^ (file + 1),
            left: mib << 20,
        };
        vault.add_evidence_stream(&case, meta, noise, |_| {}).await?;
    }
    let mut added = 0;
    while added < incidents {
        let take = 1_000.min(incidents - added);
        let batch = (added..added + take).map(cairn_app::synthetic::incident).collect();
        vault.append_batch(&case, batch).await?;
        added += take;
    }
    println!("{case}");
    Ok(())
}
