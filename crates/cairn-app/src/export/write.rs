//! Writing the packet: the report typeset and the zip streamed on a
//! blocking thread, the journal fed to it page by page so memory stays flat
//! however long the case is.

use std::io::BufWriter;

use cairn_core::merkle::ProofTree;
use cairn_core::{CaseId, Evidence, Hash};
use cairn_report::packet::{self, EventProof, Manifest, ManifestEvidence, PacketWriter, Proofs};
use cairn_report::pdf::{self, Template};
use cairn_store::{CommunicationRecord, Store};
use serde_json::json;
use sha2::{Digest, Sha256};

use super::select::Chosen;
use super::{EvidenceFile, PacketFacts, PacketRequest, PacketWording, REPORT_INCIDENTS, Written};
use crate::pattern::PatternReport;
use crate::{AppError, Result, Vault};

pub(super) fn sha256(bytes: &[u8]) -> Hash {
    Hash(Sha256::digest(bytes).into())
}

/// The packet's texts, worded before the writer thread starts.
pub(super) struct Texts {
    report_data: serde_json::Value,
    charts: Vec<(String, Vec<u8>)>,
    manifest: Vec<u8>,
    verify: String,
    certification: String,
}

pub(super) struct Plan {
    pub files: Vec<EvidenceFile>,
    pub seqs: Vec<u64>,
    pub tree: ProofTree,
    pub proofs: Proofs,
}

impl Texts {
    pub fn new(
        facts: &PacketFacts,
        chosen: &Chosen,
        pattern: Option<&PatternReport>,
        messages: &[(CommunicationRecord, Option<Evidence>)],
        wording: &dyn PacketWording,
    ) -> Result<Texts> {
        let (summary, charts) = wording.summary(pattern, facts);
        let chart_files: Vec<(String, Vec<u8>)> = charts
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("charts/{i}.svg"), c.svg.clone().into_bytes()))
            .collect();
        let incidents: Vec<_> = chosen
            .incident_records()
            .take(REPORT_INCIDENTS)
            .enumerate()
            .map(|(n, i)| {
                json!({
                    "number": n + 1,
                    "when": wording.incident_when(i),
                    "title": wording.incident_title(i),
                    "narrative": i.narrative,
                    "evidence": i.evidence.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
                })
            })
            .collect();
        let messages: Vec<_> = messages
            .iter()
            .map(|(m, source)| {
                let c = &m.communication;
                json!({
                    "when": wording.time(c.at),
                    "party": c.counterpart_name.clone().unwrap_or_else(|| c.counterpart.clone()),
                    "text": c.body.clone().unwrap_or_default(),
                    "source": wording.message_source(m, source.as_ref()),
                })
            })
            .collect();
        let evidence: Vec<_> = facts
            .files
            .iter()
            .map(|f| {
                let e = &f.evidence;
                json!({
                    "id": e.id.to_string(),
                    "name": e.original_name,
                    "size": e.size.to_string(),
                    "sha256": e.sha256.to_string(),
                    "acquired": wording.time(e.acquired_at),
                    "note": e.note,
                })
            })
            .collect();
        let report_data = json!({
            "language": wording.language(),
            "labels": wording.labels(),
            "case": { "code": facts.case.to_string() },
            "recipient": facts.recipient,
            "exported_at": wording.time(facts.exported_at),
            "exported_by": facts.exported_by,
            "checkpoint": {
                "size": facts.checkpoint.body.size,
                "root": facts.checkpoint.body.root.to_string(),
                "time": wording.time(facts.checkpoint.body.time),
                "fingerprint": facts.fingerprint,
                "key_fingerprint": facts.key_fingerprint,
            },
            "cover_notes": wording.cover_notes(facts),
            "summary": summary,
            "charts": charts.iter().zip(&chart_files).map(|(c, (path, _))| json!({
                "path": path, "alt": c.alt, "caption": c.caption,
            })).collect::<Vec<_>>(),
            "incidents": incidents,
            "messages": messages,
            "evidence": evidence,
        });
        let manifest = Manifest {
            format: "cairn-packet-1".into(),
            generator: facts.generator.into(),
            case: facts.case.clone(),
            exported_at: facts.exported_at,
            exported_by: facts.exported_by.into(),
            recipient: facts.recipient.into(),
            language: wording.language().into(),
            checkpoint_fingerprint: facts.fingerprint.into(),
            evidence: facts
                .files
                .iter()
                .map(|f| ManifestEvidence {
                    id: f.evidence.id.clone(),
                    path: f.path.clone(),
                    original_sha256: f.evidence.sha256,
                    metadata_removed: f.copy_sha256.is_some(),
                })
                .collect(),
        };
        let manifest = serde_json::to_vec_pretty(&manifest).map_err(|e| AppError::Report(e.to_string()))?;
        Ok(Texts {
            report_data,
            charts: chart_files,
            manifest,
            verify: wording.verify_text(facts),
            certification: wording.certification(facts),
        })
    }
}

impl<S: Store> Vault<S> {
    pub(super) async fn write_packet(
        &self,
        case: &CaseId,
        request: &PacketRequest,
        plan: Plan,
        texts: Texts,
        mut progress: impl FnMut(u64, u64) + Send + 'static,
    ) -> Result<Written> {
        let (pages_in, mut pages) = tokio::sync::mpsc::channel::<Vec<u8>>(4);
        let blobs = self.blobs.clone();
        let signing = self.signing.clone();
        let public_key = self.verifying_key().to_bytes();
        let seqs = plan.seqs.clone();
        let total: u64 = plan.files.iter().map(|f| f.evidence.size).sum();
        let writer = request.destination.write(move |file| {
            let report = pdf::render(
                Template::CourtReport,
                &texts.report_data,
                &texts
                    .charts
                    .iter()
                    .map(|(p, b)| (p.as_str(), b.clone()))
                    .collect::<Vec<_>>(),
            )
            .map_err(|e| AppError::Report(e.to_string()))?;
            let io = |e: std::io::Error| AppError::File {
                path: "packet".into(),
                source: e,
            };
            let mut zip = PacketWriter::new(BufWriter::with_capacity(1 << 20, file));
            // The journal first, so the producer never waits on evidence.
            let journal = Pages {
                pages: &mut pages,
                page: Vec::new(),
                at: 0,
            };
            zip.add(packet::JOURNAL, journal).map_err(io)?;
            // One proof per event, written as it is computed: a long journal
            // never has all its proofs in memory at once.
            let (tree, seqs, proofs) = (&plan.tree, &plan.seqs, &plan.proofs);
            zip.add_with(packet::PROOFS, |w| write_proofs(w, proofs, tree, seqs))
                .map_err(io)?;
            zip.add_bytes(packet::REPORT, &report).map_err(io)?;
            zip.add_bytes(packet::MANIFEST, &texts.manifest).map_err(io)?;
            zip.add_bytes(packet::VERIFY_TEXT, texts.verify.as_bytes())
                .map_err(io)?;
            zip.add_bytes(packet::CERTIFICATION, texts.certification.as_bytes())
                .map_err(io)?;
            let mut done = 0;
            for file in &plan.files {
                let e = &file.evidence;
                let written = match file.copy_sha256 {
                    None => zip.add(&file.path, blobs.reader(&e.sha256)?).map_err(io)?,
                    Some(_) => {
                        let mut original = Vec::new();
                        blobs.get(&e.sha256, &mut original)?;
                        let copy = cairn_report::strip::strip_metadata(&e.media_type, original).unwrap_or_default();
                        zip.add_bytes(&file.path, &copy).map_err(io)?
                    }
                };
                // A blob that reads back differently from what the journal
                // (or the pre-pass) recorded must never reach a court.
                if written != file.copy_sha256.unwrap_or(e.sha256) {
                    return Err(AppError::Crypto(cairn_crypto::Error::BadSignature));
                }
                done += e.size;
                progress(done, total);
            }
            let sign = |message: &[u8]| signing.sign(message);
            zip.finish(public_key, &sign).map_err(io)?;
            Ok(())
        });
        let fed = self.journal_lines(case, seqs, pages_in);
        let (written, fed) = tokio::join!(writer, fed);
        fed?;
        written
    }
}

/// `proofs.json`, streamed: the same document as serialising [`Proofs`]
/// with every event's proof in `events`.
fn write_proofs(w: &mut dyn std::io::Write, proofs: &Proofs, tree: &ProofTree, seqs: &[u64]) -> std::io::Result<()> {
    let json = |e: serde_json::Error| std::io::Error::other(e.to_string());
    w.write_all(b"{\"format\":")?;
    serde_json::to_writer(&mut *w, &proofs.format).map_err(json)?;
    w.write_all(b",\"checkpoint\":")?;
    serde_json::to_writer(&mut *w, &proofs.checkpoint).map_err(json)?;
    w.write_all(b",\"events\":[")?;
    for (n, seq) in seqs.iter().enumerate() {
        if n > 0 {
            w.write_all(b",")?;
        }
        let proof = tree
            .inclusion_proof(*seq)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        serde_json::to_writer(&mut *w, &EventProof { index: *seq, proof }).map_err(json)?;
    }
    w.write_all(b"],\"consistency\":")?;
    serde_json::to_writer(&mut *w, &proofs.consistency).map_err(json)?;
    w.write_all(b"}")
}

/// The journal's lines as they arrive from the store, read as one stream.
struct Pages<'a> {
    pages: &'a mut tokio::sync::mpsc::Receiver<Vec<u8>>,
    page: Vec<u8>,
    at: usize,
}

impl std::io::Read for Pages<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.page.len() {
            match self.pages.blocking_recv() {
                Some(page) => (self.page, self.at) = (page, 0),
                None => return Ok(0),
            }
        }
        let n = buf.len().min(self.page.len() - self.at);
        buf[..n].copy_from_slice(&self.page[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

impl<S: Store> Vault<S> {
    /// Sends the canonical bytes of the events at `seqs`, one per line, in
    /// pages; stops early if the writer has given up.
    async fn journal_lines(
        &self,
        case: &CaseId,
        seqs: Vec<u64>,
        pages: tokio::sync::mpsc::Sender<Vec<u8>>,
    ) -> Result<()> {
        let mut index = 0;
        while index < seqs.len() {
            let from = seqs[index];
            let raws = self.store.raw_events(case, from, 2_000).await?;
            if raws.is_empty() {
                break;
            }
            let mut page = Vec::new();
            for raw in &raws {
                if seqs.get(index) == Some(&raw.seq) {
                    page.extend_from_slice(&raw.body);
                    page.push(b'\n');
                    index += 1;
                }
            }
            if pages.send(page).await.is_err() {
                break;
            }
        }
        Ok(())
    }
}
