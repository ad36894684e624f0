//! The survivor decides their plan in the browser: what matters most to
//! them (ranked), then each offered option chosen, not now, or later, with
//! a note. Options are offered by the case's assessments and checks; the
//! survivor's ranking orders them. Recording makes the next plan version.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::Path;
use axum::response::{IntoResponse, Redirect};
use cairn_app::PlanRequest;
use cairn_app::assessment::plan::PRIORITIES;
use cairn_app::core::{Named, PlanDecision};
use cairn_i18n::Tr;

use super::{case_id, load_case};
use crate::render::{FormData, Layout, Open, PageError, PageResult, page};
use crate::state::Session;

struct PriorityView {
    id: &'static str,
    label: String,
    /// Each rank that can be chosen, and whether it is this one's.
    ranks: Vec<(usize, bool)>,
}

struct OptionDecision {
    id: String,
    title: String,
    category: String,
    why: String,
    decision: &'static str,
    note: String,
}

#[derive(Template)]
#[template(path = "plan_form.html")]
struct DecidePage {
    l: Layout,
    case: String,
    priorities: Vec<PriorityView>,
    options: Vec<OptionDecision>,
    decisions: Vec<(&'static str, String)>,
}

pub async fn form(Open { vault, session }: Open, Path(raw): Path<String>) -> PageResult {
    render(&vault, &session, &raw, None).await
}

async fn render(
    vault: &cairn_app::Vault<cairn_app::SqliteStore>,
    session: &Session,
    raw: &str,
    error: Option<String>,
) -> PageResult {
    let case = case_id(session, raw)?;
    let summary = load_case(vault, session, &case).await?;
    let t = Tr(session.lang);
    let lang = t.0.code();
    let app = |e| PageError::app(session, &e);
    let instruments = cairn_app::instruments(&[]).map_err(app)?;
    let plans = vault.plans(&case).await.map_err(app)?;
    let previous = plans.last().map(|p| &p.value);
    let chosen: Vec<String> = previous.map(|p| p.priorities.clone()).unwrap_or_default();
    let offered = vault.plan_offer(&case, &instruments, &chosen).await.map_err(app)?;
    let options = offered
        .iter()
        .map(|o| {
            let before = previous.and_then(|p| p.options.iter().find(|c| c.option == o.id));
            OptionDecision {
                id: o.id.clone(),
                title: o.title.get(lang).to_owned(),
                category: t.get(&format!("plan-category-{}", o.category)),
                why: o.why.get(lang).to_owned(),
                decision: before.map_or("later", |c| c.decision.name()),
                note: before.and_then(|c| c.note.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let priorities = PRIORITIES
        .iter()
        .map(|p| {
            let rank = chosen.iter().position(|c| c == p).map(|n| n + 1);
            PriorityView {
                id: p,
                label: t.get(&format!("plan-priority-{p}")),
                ranks: (1..=PRIORITIES.len()).map(|r| (r, rank == Some(r))).collect(),
            }
        })
        .collect();
    let decisions = PlanDecision::ALL
        .iter()
        .map(|(name, _)| (*name, t.get(&format!("plan-decision-{name}"))))
        .collect();
    let mut l = Layout::new(session, "plan-web-decide", true).in_case(case.as_str(), &summary.label, "plan");
    l.error = error;
    Ok(page(DecidePage {
        case: case.to_string(),
        priorities,
        options,
        decisions,
        l,
    }))
}

pub async fn decide(Open { vault, session }: Open, Path(raw): Path<String>, form: FormData) -> PageResult {
    let case = case_id(&session, &raw)?;
    let t = Tr(session.lang);
    let mut ranked: Vec<(usize, String)> = PRIORITIES
        .iter()
        .filter_map(|p| {
            let rank = form.get(&format!("rank.{p}"))?.parse::<usize>().ok()?;
            Some((rank, (*p).to_owned()))
        })
        .collect();
    ranked.sort();
    let mut decisions = BTreeMap::new();
    let mut notes = BTreeMap::new();
    for (key, value) in form.pairs() {
        if let Some(option) = key.strip_prefix("d.") {
            if let Ok(decision) = PlanDecision::parse_named(value) {
                decisions.insert(option.to_owned(), decision);
            }
        } else if let Some(option) = key.strip_prefix("n.") {
            let note = value.trim();
            if !note.is_empty() {
                notes.insert(option.to_owned(), note.to_owned());
            }
        }
    }
    let request = PlanRequest {
        priorities: ranked.into_iter().map(|(_, p)| p).collect(),
        decisions,
        notes,
    };
    let instruments = cairn_app::instruments(&[]).map_err(|e| PageError::app(&session, &e))?;
    match vault.build_plan(&case, &instruments, &request).await {
        Ok(_) => Ok(Redirect::to(&format!("/cases/{case}/plan")).into_response()),
        Err(e @ cairn_app::AppError::Assessment(_)) => {
            let mut response = render(&vault, &session, &raw, Some(cairn_i18n::describe_app_error(t, &e))).await?;
            *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(PageError::app(&session, &e)),
    }
}
