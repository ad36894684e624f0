//! Imports: one write transaction from the first message to the signed tree
//! head, so an import that fails half-way leaves nothing behind.
//!
//! The transaction holds SQLite's write lock for the whole import, which is
//! what makes the in-memory duplicate check sound: no other writer can add a
//! communication to the case between loading the known keys and committing.

use std::collections::{HashMap, HashSet};

use foldhash::fast::RandomState;

use cairn_core::merkle::CompactTree;
use cairn_core::{CaseId, EventBody, Hash};
use sqlx::{QueryBuilder, Sqlite, Transaction};

use super::SqliteStore;
use super::append::{append_in, load_tree};
use crate::batch::CommBatch;
use crate::comms::{
    CHUNK_BYTES, CHUNK_MAX, CHUNKS_MAX, CONTACT_RECORD, ChunkRow, ContactTally, PackedChunk, code, pack_contact,
};
use crate::model::{Appended, NewEvent};
use crate::store::ImportSession;
use crate::{Result, Signer, StoreError};

/// Imported files per INSERT: 8 parameters each stays below SQLite's limit
/// of 32,766, and each statement is one round trip to the database thread.
const FILES_PER_STATEMENT: usize = 2000;

pub struct SqliteImport {
    tx: Transaction<'static, Sqlite>,
    case: CaseId,
    tree: CompactTree,
    import_seq: u64,
    /// Dedup keys are SHA-256 prefixes, already uniform: a fast hash will do.
    known: HashSet<[u8; 16], RandomState>,
    counterparts: HashMap<String, i64>,
    next_counterpart: i64,
    /// The case's id of each counterpart this import numbered, by number.
    numbered: Vec<u32>,
    added: u64,
    files: HashSet<Hash>,
    chunks: i64,
    /// Contacts this import added, by counterpart: counted only when the
    /// case held no communications before it, so that they are all of them.
    tally: Option<ContactTally>,
}

impl SqliteStore {
    pub(crate) async fn start_import(&self, case: &CaseId, preceding: u64) -> Result<SqliteImport> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        // A smaller page cache while the import writes: full pages are
        // encrypted and spilled to the WAL as they fill, alongside the
        // importer, instead of 32 MiB of them at the commit. Not smaller
        // than 16 MiB: at 4 MiB the random-keyed index of an import's files
        // (44,000 pictures in 1.1M messages) no longer fitted, and pages
        // were spilled, read back and decrypted again: the database's
        // thread took 2.0 CPU-s instead of 1.3-1.5 (peak RSS 128 -> 141 MiB).
        sqlx::query("PRAGMA cache_size = -16384").execute(&mut *tx).await?;
        let tree = load_tree(&mut tx, case).await?;
        if tree.size() == 0 {
            return Err(StoreError::NotFound {
                what: "case",
                id: case.to_string(),
            });
        }
        let chunks: Vec<Vec<u8>> = sqlx::query_scalar("SELECT dedup FROM communication_chunks WHERE case_id = $1")
            .bind(case.as_str())
            .fetch_all(&mut *tx)
            .await?;
        let mut known =
            HashSet::with_capacity_and_hasher(chunks.iter().map(|c| c.len() / 16).sum(), RandomState::default());
        for chunk in &chunks {
            if !chunk.len().is_multiple_of(16) {
                return Err(StoreError::Corrupt("a chunk's dedup keys are not 16 bytes each".into()));
            }
            known.extend(
                chunk
                    .chunks_exact(16)
                    .map(|k| <[u8; 16]>::try_from(k).unwrap_or_default()),
            );
        }
        let rows: Vec<(i64, String)> = sqlx::query_as("SELECT id, value FROM counterparts WHERE case_id = $1")
            .bind(case.as_str())
            .fetch_all(&mut *tx)
            .await?;
        let next_counterpart = rows.iter().map(|(id, _)| id + 1).max().unwrap_or(1);
        let files: Vec<String> = sqlx::query_scalar("SELECT sha256 FROM import_files WHERE case_id = $1")
            .bind(case.as_str())
            .fetch_all(&mut *tx)
            .await?;
        let files = files
            .iter()
            .map(|h| h.parse::<Hash>())
            .collect::<std::result::Result<HashSet<_>, _>>()
            .map_err(|_| StoreError::Corrupt("an imported file's hash is not hex".into()))?;
        Ok(SqliteImport {
            tally: known.is_empty().then(ContactTally::default),
            import_seq: tree.size() + preceding,
            tx,
            case: case.clone(),
            tree,
            known,
            counterparts: rows.into_iter().map(|(id, v)| (v, id)).collect(),
            next_counterpart,
            numbered: Vec::new(),
            added: 0,
            files,
            chunks: 0,
        })
    }
}

impl SqliteImport {
    async fn counterpart(&mut self, value: &str, name: Option<&str>) -> Result<i64> {
        if let Some(id) = self.counterparts.get(value) {
            return Ok(*id);
        }
        let id = self.next_counterpart;
        self.next_counterpart += 1;
        sqlx::query("INSERT INTO counterparts (case_id, id, value, name) VALUES ($1, $2, $3, $4)")
            .bind(self.case.as_str())
            .bind(id)
            .bind(value)
            .bind(name)
            .execute(&mut *self.tx)
            .await?;
        self.counterparts.insert(value.to_owned(), id);
        Ok(id)
    }
}

impl SqliteImport {
    /// One chunk: its packed contact records and its communications, two
    /// rows whatever the number of messages. `picks` are positions in
    /// `batch`, in order.
    async fn write_chunk(&mut self, batch: &CommBatch, picks: &[usize]) -> Result<()> {
        let chunk = u32::try_from(self.chunks)
            .ok()
            .filter(|c| *c < CHUNKS_MAX)
            .ok_or_else(|| StoreError::Conflict("an import of over four billion communications".into()))?;
        let (Some(&first), Some(&last)) = (picks.first(), picks.last()) else {
            return Ok(());
        };
        let mut contacts = Vec::with_capacity(picks.len() * CONTACT_RECORD);
        let mut packed = PackedChunk::with_capacity(picks.len(), 0);
        // Without duplicates what the chunk keeps lies in one piece in the
        // batch and is compressed from there; with some, it is gathered first.
        let contiguous = last - first + 1 == picks.len();
        let base = batch.stored_start(first);
        let mut gathered = Vec::new();
        for &i in picks {
            let e = batch.entries[i];
            let id = *self.numbered.get(e.counterpart as usize).ok_or_else(|| {
                StoreError::Conflict("a communication names a counterpart its import did not number".into())
            })?;
            pack_contact(&mut contacts, e.at_ms, id, code(e.channel), code(e.direction), e.review);
            if let Some(tally) = &mut self.tally {
                tally.count(id, e.at_ms);
            }
            let end = if contiguous {
                e.stored_end as usize - base
            } else {
                gathered.extend_from_slice(&batch.stored[batch.stored_start(i)..e.stored_end as usize]);
                gathered.len()
            };
            packed.push_columns(&e.dedup, e.at_ms, end)?;
        }
        let row = if contiguous {
            packed.finish_with(&batch.stored[base..batch.entries[last].stored_end as usize])
        } else {
            packed.finish_with(&gathered)
        };
        sqlx::query("INSERT INTO contact_chunks (case_id, import_seq, chunk, data) VALUES ($1, $2, $3, $4)")
            .bind(self.case.as_str())
            .bind(self.import_seq as i64)
            .bind(i64::from(chunk))
            .bind(contacts)
            .execute(&mut *self.tx)
            .await?;
        insert_communication_chunk(
            &mut self.tx,
            self.case.as_str(),
            self.import_seq as i64,
            i64::from(chunk),
            row,
        )
        .await?;
        self.chunks += 1;
        Ok(())
    }
}

impl ImportSession for SqliteImport {
    fn import_seq(&self) -> u64 {
        self.import_seq
    }

    async fn add(&mut self, mut batch: CommBatch) -> Result<u64> {
        batch.key_entries();
        for (value, name) in &batch.counterparts {
            let id = self.counterpart(value, name.as_deref()).await?;
            let id = u32::try_from(id).map_err(|_| StoreError::Corrupt("counterpart id overflow".into()))?;
            self.numbered.push(id);
        }
        let fresh: Vec<usize> = (0..batch.entries.len())
            .filter(|&i| self.known.insert(batch.entries[i].dedup))
            .collect();
        let mut rest = fresh.as_slice();
        while !rest.is_empty() {
            let mut bytes = 0;
            let take = rest
                .iter()
                .take(CHUNK_MAX)
                .take_while(|&&i| {
                    bytes += batch.entries[i].stored_end as usize - batch.stored_start(i);
                    bytes <= CHUNK_BYTES
                })
                .count()
                .max(1);
            let (chunk, after) = rest.split_at(take);
            self.write_chunk(&batch, chunk).await?;
            rest = after;
        }
        self.added += fresh.len() as u64;
        Ok(fresh.len() as u64)
    }

    async fn add_files(&mut self, files: Vec<crate::ImportFile>) -> Result<u64> {
        let fresh: Vec<_> = files.into_iter().filter(|f| self.files.insert(f.sha256)).collect();
        let added = fresh.len() as u64;
        let case = self.case.as_str();
        let import_seq = self.import_seq as i64;
        let mut rows = fresh.into_iter().peekable();
        while rows.peek().is_some() {
            let mut sql = QueryBuilder::<Sqlite>::new(
                "INSERT INTO import_files (case_id, sha256, import_seq, name, media_type, size, pack_offset, source_offset) ",
            );
            sql.push_values(rows.by_ref().take(FILES_PER_STATEMENT), |mut b, file| {
                b.push_bind(case)
                    .push_bind(file.sha256.to_string())
                    .push_bind(import_seq)
                    .push_bind(file.name)
                    .push_bind(file.media_type)
                    .push_bind(file.size as i64)
                    .push_bind(file.pack_offset.map(|o| o as i64))
                    .push_bind(file.source_offset.map(|o| o as i64));
            });
            sql.build().execute(&mut *self.tx).await?;
        }
        Ok(added)
    }

    fn known_files(&self) -> Vec<Hash> {
        self.files.iter().copied().collect()
    }

    fn contact_tally(&self) -> Option<ContactTally> {
        self.tally.clone()
    }

    async fn set_pack(&mut self, pack: Hash) -> Result<()> {
        sqlx::query(
            "UPDATE import_files SET pack_sha256 = $1 WHERE case_id = $2 AND import_seq = $3 AND pack_offset IS NOT NULL",
        )
        .bind(pack.to_string())
        .bind(self.case.as_str())
        .bind(self.import_seq as i64)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    async fn finish(mut self, events: Vec<NewEvent>, sign: Signer<'_>) -> Result<Appended> {
        let at = (self.import_seq - self.tree.size()) as usize;
        match events.get(at).map(|e| &e.body) {
            Some(EventBody::SourceImported(import)) if import.extracted.added == self.added => {}
            _ => {
                return Err(StoreError::Conflict(format!(
                    "an import must end with its source_imported event at position {}, counting the {} communications added",
                    self.import_seq, self.added
                )));
            }
        }
        let appended = append_in(&mut self.tx, &self.case, self.tree, events, sign, self.added).await?;
        // Back to the size every other connection has (see `sqlite/mod.rs`).
        sqlx::query("PRAGMA cache_size = -32768").execute(&mut *self.tx).await?;
        self.tx.commit().await?;
        Ok(appended)
    }
}

/// One row of `communication_chunks`; an import and the repacking of an old
/// vault write them alike.
pub(super) async fn insert_communication_chunk(
    tx: &mut Transaction<'static, Sqlite>,
    case: &str,
    import_seq: i64,
    chunk: i64,
    row: ChunkRow,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO communication_chunks (case_id, import_seq, chunk, first_ms, last_ms, data, dedup, ends) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(case)
    .bind(import_seq)
    .bind(chunk)
    .bind(row.first_ms)
    .bind(row.last_ms)
    .bind(row.data)
    .bind(row.dedup)
    .bind(row.ends)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
