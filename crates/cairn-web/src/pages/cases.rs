//! The list of cases and opening a new one.

use askama::Template;
use axum::response::{IntoResponse, Redirect};

use crate::render::{FormData, Layout, Open, PageError, PageResult, page};

#[derive(Template)]
#[template(path = "cases.html")]
struct CasesPage {
    l: Layout,
    cases: Vec<cairn_app::CaseSummary>,
}

pub async fn list(Open { vault, session }: Open) -> PageResult {
    let cases = vault.cases().await.map_err(|e| PageError::app(&session, &e))?;
    let mut l = Layout::new(&session, "title-cases", true);
    l.nav = "cases";
    Ok(page(CasesPage { l, cases }))
}

pub async fn create(Open { vault, session }: Open, form: FormData) -> PageResult {
    let case = vault
        .open_case(form.get("label").unwrap_or_default())
        .await
        .map_err(|e| PageError::app(&session, &e))?;
    Ok(Redirect::to(&format!("/cases/{}", case.id)).into_response())
}
