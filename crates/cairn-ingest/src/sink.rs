use std::io::{self, Read};

use cairn_core::{AttachmentRef, Communication, Hash, SourceRef};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::SkipReason;

/// Whatever the destination's own failure is (a full disk, a closed vault).
pub type SinkError = Box<dyn std::error::Error + Send + Sync>;

/// Where an importer delivers what it reads, in file order.
///
/// Attachments come before the communication that refers to them. An
/// attachment may belong to a record that is then skipped (its remaining
/// fields turn out to be unreadable); a content-addressed store simply keeps
/// the orphan or collects it later.
pub trait Sink {
    fn communication(&mut self, communication: Communication) -> Result<(), SinkError>;

    /// [`Sink::communication`] for a record that reads back the same from
    /// its own bytes of the source alone: from its `source.byte_offset` up
    /// to byte `end` (for an SMS backup, by
    /// [`crate::sms_backup::read_record`], given its `repeat`). A sink that
    /// keeps the source may keep just where the record lies; any other
    /// keeps the communication as usual.
    fn communication_in_source(&mut self, communication: Communication, end: u64) -> Result<(), SinkError> {
        let _ = end;
        self.communication(communication)
    }

    /// Reads `data` to its end — it is decoded as it is read and never held
    /// whole in memory — stores it, and says what was stored. An error that
    /// `data` itself returns means the export's copy is damaged: pass it on
    /// and the importer skips that record; any other error aborts the import.
    fn attachment(&mut self, name: &str, media_type: &str, data: &mut dyn Read) -> Result<AttachmentRef, SinkError>;

    /// [`Sink::attachment`] for a file that can be decoded again from the
    /// source alone: its encoded bytes start at byte `at` of the source (for
    /// an SMS backup, the opening quote of a part's `data`, read back by
    /// [`crate::sms_backup::read_attachment`]). A sink that keeps the source
    /// may keep just the offset; any other stores the file as usual.
    fn attachment_in_source(
        &mut self,
        name: &str,
        media_type: &str,
        data: &mut dyn Read,
        at: u64,
    ) -> Result<AttachmentRef, SinkError> {
        let _ = at;
        self.attachment(name, media_type, data)
    }
}

/// Hashes an attachment without keeping it: the reference a storing sink
/// would return, for sinks that only need the identity (tests, dry runs).
pub fn hash_attachment(name: &str, media_type: &str, data: &mut dyn Read) -> io::Result<AttachmentRef> {
    let (sha256, size) = hash_through(data, &mut vec![0u8; 64 * 1024])?;
    Ok(AttachmentRef {
        name: name.to_owned(),
        media_type: media_type.to_owned(),
        size,
        sha256,
    })
}

/// The SHA-256 and size of what `data` gives, read through `buf` (which
/// must not be empty): for a caller that keeps one buffer for many files.
pub fn hash_through(data: &mut dyn Read, buf: &mut [u8]) -> io::Result<(Hash, u64)> {
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    loop {
        let n = match data.read(buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    Ok((Hash(hasher.finalize().into()), size))
}

/// A sink that keeps communications in memory and hashes attachments: for
/// tests, previews and the fuzz targets.
#[derive(Debug, Default)]
pub struct Collect {
    pub communications: Vec<Communication>,
    pub attachments: Vec<AttachmentRef>,
    /// Of those, the ones an importer said can be decoded again from the
    /// source, with where they start there.
    pub in_source: Vec<(u64, AttachmentRef)>,
    /// Where each communication ends in the source, for those an importer
    /// said read back from there alone, by position in `communications`.
    pub ends: Vec<(usize, u64)>,
}

impl Sink for Collect {
    fn communication(&mut self, communication: Communication) -> Result<(), SinkError> {
        self.communications.push(communication);
        Ok(())
    }

    fn communication_in_source(&mut self, communication: Communication, end: u64) -> Result<(), SinkError> {
        self.ends.push((self.communications.len(), end));
        self.communication(communication)
    }

    fn attachment(&mut self, name: &str, media_type: &str, data: &mut dyn Read) -> Result<AttachmentRef, SinkError> {
        let reference = hash_attachment(name, media_type, data)?;
        self.attachments.push(reference.clone());
        Ok(reference)
    }

    fn attachment_in_source(
        &mut self,
        name: &str,
        media_type: &str,
        data: &mut dyn Read,
        at: u64,
    ) -> Result<AttachmentRef, SinkError> {
        let reference = self.attachment(name, media_type, data)?;
        self.in_source.push((at, reference.clone()));
        Ok(reference)
    }
}

/// One skipped record: where it starts and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub source: SourceRef,
    #[serde(flatten)]
    pub reason: SkipReason,
}

/// What an import did. `importer` and `importer_version` go into the vault
/// with the records, so a projection names the rules that produced it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub importer: &'static str,
    pub importer_version: u32,
    pub communications: u64,
    /// Files handed to the sink: pictures, media, email attachments and each
    /// email's raw header block.
    pub attachments: u64,
    /// All skipped records; `skip_details` lists the first
    /// [`Summary::MAX_SKIP_DETAILS`] of them.
    pub skipped: u64,
    pub skip_details: Vec<Skipped>,
    /// The time zone local times were read in (WhatsApp exports carry none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// How `01/02/2024` was read, and whether the file or the caller decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_order: Option<crate::whatsapp::DateOrderUsed>,
    /// Local times that occur twice (a clock going back); read as the earlier.
    pub ambiguous_local_times: u64,
    /// Files an export names but does not contain (a WhatsApp chat exported
    /// "without media", or a member missing from the zip).
    pub missing_media: Vec<String>,
    /// How many records the file says it holds (an SMS backup's `count`),
    /// to compare with `communications + skipped`: a difference means the
    /// file was cut or edited after the app wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared_records: Option<u64>,
}

impl Summary {
    pub const MAX_SKIP_DETAILS: usize = 1000;

    pub fn new(importer: &'static str, importer_version: u32) -> Self {
        Summary {
            importer,
            importer_version,
            communications: 0,
            attachments: 0,
            skipped: 0,
            skip_details: Vec::new(),
            time_zone: None,
            date_order: None,
            ambiguous_local_times: 0,
            missing_media: Vec::new(),
            declared_records: None,
        }
    }

    pub(crate) fn skip(&mut self, source: SourceRef, reason: SkipReason) {
        self.skipped += 1;
        if self.skip_details.len() < Self::MAX_SKIP_DETAILS {
            self.skip_details.push(Skipped { source, reason });
        }
    }
}

/// Wraps the reader handed to [`Sink::attachment`] so that, when the sink
/// fails, we can tell a damaged export (our reader failed) from a failing
/// destination.
pub(crate) struct Watched<R> {
    pub inner: R,
    pub failure: Option<String>,
}

impl<R: Read> Read for Watched<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf).inspect_err(|e| {
            if self.failure.is_none() {
                self.failure = Some(e.to_string());
            }
        })
    }
}

/// How handing one attachment to the sink went.
pub(crate) enum Delivered {
    Stored(AttachmentRef),
    /// The export's bytes were bad; skip the record.
    Damaged(String),
}

pub(crate) fn deliver<R: Read>(
    sink: &mut dyn Sink,
    name: &str,
    media_type: &str,
    data: R,
) -> Result<(Delivered, R), SinkError> {
    deliver_from(sink, name, media_type, data, None)
}

/// [`deliver`], saying where in the source the file's encoded bytes start
/// when they can be decoded again from there.
pub(crate) fn deliver_from<R: Read>(
    sink: &mut dyn Sink,
    name: &str,
    media_type: &str,
    data: R,
    at: Option<u64>,
) -> Result<(Delivered, R), SinkError> {
    let mut watched = Watched {
        inner: data,
        failure: None,
    };
    let result = match at {
        Some(at) => sink.attachment_in_source(name, media_type, &mut watched, at),
        None => sink.attachment(name, media_type, &mut watched),
    };
    let outcome = match (result, watched.failure) {
        (Ok(r), None) => Delivered::Stored(r),
        (_, Some(detail)) => Delivered::Damaged(detail),
        (Err(e), None) => return Err(e),
    };
    Ok((outcome, watched.inner))
}
