//! Recording, amending and showing incidents.

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use cairn_app::core::{Behaviour, Channel, EventBody, Incident, IncidentId, Named, Slii};
use cairn_app::{IncidentChanges, IncidentInput, SqliteStore, Vault};
use cairn_i18n::Tr;

use super::subjects::lines;
use super::{case_id, load_case, parse_id};
use crate::render::{FormData, Layout, Open, PageError, PageResult, page};
use crate::state::Session;

/// What the form shows: as typed, so a refused form comes back filled in.
#[derive(Default)]
pub struct Values {
    pub date: String,
    pub time: String,
    pub approximate: bool,
    pub channel: String,
    pub behaviours: Vec<String>,
    pub subject: String,
    pub narrative: String,
    pub location: String,
    pub witnesses: String,
    pub police_report: String,
    pub injuries: String,
    pub fear: String,
    pub evidence: Vec<String>,
    pub reason: String,
}

impl Values {
    fn from_form(form: &FormData) -> Self {
        let text = |name: &str| form.get(name).unwrap_or_default().to_owned();
        Values {
            date: text("date"),
            time: text("time"),
            approximate: form.checked("approximate"),
            channel: text("channel"),
            behaviours: form.all("behaviour"),
            subject: text("subject"),
            narrative: text("narrative"),
            location: text("location"),
            witnesses: text("witnesses"),
            police_report: text("police_report"),
            injuries: text("injuries"),
            fear: text("fear"),
            evidence: form.all("evidence"),
            reason: text("reason"),
        }
    }

    fn from_incident(i: &Incident) -> Self {
        Values {
            date: i.occurred.date.to_string(),
            time: i
                .occurred
                .time
                .map(|t| t.strftime("%H:%M").to_string())
                .unwrap_or_default(),
            approximate: i.occurred.precision == cairn_app::core::Precision::Approximate,
            channel: i.channel.name().to_owned(),
            behaviours: i
                .categories
                .iter()
                .map(|c| c.name().to_owned())
                .chain(i.behaviours.iter().map(|b| b.name().to_owned()))
                .collect(),
            subject: i.subject.as_ref().map(|s| s.to_string()).unwrap_or_default(),
            narrative: i.narrative.clone(),
            location: i.location.clone().unwrap_or_default(),
            witnesses: i.witnesses.join("\n"),
            police_report: i.police_report.clone().unwrap_or_default(),
            injuries: i.injuries.clone().unwrap_or_default(),
            fear: i.fear.map(|f| f.get().to_string()).unwrap_or_default(),
            evidence: i.evidence.iter().map(|e| e.to_string()).collect(),
            reason: String::new(),
        }
    }

    fn when(&self) -> String {
        match self.time.trim() {
            "" => self.date.trim().to_owned(),
            time => format!("{}T{time}", self.date.trim()),
        }
    }

    fn fear(&self) -> Result<Option<i64>, cairn_app::AppError> {
        match self.fear.trim() {
            "" => Ok(None),
            text => text.parse().map(Some).map_err(|_| {
                cairn_app::core::Invalid::new("fear", text, cairn_app::core::Reason::OutOfRange { min: 0, max: 10 })
                    .into()
            }),
        }
    }

    fn input(&self) -> Result<IncidentInput, cairn_app::AppError> {
        let optional = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        Ok(IncidentInput {
            when: self.when(),
            approximate: self.approximate,
            channel: self.channel.clone(),
            behaviours: self.behaviours.clone(),
            subject: optional(&self.subject),
            narrative: self.narrative.clone(),
            location: optional(&self.location),
            witnesses: lines(Some(&self.witnesses)),
            police_report: optional(&self.police_report),
            injuries: optional(&self.injuries),
            fear: self.fear()?,
            evidence: self.evidence.clone(),
        })
    }

    /// An amendment states every field; unchanged ones are simply equal.
    fn changes(&self) -> Result<IncidentChanges, cairn_app::AppError> {
        let input = self.input()?;
        Ok(IncidentChanges {
            when: Some(input.when),
            approximate: Some(input.approximate),
            channel: Some(input.channel),
            behaviours: Some(input.behaviours),
            subject: Some(self.subject.trim().to_owned()),
            narrative: Some(input.narrative),
            location: Some(self.location.clone()),
            witnesses: Some(input.witnesses),
            police_report: Some(self.police_report.clone()),
            injuries: Some(self.injuries.clone()),
            fear: input.fear,
            evidence: Some(input.evidence),
            reason: self.reason.clone(),
        })
    }
}

type Options = Vec<(String, String, bool)>;

#[derive(Template)]
#[template(path = "incident_form.html")]
struct FormPage {
    l: Layout,
    action: String,
    amend: bool,
    v: Values,
    channels: Options,
    groups: Vec<(String, Options)>,
    subjects: Options,
    evidence: Options,
    fears: Options,
}

async fn form_page(
    vault: &Vault<SqliteStore>,
    session: &Session,
    raw_case: &str,
    amend: Option<&str>,
    v: Values,
    error: Option<String>,
) -> PageResult {
    let case = case_id(session, raw_case)?;
    let summary = load_case(vault, session, &case).await?;
    let t = Tr(session.lang);
    let subjects = vault.subjects(&case).await.map_err(|e| PageError::app(session, &e))?;
    let evidence = vault
        .evidence_list(&case)
        .await
        .map_err(|e| PageError::app(session, &e))?;
    let mut groups: Vec<(String, Options)> = Slii::ALL
        .iter()
        .map(|(name, category)| {
            let mut options = vec![(
                name.to_string(),
                t.get("behaviour-general"),
                v.behaviours.iter().any(|b| b == name),
            )];
            options.extend(
                Behaviour::ALL
                    .iter()
                    .filter(|(_, b)| b.category() == Some(*category))
                    .map(|(b, _)| {
                        (
                            b.to_string(),
                            t.get(&format!("behaviour-{b}")),
                            v.behaviours.iter().any(|x| x == b),
                        )
                    }),
            );
            (t.get(&format!("slii-{name}")), options)
        })
        .collect();
    groups.push((
        t.get("behaviour-group-other"),
        vec![(
            "other".into(),
            t.get("behaviour-other"),
            v.behaviours.iter().any(|b| b == "other"),
        )],
    ));
    let title = if amend.is_some() {
        "title-amend-incident"
    } else {
        "title-new-incident"
    };
    let mut l = Layout::new(session, title, true).in_case(case.as_str(), &summary.label, "incident");
    l.error = error.clone();
    let mut response = page(FormPage {
        action: match amend {
            Some(id) => format!("/cases/{case}/incidents/{id}/amend"),
            None => format!("/cases/{case}/incidents"),
        },
        amend: amend.is_some(),
        channels: Channel::ALL
            .iter()
            .map(|(c, _)| (c.to_string(), t.get(&format!("channel-{c}")), v.channel == *c))
            .collect(),
        subjects: subjects
            .iter()
            .map(|s| (s.id.to_string(), s.name.clone(), v.subject == s.id.as_str()))
            .collect(),
        evidence: evidence
            .iter()
            .map(|r| {
                (
                    r.evidence.id.to_string(),
                    r.evidence.original_name.clone(),
                    v.evidence.iter().any(|e| e == r.evidence.id.as_str()),
                )
            })
            .collect(),
        fears: (0..=10)
            .map(|n| (n.to_string(), t.get(&format!("fear-{n}")), v.fear == n.to_string()))
            .collect(),
        groups,
        v,
        l,
    });
    if error.is_some() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

pub async fn new_form(Open { vault, session }: Open, Path(case): Path<String>) -> PageResult {
    form_page(&vault, &session, &case, None, Values::default(), None).await
}

pub async fn create(Open { vault, session }: Open, Path(raw): Path<String>, form: FormData) -> PageResult {
    let case = case_id(&session, &raw)?;
    let values = Values::from_form(&form);
    let outcome = match values.input() {
        Ok(input) => vault.record_incident(&case, input).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(incident) => Ok(Redirect::to(&format!("/cases/{case}/incidents/{}", incident.id)).into_response()),
        Err(e @ cairn_app::AppError::Invalid(_)) | Err(e @ cairn_app::AppError::NotInCase { .. }) => {
            let message = cairn_i18n::describe_app_error(Tr(session.lang), &e);
            form_page(&vault, &session, &raw, None, values, Some(message)).await
        }
        Err(e) => Err(PageError::app(&session, &e)),
    }
}

pub async fn amend_form(Open { vault, session }: Open, Path((raw, id)): Path<(String, String)>) -> PageResult {
    let case = case_id(&session, &raw)?;
    let incident: IncidentId = parse_id(&session, &id)?;
    let view = vault
        .incident(&case, &incident)
        .await
        .map_err(|e| PageError::app(&session, &e))?;
    form_page(
        &vault,
        &session,
        &raw,
        Some(&id),
        Values::from_incident(&view.record.incident),
        None,
    )
    .await
}

pub async fn amend(
    Open { vault, session }: Open,
    Path((raw, id)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    let case = case_id(&session, &raw)?;
    let incident: IncidentId = parse_id(&session, &id)?;
    let values = Values::from_form(&form);
    let outcome = match values.changes() {
        Ok(changes) => vault.amend_incident(&case, &incident, changes).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(_) => Ok(Redirect::to(&format!("/cases/{case}/incidents/{incident}")).into_response()),
        Err(e @ cairn_app::AppError::Invalid(_)) | Err(e @ cairn_app::AppError::NotInCase { .. }) => {
            let message = cairn_i18n::describe_app_error(Tr(session.lang), &e);
            form_page(&vault, &session, &raw, Some(&id), values, Some(message)).await
        }
        Err(e) => Err(PageError::app(&session, &e)),
    }
}

/// One version of an incident in the history list.
struct Version {
    seq: u64,
    recorded: String,
    actor: String,
    reason: Option<String>,
    narrative: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "incident.html")]
struct DetailPage {
    l: Layout,
    case: String,
    incident: Incident,
    fields: Vec<(String, String)>,
    versions: Vec<Version>,
}

pub async fn show(Open { vault, session }: Open, Path((raw, id)): Path<(String, String)>) -> PageResult {
    let case = case_id(&session, &raw)?;
    let incident: IncidentId = parse_id(&session, &id)?;
    let summary = load_case(&vault, &session, &case).await?;
    let view = vault
        .incident(&case, &incident)
        .await
        .map_err(|e| PageError::app(&session, &e))?;
    let subjects = vault.subjects(&case).await.map_err(|e| PageError::app(&session, &e))?;
    let t = Tr(session.lang);
    let i = &view.record.incident;
    let when = match i.occurred.time {
        Some(time) => t.datetime(i.occurred.date.to_datetime(time)),
        None => t.date(i.occurred.date),
    };
    let mut fields = vec![
        (
            t.get("col-when"),
            format!(
                "{when} ({})",
                t.get(&format!("precision-{}", i.occurred.precision.name()))
            ),
        ),
        (t.get("col-channel"), t.get(&format!("channel-{}", i.channel.name()))),
        (
            t.get("col-categories"),
            i.categories
                .iter()
                .map(|c| t.get(&format!("slii-{}", c.name())))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (
            t.get("col-behaviours"),
            i.behaviours
                .iter()
                .map(|b| t.get(&format!("behaviour-{}", b.name())))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ];
    let subject = i.subject.as_ref().map(|s| {
        subjects
            .iter()
            .find(|x| &x.id == s)
            .map(|x| x.name.clone())
            .unwrap_or_else(|| s.to_string())
    });
    let optional = [
        ("col-subject", subject),
        ("col-location", i.location.clone()),
        (
            "col-witnesses",
            (!i.witnesses.is_empty()).then(|| i.witnesses.join("; ")),
        ),
        ("col-police-report", i.police_report.clone()),
        ("col-injuries", i.injuries.clone()),
        ("col-fear", i.fear.map(|f| format!("{}/10", f.get()))),
        (
            "col-evidence",
            (!i.evidence.is_empty()).then(|| i.evidence.iter().map(|e| e.to_string()).collect::<Vec<_>>().join(", ")),
        ),
    ];
    fields.extend(optional.into_iter().filter_map(|(k, v)| v.map(|v| (t.get(k), v))));
    let versions = view
        .history
        .iter()
        .map(|e| {
            let (reason, narrative) = match &e.body {
                EventBody::IncidentAmended(a) => (Some(a.reason.clone()), a.incident.narrative.clone()),
                EventBody::IncidentRecorded(r) => (None, r.narrative.clone()),
                _ => (None, String::new()),
            };
            Version {
                seq: e.seq,
                recorded: t.timestamp(e.recorded_at),
                actor: e.actor.clone(),
                reason,
                narrative,
                current: e.seq == view.record.current_seq,
            }
        })
        .rev()
        .collect();
    let l = Layout::new(&session, "title-incident", true).in_case(case.as_str(), &summary.label, "timeline");
    Ok(page(DetailPage {
        l,
        case: case.to_string(),
        incident: i.clone(),
        fields,
        versions,
    }))
}
