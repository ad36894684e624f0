//! Damaged vaults and killed processes: a clear error, never a panic, never
//! silent loss of anything a command reported as done.

mod common;

use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use common::{Env, snapshot};

/// One damaged-vault scenario: damage the vault, run a command, expect a
/// specific exit code and message, and nothing else changed.
fn check(damage: impl FnOnce(&Env), expected_code: i32, expected_message: &str) {
    let env = Env::new();
    let case = env.new_case();
    damage(&env);
    // SQLite's shared-memory index (-shm) is transient and may be tidied away.
    let files = |env: &Env| -> Vec<_> {
        snapshot(&env.vault)
            .into_iter()
            .filter(|(p, _)| !p.to_string_lossy().ends_with("-shm"))
            .collect()
    };
    let before = files(&env);
    let stderr = env.fails(
        &[
            "incident",
            "add",
            "--case",
            &case,
            "--when",
            "2026-01-01",
            "--channel",
            "call",
            "--narrative",
            "x",
        ],
        expected_code,
    );
    assert!(
        stderr.contains(expected_message),
        "expected {expected_message:?} in:\n{stderr}"
    );
    assert_eq!(files(&env), before, "nothing under the vault changed");
}

fn db(env: &Env) -> std::path::PathBuf {
    env.vault.join("cairn.db")
}

#[test]
fn truncated_database() {
    check(
        |env| {
            let bytes = std::fs::read(db(env)).unwrap();
            std::fs::write(db(env), &bytes[..bytes.len() / 3]).unwrap();
            let _ = std::fs::remove_file(env.vault.join("cairn.db-wal"));
        },
        1,
        "is damaged, truncated or not this vault's",
    );
}

#[test]
fn garbage_database() {
    check(
        |env| std::fs::write(db(env), vec![0x5a; 8192]).unwrap(),
        1,
        "is damaged, truncated or not this vault's",
    );
}

#[test]
fn missing_database() {
    check(|env| std::fs::remove_file(db(env)).unwrap(), 1, "cairn.db");
}

#[test]
fn missing_key_file() {
    check(
        |env| std::fs::remove_file(env.vault.join("vault.json")).unwrap(),
        1,
        "there is no vault in",
    );
}

#[test]
fn garbage_key_file() {
    check(
        |env| std::fs::write(env.vault.join("vault.json"), b"{\"version\": 1, \"kdf\": ").unwrap(),
        1,
        "vault key file",
    );
}

#[test]
fn key_file_from_a_newer_cairn() {
    check(
        |env| {
            let path = env.vault.join("vault.json");
            let mut json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            json["version"] = 99.into();
            std::fs::write(&path, serde_json::to_vec(&json).unwrap()).unwrap();
        },
        1,
        "newer Cairn",
    );
}

#[tokio::test]
async fn database_from_a_newer_cairn() {
    let env = Env::new();
    let case = env.new_case();
    let dir = cairn_app::VaultDir::new(&env.vault);
    let master = dir
        .unlock(&cairn_app::Passphrase::new(common::PASSPHRASE.into()))
        .unwrap();
    let store = cairn_store::SqliteStore::open(&dir.database(), &master.database_key(), false)
        .await
        .unwrap();
    sqlx::query("INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (999, 'future', 1, x'00', 0)")
        .execute(store.pool())
        .await
        .unwrap();
    store.close().await;
    let stderr = env.fails(&["case", "show", &case], 1);
    assert!(stderr.contains("newer Cairn (schema 999"), "{stderr}");
}

/// A small deterministic generator: the kill points differ per iteration but
/// a failure can be replayed from the printed seed.
struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn sigkill_at_random_points_never_loses_or_corrupts() {
    let env = Env::new();
    let case = env.new_case();
    let seed = std::env::var("CAIRN_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    eprintln!("kill-loop seed {seed}");
    let mut rng = XorShift(seed);
    let mut reported_incidents = Vec::new();
    let mut reported_evidence = Vec::new();
    let mut killed = 0;
    // How long an uninterrupted run takes, so kill points fall inside it.
    let calibrate = |args: &[&str]| {
        let started = Instant::now();
        env.ok(args);
        started.elapsed()
    };
    let sample = env.path("calibration.bin");
    std::fs::write(&sample, vec![0xee; 8 << 20]).unwrap();
    let mut typical = [
        calibrate(&[
            "incident",
            "add",
            "--case",
            &case,
            "--when",
            "2026-02-03",
            "--channel",
            "text",
            "--narrative",
            "calibration",
        ]),
        calibrate(&["evidence", "add", "--case", &case, sample.to_str().unwrap()]),
    ];
    let mut iteration = 0;
    while killed < 50 {
        assert!(iteration < 200, "could not kill 50 runs in 200 tries");
        iteration += 1;
        let evidence = iteration % 2 == 0;
        // CI's disk is shared with the whole build: sources go as soon as
        // the run ends, only the vault keeps what was added.
        let file = env.path(&format!("evidence-{iteration}.bin"));
        let args: Vec<String> = if evidence {
            let mut content = vec![(iteration % 256) as u8; 8 << 20];
            content[..8].copy_from_slice(&(iteration as u64).to_le_bytes());
            std::fs::write(&file, content).unwrap();
            vec![
                "evidence".into(),
                "add".into(),
                "--case".into(),
                case.clone(),
                file.to_string_lossy().into_owned(),
                "--json".into(),
            ]
        } else {
            [
                "incident",
                "add",
                "--case",
                &case,
                "--when",
                "2026-02-03T04:05",
                "--channel",
                "text",
                "--narrative",
                &format!("message burst {iteration}"),
                "--json",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect()
        };
        let mut child = Process::new(assert_cmd::cargo::cargo_bin("cairn"))
            .args(&args)
            .env("CAIRN_VAULT", &env.vault)
            .env("CAIRN_PASSPHRASE", common::PASSPHRASE)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Unlocking takes a few hundred milliseconds; spread kills across it,
        // the hashing and encryption, and the journal transaction.
        let span = (typical[usize::from(evidence)].as_millis() * 5 / 4).max(20) as u64;
        let delay = Duration::from_millis(rng.next() % span);
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break Some(status);
            }
            if started.elapsed() >= delay {
                break None;
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        let status = match status {
            Some(status) => {
                typical[usize::from(evidence)] = started.elapsed();
                status
            }
            None => {
                child.kill().unwrap();
                killed += 1;
                child.wait().unwrap()
            }
        };
        let output = child.wait_with_output().unwrap();
        if evidence {
            std::fs::remove_file(&file).unwrap();
        }
        if status.success() {
            let json: serde_json::Value =
                serde_json::from_slice(&output.stdout).expect("a successful command printed its JSON");
            let id = json["id"].as_str().unwrap().to_owned();
            if evidence {
                reported_evidence.push(id)
            } else {
                reported_incidents.push(id)
            }
        }
        // After every run, killed or not, the vault opens and verifies.
        let report = env.json(&["journal", "verify", "--case", &case]);
        assert_eq!(
            report["problems"],
            serde_json::json!([]),
            "iteration {iteration} (seed {seed})"
        );
    }
    let incidents = env.json(&["incident", "list", "--case", &case]);
    let evidence = env.json(&["evidence", "list", "--case", &case]);
    let ids = |v: &serde_json::Value, key: &str| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r[key].as_str().unwrap().to_owned())
            .collect()
    };
    let incident_ids: Vec<String> = incidents
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["incident"]["id"].as_str().unwrap().to_owned())
        .collect();
    for id in &reported_incidents {
        assert!(
            incident_ids.contains(id),
            "incident {id} was reported recorded but is gone"
        );
    }
    for id in &reported_evidence {
        assert!(
            ids(&evidence, "id").contains(id),
            "evidence {id} was reported added but is gone"
        );
    }
    // Every evidence entry can still be extracted byte for byte.
    for id in ids(&evidence, "id") {
        let out = env.path(&format!("x-{id}"));
        env.ok(&[
            "evidence",
            "extract",
            "--case",
            &case,
            &id,
            "--out",
            out.to_str().unwrap(),
        ]);
        std::fs::remove_file(&out).unwrap();
    }
    eprintln!(
        "{killed} kills, {} incidents and {} evidence reported",
        reported_incidents.len(),
        reported_evidence.len()
    );
}
