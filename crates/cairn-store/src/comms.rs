//! Types for imports and the communications they extracted.

use cairn_core::{CommChannel, Communication, Direction, Hash, Named, SourceImported, SubjectId};
use jiff::Timestamp;

/// A file found inside an imported source, already stored as a blob.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportFile {
    pub sha256: Hash,
    pub name: String,
    pub media_type: String,
    pub size: u64,
    /// The journal position of the import that found it.
    pub import_seq: u64,
    /// Where it starts in its import's pack, if packed (see `BlobStore::pack`).
    #[serde(skip)]
    pub pack_offset: Option<u64>,
    /// The pack holding it; `None` while the import runs, or for a file
    /// stored as a blob of its own.
    #[serde(skip)]
    pub pack: Option<Hash>,
    /// Where its encoded bytes start in its import's source, for a file
    /// read back from there instead of stored again (an MMS picture; see
    /// `cairn_ingest::sms_backup::read_attachment`).
    #[serde(skip)]
    pub source_offset: Option<u64>,
}

/// An import as the journal recorded it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportRecord {
    pub seq: u64,
    #[serde(flatten)]
    pub import: SourceImported,
}

/// Someone imports named, with what the case knows of them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Counterpart {
    pub id: u32,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The subject with an identifier equal to `value`, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<SubjectId>,
    pub communications: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<Timestamp>,
}

/// How often and when each counterpart was in contact, by counterpart id.
#[derive(Debug, Clone, Default)]
pub struct ContactTally(std::collections::HashMap<u32, (u64, i64, i64), foldhash::fast::RandomState>);

impl ContactTally {
    pub(crate) fn count(&mut self, counterpart: u32, at_ms: i64) {
        let seen = self.0.entry(counterpart).or_insert((0, at_ms, at_ms));
        *seen = (seen.0 + 1, seen.1.min(at_ms), seen.2.max(at_ms));
    }

    /// Fills in each counterpart's count and first and last contact, and
    /// orders them most frequent first.
    pub fn apply(&self, counterparts: &mut [Counterpart]) {
        for counterpart in counterparts.iter_mut() {
            if let Some(&(n, first, last)) = self.0.get(&counterpart.id) {
                counterpart.communications = n;
                counterpart.first = Timestamp::from_millisecond(first).ok();
                counterpart.last = Timestamp::from_millisecond(last).ok();
            }
        }
        counterparts.sort_by(|a, b| b.communications.cmp(&a.communications).then(a.id.cmp(&b.id)));
    }
}

/// The few columns pattern analysis needs, for every communication of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContactRow {
    pub at_ms: i64,
    pub channel: CommChannel,
    pub direction: Direction,
    pub counterpart: u32,
    pub review: bool,
}

/// A stored communication: as the store holds it ([`Stored`]), or read
/// back whole by the application (`Communication`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct CommunicationRecord<C = Communication> {
    /// Stable within the vault: the keyset cursor for the next page.
    pub row: i64,
    pub counterpart_id: u32,
    pub import_seq: u64,
    pub review: bool,
    #[serde(flatten)]
    pub communication: C,
}

impl<C> CommunicationRecord<C> {
    /// The same record with its communication turned into another form
    /// (read back whole from what the store holds).
    pub fn try_map<D, E>(self, f: impl FnOnce(C) -> Result<D, E>) -> Result<CommunicationRecord<D>, E> {
        Ok(CommunicationRecord {
            row: self.row,
            counterpart_id: self.counterpart_id,
            import_seq: self.import_seq,
            review: self.review,
            communication: f(self.communication)?,
        })
    }
}

/// Filters and a keyset cursor over a case's communications, oldest first.
#[derive(Debug, Clone, Default)]
pub struct CommQuery {
    /// Only these counterparts; empty means all.
    pub counterparts: Vec<u32>,
    pub from_ms: Option<i64>,
    pub to_ms: Option<i64>,
    pub review_only: bool,
    /// Continue after `(at_ms, row)` of the last one shown.
    pub after: Option<(i64, i64)>,
    pub limit: u32,
}

/// Column codes: positions in the enums' `ALL` lists, which only ever grow
/// at the end (the same rule as event kinds).
pub(crate) fn code<T: Named + PartialEq>(value: T) -> i64 {
    T::ALL.iter().position(|(_, v)| *v == value).unwrap_or(0) as i64
}

pub(crate) fn from_code<T: Named + Copy>(code: i64) -> Option<T> {
    usize::try_from(code).ok().and_then(|i| T::ALL.get(i)).map(|(_, v)| *v)
}

/// Bytes of one packed contact record in `contact_chunks`.
pub(crate) const CONTACT_RECORD: usize = 16;

/// `at_ms` (i64 LE), counterpart (u32 LE), channel, direction, review, 0.
pub(crate) fn pack_contact(
    out: &mut Vec<u8>,
    at_ms: i64,
    counterpart: u32,
    channel: i64,
    direction: i64,
    review: bool,
) {
    out.extend_from_slice(&at_ms.to_le_bytes());
    out.extend_from_slice(&counterpart.to_le_bytes());
    out.extend_from_slice(&[channel as u8, direction as u8, u8::from(review), 0]);
}

pub(crate) fn unpack_contact(record: &[u8]) -> Option<ContactRow> {
    let at_ms = i64::from_le_bytes(record.get(..8)?.try_into().ok()?);
    let counterpart = u32::from_le_bytes(record.get(8..12)?.try_into().ok()?);
    Some(ContactRow {
        at_ms,
        counterpart,
        channel: from_code(i64::from(*record.get(12)?))?,
        direction: from_code(i64::from(*record.get(13)?))?,
        review: *record.get(14)? != 0,
    })
}

/// Communications per chunk, at most: an index in a chunk takes 11 bits of
/// a row id.
pub(crate) const CHUNK_MAX: usize = 2000;

/// Stored bytes per chunk, at most, unless one message is larger on its own
/// (long emails): a page decompresses whole chunks.
pub(crate) const CHUNK_BYTES: usize = 8 << 20;

/// Chunks per import, at most (21 bits of a row id): four billion messages.
pub(crate) const CHUNKS_MAX: u32 = 1 << 21;

/// A communication's row id, `CommunicationRecord::row`: its import, chunk
/// and place in the chunk, in that order of significance, so ids grow in
/// the order imports wrote them (as SQLite's rowids did).
pub(crate) fn row_id(import_seq: u64, chunk: u32, index: usize) -> i64 {
    ((import_seq as i64) << 32) | (i64::from(chunk) << 11) | index as i64
}

/// The columns of one chunk of communications (`communication_chunks`).
pub(crate) struct ChunkRow {
    pub first_ms: i64,
    pub last_ms: i64,
    pub dedup: Vec<u8>,
    pub ends: Vec<u8>,
    /// What is kept of each message (`stored.rs`), one after another, as an
    /// LZ4 block. Messages kept as JSON share most of their keys and
    /// values: about a quarter of the bytes to encrypt and write, for less
    /// time than SQLCipher took over the difference.
    pub data: Vec<u8>,
}

/// A chunk assembled message by message.
pub(crate) struct PackedChunk {
    first_ms: i64,
    last_ms: i64,
    dedup: Vec<u8>,
    ends: Vec<u8>,
    stored: Vec<u8>,
}

impl PackedChunk {
    pub(crate) fn with_capacity(count: usize, stored: usize) -> Self {
        PackedChunk {
            first_ms: i64::MAX,
            last_ms: i64::MIN,
            dedup: Vec::with_capacity(count * 16),
            ends: Vec::with_capacity(count * 4),
            stored: Vec::with_capacity(stored),
        }
    }

    /// Adds one message's columns, what is kept of it ending at
    /// `stored_end` in the bytes [`finish_with`](Self::finish_with) is given.
    pub(crate) fn push_columns(
        &mut self,
        dedup: &[u8; 16],
        at_ms: i64,
        stored_end: usize,
    ) -> Result<(), crate::StoreError> {
        self.first_ms = self.first_ms.min(at_ms);
        self.last_ms = self.last_ms.max(at_ms);
        self.dedup.extend_from_slice(dedup);
        let end = u32::try_from(stored_end)
            .map_err(|_| crate::StoreError::Conflict("a chunk of communications is over 4 GiB".into()))?;
        self.ends.extend_from_slice(&end.to_le_bytes());
        Ok(())
    }

    pub(crate) fn push(&mut self, dedup: &[u8; 16], at_ms: i64, stored: &[u8]) -> Result<(), crate::StoreError> {
        self.stored.extend_from_slice(stored);
        self.push_columns(dedup, at_ms, self.stored.len())
    }

    /// The row, with the messages pushed so far.
    pub(crate) fn finish(mut self) -> ChunkRow {
        let stored = std::mem::take(&mut self.stored);
        self.finish_with(&stored)
    }

    /// The row, with `stored` as what is kept of the messages whose ends
    /// were pushed, lying in one piece elsewhere.
    pub(crate) fn finish_with(self, stored: &[u8]) -> ChunkRow {
        ChunkRow {
            first_ms: self.first_ms,
            last_ms: self.last_ms,
            dedup: self.dedup,
            ends: self.ends,
            data: lz4_flex::block::compress(stored),
        }
    }
}

/// A chunk's kept messages, decompressed and checked against their ends.
pub(crate) struct ChunkStored {
    ends: Vec<u8>,
    stored: Vec<u8>,
}

impl ChunkStored {
    pub(crate) fn open(ends: Vec<u8>, data: &[u8]) -> Option<ChunkStored> {
        if !ends.len().is_multiple_of(4) {
            return None;
        }
        let size = ends
            .rchunks_exact(4)
            .next()
            .map_or(0, |e| u32::from_le_bytes([e[0], e[1], e[2], e[3]]));
        let stored = lz4_flex::block::decompress(data, size as usize).ok()?;
        (stored.len() == size as usize).then_some(ChunkStored { ends, stored })
    }

    /// What is kept of the `index`-th communication.
    pub(crate) fn entry(&self, index: usize) -> Option<&[u8]> {
        let end_at = |i: usize| -> Option<usize> {
            let bytes = self.ends.get(i * 4..i * 4 + 4)?;
            Some(u32::from_le_bytes(bytes.try_into().ok()?) as usize)
        };
        let start = if index == 0 { 0 } else { end_at(index - 1)? };
        self.stored.get(start..end_at(index)?)
    }
}
