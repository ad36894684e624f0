//! Imports: one write transaction from the first message to the signed tree
//! head, so an import that fails half-way leaves nothing behind.
//!
//! The transaction holds SQLite's write lock for the whole import, which is
//! what makes the in-memory duplicate check sound: no other writer can add a
//! communication to the case between loading the known keys and committing.

use std::collections::{HashMap, HashSet};

use cairn_core::merkle::CompactTree;
use cairn_core::{CaseId, EventBody, Hash};
use sqlx::sqlite::SqliteArguments;
use sqlx::{Arguments as _, QueryBuilder, Sqlite, Transaction};

use super::SqliteStore;
use super::append::{append_in, load_tree};
use crate::comms::{CONTACT_RECORD, NewCommunication, code, pack_contact};
use crate::model::{Appended, NewEvent};
use crate::store::ImportSession;
use crate::{Result, Signer, StoreError};

/// Rows per INSERT: 9 parameters each stays below SQLite's limit of 32,766,
/// and each statement is one round trip to the database thread. An import
/// delivers its messages 2,000 at a time.
const ROWS_PER_STATEMENT: usize = 2000;

pub struct SqliteImport {
    tx: Transaction<'static, Sqlite>,
    case: CaseId,
    tree: CompactTree,
    import_seq: u64,
    known: HashSet<[u8; 16]>,
    counterparts: HashMap<String, i64>,
    next_counterpart: i64,
    added: u64,
    files: HashSet<Hash>,
    chunks: i64,
}

impl SqliteStore {
    pub(crate) async fn start_import(&self, case: &CaseId, preceding: u64) -> Result<SqliteImport> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let tree = load_tree(&mut tx, case).await?;
        if tree.size() == 0 {
            return Err(StoreError::NotFound {
                what: "case",
                id: case.to_string(),
            });
        }
        let keys: Vec<Vec<u8>> = sqlx::query_scalar("SELECT dedup FROM communications WHERE case_id = $1")
            .bind(case.as_str())
            .fetch_all(&mut *tx)
            .await?;
        let known = keys
            .into_iter()
            .map(|k| <[u8; 16]>::try_from(k.as_slice()))
            .collect::<std::result::Result<HashSet<_>, _>>()
            .map_err(|_| StoreError::Corrupt("a communication's dedup key is not 16 bytes".into()))?;
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
            import_seq: tree.size() + preceding,
            tx,
            case: case.clone(),
            tree,
            known,
            counterparts: rows.into_iter().map(|(id, v)| (v, id)).collect(),
            next_counterpart,
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

impl ImportSession for SqliteImport {
    fn import_seq(&self) -> u64 {
        self.import_seq
    }

    async fn add(&mut self, batch: Vec<NewCommunication>) -> Result<u64> {
        let mut fresh = Vec::with_capacity(batch.len());
        for c in batch {
            if self.known.insert(c.dedup) {
                let counterpart = self.counterpart(&c.counterpart, c.counterpart_name.as_deref()).await?;
                fresh.push((counterpart, c));
            }
        }
        let added = fresh.len() as u64;
        if fresh.is_empty() {
            return Ok(0);
        }
        let mut packed = Vec::with_capacity(fresh.len() * CONTACT_RECORD);
        for (counterpart, c) in &fresh {
            let id = u32::try_from(*counterpart).map_err(|_| StoreError::Corrupt("counterpart id overflow".into()))?;
            pack_contact(&mut packed, c.at_ms, id, code(c.channel), code(c.direction), c.review);
        }
        sqlx::query("INSERT INTO contact_chunks (case_id, import_seq, chunk, data) VALUES ($1, $2, $3, $4)")
            .bind(self.case.as_str())
            .bind(self.import_seq as i64)
            .bind(self.chunks)
            .bind(packed)
            .execute(&mut *self.tx)
            .await?;
        self.chunks += 1;
        let mut rows = fresh.into_iter().peekable();
        while rows.peek().is_some() {
            let mut args = SqliteArguments::default();
            args.reserve(ROWS_PER_STATEMENT * 9, 0);
            let mut count = 0;
            for (counterpart, c) in rows.by_ref().take(ROWS_PER_STATEMENT) {
                bind(&mut args, self.case.as_str())?;
                bind(&mut args, c.dedup.to_vec())?;
                bind(&mut args, c.at_ms)?;
                bind(&mut args, code(c.channel))?;
                bind(&mut args, code(c.direction))?;
                bind(&mut args, counterpart)?;
                bind(&mut args, i64::from(c.review))?;
                bind(&mut args, self.import_seq as i64)?;
                bind(&mut args, c.data)?;
                count += 1;
            }
            sqlx::query_with(sqlx::AssertSqlSafe(insert_communications(count)), args)
                .execute(&mut *self.tx)
                .await?;
        }
        self.added += added;
        Ok(added)
    }

    async fn add_files(&mut self, files: Vec<crate::ImportFile>) -> Result<u64> {
        let fresh: Vec<_> = files.into_iter().filter(|f| self.files.insert(f.sha256)).collect();
        let added = fresh.len() as u64;
        let case = self.case.as_str();
        let import_seq = self.import_seq as i64;
        let mut rows = fresh.into_iter().peekable();
        while rows.peek().is_some() {
            let mut sql = QueryBuilder::<Sqlite>::new(
                "INSERT INTO import_files (case_id, sha256, import_seq, name, media_type, size, pack_offset) ",
            );
            sql.push_values(rows.by_ref().take(ROWS_PER_STATEMENT), |mut b, file| {
                b.push_bind(case)
                    .push_bind(file.sha256.to_string())
                    .push_bind(import_seq)
                    .push_bind(file.name)
                    .push_bind(file.media_type)
                    .push_bind(file.size as i64)
                    .push_bind(file.pack_offset.map(|o| o as i64));
            });
            sql.build().execute(&mut *self.tx).await?;
        }
        Ok(added)
    }

    fn known_files(&self) -> Vec<Hash> {
        self.files.iter().copied().collect()
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
        self.tx.commit().await?;
        Ok(appended)
    }
}

/// `INSERT` of `rows` communications, its text made once for a full
/// statement: building it and the arguments through `QueryBuilder` for every
/// statement was a good part of what an import spent outside SQLite.
/// Placeholders stay anonymous (`?`): numbered ones (`?1` bound once for
/// every row) made binding quadratic in the statement's parameter count.
fn insert_communications(rows: usize) -> String {
    static FULL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let build = |rows: usize| {
        const ROW: &str = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
        let mut sql = String::with_capacity(140 + rows * (ROW.len() + 2));
        sql.push_str(
            "INSERT INTO communications \
             (case_id, dedup, at_ms, channel, direction, counterpart, review, import_seq, data) VALUES ",
        );
        for row in 0..rows {
            if row > 0 {
                sql.push_str(", ");
            }
            sql.push_str(ROW);
        }
        sql
    };
    if rows == ROWS_PER_STATEMENT {
        FULL.get_or_init(|| build(rows)).clone()
    } else {
        build(rows)
    }
}

fn bind<'t, T: sqlx::Encode<'t, Sqlite> + sqlx::Type<Sqlite>>(args: &mut SqliteArguments, value: T) -> Result<()> {
    args.add(value)
        .map_err(|e| StoreError::Corrupt(format!("a value could not be bound: {e}")))
}
