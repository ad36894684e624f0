//! The importer's side of an import: turns what it reads into rows for the
//! store and blobs for attachments, and digests everything in file order.

use std::collections::HashSet;
use std::io::{self, Read, Seek, SeekFrom};
use std::sync::Arc;

use cairn_core::{AttachmentRef, Communication, Extracted, Hash};
use cairn_ingest::{Sink, SinkError};
use cairn_store::{BlobStore, CommBatch, CommBatcher, ImportFile, PackWriter};
use sha2::{Digest, Sha256};
use tokio::sync::mpsc::Sender;
use zeroize::Zeroizing;

/// Messages handed to the store at a time: large enough that the channel is
/// not the bottleneck, small enough to keep memory flat. A full batch is one
/// stored chunk of messages.
const BATCH: usize = 2000;

/// Bytes to keep handed to the store at a time, at most, when messages are long.
const BATCH_BYTES: usize = 4 << 20;

/// Files per message. Every message wakes the database side, and a wake-up
/// costs more than storing a small picture: one per file made a
/// picture-heavy backup spend most of its time switching threads.
const FILE_BATCH: usize = 500;

/// Attachments up to this size go into the import's pack; larger ones get a
/// blob of their own. A picture or a voice note is far below it.
const PACK_MAX: usize = 16 << 20;

/// The digest of what an import extracted (`docs/journal-spec.md`): every
/// record in file order, written as its digest format says (JSON before
/// the format was recorded, then `Communication::canonical_into`), each
/// length-prefixed so no two record lists hash alike.
pub(crate) struct ExtractedDigest(Sha256);

/// Domain separation for each digest format.
const JSON_PREFIX: &[u8] = b"cairn extracted v1\0";
const CANONICAL_PREFIX: &[u8] = b"cairn extracted v2\0";

impl ExtractedDigest {
    /// For records written in `format` (`Extracted::DIGEST_*`); `None` for
    /// a format this build does not know.
    pub(crate) fn new(format: u32) -> Option<Self> {
        match format {
            Extracted::DIGEST_JSON => Some(Self::prefixed(JSON_PREFIX)),
            Extracted::DIGEST_CANONICAL => Some(Self::prefixed(CANONICAL_PREFIX)),
            _ => None,
        }
    }

    /// For records written as every import now writes them.
    pub(crate) fn canonical() -> Self {
        Self::prefixed(CANONICAL_PREFIX)
    }

    fn prefixed(prefix: &[u8]) -> Self {
        let mut digest = Sha256::new();
        digest.update(prefix);
        ExtractedDigest(digest)
    }

    pub(crate) fn record(&mut self, json: &[u8]) {
        self.0.update((json.len() as u64).to_be_bytes());
        self.0.update(json);
    }

    pub(crate) fn finish(self) -> Hash {
        Hash(self.0.finalize().into())
    }
}

/// What the importer read since the last delivery, in file order.
pub(crate) struct Delivery {
    pub communications: CommBatch,
    pub files: Vec<ImportFile>,
}

pub(crate) struct VaultSink {
    tx: Sender<Delivery>,
    blobs: Arc<BlobStore>,
    communications: CommBatcher,
    files: Vec<ImportFile>,
    pack: PackWriter,
    /// Files the case holds already (earlier imports) or this import stored.
    known: HashSet<Hash>,
    /// The attachment being read, kept between attachments: thousands of
    /// pictures would otherwise each grow a fresh buffer from nothing.
    scratch: Zeroizing<Vec<u8>>,
    /// Keep messages the importer says read back from the source alone as
    /// where they lie there (the application can read them back).
    keep_in_source: bool,
}

impl VaultSink {
    pub(crate) fn new(
        tx: Sender<Delivery>,
        blobs: Arc<BlobStore>,
        pack: PackWriter,
        known: HashSet<Hash>,
        keep_in_source: bool,
    ) -> Self {
        VaultSink {
            keep_in_source,
            tx,
            blobs,
            communications: CommBatcher::default(),
            files: Vec::new(),
            pack,
            known,
            scratch: Zeroizing::new(Vec::new()),
        }
    }

    /// Sends the batch when it is full (or, with `all`, when it holds anything).
    fn send(&mut self, all: bool) -> Result<(), SinkError> {
        let batch = self.communications.batch();
        let full = batch.len() >= BATCH || batch.stored_len() >= BATCH_BYTES || self.files.len() >= FILE_BATCH;
        let any = !batch.is_empty() || !self.files.is_empty();
        if !(full || all && any) {
            return Ok(());
        }
        let delivery = Delivery {
            communications: self.communications.take(),
            files: std::mem::take(&mut self.files),
        };
        self.tx
            .blocking_send(delivery)
            .map_err(|_| "the import was stopped".into())
    }

    /// Sends what is left; the pack.
    pub(crate) fn finish(mut self) -> PackWriter {
        let _ = self.send(true);
        self.pack
    }
}

impl Sink for VaultSink {
    fn communication(&mut self, communication: Communication) -> Result<(), SinkError> {
        self.communications.push(&communication)?;
        self.send(false)
    }

    /// Only where the message lies, when this import's messages can be read
    /// back from its source: the source is sealed in the vault already, and
    /// storing each message again cost an import more than sealing it.
    fn communication_in_source(&mut self, communication: Communication, end: u64) -> Result<(), SinkError> {
        if !self.keep_in_source {
            return self.communication(communication);
        }
        self.communications.push_in_source(&communication, end)?;
        self.send(false)
    }

    fn attachment(&mut self, name: &str, media_type: &str, data: &mut dyn Read) -> Result<AttachmentRef, SinkError> {
        // An error reading `data` is the export's damage: returned as it is,
        // so the importer skips the record.
        let head = &mut self.scratch;
        head.clear();
        (&mut *data).take(PACK_MAX as u64 + 1).read_to_end(head)?;
        let (sha256, size, pack_offset) = if head.len() > PACK_MAX {
            let sealed = self.blobs.put_unsynced(io::Cursor::new(&head[..]).chain(data))?;
            (Hash(sealed.sha256), sealed.size, None)
        } else {
            let sha256 = Hash(Sha256::digest(&head[..]).into());
            let offset = if self.known.contains(&sha256) {
                None
            } else {
                Some(self.pack.append(head)?)
            };
            (sha256, head.len() as u64, offset)
        };
        let reference = AttachmentRef {
            name: name.to_owned(),
            media_type: media_type.to_owned(),
            size,
            sha256,
        };
        if self.known.insert(sha256) {
            self.files.push(ImportFile {
                sha256,
                name: reference.name.clone(),
                media_type: reference.media_type.clone(),
                size,
                import_seq: 0,
                pack_offset,
                pack: None,
                source_offset: None,
            });
            self.send(false)?;
        }
        Ok(reference)
    }

    /// An MMS picture stays in the sealed source it came from: only hashed
    /// here, and recorded with its offset, so it is neither encrypted nor
    /// written a second time.
    fn attachment_in_source(
        &mut self,
        name: &str,
        media_type: &str,
        data: &mut dyn Read,
        at: u64,
    ) -> Result<AttachmentRef, SinkError> {
        // Through the scratch buffer, wiped when the sink is dropped.
        const STEP: usize = 64 << 10;
        if self.scratch.len() < STEP {
            self.scratch.resize(STEP, 0);
        }
        let (sha256, size) = cairn_ingest::hash_through(data, &mut self.scratch[..STEP])?;
        if self.known.insert(sha256) {
            self.files.push(ImportFile {
                sha256,
                name: name.to_owned(),
                media_type: media_type.to_owned(),
                size,
                import_seq: 0,
                pack_offset: None,
                pack: None,
                source_offset: Some(at),
            });
            self.send(false)?;
        }
        Ok(AttachmentRef {
            name: name.to_owned(),
            media_type: media_type.to_owned(),
            size,
            sha256,
        })
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
