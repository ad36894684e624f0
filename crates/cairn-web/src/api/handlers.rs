//! JSON handlers. Each is a thin adapter over one `cairn-app` use case.

use axum::Json;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cairn_app::core::{CaseId, EvidenceId, IncidentId};
use cairn_app::{Added, EvidenceMeta, IncidentChanges, IncidentInput, Passphrase, SubjectInput};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{ApiError, ApiOpen, ApiResult, ApiSession};
use crate::pages::case::TimelineParams;
use crate::state::{AppState, Session};

pub(super) fn case_id(session: &Session, raw: &str) -> ApiResult<CaseId> {
    raw.parse()
        .map_err(|_| ApiError::status(session, StatusCode::NOT_FOUND, "error-page-not-found"))
}

fn id<T: std::str::FromStr>(session: &Session, raw: &str) -> ApiResult<T> {
    raw.parse()
        .map_err(|_| ApiError::status(session, StatusCode::NOT_FOUND, "error-page-not-found"))
}

pub(super) fn json<T: serde::Serialize>(value: T) -> Response {
    Json(value).into_response()
}

fn created<T: serde::Serialize>(value: T) -> Response {
    (StatusCode::CREATED, Json(value)).into_response()
}

/// Whether the vault exists and this session has it open, and the CSRF token for writes.
#[utoipa::path(get, path = "/api/session", responses((status = 200, body = Object)))]
pub async fn session(State(state): State<AppState>, ApiSession(session): ApiSession) -> Response {
    let open = state.vault_for(&session).await.is_some();
    json(
        serde_json::json!({ "vault_exists": state.vault_exists(), "unlocked": open, "csrf": session.csrf, "lang": session.lang.code() }),
    )
}

#[derive(Deserialize, ToSchema)]
pub struct Unlock {
    passphrase: String,
}

/// Unlocks the vault for this session.
#[utoipa::path(post, path = "/api/unlock", request_body = Unlock, responses((status = 204), (status = 401, body = super::ApiErrorBody)))]
pub async fn unlock(
    State(state): State<AppState>,
    ApiSession(session): ApiSession,
    Json(body): Json<Unlock>,
) -> ApiResult<StatusCode> {
    match state.unlock(&session, Passphrase::new(body.passphrase), false).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT),
        Err(cairn_app::AppError::WrongPassphrase(_)) => {
            tokio::time::sleep(std::time::Duration::from_millis(750)).await;
            Err(ApiError::status(
                &session,
                StatusCode::UNAUTHORIZED,
                "unlock-wrong-passphrase",
            ))
        }
        Err(e) => Err(ApiError::app(&session, &e)),
    }
}

/// Locks the vault for everyone.
#[utoipa::path(post, path = "/api/lock", responses((status = 204)))]
pub async fn lock(State(state): State<AppState>, ApiSession(_session): ApiSession) -> StatusCode {
    state.lock().await;
    StatusCode::NO_CONTENT
}

#[utoipa::path(get, path = "/api/cases", responses((status = 200, body = [Object])))]
pub async fn list_cases(ApiOpen { vault, session }: ApiOpen) -> ApiResult<Response> {
    Ok(json(vault.cases().await.map_err(|e| ApiError::app(&session, &e))?))
}

#[derive(Deserialize, ToSchema)]
pub struct NewCase {
    /// How the advocate recognises the case (kept encrypted).
    label: String,
}

#[utoipa::path(post, path = "/api/cases", request_body = NewCase, responses((status = 201, body = Object), (status = 422, body = super::ApiErrorBody)))]
pub async fn create_case(ApiOpen { vault, session }: ApiOpen, Json(body): Json<NewCase>) -> ApiResult<Response> {
    Ok(created(
        vault
            .open_case(&body.label)
            .await
            .map_err(|e| ApiError::app(&session, &e))?,
    ))
}

#[utoipa::path(get, path = "/api/cases/{case}", params(("case" = String, Path)), responses((status = 200, body = Object), (status = 404, body = super::ApiErrorBody)))]
pub async fn get_case(ApiOpen { vault, session }: ApiOpen, Path(case): Path<String>) -> ApiResult<Response> {
    let case = case_id(&session, &case)?;
    Ok(json(vault.case(&case).await.map_err(|e| ApiError::app(&session, &e))?))
}

#[utoipa::path(get, path = "/api/cases/{case}/subjects", params(("case" = String, Path)), responses((status = 200, body = [Object])))]
pub async fn list_subjects(ApiOpen { vault, session }: ApiOpen, Path(case): Path<String>) -> ApiResult<Response> {
    let case = case_id(&session, &case)?;
    Ok(json(
        vault.subjects(&case).await.map_err(|e| ApiError::app(&session, &e))?,
    ))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct NewSubject {
    name: String,
    /// e.g. former_partner, spouse, family_member, stranger
    relationship: String,
    phones: Vec<String>,
    emails: Vec<String>,
    /// `handle` or `platform:handle`
    handles: Vec<String>,
    notes: Option<String>,
    /// ISO 3166 region for numbers without a country code (default US)
    region: Option<String>,
}

#[utoipa::path(post, path = "/api/cases/{case}/subjects", params(("case" = String, Path)), request_body = NewSubject, responses((status = 201, body = Object), (status = 422, body = super::ApiErrorBody)))]
pub async fn add_subject(
    ApiOpen { vault, session }: ApiOpen,
    Path(case): Path<String>,
    Json(body): Json<NewSubject>,
) -> ApiResult<Response> {
    let case = case_id(&session, &case)?;
    let input = SubjectInput {
        name: body.name,
        relationship: body.relationship,
        phones: body.phones,
        emails: body.emails,
        handles: body.handles,
        notes: body.notes,
        region: body.region.unwrap_or_else(|| "US".into()),
    };
    Ok(created(
        vault
            .add_subject(&case, input)
            .await
            .map_err(|e| ApiError::app(&session, &e))?,
    ))
}

#[utoipa::path(get, path = "/api/cases/{case}/incidents", params(("case" = String, Path)), responses((status = 200, body = [Object])))]
pub async fn list_incidents(ApiOpen { vault, session }: ApiOpen, Path(case): Path<String>) -> ApiResult<Response> {
    let case = case_id(&session, &case)?;
    Ok(json(
        vault.incidents(&case).await.map_err(|e| ApiError::app(&session, &e))?,
    ))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct NewIncident {
    /// `2026-01-02` or `2026-01-02T22:10` (local time)
    when: String,
    approximate: bool,
    /// in_person, call, text, social_media, email, gps_tracker, smart_device, financial, other
    channel: String,
    /// SLII categories and/or specific behaviours
    behaviours: Vec<String>,
    subject: Option<String>,
    narrative: String,
    location: Option<String>,
    witnesses: Vec<String>,
    police_report: Option<String>,
    injuries: Option<String>,
    /// 0 to 10
    fear: Option<i64>,
    evidence: Vec<String>,
}

#[utoipa::path(post, path = "/api/cases/{case}/incidents", params(("case" = String, Path)), request_body = NewIncident, responses((status = 201, body = Object), (status = 422, body = super::ApiErrorBody)))]
pub async fn add_incident(
    ApiOpen { vault, session }: ApiOpen,
    Path(case): Path<String>,
    Json(b): Json<NewIncident>,
) -> ApiResult<Response> {
    let case = case_id(&session, &case)?;
    let input = IncidentInput {
        when: b.when,
        approximate: b.approximate,
        channel: b.channel,
        behaviours: b.behaviours,
        subject: b.subject,
        narrative: b.narrative,
        location: b.location,
        witnesses: b.witnesses,
        police_report: b.police_report,
        injuries: b.injuries,
        fear: b.fear,
        evidence: b.evidence,
    };
    Ok(created(
        vault
            .record_incident(&case, input)
            .await
            .map_err(|e| ApiError::app(&session, &e))?,
    ))
}

#[utoipa::path(get, path = "/api/cases/{case}/incidents/{id}", params(("case" = String, Path), ("id" = String, Path)), responses((status = 200, body = Object), (status = 404, body = super::ApiErrorBody)))]
pub async fn get_incident(
    ApiOpen { vault, session }: ApiOpen,
    Path((case, incident)): Path<(String, String)>,
) -> ApiResult<Response> {
    let case = case_id(&session, &case)?;
    let incident: IncidentId = id(&session, &incident)?;
    Ok(json(
        vault
            .incident(&case, &incident)
            .await
            .map_err(|e| ApiError::app(&session, &e))?,
    ))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct Amendment {
    /// Why the record is corrected (required; kept in the journal)
    reason: String,
    when: Option<String>,
    approximate: Option<bool>,
    channel: Option<String>,
    behaviours: Option<Vec<String>>,
    subject: Option<String>,
    narrative: Option<String>,
    location: Option<String>,
    witnesses: Option<Vec<String>>,
    police_report: Option<String>,
    injuries: Option<String>,
    fear: Option<i64>,
    evidence: Option<Vec<String>>,
}

#[utoipa::path(post, path = "/api/cases/{case}/incidents/{id}/amend", params(("case" = String, Path), ("id" = String, Path)), request_body = Amendment, responses((status = 201, body = Object), (status = 422, body = super::ApiErrorBody)))]
pub async fn amend_incident(
    ApiOpen { vault, session }: ApiOpen,
    Path((case, incident)): Path<(String, String)>,
    Json(b): Json<Amendment>,
) -> ApiResult<Response> {
    let case = case_id(&session, &case)?;
    let incident: IncidentId = id(&session, &incident)?;
    let changes = IncidentChanges {
        when: b.when,
        approximate: b.approximate,
        channel: b.channel,
        behaviours: b.behaviours,
        subject: b.subject,
        narrative: b.narrative,
        location: b.location,
        witnesses: b.witnesses,
        police_report: b.police_report,
        injuries: b.injuries,
        fear: b.fear,
        evidence: b.evidence,
        reason: b.reason,
    };
    Ok(created(
        vault
            .amend_incident(&case, &incident, changes)
            .await
            .map_err(|e| ApiError::app(&session, &e))?,
    ))
}

#[utoipa::path(get, path = "/api/cases/{case}/evidence", params(("case" = String, Path)), responses((status = 200, body = [Object])))]
pub async fn list_evidence(ApiOpen { vault, session }: ApiOpen, Path(case): Path<String>) -> ApiResult<Response> {
    let case = case_id(&session, &case)?;
    Ok(json(
        vault
            .evidence_list(&case)
            .await
            .map_err(|e| ApiError::app(&session, &e))?,
    ))
}

/// Uploads files (multipart, fields `source`, `note`, then one or more files); each is hashed and encrypted as it streams in.
#[utoipa::path(post, path = "/api/cases/{case}/evidence", params(("case" = String, Path)), request_body(content_type = "multipart/form-data", content = Object), responses((status = 201, body = [Object])))]
pub async fn upload_evidence(
    ApiOpen { vault, session }: ApiOpen,
    Path(case): Path<String>,
    mut multipart: Multipart,
) -> ApiResult<Response> {
    let case = case_id(&session, &case)?;
    vault.case(&case).await.map_err(|e| ApiError::app(&session, &e))?;
    let bad = |s: &Session| ApiError::status(s, StatusCode::BAD_REQUEST, "error-upload");
    let (mut source, mut note, mut added) = (None, None, Vec::new());
    while let Some(field) = multipart.next_field().await.map_err(|_| bad(&session))? {
        match (
            field.file_name().map(str::to_owned),
            field.name().unwrap_or_default().to_owned(),
        ) {
            (None, name) => {
                let value = field.text().await.map_err(|_| bad(&session))?;
                match name.as_str() {
                    "source" => source = Some(value),
                    "note" => note = Some(value),
                    _ => {}
                }
            }
            (Some(file_name), _) => {
                let meta = EvidenceMeta {
                    name: file_name,
                    source: source.clone(),
                    note: note.clone(),
                    media_type: field.content_type().map(str::to_owned),
                };
                let outcome = crate::pages::evidence::receive(&vault, &case, meta, field)
                    .await
                    .map_err(|e| ApiError::app(&session, &e))?;
                let duplicate = matches!(outcome, Added::AlreadyInCase(_));
                added.push(serde_json::json!({ "duplicate": duplicate, "evidence": outcome.record() }));
            }
        }
    }
    Ok(created(added))
}

#[utoipa::path(get, path = "/api/cases/{case}/evidence/{id}", params(("case" = String, Path), ("id" = String, Path)), responses((status = 200, body = Object), (status = 404, body = super::ApiErrorBody)))]
pub async fn get_evidence(
    ApiOpen { vault, session }: ApiOpen,
    Path((case, evidence)): Path<(String, String)>,
) -> ApiResult<Response> {
    let case = case_id(&session, &case)?;
    let evidence: EvidenceId = id(&session, &evidence)?;
    Ok(json(
        vault
            .evidence(&case, &evidence)
            .await
            .map_err(|e| ApiError::app(&session, &e))?,
    ))
}

/// One page of the timeline, newest first; pass `next` back as `after` for the following page.
#[utoipa::path(get, path = "/api/cases/{case}/timeline", params(("case" = String, Path), ("subject" = Option<String>, Query), ("channel" = Option<String>, Query), ("category" = Option<String>, Query), ("kind" = Option<String>, Query), ("from" = Option<String>, Query), ("to" = Option<String>, Query), ("after" = Option<String>, Query)), responses((status = 200, body = Object)))]
pub async fn timeline(
    ApiOpen { vault, session }: ApiOpen,
    Path(case): Path<String>,
    Query(params): Query<TimelineParams>,
) -> ApiResult<Response> {
    let case = case_id(&session, &case)?;
    let query = params.query().map_err(|e| ApiError::app(&session, &e))?;
    let entries = vault
        .timeline(&case, &query)
        .await
        .map_err(|e| ApiError::app(&session, &e))?;
    let next = (entries.len() as u32 == query.limit)
        .then(|| entries.last().map(|e| format!("{}|{}", e.sort_key, e.id)))
        .flatten();
    Ok(json(serde_json::json!({ "entries": entries, "next": next })))
}

#[utoipa::path(get, path = "/api/cases/{case}/journal", params(("case" = String, Path)), responses((status = 200, body = Object)))]
pub async fn checkpoint(ApiOpen { vault, session }: ApiOpen, Path(case): Path<String>) -> ApiResult<Response> {
    let case = case_id(&session, &case)?;
    Ok(json(
        vault.checkpoint(&case).await.map_err(|e| ApiError::app(&session, &e))?,
    ))
}

#[utoipa::path(post, path = "/api/cases/{case}/journal/verify", params(("case" = String, Path)), responses((status = 200, body = Object)))]
pub async fn verify(ApiOpen { vault, session }: ApiOpen, Path(case): Path<String>) -> ApiResult<Response> {
    let case = case_id(&session, &case)?;
    Ok(json(
        vault
            .verify_journal(&case)
            .await
            .map_err(|e| ApiError::app(&session, &e))?,
    ))
}
