//! Evidence: the list, streaming upload (hashed and encrypted as it
//! arrives), and one item with its chain of custody.

use std::io::Read;

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Multipart, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use cairn_app::core::{EvidenceId, Named};
use cairn_app::{Added, EvidenceMeta, EvidenceRecord, SqliteStore, Vault};
use cairn_i18n::Tr;
use serde::Deserialize;

use super::{case_id, load_case, parse_id};
use crate::render::{Layout, Open, PageError, PageResult, page};
use crate::security::csrf_ok;
use crate::state::Session;

#[derive(Template)]
#[template(path = "evidence.html")]
struct ListPage {
    l: Layout,
    case: String,
    items: Vec<(EvidenceRecord, String, String)>,
    added: Vec<(EvidenceRecord, bool)>,
}

#[derive(Deserialize, Default)]
pub struct ListParams {
    /// Ids just uploaded, comma-separated, with `!` marking an existing duplicate.
    added: Option<String>,
}

pub async fn list(
    Open { vault, session }: Open,
    Path(raw): Path<String>,
    Query(params): Query<ListParams>,
) -> PageResult {
    let case = case_id(&session, &raw)?;
    let summary = load_case(&vault, &session, &case).await?;
    let items = vault
        .evidence_list(&case)
        .await
        .map_err(|e| PageError::app(&session, &e))?;
    let t = Tr(session.lang);
    let added = params
        .added
        .unwrap_or_default()
        .split(',')
        .filter_map(|raw| {
            let (id, duplicate) = match raw.strip_prefix('!') {
                Some(id) => (id, true),
                None => (raw, false),
            };
            let record = items.iter().find(|r| r.evidence.id.as_str() == id)?;
            Some((record.clone(), duplicate))
        })
        .collect();
    let l = Layout::new(&session, "title-evidence", true).in_case(case.as_str(), &summary.label, "evidence");
    let items = items
        .into_iter()
        .map(|r| {
            let (size, when) = (t.number(r.evidence.size), t.timestamp(r.evidence.acquired_at));
            (r, size, when)
        })
        .collect();
    Ok(page(ListPage {
        l,
        case: case.to_string(),
        items,
        added,
    }))
}

/// Feeds an upload's chunks to the blocking hash-and-encrypt task. A stream
/// that ends without the end marker is an interrupted upload: an error, so
/// that a partial file is never recorded as evidence.
pub(crate) struct ChunkReader {
    chunks: tokio::sync::mpsc::Receiver<Option<Bytes>>,
    current: Bytes,
    finished: bool,
}

impl Read for ChunkReader {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.current.is_empty() {
            if self.finished {
                return Ok(0);
            }
            match self.chunks.blocking_recv() {
                Some(Some(chunk)) => self.current = chunk,
                Some(None) => self.finished = true,
                None => {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::UnexpectedEof,
                        "the upload was interrupted",
                    ));
                }
            }
        }
        let n = out.len().min(self.current.len());
        out[..n].copy_from_slice(&self.current[..n]);
        self.current = self.current.slice(n..);
        Ok(n)
    }
}

/// A reader over an upload field's bytes, for a blocking task, and the
/// future that must run beside that task to feed it.
pub(crate) fn field_reader(
    mut field: axum::extract::multipart::Field<'_>,
) -> (ChunkReader, impl std::future::Future<Output = ()> + '_) {
    // Bounded: a slow disk slows the upload instead of filling memory.
    let (tx, rx) = tokio::sync::mpsc::channel(8);
    let reader = ChunkReader {
        chunks: rx,
        current: Bytes::new(),
        finished: false,
    };
    let feed = async move {
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    if tx.send(Some(chunk)).await.is_err() {
                        break;
                    }
                }
                Ok(None) => {
                    let _ = tx.send(None).await;
                    break;
                }
                // Dropping the sender without the end marker fails the read.
                Err(_) => break,
            }
        }
    };
    (reader, feed)
}

pub(crate) async fn receive(
    vault: &Vault<SqliteStore>,
    case: &cairn_app::core::CaseId,
    meta: EvidenceMeta,
    field: axum::extract::multipart::Field<'_>,
) -> Result<Added, cairn_app::AppError> {
    let (reader, feed) = field_reader(field);
    let (_, added) = tokio::join!(feed, vault.add_evidence_stream(case, meta, reader, |_| {}));
    added
}

pub async fn upload(
    Open { vault, session }: Open,
    Path(raw): Path<String>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let case = case_id(&session, &raw)?;
    load_case(&vault, &session, &case).await?;
    let bad_request =
        |session: &Session| PageError::new(session, StatusCode::BAD_REQUEST, Tr(session.lang).get("error-upload"));
    let mut csrf_checked = false;
    let (mut source, mut note) = (None, None);
    let mut added = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(|_| bad_request(&session))? {
        let name = field.name().unwrap_or_default().to_owned();
        if field.file_name().is_none() {
            let value = field.text().await.map_err(|_| bad_request(&session))?;
            match name.as_str() {
                "csrf" => csrf_checked = csrf_ok(&session, &value),
                "source" => source = Some(value),
                "note" => note = Some(value),
                _ => {}
            }
            continue;
        }
        // The token comes first in the form, before any file bytes are read.
        if !csrf_checked {
            return Err(PageError::csrf(&session));
        }
        let file_name = field.file_name().unwrap_or("evidence").to_owned();
        if file_name.is_empty() {
            continue;
        }
        let meta = EvidenceMeta {
            name: file_name,
            source: source.clone(),
            note: note.clone(),
            media_type: field.content_type().map(str::to_owned),
        };
        match receive(&vault, &case, meta, field).await {
            Ok(Added::New(r)) => added.push(r.evidence.id.to_string()),
            Ok(Added::AlreadyInCase(r)) => added.push(format!("!{}", r.evidence.id)),
            Err(e) => return Err(PageError::app(&session, &e)),
        }
    }
    if !csrf_checked {
        return Err(PageError::csrf(&session));
    }
    Ok(Redirect::to(&format!("/cases/{case}/evidence?added={}", added.join(","))).into_response())
}

#[derive(Template)]
#[template(path = "evidence_item.html")]
struct ItemPage {
    l: Layout,
    record: EvidenceRecord,
    fields: Vec<(String, String)>,
    custody: Vec<(u64, String, String, String, String)>,
}

pub async fn show(Open { vault, session }: Open, Path((raw, id)): Path<(String, String)>) -> PageResult {
    let case = case_id(&session, &raw)?;
    let id: EvidenceId = parse_id(&session, &id)?;
    let summary = load_case(&vault, &session, &case).await?;
    let record = vault
        .evidence(&case, &id)
        .await
        .map_err(|e| PageError::app(&session, &e))?;
    let t = Tr(session.lang);
    let e = &record.evidence;
    let mut fields = vec![
        (t.get("col-name"), e.original_name.clone()),
        (t.get("col-media-type"), e.media_type.clone()),
        (t.get("col-size"), t.count("size-bytes", e.size)),
        (t.get("col-sha256"), e.sha256.to_string()),
        (t.get("col-acquired"), t.timestamp(e.acquired_at)),
        (t.get("col-acquired-by"), e.acquired_by.clone()),
        (t.get("col-source"), e.source.clone()),
    ];
    if let Some(note) = &e.note {
        fields.push((t.get("col-note"), note.clone()));
    }
    let custody = record
        .custody
        .iter()
        .map(|c| {
            (
                c.seq,
                t.timestamp(c.at),
                t.get(&format!("custody-{}", c.action.name())),
                c.actor.clone(),
                c.detail.clone().unwrap_or_default(),
            )
        })
        .collect();
    let l = Layout::new(&session, "title-evidence-item", true).in_case(case.as_str(), &summary.label, "evidence");
    Ok(page(ItemPage {
        l,
        record,
        fields,
        custody,
    }))
}
