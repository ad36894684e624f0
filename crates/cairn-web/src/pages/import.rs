//! Importing an export (SMS backup, WhatsApp chat, email, photo): the form,
//! the upload streamed into `Vault::import_stream` (hashed and encrypted as
//! it arrives, never held in memory), and the progress its page polls while
//! the upload runs. What the import found is rendered by `import_result`.

use askama::Template;
use axum::Json;
use axum::extract::multipart::Field;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use cairn_app::core::{CaseId, ImportKind, Named};
use cairn_app::{AppError, ImportSettings, Progress, SqliteStore, Vault};
use cairn_i18n::Tr;
use serde::Deserialize;

use super::evidence::field_reader;
use super::subjects::lines;
use super::{case_id, load_case};
use crate::render::{CurrentSession, Layout, Open, PageError, PageResult, page};
use crate::security::csrf_ok;
use crate::state::{AppState, JobGuard, Session};

/// What the form shows: as typed, so a refused import comes back filled in.
pub struct Values {
    pub kind: String,
    pub region: String,
    pub time_zone: String,
    pub date_order: String,
    pub owner: String,
    pub chat_name: String,
    pub source: String,
    pub note: String,
}

impl Default for Values {
    fn default() -> Self {
        Values {
            kind: String::new(),
            region: "US".into(),
            time_zone: String::new(),
            date_order: String::new(),
            owner: String::new(),
            chat_name: String::new(),
            source: String::new(),
            note: String::new(),
        }
    }
}

impl Values {
    fn set(&mut self, name: &str, value: String) {
        let slot = match name {
            "kind" => &mut self.kind,
            "region" => &mut self.region,
            "time_zone" => &mut self.time_zone,
            "date_order" => &mut self.date_order,
            "owner" => &mut self.owner,
            "chat_name" => &mut self.chat_name,
            "source" => &mut self.source,
            "note" => &mut self.note,
            _ => return,
        };
        *slot = value;
    }

    /// The settings for `import_stream`; `None` without a kind.
    fn settings(&self) -> Option<ImportSettings> {
        let kind = self.kind.parse::<ImportKind>().ok()?;
        let given = |v: &str| Some(v.trim()).filter(|v| !v.is_empty()).map(str::to_owned);
        Some(ImportSettings {
            region: given(&self.region).unwrap_or_else(|| "US".into()),
            time_zone: given(&self.time_zone),
            date_order: given(&self.date_order),
            owner: lines(Some(&self.owner)),
            chat_name: given(&self.chat_name),
            source: given(&self.source),
            note: given(&self.note),
            ..ImportSettings::new(kind)
        })
    }
}

/// An import already in the case, for the list under the form.
pub struct Earlier {
    pub kind: String,
    pub name: String,
    pub href: String,
    pub read: String,
    pub added: String,
    pub skipped: String,
}

#[derive(Template)]
#[template(path = "import.html")]
struct FormPage {
    l: Layout,
    case: String,
    v: Values,
    /// `(value, label, what file to bring, selected)`.
    kinds: Vec<(String, String, String, bool)>,
    orders: Vec<(String, String, bool)>,
    /// The zone chat times are read in when none is given.
    zone: String,
    earlier: Vec<Earlier>,
}

/// The zone this computer runs in, which `ImportSettings` falls back to.
fn server_zone() -> String {
    let zone = jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC);
    match zone.iana_name() {
        Some(name) => name.to_owned(),
        None => zone.to_offset(jiff::Timestamp::now()).to_string(),
    }
}

pub async fn form(Open { vault, session }: Open, Path(raw): Path<String>) -> PageResult {
    let case = case_id(&session, &raw)?;
    render_form(&vault, &session, &case, Values::default(), None).await
}

async fn render_form(
    vault: &Vault<SqliteStore>,
    session: &Session,
    case: &CaseId,
    v: Values,
    error: Option<String>,
) -> PageResult {
    let summary = load_case(vault, session, case).await?;
    let imports = vault.imports(case).await.map_err(|e| PageError::app(session, &e))?;
    let files = vault
        .evidence_list(case)
        .await
        .map_err(|e| PageError::app(session, &e))?;
    let t = Tr(session.lang);
    let id = case.to_string();
    let earlier = imports
        .iter()
        .rev()
        .map(|i| {
            let x = &i.import.extracted;
            let name = files
                .iter()
                .find(|f| f.evidence.id == i.import.source)
                .map(|f| f.evidence.original_name.clone())
                .unwrap_or_else(|| i.import.source.to_string());
            Earlier {
                kind: t.get(&format!("import-kind-{}", i.import.kind.name())),
                name,
                href: format!("/cases/{id}/evidence/{}", i.import.source),
                read: t.number(x.communications),
                added: t.number(x.added),
                skipped: t.number(x.skipped),
            }
        })
        .collect();
    let kinds = ImportKind::ALL
        .iter()
        .map(|(name, _)| {
            (
                name.to_string(),
                t.get(&format!("import-kind-{name}")),
                t.get(&format!("import-form-bring-{name}")),
                v.kind == *name,
            )
        })
        .collect();
    let orders = ["", "dmy", "mdy", "ymd"]
        .iter()
        .map(|o| {
            let label = if o.is_empty() { "auto" } else { o };
            (
                o.to_string(),
                t.get(&format!("import-form-order-{label}")),
                v.date_order == *o,
            )
        })
        .collect();
    let mut l = Layout::new(session, "title-import", true).in_case(&id, &summary.label, "import");
    l.error = error;
    Ok(page(FormPage {
        l,
        case: id,
        v,
        kinds,
        orders,
        zone: server_zone(),
        earlier,
    }))
}

/// The form again, filled in, with why the import was refused.
async fn refused(
    vault: &Vault<SqliteStore>,
    session: &Session,
    case: &CaseId,
    v: Values,
    message: String,
) -> PageResult {
    let mut response = render_form(vault, session, case, v, Some(message)).await?;
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// The longest form value read (a note is at most 10,000 characters); more
/// is refused rather than buffered.
const TEXT_LIMIT: usize = 64 * 1024;

async fn small_text(mut field: Field<'_>) -> Option<String> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.ok()? {
        if bytes.len() + chunk.len() > TEXT_LIMIT {
            return None;
        }
        bytes.extend_from_slice(&chunk);
    }
    String::from_utf8(bytes).ok()
}

/// Reads and drops the rest of a file refused before it was read: a
/// browser still sending it would otherwise see the connection cut instead
/// of the page that says why.
async fn discard(mut field: Field<'_>) {
    while let Ok(Some(_)) = field.chunk().await {}
}

fn no_progress() -> Progress {
    std::sync::Arc::new(std::sync::Mutex::new(|_: cairn_app::Stage, _: u64, _: u64| {}))
}

pub async fn import(
    State(state): State<AppState>,
    Open { vault, session }: Open,
    Path(raw): Path<String>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> PageResult {
    let case = case_id(&session, &raw)?;
    let summary = load_case(&vault, &session, &case).await?;
    let t = Tr(session.lang);
    let bad_request = |s: &Session| PageError::new(s, StatusCode::BAD_REQUEST, Tr(s.lang).get("error-upload"));
    // The body's length bounds the file's: close enough for a progress bar.
    let total = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut csrf_checked = false;
    let mut values = Values::default();
    let mut job: Option<JobGuard> = None;
    while let Some(field) = multipart.next_field().await.map_err(|_| bad_request(&session))? {
        let name = field.name().unwrap_or_default().to_owned();
        if field.file_name().is_none() {
            let value = small_text(field).await.ok_or_else(|| bad_request(&session))?;
            match name.as_str() {
                "csrf" => csrf_checked = csrf_ok(&session, &value),
                // Only after the token, so only this session's own forms register jobs.
                "job" if csrf_checked => job = state.start_job(&session, &value, total),
                _ => values.set(&name, value),
            }
            continue;
        }
        // The token comes first in the form, before any file bytes are read.
        if !csrf_checked {
            return Err(PageError::csrf(&session));
        }
        let file_name = field.file_name().unwrap_or_default().to_owned();
        if file_name.is_empty() {
            continue;
        }
        let Some(settings) = values.settings() else {
            discard(field).await;
            return refused(&vault, &session, &case, values, t.get("import-form-choose-kind")).await;
        };
        // Checked here too so that a mistyped zone is refused before the
        // whole file is stored, not after.
        if let Err(e) = settings.to_map() {
            discard(field).await;
            let message = cairn_i18n::describe_invalid(t, &e);
            return refused(&vault, &session, &case, values, message).await;
        }
        let progress = job.as_ref().map(JobGuard::progress).unwrap_or_else(no_progress);
        let (reader, feed) = field_reader(field);
        let (_, outcome) = tokio::join!(
            feed,
            vault.import_stream(&case, file_name, reader, total, settings, progress)
        );
        drop(job);
        return match outcome {
            Ok(report) => super::import_result::show(&vault, &session, &case, &summary.label, report).await,
            // A file the importer cannot read is the person's to fix: say
            // where, keep the form, record nothing.
            Err(e @ (AppError::Import { .. } | AppError::Invalid(_))) => {
                let message = cairn_i18n::describe_app_error(t, &e);
                refused(&vault, &session, &case, values, message).await
            }
            Err(e) => Err(PageError::app(&session, &e)),
        };
    }
    if !csrf_checked {
        return Err(PageError::csrf(&session));
    }
    refused(&vault, &session, &case, values, t.get("import-form-choose-file")).await
}

#[derive(Deserialize, Default)]
pub struct ProgressParams {
    job: Option<String>,
}

/// `{stage, done, total}` of a running import, for the session that started
/// it only; anything else is "not found", so tokens cannot be probed.
pub async fn progress(
    State(state): State<AppState>,
    CurrentSession(session): CurrentSession,
    Query(params): Query<ProgressParams>,
) -> Response {
    let open = state.vault_for(&session).await.is_some();
    match params.job.filter(|_| open).and_then(|job| state.job(&session, &job)) {
        Some(job) => Json(job).into_response(),
        None => (StatusCode::NOT_FOUND, Json(serde_json::json!({ "error": "not found" }))).into_response(),
    }
}
