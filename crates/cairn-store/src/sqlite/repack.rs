//! Vaults from before migration 7 kept a row per communication in
//! `communications`. Opening one moves those rows into
//! `communication_chunks`, beside the packed contact records written with
//! them, and drops the old table, in one transaction: it happens once, and
//! either completely or not at all.

use std::collections::{HashMap, VecDeque};

use super::SqliteStore;
use super::import::insert_communication_chunk;
use crate::comms::{CONTACT_RECORD, PackedChunk};
use crate::{Result, StoreError};

/// Old rows read per query: bounded memory whatever the vault's size.
const ROWS_PER_READ: i64 = 10_000;

type Import = (String, i64);

/// A chunk being refilled: its number, how many it holds, what it has so far.
struct Refill {
    chunk: i64,
    size: usize,
    count: usize,
    packed: PackedChunk,
}

impl SqliteStore {
    pub(super) async fn repack_communications(&self) -> Result<()> {
        let old: Option<String> =
            sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'communications'")
                .fetch_optional(&self.pool)
                .await?;
        if old.is_none() {
            return Ok(());
        }
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        // Each import wrote its rows and its contact chunks in the same
        // order, so the chunks' sizes say which rows belong together.
        let sizes: Vec<(String, i64, i64, i64)> = sqlx::query_as(
            "SELECT case_id, import_seq, chunk, length(data) FROM contact_chunks ORDER BY case_id, import_seq, chunk",
        )
        .fetch_all(&mut *tx)
        .await?;
        let mut queues: HashMap<Import, VecDeque<(i64, usize)>> = HashMap::new();
        for (case, seq, chunk, bytes) in sizes {
            let size = usize::try_from(bytes).unwrap_or(0) / CONTACT_RECORD;
            queues.entry((case, seq)).or_default().push_back((chunk, size));
        }
        let mut filling: HashMap<Import, Refill> = HashMap::new();
        let mut after = 0i64;
        loop {
            let rows: Vec<(i64, String, i64, Vec<u8>, i64, String)> = sqlx::query_as(
                "SELECT rowid, case_id, import_seq, dedup, at_ms, data FROM communications \
                 WHERE rowid > $1 ORDER BY rowid LIMIT $2",
            )
            .bind(after)
            .bind(ROWS_PER_READ)
            .fetch_all(&mut *tx)
            .await?;
            let Some(last) = rows.last() else { break };
            after = last.0;
            for (_, case, seq, dedup, at_ms, data) in rows {
                let dedup = <[u8; 16]>::try_from(dedup.as_slice())
                    .map_err(|_| StoreError::Corrupt("a communication's dedup key is not 16 bytes".into()))?;
                let import = (case, seq);
                if !filling.contains_key(&import) {
                    let (chunk, size) = queues.get_mut(&import).and_then(VecDeque::pop_front).ok_or_else(|| {
                        StoreError::Corrupt(format!(
                            "import #{seq} of case {} has more communications than packed contact records; \
                             the vault was left as it was",
                            import.0
                        ))
                    })?;
                    let packed = PackedChunk::with_capacity(size, 0);
                    filling.insert(
                        import.clone(),
                        Refill {
                            chunk,
                            size,
                            count: 0,
                            packed,
                        },
                    );
                }
                let Some(refill) = filling.get_mut(&import) else {
                    continue;
                };
                refill.packed.push(&dedup, at_ms, data.as_bytes())?;
                refill.count += 1;
                if refill.count >= refill.size
                    && let Some(done) = filling.remove(&import)
                {
                    write(&mut tx, &import, done).await?;
                }
            }
        }
        // Fewer rows than contact records: the projection was damaged
        // before; what there is moves, and `journal verify` says so.
        for (import, refill) in filling {
            write(&mut tx, &import, refill).await?;
        }
        sqlx::query("DROP TABLE communications").execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }
}

async fn write(tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>, (case, seq): &Import, refill: Refill) -> Result<()> {
    insert_communication_chunk(tx, case, *seq, refill.chunk, refill.packed.finish()).await
}
