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
mod recheck;
mod sink;

use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use cairn_core::{CaseId, EventBody, Evidence, Extracted, ImportKind, Named, PhotoFacts, SourceImported};
use cairn_ingest::{ImportError, Summary};
use cairn_store::{Counterpart, EvidenceRecord, ImportRecord, ImportSession, Store};
use serde::Serialize;

pub use options::ImportSettings;
use sink::{Delivery, VaultSink};

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
        let storing = progress.clone();
        let evidence = self
            .seal(meta, reader, PathBuf::from(&name), move |done| {
                if let Ok(mut p) = storing.lock() {
                    p(Stage::Storing, done, total);
                }
            })
            .await?;
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
        let source = existing.as_ref().map(|r| r.evidence.clone()).unwrap_or(evidence);
        let preceding = u64::from(existing.is_none());
        let read = self
            .read_into_case(case, &source, &settings, preceding, progress.clone())
            .await?;
        let (summary, session) = (read.summary, read.session);
        let seq = session.import_seq();
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
        if existing.is_none() {
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
            unassigned: self.unassigned(case).await?,
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
        let mut all = self.store.counterparts(case).await?;
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

    /// Runs the importer over the stored source on a blocking thread while
    /// this task writes what it delivers into the open import transaction.
    async fn read_into_case(
        &self,
        case: &CaseId,
        source: &Evidence,
        settings: &ImportSettings,
        preceding: u64,
        progress: Progress,
    ) -> Result<ReadBack<S::Import>> {
        let mut session = self.store.begin_import(case, preceding).await?;
        let seq = session.import_seq();
        let known = session.known_files().into_iter().collect();
        let pack = self.blobs.pack()?;
        let reader = self.blobs.reader(&source.sha256)?;
        let total = reader.len();
        let (tx, mut rx) = tokio::sync::mpsc::channel::<Delivery>(8);
        let blobs = self.blobs.clone();
        let settings = settings.clone();
        let name = source.original_name.clone();
        let parse = tokio::task::spawn_blocking(move || {
            let mut counted = sink::Counted::new(reader, move |done| {
                if let Ok(mut p) = progress.lock() {
                    p(Stage::Reading, done, total);
                }
            });
            let mut sink = VaultSink::new(tx, blobs.clone(), review, pack, known);
            let outcome = run_importer(&settings, &mut counted, &mut sink);
            let (digest, pack) = sink.finish();
            let (summary, photo) = outcome.map_err(ImportFailure::Import)?;
            let pack = blobs.finish_pack(pack).map_err(ImportFailure::Store)?;
            if summary.attachments > 0 {
                // The files must be on disk before the transaction naming them commits.
                blobs.sync().map_err(ImportFailure::Store)?;
            }
            Ok((summary, photo, digest, pack))
        });
        let mut added = 0u64;
        while let Some(delivery) = rx.recv().await {
            match delivery {
                Delivery::Communications(batch) => added += session.add(batch).await?,
                Delivery::File(file) => {
                    session
                        .add_file(cairn_store::ImportFile {
                            import_seq: seq,
                            ..file
                        })
                        .await?;
                }
            }
        }
        let joined = parse.await.map_err(|e| AppError::File {
            path: PathBuf::from(&name),
            source: std::io::Error::other(e.to_string()),
        })?;
        let (summary, photo, finished, pack) = joined.map_err(|failure| match failure {
            ImportFailure::Import(error) => AppError::Import {
                file: name.clone(),
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
            digest: finished,
        };
        Ok(ReadBack {
            summary,
            extracted,
            photo,
            session,
        })
    }
}

/// What reading a source gave, with the import transaction still open.
struct ReadBack<I> {
    summary: Summary,
    extracted: Extracted,
    photo: Option<PhotoFacts>,
    session: I,
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
    source: &mut Source,
    sink: &mut VaultSink,
) -> std::result::Result<(Summary, Option<PhotoFacts>), ImportError> {
    const BUFFER: usize = 1 << 20;
    match settings.kind {
        ImportKind::SmsBackup => {
            let options = settings.sms_options();
            cairn_ingest::sms_backup::import(BufReader::with_capacity(BUFFER, source), sink, &options)
                .map(|s| (s, None))
        }
        ImportKind::Whatsapp => {
            let options = settings.whatsapp_options()?;
            cairn_ingest::whatsapp::import(source, sink, &options).map(|s| (s, None))
        }
        ImportKind::Email => {
            let options = settings.email_options();
            cairn_ingest::email::import(BufReader::with_capacity(BUFFER, source), sink, &options).map(|s| (s, None))
        }
        _ => {
            // Any other kind of file is still evidence: it is recorded, with
            // no photo facts, rather than refused.
            let facts = match cairn_ingest::photo::read_metadata(source) {
                Ok(meta) => Some(options::photo_facts(&meta)),
                Err(ImportError::Io { source, kind }) => return Err(ImportError::Io { kind, source }),
                Err(_) => None,
            };
            Ok((photo_summary(), facts))
        }
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
        Ok(self.store.communications(case, query).await?)
    }

    /// Files found inside a case's imported sources.
    pub async fn import_files(&self, case: &CaseId, import_seq: Option<u64>) -> Result<Vec<cairn_store::ImportFile>> {
        self.case(case).await?;
        Ok(self.store.import_files(case, import_seq).await?)
    }
}
