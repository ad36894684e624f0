//! The JSON API: the same operations as the pages, for scripts and other
//! front ends, described by the OpenAPI document at `/api/openapi.json`.
//!
//! Authentication is the same session cookie as the pages; every write must
//! carry the session's CSRF token in `X-CSRF-Token` (get it from
//! `GET /api/session`).

mod comms;
mod handlers;

use axum::Json;
use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use cairn_i18n::Tr;
use utoipa::OpenApi;

use crate::security::csrf_ok;
use crate::state::{AppState, Session, SharedVault};

pub fn router() -> Router<AppState> {
    use comms::*;
    use handlers::*;
    Router::new()
        .route("/api/openapi.json", get(|| async { Json(ApiDoc::openapi()) }))
        .route("/api/session", get(session))
        .route("/api/unlock", post(unlock))
        .route("/api/lock", post(lock))
        .route("/api/cases", get(list_cases).post(create_case))
        .route("/api/cases/{case}", get(get_case))
        .route("/api/cases/{case}/subjects", get(list_subjects).post(add_subject))
        .route("/api/cases/{case}/incidents", get(list_incidents).post(add_incident))
        .route("/api/cases/{case}/incidents/{id}", get(get_incident))
        .route("/api/cases/{case}/incidents/{id}/amend", post(amend_incident))
        .route(
            "/api/cases/{case}/evidence",
            get(list_evidence)
                .post(upload_evidence)
                .layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route("/api/cases/{case}/evidence/{id}", get(get_evidence))
        .route("/api/cases/{case}/timeline", get(timeline))
        .route("/api/cases/{case}/messages", get(list_messages))
        .route("/api/cases/{case}/counterparts", get(list_counterparts))
        .route("/api/cases/{case}/imports", get(list_imports))
        .route("/api/cases/{case}/journal", get(checkpoint))
        .route("/api/cases/{case}/journal/verify", post(verify))
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Cairn local API",
        description = "Everything the Cairn web app does, as JSON. Listens on loopback only."
    ),
    paths(
        handlers::session,
        handlers::unlock,
        handlers::lock,
        handlers::list_cases,
        handlers::create_case,
        handlers::get_case,
        handlers::list_subjects,
        handlers::add_subject,
        handlers::list_incidents,
        handlers::add_incident,
        handlers::get_incident,
        handlers::amend_incident,
        handlers::list_evidence,
        handlers::upload_evidence,
        handlers::get_evidence,
        handlers::timeline,
        comms::list_messages,
        comms::list_counterparts,
        comms::list_imports,
        handlers::checkpoint,
        handlers::verify
    ),
    components(schemas(
        handlers::NewCase,
        handlers::NewSubject,
        handlers::NewIncident,
        handlers::Amendment,
        handlers::Unlock,
        ApiErrorBody
    ))
)]
pub struct ApiDoc;

/// An error as JSON, worded in the session's language.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ApiErrorBody {
    pub error: String,
}

pub struct ApiError(pub(crate) StatusCode, pub(crate) String);

impl ApiError {
    pub fn app(session: &Session, e: &cairn_app::AppError) -> Self {
        use cairn_app::AppError;
        let status = match e {
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::WrongPassphrase(_) => StatusCode::UNAUTHORIZED,
            AppError::NotInCase { .. }
            | AppError::NoSuchCase(_)
            | AppError::NoSuchEvent { .. }
            | AppError::NoSuchCheckpoint { .. } => StatusCode::NOT_FOUND,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError(status, cairn_i18n::describe_app_error(Tr(session.lang), e))
    }

    pub fn status(session: &Session, status: StatusCode, message_id: &str) -> Self {
        ApiError(status, Tr(session.lang).get(message_id))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(ApiErrorBody { error: self.1 })).into_response()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// A session with the vault open; for writes, also a valid `X-CSRF-Token`.
pub struct ApiOpen {
    pub vault: SharedVault,
    pub session: Session,
}

// A `Response` is axum's rejection type; these feed extractors that return it.
#[allow(clippy::result_large_err)]
fn session_of(parts: &Parts) -> Result<Session, Response> {
    parts
        .extensions
        .get::<Session>()
        .cloned()
        .ok_or_else(|| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

/// Checks `X-CSRF-Token` on anything but a read.
#[allow(clippy::result_large_err)]
fn csrf_checked(parts: &Parts, session: &Session) -> Result<(), Response> {
    if matches!(parts.method, Method::GET | Method::HEAD) {
        return Ok(());
    }
    let token = parts
        .headers
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if csrf_ok(session, token) {
        Ok(())
    } else {
        Err(ApiError::status(session, StatusCode::FORBIDDEN, "error-csrf").into_response())
    }
}

impl FromRequestParts<AppState> for ApiOpen {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let session = session_of(parts)?;
        csrf_checked(parts, &session)?;
        match state.vault_for(&session).await {
            Some(vault) => Ok(ApiOpen { vault, session }),
            None => Err(ApiError::status(&session, StatusCode::UNAUTHORIZED, "error-locked").into_response()),
        }
    }
}

/// A session (open or not) whose write carries a valid CSRF token.
pub struct ApiSession(pub Session);

impl FromRequestParts<AppState> for ApiSession {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Response> {
        let session = session_of(parts)?;
        csrf_checked(parts, &session)?;
        Ok(ApiSession(session))
    }
}
