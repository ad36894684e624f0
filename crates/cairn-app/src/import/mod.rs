//! Importing an export file into a case: the file becomes evidence, then an
//! importer reads the *stored* copy (so what is read is exactly what was
//! hashed) and its messages, calls and attachments are projected into the
//! case in one transaction with a single `source_imported` event.
//!
//! An import that fails leaves the case as it was. The encrypted blob of the
//! source may remain in the blob store, unreferenced: content-addressed blobs
//! are shared between cases, so removing one is never safe here.

mod files;
mod options;
mod read_back;
mod recheck;
mod sink;
mod tee;

use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use cairn_core::{CaseId, EventBody, Evidence, Extracted, ImportKind, Named, PhotoFacts, SourceImported};
use cairn_ingest::{ImportError, Summary};
use cairn_store::{ContactTally, Counterpart, EvidenceRecord, ImportRecord, ImportSession, Store};
use serde::Serialize;

pub use options::ImportSettings;
use sink::{Delivery, ExtractedDigest, VaultSink};

use crate::evidence::EvidenceMeta;
use crate::{AppError, Result, Vault};

/// Which part of an import is running, for progress displays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Hashing and encrypting the source file into the vault.
    Storing,
    /// The importer reading the stored copy (a chat export is read twice).
    Reading,
    /// Writing the journal event and committing.
    Saving,
}

/// Progress callback: stage, bytes done, bytes in total (0 when unknown).
pub type Progress = Arc<Mutex<dyn FnMut(Stage, u64, u64) + Send>>;

/// What an import did.
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    pub evidence: EvidenceRecord,
    /// True when this exact file had already been imported with the same
    /// settings: nothing was added.
    pub already_imported: bool,
    pub import: ImportRecord,
    /// The importer's own account: skipped records with reasons, missing media.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    /// Counterparts that match no subject of the case yet.
    pub unassigned: Vec<Counterpart>,
}

impl<S: Store> Vault<S> {
    /// Imports a file from disk. `name` defaults to the file's own name.
    pub async fn import_file(
        &self,
        case: &CaseId,
        path: &Path,
        settings: ImportSettings,
        progress: Progress,
    ) -> Result<ImportReport> {
        let file = std::fs::File::open(path).map_err(AppError::file(path))?;
        let meta = file.metadata().map_err(AppError::file(path))?;
        if meta.is_dir() {
            return Err(AppError::File {
                path: path.to_owned(),
                source: std::io::Error::other("is a directory, not a file"),
            });
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "import".into());
        let total = meta.len();
        self.import_stream(case, name, file, total, settings, progress).await
    }

    /// Imports from a stream (an upload) of `total` bytes (0 if unknown).
    pub async fn import_stream(
        &self,
        case: &CaseId,
        name: String,
        reader: impl Read + Send + 'static,
        total: u64,
        settings: ImportSettings,
        progress: Progress,
    ) -> Result<ImportReport> {
        self.case(case).await?;
        let settings_map = settings.to_map()?;
        let meta = EvidenceMeta {
            name: name.clone(),
            source: settings
                .source
                .clone()
                .or_else(|| Some(format!("{} export", settings.kind.name()))),
            note: settings.note.clone(),
            media_type: None,
        };
        if reads_in_one_pass(settings.kind) {
            let one_pass =
                self.import_in_one_pass(case, meta, reader, total, &settings, &settings_map, progress.clone());
            return match one_pass.await? {
                OnePass::Imported(report) => Ok(*report),
                OnePass::Known(evidence) => {
                    self.import_sealed(case, evidence, &settings, settings_map, progress)
                        .await
                }
            };
        }
        let storing = progress.clone();
        let evidence = self
            .seal(meta, reader, PathBuf::from(&name), move |done| {
                if let Ok(mut p) = storing.lock() {
                    p(Stage::Storing, done, total);
                }
            })
            .await?;
        self.import_sealed(case, evidence, &settings, settings_map, progress)
            .await
    }

    /// Seals the source and imports it in the same pass, assuming the case
    /// does not hold this file yet. When it turns out to, everything read is
    /// rolled back and the caller takes the path for a known file, which
    /// knows about earlier imports of it.
    #[allow(clippy::too_many_arguments)]
    async fn import_in_one_pass(
        &self,
        case: &CaseId,
        meta: EvidenceMeta,
        reader: impl Read + Send + 'static,
        total: u64,
        settings: &ImportSettings,
        settings_map: &SettingsMap,
        progress: Progress,
    ) -> Result<OnePass> {
        let mut session = self.store.begin_import(case, 1).await?;
        let name = meta.name.clone();
        let reading = progress.clone();
        let (source, chunks) = tee::tee(
            reader,
            Box::new(move |done| {
                if let Ok(mut p) = reading.lock() {
                    p(Stage::Reading, done, total);
                }
            }),
        );
        let stopped = chunks.stop_flag();
        let sealing = self.seal(meta, source, PathBuf::from(&name), |_| {});
        let reading = self.read_into_session(&mut session, Input::Streamed(chunks), &name, settings);
        let (sealed, read) = tokio::join!(sealing, reading);
        // A sealing failure of its own (an unreadable file, a full disk) is
        // the cause of whatever the importer then saw; one caused by the
        // importer stopping is not.
        let sealed = match sealed {
            Err(e) if !stopped.load(std::sync::atomic::Ordering::Relaxed) => return Err(e),
            other => other,
        };
        let read = read?;
        let evidence = sealed?;
        if self.store.evidence_by_hash(case, &evidence.sha256).await?.is_some() {
            drop(session);
            return Ok(OnePass::Known(evidence));
        }
        let report = self
            .record_import(
                case,
                evidence,
                true,
                settings,
                settings_map.clone(),
                read,
                session,
                progress,
            )
            .await?;
        Ok(OnePass::Imported(Box::new(report)))
    }

    /// Imports a source already sealed into the vault, reading the stored copy.
    async fn import_sealed(
        &self,
        case: &CaseId,
        evidence: Evidence,
        settings: &ImportSettings,
        settings_map: SettingsMap,
        progress: Progress,
    ) -> Result<ImportReport> {
        let existing = self.store.evidence_by_hash(case, &evidence.sha256).await?;
        if let Some(record) = &existing {
            let earlier = self.store.imports(case, Some(&evidence.sha256)).await?;
            if let Some(import) = earlier.into_iter().find(|i| {
                i.import.kind == settings.kind
                    && i.import.settings == settings_map
                    && i.import.importer_version == importer_version(settings.kind)
            }) {
                return Ok(ImportReport {
                    evidence: record.clone(),
                    already_imported: true,
                    import,
                    summary: None,
                    unassigned: self.unassigned(case).await?,
                });
            }
        }
        let is_new = existing.is_none();
        let source = existing.map(|r| r.evidence).unwrap_or(evidence);
        let mut session = self.store.begin_import(case, u64::from(is_new)).await?;
        let reader = self.blobs.reader(&source.sha256)?;
        let total = reader.len();
        let reading = progress.clone();
        let counted = sink::Counted::new(reader, move |done| {
            if let Ok(mut p) = reading.lock() {
                p(Stage::Reading, done, total);
            }
        });
        let name = source.original_name.clone();
        let read = self
            .read_into_session(&mut session, Input::Stored(Box::new(counted)), &name, settings)
            .await?;
        self.record_import(case, source, is_new, settings, settings_map, read, session, progress)
            .await
    }

    /// Appends the import's events, commits, and reports.
    #[allow(clippy::too_many_arguments)]
    async fn record_import(
        &self,
        case: &CaseId,
        source: Evidence,
        is_new: bool,
        settings: &ImportSettings,
        settings_map: SettingsMap,
        read: ReadBack,
        session: S::Import,
        progress: Progress,
    ) -> Result<ImportReport> {
        let seq = session.import_seq();
        let tally = session.contact_tally();
        let summary = read.summary;
        let import = SourceImported {
            source: source.id.clone(),
            source_sha256: source.sha256,
            kind: settings.kind,
            importer: summary.importer.to_owned(),
            importer_version: summary.importer_version,
            settings: settings_map,
            extracted: read.extracted,
            photo: read.photo,
        };
        let mut events = Vec::new();
        if is_new {
            events.push(EventBody::EvidenceAdded(source.clone()));
        }
        events.push(EventBody::SourceImported(import));
        if let Ok(mut p) = progress.lock() {
            p(Stage::Saving, 0, 0);
        }
        self.finish_import(session, events).await?;
        let import = self
            .store
            .imports(case, Some(&source.sha256))
            .await?
            .into_iter()
            .find(|i| i.seq == seq)
            .ok_or_else(|| {
                AppError::Store(cairn_store::StoreError::Corrupt(
                    "the import just recorded is missing".into(),
                ))
            })?;
        Ok(ImportReport {
            evidence: self.evidence(case, &source.id).await?,
            already_imported: false,
            import,
            summary: Some(summary),
            unassigned: self.unassigned_after(case, tally).await?,
        })
    }

    /// Imports of a case, oldest first.
    pub async fn imports(&self, case: &CaseId) -> Result<Vec<ImportRecord>> {
        self.case(case).await?;
        Ok(self.store.imports(case, None).await?)
    }

    pub async fn counterparts(&self, case: &CaseId) -> Result<Vec<Counterpart>> {
        self.case(case).await?;
        Ok(self.store.counterparts(case).await?)
    }

    async fn unassigned(&self, case: &CaseId) -> Result<Vec<Counterpart>> {
        self.unassigned_after(case, None).await
    }

    /// With the tally of a case's first import, counting is not a read of
    /// every contact the import just wrote (0.15 s at the end of a
    /// 1.1M-message import, with nothing else left to overlap it).
    async fn unassigned_after(&self, case: &CaseId, tally: Option<ContactTally>) -> Result<Vec<Counterpart>> {
        let mut all = match tally {
            Some(tally) => {
                let mut all = self.store.counterpart_subjects(case).await?;
                tally.apply(&mut all);
                all
            }
            None => self.store.counterparts(case).await?,
        };
        all.retain(|c| c.subject.is_none());
        Ok(all)
    }

    async fn finish_import(&self, session: S::Import, bodies: Vec<EventBody>) -> Result<()> {
        let recorded_at = jiff::Timestamp::now();
        let events = bodies
            .into_iter()
            .map(|body| cairn_store::NewEvent {
                recorded_at,
                actor: self.actor().to_owned(),
                body,
            })
            .collect();
        session
            .finish(events, &|body: &cairn_core::CheckpointBody| self.sign(body))
            .await?;
        Ok(())
    }

    /// Runs the importer over `input` on a blocking thread while this task
    /// writes what it delivers into the open import transaction.
    async fn read_into_session(
        &self,
        session: &mut S::Import,
        input: Input,
        name: &str,
        settings: &ImportSettings,
    ) -> Result<ReadBack> {
        let known = session.known_files().into_iter().collect();
        let pack = self.blobs.pack()?;
        let (tx, mut rx) = tokio::sync::mpsc::channel::<Delivery>(8);
        let blobs = self.blobs.clone();
        let settings = settings.clone();
        let parse = tokio::task::spawn_blocking(move || {
            let keep_in_source = settings.kind == ImportKind::SmsBackup;
            let mut sink = VaultSink::new(tx, blobs.clone(), pack, known, keep_in_source);
            let outcome = run_importer(&settings, input, &mut sink);
            let pack = sink.finish();
            let (summary, photo) = outcome.map_err(ImportFailure::Import)?;
            let pack = blobs.finish_pack(pack).map_err(ImportFailure::Store)?;
            if summary.attachments > 0 {
                // The files must be on disk before the transaction naming them commits.
                blobs.sync().map_err(ImportFailure::Store)?;
            }
            Ok((summary, photo, pack))
        });
        let mut added = 0u64;
        let mut digest = ExtractedDigest::canonical();
        while let Some(mut delivery) = rx.recv().await {
            // Files first: a message may name a picture delivered with it.
            if !delivery.files.is_empty() {
                session.add_files(delivery.files).await?;
            }
            if !delivery.communications.is_empty() {
                delivery.communications.records().for_each(|json| digest.record(json));
                delivery.communications.mark_for_review(review);
                added += session.add(delivery.communications).await?;
            }
        }
        let joined = parse.await.map_err(|e| AppError::File {
            path: PathBuf::from(name),
            source: std::io::Error::other(e.to_string()),
        })?;
        let (summary, photo, pack) = joined.map_err(|failure| match failure {
            ImportFailure::Import(error) => AppError::Import {
                file: name.to_owned(),
                error: Box::new(error),
            },
            ImportFailure::Store(e) => AppError::Store(e),
        })?;
        if let Some(pack) = pack {
            session.set_pack(pack).await?;
        }
        let extracted = Extracted {
            communications: summary.communications,
            added,
            attachments: summary.attachments,
            skipped: summary.skipped,
            declared_records: summary.declared_records,
            missing_media: summary.missing_media.len() as u64,
            digest: digest.finish(),
            digest_format: Extracted::DIGEST_CANONICAL,
        };
        Ok(ReadBack {
            summary,
            extracted,
            photo,
        })
    }
}

type SettingsMap = std::collections::BTreeMap<String, String>;

/// How an import that read its source in one pass ended.
enum OnePass {
    Imported(Box<ImportReport>),
    /// The case holds this file already: import it as a known file.
    Known(Evidence),
}

/// Importers that read their source front to back, once: their source can
/// be read while it is sealed. A chat export is read twice (its zip
/// directory first) and a photo is small.
fn reads_in_one_pass(kind: ImportKind) -> bool {
    matches!(kind, ImportKind::SmsBackup | ImportKind::Email)
}

/// What an importer reads: the stored copy, or the source as it is sealed.
enum Input {
    Stored(Box<Source>),
    Streamed(tee::Chunks),
}

/// What reading a source gave.
struct ReadBack {
    summary: Summary,
    extracted: Extracted,
    photo: Option<PhotoFacts>,
}

/// Whether a body should be put before a person for review: it matched
/// the review word list. Never a finding that the message is a threat.
fn review(body: &str) -> bool {
    cairn_pattern::Lexicon::bundled().needs_review(body)
}

/// Why the reading side of an import stopped.
enum ImportFailure {
    Import(ImportError),
    Store(cairn_store::StoreError),
}

fn importer_version(kind: ImportKind) -> u32 {
    match kind {
        ImportKind::SmsBackup => cairn_ingest::sms_backup::IMPORTER_VERSION,
        ImportKind::Whatsapp => cairn_ingest::whatsapp::IMPORTER_VERSION,
        ImportKind::Email => cairn_ingest::email::IMPORTER_VERSION,
        _ => cairn_ingest::photo::IMPORTER_VERSION,
    }
}

type Source = sink::Counted<cairn_crypto::BlobReader<std::fs::File>>;

fn run_importer(
    settings: &ImportSettings,
    input: Input,
    sink: &mut VaultSink,
) -> std::result::Result<(Summary, Option<PhotoFacts>), ImportError> {
    const BUFFER: usize = 1 << 20;
    let mut source = match input {
        Input::Streamed(mut chunks) => {
            let read = read_front_to_back(settings, &mut chunks, sink)?;
            chunks.drain();
            return Ok((read, None));
        }
        Input::Stored(source) => *source,
    };
    match settings.kind {
        ImportKind::SmsBackup | ImportKind::Email => {
            read_front_to_back(settings, BufReader::with_capacity(BUFFER, &mut source), sink).map(|s| (s, None))
        }
        ImportKind::Whatsapp => {
            let options = settings.whatsapp_options()?;
            cairn_ingest::whatsapp::import(&mut source, sink, &options).map(|s| (s, None))
        }
        _ => {
            // Any other kind of file is still evidence: it is recorded, with
            // no photo facts, rather than refused.
            let facts = match cairn_ingest::photo::read_metadata(&mut source) {
                Ok(meta) => Some(options::photo_facts(&meta)),
                Err(ImportError::Io { source, kind }) => return Err(ImportError::Io { kind, source }),
                Err(_) => None,
            };
            Ok((photo_summary(), facts))
        }
    }
}

/// The importers that read their source once, front to back.
fn read_front_to_back(
    settings: &ImportSettings,
    source: impl std::io::BufRead,
    sink: &mut VaultSink,
) -> std::result::Result<Summary, ImportError> {
    match settings.kind {
        ImportKind::Email => cairn_ingest::email::import(source, sink, &settings.email_options()),
        _ => cairn_ingest::sms_backup::import(source, sink, &settings.sms_options()),
    }
}

fn photo_summary() -> Summary {
    cairn_ingest::Summary::new(cairn_ingest::photo::IMPORTER, cairn_ingest::photo::IMPORTER_VERSION)
}

impl<S: Store> Vault<S> {
    /// One page of a case's messages and calls, oldest first.
    pub async fn communications(
        &self,
        case: &CaseId,
        query: &cairn_store::CommQuery,
    ) -> Result<Vec<cairn_store::CommunicationRecord>> {
        self.case(case).await?;
        let page = self.store.communications(case, query).await?;
        self.read_back(case, page).await
    }

    /// Files found inside a case's imported sources.
    pub async fn import_files(&self, case: &CaseId, import_seq: Option<u64>) -> Result<Vec<cairn_store::ImportFile>> {
        self.case(case).await?;
        Ok(self.store.import_files(case, import_seq).await?)
    }
}
