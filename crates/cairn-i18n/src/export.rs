//! The words of a court packet: report labels, cover notes, the examiner's
//! VERIFY.txt and the certification worksheet, in the exporter's language.

use std::fmt::Write as _;

use cairn_app::core::{Evidence, Incident, Named};
use cairn_app::report::packet::sshsig;
use cairn_app::{Chart, CommunicationRecord, PacketFacts, PacketWording, PatternReport};
use jiff::Timestamp;
use serde_json::{Map, Value};

use crate::{Arg, Tr};

/// Parties shown with charts in the report; the rest are in the journal.
const CHARTED_PARTIES: usize = 3;

pub struct PacketText(pub Tr);

impl PacketText {
    fn n(value: usize) -> Arg {
        Arg::Number(value as f64)
    }
}

const LABELS: [(&str, &str); 26] = [
    ("title", "export-title"),
    ("case", "export-label-case"),
    ("page", "export-label-page"),
    ("of", "export-label-of"),
    ("recipient", "export-label-recipient"),
    ("exported_at", "export-label-exported-at"),
    ("exported_by", "export-label-exported-by"),
    ("journal_size", "export-label-journal-size"),
    ("checkpoint_time", "export-label-checkpoint-time"),
    ("checkpoint_root", "export-label-checkpoint-root"),
    ("fingerprint", "export-label-fingerprint"),
    ("signing_key", "export-label-signing-key"),
    ("summary", "export-label-summary"),
    ("incidents", "export-label-incidents"),
    ("number", "export-label-number"),
    ("when", "export-label-when"),
    ("what", "export-label-what"),
    ("evidence", "export-label-evidence"),
    ("messages", "export-label-messages"),
    ("messages_note", "export-label-messages-note"),
    ("party", "export-label-party"),
    ("text", "export-label-text"),
    ("evidence_index", "export-label-evidence-index"),
    ("item", "export-label-item"),
    ("file", "export-label-file"),
    ("size", "export-label-size"),
];

impl PacketWording for PacketText {
    fn language(&self) -> &'static str {
        self.0.lang()
    }

    fn labels(&self) -> Value {
        let map: Map<String, Value> = LABELS
            .iter()
            .map(|(key, id)| ((*key).to_owned(), Value::String(self.0.get(id))))
            .collect();
        Value::Object(map)
    }

    fn time(&self, at: Timestamp) -> String {
        self.0.timestamp(at)
    }

    fn incident_when(&self, incident: &Incident) -> String {
        let o = &incident.occurred;
        match o.time {
            Some(time) => self.0.datetime(o.date.to_datetime(time)),
            None => self.0.date(o.date),
        }
    }

    fn incident_title(&self, incident: &Incident) -> String {
        let t = self.0;
        let mut parts = vec![t.get(&format!("channel-{}", incident.channel.name()))];
        parts.extend(incident.categories.iter().map(|c| t.get(&format!("slii-{}", c.name()))));
        parts.join(" · ")
    }

    fn summary(&self, pattern: Option<&PatternReport>, facts: &PacketFacts) -> (Vec<String>, Vec<Chart>) {
        let t = self.0;
        let mut sentences = vec![t.with(
            "export-summary-counts",
            &[
                ("events", Arg::Number(facts.events as f64)),
                ("incidents", Self::n(facts.incidents_total)),
                ("evidence", Self::n(facts.files.len())),
            ],
        )];
        let mut charts = Vec::new();
        let Some(report) = pattern else {
            return (sentences, charts);
        };
        let mut parties: Vec<_> = report.analysis.parties.iter().collect();
        parties.sort_by_key(|p| std::cmp::Reverse(p.from_them + p.to_them));
        for p in parties.into_iter().take(CHARTED_PARTIES) {
            let Some(party) = report.parties.iter().find(|x| x.party == p.party) else {
                continue;
            };
            for fact in crate::pattern::party_facts(t, p) {
                sentences.push(t.with(
                    "export-summary-party",
                    &[("name", Arg::Text(party.label.clone())), ("fact", Arg::Text(fact))],
                ));
            }
            let id = format!("party-{}", p.party);
            let drawn = crate::charts::party_charts(t, &id, &party.label, p, report.analysis.summary.no_contact_from);
            let caption = t.with("export-chart-caption", &[("name", Arg::Text(party.label.clone()))]);
            charts.push(Chart {
                svg: drawn.per_day,
                alt: caption.clone(),
                caption,
            });
        }
        (sentences, charts)
    }

    fn cover_notes(&self, facts: &PacketFacts) -> Vec<String> {
        let t = self.0;
        let mut notes = vec![t.get("export-note-selection")];
        let stripped = facts.files.iter().filter(|f| f.copy_sha256.is_some()).count();
        if stripped > 0 {
            notes.push(t.with("export-note-stripped", &[("count", Self::n(stripped))]));
        }
        if facts.original_images {
            notes.push(t.get("export-note-originals"));
        }
        if !facts.withheld.is_empty() {
            let names: Vec<&str> = facts.withheld.iter().map(|e| e.original_name.as_str()).collect();
            notes.push(t.with(
                "export-note-withheld",
                &[("count", Self::n(names.len())), ("names", Arg::Text(names.join(", ")))],
            ));
        }
        if !facts.carrying_files.is_empty() {
            let names: Vec<&str> = facts.carrying_files.iter().map(|e| e.original_name.as_str()).collect();
            notes.push(t.with(
                "export-note-carrying",
                &[("count", Self::n(names.len())), ("names", Arg::Text(names.join(", ")))],
            ));
        }
        if facts.incidents_shown < facts.incidents_total {
            notes.push(t.with(
                "export-note-truncated",
                &[
                    ("shown", Self::n(facts.incidents_shown)),
                    ("total", Self::n(facts.incidents_total)),
                ],
            ));
        }
        notes
    }

    fn message_source(&self, message: &CommunicationRecord, source: Option<&Evidence>) -> String {
        let t = self.0;
        let channel = t.get(&format!("comm-channel-{}", message.communication.channel.name()));
        match source {
            Some(e) => t.with(
                "export-message-source",
                &[
                    ("channel", Arg::Text(channel)),
                    ("file", Arg::Text(e.original_name.clone())),
                    ("id", Arg::Text(e.id.to_string())),
                    ("sha", Arg::Text(e.sha256.to_string())),
                ],
            ),
            None => channel,
        }
    }

    fn verify_text(&self, facts: &PacketFacts) -> String {
        let t = self.0;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}\n\n{}\n",
            t.get("export-verify-title"),
            t.get("export-verify-intro")
        );
        let _ = writeln!(
            out,
            "{}\n\n    sha256sum -c SHA256SUMS\n",
            t.get("export-verify-step-sums")
        );
        let _ = writeln!(
            out,
            "{}\n\n    ssh-keygen -Y verify -f allowed_signers -I {} -n {} -s SHA256SUMS.sig < SHA256SUMS\n",
            t.get("export-verify-step-signature"),
            sshsig::PRINCIPAL,
            sshsig::NAMESPACE
        );
        let key = t.with(
            "export-verify-step-key",
            &[("fingerprint", Arg::Text(facts.key_fingerprint.to_owned()))],
        );
        let _ = writeln!(out, "{key}\n\n    ssh-keygen -l -f cairn-signing-key.pub\n");
        let proofs = t.with(
            "export-verify-step-proofs",
            &[
                ("size", Arg::Number(facts.checkpoint.body.size as f64)),
                ("checkpoint", Arg::Text(facts.fingerprint.to_owned())),
            ],
        );
        let _ = writeln!(out, "{proofs}\n");
        let _ = writeln!(
            out,
            "{}\n\n    cairn verify PACKET.zip\n",
            t.get("export-verify-step-cairn")
        );
        let _ = writeln!(out, "{}", t.get("export-verify-stripped"));
        out
    }

    fn certification(&self, facts: &PacketFacts) -> String {
        let t = self.0;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}\n\n{}\n",
            t.get("export-cert-title"),
            t.get("export-cert-intro")
        );
        let field = |out: &mut String, id: &str, value: &str| {
            let _ = writeln!(out, "{}: {}", t.get(id), value);
        };
        field(&mut out, "export-cert-tool", facts.generator);
        field(
            &mut out,
            "export-cert-algorithms",
            &t.get("export-cert-algorithms-value"),
        );
        field(&mut out, "export-cert-case", &facts.case.to_string());
        let exported = format!(
            "{} ({}), {}",
            t.timestamp(facts.exported_at),
            facts.exported_at,
            facts.exported_by
        );
        field(&mut out, "export-cert-exported", &exported);
        field(&mut out, "export-cert-recipient", facts.recipient);
        let cp = &facts.checkpoint.body;
        let checkpoint = format!(
            "size {}, root {}, {} ({})",
            cp.size, cp.root, cp.time, facts.fingerprint
        );
        field(&mut out, "export-cert-checkpoint", &checkpoint);
        field(&mut out, "export-cert-key", facts.key_fingerprint);
        field(&mut out, "export-cert-process", &t.get("export-cert-process-value"));
        let _ = writeln!(out, "\n{}:", t.get("export-cert-items"));
        for file in facts.files {
            let e = &file.evidence;
            let _ = writeln!(
                out,
                "\n- {} {} ({} bytes)\n  SHA-256 {}",
                e.id, e.original_name, e.size, e.sha256
            );
            let acquired = t.with(
                "export-cert-item-acquired",
                &[
                    ("at", Arg::Text(e.acquired_at.to_string())),
                    ("by", Arg::Text(e.acquired_by.clone())),
                    ("source", Arg::Text(e.source.clone())),
                ],
            );
            let _ = writeln!(out, "  {acquired}");
            if let Some(copy) = file.copy_sha256 {
                let _ = writeln!(
                    out,
                    "  {}",
                    t.with("export-cert-item-copy", &[("sha", Arg::Text(copy.to_string()))])
                );
            }
        }
        let _ = writeln!(
            out,
            "\n{}\n\n\n________________________________________",
            t.get("export-cert-sign")
        );
        out
    }
}
