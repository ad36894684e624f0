//! Communications on their way from an importer's thread to the store's.
//!
//! A batch is a handful of allocations whatever the number of messages: the
//! JSON of all of them in one buffer, a fixed-size entry per message, and
//! the counterparts named for the first time. A row per message with strings
//! of its own cost an allocation on the importer's thread and a free on the
//! store's for each string, and freeing memory another thread allocated
//! contends for the allocator's lock: a large import spent more time there
//! than storing the messages.

use std::collections::HashMap;

use cairn_core::{CommChannel, Communication, Direction};
use foldhash::fast::RandomState;

use crate::{Result, StoreError};

/// One message of a batch: the columns the store indexes, and where its
/// JSON ends in the batch's buffer.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BatchEntry {
    /// The first 16 bytes of `Communication::dedup_key`.
    pub dedup: [u8; 16],
    pub at_ms: i64,
    pub channel: CommChannel,
    pub direction: Direction,
    /// The counterpart's number in this import, in the order
    /// [`CommBatcher`] first met them.
    pub counterpart: u32,
    /// The body matched the review lexicon ([`CommBatch::mark_for_review`]).
    pub review: bool,
    pub json_end: u32,
    pub body_end: u32,
}

/// Communications read since the last delivery, in file order.
#[derive(Debug, Default)]
pub struct CommBatch {
    pub(crate) entries: Vec<BatchEntry>,
    pub(crate) json: Vec<u8>,
    /// Counterparts first named in this batch, as (value, name shown), in
    /// the order they were numbered.
    pub(crate) counterparts: Vec<(String, Option<String>)>,
    /// The bodies again, as text, for the review word list: it runs on the
    /// store's side, off the importer's thread, which sets an import's pace.
    bodies: Vec<u8>,
}

impl CommBatch {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Bytes of JSON the batch holds.
    pub fn json_len(&self) -> usize {
        self.json.len()
    }

    /// Each message's JSON, in order: what an import's digest covers.
    pub fn records(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.entries.len()).map(|i| &self.json[self.json_start(i)..self.entries[i].json_end as usize])
    }

    /// Flags each message whose body `needs_review` says a person should read.
    pub fn mark_for_review(&mut self, needs_review: impl Fn(&str) -> bool) {
        let mut start = 0;
        for entry in &mut self.entries {
            let end = entry.body_end as usize;
            let body = self.bodies.get(start..end).unwrap_or_default();
            entry.review = std::str::from_utf8(body).is_ok_and(&needs_review);
            start = end;
        }
    }

    /// Where the `index`-th message's JSON starts in the buffer.
    pub(crate) fn json_start(&self, index: usize) -> usize {
        index
            .checked_sub(1)
            .and_then(|before| self.entries.get(before))
            .map_or(0, |e| e.json_end as usize)
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
    /// Adds `c` as JSON and returns that JSON: the bytes the import's digest
    /// covers. On an error nothing is added.
    pub fn push(&mut self, c: &Communication, dedup: [u8; 16]) -> Result<&[u8]> {
        let start = self.batch.json.len();
        let body = c.body.as_deref().unwrap_or_default().as_bytes();
        let added = self.write(c).and_then(|json_end| {
            let body_end = u32::try_from(self.batch.bodies.len() + body.len())
                .map_err(|_| StoreError::Conflict("a batch of communications is over 4 GiB".into()))?;
            Ok((json_end, body_end, self.number(c)?))
        });
        let (json_end, body_end, counterpart) = match added {
            Ok(added) => added,
            Err(e) => {
                self.batch.json.truncate(start);
                return Err(e);
            }
        };
        self.batch.bodies.extend_from_slice(body);
        self.batch.entries.push(BatchEntry {
            dedup,
            at_ms: c.at.as_millisecond(),
            channel: c.channel,
            direction: c.direction,
            counterpart,
            review: false,
            json_end,
            body_end,
        });
        Ok(&self.batch.json[start..])
    }

    /// Appends `c`'s JSON; where it ends.
    fn write(&mut self, c: &Communication) -> Result<u32> {
        serde_json::to_writer(&mut self.batch.json, c)
            .map_err(|e| StoreError::Conflict(format!("a communication could not be written as JSON: {e}")))?;
        u32::try_from(self.batch.json.len())
            .map_err(|_| StoreError::Conflict("a batch of communications is over 4 GiB".into()))
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
            json: Vec::with_capacity(self.batch.json.len()),
            counterparts: Vec::new(),
            bodies: Vec::with_capacity(self.batch.bodies.len()),
        };
        std::mem::replace(&mut self.batch, next)
    }
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

    #[test]
    fn each_message_is_its_json_and_counterparts_are_numbered_once_per_import() {
        let mut batcher = CommBatcher::default();
        let sent = [
            message("+15550100123", Some("Alex"), "hi \"there\""),
            message("+15550100999", None, "¿dónde estás?"),
            message("+15550100123", Some("A."), ""),
        ];
        for (i, c) in sent.iter().enumerate() {
            let json = batcher.push(c, [i as u8; 16]).unwrap().to_vec();
            assert_eq!(json, serde_json::to_vec(c).unwrap());
        }
        let mut first = batcher.take();
        assert_eq!(first.len(), 3);
        first.mark_for_review(|body| body.starts_with('¿'));
        assert!(first.records().eq(sent.iter().map(|c| serde_json::to_vec(c).unwrap())));
        for (i, c) in sent.iter().enumerate() {
            let entry = first.entries[i];
            let json = &first.json[first.json_start(i)..entry.json_end as usize];
            assert_eq!(serde_json::from_slice::<Communication>(json).unwrap(), *c);
            assert_eq!((entry.dedup, entry.review), ([i as u8; 16], i == 1), "{i}");
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
        batcher.push(&message("+15550100999", None, "again"), [7; 16]).unwrap();
        batcher.push(&message("short code", None, "STOP"), [8; 16]).unwrap();
        let second = batcher.take();
        let numbers: Vec<u32> = second.entries.iter().map(|e| e.counterpart).collect();
        assert_eq!(numbers, [1, 2]);
        assert_eq!(second.counterparts, [("short code".to_owned(), None)]);
        assert!(batcher.batch().is_empty() && batcher.batch().json_len() == 0);
    }
}
