//! Exports a court can trust. A packet is a zip an examiner can check with
//! `sha256sum -c` and `ssh-keygen -Y verify` alone (docs/packet-spec.md):
//! the chosen events with inclusion proofs against a signed checkpoint,
//! the evidence byte for byte (pictures without location metadata unless
//! asked), a PDF report, and a signed manifest of every hash.
//!
//! The export is itself a journal event, appended before the packet is
//! written so the packet proves its own disclosure record.

mod documents;
mod plan;
mod rows;
mod select;
mod sink;
mod write;

pub use documents::{CaseExtract, Document, DocumentRequest, DocumentSummary, DocumentWording, EmailHeaders};
pub use plan::{PlanPdfRequest, PlanWording};
pub use sink::{Destination, Written};

use std::sync::Arc;

use cairn_core::merkle::{self, ProofTree};
use cairn_core::{
    CaseId, Checkpoint, Event, EventBody, Evidence, ExportKind, Exported, Hash, Incident, Selection, StrippedCopy,
    validate,
};
use cairn_report::packet::{self, OldCheckpoint};
use cairn_store::{CommQuery, CommunicationRecord, Store};
use jiff::Timestamp;

use crate::evidence::safe_file_name;
use crate::pattern::{PatternReport, PatternRequest};
use crate::{AppError, Result, Vault};
use select::Chosen;

/// Incidents and messages printed in the report; the journal in the packet
/// holds them all, the report says how many more there are. Typesetting
/// costs memory per row (about 130 KiB), so this also bounds the export's
/// memory whatever the size of the case.
const REPORT_INCIDENTS: usize = 500;
const REPORT_MESSAGES: u32 = 300;

pub struct PacketRequest {
    pub case: CaseId,
    pub selection: Selection,
    pub recipient: String,
    pub purpose: Option<String>,
    pub destination: Destination,
}

/// One evidence file as it goes into the packet.
#[derive(Debug, Clone)]
pub struct EvidenceFile {
    pub evidence: Evidence,
    pub path: String,
    /// Set when the file is a metadata-free copy.
    pub copy_sha256: Option<Hash>,
}

/// Everything the wording of the packet's texts may need.
pub struct PacketFacts<'a> {
    pub case: &'a CaseId,
    pub recipient: &'a str,
    pub purpose: Option<&'a str>,
    pub exported_at: Timestamp,
    pub exported_by: &'a str,
    pub generator: &'a str,
    pub checkpoint: &'a Checkpoint,
    pub fingerprint: &'a str,
    /// The signing key as `ssh-keygen -l` prints it.
    pub key_fingerprint: &'a str,
    pub events: u64,
    pub files: &'a [EvidenceFile],
    /// Pictures left out because their metadata could not be removed.
    pub withheld: &'a [Evidence],
    /// Imported files included byte for byte that carry pictures or other
    /// files inside, whose metadata this export does not remove.
    pub carrying_files: &'a [Evidence],
    pub original_images: bool,
    pub incidents_total: usize,
    pub incidents_shown: usize,
}

/// A chart for the report: SVG plus the words a reader of the PDF needs.
pub struct Chart {
    pub svg: String,
    pub alt: String,
    pub caption: String,
}

/// The words of a packet, in one language. Implemented by the i18n crate;
/// this crate decides what goes in, never how it reads.
pub trait PacketWording: Send + Sync {
    /// "en" or "es".
    fn language(&self) -> &'static str;
    /// Headings and field names for the report template.
    fn labels(&self) -> serde_json::Value;
    fn time(&self, at: Timestamp) -> String;
    fn incident_when(&self, incident: &Incident) -> String;
    fn incident_title(&self, incident: &Incident) -> String;
    fn summary(&self, pattern: Option<&PatternReport>, facts: &PacketFacts) -> (Vec<String>, Vec<Chart>);
    fn cover_notes(&self, facts: &PacketFacts) -> Vec<String>;
    fn message_source(&self, message: &CommunicationRecord, source: Option<&Evidence>) -> String;
    fn verify_text(&self, facts: &PacketFacts) -> String;
    fn certification(&self, facts: &PacketFacts) -> String;
}

#[derive(Debug, Clone)]
pub struct PacketSummary {
    pub written: Written,
    pub events: u64,
    pub evidence: usize,
    pub stripped: usize,
    pub withheld: usize,
    /// Imported files with pictures or other files inside, included as
    /// received (their metadata kept).
    pub carrying_files: usize,
    pub checkpoint_fingerprint: String,
    pub key_fingerprint: String,
    pub export_seq: u64,
}

fn damaged(e: impl std::fmt::Display) -> AppError {
    AppError::Proof(merkle::ProofError::Malformed(format!("journal event: {e}")))
}

/// A packet path for an evidence file: its id, then its name made safe
/// and short enough for any unzip tool.
fn evidence_path(evidence: &Evidence) -> String {
    let name: String = safe_file_name(&evidence.original_name).chars().take(120).collect();
    format!("{}{}/{}", packet::EVIDENCE_DIR, evidence.id, name)
}

impl<S: Store> Vault<S> {
    /// Every disclosure of a case, oldest first: what left the vault, when,
    /// by whom and for whom.
    pub async fn disclosures(&self, case: &CaseId) -> Result<Vec<crate::Recorded<Exported>>> {
        self.recorded(case, cairn_core::EventKind::PacketExported, |body| match body {
            EventBody::PacketExported(exported) => Some(exported),
            _ => None,
        })
        .await
    }

    /// Every event of a case, decoded, page by page.
    async fn each_event(&self, case: &CaseId, mut visit: impl FnMut(&[Event])) -> Result<()> {
        let size = self.store.journal_size(case).await?;
        let mut from = 0;
        while from < size {
            let raws = self.store.raw_events(case, from, 5_000).await?;
            if raws.is_empty() {
                break;
            }
            from += raws.len() as u64;
            let events = raws
                .iter()
                .map(|raw| Event::decode(&raw.body).map_err(damaged))
                .collect::<Result<Vec<_>>>()?;
            visit(&events);
        }
        Ok(())
    }

    /// Metadata-free copies of the chosen pictures: (file, withheld).
    async fn prepare_files(&self, chosen: &Chosen, originals: bool) -> Result<(Vec<EvidenceFile>, Vec<Evidence>)> {
        let mut files = Vec::new();
        let mut withheld = Vec::new();
        for evidence in &chosen.evidence_records {
            let path = evidence_path(evidence);
            if originals || !cairn_report::strip::is_picture(&evidence.media_type) {
                files.push(EvidenceFile {
                    evidence: evidence.clone(),
                    path,
                    copy_sha256: None,
                });
                continue;
            }
            // Only the copy's hash is kept: the export event must declare it
            // before the packet is written, and holding every copy until then
            // would make memory grow with the evidence. The writer strips again.
            let blobs = self.blobs.clone();
            let (sha, media) = (evidence.sha256, evidence.media_type.clone());
            let copy = tokio::task::spawn_blocking(move || -> Result<Option<Hash>> {
                let mut original = Vec::new();
                blobs.get(&sha, &mut original)?;
                Ok(cairn_report::strip::strip_metadata(&media, original).map(|c| write::sha256(&c)))
            })
            .await
            .map_err(|e| AppError::Report(e.to_string()))??;
            match copy {
                Some(copy) => files.push(EvidenceFile {
                    evidence: evidence.clone(),
                    path,
                    copy_sha256: Some(copy),
                }),
                None => withheld.push(evidence.clone()),
            }
        }
        Ok((files, withheld))
    }

    /// Exports a court packet to `request.out`; `progress(done, total)` in bytes.
    pub async fn export_packet(
        &self,
        request: PacketRequest,
        wording: Arc<dyn PacketWording>,
        progress: impl FnMut(u64, u64) + Send + 'static,
    ) -> Result<PacketSummary> {
        let case = request.case.clone();
        let summary = self.case(&case).await?;
        let recipient = validate::text("recipient", &request.recipient, 500)?;
        let purpose = validate::optional_text("purpose", request.purpose.as_deref(), 2_000)?;
        request.destination.check()?;
        let selection = request.selection.clone();
        let mut chosen = Chosen::with_record_limit(REPORT_INCIDENTS);
        self.each_event(&case, |events| select::first_pass(&selection, events, &mut chosen))
            .await?;
        self.each_event(&case, |events| select::second_pass(&selection, events, &mut chosen))
            .await?;
        let (files, withheld) = self.prepare_files(&chosen, selection.original_images).await?;

        let exported = Exported {
            kind: ExportKind::Packet,
            recipient: recipient.clone(),
            purpose: purpose.clone(),
            language: wording.language().into(),
            selection: selection.clone(),
            events: chosen.seqs.len() as u64,
            evidence: files.iter().map(|f| f.evidence.id.clone()).collect(),
            stripped: files
                .iter()
                .filter_map(|f| {
                    f.copy_sha256.map(|copy| StrippedCopy {
                        evidence: f.evidence.id.clone(),
                        copy_sha256: copy,
                    })
                })
                .collect(),
        };
        let appended = self.append(&case, vec![EventBody::PacketExported(exported)]).await?;
        let checkpoint = appended.head;
        let export_seq = checkpoint.body.size - 1;
        chosen.seqs.push(export_seq);

        let leaves = self.store.leaf_hashes(&case, checkpoint.body.size).await?;
        let mut consistency = Vec::new();
        for size in &chosen.earlier_exports {
            if let Some(old) = self.store.tree_head(&case, *size).await? {
                let proof = merkle::consistency_proof(&leaves, *size)?;
                consistency.push(OldCheckpoint {
                    checkpoint: old.checkpoint,
                    proof,
                });
            }
        }
        let tree = ProofTree::new(leaves);
        if tree.root() != Some(checkpoint.body.root) {
            return Err(merkle::ProofError::RootMismatch.into());
        }

        let pattern = if summary.communications > 0 {
            Some(self.pattern(&case, &PatternRequest::default()).await?)
        } else {
            None
        };
        let messages = self.report_messages(&case, &chosen).await?;
        let fingerprint = packet::checkpoint_fingerprint(&checkpoint);
        let generator = format!("cairn {}", env!("CARGO_PKG_VERSION"));
        let incidents_total = chosen.incidents.len();
        let key_fingerprint = packet::sshsig::fingerprint(self.verifying_key().to_bytes());
        let carrying_files: Vec<Evidence> = files
            .iter()
            .filter(|f| chosen.carrying_files.contains(&f.evidence.id))
            .map(|f| f.evidence.clone())
            .collect();
        let facts = PacketFacts {
            case: &case,
            recipient: &recipient,
            purpose: purpose.as_deref(),
            exported_at: checkpoint.body.time,
            exported_by: self.actor(),
            generator: &generator,
            checkpoint: &checkpoint,
            fingerprint: &fingerprint,
            key_fingerprint: &key_fingerprint,
            events: chosen.seqs.len() as u64,
            files: &files,
            withheld: &withheld,
            carrying_files: &carrying_files,
            original_images: selection.original_images,
            incidents_total,
            incidents_shown: incidents_total.min(REPORT_INCIDENTS),
        };
        let texts = write::Texts::new(&facts, &chosen, pattern.as_ref(), &messages, wording.as_ref())?;
        let plan = write::Plan {
            files: files.clone(),
            seqs: chosen.seqs.clone(),
            tree,
            proofs: packet::Proofs {
                format: "cairn-proofs-1".into(),
                checkpoint: checkpoint.clone(),
                events: Vec::new(),
                consistency,
            },
        };
        let written = self.write_packet(&case, &request, plan, texts, progress).await?;
        Ok(PacketSummary {
            written,
            events: chosen.seqs.len() as u64,
            evidence: files.len(),
            stripped: files.iter().filter(|f| f.copy_sha256.is_some()).count(),
            withheld: withheld.len(),
            carrying_files: carrying_files.len(),
            checkpoint_fingerprint: fingerprint,
            key_fingerprint,
            export_seq,
        })
    }

    /// Messages for the report: those flagged for review first, then the
    /// earliest others, each with the import it came from.
    async fn report_messages(
        &self,
        case: &CaseId,
        chosen: &Chosen,
    ) -> Result<Vec<(CommunicationRecord, Option<Evidence>)>> {
        let sources: std::collections::BTreeMap<u64, &Evidence> = self
            .store
            .imports(case, None)
            .await?
            .into_iter()
            .filter_map(|import| {
                chosen
                    .evidence_records
                    .iter()
                    .find(|e| e.id == import.import.source)
                    .map(|e| (import.seq, e))
            })
            .collect();
        if sources.is_empty() {
            return Ok(Vec::new());
        }
        let mut query = CommQuery {
            review_only: true,
            limit: REPORT_MESSAGES,
            ..CommQuery::default()
        };
        let mut picked = self.communications(case, &query).await?;
        if picked.is_empty() {
            query.review_only = false;
            picked = self.communications(case, &query).await?;
        }
        Ok(picked
            .into_iter()
            .filter_map(|m| sources.get(&m.import_seq).map(|e| (m, Some((*e).clone()))))
            .collect())
    }
}
