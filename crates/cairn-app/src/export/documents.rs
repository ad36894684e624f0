//! Documents for people rather than examiners: a protective-order
//! chronology (PDF or CSV), incidents and messages as CSV for spreadsheets,
//! and an IC3 worksheet to paste from. Each is a disclosure like a packet:
//! the same selection rules, and a journal event appended before the file
//! is written. They carry the checkpoint fingerprint, so a court can ask for
//! the packet that proves them.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::sync::Arc;

use cairn_core::{
    CaseId, CommChannel, Event, EventBody, Evidence, EvidenceId, ExportKind, Exported, Incident, Selection, Subject,
    SubjectId, validate,
};
use cairn_report::packet;
use cairn_report::pdf::{self, Template};
use cairn_report::table::CsvTable;
use cairn_store::{CommQuery, Store};
use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::select::{self, Chosen};
use super::{Destination, PacketWording, Written, rows};
use crate::{AppError, Result, Vault};

/// Incidents a PDF chronology may hold: typesetting costs memory per row, and
/// a petition's chronology is read by a judge. More is a CSV, or a period.
pub const CHRONOLOGY_PDF_INCIDENTS: usize = 2_000;

/// Emails whose headers the IC3 worksheet quotes; the rest are listed by the
/// original files an investigator should ask for.
const IC3_EMAILS: u32 = 20;
/// Header bytes quoted per email.
const IC3_HEADER_BYTES: usize = 16 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Document {
    ChronologyPdf,
    ChronologyCsv,
    IncidentsCsv,
    MessagesCsv,
    Ic3Worksheet,
}

impl Document {
    fn kind(self) -> ExportKind {
        match self {
            Document::ChronologyPdf => ExportKind::ChronologyPdf,
            Document::ChronologyCsv => ExportKind::ChronologyCsv,
            Document::IncidentsCsv => ExportKind::IncidentsCsv,
            Document::MessagesCsv => ExportKind::MessagesCsv,
            Document::Ic3Worksheet => ExportKind::Ic3Worksheet,
        }
    }
}

pub struct DocumentRequest {
    pub case: CaseId,
    pub document: Document,
    pub selection: Selection,
    pub recipient: String,
    pub purpose: Option<String>,
    pub destination: Destination,
}

#[derive(Debug, Clone)]
pub struct DocumentSummary {
    pub written: Written,
    /// Rows or entries written: incidents, or messages for the messages table.
    pub rows: u64,
    pub evidence: usize,
    pub checkpoint_fingerprint: String,
    pub export_seq: u64,
}

/// What a document draws on, after selection.
pub struct CaseExtract {
    pub case: CaseId,
    pub recipient: String,
    pub purpose: Option<String>,
    pub prepared_at: Timestamp,
    pub prepared_by: String,
    pub fingerprint: String,
    /// Chosen incidents, oldest first.
    pub incidents: Vec<Incident>,
    /// Chosen subjects with every identifier assigned to them.
    pub subjects: Vec<Subject>,
    /// Chosen evidence, in journal order.
    pub evidence: Vec<Evidence>,
}

impl CaseExtract {
    pub fn evidence(&self, id: &EvidenceId) -> Option<&Evidence> {
        self.evidence.iter().find(|e| &e.id == id)
    }

    pub fn subject(&self, id: &SubjectId) -> Option<&Subject> {
        self.subjects.iter().find(|s| &s.id == id)
    }
}

/// An email's headers as received, for the IC3 worksheet.
pub struct EmailHeaders {
    pub at: Timestamp,
    pub from: String,
    pub subject: Option<String>,
    /// The raw header block (lossy UTF-8), cut at [`IC3_HEADER_BYTES`].
    pub headers: String,
    pub truncated: bool,
}

/// The words of the documents, in one language; implemented by the i18n
/// crate. This crate decides the columns and values, never the words.
pub trait DocumentWording: PacketWording {
    /// A vocabulary word: `word("channel", "text")`, `word("behaviour", …)`,
    /// `word("relationship", …)`, `word("comm-channel", …)`, `word("comm-direction", …)`.
    fn word(&self, vocabulary: &str, name: &str) -> String;
    /// A table column heading by key (see `rows`).
    fn column(&self, key: &str) -> String;
    fn chronology_labels(&self) -> serde_json::Value;
    fn chronology_notes(&self, extract: &CaseExtract) -> Vec<String>;
    /// Subject, witnesses, police report, injuries: one line each.
    fn incident_details(&self, incident: &Incident, extract: &CaseExtract) -> Vec<String>;
    fn ic3(&self, extract: &CaseExtract, emails: &[EmailHeaders]) -> String;
}

impl<S: Store> Vault<S> {
    /// Writes one document to `request.destination`.
    pub async fn export_document(
        &self,
        request: DocumentRequest,
        wording: Arc<dyn DocumentWording>,
    ) -> Result<DocumentSummary> {
        let case = request.case.clone();
        self.case(&case).await?;
        let recipient = validate::text("recipient", &request.recipient, 500)?;
        let purpose = validate::optional_text("purpose", request.purpose.as_deref(), 2_000)?;
        request.destination.check()?;
        let selection = request.selection.clone();
        let mut chosen = Chosen::all_records();
        let mut subjects: BTreeMap<SubjectId, Subject> = BTreeMap::new();
        self.each_event(&case, |events| select::first_pass(&selection, events, &mut chosen))
            .await?;
        self.each_event(&case, |events| {
            select::second_pass(&selection, events, &mut chosen);
            collect_subjects(&selection, events, &mut subjects);
        })
        .await?;
        if request.document == Document::ChronologyPdf && chosen.incidents.len() > CHRONOLOGY_PDF_INCIDENTS {
            return Err(AppError::TooManyForPdf {
                incidents: chosen.incidents.len(),
                limit: CHRONOLOGY_PDF_INCIDENTS,
            });
        }

        let exported = Exported {
            kind: request.document.kind(),
            recipient: recipient.clone(),
            purpose: purpose.clone(),
            language: wording.language().into(),
            selection: selection.clone(),
            events: chosen.seqs.len() as u64,
            evidence: chosen.evidence_records.iter().map(|e| e.id.clone()).collect(),
            stripped: Vec::new(),
        };
        let appended = self.append(&case, vec![EventBody::PacketExported(exported)]).await?;
        let checkpoint = appended.head;
        let mut incidents = chosen.take_incident_records();
        incidents.sort_by_cached_key(|i| i.occurred.sort_key());
        let extract = CaseExtract {
            case: case.clone(),
            recipient,
            purpose,
            prepared_at: checkpoint.body.time,
            prepared_by: self.actor().to_owned(),
            fingerprint: packet::checkpoint_fingerprint(&checkpoint),
            incidents,
            subjects: subjects.into_values().collect(),
            evidence: std::mem::take(&mut chosen.evidence_records),
        };
        let (rows, written) = match request.document {
            Document::ChronologyPdf => self.write_chronology_pdf(&request, &extract, wording.as_ref()).await?,
            Document::ChronologyCsv | Document::IncidentsCsv => {
                let full = request.document == Document::IncidentsCsv;
                let table = rows::incident_table(&extract, wording.as_ref(), full);
                write_table(&request, table).await?
            }
            Document::MessagesCsv => self.write_messages(&request, &extract, wording).await?,
            Document::Ic3Worksheet => {
                let emails = self.email_headers(&extract, &request.selection).await?;
                let text = wording.ic3(&extract, &emails);
                let written = write_bytes(&request, text.into_bytes()).await?;
                (extract.incidents.len() as u64, written)
            }
        };
        Ok(DocumentSummary {
            written,
            rows,
            evidence: extract.evidence.len(),
            checkpoint_fingerprint: extract.fingerprint,
            export_seq: checkpoint.body.size - 1,
        })
    }

    async fn write_chronology_pdf(
        &self,
        request: &DocumentRequest,
        extract: &CaseExtract,
        wording: &dyn DocumentWording,
    ) -> Result<(u64, Written)> {
        let data = rows::chronology_data(extract, wording);
        let pdf = tokio::task::spawn_blocking(move || pdf::render(Template::Chronology, &data, &[]))
            .await
            .map_err(|e| AppError::Report(e.to_string()))?
            .map_err(|e| AppError::Report(e.to_string()))?;
        let written = write_bytes(request, pdf).await?;
        Ok((extract.incidents.len() as u64, written))
    }

    /// Streams every chosen message into the table, page by page.
    async fn write_messages(
        &self,
        request: &DocumentRequest,
        extract: &CaseExtract,
        wording: Arc<dyn DocumentWording>,
    ) -> Result<(u64, Written)> {
        let sources: BTreeMap<u64, Evidence> = self
            .store
            .imports(&extract.case, None)
            .await?
            .into_iter()
            .filter_map(|import| extract.evidence(&import.import.source).map(|e| (import.seq, e.clone())))
            .collect();
        let counterparts = self.chosen_counterparts(&extract.case, &request.selection).await?;
        let header: Vec<String> = rows::MESSAGE_COLUMNS.iter().map(|c| wording.column(c)).collect();
        let (pages_in, mut pages) = tokio::sync::mpsc::channel::<Vec<Vec<String>>>(4);
        let out = request.destination.name();
        let writer = request.destination.write(move |file| {
            let mut table = CsvTable::new(std::io::BufWriter::new(file), &header).map_err(report)?;
            while let Some(page) = pages.blocking_recv() {
                for row in page {
                    table.row(&row).map_err(report)?;
                }
            }
            table.finish().map_err(report)?.flush().map_err(AppError::file(&out))?;
            Ok(())
        });
        let feed = async {
            let (from_ms, to_ms) = day_range_ms(&request.selection);
            let mut query = CommQuery {
                counterparts,
                from_ms,
                to_ms,
                limit: 2_000,
                ..CommQuery::default()
            };
            let mut written = 0u64;
            loop {
                let page = self.communications(&extract.case, &query).await?;
                let Some(last) = page.last() else { break };
                query.after = Some((last.communication.at.as_millisecond(), last.row));
                let mut rows = Vec::with_capacity(page.len());
                for m in &page {
                    // Messages of sources left out of the selection stay out.
                    let Some(source) = sources.get(&m.import_seq) else {
                        continue;
                    };
                    written += 1;
                    rows.push(rows::message_row(written, m, source, wording.as_ref()));
                }
                if pages_in.send(rows).await.is_err() {
                    break;
                }
            }
            drop(pages_in);
            Ok::<u64, AppError>(written)
        };
        let (written, fed) = tokio::join!(writer, feed);
        let count = fed?;
        Ok((count, written?))
    }

    /// The raw headers of the chosen subjects' emails, oldest first.
    async fn email_headers(&self, extract: &CaseExtract, selection: &Selection) -> Result<Vec<EmailHeaders>> {
        let imported: Vec<u64> = self
            .store
            .imports(&extract.case, None)
            .await?
            .into_iter()
            .filter(|i| extract.evidence(&i.import.source).is_some())
            .map(|i| i.seq)
            .collect();
        let mut query = CommQuery {
            counterparts: self.chosen_counterparts(&extract.case, selection).await?,
            limit: 2_000,
            ..CommQuery::default()
        };
        let mut found = Vec::new();
        'pages: loop {
            let page = self.communications(&extract.case, &query).await?;
            let Some(last) = page.last() else { break };
            query.after = Some((last.communication.at.as_millisecond(), last.row));
            for m in page {
                let c = &m.communication;
                if c.channel != CommChannel::Email || !imported.contains(&m.import_seq) {
                    continue;
                }
                let Some(email) = &c.email else { continue };
                let blobs = self.blobs.clone();
                let sha = email.raw_headers.sha256;
                let raw = tokio::task::spawn_blocking(move || -> Result<Vec<u8>> {
                    let mut raw = Vec::new();
                    blobs.get(&sha, &mut raw)?;
                    Ok(raw)
                })
                .await
                .map_err(|e| AppError::Report(e.to_string()))??;
                let truncated = raw.len() > IC3_HEADER_BYTES;
                found.push(EmailHeaders {
                    at: c.at,
                    from: c.counterpart.clone(),
                    subject: c.subject.clone(),
                    headers: String::from_utf8_lossy(&raw[..raw.len().min(IC3_HEADER_BYTES)]).into_owned(),
                    truncated,
                });
                if found.len() as u32 >= IC3_EMAILS {
                    break 'pages;
                }
            }
        }
        Ok(found)
    }

    /// The counterparts matched to the chosen subjects; empty (every
    /// counterpart) when no subject was chosen.
    async fn chosen_counterparts(&self, case: &CaseId, selection: &Selection) -> Result<Vec<u32>> {
        if selection.subjects.is_empty() {
            return Ok(Vec::new());
        }
        let mut ids: Vec<u32> = self
            .counterparts(case)
            .await?
            .into_iter()
            .filter(|c| c.subject.as_ref().is_some_and(|s| selection.subjects.contains(s)))
            .map(|c| c.id)
            .collect();
        if ids.is_empty() {
            // No counterpart is theirs: match none rather than all.
            ids.push(0);
        }
        Ok(ids)
    }
}

fn collect_subjects(selection: &Selection, events: &[Event], subjects: &mut BTreeMap<SubjectId, Subject>) {
    let chosen = |id: &SubjectId| selection.subjects.is_empty() || selection.subjects.contains(id);
    for event in events {
        match &event.body {
            EventBody::SubjectAdded(subject) if chosen(&subject.id) => {
                subjects.insert(subject.id.clone(), subject.clone());
            }
            EventBody::IdentifierAssigned(assigned) => {
                if let Some(subject) = subjects.get_mut(&assigned.subject)
                    && !subject.identifiers.contains(&assigned.identifier)
                {
                    subject.identifiers.push(assigned.identifier.clone());
                }
            }
            _ => {}
        }
    }
}

/// The selection's days as instants, `to` inclusive. Days are UTC, as in
/// `cairn messages` and for evidence: the same selection gives the same
/// messages on any machine.
fn day_range_ms(selection: &Selection) -> (Option<i64>, Option<i64>) {
    let start = |day: jiff::civil::Date| day.to_zoned(TimeZone::UTC).map(|z| z.timestamp().as_millisecond()).ok();
    let from = selection.from.and_then(start);
    let to = selection.to.and_then(|d| d.tomorrow().ok()).and_then(start);
    (from, to)
}

fn report(e: impl std::fmt::Display) -> AppError {
    AppError::Report(e.to_string())
}

async fn write_bytes(request: &DocumentRequest, bytes: Vec<u8>) -> Result<Written> {
    let out = request.destination.name();
    request
        .destination
        .write(move |file| file.write_all(&bytes).map_err(AppError::file(&out)))
        .await
}

async fn write_table(request: &DocumentRequest, table: rows::Table) -> Result<(u64, Written)> {
    let count = table.rows.len() as u64;
    let out = request.destination.name();
    let written = request
        .destination
        .write(move |file| {
            let mut csv = CsvTable::new(std::io::BufWriter::new(file), &table.header).map_err(report)?;
            for row in &table.rows {
                csv.row(row).map_err(report)?;
            }
            csv.finish().map_err(report)?.flush().map_err(AppError::file(&out))?;
            Ok(())
        })
        .await?;
    Ok((count, written))
}
