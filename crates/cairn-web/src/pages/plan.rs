//! Assessments and the safety plan, read-only: the assessment history with
//! what changed since last time, and the latest plan as a print-styled page.
//! The plan's "safe copy" has a neutral title and carries no case details
//! (no case code, dates, notes or declined options), so a printout found by
//! the person causing harm says as little as possible.

use askama::Template;
use axum::extract::{Path, Query};
use cairn_app::assessment::Instrument;
use cairn_app::assessment::resources::parse_directory;
use cairn_app::core::{Named, PlanDecision};
use cairn_i18n::{Arg, Tr};
use serde::Deserialize;

use super::{case_id, load_case};
use crate::render::{Layout, Open, PageError, PageResult, page};

struct AssessmentRow {
    date: String,
    title: String,
    level: String,
    raised: Option<String>,
    why: Vec<String>,
}

#[derive(Template)]
#[template(path = "assessments.html")]
struct AssessmentsPage {
    l: Layout,
    case: String,
    /// `(id, title)` of each instrument that can be taken.
    take: Vec<(String, String)>,
    rows: Vec<AssessmentRow>,
    changes: Vec<(String, Vec<String>)>,
    caveat: String,
}

struct StepView {
    text: String,
    caution: Option<String>,
}

struct OptionView {
    title: String,
    category: String,
    decision: String,
    why: String,
    steps: Vec<StepView>,
    resources: Vec<String>,
}

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage {
    l: Layout,
    heading: String,
    case: String,
    safe: bool,
    priorities: String,
    options: Vec<OptionView>,
}

#[derive(Deserialize, Default)]
pub struct PlanParams {
    safe: Option<String>,
}

fn level_name(instruments: &[Instrument], instrument: &str, level: &str, lang: &str) -> (String, String) {
    match instruments.iter().find(|i| i.id == instrument) {
        Some(i) => (
            i.title.get(lang).to_owned(),
            i.level(level)
                .map_or_else(|| level.to_owned(), |l| l.name.get(lang).to_owned()),
        ),
        None => (instrument.to_owned(), level.to_owned()),
    }
}

pub async fn assessments(Open { vault, session }: Open, Path(raw): Path<String>) -> PageResult {
    let case = case_id(&session, &raw)?;
    let summary = load_case(&vault, &session, &case).await?;
    let t = Tr(session.lang);
    let lang = t.0.code();
    let app = |e| PageError::app(&session, &e);
    let instruments = cairn_app::instruments(&[]).map_err(app)?;
    let all = vault.assessments(&case).await.map_err(app)?;
    let rows = all
        .iter()
        .rev()
        .map(|a| {
            let (title, level) = level_name(&instruments, &a.value.instrument, &a.value.level, lang);
            let instrument = instruments.iter().find(|i| i.id == a.value.instrument);
            let why = a
                .value
                .triggered
                .iter()
                .filter_map(|id| instrument?.rules.iter().find(|r| &r.id == id))
                .map(|r| r.why.get(lang).to_owned())
                .collect();
            AssessmentRow {
                date: t.timestamp(a.recorded_at),
                title,
                level,
                raised: a.value.level_override.as_ref().map(|o| o.reason.clone()),
                why,
            }
        })
        .collect();
    let changes = vault
        .assessment_changes(&case)
        .await
        .map_err(app)?
        .into_iter()
        .map(|(id, c)| {
            let mut lines = Vec::new();
            if let Some((before, after)) = &c.level {
                let (_, b) = level_name(&instruments, &id, before, lang);
                let (_, a) = level_name(&instruments, &id, after, lang);
                lines.push(t.with(
                    "assess-change-level",
                    &[("before", Arg::Text(b)), ("after", Arg::Text(a))],
                ));
            }
            let instrument = instruments.iter().find(|i| i.id == id);
            for change in &c.answers {
                let item = instrument
                    .and_then(|i| i.item(&change.item))
                    .map_or(change.item.clone(), |i| i.text.get(lang).to_owned());
                let before = cairn_i18n::describe_answer(t, change.before.as_ref());
                let after = cairn_i18n::describe_answer(t, change.after.as_ref());
                let args = [
                    ("item", Arg::Text(item)),
                    ("before", Arg::Text(before)),
                    ("after", Arg::Text(after)),
                ];
                lines.push(t.with("assess-change-answer", &args));
            }
            if c.is_empty() {
                lines.push(t.get("assess-change-none"));
            }
            let (title, _) = level_name(&instruments, &id, "", lang);
            (title, lines)
        })
        .collect();
    let mut l = Layout::new(&session, "assess-web-heading", true).in_case(case.as_str(), &summary.label, "assessments");
    l.notice = None;
    let take = instruments
        .iter()
        .map(|i| (i.id.clone(), i.title.get(lang).to_owned()))
        .collect();
    Ok(page(AssessmentsPage {
        l,
        case: case.to_string(),
        take,
        rows,
        changes,
        caveat: t.get("assess-list-note"),
    }))
}

pub async fn plan(
    Open { vault, session }: Open,
    Path(raw): Path<String>,
    Query(params): Query<PlanParams>,
) -> PageResult {
    let case = case_id(&session, &raw)?;
    let summary = load_case(&vault, &session, &case).await?;
    let t = Tr(session.lang);
    let lang = t.0.code();
    let safe = params.safe.is_some_and(|s| s == "1");
    let app = |e| PageError::app(&session, &e);
    let rules = cairn_app::plan_rules().map_err(app)?;
    let (file, text) = cairn_app::assessment::bundled::RESOURCES;
    let resources = parse_directory(file, text).map_err(|e| app(e.into()))?;
    let plans = vault.plans(&case).await.map_err(app)?;
    let latest = plans.last();
    let options = latest
        .map(|p| p.value.options.as_slice())
        .unwrap_or_default()
        .iter()
        .filter(|c| !(safe && c.decision == PlanDecision::Declined))
        .filter_map(|c| rules.option(&c.option).map(|o| (c, o)))
        .map(|(choice, o)| OptionView {
            title: o.title.get(lang).to_owned(),
            category: t.get(&format!("plan-category-{}", o.category)),
            decision: t.get(&format!("plan-decision-{}", choice.decision.name())),
            why: o.why.get(lang).to_owned(),
            steps: o
                .steps
                .iter()
                .map(|s| StepView {
                    text: s.text.get(lang).to_owned(),
                    caution: s.caution.as_ref().map(|c| c.get(lang).to_owned()),
                })
                .collect(),
            resources: o
                .resources
                .iter()
                .filter_map(|id| resources.iter().find(|r| &r.id == id))
                .map(|r| r.one_line())
                .collect(),
        })
        .collect();
    let (heading, priorities) = match (safe, latest) {
        (true, _) => (t.get("plan-safe-title"), String::new()),
        (false, Some(p)) => {
            let version = p.value.version.to_string();
            let date = t.timestamp(p.recorded_at);
            let list: Vec<String> = p
                .value
                .priorities
                .iter()
                .map(|x| t.get(&format!("plan-priority-{x}")))
                .collect();
            (
                t.with(
                    "plan-title",
                    &[("version", Arg::Text(version)), ("date", Arg::Text(date))],
                ),
                if list.is_empty() {
                    String::new()
                } else {
                    t.with("plan-priorities", &[("list", Arg::Text(list.join(", ")))])
                },
            )
        }
        (false, None) => (t.get("plan-none"), String::new()),
    };
    // The safe copy leaves the case navigation (code and label) out entirely.
    let l = if safe {
        Layout::new(&session, "plan-safe-title", true)
    } else {
        Layout::new(&session, "plan-web-heading", true).in_case(case.as_str(), &summary.label, "plan")
    };
    Ok(page(PlanPage {
        l,
        heading,
        case: case.to_string(),
        safe,
        priorities,
        options,
    }))
}

/// The latest plan as a PDF download, in full or as the safe copy (whose
/// file name is as neutral as its title). Built in memory: nothing
/// unencrypted is written on the way to the browser.
pub async fn plan_pdf(
    Open { vault, session }: Open,
    Path(raw): Path<String>,
    Query(params): Query<PlanParams>,
) -> Result<axum::response::Response, PageError> {
    use axum::http::header;
    use axum::response::IntoResponse;
    let case = case_id(&session, &raw)?;
    load_case(&vault, &session, &case).await?;
    let safe = params.safe.is_some_and(|s| s == "1");
    let request = cairn_app::PlanPdfRequest {
        case: case.clone(),
        safe_copy: safe,
        destination: cairn_app::Destination::Memory {
            limit: 64 * 1024 * 1024,
        },
    };
    let wording = std::sync::Arc::new(cairn_i18n::export::PacketText(Tr(session.lang)));
    let written = vault
        .export_plan_pdf(request, wording)
        .await
        .map_err(|e| PageError::app(&session, &e))?;
    let cairn_app::Written::Memory(bytes) = written else {
        return Err(PageError::not_found(&session));
    };
    let name = if safe {
        "notes.pdf".to_owned()
    } else {
        format!("{case}-safety-plan.pdf")
    };
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        bytes,
    )
        .into_response())
}
