//! Reads, and the `Store` implementation that ties them to `append`.

use cairn_core::{
    CaseId, Checkpoint, CheckpointBody, CustodyAction, Event, EventKind, EvidenceId, Hash, IncidentId, Named, Subject,
};
use jiff::Timestamp;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

use super::SqliteStore;
use crate::model::{
    Appended, CaseSummary, CustodyEntry, EvidenceRecord, IncidentRecord, NewEvent, RawEvent, TimelineEntry,
    TimelineQuery, TreeHead,
};
use crate::{Result, Signer, Store, StoreError};

fn corrupt(what: &str) -> impl Fn(String) -> StoreError + '_ {
    move |detail| StoreError::Corrupt(format!("{what}: {detail}"))
}

fn parse_json<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| corrupt(what)(e.to_string()))
}

fn parse_time(what: &str, text: &str) -> Result<Timestamp> {
    text.parse().map_err(|e: jiff::Error| corrupt(what)(e.to_string()))
}

fn hash(what: &str, bytes: &[u8]) -> Result<Hash> {
    <[u8; 32]>::try_from(bytes)
        .map(Hash)
        .map_err(|_| corrupt(what)(format!("{} bytes where 32 were expected", bytes.len())))
}

const CASE_SUMMARY: &str = "SELECT c.id, c.label, c.opened_at, c.opened_by, c.events, c.subjects, c.incidents, c.evidence, c.communications FROM cases c";

fn case_summary(row: &SqliteRow) -> Result<CaseSummary> {
    let id: String = row.try_get("id")?;
    Ok(CaseSummary {
        id: id
            .parse()
            .map_err(|e: cairn_core::IdError| corrupt("case id")(e.to_string()))?,
        label: row.try_get("label")?,
        opened_at: parse_time("case opened_at", &row.try_get::<String, _>("opened_at")?)?,
        opened_by: row.try_get("opened_by")?,
        events: row.try_get::<i64, _>("events")? as u64,
        subjects: row.try_get::<i64, _>("subjects")? as u64,
        incidents: row.try_get::<i64, _>("incidents")? as u64,
        evidence: row.try_get::<i64, _>("evidence")? as u64,
        communications: row.try_get::<i64, _>("communications")? as u64,
    })
}

fn incident_record(row: &SqliteRow) -> Result<IncidentRecord> {
    Ok(IncidentRecord {
        incident: parse_json("incident", &row.try_get::<String, _>("data")?)?,
        first_seq: row.try_get::<i64, _>("first_seq")? as u64,
        current_seq: row.try_get::<i64, _>("current_seq")? as u64,
        versions: row.try_get::<i64, _>("versions")? as u64,
    })
}

struct HeadRow {
    case_id: String,
    size: i64,
    root: Vec<u8>,
    time: String,
    peaks: Vec<u8>,
    public_key: Vec<u8>,
    signature: Vec<u8>,
}

type HeadTuple = (String, i64, Vec<u8>, String, Vec<u8>, Vec<u8>, Vec<u8>);

impl HeadRow {
    fn from_tuple((case_id, size, root, time, peaks, public_key, signature): HeadTuple) -> Self {
        Self {
            case_id,
            size,
            root,
            time,
            peaks,
            public_key,
            signature,
        }
    }

    fn into_head(self) -> Result<TreeHead> {
        let key = hash("tree head public key", &self.public_key)?;
        let body = CheckpointBody {
            case: self
                .case_id
                .parse()
                .map_err(|e: cairn_core::IdError| corrupt("tree head")(e.to_string()))?,
            size: self.size as u64,
            root: hash("tree head root", &self.root)?,
            time: parse_time("tree head time", &self.time)?,
        };
        let peaks = self
            .peaks
            .chunks(32)
            .map(|c| hash("tree head peaks", c))
            .collect::<Result<Vec<_>>>()?;
        Ok(TreeHead {
            checkpoint: Checkpoint {
                body,
                public_key: hex::encode(key.0),
                key_fingerprint: cairn_crypto::VerifyingKey::from_bytes(&key.0)
                    .map(|k| k.fingerprint())
                    .unwrap_or_default(),
                signature: hex::encode(&self.signature),
            },
            peaks,
        })
    }
}

const HEAD_COLUMNS: &str = "SELECT case_id, size, root, time, peaks, public_key, signature FROM tree_heads";

impl SqliteStore {
    /// Evidence rows selected by `sql` (binding the case as $1 and `value` as
    /// $2), each with its chain of custody.
    async fn evidence_where(&self, sql: &'static str, case: &CaseId, value: &str) -> Result<Vec<EvidenceRecord>> {
        let rows = sqlx::query(sql)
            .bind(case.as_str())
            .bind(value)
            .fetch_all(&self.pool)
            .await?;
        let mut records = Vec::with_capacity(rows.len());
        for row in rows {
            let evidence: cairn_core::Evidence = parse_json("evidence", &row.try_get::<String, _>("data")?)?;
            let custody =
                sqlx::query("SELECT seq, action, at, actor, detail FROM custody WHERE evidence_id = $1 ORDER BY seq")
                    .bind(evidence.id.as_str())
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(|c| {
                        Ok(CustodyEntry {
                            seq: c.try_get::<i64, _>("seq")? as u64,
                            action: CustodyAction::parse_named(&c.try_get::<String, _>("action")?)
                                .map_err(|e| corrupt("custody")(e.to_string()))?,
                            at: parse_time("custody time", &c.try_get::<String, _>("at")?)?,
                            actor: c.try_get("actor")?,
                            detail: c.try_get("detail")?,
                        })
                    })
                    .collect::<Result<Vec<_>>>()?;
            records.push(EvidenceRecord {
                evidence,
                seq: row.try_get::<i64, _>("seq")? as u64,
                custody,
            });
        }
        Ok(records)
    }
}

impl Store for SqliteStore {
    type Import = super::SqliteImport;

    async fn add_indicator_source(&self, source: &crate::IndicatorSource) -> Result<bool> {
        self.insert_indicator_source(source).await
    }

    async fn indicator_sources(&self) -> Result<Vec<crate::IndicatorSource>> {
        self.indicator_source_list().await
    }

    async fn scans(&self, case: &CaseId) -> Result<Vec<crate::ScanRecord>> {
        self.scans_of(case).await
    }

    async fn begin_import(&self, case: &CaseId, preceding: u64) -> Result<Self::Import> {
        self.start_import(case, preceding).await
    }

    async fn imports(&self, case: &CaseId, source: Option<&Hash>) -> Result<Vec<crate::ImportRecord>> {
        self.imports_of(case, source).await
    }

    async fn counterparts(&self, case: &CaseId) -> Result<Vec<crate::Counterpart>> {
        self.counterparts_of(case).await
    }

    async fn counterpart_subjects(&self, case: &CaseId) -> Result<Vec<crate::Counterpart>> {
        self.counterparts_brief(case).await
    }

    async fn contacts(&self, case: &CaseId) -> Result<Vec<crate::ContactRow>> {
        self.contacts_of(case).await
    }

    async fn communications(
        &self,
        case: &CaseId,
        query: &crate::CommQuery,
    ) -> Result<Vec<crate::CommunicationRecord<crate::Stored>>> {
        self.communications_page(case, query).await
    }

    async fn import_files(&self, case: &CaseId, import_seq: Option<u64>) -> Result<Vec<crate::ImportFile>> {
        self.import_files_of(case, import_seq).await
    }

    async fn import_file(&self, case: &CaseId, sha256: &Hash) -> Result<Option<crate::ImportFile>> {
        self.import_file_by_hash(case, sha256).await
    }

    async fn communication_counts(&self, case: &CaseId) -> Result<Vec<(u64, u64, u64)>> {
        self.communication_counts_of(case).await
    }

    async fn append(&self, case: &CaseId, events: Vec<NewEvent>, sign: Signer<'_>) -> Result<Appended> {
        self.append_events(case, events, sign).await
    }

    async fn cases(&self) -> Result<Vec<CaseSummary>> {
        let sql = sqlx::AssertSqlSafe(format!("{CASE_SUMMARY} ORDER BY c.opened_at, c.id"));
        sqlx::query(sql)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(case_summary)
            .collect()
    }

    async fn case(&self, case: &CaseId) -> Result<Option<CaseSummary>> {
        let sql = sqlx::AssertSqlSafe(format!("{CASE_SUMMARY} WHERE c.id = $1"));
        sqlx::query(sql)
            .bind(case.as_str())
            .fetch_optional(&self.pool)
            .await?
            .as_ref()
            .map(case_summary)
            .transpose()
    }

    async fn subjects(&self, case: &CaseId) -> Result<Vec<Subject>> {
        let rows: Vec<(String,)> = sqlx::query_as("SELECT data FROM subjects WHERE case_id = $1 ORDER BY seq")
            .bind(case.as_str())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|(data,)| parse_json("subject", data)).collect()
    }

    async fn incidents(&self, case: &CaseId) -> Result<Vec<IncidentRecord>> {
        sqlx::query("SELECT data, first_seq, current_seq, versions FROM incidents WHERE case_id = $1 ORDER BY occurred_sort, first_seq")
            .bind(case.as_str())
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(incident_record)
            .collect()
    }

    async fn incidents_by_id(
        &self,
        case: &CaseId,
        after: Option<&IncidentId>,
        limit: u32,
    ) -> Result<Vec<IncidentRecord>> {
        sqlx::query(
            // `+case_id` keeps the planner on the id index: each page is a
            // range scan, not a sort of the whole case.
            "SELECT data, first_seq, current_seq, versions FROM incidents WHERE +case_id = $1 AND id > $2 ORDER BY id LIMIT $3",
        )
        .bind(case.as_str())
        .bind(after.map(|a| a.as_str()).unwrap_or(""))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(incident_record)
        .collect()
    }

    async fn incident(&self, case: &CaseId, id: &IncidentId) -> Result<Option<IncidentRecord>> {
        sqlx::query("SELECT data, first_seq, current_seq, versions FROM incidents WHERE case_id = $1 AND id = $2")
            .bind(case.as_str())
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await?
            .as_ref()
            .map(incident_record)
            .transpose()
    }

    async fn events_of_kind(&self, case: &CaseId, kind: EventKind) -> Result<Vec<Event>> {
        let rows: Vec<(Vec<u8>,)> =
            sqlx::query_as("SELECT body FROM events WHERE case_id = $1 AND kind = $2 ORDER BY seq")
                .bind(case.as_str())
                .bind(kind.name())
                .fetch_all(&self.pool)
                .await?;
        rows.iter()
            .map(|(body,)| Event::decode(body).map_err(|e| corrupt(kind.name())(e.to_string())))
            .collect()
    }

    async fn incident_history(&self, case: &CaseId, id: &IncidentId) -> Result<Vec<Event>> {
        let rows: Vec<(Vec<u8>,)> = sqlx::query_as(
            "SELECT e.body FROM incident_versions v JOIN incidents i ON i.id = v.incident_id \
             JOIN events e ON e.case_id = i.case_id AND e.seq = v.seq WHERE i.case_id = $1 AND v.incident_id = $2 ORDER BY v.seq",
        )
        .bind(case.as_str())
        .bind(id.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|(body,)| Event::decode(body).map_err(|e| corrupt("incident history")(e.to_string())))
            .collect()
    }

    async fn evidence_list(&self, case: &CaseId) -> Result<Vec<EvidenceRecord>> {
        self.evidence_where(
            "SELECT data, seq FROM evidence WHERE case_id = $1 AND $2 = '' ORDER BY seq",
            case,
            "",
        )
        .await
    }

    async fn evidence(&self, case: &CaseId, id: &EvidenceId) -> Result<Option<EvidenceRecord>> {
        Ok(self
            .evidence_where(
                "SELECT data, seq FROM evidence WHERE case_id = $1 AND id = $2",
                case,
                id.as_str(),
            )
            .await?
            .into_iter()
            .next())
    }

    async fn evidence_by_hash(&self, case: &CaseId, sha256: &Hash) -> Result<Option<EvidenceRecord>> {
        Ok(self
            .evidence_where(
                "SELECT data, seq FROM evidence WHERE case_id = $1 AND sha256 = $2 ORDER BY seq",
                case,
                &sha256.to_string(),
            )
            .await?
            .into_iter()
            .next())
    }

    async fn timeline(&self, case: &CaseId, query: &TimelineQuery) -> Result<Vec<TimelineEntry>> {
        self.timeline_page(case, query).await
    }

    async fn raw_events(&self, case: &CaseId, from: u64, limit: u64) -> Result<Vec<RawEvent>> {
        let rows: Vec<(i64, String, Vec<u8>, Vec<u8>)> = sqlx::query_as(
            "SELECT seq, kind, body, leaf_hash FROM events WHERE case_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3",
        )
        .bind(case.as_str())
        .bind(from as i64)
        .bind(limit.min(i64::MAX as u64) as i64)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(seq, kind, body, leaf)| {
                Ok(RawEvent {
                    seq: seq as u64,
                    kind,
                    body,
                    leaf_hash: hash("event leaf hash", &leaf)?,
                })
            })
            .collect()
    }

    async fn leaf_hashes(&self, case: &CaseId, size: u64) -> Result<Vec<Hash>> {
        let rows: Vec<(Vec<u8>,)> =
            sqlx::query_as("SELECT leaf_hash FROM events WHERE case_id = $1 AND seq < $2 ORDER BY seq")
                .bind(case.as_str())
                .bind(size.min(i64::MAX as u64) as i64)
                .fetch_all(&self.pool)
                .await?;
        rows.iter().map(|(leaf,)| hash("event leaf hash", leaf)).collect()
    }

    async fn journal_size(&self, case: &CaseId) -> Result<u64> {
        let size: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(seq) + 1, 0) FROM events WHERE case_id = $1")
            .bind(case.as_str())
            .fetch_one(&self.pool)
            .await?;
        Ok(size as u64)
    }

    async fn tree_heads(&self, case: &CaseId) -> Result<Vec<TreeHead>> {
        let sql = sqlx::AssertSqlSafe(format!("{HEAD_COLUMNS} WHERE case_id = $1 ORDER BY size"));
        let rows: Vec<HeadTuple> = sqlx::query_as(sql).bind(case.as_str()).fetch_all(&self.pool).await?;
        rows.into_iter().map(|t| HeadRow::from_tuple(t).into_head()).collect()
    }

    async fn tree_head(&self, case: &CaseId, size: u64) -> Result<Option<TreeHead>> {
        let sql = sqlx::AssertSqlSafe(format!("{HEAD_COLUMNS} WHERE case_id = $1 AND size = $2"));
        let row: Option<HeadTuple> = sqlx::query_as(sql)
            .bind(case.as_str())
            .bind(size as i64)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|t| HeadRow::from_tuple(t).into_head()).transpose()
    }

    async fn latest_tree_head(&self, case: &CaseId) -> Result<Option<TreeHead>> {
        let sql = sqlx::AssertSqlSafe(format!("{HEAD_COLUMNS} WHERE case_id = $1 ORDER BY size DESC LIMIT 1"));
        let row: Option<HeadTuple> = sqlx::query_as(sql)
            .bind(case.as_str())
            .fetch_optional(&self.pool)
            .await?;
        row.map(|t| HeadRow::from_tuple(t).into_head()).transpose()
    }
}
