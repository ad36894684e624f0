use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use cairn_core::{CaseId, Custody, CustodyAction, EventBody, Evidence, EvidenceId, Hash, validate};
use cairn_store::{EvidenceRecord, Store};
use jiff::Timestamp;

use crate::vault::random_id_bytes;
use crate::{AppError, Result, Vault};

/// A file to acquire as evidence.
#[derive(Debug, Clone, Default)]
pub struct EvidenceInput {
    pub path: PathBuf,
    /// The name to record; defaults to the file's own name.
    pub name: Option<String>,
    /// Where it came from ("survivor's phone, screenshot of texts").
    pub source: Option<String>,
    pub note: Option<String>,
    pub media_type: Option<String>,
}

/// What is recorded about an uploaded file besides its bytes.
#[derive(Debug, Clone, Default)]
pub struct EvidenceMeta {
    /// The file's original name.
    pub name: String,
    pub source: Option<String>,
    pub note: Option<String>,
    /// As declared by the uploader; guessed from the name when absent.
    pub media_type: Option<String>,
}

/// The outcome of adding a file: the same bytes are never recorded twice in
/// one case, because two entries would invite two different stories.
#[derive(Debug, Clone)]
pub enum Added {
    New(EvidenceRecord),
    AlreadyInCase(EvidenceRecord),
}

impl Added {
    pub fn record(&self) -> &EvidenceRecord {
        match self {
            Added::New(r) | Added::AlreadyInCase(r) => r,
        }
    }
}

impl<S: Store> Vault<S> {
    /// Acquires a file: hashes and encrypts it in one streaming pass (the
    /// SHA-256 is of the bytes exactly as read), then records it in the
    /// journal. `progress` receives the number of bytes read so far.
    pub async fn add_evidence(
        &self,
        case: &CaseId,
        input: EvidenceInput,
        progress: impl FnMut(u64) + Send + 'static,
    ) -> Result<Added> {
        self.case(case).await?;
        let name = match &input.name {
            Some(name) => name.clone(),
            None => input
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "evidence".into()),
        };
        let file = File::open(&input.path).map_err(AppError::file(&input.path))?;
        if file.metadata().map_err(AppError::file(&input.path))?.is_dir() {
            return Err(AppError::File {
                path: input.path.clone(),
                source: std::io::Error::other("is a directory, not a file"),
            });
        }
        let meta = EvidenceMeta {
            name,
            source: input.source,
            note: input.note,
            media_type: input.media_type,
        };
        self.acquire(case, meta, file, input.path, progress).await
    }

    /// Acquires evidence from a stream (an upload): the bytes are hashed and
    /// encrypted as they arrive and never touch the disk in clear.
    pub async fn add_evidence_stream(
        &self,
        case: &CaseId,
        meta: EvidenceMeta,
        reader: impl Read + Send + 'static,
        progress: impl FnMut(u64) + Send + 'static,
    ) -> Result<Added> {
        self.case(case).await?;
        let label = PathBuf::from(&meta.name);
        self.acquire(case, meta, reader, label, progress).await
    }

    async fn acquire(
        &self,
        case: &CaseId,
        meta: EvidenceMeta,
        reader: impl Read + Send + 'static,
        label: PathBuf,
        progress: impl FnMut(u64) + Send + 'static,
    ) -> Result<Added> {
        let evidence = self.seal(meta, reader, label, progress).await?;
        if let Some(existing) = self.store.evidence_by_hash(case, &evidence.sha256).await? {
            return Ok(Added::AlreadyInCase(existing));
        }
        self.append(case, vec![EventBody::EvidenceAdded(evidence.clone())])
            .await?;
        Ok(Added::New(self.evidence(case, &evidence.id).await?))
    }

    /// Validates what is said about a file, then hashes and encrypts it into
    /// the blob store: the evidence value to record, not yet recorded.
    pub(crate) async fn seal(
        &self,
        meta: EvidenceMeta,
        reader: impl Read + Send + 'static,
        label: PathBuf,
        progress: impl FnMut(u64) + Send + 'static,
    ) -> Result<Evidence> {
        let original_name = validate::text("name", &meta.name, 500)?;
        let source = validate::optional_text("source", meta.source.as_deref(), 2_000)?.unwrap_or_else(|| "file".into());
        let note = validate::optional_text("note", meta.note.as_deref(), 10_000)?;
        let media_type = match meta
            .media_type
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty() && *m != "application/octet-stream")
        {
            Some(m) => validate::text("media type", m, 200)?,
            None => mime_guess::from_path(&original_name)
                .first_or_octet_stream()
                .essence_str()
                .to_owned(),
        };
        let acquired_at = Timestamp::now();
        let blobs = self.blobs.clone();
        let mut progress = progress;
        let sealed = tokio::task::spawn_blocking(move || blobs.put(reader, &mut progress))
            .await
            .map_err(|e| AppError::File {
                path: label.clone(),
                source: std::io::Error::other(e.to_string()),
            })?
            .map_err(|e| match e {
                cairn_store::StoreError::Crypto(cairn_crypto::Error::Io(source)) => AppError::File {
                    path: label.clone(),
                    source,
                },
                other => other.into(),
            })?;
        Ok(Evidence {
            id: EvidenceId::from_random(random_id_bytes()),
            original_name,
            media_type,
            size: sealed.size,
            sha256: Hash(sealed.sha256),
            acquired_at,
            acquired_by: self.actor().to_owned(),
            source,
            note,
        })
    }

    pub async fn evidence_list(&self, case: &CaseId) -> Result<Vec<EvidenceRecord>> {
        self.case(case).await?;
        Ok(self.store.evidence_list(case).await?)
    }

    pub async fn evidence(&self, case: &CaseId, id: &EvidenceId) -> Result<EvidenceRecord> {
        self.store.evidence(case, id).await?.ok_or_else(|| AppError::NotInCase {
            what: "evidence",
            id: id.to_string(),
            case: case.to_string(),
        })
    }

    /// Writes the decrypted original to `dest` (a file, or a directory to put
    /// it in under its original name) and logs the extraction in the chain of
    /// custody. The file appears only once fully written and verified.
    pub async fn extract_evidence(
        &self,
        case: &CaseId,
        id: &EvidenceId,
        dest: &Path,
        overwrite: bool,
    ) -> Result<(EvidenceRecord, PathBuf)> {
        let record = self.evidence(case, id).await?;
        let blobs = self.blobs.clone();
        let sha = record.evidence.sha256;
        let target = write_out(dest, &record.evidence.original_name, overwrite, move |file| {
            blobs.get(&sha, std::io::BufWriter::with_capacity(1 << 20, file))?;
            Ok(())
        })
        .await?;
        let detail = target
            .file_name()
            .map(|n| format!("extracted to a file named {}", n.to_string_lossy()));
        self.append(
            case,
            vec![EventBody::CustodyRecorded(Custody {
                evidence: id.clone(),
                action: CustodyAction::Extracted,
                detail,
            })],
        )
        .await?;
        Ok((self.evidence(case, id).await?, target))
    }
}

/// Writes what `fill` puts into a file to `dest` (a file, or a directory to
/// put it in under `name`), on a blocking thread. The file appears under its
/// name only once fully written and synced; refuses to replace one unless
/// `overwrite`.
pub(crate) async fn write_out(
    dest: &Path,
    name: &str,
    overwrite: bool,
    fill: impl FnOnce(&mut std::fs::File) -> Result<()> + Send + 'static,
) -> Result<PathBuf> {
    let target = if dest.is_dir() {
        dest.join(safe_file_name(name))
    } else {
        dest.to_owned()
    };
    if target.exists() && !overwrite {
        return Err(AppError::File {
            path: target,
            source: std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "already exists (choose another name)",
            ),
        });
    }
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_owned();
    let written = target.clone();
    tokio::task::spawn_blocking(move || -> Result<()> {
        let mut tmp = tempfile::Builder::new()
            .prefix(".cairn-extract-")
            .tempfile_in(&dir)
            .map_err(AppError::file(&dir))?;
        fill(tmp.as_file_mut())?;
        tmp.as_file().sync_all().map_err(AppError::file(&written))?;
        tmp.persist(&written).map_err(|e| AppError::File {
            path: written.clone(),
            source: e.error,
        })?;
        Ok(())
    })
    .await
    .map_err(|e| AppError::File {
        path: target.clone(),
        source: std::io::Error::other(e.to_string()),
    })??;
    Ok(target)
}

/// A stored original name may contain path separators or control
/// characters (it came from a person or an import); never let it choose a
/// directory or break a line of a manifest.
pub(crate) fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    match cleaned.trim_start_matches('.') {
        "" => "evidence".into(),
        rest => rest.to_owned(),
    }
}
