//! Re-reading imported sources: the messages of a case are a projection of
//! its evidence files, so anyone holding the files can check them. This
//! runs each recorded import again over the stored source, with the recorded
//! settings, and compares what comes out with the journal's digest.

use std::collections::BTreeMap;
use std::io::{BufReader, Read};

use super::ImportSettings;
use super::sink::ExtractedDigest;
use crate::journal::Problem;
use crate::{Result, Vault};
use cairn_core::{AttachmentRef, CaseId, Communication, Extracted, Hash, Named};
use cairn_ingest::{Sink, SinkError};
use cairn_store::Store;

/// Digests what an importer extracts exactly as an import does, storing nothing.
pub(crate) struct DigestSink {
    digest: ExtractedDigest,
    format: u32,
    record: Vec<u8>,
    pub(crate) communications: u64,
}

impl DigestSink {
    /// For the digest format an import recorded; `None` for one this build
    /// does not know.
    pub(crate) fn new(format: u32) -> Option<Self> {
        Some(DigestSink {
            digest: ExtractedDigest::new(format)?,
            format,
            record: Vec::new(),
            communications: 0,
        })
    }

    pub(crate) fn finish(self) -> Hash {
        self.digest.finish()
    }
}

impl Sink for DigestSink {
    fn communication(&mut self, communication: Communication) -> std::result::Result<(), SinkError> {
        self.record.clear();
        if self.format == Extracted::DIGEST_JSON {
            serde_json::to_writer(&mut self.record, &communication)?;
        } else {
            communication.canonical_into(&mut self.record);
        }
        self.digest.record(&self.record);
        self.communications += 1;
        Ok(())
    }

    fn attachment(
        &mut self,
        name: &str,
        media_type: &str,
        data: &mut dyn Read,
    ) -> std::result::Result<AttachmentRef, SinkError> {
        Ok(cairn_ingest::hash_attachment(name, media_type, data)?)
    }
}

/// Settings as the journal recorded them, back into the importer's options.
pub(super) fn settings_from(kind: cairn_core::ImportKind, map: &BTreeMap<String, String>) -> ImportSettings {
    let get = |k: &str| map.get(k).cloned();
    ImportSettings {
        region: get("region").unwrap_or_else(|| "US".into()),
        time_zone: get("time_zone"),
        date_order: get("date_order"),
        owner: get("owner")
            .map(|o| o.split('\n').map(str::to_owned).collect())
            .unwrap_or_default(),
        chat_name: get("chat_name"),
        ..ImportSettings::new(kind)
    }
}

impl<S: Store> Vault<S> {
    /// Runs every import of the case again; a problem for each whose source
    /// no longer gives what the journal recorded.
    pub async fn recheck_imports(&self, case: &CaseId) -> Result<Vec<Problem>> {
        let mut problems = Vec::new();
        for record in self.store.imports(case, None).await? {
            let import = record.import;
            if import.kind == cairn_core::ImportKind::Photo {
                continue;
            }
            let settings = settings_from(import.kind, &import.settings);
            let blobs = self.blobs.clone();
            let sha = import.source_sha256;
            let format = import.extracted.digest_format;
            let outcome = tokio::task::spawn_blocking(move || -> std::result::Result<(Hash, u64), String> {
                let reader = blobs.reader(&sha).map_err(|e| e.to_string())?;
                let mut sink =
                    DigestSink::new(format).ok_or(format!("digest format {format} is not known to this build"))?;
                let mut source = reader;
                let read = match settings.kind {
                    cairn_core::ImportKind::SmsBackup => cairn_ingest::sms_backup::import(
                        BufReader::with_capacity(1 << 20, &mut source),
                        &mut sink,
                        &settings.sms_options(),
                    ),
                    cairn_core::ImportKind::Whatsapp => {
                        let options = settings.whatsapp_options().map_err(|e| e.to_string())?;
                        cairn_ingest::whatsapp::import(&mut source, &mut sink, &options)
                    }
                    _ => cairn_ingest::email::import(
                        BufReader::with_capacity(1 << 20, &mut source),
                        &mut sink,
                        &settings.email_options(),
                    ),
                };
                read.map_err(|e| e.to_string())?;
                let n = sink.communications;
                Ok((sink.finish(), n))
            })
            .await;
            let detail = match outcome {
                Ok(Ok((digest, n))) if digest == import.extracted.digest && n == import.extracted.communications => {
                    continue;
                }
                Ok(Ok((digest, n))) => format!(
                    "{} {} v{} now reads {n} records with digest {digest}; the journal recorded {} with {}",
                    import.kind.name(),
                    import.importer,
                    import.importer_version,
                    import.extracted.communications,
                    import.extracted.digest
                ),
                Ok(Err(e)) => e,
                Err(e) => e.to_string(),
            };
            problems.push(Problem::ImportNotReproduced {
                seq: record.seq,
                source: import.source.to_string(),
                detail,
            });
        }
        Ok(problems)
    }
}

#[cfg(test)]
mod tests {
    use cairn_core::{CommChannel, Direction, SourceRef};
    use sha2::{Digest, Sha256};

    use super::*;

    /// Journals written before the digest format was recorded are checked
    /// as they were written: over each record's JSON.
    #[test]
    fn each_digest_format_covers_its_own_bytes() {
        let c = Communication {
            at: "2024-01-15T21:05:00Z".parse().unwrap(),
            channel: CommChannel::Sms,
            direction: Direction::Incoming,
            delivery: None,
            counterpart: "+15550100".into(),
            counterpart_name: None,
            others: vec![],
            subject: None,
            body: Some("where are you".into()),
            duration_secs: None,
            attachments: vec![],
            flags: Default::default(),
            email: None,
            repeat: 0,
            source: SourceRef::default(),
        };
        let mut canonical = Vec::new();
        c.canonical_into(&mut canonical);
        let json = serde_json::to_vec(&c).unwrap();
        for (format, prefix, record) in [
            (Extracted::DIGEST_JSON, &b"cairn extracted v1\0"[..], json),
            (Extracted::DIGEST_CANONICAL, &b"cairn extracted v2\0"[..], canonical),
        ] {
            let mut sink = DigestSink::new(format).unwrap();
            sink.communication(c.clone()).unwrap();
            let mut expected = Sha256::new();
            expected.update(prefix);
            expected.update((record.len() as u64).to_be_bytes());
            expected.update(&record);
            assert_eq!(sink.finish(), Hash(expected.finalize().into()), "format {format}");
        }
        assert!(DigestSink::new(3).is_none());
    }
}
