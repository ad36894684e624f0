//! The rows and fields of the documents: which values go in which column.
//! Values a spreadsheet sorts on (dates, times, ids, hashes) are written in
//! ISO 8601 and plain ASCII whatever the language; only words are worded.

use cairn_core::{Incident, Named};
use cairn_store::CommunicationRecord;
use jiff::tz::TimeZone;
use serde_json::json;

use super::documents::{CaseExtract, DocumentWording};

pub(super) struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Columns of the chronology; the incidents table adds [`INCIDENT_EXTRA`].
const CHRONOLOGY_COLUMNS: [&str; 10] = [
    "number",
    "date",
    "time",
    "precision",
    "channel",
    "behaviours",
    "subject",
    "narrative",
    "evidence",
    "evidence-sha256",
];

const INCIDENT_EXTRA: [&str; 7] = [
    "incident",
    "categories",
    "location",
    "witnesses",
    "police-report",
    "injuries",
    "fear",
];

pub(super) const MESSAGE_COLUMNS: [&str; 19] = [
    "number",
    "local-time",
    "utc",
    "channel",
    "direction",
    "party",
    "party-name",
    "others",
    "email-subject",
    "text",
    "duration",
    "attachments",
    "attachments-sha256",
    "flags",
    "source-evidence",
    "source-file",
    "source-sha256",
    "source-entry",
    "source-line",
];

fn join(items: impl IntoIterator<Item = String>) -> String {
    items.into_iter().collect::<Vec<_>>().join("; ")
}

fn behaviours(incident: &Incident, wording: &dyn DocumentWording) -> String {
    join(incident.behaviours.iter().map(|b| wording.word("behaviour", b.name())))
}

/// Numbered incidents, oldest first, with the evidence that supports each.
/// `full` adds every recorded field for a spreadsheet (including the
/// location, which a chronology for a court leaves out).
pub(super) fn incident_table(extract: &CaseExtract, wording: &dyn DocumentWording, full: bool) -> Table {
    let mut keys: Vec<&str> = CHRONOLOGY_COLUMNS.to_vec();
    if full {
        keys.extend(INCIDENT_EXTRA);
    }
    let header = keys.iter().map(|k| wording.column(k)).collect();
    let rows = extract
        .incidents
        .iter()
        .enumerate()
        .map(|(n, incident)| {
            let o = &incident.occurred;
            let evidence: Vec<_> = incident.evidence.iter().filter_map(|id| extract.evidence(id)).collect();
            let mut row = vec![
                (n + 1).to_string(),
                o.date.to_string(),
                o.time.map(|t| t.strftime("%H:%M").to_string()).unwrap_or_default(),
                wording.word("precision", o.precision.name()),
                wording.word("channel", incident.channel.name()),
                behaviours(incident, wording),
                incident
                    .subject
                    .as_ref()
                    .and_then(|s| extract.subject(s))
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
                incident.narrative.clone(),
                join(evidence.iter().map(|e| format!("{} {}", e.id, e.original_name))),
                join(evidence.iter().map(|e| e.sha256.to_string())),
            ];
            if full {
                row.extend([
                    incident.id.to_string(),
                    join(incident.categories.iter().map(|c| wording.word("slii", c.name()))),
                    incident.location.clone().unwrap_or_default(),
                    join(incident.witnesses.iter().cloned()),
                    incident.police_report.clone().unwrap_or_default(),
                    incident.injuries.clone().unwrap_or_default(),
                    incident.fear.map(|f| f.get().to_string()).unwrap_or_default(),
                ]);
            }
            row
        })
        .collect();
    Table { header, rows }
}

/// The chronology's `data.json`.
pub(super) fn chronology_data(extract: &CaseExtract, wording: &dyn DocumentWording) -> serde_json::Value {
    let incidents: Vec<_> = extract
        .incidents
        .iter()
        .enumerate()
        .map(|(n, incident)| {
            let evidence: Vec<_> = incident
                .evidence
                .iter()
                .filter_map(|id| extract.evidence(id))
                .map(|e| json!({ "id": e.id.to_string(), "name": e.original_name }))
                .collect();
            json!({
                "number": n + 1,
                "when": wording.incident_when(incident),
                "title": wording.incident_title(incident),
                "narrative": incident.narrative,
                "details": wording.incident_details(incident, extract),
                "evidence": evidence,
            })
        })
        .collect();
    let evidence: Vec<_> = extract
        .evidence
        .iter()
        .map(|e| {
            json!({
                "id": e.id.to_string(),
                "name": e.original_name,
                "size": e.size.to_string(),
                "sha256": e.sha256.to_string(),
            })
        })
        .collect();
    json!({
        "language": wording.language(),
        "labels": wording.chronology_labels(),
        "case": { "code": extract.case.to_string() },
        "recipient": extract.recipient,
        "prepared_at": wording.time(extract.prepared_at),
        "prepared_by": extract.prepared_by,
        "checkpoint": { "fingerprint": extract.fingerprint },
        "notes": wording.chronology_notes(extract),
        "incidents": incidents,
        "evidence": evidence,
    })
}

/// One message or call, traced back to the file and line it came from.
pub(super) fn message_row(
    number: u64,
    record: &CommunicationRecord,
    source: &cairn_core::Evidence,
    wording: &dyn DocumentWording,
) -> Vec<String> {
    let c = &record.communication;
    let local = c.at.to_zoned(TimeZone::system());
    vec![
        number.to_string(),
        local.strftime("%Y-%m-%d %H:%M:%S").to_string(),
        c.at.to_string(),
        wording.word("comm-channel", c.channel.name()),
        wording.word("comm-direction", c.direction.name()),
        c.counterpart.clone(),
        c.counterpart_name.clone().unwrap_or_default(),
        join(c.others.iter().cloned()),
        c.subject.clone().unwrap_or_default(),
        c.body.clone().unwrap_or_default(),
        c.duration_secs.map(|d| d.to_string()).unwrap_or_default(),
        join(c.attachments.iter().map(|a| a.name.clone())),
        join(c.attachments.iter().map(|a| a.sha256.to_string())),
        join(c.flags.iter().map(|f| f.name().to_owned())),
        source.id.to_string(),
        source.original_name.clone(),
        source.sha256.to_string(),
        c.source.entry.clone().unwrap_or_default(),
        c.source.line.to_string(),
    ]
}
