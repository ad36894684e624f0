//! Files found inside imported sources (MMS pictures, chat media, email
//! attachments): written out on request, with the extraction logged in the
//! chain of custody of the source they came from.

use std::io::{BufReader, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use cairn_core::{CaseId, Custody, CustodyAction, EventBody, Hash};
use cairn_store::{BlobStore, ImportFile, Store, StoreError};
use sha2::{Digest, Sha256};

use crate::evidence::write_out;
use crate::{AppError, Result, Vault};

impl<S: Store> Vault<S> {
    /// Writes one imported file to `dest` (a file, or a directory to put it
    /// in under its own name). Returns the file's record, the evidence id of
    /// the source it came from, and where it was written.
    pub async fn extract_import_file(
        &self,
        case: &CaseId,
        sha256: &Hash,
        dest: &Path,
        overwrite: bool,
    ) -> Result<(ImportFile, cairn_core::EvidenceId, PathBuf)> {
        self.case(case).await?;
        let not_here = || AppError::NotInCase {
            what: "evidence",
            id: sha256.to_string(),
            case: case.to_string(),
        };
        let file = self.store.import_file(case, sha256).await?.ok_or_else(not_here)?;
        let imports = self.store.imports(case, None).await?;
        let (source, source_sha256) = imports
            .iter()
            .find(|i| i.seq == file.import_seq)
            .map(|i| (i.import.source.clone(), i.import.source_sha256))
            .ok_or_else(not_here)?;
        let blobs = self.blobs.clone();
        let record = file.clone();
        let target = write_out(dest, &file.name, overwrite, move |out| {
            match (&record.pack, record.pack_offset, record.source_offset) {
                (_, _, Some(at)) => {
                    let bytes = read_from_source(&blobs, &source_sha256, at, &record)?;
                    out.write_all(&bytes).map_err(AppError::file(&record.name))?;
                }
                (Some(pack), Some(offset), None) => {
                    let bytes = blobs.read_packed(pack, offset, record.size, &record.sha256)?;
                    out.write_all(&bytes).map_err(AppError::file(&record.name))?;
                }
                _ => {
                    blobs.get(&record.sha256, std::io::BufWriter::new(out))?;
                }
            }
            Ok(())
        })
        .await?;
        self.append(
            case,
            vec![EventBody::CustodyRecorded(Custody {
                evidence: source.clone(),
                action: CustodyAction::Extracted,
                detail: Some(format!(
                    "extracted the file {} (SHA-256 {}) found inside it",
                    file.name, file.sha256
                )),
            })],
        )
        .await?;
        Ok((file, source, target))
    }
}

/// A picture decoded again from the sealed backup it was imported from,
/// checked against the size and SHA-256 recorded for it.
fn read_from_source(blobs: &BlobStore, source: &Hash, at: u64, record: &ImportFile) -> Result<Vec<u8>> {
    let integrity = |reason: String| {
        AppError::Store(StoreError::BlobIntegrity {
            sha256: record.sha256.to_string(),
            reason,
        })
    };
    let mut reader = blobs.reader(source)?;
    reader.seek(SeekFrom::Start(at)).map_err(|e| integrity(e.to_string()))?;
    let bytes = cairn_ingest::sms_backup::read_attachment(BufReader::with_capacity(64 << 10, reader))
        .map_err(|e| integrity(e.to_string()))?;
    let found = Hash(Sha256::digest(&bytes).into());
    if bytes.len() as u64 != record.size || found != record.sha256 {
        return Err(integrity(
            "the file read back from its source differs from what was imported".into(),
        ));
    }
    Ok(bytes)
}
