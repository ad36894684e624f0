//! Everyone the case's imports named, and saying which of them is a
//! person causing harm (so that their messages count as that person's).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use cairn_app::Counterpart;
use cairn_app::core::{Subject, SubjectId};
use cairn_i18n::Tr;
use serde::Deserialize;

use super::{case_id, load_case};
use crate::render::{FormData, Layout, Open, PageError, PageResult, page};

/// One counterpart as a row: what to show, and what the assign form needs.
pub struct CounterpartView {
    pub id: u32,
    /// The number, address or name, or the words for a withheld number.
    pub shown: String,
    pub name: Option<String>,
    pub count: String,
    pub first: String,
    pub last: String,
    /// The matched subject's name.
    pub subject: Option<String>,
    /// A withheld number stands for many unknown callers: never assignable.
    pub withheld: bool,
    pub messages_href: String,
}

pub fn counterpart_view(t: Tr, case: &str, c: &Counterpart, names: &HashMap<String, String>) -> CounterpartView {
    let withheld = c.value.is_empty();
    let when = |at: Option<jiff::Timestamp>| at.map(|at| t.timestamp(at)).unwrap_or_default();
    CounterpartView {
        id: c.id,
        shown: if withheld {
            t.get("counterpart-withheld")
        } else {
            c.value.clone()
        },
        name: c.name.clone().filter(|n| !n.trim().is_empty()),
        count: t.number(c.communications),
        first: when(c.first),
        last: when(c.last),
        subject: c
            .subject
            .as_ref()
            .map(|s| names.get(s.as_str()).cloned().unwrap_or_else(|| s.to_string())),
        withheld,
        messages_href: format!("/cases/{case}/messages?counterpart={}", c.id),
    }
}

/// `(id, name)` pairs for the assign form's select, and the same as a map
/// for naming matched subjects.
pub fn subject_choices(subjects: &[Subject]) -> (HashMap<String, String>, Vec<(String, String)>) {
    let choices: Vec<(String, String)> = subjects.iter().map(|s| (s.id.to_string(), s.name.clone())).collect();
    (choices.iter().cloned().collect(), choices)
}

#[derive(Template)]
#[template(path = "counterparts.html")]
struct ListPage {
    l: Layout,
    case: String,
    rows: Vec<CounterpartView>,
    subjects: Vec<(String, String)>,
}

#[derive(Deserialize, Default)]
pub struct ListParams {
    /// The counterpart just assigned, to confirm it.
    assigned: Option<String>,
}

pub async fn list(
    Open { vault, session }: Open,
    Path(raw): Path<String>,
    Query(params): Query<ListParams>,
) -> PageResult {
    let case = case_id(&session, &raw)?;
    let summary = load_case(&vault, &session, &case).await?;
    let all = vault
        .counterparts(&case)
        .await
        .map_err(|e| PageError::app(&session, &e))?;
    let subjects = vault.subjects(&case).await.map_err(|e| PageError::app(&session, &e))?;
    let t = Tr(session.lang);
    let (names, choices) = subject_choices(&subjects);
    let id = case.to_string();
    let mut l = Layout::new(&session, "title-counterparts", true).in_case(&id, &summary.label, "counterparts");
    let assigned = params.assigned.and_then(|a| a.parse::<u32>().ok());
    if let Some(c) = assigned.and_then(|a| all.iter().find(|c| c.id == a)) {
        let view = counterpart_view(t, &id, c, &names);
        if let Some(subject) = view.subject {
            l.notice = Some(t.with(
                "assign-done",
                &[
                    ("counterpart", cairn_i18n::Arg::Text(view.shown)),
                    ("subject", cairn_i18n::Arg::Text(subject)),
                ],
            ));
        }
    }
    Ok(page(ListPage {
        rows: all.iter().map(|c| counterpart_view(t, &id, c, &names)).collect(),
        subjects: choices,
        case: id,
        l,
    }))
}

/// Adds a counterpart to a subject's identifiers, then shows the list again.
pub async fn assign(Open { vault, session }: Open, Path(raw): Path<String>, form: FormData) -> PageResult {
    let case = case_id(&session, &raw)?;
    let t = Tr(session.lang);
    let refuse = |id: &str| PageError::new(&session, StatusCode::UNPROCESSABLE_ENTITY, t.get(id));
    let subject: SubjectId = form
        .text("subject")
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| refuse("assign-choose-subject"))?;
    let all = vault
        .counterparts(&case)
        .await
        .map_err(|e| PageError::app(&session, &e))?;
    let wanted = form.text("counterpart").and_then(|c| c.parse::<u32>().ok());
    let Some(counterpart) = all.iter().find(|c| Some(c.id) == wanted) else {
        return Err(PageError::not_found(&session));
    };
    if counterpart.value.is_empty() {
        return Err(refuse("assign-withheld"));
    }
    vault
        .assign_counterpart(&case, &subject, &counterpart.value)
        .await
        .map_err(|e| PageError::app(&session, &e))?;
    Ok(Redirect::to(&format!("/cases/{case}/counterparts?assigned={}", counterpart.id)).into_response())
}
