//! The words of the chronology, the CSV tables and the IC3 worksheet.

use std::fmt::Write as _;

use cairn_app::core::{Behaviour, Channel, Identifier, Incident, Named};
use cairn_app::{CaseExtract, DocumentWording, EmailHeaders, PacketWording};
use serde_json::{Map, Value};

use crate::Arg;
use crate::export::PacketText;

const CHRONOLOGY_LABELS: [(&str, &str); 16] = [
    ("title", "chronology-title"),
    ("case", "export-label-case"),
    ("page", "export-label-page"),
    ("of", "export-label-of"),
    ("recipient", "export-label-recipient"),
    ("prepared_at", "chronology-label-prepared-at"),
    ("prepared_by", "chronology-label-prepared-by"),
    ("fingerprint", "export-label-fingerprint"),
    ("number", "export-label-number"),
    ("when", "export-label-when"),
    ("what", "export-label-what"),
    ("evidence", "export-label-evidence"),
    ("evidence_index", "export-label-evidence-index"),
    ("none", "chronology-none"),
    ("item", "export-label-item"),
    ("file", "export-label-file"),
];

/// The IC3 worksheet's rule under each section heading.
const RULE: &str = "----------------------------------------";
/// What the person fills in by hand.
const BLANK: &str = "[                    ]";

impl PacketText {
    fn identifier(&self, identifier: &Identifier) -> String {
        let t = self.0;
        let kind = t.get(&format!("ic3-identifier-{}", identifier.kind()));
        match identifier {
            Identifier::Handle {
                platform: Some(platform),
                value,
            } => format!("{kind} ({platform}): {value}"),
            other => format!("{kind}: {}", other.value()),
        }
    }

    /// A numbered heading after exactly one blank line.
    fn section(&self, out: &mut String, number: u8, id: &str) {
        out.truncate(out.trim_end_matches('\n').len());
        let _ = write!(out, "\n\n{number}. {}\n{RULE}\n", self.0.get(id));
    }
}

impl DocumentWording for PacketText {
    fn word(&self, vocabulary: &str, name: &str) -> String {
        self.0.get(&format!("{vocabulary}-{name}"))
    }

    fn column(&self, key: &str) -> String {
        self.0.get(&format!("export-col-{key}"))
    }

    fn chronology_labels(&self) -> Value {
        let map: Map<String, Value> = CHRONOLOGY_LABELS
            .iter()
            .map(|(key, id)| ((*key).to_owned(), Value::String(self.0.get(id))))
            .collect();
        Value::Object(map)
    }

    fn chronology_notes(&self, extract: &CaseExtract) -> Vec<String> {
        let t = self.0;
        vec![
            t.with(
                "chronology-note-counts",
                &[
                    ("incidents", Arg::Number(extract.incidents.len() as f64)),
                    ("evidence", Arg::Number(extract.evidence.len() as f64)),
                ],
            ),
            t.get("chronology-note-proof"),
        ]
    }

    fn incident_details(&self, incident: &Incident, extract: &CaseExtract) -> Vec<String> {
        let t = self.0;
        let mut lines = Vec::new();
        let mut line = |id: &str, value: String| lines.push(format!("{}: {value}", t.get(id)));
        if let Some(subject) = incident.subject.as_ref().and_then(|s| extract.subject(s)) {
            line("col-subject", subject.name.clone());
        }
        if !incident.behaviours.is_empty() {
            let words: Vec<String> = incident
                .behaviours
                .iter()
                .map(|b| self.word("behaviour", b.name()))
                .collect();
            line("col-behaviours", words.join(", "));
        }
        if !incident.witnesses.is_empty() {
            line("col-witnesses", incident.witnesses.join(", "));
        }
        if let Some(report) = &incident.police_report {
            line("col-police-report", report.clone());
        }
        if let Some(injuries) = &incident.injuries {
            line("col-injuries", injuries.clone());
        }
        lines
    }

    fn ic3(&self, extract: &CaseExtract, emails: &[EmailHeaders]) -> String {
        let t = self.0;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}\n{}",
            t.with("ic3-title", &[("case", Arg::Text(extract.case.to_string()))]),
            t.with(
                "ic3-prepared",
                &[
                    ("at", Arg::Text(t.timestamp(extract.prepared_at))),
                    ("by", Arg::Text(extract.prepared_by.clone())),
                    ("fingerprint", Arg::Text(extract.fingerprint.clone())),
                ],
            )
        );
        let _ = write!(out, "\n{}", t.get("ic3-intro"));

        self.section(&mut out, 1, "ic3-victim");
        for id in [
            "ic3-victim-name",
            "ic3-victim-age",
            "ic3-victim-address",
            "ic3-victim-phone",
            "ic3-victim-email",
        ] {
            let _ = writeln!(out, "{}: {BLANK}", t.get(id));
        }
        let _ = write!(out, "{}", t.get("ic3-victim-note"));

        self.section(&mut out, 2, "ic3-money");
        let financial: Vec<&Incident> = extract
            .incidents
            .iter()
            .filter(|i| i.channel == Channel::Financial || i.behaviours.contains(&Behaviour::FinancialSabotage))
            .collect();
        if financial.is_empty() {
            let _ = writeln!(out, "{}", t.get("ic3-money-none"));
        }
        for incident in &financial {
            let _ = writeln!(
                out,
                "- {} — {}",
                self.incident_when(incident),
                incident.narrative.replace('\n', " ")
            );
        }
        for id in [
            "ic3-money-amount",
            "ic3-money-method",
            "ic3-money-date",
            "ic3-money-recipient",
        ] {
            let _ = writeln!(out, "{}: {BLANK}", t.get(id));
        }

        self.section(&mut out, 3, "ic3-subjects");
        if extract.subjects.is_empty() {
            let _ = writeln!(out, "{}", t.get("ic3-subjects-none"));
        }
        for subject in &extract.subjects {
            let _ = writeln!(
                out,
                "{}: {}\n{}: {}",
                t.get("col-name"),
                subject.name,
                t.get("col-relationship"),
                self.word("relationship", subject.relationship.name())
            );
            for identifier in &subject.identifiers {
                let _ = writeln!(out, "{}", self.identifier(identifier));
            }
            if let Some(notes) = &subject.notes {
                let _ = writeln!(out, "{}: {notes}", t.get("col-note"));
            }
            out.push('\n');
        }

        self.section(&mut out, 4, "ic3-description");
        if extract.incidents.is_empty() {
            let _ = writeln!(out, "{}", t.get("ic3-description-none"));
        }
        for (n, incident) in extract.incidents.iter().enumerate() {
            let _ = writeln!(
                out,
                "{}. {} — {}\n{}",
                n + 1,
                self.incident_when(incident),
                self.incident_title(incident),
                incident.narrative
            );
            let names: Vec<String> = incident
                .evidence
                .iter()
                .filter_map(|id| extract.evidence(id))
                .map(|e| format!("{} ({})", e.original_name, e.id))
                .collect();
            if !names.is_empty() {
                let _ = writeln!(out, "{}: {}", t.get("col-evidence"), names.join(", "));
            }
            out.push('\n');
        }

        self.section(&mut out, 5, "ic3-other");
        if emails.is_empty() {
            let _ = writeln!(out, "{}", t.get("ic3-other-no-email"));
        } else {
            let _ = writeln!(out, "{}", t.get("ic3-other-email-intro"));
        }
        for (n, email) in emails.iter().enumerate() {
            let heading = t.with(
                "ic3-other-email",
                &[
                    ("number", Arg::Number((n + 1) as f64)),
                    ("at", Arg::Text(t.timestamp(email.at))),
                    ("from", Arg::Text(email.from.clone())),
                    ("subject", Arg::Text(email.subject.clone().unwrap_or_default())),
                ],
            );
            let _ = writeln!(out, "\n{heading}\n{}", email.headers.trim_end());
            if email.truncated {
                let _ = writeln!(out, "{}", t.get("ic3-other-truncated"));
            }
        }

        self.section(&mut out, 6, "ic3-files");
        let _ = writeln!(out, "{}", t.get("ic3-files-intro"));
        for e in &extract.evidence {
            let _ = writeln!(
                out,
                "- {} {} ({} bytes)\n  SHA-256 {}",
                e.id, e.original_name, e.size, e.sha256
            );
        }
        out
    }
}

impl cairn_app::PlanWording for PacketText {
    fn language(&self) -> &'static str {
        self.0.lang()
    }

    fn plan_labels(&self) -> Value {
        let t = self.0;
        serde_json::json!({
            "why": t.get("plan-why-label"),
            "caution": t.get("plan-caution-label"),
            "resources": t.get("plan-resources-label"),
            "note": t.get("plan-note-label"),
            "page": t.get("export-label-page"),
            "of": t.get("export-label-of"),
        })
    }

    fn plan_title(&self, version: Option<(u32, jiff::Timestamp)>) -> String {
        let t = self.0;
        match version {
            Some((version, at)) => t.with(
                "plan-title",
                &[
                    ("version", Arg::Number(f64::from(version))),
                    ("date", Arg::Text(t.timestamp(at))),
                ],
            ),
            None => t.get("plan-safe-title"),
        }
    }

    fn plan_priorities(&self, priorities: &[String]) -> String {
        let t = self.0;
        let list: Vec<String> = priorities
            .iter()
            .map(|p| t.get(&format!("plan-priority-{p}")))
            .collect();
        t.with("plan-priorities", &[("list", Arg::Text(list.join(", ")))])
    }

    fn plan_category(&self, category: &str) -> String {
        self.0.get(&format!("plan-category-{category}"))
    }

    fn plan_decision(&self, decision: cairn_app::core::PlanDecision) -> String {
        self.0.get(&format!("plan-decision-{}", decision.name()))
    }
}
