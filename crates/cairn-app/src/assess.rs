//! Assessments and safety plans: taking an instrument records one
//! `assessment_recorded` event; building a plan records one `plan_recorded`
//! event with the survivor's decisions. Both are read back from the journal
//! itself, so there is no projection to drift from it.

use std::collections::BTreeMap;

use cairn_assess::plan::{Facts, PlanRules};
use cairn_assess::suggest::{LoggedIncident, Suggestion};
use cairn_assess::{Answers, Changes, Instrument, OverrideRequest, SpecError};
use cairn_core::{
    AnswerValue, AssessmentRecorded, CaseId, EventBody, EventKind, PlanChoice, PlanDecision, PlanRecorded, ScanOutcome,
};
use cairn_store::Store;
use jiff::Timestamp;
use serde::Serialize;

use crate::{AppError, Result, Vault};

/// One recorded event of a case, with where and when it was recorded.
#[derive(Debug, Clone, Serialize)]
pub struct Recorded<T> {
    pub seq: u64,
    pub recorded_at: Timestamp,
    pub actor: String,
    #[serde(flatten)]
    pub value: T,
}

/// What the survivor decided, by option id; options not named stay "later".
#[derive(Debug, Clone, Default)]
pub struct PlanRequest {
    pub priorities: Vec<String>,
    pub decisions: BTreeMap<String, PlanDecision>,
    pub notes: BTreeMap<String, String>,
}

/// The shipped instruments followed by any the agency loads, so an agency
/// file may not silently replace a shipped one.
pub fn instruments(extra: &[Instrument]) -> Result<Vec<Instrument>> {
    let mut all = cairn_assess::bundled::instruments()?;
    for i in extra {
        if all.iter().any(|s| s.id == i.id) {
            return Err(AppError::Assessment(SpecError {
                file: i.id.clone(),
                line: 0,
                column: 0,
                field: "id".into(),
                problem: cairn_assess::Problem::Duplicate(i.id.clone()),
            }));
        }
        all.push(i.clone());
    }
    Ok(all)
}

pub fn plan_rules() -> Result<PlanRules> {
    let (file, text) = cairn_assess::bundled::PLAN_RULES;
    Ok(PlanRules::parse(file, text)?)
}

/// The built-in resources that offer `service` (e.g. `technology_safety`
/// beside device-check findings), in directory order.
pub fn resources_offering(service: &str) -> Result<Vec<cairn_assess::resources::Resource>> {
    let (file, text) = cairn_assess::bundled::RESOURCES;
    let all = cairn_assess::resources::parse_directory(file, text)?;
    Ok(all
        .into_iter()
        .filter(|r| r.services.iter().any(|s| s == service))
        .collect())
}

impl<S: Store> Vault<S> {
    /// Scores the answers and records the result in the case's journal.
    pub async fn take_assessment(
        &self,
        case: &CaseId,
        instrument: &Instrument,
        answers: Answers,
        override_request: Option<&OverrideRequest>,
    ) -> Result<Recorded<AssessmentRecorded>> {
        self.case(case).await?;
        let result = cairn_assess::assess(instrument, answers, override_request)?;
        let appended = self
            .append(case, vec![EventBody::AssessmentRecorded(result.clone())])
            .await?;
        let event = appended.events.last().ok_or(AppError::NoSuchCase(case.to_string()))?;
        Ok(Recorded {
            seq: event.seq,
            recorded_at: event.recorded_at,
            actor: event.actor.clone(),
            value: result,
        })
    }

    /// Every assessment of the case, oldest first.
    pub async fn assessments(&self, case: &CaseId) -> Result<Vec<Recorded<AssessmentRecorded>>> {
        self.recorded(case, EventKind::AssessmentRecorded, |body| match body {
            EventBody::AssessmentRecorded(a) => Some(a),
            _ => None,
        })
        .await
    }

    /// What the incident log suggests for an instrument's items, for the
    /// advocate to confirm; nothing is recorded.
    pub async fn suggestions(&self, case: &CaseId, instrument: &Instrument) -> Result<Vec<Suggestion>> {
        self.case(case).await?;
        let log: Vec<LoggedIncident> = self
            .store
            .incidents(case)
            .await?
            .into_iter()
            .map(|r| LoggedIncident {
                date: r.incident.occurred.date,
                behaviours: r.incident.behaviours.into_iter().collect(),
            })
            .collect();
        let today = Timestamp::now().to_zoned(jiff::tz::TimeZone::system()).date();
        Ok(cairn_assess::suggest::suggest(instrument, &log, today))
    }

    /// What changed between the last two assessments with each instrument.
    pub async fn assessment_changes(&self, case: &CaseId) -> Result<Vec<(String, Changes)>> {
        let all = self.assessments(case).await?;
        let mut last: BTreeMap<&str, Vec<&AssessmentRecorded>> = BTreeMap::new();
        for a in &all {
            last.entry(a.value.instrument.as_str()).or_default().push(&a.value);
        }
        Ok(last
            .into_iter()
            .filter_map(|(id, list)| match list.as_slice() {
                [.., before, after] => Some((id.to_owned(), cairn_assess::changes(before, after))),
                _ => None,
            })
            .collect())
    }

    /// Builds the options from the latest assessment per instrument and the
    /// case's device checks, and records the survivor's decisions as the
    /// next version of the plan.
    pub async fn build_plan(
        &self,
        case: &CaseId,
        instruments: &[Instrument],
        request: &PlanRequest,
    ) -> Result<Recorded<PlanRecorded>> {
        let rules = plan_rules()?;
        check_request(&rules, request)?;
        let (latest, facts) = self.plan_facts(case, instruments).await?;
        let options = rules
            .build(&facts, instruments, &request.priorities)
            .into_iter()
            .map(|o| PlanChoice {
                option: o.id.clone(),
                category: o.category.clone(),
                decision: request.decisions.get(&o.id).copied().unwrap_or(PlanDecision::Later),
                note: request.notes.get(&o.id).cloned(),
            })
            .collect();
        let version = self.plans(case).await?.last().map_or(1, |p| p.value.version + 1);
        let plan = PlanRecorded {
            version,
            rules: rules.id.clone(),
            rules_version: rules.version.clone(),
            based_on: latest.iter().map(|r| r.seq).collect(),
            priorities: request.priorities.clone(),
            options,
        };
        self.record(case, EventBody::PlanRecorded(plan.clone()), plan).await
    }

    /// The options the case's assessments and checks offer, ordered by the
    /// survivor's `priorities`, without recording anything: for a form the
    /// survivor decides on.
    pub async fn plan_offer(
        &self,
        case: &CaseId,
        instruments: &[Instrument],
        priorities: &[String],
    ) -> Result<Vec<cairn_assess::plan::PlanOption>> {
        let rules = plan_rules()?;
        let (_, facts) = self.plan_facts(case, instruments).await?;
        Ok(rules
            .build(&facts, instruments, priorities)
            .into_iter()
            .cloned()
            .collect())
    }

    /// The latest assessment per instrument, and the facts plan rules read
    /// (their answers and levels, and whether any device check had concerns).
    async fn plan_facts(
        &self,
        case: &CaseId,
        instruments: &[Instrument],
    ) -> Result<(Vec<Recorded<AssessmentRecorded>>, Facts)> {
        let latest = self.latest_assessments(case).await?;
        let mut facts =
            Facts::from_assessments(&latest.iter().map(|r| r.value.clone()).collect::<Vec<_>>(), instruments);
        let concerns = self
            .store
            .scans(case)
            .await?
            .iter()
            .any(|s| s.scan.outcome == ScanOutcome::Concerns);
        if concerns {
            facts.values.push(("scan:concerns".into(), AnswerValue::Yes));
        }
        Ok((latest, facts))
    }

    /// Every version of the case's plan, oldest first.
    pub async fn plans(&self, case: &CaseId) -> Result<Vec<Recorded<PlanRecorded>>> {
        self.recorded(case, EventKind::PlanRecorded, |body| match body {
            EventBody::PlanRecorded(p) => Some(p),
            _ => None,
        })
        .await
    }

    /// Appends one event and says where and when it was recorded.
    async fn record<T>(&self, case: &CaseId, body: EventBody, value: T) -> Result<Recorded<T>> {
        let appended = self.append(case, vec![body]).await?;
        let event = appended.events.last().ok_or(AppError::NoSuchCase(case.to_string()))?;
        Ok(Recorded {
            seq: event.seq,
            recorded_at: event.recorded_at,
            actor: event.actor.clone(),
            value,
        })
    }

    /// Every event of one kind, with its position, time and author.
    pub(crate) async fn recorded<T>(
        &self,
        case: &CaseId,
        kind: EventKind,
        take: fn(EventBody) -> Option<T>,
    ) -> Result<Vec<Recorded<T>>> {
        self.case(case).await?;
        let events = self.store.events_of_kind(case, kind).await?;
        Ok(events
            .into_iter()
            .filter_map(|e| {
                take(e.body).map(|value| Recorded {
                    seq: e.seq,
                    recorded_at: e.recorded_at,
                    actor: e.actor,
                    value,
                })
            })
            .collect())
    }

    async fn latest_assessments(&self, case: &CaseId) -> Result<Vec<Recorded<AssessmentRecorded>>> {
        let mut latest: Vec<Recorded<AssessmentRecorded>> = Vec::new();
        for a in self.assessments(case).await? {
            latest.retain(|l| l.value.instrument != a.value.instrument);
            latest.push(a);
        }
        Ok(latest)
    }
}

/// Priorities and decisions must name things that exist: a typo would
/// otherwise silently leave an option undecided.
fn check_request(rules: &PlanRules, request: &PlanRequest) -> Result<()> {
    let bad = |field: &str, value: &str, expected: String| {
        AppError::Assessment(SpecError {
            file: rules.id.clone(),
            line: 0,
            column: 0,
            field: field.to_owned(),
            problem: cairn_assess::Problem::BadValue {
                value: value.to_owned(),
                expected,
            },
        })
    };
    let known = cairn_assess::plan::PRIORITIES;
    if let Some(p) = request.priorities.iter().find(|p| !known.contains(&p.as_str())) {
        return Err(bad("priorities", p, known.join(", ")));
    }
    let ids = || {
        rules
            .options
            .iter()
            .map(|o| o.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(id) = request
        .decisions
        .keys()
        .chain(request.notes.keys())
        .find(|id| rules.option(id).is_none())
    {
        return Err(bad("option", id, ids()));
    }
    Ok(())
}
