//! Journal benchmark: append N events (default 1,000,000) to one case in an
//! encrypted vault, then time a full `verify` and an inclusion proof for a
//! random event. The reference, measured in the same run, is SHA-256 over
//! the same canonical event bytes: the floor for any verification.
//!
//! cargo bench -p cairn-app --bench journal            (JOURNAL_EVENTS=N to change N)

use std::time::Instant;

use cairn_app::{KdfParams, Passphrase, SqliteStore, Store, Vault, VaultDir};
use sha2::Digest;

const BATCH: usize = 1_000;

#[tokio::main]
async fn main() -> anyhow_free::Result {
    let events: u64 = std::env::var("JOURNAL_EVENTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir()?;
    let vault_dir = VaultDir::new(dir.path().join("vault"));
    let passphrase = Passphrase::new("benchmark passphrase only".into());
    let (pending, master) = vault_dir.begin_init(&passphrase, KdfParams::default())?;
    let store = SqliteStore::open(&vault_dir.database(), &master.database_key(), true).await?;
    vault_dir.commit(pending)?;
    let vault = Vault::new(store.clone(), &vault_dir, &master, "bench")?;
    let case = vault.open_case("benchmark").await?.id;
    let started = Instant::now();
    let mut appended = 1u64;
    while appended < events {
        let take = BATCH.min((events - appended) as usize);
        let batch = (0..take as u64)
            .map(|i| cairn_app::synthetic::incident(appended + i))
            .collect();
        vault.append_batch(&case, batch).await?;
        appended += take as u64;
    }
    let append_secs = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let report = vault.verify_journal(&case).await?;
    let verify_secs = started.elapsed().as_secs_f64();
    assert!(report.ok(), "{:?}", report.problems);

    // Reference: SHA-256 of every canonical event, nothing else.
    let bodies = store.raw_events(&case, 0, u64::MAX).await?;
    let started = Instant::now();
    let mut hasher = sha2::Sha256::new();
    for raw in &bodies {
        hasher.update([0u8]);
        hasher.update(&raw.body);
    }
    let _ = hasher.finalize();
    let hash_secs = started.elapsed().as_secs_f64();
    let bytes: usize = bodies.iter().map(|r| r.body.len()).sum();
    drop(bodies);

    let target = (7_919 * 104_729) % events;
    let started = Instant::now();
    let proof = vault.prove_inclusion(&case, target, None).await?;
    let prove_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    proof.check()?;
    let check_secs = started.elapsed().as_secs_f64();

    println!(
        "journal benchmark: {events} events ({:.1} MiB canonical), batches of {BATCH} per transaction",
        bytes as f64 / 1048576.0
    );
    println!(
        "append:         {append_secs:8.2} s  ({:.0} events/s)",
        events as f64 / append_secs
    );
    println!(
        "verify (full):  {verify_secs:8.2} s  ({:.0} events/s; {} signed heads)",
        events as f64 / verify_secs,
        report.signed_heads
    );
    println!(
        "reference sha256 of the same bytes: {hash_secs:.3} s  → verify/reference = {:.1}x",
        verify_secs / hash_secs
    );
    println!(
        "inclusion proof for event {target}: {:.1} ms ({} hashes); offline check {:.3} ms",
        prove_secs * 1e3,
        proof.proof.len(),
        check_secs * 1e3
    );
    Ok(())
}

mod anyhow_free {
    pub type Result = std::result::Result<(), Box<dyn std::error::Error>>;
}
