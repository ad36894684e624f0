//! The people causing harm in a case.

use askama::Template;
use axum::extract::Path;
use axum::response::{IntoResponse, Redirect};
use cairn_app::SubjectInput;
use cairn_app::core::{Named, Relationship, Subject};
use cairn_i18n::Tr;

use super::{case_id, load_case};
use crate::render::{FormData, Layout, Open, PageError, PageResult, page};

#[derive(Template)]
#[template(path = "subjects.html")]
struct SubjectsPage {
    l: Layout,
    case: String,
    subjects: Vec<(Subject, String)>,
    relationships: Vec<(String, String)>,
}

pub async fn list(Open { vault, session }: Open, Path(case): Path<String>) -> PageResult {
    render(&vault, &session, &case, None).await
}

async fn render(
    vault: &cairn_app::Vault<cairn_app::SqliteStore>,
    session: &crate::state::Session,
    raw: &str,
    error: Option<String>,
) -> PageResult {
    let case = case_id(session, raw)?;
    let summary = load_case(vault, session, &case).await?;
    let subjects = vault.subjects(&case).await.map_err(|e| PageError::app(session, &e))?;
    let t = Tr(session.lang);
    let mut l = Layout::new(session, "title-subjects", true).in_case(case.as_str(), &summary.label, "subjects");
    l.error = error;
    Ok(page(SubjectsPage {
        case: case.to_string(),
        subjects: subjects
            .into_iter()
            .map(|s| {
                let relationship = t.get(&format!("relationship-{}", s.relationship.name()));
                (s, relationship)
            })
            .collect(),
        relationships: Relationship::ALL
            .iter()
            .map(|(name, _)| (name.to_string(), t.get(&format!("relationship-{name}"))))
            .collect(),
        l,
    }))
}

pub async fn add(Open { vault, session }: Open, Path(raw): Path<String>, form: FormData) -> PageResult {
    let case = case_id(&session, &raw)?;
    let input = SubjectInput {
        name: form.get("name").unwrap_or_default().to_owned(),
        relationship: form.get("relationship").unwrap_or_default().to_owned(),
        phones: lines(form.get("phones")),
        emails: lines(form.get("emails")),
        handles: lines(form.get("handles")),
        notes: form.text("notes"),
        region: form.text("region").unwrap_or_else(|| "US".into()),
    };
    match vault.add_subject(&case, input).await {
        Ok(_) => Ok(Redirect::to(&format!("/cases/{case}/subjects")).into_response()),
        Err(e @ cairn_app::AppError::Invalid(_)) => {
            let message = cairn_i18n::describe_app_error(Tr(session.lang), &e);
            let mut response = render(&vault, &session, &raw, Some(message)).await?;
            *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(PageError::app(&session, &e)),
    }
}

/// One value per line (or comma) in a textarea.
pub fn lines(text: Option<&str>) -> Vec<String> {
    text.unwrap_or_default()
        .split(['\n', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}
