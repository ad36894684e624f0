//! Messages kept as where they lie in their source (`cairn_store::Stored`),
//! read back from the sealed source by the importer that read them, and
//! checked against the dedup key recorded when they were imported.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::io::{BufReader, Read, Seek, SeekFrom};

use cairn_core::{CaseId, Communication, ImportKind, Named};
use cairn_store::{BlobStore, CommunicationRecord, SourceExtent, Store, Stored};

use super::recheck::settings_from;
use crate::{AppError, Result, Vault};

/// Where to read one import's messages from, and how.
struct Source {
    evidence: String,
    sha256: cairn_core::Hash,
    kind: ImportKind,
    options: cairn_ingest::sms_backup::SmsOptions,
}

impl<S: Store> Vault<S> {
    /// The page with every message read back whole.
    pub(super) async fn read_back(
        &self,
        case: &CaseId,
        page: Vec<CommunicationRecord<Stored>>,
    ) -> Result<Vec<CommunicationRecord>> {
        if !page.iter().any(|r| matches!(r.communication, Stored::InSource(_))) {
            return page.into_iter().map(|r| r.try_map(kept)).collect();
        }
        let sources: HashMap<u64, Source> = self
            .store
            .imports(case, None)
            .await?
            .into_iter()
            .map(|record| {
                let import = record.import;
                let source = Source {
                    evidence: import.source.to_string(),
                    sha256: import.source_sha256,
                    kind: import.kind,
                    options: settings_from(import.kind, &import.settings).sms_options(),
                };
                (record.seq, source)
            })
            .collect();
        let blobs = self.blobs.clone();
        tokio::task::spawn_blocking(move || read_page(&blobs, &sources, page))
            .await
            .map_err(|e| AppError::File {
                path: "communications".into(),
                source: std::io::Error::other(e.to_string()),
            })?
    }
}

fn kept(stored: Stored) -> Result<Communication> {
    match stored {
        Stored::Kept(c) => Ok(*c),
        _ => Err(corrupt("a message is kept in a way this build does not know")),
    }
}

fn read_page(
    blobs: &BlobStore,
    sources: &HashMap<u64, Source>,
    page: Vec<CommunicationRecord<Stored>>,
) -> Result<Vec<CommunicationRecord>> {
    // One reader per source: it keeps the chunk it decrypted last, and a
    // page's messages mostly lie next to each other.
    let mut readers = HashMap::new();
    let mut out = Vec::with_capacity(page.len());
    for record in page {
        let import_seq = record.import_seq;
        let record = record.try_map(|stored| {
            let Stored::InSource(extent) = stored else {
                return kept(stored);
            };
            let source = sources
                .get(&import_seq)
                .ok_or_else(|| corrupt("a message names an import the case does not hold"))?;
            let reader = match readers.entry(import_seq) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => e.insert(blobs.reader(&source.sha256)?),
            };
            read_one(reader, source, &extent)
        })?;
        out.push(record);
    }
    Ok(out)
}

/// The message `extent` says lies in `source`, as the import read it.
fn read_one(reader: &mut (impl Read + Seek), source: &Source, extent: &SourceExtent) -> Result<Communication> {
    let not_as_imported = |error: Option<cairn_ingest::ImportError>| AppError::NotAsImported {
        source_id: source.evidence.clone(),
        line: extent.start.line,
        offset: extent.start.byte_offset,
        error: error.map(Box::new),
    };
    if source.kind != ImportKind::SmsBackup {
        return Err(corrupt(&format!(
            "a message of a {} import is kept as where it lies in its source",
            source.kind.name()
        )));
    }
    reader
        .seek(SeekFrom::Start(extent.start.byte_offset))
        .map_err(|e| AppError::File {
            path: source.evidence.clone().into(),
            source: e,
        })?;
    let len = extent.end - extent.start.byte_offset;
    // A record is usually a few hundred bytes; one with pictures, more.
    let buffer = usize::try_from(len).unwrap_or(usize::MAX).clamp(256, 64 << 10);
    let bytes = BufReader::with_capacity(buffer, reader.by_ref().take(len));
    let c = cairn_ingest::sms_backup::read_record(bytes, &extent.start, extent.repeat, &source.options)
        .map_err(|e| not_as_imported(Some(e)))?;
    if c.dedup_key().0[..16] != extent.dedup {
        return Err(not_as_imported(None));
    }
    Ok(c)
}

fn corrupt(what: &str) -> AppError {
    AppError::Store(cairn_store::StoreError::Corrupt(what.to_owned()))
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use cairn_core::SourceRef;
    use cairn_ingest::sms_backup::SmsOptions;

    use super::*;

    fn check(source: &[u8], start: u64, end: u64, dedup: Option<[u8; 16]>) -> Result<Communication> {
        let source_of = Source {
            evidence: "e-test".into(),
            sha256: cairn_core::Hash([0; 32]),
            kind: ImportKind::SmsBackup,
            options: SmsOptions::new("US"),
        };
        let at = SourceRef {
            byte_offset: start,
            line: 2,
            entry: None,
        };
        let dedup = dedup.unwrap_or_else(|| {
            let c = cairn_ingest::sms_backup::read_record(
                &source[start as usize..end as usize],
                &at,
                0,
                &source_of.options,
            )
            .unwrap();
            c.dedup_key().0[..16].try_into().unwrap()
        });
        let extent = SourceExtent {
            start: at,
            end,
            repeat: 0,
            dedup,
        };
        read_one(&mut Cursor::new(source), &source_of, &extent)
    }

    /// A message reads back only from where it lies, and only as it was
    /// imported; anything else names the message and does not guess.
    #[test]
    fn a_message_reads_back_as_imported_or_not_at_all() {
        let xml = b"<smses>\n<sms address=\"4155550142\" date=\"1710000000000\" type=\"1\" body=\"where are you\" />\n</smses>\n";
        let (start, end) = (8, 87);
        assert_eq!(&xml[start as usize..end as usize][..4], b"<sms");
        assert_eq!(xml[end as usize - 1], b'>');
        let c = check(xml, start, end, None).unwrap();
        assert_eq!((c.body.as_deref(), c.source.line), (Some("where are you"), 2));

        let differs = check(xml, start, end, Some([1; 16])).unwrap_err();
        assert!(
            matches!(
                differs,
                AppError::NotAsImported {
                    error: None,
                    line: 2,
                    offset: 8,
                    ..
                }
            ),
            "{differs}"
        );
        let cut = check(xml, start, end - 3, Some([1; 16])).unwrap_err();
        assert!(matches!(cut, AppError::NotAsImported { error: Some(_), .. }), "{cut}");
        let elsewhere = check(xml, 0, end, Some([1; 16])).unwrap_err();
        assert!(
            matches!(elsewhere, AppError::NotAsImported { error: Some(_), .. }),
            "{elsewhere}"
        );
    }
}
