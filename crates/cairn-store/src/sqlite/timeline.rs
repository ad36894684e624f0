//! The timeline projection: written beside incidents and evidence, read in
//! keyset-paginated pages.

use cairn_core::{Event, EventBody, Named, Slii};
use sqlx::{QueryBuilder, Sqlite, Transaction};

use super::SqliteStore;
use crate::model::{TimelineEntry, TimelineKind, TimelineQuery};
use crate::{Result, StoreError};

pub(crate) fn category_bits(categories: impl IntoIterator<Item = Slii>) -> i64 {
    categories
        .into_iter()
        .map(|c| 1i64 << Slii::ALL.iter().position(|(_, v)| *v == c).unwrap_or(0))
        .fold(0, |a, b| a | b)
}

fn categories_from_bits(bits: i64) -> Vec<Slii> {
    Slii::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, (_, v))| *v)
        .collect()
}

const TITLE_CHARS: usize = 200;

fn title(text: &str) -> String {
    text.chars().take(TITLE_CHARS).collect()
}

/// Writes or replaces the timeline row an event implies, if any.
pub(crate) async fn project(tx: &mut Transaction<'static, Sqlite>, event: &Event) -> Result<()> {
    let incident = match &event.body {
        EventBody::IncidentRecorded(i) => Some(i),
        EventBody::IncidentAmended(a) => Some(&a.incident),
        _ => None,
    };
    let (sort_key, ref_id, kind, subject, channel, bits, text) = match (&event.body, incident) {
        (_, Some(i)) => (
            i.occurred.sort_key(),
            i.id.to_string(),
            "incident",
            i.subject.as_ref().map(|s| s.to_string()),
            Some(i.channel.name()),
            category_bits(i.categories.iter().copied()),
            title(&i.narrative),
        ),
        (EventBody::EvidenceAdded(e), None) => (
            e.acquired_at.strftime("%Y-%m-%dT%H:%M:%S").to_string(),
            e.id.to_string(),
            "evidence",
            None,
            None,
            0,
            title(&e.original_name),
        ),
        _ => return Ok(()),
    };
    sqlx::query(
        "INSERT INTO timeline (case_id, sort_key, ref_id, kind, subject_id, channel, categories, title, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (case_id, ref_id) DO UPDATE SET sort_key = excluded.sort_key, subject_id = excluded.subject_id, channel = excluded.channel, \
         categories = excluded.categories, title = excluded.title, seq = excluded.seq",
    )
    .bind(event.case.as_str())
    .bind(sort_key)
    .bind(ref_id)
    .bind(kind)
    .bind(subject)
    .bind(channel)
    .bind(bits)
    .bind(text)
    .bind(event.seq as i64)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

type Row = (String, String, String, Option<String>, Option<String>, i64, String, i64);

impl SqliteStore {
    pub(crate) async fn timeline_page(
        &self,
        case: &cairn_core::CaseId,
        query: &TimelineQuery,
    ) -> Result<Vec<TimelineEntry>> {
        let mut sql = QueryBuilder::<Sqlite>::new(
            "SELECT sort_key, kind, ref_id, subject_id, channel, categories, title, seq FROM timeline WHERE case_id = ",
        );
        sql.push_bind(case.as_str().to_owned());
        if let Some(subject) = &query.subject {
            sql.push(" AND subject_id = ").push_bind(subject.to_string());
        }
        if let Some(channel) = query.channel {
            sql.push(" AND channel = ").push_bind(channel.name());
        }
        if let Some(category) = query.category {
            sql.push(" AND (categories & ")
                .push_bind(category_bits([category]))
                .push(") != 0");
        }
        if let Some(kind) = query.kind {
            sql.push(" AND kind = ").push_bind(match kind {
                TimelineKind::Incident => "incident",
                TimelineKind::Evidence => "evidence",
            });
        }
        if let Some(from) = query.from {
            sql.push(" AND sort_key >= ").push_bind(from.to_string());
        }
        if let Some(to) = query.to {
            // Everything on the `to` day sorts below the next day's date.
            sql.push(" AND sort_key < ")
                .push_bind(to.tomorrow().map(|d| d.to_string()).unwrap_or_else(|_| "9999".into()));
        }
        if let Some((sort_key, id)) = &query.after {
            sql.push(" AND (sort_key < ")
                .push_bind(sort_key.clone())
                .push(" OR (sort_key = ")
                .push_bind(sort_key.clone())
                .push(" AND ref_id < ")
                .push_bind(id.clone())
                .push("))");
        }
        sql.push(" ORDER BY sort_key DESC, ref_id DESC LIMIT ")
            .push_bind(i64::from(query.limit.clamp(1, 500)));
        let rows: Vec<Row> = sql.build_query_as().fetch_all(&self.pool).await?;
        rows.into_iter()
            .map(|(sort_key, kind, id, subject, channel, bits, title, seq)| {
                let corrupt = |what: &str| StoreError::Corrupt(format!("timeline {what} of {id}"));
                Ok(TimelineEntry {
                    kind: match kind.as_str() {
                        "incident" => TimelineKind::Incident,
                        "evidence" => TimelineKind::Evidence,
                        _ => return Err(corrupt("kind")),
                    },
                    subject: subject.map(|s| s.parse()).transpose().map_err(|_| corrupt("subject"))?,
                    channel: channel.map(|c| c.parse()).transpose().map_err(|_| corrupt("channel"))?,
                    categories: categories_from_bits(bits),
                    sort_key,
                    title,
                    seq: seq as u64,
                    id,
                })
            })
            .collect()
    }
}
