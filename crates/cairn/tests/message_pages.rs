//! Pages of imported messages, read from the chunks imports store them in:
//! every filter and page size walks the same messages in the same order as
//! one pass over all of them, and vaults from before chunks are repacked
//! without losing or reordering one.

mod common;

use cairn_app::Vault;
use cairn_core::CaseId;
use cairn_store::{CommQuery, CommunicationRecord, SqliteStore};
use common::{Env, PASSPHRASE};

/// Deterministic pseudo-random numbers (xorshift), so a failure repeats.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

const START_MS: u64 = 1_700_000_000_000;

/// An SMS backup of `count` messages numbered from `first`: times in no
/// order (many shared), five correspondents, some words for review.
fn backup(first: u64, count: u64, dice: &mut Dice) -> String {
    let mut out = String::from("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses>\n");
    for n in first..first + count {
        let at = START_MS + dice.below(400) * 60_000;
        let party = dice.below(5);
        let body = if dice.below(9) == 0 {
            "I will kill you"
        } else {
            "see you at noon"
        };
        out.push_str(&format!(
            "  <sms protocol=\"0\" address=\"+1415555010{party}\" date=\"{at}\" type=\"{}\" body=\"{body} #{n}\" read=\"1\" />\n",
            1 + dice.below(2)
        ));
    }
    out.push_str("</smses>\n");
    out
}

/// The vault, so that messages kept as where they lie in their backup are
/// read back from it, as anyone using Cairn sees them.
async fn open(env: &Env) -> Vault<SqliteStore> {
    let dir = cairn_app::VaultDir::new(&env.vault);
    let master = dir.unlock(&cairn_app::Passphrase::new(PASSPHRASE.into())).unwrap();
    let store = SqliteStore::open(&dir.database(), &master.database_key(), false)
        .await
        .unwrap();
    Vault::new(store, &dir, &master, "test").unwrap()
}

/// Every page of `query` at `limit`, following the cursor.
async fn walk(store: &Vault<SqliteStore>, case: &CaseId, query: &CommQuery, limit: u32) -> Vec<CommunicationRecord> {
    let mut query = CommQuery { limit, ..query.clone() };
    let mut all = Vec::new();
    loop {
        let page = store.communications(case, &query).await.unwrap();
        assert!(page.len() <= limit as usize);
        let Some(last) = page.last() else { break };
        query.after = Some((last.communication.at.as_millisecond(), last.row));
        all.extend(page);
    }
    all
}

fn key(m: &CommunicationRecord) -> (i64, i64) {
    (m.communication.at.as_millisecond(), m.row)
}

/// What `query` admits, decided from a record itself.
fn admits(query: &CommQuery, m: &CommunicationRecord) -> bool {
    let at = m.communication.at.as_millisecond();
    (query.counterparts.is_empty() || query.counterparts.contains(&m.counterpart_id))
        && query.from_ms.is_none_or(|from| at >= from)
        && query.to_ms.is_none_or(|to| at < to)
        && (!query.review_only || m.review)
}

/// Each query, walked at each page size, is exactly the full walk filtered.
async fn check(store: &Vault<SqliteStore>, case: &CaseId, all: &[CommunicationRecord], queries: &[CommQuery]) {
    for query in queries {
        let expected: Vec<(i64, i64)> = all.iter().filter(|m| admits(query, m)).map(key).collect();
        assert!(!expected.is_empty(), "{query:?} selects something");
        // Small pages cross chunk and tie boundaries often; a page of one
        // only for the narrowest query, to keep the test quick.
        let limits: &[u32] = if expected.len() < 400 {
            &[1, 7, 1000]
        } else {
            &[13, 1000]
        };
        for &limit in limits {
            let got: Vec<(i64, i64)> = walk(store, case, query, limit).await.iter().map(key).collect();
            assert_eq!(got, expected, "{query:?} at {limit} a page");
        }
    }
}

#[tokio::test]
async fn pages_of_chunked_messages_follow_time_and_filters_and_survive_a_repack() {
    let env = Env::new();
    let case = env.new_case();
    let mut dice = Dice(0x2545_f491_4f6c_dd1d);
    // 4,500 messages (three chunks), then 3,000 of which 1,000 repeat.
    let first = backup(0, 4_500, &mut dice);
    let mut repeat = Dice(0x2545_f491_4f6c_dd1d);
    let overlap = backup(0, 1_000, &mut repeat);
    let later = backup(4_500, 2_000, &mut dice);
    let later = format!(
        "{}{}",
        overlap.trim_end_matches("</smses>\n"),
        later.split_once("<smses>\n").unwrap().1
    );
    std::fs::write(env.path("one.xml"), first).unwrap();
    std::fs::write(env.path("two.xml"), later).unwrap();
    let mut added = 0;
    for file in ["one.xml", "two.xml"] {
        let path = env.path(file);
        let report = env.json(&["import", "sms-backup", path.to_str().unwrap(), "--case", &case]);
        added += report["import"]["extracted"]["added"].as_u64().unwrap();
    }
    assert_eq!(added, 6_500, "the repeated thousand were added once");

    let case: CaseId = case.parse().unwrap();
    let store = open(&env).await;
    let all = walk(&store, &case, &CommQuery::default(), 1000).await;
    assert_eq!(all.len() as u64, added, "every message once");
    assert!(
        all.windows(2).all(|w| key(&w[0]) < key(&w[1])),
        "in time order, ties by row"
    );
    for m in &all {
        let n: u64 = m
            .communication
            .body
            .as_deref()
            .unwrap()
            .rsplit('#')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(
            m.import_seq > all[0].import_seq,
            n >= 4_500,
            "#{n} came from its own import"
        );
        assert_eq!(m.review, m.communication.body.as_deref().unwrap().contains("kill"));
    }

    let two = vec![all[0].counterpart_id, all[3].counterpart_id];
    let middle = (START_MS + 100 * 60_000) as i64;
    let queries = [
        CommQuery::default(),
        CommQuery {
            counterparts: two.clone(),
            ..CommQuery::default()
        },
        CommQuery {
            from_ms: Some(middle),
            to_ms: Some(middle + 90 * 60_000),
            ..CommQuery::default()
        },
        CommQuery {
            review_only: true,
            ..CommQuery::default()
        },
        CommQuery {
            counterparts: two,
            review_only: true,
            from_ms: Some(middle),
            ..CommQuery::default()
        },
    ];
    check(&store, &case, &all, &queries).await;

    // The same messages as rows of the table vaults had before chunks, in
    // the order they were written, with the keys that were stored for them.
    let pool = store.store().pool().clone();
    let keys: Vec<Vec<u8>> = sqlx::query_scalar("SELECT dedup FROM communication_chunks ORDER BY import_seq, chunk")
        .fetch_all(&pool)
        .await
        .unwrap();
    let keys: Vec<&[u8]> = keys.iter().flat_map(|k| k.chunks_exact(16)).collect();
    assert_eq!(keys.len(), all.len());
    let mut written: Vec<&CommunicationRecord> = all.iter().collect();
    written.sort_by_key(|m| m.row);
    sqlx::query(
        "CREATE TABLE communications (case_id TEXT NOT NULL REFERENCES cases (id), dedup BLOB NOT NULL, \
         at_ms INTEGER NOT NULL, channel INTEGER NOT NULL, direction INTEGER NOT NULL, \
         counterpart INTEGER NOT NULL, review INTEGER NOT NULL DEFAULT 0, import_seq INTEGER NOT NULL, \
         data TEXT NOT NULL)",
    )
    .execute(&pool)
    .await
    .unwrap();
    let mut rows = 0;
    for (m, key) in written.iter().zip(&keys) {
        sqlx::query(
            "INSERT INTO communications (case_id, dedup, at_ms, channel, direction, counterpart, import_seq, data) \
             VALUES ($1, $2, $3, 0, 0, 0, $4, $5)",
        )
        .bind(case.as_str())
        .bind(*key)
        .bind(m.communication.at.as_millisecond())
        .bind(m.import_seq as i64)
        .bind(serde_json::to_string(&m.communication).unwrap())
        .execute(&pool)
        .await
        .unwrap();
        rows += 1;
    }
    assert_eq!(rows, added);
    sqlx::query("DELETE FROM communication_chunks")
        .execute(&pool)
        .await
        .unwrap();
    store.store().close().await;

    let store = open(&env).await;
    let old: i64 = sqlx::query_scalar("SELECT count(*) FROM sqlite_master WHERE name = 'communications'")
        .fetch_one(store.store().pool())
        .await
        .unwrap();
    assert_eq!(old, 0, "the old table is gone");
    let again = walk(&store, &case, &CommQuery::default(), 1000).await;
    let same = |m: &CommunicationRecord| (key(m), m.counterpart_id, m.review, m.communication.body.clone());
    assert_eq!(
        again.iter().map(same).collect::<Vec<_>>(),
        all.iter().map(same).collect::<Vec<_>>()
    );
    store.store().close().await;
    env.ok(&["journal", "verify", "--case", case.as_str()]);
    // Importing the first file again adds nothing: its keys moved too.
    let path = env.path("one.xml");
    let report = env.json(&[
        "import",
        "sms-backup",
        path.to_str().unwrap(),
        "--case",
        case.as_str(),
        "--owner",
        "+15555550100",
    ]);
    assert_eq!(report["already_imported"], false, "read again under other settings");
    assert_eq!(report["import"]["extracted"]["added"], 0, "{report}");
}
