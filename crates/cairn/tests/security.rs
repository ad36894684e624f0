//! What must hold even when someone else holds the vault directory.

mod common;

use common::{Env, PASSPHRASE, snapshot};

const NARRATIVE_MARKER: &str = "NARRATIVE-MARKER-7f3a9c";
const SUBJECT_MARKER: &str = "SUBJECT-MARKER-2b8d41";
const FILE_MARKER: &str = "EVIDENCE-FILE-MARKER-c4e6a0";
const LABEL_MARKER: &str = "LABEL-MARKER-91d2e5";

#[test]
fn no_plaintext_anywhere_under_the_vault() {
    let env = Env::new();
    let case = env.json(&["case", "new", "--label", LABEL_MARKER])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    env.ok(&[
        "subject",
        "add",
        "--case",
        &case,
        "--name",
        SUBJECT_MARKER,
        "--relationship",
        "spouse",
    ]);
    env.ok(&[
        "incident",
        "add",
        "--case",
        &case,
        "--when",
        "2026-03-04",
        "--channel",
        "in-person",
        "--narrative",
        NARRATIVE_MARKER,
    ]);
    let file = env.path("note.txt");
    std::fs::write(&file, FILE_MARKER.repeat(5000)).unwrap();
    env.ok(&["evidence", "add", "--case", &case, file.to_str().unwrap()]);
    let files = snapshot(&env.vault);
    assert!(
        files.iter().any(|(p, _)| p.to_string_lossy().contains("blobs")),
        "a blob was written"
    );
    for (path, bytes) in &files {
        for marker in [NARRATIVE_MARKER, SUBJECT_MARKER, FILE_MARKER, LABEL_MARKER, PASSPHRASE] {
            let found = bytes.windows(marker.len()).any(|w| w == marker.as_bytes());
            assert!(!found, "{marker} in plaintext in {}", path.display());
        }
        // A plain SQLite file starts with this header; SQLCipher's does not.
        assert!(
            !bytes.starts_with(b"SQLite format 3"),
            "{} is an unencrypted database",
            path.display()
        );
    }
}

#[test]
fn wrong_passphrase_is_refused_and_writes_nothing() {
    let env = Env::new();
    let case = env.new_case();
    let before = snapshot(&env.vault);
    let stderr = env
        .cmd(&[
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
        ])
        .env("CAIRN_PASSPHRASE", "not the passphrase")
        .output()
        .unwrap();
    assert_eq!(stderr.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&stderr.stderr).contains("wrong passphrase"));
    assert_eq!(snapshot(&env.vault), before, "nothing under the vault changed");
}

/// Opens the vault's database directly, as an attacker with the key (or a
/// careless script) would, below all of Cairn's own code.
async fn raw_pool(env: &Env) -> sqlx::SqlitePool {
    let dir = cairn_app::VaultDir::new(&env.vault);
    let master = dir.unlock(&cairn_app::Passphrase::new(PASSPHRASE.into())).unwrap();
    let store = cairn_store::SqliteStore::open(&dir.database(), &master.database_key(), false)
        .await
        .unwrap();
    store.pool().clone()
}

#[tokio::test]
async fn the_database_refuses_to_rewrite_history_and_verify_names_the_edit() {
    let env = Env::new();
    let case = env.new_case();
    for n in 0..4 {
        env.ok(&[
            "incident",
            "add",
            "--case",
            &case,
            "--when",
            "2026-01-01",
            "--channel",
            "call",
            "--narrative",
            &format!("call number {n}"),
        ]);
    }
    let pool = raw_pool(&env).await;
    let update = sqlx::query("UPDATE events SET body = body WHERE seq = 2")
        .execute(&pool)
        .await;
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = sqlx::query("DELETE FROM events WHERE seq = 4").execute(&pool).await;
    assert!(delete.unwrap_err().to_string().contains("append-only"));
    let gap = sqlx::query("INSERT INTO events (case_id, seq, kind, recorded_at, body, leaf_hash) VALUES ($1, 9, 'x', 'x', x'00', zeroblob(32))").bind(&case).execute(&pool).await;
    assert!(gap.unwrap_err().to_string().contains("contiguous"));

    // Someone with the key drops the guard and edits event 2's narrative.
    sqlx::query("DROP TRIGGER events_no_update")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("UPDATE events SET body = CAST(replace(CAST(body AS TEXT), 'call number 1', 'call number 9') AS BLOB) WHERE seq = 2").execute(&pool).await.unwrap();
    pool.close().await;
    let stderr = env.fails(&["journal", "verify", "--case", &case], 3);
    assert!(stderr.contains("event #2 (incident_recorded) was altered"), "{stderr}");

    // Recomputing the leaf hash too does not help: the signed head catches it.
    let pool = raw_pool(&env).await;
    let body: Vec<u8> = sqlx::query_scalar("SELECT body FROM events WHERE seq = 2")
        .fetch_one(&pool)
        .await
        .unwrap();
    let leaf = cairn_app::core::merkle::leaf_hash(&body);
    sqlx::query("UPDATE events SET leaf_hash = $1 WHERE seq = 2")
        .bind(leaf.0.as_slice())
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("UPDATE incidents SET data = replace(data, 'call number 1', 'call number 9')")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let stderr = env.fails(&["journal", "verify", "--case", &case], 3);
    assert!(stderr.contains("event #2 was altered after it was signed"), "{stderr}");
    assert!(!stderr.contains("event #3"), "{stderr}");
}

#[test]
fn a_tampered_blob_is_never_extracted() {
    let env = Env::new();
    let case = env.new_case();
    let file = env.path("photo.jpg");
    std::fs::write(&file, vec![7u8; 200_000]).unwrap();
    let id = env.json(&["evidence", "add", "--case", &case, file.to_str().unwrap()])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (blob, mut bytes) = snapshot(&env.vault.join("blobs")).into_iter().next().unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&blob, bytes).unwrap();
    let out = env.path("out.jpg");
    let stderr = env.fails(
        &[
            "evidence",
            "extract",
            "--case",
            &case,
            &id,
            "--out",
            out.to_str().unwrap(),
        ],
        1,
    );
    assert!(stderr.contains("failed its integrity check"), "{stderr}");
    assert!(!out.exists(), "nothing half-written");
    let leftovers: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".cairn-extract"))
        .collect();
    assert!(leftovers.is_empty(), "temporary file removed");
}

#[tokio::test]
async fn a_deleted_imported_message_is_caught_by_verify() {
    let env = Env::new();
    let case = env.new_case();
    let fixture =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../cairn-ingest/tests/data/sms/backup.xml");
    env.ok(&["import", "sms-backup", fixture.to_str().unwrap(), "--case", &case]);
    env.ok(&["journal", "verify", "--case", &case]);
    let pool = raw_pool(&env).await;
    sqlx::query("DELETE FROM communication_chunks WHERE rowid = (SELECT MIN(rowid) FROM communication_chunks)")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let stderr = env.fails(&["journal", "verify", "--case", &case], 3);
    assert!(stderr.contains("imported communications"), "{stderr}");
}
