//! Taking an assessment in the browser, without JavaScript: every question
//! of the instrument on one page (repeated sub-forms shown a chosen number
//! of times), the incident log's suggestions beside the questions they
//! concern — never filled in for the advocate —, an optional note and
//! source for each answer, and a professional override that can only
//! raise the level, with its reason. On submit the answers are checked like
//! an answers file, the skip logic drops questions that were not asked, and
//! the result is recorded.

use askama::Template;
use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Redirect};
use cairn_app::assessment::answers::read_typed;
use cairn_app::assessment::suggest::Basis;
use cairn_app::assessment::{AnswerKind, Answers, Instrument, OverrideRequest};
use cairn_app::core::{InformationSource, Named, RecordedAnswer};
use cairn_i18n::{Arg, Tr};
use serde::Deserialize;

use super::{case_id, load_case};
use crate::render::{FormData, Layout, Open, PageError, PageResult, page};
use crate::state::Session;

/// How many instances of a repeated sub-form the page offers at most.
const MOST_INSTANCES: u32 = 10;

struct ChoiceView {
    value: String,
    label: String,
}

struct QuestionView {
    /// The form field's name: `a.ITEM` or `a.ITEM.N`.
    field: String,
    text: String,
    help: Option<String>,
    kind: &'static str,
    choices: Vec<ChoiceView>,
    suggestion: Option<String>,
}

struct SectionView {
    title: String,
    instance: Option<String>,
    questions: Vec<QuestionView>,
}

#[derive(Template)]
#[template(path = "assess_form.html")]
struct FormPage {
    l: Layout,
    case: String,
    instrument: String,
    title: String,
    purpose: String,
    caveats: String,
    sections: Vec<SectionView>,
    sources: Vec<ChoiceView>,
    levels: Vec<ChoiceView>,
    repeats: u32,
}

#[derive(Deserialize, Default)]
pub struct FormParams {
    repeat: Option<u32>,
}

fn find(session: &Session, id: &str) -> Result<Instrument, PageError> {
    let all = cairn_app::instruments(&[]).map_err(|e| PageError::app(session, &e))?;
    all.into_iter()
        .find(|i| i.id == id)
        .ok_or_else(|| PageError::not_found(session))
}

fn field(item: &str, instance: Option<u32>) -> String {
    match instance {
        Some(n) => format!("{item}.{n}"),
        None => item.to_owned(),
    }
}

pub async fn form(
    Open { vault, session }: Open,
    Path((raw, id)): Path<(String, String)>,
    Query(params): Query<FormParams>,
) -> PageResult {
    let repeats = params.repeat.unwrap_or(1).clamp(1, MOST_INSTANCES);
    render(&vault, &session, &raw, &id, repeats, None).await
}

async fn render(
    vault: &cairn_app::Vault<cairn_app::SqliteStore>,
    session: &Session,
    raw: &str,
    id: &str,
    repeats: u32,
    error: Option<String>,
) -> PageResult {
    let case = case_id(session, raw)?;
    let summary = load_case(vault, session, &case).await?;
    let instrument = find(session, id)?;
    let t = Tr(session.lang);
    let lang = t.0.code();
    let suggestions = vault
        .suggestions(&case, &instrument)
        .await
        .map_err(|e| PageError::app(session, &e))?;
    let suggestion = |item: &str| {
        suggestions.iter().find(|s| s.item == item).map(|s| match s.basis {
            Basis::Behaviours { count } => t.with("assess-suggest-behaviours", &[("count", Arg::Number(count as f64))]),
            Basis::Increasing { recent, before } => t.with(
                "assess-suggest-increasing",
                &[
                    ("recent", Arg::Number(recent as f64)),
                    ("before", Arg::Number(before as f64)),
                ],
            ),
        })
    };
    let special = [
        ChoiceView {
            value: "unknown".into(),
            label: t.get("assess-web-unknown"),
        },
        ChoiceView {
            value: "declined".into(),
            label: t.get("assess-web-declined"),
        },
    ];
    let question = |item_id: &str, instance: Option<u32>| {
        let item = instrument.item(item_id)?;
        let (kind, mut choices) = match item.answer {
            AnswerKind::YesNo => (
                "radio",
                vec![
                    ChoiceView {
                        value: "yes".into(),
                        label: t.get("assess-web-yes"),
                    },
                    ChoiceView {
                        value: "no".into(),
                        label: t.get("assess-web-no"),
                    },
                ],
            ),
            AnswerKind::SingleChoice | AnswerKind::MultipleChoice => (
                if item.answer == AnswerKind::SingleChoice {
                    "radio"
                } else {
                    "checkbox"
                },
                item.choices
                    .iter()
                    .map(|c| ChoiceView {
                        value: c.id.clone(),
                        label: c.text.get(lang).to_owned(),
                    })
                    .collect(),
            ),
            AnswerKind::Number => ("number", Vec::new()),
            AnswerKind::Date => ("date", Vec::new()),
            _ => ("text", Vec::new()),
        };
        if kind == "radio" {
            choices.extend(special.iter().map(|c| ChoiceView {
                value: c.value.clone(),
                label: c.label.clone(),
            }));
        }
        Some(QuestionView {
            field: field(item_id, instance),
            text: item.text.get(lang).to_owned(),
            help: item.help.as_ref().map(|h| h.get(lang).to_owned()),
            kind,
            choices,
            suggestion: suggestion(item_id),
        })
    };
    let mut sections = Vec::new();
    for section in &instrument.sections {
        let title = section.title.get(lang).to_owned();
        match &section.repeat {
            None => sections.push(SectionView {
                title,
                instance: None,
                questions: section.items.iter().filter_map(|i| question(i, None)).collect(),
            }),
            Some(repeat) => {
                for n in 0..repeats.min(repeat.max) {
                    sections.push(SectionView {
                        title: title.clone(),
                        instance: Some(format!("{} {}", repeat.noun.get(lang), n + 1)),
                        questions: section.items.iter().filter_map(|i| question(i, Some(n))).collect(),
                    });
                }
            }
        }
    }
    let mut l = Layout::new(session, "assess-web-take", true).in_case(case.as_str(), &summary.label, "assessments");
    l.error = error;
    Ok(page(FormPage {
        case: case.to_string(),
        instrument: instrument.id.clone(),
        title: instrument.title.get(lang).to_owned(),
        purpose: instrument.purpose.get(lang).to_owned(),
        caveats: instrument.caveats.get(lang).to_owned(),
        sections,
        sources: InformationSource::ALL
            .iter()
            .map(|(name, _)| ChoiceView {
                value: (*name).to_owned(),
                label: t.get(&format!("assess-source-{name}")),
            })
            .collect(),
        levels: instrument
            .levels
            .iter()
            .map(|level| ChoiceView {
                value: level.id.clone(),
                label: level.name.get(lang).to_owned(),
            })
            .collect(),
        repeats,
        l,
    }))
}

/// The answers in the form, read like a typed answer; an unusable value
/// names its question.
fn answers(instrument: &Instrument, form: &FormData, t: Tr) -> Result<Answers, String> {
    let lang = t.0.code();
    let mut answers = Answers::default();
    for section in &instrument.sections {
        let instances: Vec<Option<u32>> = match &section.repeat {
            None => vec![None],
            Some(repeat) => (0..repeat.max.min(MOST_INSTANCES)).map(Some).collect(),
        };
        for instance in instances {
            for item_id in &section.items {
                let Some(item) = instrument.item(item_id) else { continue };
                let name = field(item_id, instance);
                let typed = form.all(&format!("a.{name}")).join(",");
                let value = read_typed(item, &typed).map_err(|problem| {
                    t.with(
                        "assess-web-bad-answer",
                        &[
                            ("question", Arg::Text(item.text.get(lang).to_owned())),
                            ("value", Arg::Text(typed.clone())),
                            ("detail", Arg::Text(cairn_i18n::describe_answer_problem(t, &problem))),
                        ],
                    )
                })?;
                let Some(value) = value else { continue };
                answers.list.push(RecordedAnswer {
                    item: item_id.clone(),
                    instance,
                    value,
                    note: form.text(&format!("n.{name}")),
                    source: form
                        .get(&format!("s.{name}"))
                        .and_then(|s| InformationSource::parse_named(s).ok()),
                });
            }
        }
    }
    Ok(answers.apply_skip_logic(instrument))
}

pub async fn take(
    Open { vault, session }: Open,
    Path((raw, id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let case = case_id(&session, &raw)?;
    let instrument = find(&session, &id)?;
    let t = Tr(session.lang);
    let repeats = form
        .get("repeats")
        .and_then(|r| r.parse().ok())
        .unwrap_or(1)
        .clamp(1, MOST_INSTANCES);
    let refuse = |message: String| async {
        let mut response = render(&vault, &session, &raw, &id, repeats, Some(message)).await?;
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        Ok::<_, PageError>(response)
    };
    let answers = match answers(&instrument, &form, t) {
        Ok(answers) if answers.list.is_empty() => return refuse(t.get("assess-prompt-nothing")).await,
        Ok(answers) => answers,
        Err(message) => return refuse(message).await,
    };
    let raise = form.text("raise_to").map(|level| OverrideRequest {
        level,
        reason: form.text("reason").unwrap_or_default(),
    });
    match vault.take_assessment(&case, &instrument, answers, raise.as_ref()).await {
        Ok(_) => Ok(Redirect::to(&format!("/cases/{case}/assessments")).into_response()),
        Err(e @ cairn_app::AppError::Assessment(_)) => refuse(cairn_i18n::describe_app_error(t, &e)).await,
        Err(e) => Err(PageError::app(&session, &e)),
    }
}
