//! Reads over imports and communications.

use cairn_core::{CaseId, Hash};

use super::SqliteStore;
use crate::comms::{CONTACT_RECORD, ContactRow, ContactTally, Counterpart, ImportFile, ImportRecord, unpack_contact};
use crate::{Result, StoreError};

pub(super) fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("stored {what} is unreadable"))
}

fn import_record((seq, data): (i64, String)) -> Result<ImportRecord> {
    Ok(ImportRecord {
        seq: seq as u64,
        import: serde_json::from_str(&data).map_err(|_| corrupt("import"))?,
    })
}

type FileRow = (
    String,
    String,
    String,
    i64,
    i64,
    Option<String>,
    Option<i64>,
    Option<i64>,
);

fn import_file((sha, name, media_type, size, seq, pack, offset, in_source): FileRow) -> Result<ImportFile> {
    Ok(ImportFile {
        sha256: sha.parse().map_err(|_| corrupt("file hash"))?,
        name,
        media_type,
        size: size as u64,
        import_seq: seq as u64,
        pack: pack.map(|p| p.parse()).transpose().map_err(|_| corrupt("pack hash"))?,
        pack_offset: offset.map(|o| o as u64),
        source_offset: in_source.map(|o| o as u64),
    })
}

impl SqliteStore {
    pub(crate) async fn imports_of(&self, case: &CaseId, source: Option<&Hash>) -> Result<Vec<ImportRecord>> {
        let rows: Vec<(i64, String)> = match source {
            None => {
                sqlx::query_as("SELECT seq, data FROM imports WHERE case_id = $1 ORDER BY seq")
                    .bind(case.as_str())
                    .fetch_all(&self.pool)
                    .await?
            }
            Some(sha) => {
                sqlx::query_as("SELECT seq, data FROM imports WHERE case_id = $1 AND source_sha256 = $2 ORDER BY seq")
                    .bind(case.as_str())
                    .bind(sha.to_string())
                    .fetch_all(&self.pool)
                    .await?
            }
        };
        rows.into_iter().map(import_record).collect()
    }

    /// Counterparts with how often and when each was in contact, most
    /// frequent first. Counted from the packed contact records (a few blobs)
    /// rather than the communications (a million index entries): an import
    /// reports its unassigned counterparts this way as it ends.
    pub(crate) async fn counterparts_of(&self, case: &CaseId) -> Result<Vec<Counterpart>> {
        let mut all = self.counterparts_brief(case).await?;
        let mut tally = ContactTally::default();
        self.each_contact(case, |contact| tally.count(contact.counterpart, contact.at_ms))
            .await?;
        tally.apply(&mut all);
        Ok(all)
    }

    /// Counterparts with their matched subject, without counting their
    /// communications (which reads every one of them).
    pub(crate) async fn counterparts_brief(&self, case: &CaseId) -> Result<Vec<Counterpart>> {
        let rows: Vec<(i64, String, Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT p.id, p.value, p.name, \
               (SELECT s.id FROM subject_identifiers i JOIN subjects s ON s.id = i.subject_id \
                 WHERE s.case_id = p.case_id AND i.value = p.value ORDER BY s.seq LIMIT 1) \
             FROM counterparts p WHERE p.case_id = $1 ORDER BY p.id",
        )
        .bind(case.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, value, name, subject)| {
                Ok(Counterpart {
                    id: u32::try_from(id).map_err(|_| corrupt("counterpart id"))?,
                    value,
                    name,
                    subject: subject
                        .map(|s| s.parse())
                        .transpose()
                        .map_err(|_| corrupt("subject id"))?,
                    communications: 0,
                    first: None,
                    last: None,
                })
            })
            .collect()
    }

    pub(crate) async fn contacts_of(&self, case: &CaseId) -> Result<Vec<ContactRow>> {
        let mut out = Vec::new();
        self.each_contact(case, |contact| out.push(contact)).await?;
        Ok(out)
    }

    /// Every packed contact record of the case, in no particular order.
    async fn each_contact(&self, case: &CaseId, mut visit: impl FnMut(ContactRow)) -> Result<()> {
        let chunks: Vec<Vec<u8>> = sqlx::query_scalar("SELECT data FROM contact_chunks WHERE case_id = $1")
            .bind(case.as_str())
            .fetch_all(&self.pool)
            .await?;
        for chunk in &chunks {
            if chunk.len() % CONTACT_RECORD != 0 {
                return Err(corrupt("contact chunk"));
            }
            for record in chunk.chunks_exact(CONTACT_RECORD) {
                visit(unpack_contact(record).ok_or_else(|| corrupt("contact record"))?);
            }
        }
        Ok(())
    }

    pub(crate) async fn import_files_of(&self, case: &CaseId, import_seq: Option<u64>) -> Result<Vec<ImportFile>> {
        let rows: Vec<FileRow> = sqlx::query_as(
            "SELECT sha256, name, media_type, size, import_seq, pack_sha256, pack_offset, source_offset FROM import_files \
             WHERE case_id = $1 AND ($2 IS NULL OR import_seq = $2) ORDER BY import_seq, rowid",
        )
        .bind(case.as_str())
        .bind(import_seq.map(|s| s as i64))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(import_file).collect()
    }

    pub(crate) async fn import_file_by_hash(&self, case: &CaseId, sha256: &Hash) -> Result<Option<ImportFile>> {
        let row: Option<FileRow> = sqlx::query_as(
            "SELECT sha256, name, media_type, size, import_seq, pack_sha256, pack_offset, source_offset FROM import_files \
             WHERE case_id = $1 AND sha256 = $2",
        )
        .bind(case.as_str())
        .bind(sha256.to_string())
        .fetch_optional(&self.pool)
        .await?;
        row.map(import_file).transpose()
    }

    /// `(import position, rows stored, packed contact records)` per import,
    /// for checking projections against events.
    pub(crate) async fn communication_counts_of(&self, case: &CaseId) -> Result<Vec<(u64, u64, u64)>> {
        // `length` of a blob reads no more than the row's header.
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT import_seq, SUM(length(dedup)) / 16 FROM communication_chunks WHERE case_id = $1 GROUP BY import_seq",
        )
        .bind(case.as_str())
        .fetch_all(&self.pool)
        .await?;
        let packed: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT import_seq, SUM(length(data)) FROM contact_chunks WHERE case_id = $1 GROUP BY import_seq",
        )
        .bind(case.as_str())
        .fetch_all(&self.pool)
        .await?;
        let mut all: std::collections::BTreeMap<u64, (u64, u64)> = std::collections::BTreeMap::new();
        for (seq, n) in rows {
            all.entry(seq as u64).or_default().0 = n as u64;
        }
        for (seq, bytes) in packed {
            all.entry(seq as u64).or_default().1 = bytes as u64 / CONTACT_RECORD as u64;
        }
        Ok(all.into_iter().map(|(seq, (n, p))| (seq, n, p)).collect())
    }
}
