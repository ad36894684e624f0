//! Communications on their way from an importer's thread to the store's.
//!
//! A batch is a handful of allocations whatever the number of messages: what
//! the store keeps of each (its JSON, or where it lies in the source) in one
//! buffer, the bytes the import's digest covers in another, a fixed-size
//! entry per message, and the counterparts named for the first time. A row
//! per message with strings of its own cost an allocation on the importer's
//! thread and a free on the store's for each string, and freeing memory
//! another thread allocated contends for the allocator's lock: a large
//! import spent more time there than storing the messages.

use std::collections::HashMap;

use cairn_core::{CommChannel, Communication, Direction, SourceRef};
use foldhash::fast::RandomState;

use crate::stored::SourceExtent;
use crate::{Result, StoreError};

/// One message of a batch: the columns the store indexes, and where its
/// bytes end in the batch's buffers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BatchEntry {
    /// The first 16 bytes of `Communication::dedup_key`, once
    /// [`CommBatch::key_entries`] has hashed them on the store's side.
    pub dedup: [u8; 16],
    pub at_ms: i64,
    pub channel: CommChannel,
    pub direction: Direction,
    /// The counterpart's number in this import, in the order
    /// [`CommBatcher`] first met them.
    pub counterpart: u32,
    /// The body matched the review lexicon ([`CommBatch::mark_for_review`]).
    pub review: bool,
    pub stored_end: u32,
    pub canonical_end: u32,
    pub identity_end: u32,
    pub body_end: u32,
}

/// Communications read since the last delivery, in file order.
#[derive(Debug, Default)]
pub struct CommBatch {
    pub(crate) entries: Vec<BatchEntry>,
    /// What the store keeps of each message (see `stored.rs`).
    pub(crate) stored: Vec<u8>,
    /// Each message as `Communication::canonical_into` writes it.
    canonical: Vec<u8>,
    /// Each message's `Communication::dedup_identity_into`.
    identity: Vec<u8>,
    /// Counterparts first named in this batch, as (value, name shown), in
    /// the order they were numbered.
    pub(crate) counterparts: Vec<(String, Option<String>)>,
    /// The bodies again, as text, for the review word list: it runs on the
    /// store's side, off the importer's thread, which sets an import's pace.
    bodies: String,
}

impl CommBatch {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Bytes the store will keep for the batch.
    pub fn stored_len(&self) -> usize {
        self.stored.len()
    }

    /// Each message's canonical bytes, in order: what an import's digest
    /// covers (`Extracted::DIGEST_CANONICAL`).
    pub fn records(&self) -> impl Iterator<Item = &[u8]> {
        let mut start = 0;
        self.entries.iter().map(move |e| {
            let record = &self.canonical[start..e.canonical_end as usize];
            start = e.canonical_end as usize;
            record
        })
    }

    /// Fills in each message's dedup key from its identity: a SHA-256 a
    /// message, done on the store's side, off the importer's thread.
    pub(crate) fn key_entries(&mut self) {
        let mut start = 0;
        for entry in &mut self.entries {
            let end = entry.identity_end as usize;
            let key = Communication::dedup_key_of(self.identity.get(start..end).unwrap_or_default());
            entry.dedup.copy_from_slice(&key.0[..16]);
            start = end;
        }
    }

    /// Flags each message whose body `needs_review` says a person should read.
    pub fn mark_for_review(&mut self, needs_review: impl Fn(&str) -> bool) {
        let mut start = 0;
        for entry in &mut self.entries {
            let end = entry.body_end as usize;
            entry.review = self.bodies.get(start..end).is_some_and(&needs_review);
            start = end;
        }
    }

    /// Where the `index`-th message's stored bytes start.
    pub(crate) fn stored_start(&self, index: usize) -> usize {
        index
            .checked_sub(1)
            .and_then(|before| self.entries.get(before))
            .map_or(0, |e| e.stored_end as usize)
    }
}

/// Builds [`CommBatch`]es on the importer's side, numbering counterparts
/// across the batches of one import.
#[derive(Default)]
pub struct CommBatcher {
    numbered: HashMap<String, u32, RandomState>,
    batch: CommBatch,
}

impl CommBatcher {
    /// Adds `c`, to be kept whole (as JSON). On an error nothing is added.
    pub fn push(&mut self, c: &Communication) -> Result<()> {
        self.add(c, |stored| {
            serde_json::to_writer(stored, c)
                .map_err(|e| StoreError::Conflict(format!("a communication could not be written as JSON: {e}")))
        })
    }

    /// Adds `c`, to be kept as where it lies in the import's source: from
    /// `c.source` up to byte `end`. The application reads it back from
    /// there (see `stored.rs`), so only an importer that can do that may
    /// be stored this way.
    pub fn push_in_source(&mut self, c: &Communication, end: u64) -> Result<()> {
        let start = SourceRef {
            entry: None,
            ..c.source
        };
        if c.source.entry.is_some() || end <= start.byte_offset {
            return Err(StoreError::Conflict(
                "a communication said to lie in its source names no place in it".into(),
            ));
        }
        self.add(c, |stored| {
            SourceExtent::encode_into(&start, end, c.repeat, stored);
            Ok(())
        })
    }

    fn add(&mut self, c: &Communication, keep: impl FnOnce(&mut Vec<u8>) -> Result<()>) -> Result<()> {
        let batch = &mut self.batch;
        let (stored_start, canonical_start, identity_start) =
            (batch.stored.len(), batch.canonical.len(), batch.identity.len());
        let body = c.body.as_deref().unwrap_or_default();
        let added = keep(&mut batch.stored).and_then(|()| {
            c.canonical_into(&mut batch.canonical);
            c.dedup_identity_into(&mut batch.identity);
            Ok((
                offset(batch.stored.len())?,
                offset(batch.canonical.len())?,
                offset(batch.identity.len())?,
                offset(batch.bodies.len() + body.len())?,
            ))
        });
        let ends = added.and_then(|ends| Ok((ends, self.number(c)?)));
        let ((stored_end, canonical_end, identity_end, body_end), counterpart) = match ends {
            Ok(ends) => ends,
            Err(e) => {
                self.batch.stored.truncate(stored_start);
                self.batch.canonical.truncate(canonical_start);
                self.batch.identity.truncate(identity_start);
                return Err(e);
            }
        };
        self.batch.bodies.push_str(body);
        self.batch.entries.push(BatchEntry {
            dedup: [0; 16],
            at_ms: c.at.as_millisecond(),
            channel: c.channel,
            direction: c.direction,
            counterpart,
            review: false,
            stored_end,
            canonical_end,
            identity_end,
            body_end,
        });
        Ok(())
    }

    /// `c`'s counterpart's number, numbering it if it is new.
    fn number(&mut self, c: &Communication) -> Result<u32> {
        if let Some(n) = self.numbered.get(c.counterpart.as_str()) {
            return Ok(*n);
        }
        let n = u32::try_from(self.numbered.len())
            .map_err(|_| StoreError::Conflict("an import naming over four billion counterparts".into()))?;
        self.numbered.insert(c.counterpart.clone(), n);
        self.batch
            .counterparts
            .push((c.counterpart.clone(), c.counterpart_name.clone()));
        Ok(n)
    }

    pub fn batch(&self) -> &CommBatch {
        &self.batch
    }

    /// The batch so far, leaving an empty one sized like it so the next
    /// fills without growing from nothing.
    pub fn take(&mut self) -> CommBatch {
        let next = CommBatch {
            entries: Vec::with_capacity(self.batch.entries.len()),
            stored: Vec::with_capacity(self.batch.stored.len()),
            canonical: Vec::with_capacity(self.batch.canonical.len()),
            identity: Vec::with_capacity(self.batch.identity.len()),
            counterparts: Vec::new(),
            bodies: String::with_capacity(self.batch.bodies.len()),
        };
        std::mem::replace(&mut self.batch, next)
    }
}

/// An end offset within a batch's buffer.
fn offset(len: usize) -> Result<u32> {
    u32::try_from(len).map_err(|_| StoreError::Conflict("a batch of communications is over 4 GiB".into()))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use cairn_core::SourceRef;

    use super::*;

    fn message(counterpart: &str, name: Option<&str>, body: &str) -> Communication {
        Communication {
            at: "2024-01-15T21:04:00Z".parse().unwrap(),
            channel: CommChannel::Sms,
            direction: Direction::Incoming,
            delivery: None,
            counterpart: counterpart.into(),
            counterpart_name: name.map(Into::into),
            others: vec![],
            subject: None,
            body: Some(body.into()),
            duration_secs: None,
            attachments: vec![],
            flags: BTreeSet::new(),
            email: None,
            repeat: 0,
            source: SourceRef {
                byte_offset: 0,
                line: 1,
                entry: None,
            },
        }
    }

    fn canonical(c: &Communication) -> Vec<u8> {
        let mut out = Vec::new();
        c.canonical_into(&mut out);
        out
    }

    #[test]
    fn each_message_is_kept_as_asked_and_counterparts_are_numbered_once_per_import() {
        let mut batcher = CommBatcher::default();
        let mut in_source = message("+15550100123", Some("A."), "");
        in_source.source.byte_offset = 4000;
        in_source.repeat = 2;
        let sent = [
            message("+15550100123", Some("Alex"), "hi \"there\""),
            message("+15550100999", None, "¿dónde estás?"),
            in_source.clone(),
        ];
        for (i, c) in sent.iter().enumerate() {
            match i {
                2 => batcher.push_in_source(c, 4100).unwrap(),
                _ => batcher.push(c).unwrap(),
            }
        }
        // A message said to lie in its source must name a place there.
        assert!(batcher.push_in_source(&sent[0], 0).is_err());
        let mut first = batcher.take();
        first.key_entries();
        assert_eq!(first.len(), 3);
        first.mark_for_review(|body| body.starts_with('¿'));
        assert!(first.records().eq(sent.iter().map(canonical)));
        for (i, c) in sent.iter().enumerate() {
            let entry = first.entries[i];
            let bytes = &first.stored[first.stored_start(i)..entry.stored_end as usize];
            match (i, crate::Stored::decode(bytes, entry.dedup)) {
                (2, Some(crate::Stored::InSource(extent))) => assert_eq!(
                    (extent.start.byte_offset, extent.start.line, extent.end, extent.repeat),
                    (4000, 1, 4100, 2)
                ),
                (0 | 1, Some(crate::Stored::Kept(kept))) => assert_eq!(*kept, *c),
                (_, other) => panic!("{i}: {other:?}"),
            }
            assert_eq!(entry.dedup, c.dedup_key().0[..16], "{i}");
            assert_eq!(entry.review, i == 1, "{i}");
        }
        let numbers: Vec<u32> = first.entries.iter().map(|e| e.counterpart).collect();
        assert_eq!(numbers, [0, 1, 0]);
        // The name is the one shown first, as the store records it.
        assert_eq!(
            first.counterparts,
            [
                ("+15550100123".to_owned(), Some("Alex".to_owned())),
                ("+15550100999".to_owned(), None)
            ]
        );

        // A later batch of the same import names only counterparts new to it.
        batcher.push(&message("+15550100999", None, "again")).unwrap();
        batcher.push(&message("short code", None, "STOP")).unwrap();
        let second = batcher.take();
        let numbers: Vec<u32> = second.entries.iter().map(|e| e.counterpart).collect();
        assert_eq!(numbers, [1, 2]);
        assert_eq!(second.counterparts, [("short code".to_owned(), None)]);
        assert!(batcher.batch().is_empty() && batcher.batch().stored_len() == 0);
    }
}
