use cairn_core::{
    CaseId, Channel, Event, EventBody, EvidenceId, Fear, Incident, IncidentAmended, IncidentId, OccurredAt, SubjectId,
    validate,
};
use cairn_store::{IncidentRecord, Store};
use jiff::Zoned;

use crate::vault::random_id_bytes;
use crate::{AppError, Result, Vault};

/// An incident as typed by a person; everything is validated on the way in.
#[derive(Debug, Clone, Default)]
pub struct IncidentInput {
    pub when: String,
    pub approximate: bool,
    pub channel: String,
    /// SLII categories and/or specific behaviours.
    pub behaviours: Vec<String>,
    pub subject: Option<String>,
    pub narrative: String,
    pub location: Option<String>,
    pub witnesses: Vec<String>,
    pub police_report: Option<String>,
    pub injuries: Option<String>,
    pub fear: Option<i64>,
    pub evidence: Vec<String>,
}

/// What an amendment changes; `None` keeps the current value.
#[derive(Debug, Clone, Default)]
pub struct IncidentChanges {
    pub when: Option<String>,
    pub approximate: Option<bool>,
    pub channel: Option<String>,
    pub behaviours: Option<Vec<String>>,
    pub subject: Option<String>,
    pub narrative: Option<String>,
    pub location: Option<String>,
    pub witnesses: Option<Vec<String>>,
    pub police_report: Option<String>,
    pub injuries: Option<String>,
    pub fear: Option<i64>,
    pub evidence: Option<Vec<String>>,
    /// Why the record is being corrected; kept in the journal.
    pub reason: String,
}

/// An incident's current version and every version before it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct IncidentView {
    #[serde(flatten)]
    pub record: IncidentRecord,
    pub history: Vec<Event>,
}

const NARRATIVE_MAX: usize = 100_000;
const FIELD_MAX: usize = 2_000;

fn parse_id<T: std::str::FromStr<Err = cairn_core::IdError>>(value: &str) -> Result<T> {
    value.parse::<T>().map_err(|e| {
        AppError::Invalid(cairn_core::Invalid::new(
            e.kind,
            value,
            cairn_core::Reason::NotOneOf {
                allowed: vec![e.prefix],
            },
        ))
    })
}

fn witnesses(list: &[String]) -> Result<Vec<String>> {
    list.iter()
        .filter(|w| !w.trim().is_empty())
        .map(|w| Ok(validate::text("witness", w, FIELD_MAX)?))
        .collect()
}

impl<S: Store> Vault<S> {
    async fn evidence_ids(&self, case: &CaseId, list: &[String]) -> Result<Vec<EvidenceId>> {
        let mut ids = Vec::with_capacity(list.len());
        for raw in list {
            let id: EvidenceId = parse_id(raw)?;
            if self.store.evidence(case, &id).await?.is_none() {
                return Err(AppError::NotInCase {
                    what: "evidence",
                    id: id.to_string(),
                    case: case.to_string(),
                });
            }
            ids.push(id);
        }
        ids.dedup();
        Ok(ids)
    }

    async fn subject_id(&self, case: &CaseId, raw: Option<&str>) -> Result<Option<SubjectId>> {
        match raw.map(str::trim).filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(raw) => {
                let id: SubjectId = parse_id(raw)?;
                self.require_subject(case, &id).await?;
                Ok(Some(id))
            }
        }
    }

    pub async fn record_incident(&self, case: &CaseId, input: IncidentInput) -> Result<Incident> {
        self.case(case).await?;
        let (categories, behaviours) = Incident::classify(&input.behaviours)?;
        let incident = Incident {
            id: IncidentId::from_random(random_id_bytes()),
            occurred: OccurredAt::parse(&input.when, input.approximate, Zoned::now().date())?,
            channel: input.channel.parse::<Channel>()?,
            categories,
            behaviours,
            subject: self.subject_id(case, input.subject.as_deref()).await?,
            narrative: validate::text("narrative", &input.narrative, NARRATIVE_MAX)?,
            location: validate::optional_text("location", input.location.as_deref(), FIELD_MAX)?,
            witnesses: witnesses(&input.witnesses)?,
            police_report: validate::optional_text("police report", input.police_report.as_deref(), 200)?,
            injuries: validate::optional_text("injuries", input.injuries.as_deref(), FIELD_MAX)?,
            fear: input.fear.map(Fear::new).transpose()?,
            evidence: self.evidence_ids(case, &input.evidence).await?,
        };
        self.append(case, vec![EventBody::IncidentRecorded(incident.clone())])
            .await?;
        Ok(incident)
    }

    /// Records a corrected version. The earlier version stays in the journal
    /// and in the history; nothing is overwritten.
    pub async fn amend_incident(&self, case: &CaseId, id: &IncidentId, changes: IncidentChanges) -> Result<Incident> {
        let current = self
            .store
            .incident(case, id)
            .await?
            .ok_or_else(|| AppError::NotInCase {
                what: "incident",
                id: id.to_string(),
                case: case.to_string(),
            })?;
        let reason = validate::text("reason", &changes.reason, FIELD_MAX)?;
        let mut next = current.incident.clone();
        if changes.when.is_some() || changes.approximate.is_some() {
            let approximate = changes
                .approximate
                .unwrap_or(next.occurred.precision == cairn_core::Precision::Approximate);
            next.occurred = match &changes.when {
                Some(when) => OccurredAt::parse(when, approximate, Zoned::now().date())?,
                None => OccurredAt {
                    precision: if next.occurred.time.is_none() {
                        next.occurred.precision
                    } else if approximate {
                        cairn_core::Precision::Approximate
                    } else {
                        cairn_core::Precision::Exact
                    },
                    ..next.occurred
                },
            };
        }
        if let Some(channel) = &changes.channel {
            next.channel = channel.parse::<Channel>()?;
        }
        if let Some(words) = &changes.behaviours {
            (next.categories, next.behaviours) = Incident::classify(words)?;
        }
        if let Some(subject) = &changes.subject {
            next.subject = self.subject_id(case, Some(subject)).await?;
        }
        if let Some(narrative) = &changes.narrative {
            next.narrative = validate::text("narrative", narrative, NARRATIVE_MAX)?;
        }
        if let Some(location) = &changes.location {
            next.location = validate::optional_text("location", Some(location), FIELD_MAX)?;
        }
        if let Some(list) = &changes.witnesses {
            next.witnesses = witnesses(list)?;
        }
        if let Some(report) = &changes.police_report {
            next.police_report = validate::optional_text("police report", Some(report), 200)?;
        }
        if let Some(injuries) = &changes.injuries {
            next.injuries = validate::optional_text("injuries", Some(injuries), FIELD_MAX)?;
        }
        if let Some(fear) = changes.fear {
            next.fear = Some(Fear::new(fear)?);
        }
        if let Some(list) = &changes.evidence {
            next.evidence = self.evidence_ids(case, list).await?;
        }
        if next == current.incident {
            return Err(cairn_core::Invalid::new("changes", "", cairn_core::Reason::Empty).into());
        }
        let amended = IncidentAmended {
            supersedes: current.current_seq,
            reason,
            incident: next.clone(),
        };
        self.append(case, vec![EventBody::IncidentAmended(amended)]).await?;
        Ok(next)
    }

    pub async fn incidents(&self, case: &CaseId) -> Result<Vec<IncidentRecord>> {
        self.case(case).await?;
        Ok(self.store.incidents(case).await?)
    }

    pub async fn incident(&self, case: &CaseId, id: &IncidentId) -> Result<IncidentView> {
        let record = self
            .store
            .incident(case, id)
            .await?
            .ok_or_else(|| AppError::NotInCase {
                what: "incident",
                id: id.to_string(),
                case: case.to_string(),
            })?;
        let history = self.store.incident_history(case, id).await?;
        Ok(IncidentView { record, history })
    }
}
