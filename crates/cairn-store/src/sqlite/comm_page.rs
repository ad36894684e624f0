//! A page of a case's communications, oldest first, from the chunks
//! imports wrote (`communication_chunks` and `contact_chunks`).
//!
//! A page is chosen from the packed contact records, which hold everything
//! the filters and the order need, and only what is kept of the chosen
//! messages is read. Chunks are visited in order of their earliest message,
//! and the walk stops at the first chunk that starts after the latest
//! message the page already holds: a backup is mostly in time order, so a
//! page of a million-message case reads a chunk or two, and even a file in
//! no order at all costs one pass over the packed records (16 bytes a
//! message).

use std::collections::{BTreeMap, BinaryHeap, HashSet};

use cairn_core::CaseId;

use super::SqliteStore;
use super::comm_queries::corrupt;
use crate::Result;
use crate::Stored;
use crate::comms::{CONTACT_RECORD, ChunkStored, CommQuery, CommunicationRecord, ContactRow, row_id, unpack_contact};

/// The most a page holds, whatever is asked.
const PAGE_MAX: u32 = 1000;

/// A message chosen for the page, before what is kept of it is read.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Pick {
    // The page's order: the first two fields.
    at_ms: i64,
    row: i64,
    import_seq: i64,
    chunk: i64,
    index: usize,
    counterpart: u32,
    review: bool,
}

impl CommQuery {
    fn admits(&self, contact: &ContactRow, row: i64, wanted: &HashSet<u32>) -> bool {
        (wanted.is_empty() || wanted.contains(&contact.counterpart))
            && self.from_ms.is_none_or(|from| contact.at_ms >= from)
            && self.to_ms.is_none_or(|to| contact.at_ms < to)
            && (!self.review_only || contact.review)
            && self.after.is_none_or(|after| (contact.at_ms, row) > after)
    }
}

impl SqliteStore {
    pub(crate) async fn communications_page(
        &self,
        case: &CaseId,
        q: &CommQuery,
    ) -> Result<Vec<CommunicationRecord<Stored>>> {
        let limit = q.limit.clamp(1, PAGE_MAX) as usize;
        let wanted: HashSet<u32> = q.counterparts.iter().copied().collect();
        // Nothing earlier than this can be on the page.
        let low = q.from_ms.into_iter().chain(q.after.map(|(at, _)| at)).max();
        let chunks: Vec<(i64, i64, i64)> = sqlx::query_as(
            "SELECT import_seq, chunk, first_ms FROM communication_chunks \
             WHERE case_id = $1 AND last_ms >= $2 AND first_ms < $3 ORDER BY first_ms, import_seq, chunk",
        )
        .bind(case.as_str())
        .bind(low.unwrap_or(i64::MIN))
        .bind(q.to_ms.unwrap_or(i64::MAX))
        .fetch_all(&self.pool)
        .await?;
        // The best `limit` so far; the top is the latest of them.
        let mut best: BinaryHeap<Pick> = BinaryHeap::with_capacity(limit + 1);
        for (import_seq, chunk, first_ms) in chunks {
            if best.len() == limit && best.peek().is_some_and(|last| first_ms > last.at_ms) {
                break;
            }
            let contacts: Vec<u8> = sqlx::query_scalar(
                "SELECT data FROM contact_chunks WHERE case_id = $1 AND import_seq = $2 AND chunk = $3",
            )
            .bind(case.as_str())
            .bind(import_seq)
            .bind(chunk)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| corrupt("contact chunk"))?;
            if !contacts.len().is_multiple_of(CONTACT_RECORD) {
                return Err(corrupt("contact chunk"));
            }
            let chunk_no = u32::try_from(chunk).map_err(|_| corrupt("chunk number"))?;
            for (index, record) in contacts.chunks_exact(CONTACT_RECORD).enumerate() {
                let contact = unpack_contact(record).ok_or_else(|| corrupt("contact record"))?;
                let row = row_id(import_seq as u64, chunk_no, index);
                if !q.admits(&contact, row, &wanted) {
                    continue;
                }
                if best.len() == limit
                    && best
                        .peek()
                        .is_some_and(|last| (contact.at_ms, row) >= (last.at_ms, last.row))
                {
                    continue;
                }
                best.push(Pick {
                    at_ms: contact.at_ms,
                    row,
                    import_seq,
                    chunk,
                    index,
                    counterpart: contact.counterpart,
                    review: contact.review,
                });
                if best.len() > limit {
                    best.pop();
                }
            }
        }
        let picks = best.into_sorted_vec();
        let mut by_chunk: BTreeMap<(i64, i64), Vec<usize>> = BTreeMap::new();
        for (at, pick) in picks.iter().enumerate() {
            by_chunk.entry((pick.import_seq, pick.chunk)).or_default().push(at);
        }
        let mut page: Vec<Option<CommunicationRecord<Stored>>> = picks.iter().map(|_| None).collect();
        for ((import_seq, chunk), places) in by_chunk {
            let (dedup, ends, data): (Vec<u8>, Vec<u8>, Vec<u8>) = sqlx::query_as(
                "SELECT dedup, ends, data FROM communication_chunks WHERE case_id = $1 AND import_seq = $2 AND chunk = $3",
            )
            .bind(case.as_str())
            .bind(import_seq)
            .bind(chunk)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| corrupt("communication chunk"))?;
            let chunk = ChunkStored::open(ends, &data).ok_or_else(|| corrupt("communication chunk"))?;
            for place in places {
                let pick = &picks[place];
                let kept = chunk.entry(pick.index).ok_or_else(|| corrupt("communication chunk"))?;
                let key = dedup
                    .get(pick.index * 16..pick.index * 16 + 16)
                    .and_then(|k| <[u8; 16]>::try_from(k).ok())
                    .ok_or_else(|| corrupt("communication chunk"))?;
                page[place] = Some(CommunicationRecord {
                    row: pick.row,
                    counterpart_id: pick.counterpart,
                    import_seq: import_seq as u64,
                    review: pick.review,
                    communication: Stored::decode(kept, key).ok_or_else(|| corrupt("communication"))?,
                });
            }
        }
        Ok(page.into_iter().flatten().collect())
    }
}
