//! The importer's side of an import: turns what it reads into rows for the
//! store and blobs for attachments, and digests everything in file order.

use std::io::{self, Read, Seek, SeekFrom};
use std::sync::Arc;

use cairn_core::{AttachmentRef, Communication, Hash};
use cairn_ingest::{Sink, SinkError};
use cairn_store::{BlobStore, ImportFile, NewCommunication};
use sha2::{Digest, Sha256};
use tokio::sync::mpsc::Sender;

/// Rows handed to the store per message: large enough that the channel is
/// not the bottleneck, small enough to keep memory flat.
const BATCH: usize = 2000;

/// Domain separation for the digest of what an import extracted
/// (`docs/journal-spec.md`).
pub(crate) const DIGEST_PREFIX: &[u8] = b"cairn extracted v1\0";

/// One record's JSON, length-prefixed so no two record lists hash alike.
pub(crate) fn digest_record(digest: &mut Sha256, data: &str) {
    digest.update((data.len() as u64).to_be_bytes());
    digest.update(data.as_bytes());
}

pub(crate) enum Delivery {
    Communications(Vec<NewCommunication>),
    File(ImportFile),
}

pub(crate) struct VaultSink {
    tx: Sender<Delivery>,
    blobs: Arc<BlobStore>,
    batch: Vec<NewCommunication>,
    digest: Sha256,
    review: fn(&str) -> bool,
}

impl VaultSink {
    pub(crate) fn new(tx: Sender<Delivery>, blobs: Arc<BlobStore>, review: fn(&str) -> bool) -> Self {
        let mut digest = Sha256::new();
        digest.update(DIGEST_PREFIX);
        VaultSink {
            tx,
            blobs,
            batch: Vec::with_capacity(BATCH),
            digest,
            review,
        }
    }

    fn send(&mut self, delivery: Delivery) -> Result<(), SinkError> {
        self.tx
            .blocking_send(delivery)
            .map_err(|_| "the import was stopped".into())
    }

    /// Sends what is left and returns the digest of everything extracted.
    pub(crate) fn finish(mut self) -> Hash {
        if !self.batch.is_empty() {
            let rest = std::mem::take(&mut self.batch);
            let _ = self.send(Delivery::Communications(rest));
        }
        Hash(self.digest.finalize().into())
    }
}

impl Sink for VaultSink {
    fn communication(&mut self, communication: Communication) -> Result<(), SinkError> {
        let data = serde_json::to_string(&communication)?;
        digest_record(&mut self.digest, &data);
        let key = communication.dedup_key();
        let mut dedup = [0u8; 16];
        dedup.copy_from_slice(&key.0[..16]);
        let review = communication.body.as_deref().is_some_and(self.review);
        self.batch.push(NewCommunication {
            dedup,
            at_ms: communication.at.as_millisecond(),
            channel: communication.channel,
            direction: communication.direction,
            counterpart: communication.counterpart,
            counterpart_name: communication.counterpart_name,
            review,
            data,
        });
        if self.batch.len() >= BATCH {
            let full = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
            self.send(Delivery::Communications(full))?;
        }
        Ok(())
    }

    fn attachment(&mut self, name: &str, media_type: &str, data: &mut dyn Read) -> Result<AttachmentRef, SinkError> {
        let sealed = self.blobs.put_unsynced(data)?;
        let file = ImportFile {
            sha256: Hash(sealed.sha256),
            name: name.to_owned(),
            media_type: media_type.to_owned(),
            size: sealed.size,
            import_seq: 0,
        };
        let reference = AttachmentRef {
            name: file.name.clone(),
            media_type: file.media_type.clone(),
            size: file.size,
            sha256: file.sha256,
        };
        self.send(Delivery::File(file))?;
        Ok(reference)
    }
}

/// Reports how far into the source the importer has read, every 4 MiB.
pub(crate) struct Counted<R> {
    inner: R,
    pos: u64,
    reported: u64,
    report: Box<dyn FnMut(u64) + Send>,
}

impl<R> Counted<R> {
    pub(crate) fn new(inner: R, report: impl FnMut(u64) + Send + 'static) -> Self {
        Counted {
            inner,
            pos: 0,
            reported: 0,
            report: Box::new(report),
        }
    }
}

const REPORT_EVERY: u64 = 4 << 20;

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        if n == 0 || self.pos.abs_diff(self.reported) >= REPORT_EVERY {
            self.reported = self.pos;
            (self.report)(self.pos);
        }
        Ok(n)
    }
}

impl<R: Seek> Seek for Counted<R> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        self.pos = self.inner.seek(to)?;
        Ok(self.pos)
    }
}
