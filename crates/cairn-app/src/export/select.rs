//! Which journal events a disclosure includes. Two passes over the journal,
//! keeping only ids in memory: incidents name evidence recorded before or
//! after them, so the evidence set is known only once incidents are.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use cairn_core::{Event, EventBody, Evidence, EvidenceId, Incident, IncidentId, Selection, SubjectId};
use jiff::civil::Date;

#[derive(Default)]
pub(crate) struct Chosen {
    pub incidents: BTreeSet<IncidentId>,
    pub evidence: BTreeSet<EvidenceId>,
    /// Evidence records in journal order, for the index and the files.
    pub evidence_records: Vec<Evidence>,
    /// Current version of chosen incidents, by order of first record; at
    /// most `record_limit` of them (a report prints only so many, and a case
    /// of 100,000 incidents must not be held in memory for it).
    incident_records: BTreeMap<u64, Incident>,
    incident_order: HashMap<IncidentId, u64>,
    next_order: u64,
    pub record_limit: Option<usize>,
    /// Sizes of the checkpoints earlier exports were proven against.
    pub earlier_exports: Vec<u64>,
    /// Positions of the included events.
    pub seqs: Vec<u64>,
    /// Chosen imported files that carry other files inside (MMS pictures,
    /// chat media, email attachments): included byte for byte, so pictures
    /// inside keep their metadata, and the report must say so.
    pub carrying_files: BTreeSet<EvidenceId>,
}

impl Chosen {
    /// Chooses with every incident record kept (documents list them all).
    pub fn all_records() -> Chosen {
        Chosen::default()
    }

    /// Chooses keeping at most `limit` incident records.
    pub fn with_record_limit(limit: usize) -> Chosen {
        Chosen {
            record_limit: Some(limit),
            ..Chosen::default()
        }
    }

    fn keep_record(&mut self, incident: &Incident) {
        if let Some(order) = self.incident_order.get(&incident.id) {
            self.incident_records.insert(*order, incident.clone());
            return;
        }
        if self
            .record_limit
            .is_some_and(|limit| self.incident_records.len() >= limit)
        {
            return;
        }
        let order = self.next_order;
        self.next_order += 1;
        self.incident_order.insert(incident.id.clone(), order);
        self.incident_records.insert(order, incident.clone());
    }

    /// The kept incident records, in order of first record.
    pub fn incident_records(&self) -> impl Iterator<Item = &Incident> {
        self.incident_records.values()
    }

    pub fn take_incident_records(&mut self) -> Vec<Incident> {
        std::mem::take(&mut self.incident_records).into_values().collect()
    }
}

fn in_range(selection: &Selection, day: Date) -> bool {
    selection.from.is_none_or(|f| day >= f) && selection.to.is_none_or(|t| day <= t)
}

fn subject_chosen(selection: &Selection, subject: Option<&SubjectId>) -> bool {
    selection.subjects.is_empty() || subject.is_some_and(|s| selection.subjects.contains(s))
}

/// First pass: decides incidents and evidence.
pub(crate) fn first_pass(selection: &Selection, events: &[Event], chosen: &mut Chosen) {
    for event in events {
        match &event.body {
            EventBody::IncidentRecorded(incident)
            | EventBody::IncidentAmended(cairn_core::IncidentAmended { incident, .. }) => {
                let wanted = if selection.incidents.is_empty() {
                    in_range(selection, incident.occurred.date) && subject_chosen(selection, incident.subject.as_ref())
                } else {
                    selection.incidents.contains(&incident.id)
                };
                if wanted {
                    chosen.incidents.insert(incident.id.clone());
                    chosen.evidence.extend(incident.evidence.iter().cloned());
                    chosen.keep_record(incident);
                } else {
                    chosen.incidents.remove(&incident.id);
                    if let Some(order) = chosen.incident_order.remove(&incident.id) {
                        chosen.incident_records.remove(&order);
                    }
                }
            }
            EventBody::EvidenceAdded(evidence) => {
                let wanted = if selection.evidence.is_empty() {
                    selection.incidents.is_empty()
                        && in_range(selection, evidence.acquired_at.to_zoned(jiff::tz::TimeZone::UTC).date())
                } else {
                    selection.evidence.contains(&evidence.id)
                };
                if wanted {
                    chosen.evidence.insert(evidence.id.clone());
                }
            }
            EventBody::PacketExported(_) => chosen.earlier_exports.push(event.seq + 1),
            _ => {}
        }
    }
}

/// Second pass: every event the chosen things rest on.
pub(crate) fn second_pass(selection: &Selection, events: &[Event], chosen: &mut Chosen) {
    for event in events {
        let include = match &event.body {
            EventBody::CaseOpened(_) => true,
            EventBody::SubjectAdded(subject) => subject_chosen(selection, Some(&subject.id)),
            EventBody::IdentifierAssigned(assigned) => subject_chosen(selection, Some(&assigned.subject)),
            EventBody::IncidentRecorded(i) => chosen.incidents.contains(&i.id),
            EventBody::IncidentAmended(a) => chosen.incidents.contains(&a.incident.id),
            EventBody::EvidenceAdded(e) => {
                let wanted = chosen.evidence.contains(&e.id);
                if wanted {
                    chosen.evidence_records.push(e.clone());
                }
                wanted
            }
            EventBody::CustodyRecorded(c) => chosen.evidence.contains(&c.evidence),
            EventBody::SourceImported(i) => {
                let wanted = chosen.evidence.contains(&i.source);
                if wanted && i.extracted.attachments > 0 && i.photo.is_none() {
                    chosen.carrying_files.insert(i.source.clone());
                }
                wanted
            }
            EventBody::ScanRecorded(s) => chosen.evidence.contains(&s.source),
            // Earlier disclosures name other recipients: proven by
            // consistency, never shown.
            EventBody::PacketExported(_) => false,
            // Assessments and plans describe the survivor, not the conduct:
            // out unless asked for by name.
            EventBody::AssessmentRecorded(_) | EventBody::PlanRecorded(_) => selection.assessments,
            // Kinds added later stay out until someone decides who may see them.
            _ => false,
        };
        if include {
            chosen.seqs.push(event.seq);
        }
    }
}
