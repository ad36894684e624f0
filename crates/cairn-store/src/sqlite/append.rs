//! Appending to a case journal: events, projections and a signed tree head,
//! all in one `BEGIN IMMEDIATE` transaction so that concurrent writers (the
//! CLI beside a running web app) serialise instead of racing for a position.

use cairn_core::event::EVENT_VERSION;
use cairn_core::merkle::CompactTree;
use cairn_core::{CaseId, Checkpoint, CheckpointBody, CustodyAction, Event, EventBody, Hash, Named};
use sqlx::{Sqlite, Transaction};

use super::SqliteStore;
use crate::model::{Appended, NewEvent};
use crate::{Result, Signer, StoreError};

impl SqliteStore {
    pub(crate) async fn append_events(&self, case: &CaseId, new: Vec<NewEvent>, sign: Signer<'_>) -> Result<Appended> {
        if new.is_empty() {
            return Err(StoreError::Conflict("nothing to append".into()));
        }
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let tree = load_tree(&mut tx, case).await?;
        let appended = append_in(&mut tx, case, tree, new, sign, 0).await?;
        tx.commit().await?;
        Ok(appended)
    }
}

/// Appends inside an open write transaction whose tree is `tree`;
/// `communications` is what an import added in the same transaction.
pub(crate) async fn append_in(
    tx: &mut Transaction<'static, Sqlite>,
    case: &CaseId,
    mut tree: CompactTree,
    new: Vec<NewEvent>,
    sign: Signer<'_>,
    communications: u64,
) -> Result<Appended> {
    let mut events = Vec::with_capacity(new.len());
    let mut rows = Vec::with_capacity(new.len());
    for item in new {
        let seq = tree.size();
        match (&item.body, seq) {
            (EventBody::CaseOpened(_), 0) => {}
            (EventBody::CaseOpened(_), _) => {
                return Err(StoreError::Conflict(format!("case {case} is already open")));
            }
            (_, 0) => {
                return Err(StoreError::NotFound {
                    what: "case",
                    id: case.to_string(),
                });
            }
            _ => {}
        }
        let event = Event {
            v: EVENT_VERSION,
            case: case.clone(),
            seq,
            recorded_at: item.recorded_at,
            actor: item.actor,
            body: item.body,
        };
        let bytes = event
            .canonical_bytes()
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let leaf = Event::leaf_hash(&bytes);
        rows.push((
            seq,
            event.body.kind().name(),
            event.recorded_at.to_string(),
            bytes,
            leaf,
        ));
        project(tx, &event).await?;
        super::timeline::project(tx, &event).await?;
        tree.push(leaf);
        events.push(event);
    }
    insert_events(tx, case, rows).await?;
    count(tx, case, &events, communications).await?;
    let time = events.last().map(|e| e.recorded_at).unwrap_or_default();
    let head = sign(&CheckpointBody {
        case: case.clone(),
        size: tree.size(),
        root: tree.root(),
        time,
    });
    insert_head(tx, &head, tree.peaks()).await?;
    Ok(Appended { events, head })
}

/// Keeps the case's counts in step with what this append added.
async fn count(
    tx: &mut Transaction<'static, Sqlite>,
    case: &CaseId,
    events: &[Event],
    communications: u64,
) -> Result<()> {
    let of = |kind: cairn_core::EventKind| events.iter().filter(|e| e.body.kind() == kind).count() as i64;
    sqlx::query("UPDATE cases SET events = events + $2, subjects = subjects + $3, incidents = incidents + $4, evidence = evidence + $5, \
                 communications = communications + $6 WHERE id = $1")
        .bind(case.as_str())
        .bind(events.len() as i64)
        .bind(of(cairn_core::EventKind::SubjectAdded))
        .bind(of(cairn_core::EventKind::IncidentRecorded))
        .bind(of(cairn_core::EventKind::EvidenceAdded))
        .bind(communications as i64)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

type EventRow = (u64, &'static str, String, Vec<u8>, Hash);

/// Writes event rows with as few statements as SQLite's parameter limit
/// allows: every statement is a round trip to the database thread.
async fn insert_events(tx: &mut Transaction<'static, Sqlite>, case: &CaseId, rows: Vec<EventRow>) -> Result<()> {
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let mut sql =
            sqlx::QueryBuilder::<Sqlite>::new("INSERT INTO events (case_id, seq, kind, recorded_at, body, leaf_hash) ");
        sql.push_values(
            rows.by_ref().take(500),
            |mut b, (seq, kind, recorded_at, body, leaf)| {
                b.push_bind(case.as_str().to_owned())
                    .push_bind(seq as i64)
                    .push_bind(kind)
                    .push_bind(recorded_at)
                    .push_bind(body)
                    .push_bind(leaf.0.to_vec());
            },
        );
        sql.build().execute(&mut **tx).await?;
    }
    Ok(())
}

pub(crate) async fn load_tree(tx: &mut Transaction<'static, Sqlite>, case: &CaseId) -> Result<CompactTree> {
    let size: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(seq) + 1, 0) FROM events WHERE case_id = $1")
        .bind(case.as_str())
        .fetch_one(&mut **tx)
        .await?;
    let head: Option<(i64, Vec<u8>)> =
        sqlx::query_as("SELECT size, peaks FROM tree_heads WHERE case_id = $1 ORDER BY size DESC LIMIT 1")
            .bind(case.as_str())
            .fetch_optional(&mut **tx)
            .await?;
    let (head_size, peaks) = head.unwrap_or((0, Vec::new()));
    if head_size != size {
        return Err(StoreError::Corrupt(format!(
            "case {case} has {size} events but its latest tree head covers {head_size}"
        )));
    }
    let peaks = peaks
        .chunks(32)
        .map(|c| <[u8; 32]>::try_from(c).map(Hash))
        .collect::<std::result::Result<Vec<_>, _>>();
    let peaks = peaks.map_err(|_| StoreError::Corrupt(format!("case {case}: stored tree peaks are malformed")))?;
    CompactTree::from_parts(size as u64, peaks).map_err(|e| StoreError::Corrupt(format!("case {case}: {e}")))
}

async fn insert_head(tx: &mut Transaction<'static, Sqlite>, head: &Checkpoint, peaks: &[Hash]) -> Result<()> {
    let decode = |field: &str, hex_text: &str| {
        hex::decode(hex_text).map_err(|_| StoreError::Corrupt(format!("checkpoint {field} is not hex")))
    };
    let peaks: Vec<u8> = peaks.iter().flat_map(|p| p.0).collect();
    sqlx::query("INSERT INTO tree_heads (case_id, size, root, time, peaks, public_key, signature) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(head.body.case.as_str())
        .bind(head.body.size as i64)
        .bind(head.body.root.0.as_slice())
        .bind(head.body.time.to_string())
        .bind(peaks)
        .bind(decode("public key", &head.public_key)?)
        .bind(decode("signature", &head.signature)?)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

fn json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Derives the projection rows of one event. Must stay a pure function of
/// the event and the projection so far: `journal verify` relies on replay.
async fn project(tx: &mut Transaction<'static, Sqlite>, event: &Event) -> Result<()> {
    let case = event.case.as_str();
    let seq = event.seq as i64;
    match &event.body {
        EventBody::CaseOpened(opened) => {
            sqlx::query("INSERT INTO cases (id, label, opened_at, opened_by) VALUES ($1, $2, $3, $4)")
                .bind(case)
                .bind(&opened.label)
                .bind(event.recorded_at.to_string())
                .bind(&event.actor)
                .execute(&mut **tx)
                .await?;
        }
        EventBody::SubjectAdded(subject) => {
            sqlx::query(
                "INSERT INTO subjects (id, case_id, name, relationship, data, seq) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(subject.id.as_str())
            .bind(case)
            .bind(&subject.name)
            .bind(subject.relationship.name())
            .bind(json(subject)?)
            .bind(seq)
            .execute(&mut **tx)
            .await?;
            for identifier in &subject.identifiers {
                sqlx::query("INSERT OR IGNORE INTO subject_identifiers (subject_id, kind, value) VALUES ($1, $2, $3)")
                    .bind(subject.id.as_str())
                    .bind(identifier.kind())
                    .bind(identifier.value())
                    .execute(&mut **tx)
                    .await?;
            }
        }
        EventBody::IncidentRecorded(incident) => {
            sqlx::query(
                "INSERT INTO incidents (id, case_id, occurred_sort, channel, subject_id, data, first_seq, current_seq, versions) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 1)",
            )
            .bind(incident.id.as_str())
            .bind(case)
            .bind(incident.occurred.sort_key())
            .bind(incident.channel.name())
            .bind(incident.subject.as_ref().map(|s| s.as_str()))
            .bind(json(incident)?)
            .bind(seq)
            .execute(&mut **tx)
            .await?;
            insert_version(tx, incident.id.as_str(), seq).await?;
        }
        EventBody::IncidentAmended(amended) => {
            let incident = &amended.incident;
            let changed = sqlx::query(
                "UPDATE incidents SET occurred_sort = $1, channel = $2, subject_id = $3, data = $4, current_seq = $5, versions = versions + 1 \
                 WHERE id = $6 AND case_id = $7 AND current_seq = $8",
            )
            .bind(incident.occurred.sort_key())
            .bind(incident.channel.name())
            .bind(incident.subject.as_ref().map(|s| s.as_str()))
            .bind(json(incident)?)
            .bind(seq)
            .bind(incident.id.as_str())
            .bind(case)
            .bind(amended.supersedes as i64)
            .execute(&mut **tx)
            .await?
            .rows_affected();
            if changed != 1 {
                return Err(StoreError::Conflict(format!(
                    "incident {} has no current version at journal position {}; show it again and amend its latest version",
                    incident.id, amended.supersedes
                )));
            }
            insert_version(tx, incident.id.as_str(), seq).await?;
        }
        EventBody::EvidenceAdded(evidence) => {
            sqlx::query(
                "INSERT INTO evidence (id, case_id, sha256, size, media_type, original_name, acquired_at, data, seq) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(evidence.id.as_str())
            .bind(case)
            .bind(evidence.sha256.to_string())
            .bind(evidence.size as i64)
            .bind(&evidence.media_type)
            .bind(&evidence.original_name)
            .bind(evidence.acquired_at.to_string())
            .bind(json(evidence)?)
            .bind(seq)
            .execute(&mut **tx)
            .await?;
            insert_custody(
                tx,
                event,
                evidence.id.as_str(),
                CustodyAction::Acquired,
                evidence.note.as_deref(),
            )
            .await?;
        }
        EventBody::CustodyRecorded(custody) => {
            let known: Option<i64> = sqlx::query_scalar("SELECT seq FROM evidence WHERE id = $1 AND case_id = $2")
                .bind(custody.evidence.as_str())
                .bind(case)
                .fetch_optional(&mut **tx)
                .await?;
            if known.is_none() {
                return Err(StoreError::NotFound {
                    what: "evidence",
                    id: custody.evidence.to_string(),
                });
            }
            insert_custody(
                tx,
                event,
                custody.evidence.as_str(),
                custody.action,
                custody.detail.as_deref(),
            )
            .await?;
        }
        EventBody::SourceImported(import) => {
            sqlx::query(
                "INSERT INTO imports (case_id, seq, evidence_id, source_sha256, kind, communications, added, data) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(case)
            .bind(seq)
            .bind(import.source.as_str())
            .bind(import.source_sha256.to_string())
            .bind(import.kind.name())
            .bind(import.extracted.communications as i64)
            .bind(import.extracted.added as i64)
            .bind(json(import)?)
            .execute(&mut **tx)
            .await?;
        }
        EventBody::IdentifierAssigned(assigned) => {
            let data: Option<String> = sqlx::query_scalar("SELECT data FROM subjects WHERE id = $1 AND case_id = $2")
                .bind(assigned.subject.as_str())
                .bind(case)
                .fetch_optional(&mut **tx)
                .await?;
            let Some(data) = data else {
                return Err(StoreError::NotFound {
                    what: "subject",
                    id: assigned.subject.to_string(),
                });
            };
            let mut subject: cairn_core::Subject =
                serde_json::from_str(&data).map_err(|e| StoreError::Corrupt(format!("subject: {e}")))?;
            if !subject.identifiers.contains(&assigned.identifier) {
                subject.identifiers.push(assigned.identifier.clone());
            }
            sqlx::query("UPDATE subjects SET data = $1 WHERE id = $2 AND case_id = $3")
                .bind(json(&subject)?)
                .bind(assigned.subject.as_str())
                .bind(case)
                .execute(&mut **tx)
                .await?;
            sqlx::query("INSERT OR IGNORE INTO subject_identifiers (subject_id, kind, value) VALUES ($1, $2, $3)")
                .bind(assigned.subject.as_str())
                .bind(assigned.identifier.kind())
                .bind(assigned.identifier.value())
                .execute(&mut **tx)
                .await?;
        }
        EventBody::ScanRecorded(scan) => {
            sqlx::query("INSERT INTO scans (case_id, seq, evidence_id, kind, data) VALUES ($1, $2, $3, $4, $5)")
                .bind(case)
                .bind(seq)
                .bind(scan.source.as_str())
                .bind(scan.kind.name())
                .bind(json(scan)?)
                .execute(&mut **tx)
                .await?;
        }
        // A disclosure changes nothing a projection shows; the journal is
        // where it is read back from.
        EventBody::PacketExported(_) => {}
        // Read straight from the journal (`Store::events_of_kind`).
        EventBody::AssessmentRecorded(_) | EventBody::PlanRecorded(_) => {}
        other => {
            return Err(StoreError::Corrupt(format!(
                "this build cannot project {} events",
                other.kind().name()
            )));
        }
    }
    Ok(())
}

async fn insert_version(tx: &mut Transaction<'static, Sqlite>, incident: &str, seq: i64) -> Result<()> {
    sqlx::query("INSERT INTO incident_versions (incident_id, seq) VALUES ($1, $2)")
        .bind(incident)
        .bind(seq)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn insert_custody(
    tx: &mut Transaction<'static, Sqlite>,
    event: &Event,
    evidence: &str,
    action: CustodyAction,
    detail: Option<&str>,
) -> Result<()> {
    sqlx::query("INSERT INTO custody (evidence_id, seq, action, at, actor, detail) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(evidence)
        .bind(event.seq as i64)
        .bind(action.name())
        .bind(event.recorded_at.to_string())
        .bind(&event.actor)
        .bind(detail)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
