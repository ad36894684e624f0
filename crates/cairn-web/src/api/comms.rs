//! JSON for what imports put in a case: its messages and calls, the
//! numbers and names they name, and the imports themselves.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;

use super::handlers::{case_id, json};
use super::{ApiError, ApiOpen, ApiResult};
use crate::pages::messages::{MessagesParams, cursor};

fn bad_filter(session: &crate::state::Session, value: String) -> ApiError {
    ApiError(
        StatusCode::UNPROCESSABLE_ENTITY,
        cairn_i18n::Tr(session.lang).arg("comms-bad-filter", "value", value),
    )
}

/// One page of the case's imported messages and calls, oldest first; pass `next` back as `after` for the following page.
#[utoipa::path(
    get,
    path = "/api/cases/{case}/messages",
    params(
        ("case" = String, Path),
        ("counterpart" = Option<u32>, Query, description = "a counterpart's id"),
        ("subject" = Option<String>, Query, description = "a subject's id: every counterpart matched to them"),
        ("review" = Option<String>, Query, description = "any value: only those flagged for review"),
        ("from" = Option<String>, Query, description = "YYYY-MM-DD, in the server's time zone"),
        ("to" = Option<String>, Query, description = "YYYY-MM-DD, inclusive"),
        ("after" = Option<String>, Query, description = "`next` of the previous page"),
        ("limit" = Option<u32>, Query, description = "1 to 1000, default 100")
    ),
    responses((status = 200, body = Object), (status = 422, body = super::ApiErrorBody))
)]
pub async fn list_messages(
    ApiOpen { vault, session }: ApiOpen,
    Path(case): Path<String>,
    Query(params): Query<MessagesParams>,
) -> ApiResult<Response> {
    let case = case_id(&session, &case)?;
    let counterparts = vault
        .counterparts(&case)
        .await
        .map_err(|e| ApiError::app(&session, &e))?;
    let limit = params.limit().map_err(|v| bad_filter(&session, v))?;
    let query = params
        .query(&counterparts, limit)
        .map_err(|v| bad_filter(&session, v))?;
    let messages = vault
        .communications(&case, &query)
        .await
        .map_err(|e| ApiError::app(&session, &e))?;
    let next = (messages.len() as u32 == limit)
        .then(|| messages.last().map(cursor))
        .flatten();
    Ok(json(serde_json::json!({ "messages": messages, "next": next })))
}

/// Every number, address and name the case's imports name, with counts, first and last, and the matched subject.
#[utoipa::path(get, path = "/api/cases/{case}/counterparts", params(("case" = String, Path)), responses((status = 200, body = [Object])))]
pub async fn list_counterparts(ApiOpen { vault, session }: ApiOpen, Path(case): Path<String>) -> ApiResult<Response> {
    let case = case_id(&session, &case)?;
    Ok(json(
        vault
            .counterparts(&case)
            .await
            .map_err(|e| ApiError::app(&session, &e))?,
    ))
}

/// The case's imports as the journal recorded them, oldest first.
#[utoipa::path(get, path = "/api/cases/{case}/imports", params(("case" = String, Path)), responses((status = 200, body = [Object])))]
pub async fn list_imports(ApiOpen { vault, session }: ApiOpen, Path(case): Path<String>) -> ApiResult<Response> {
    let case = case_id(&session, &case)?;
    Ok(json(
        vault.imports(&case).await.map_err(|e| ApiError::app(&session, &e))?,
    ))
}
