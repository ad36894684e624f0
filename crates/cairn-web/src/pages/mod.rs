//! HTML pages, one module per area. Every page works without JavaScript.

pub mod assess_form;
pub mod auth;
pub mod case;
pub mod cases;
pub mod checks;
pub mod counterparts;
pub mod evidence;
pub mod export;
pub mod import;
pub mod import_result;
pub mod incidents;
pub mod journal;
pub mod messages;
pub mod pattern;
pub mod plan;
pub mod plan_form;
pub mod resources;
pub mod subjects;

use axum::http::StatusCode;
use cairn_app::core::CaseId;
use cairn_app::{CaseSummary, SqliteStore, Vault};

use crate::render::PageError;
use crate::state::Session;

/// Parses a case id from the URL; a bad one is a "not found" page.
pub fn case_id(session: &Session, raw: &str) -> Result<CaseId, PageError> {
    raw.parse().map_err(|_| PageError::not_found(session))
}

pub async fn load_case(vault: &Vault<SqliteStore>, session: &Session, case: &CaseId) -> Result<CaseSummary, PageError> {
    vault.case(case).await.map_err(|e| PageError::app(session, &e))
}

/// Parses any typed id from the URL.
pub fn parse_id<T: std::str::FromStr>(session: &Session, raw: &str) -> Result<T, PageError> {
    raw.parse().map_err(|_| {
        PageError::new(
            session,
            StatusCode::NOT_FOUND,
            cairn_i18n::Tr(session.lang).get("error-page-not-found"),
        )
    })
}
