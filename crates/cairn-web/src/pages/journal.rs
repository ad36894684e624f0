//! The journal's state: latest signed checkpoint, and verification on request.

use askama::Template;
use axum::extract::Path;
use cairn_app::core::Checkpoint;
use cairn_i18n::Tr;

use super::{case_id, load_case};
use crate::render::{FormData, Layout, Open, PageError, PageResult, page};

#[derive(Template)]
#[template(path = "journal.html")]
struct JournalPage {
    l: Layout,
    case: String,
    checkpoint: Checkpoint,
    checkpoint_time: String,
    /// After "verify now": whether it passed, and the problems worded.
    verified: Option<(bool, u64, Vec<String>)>,
}

async fn render(open: Open, raw: &str, verify: bool) -> PageResult {
    let Open { vault, session } = open;
    let case = case_id(&session, raw)?;
    let summary = load_case(&vault, &session, &case).await?;
    let checkpoint = vault
        .checkpoint(&case)
        .await
        .map_err(|e| PageError::app(&session, &e))?;
    let t = Tr(session.lang);
    let verified = if verify {
        let report = vault
            .verify_journal(&case)
            .await
            .map_err(|e| PageError::app(&session, &e))?;
        Some((
            report.ok(),
            report.size,
            report
                .problems
                .iter()
                .map(|p| cairn_i18n::describe_problem(t, p))
                .collect(),
        ))
    } else {
        None
    };
    let l = Layout::new(&session, "title-journal", true).in_case(case.as_str(), &summary.label, "journal");
    Ok(page(JournalPage {
        l,
        case: case.to_string(),
        checkpoint_time: t.timestamp(checkpoint.body.time),
        checkpoint,
        verified,
    }))
}

pub async fn show(open: Open, Path(raw): Path<String>) -> PageResult {
    render(open, &raw, false).await
}

pub async fn verify(open: Open, Path(raw): Path<String>, _form: FormData) -> PageResult {
    render(open, &raw, true).await
}
