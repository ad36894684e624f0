//! How the store keeps each communication: whole, as JSON, or as where it
//! lies in the source it was imported from.
//!
//! A million messages from one SMS backup are already in the vault, inside
//! the sealed backup: writing each again as JSON, compressing it and
//! encrypting it into SQLCipher cost an import more than hashing and
//! sealing the backup itself. So an importer that can read one record back
//! from its own bytes (`cairn_ingest::sms_backup::read_record`) leaves a
//! few bytes here saying where the record lies, and the application reads
//! it back from the source when it is shown, checked against its dedup key.

use cairn_core::{Communication, SourceRef};

/// A communication as the store holds it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Stored {
    /// Kept whole.
    Kept(Box<Communication>),
    /// Kept as where it lies in its import's source: the application reads
    /// it back from there with the importer that read it.
    InSource(SourceExtent),
}

/// Where a record lies in its import's source, and what reading it gave
/// that the bytes alone do not say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceExtent {
    /// Where the record starts: its byte offset and line.
    pub start: SourceRef,
    /// Where it ends: the byte after its last.
    pub end: u64,
    /// How many earlier records of the import had the same identity
    /// (`Communication::repeat`).
    pub repeat: u32,
    /// The first 16 bytes of the communication's `dedup_key`, as imported:
    /// what it reads back as must have the same.
    pub dedup: [u8; 16],
}

/// The first byte of a stored extent. JSON never starts with it.
const EXTENT_TAG: u8 = 0;

impl SourceExtent {
    /// Appends the extent (but its dedup key, which the store keeps in a
    /// column of its own) as the bytes stored for the message: a tag, then
    /// offset, length, line and repeat as LEB128 varints, about 10 bytes.
    pub(crate) fn encode_into(start: &SourceRef, end: u64, repeat: u32, out: &mut Vec<u8>) {
        out.push(EXTENT_TAG);
        for n in [
            start.byte_offset,
            end.saturating_sub(start.byte_offset),
            start.line,
            u64::from(repeat),
        ] {
            varint(n, out);
        }
    }

    fn decode(bytes: &[u8], dedup: [u8; 16]) -> Option<SourceExtent> {
        let mut rest = bytes.strip_prefix(&[EXTENT_TAG])?;
        let mut next = || read_varint(&mut rest);
        let (offset, len, line, repeat) = (next()?, next()?, next()?, next()?);
        if !rest.is_empty() {
            return None;
        }
        Some(SourceExtent {
            start: SourceRef {
                byte_offset: offset,
                line,
                entry: None,
            },
            end: offset.checked_add(len)?,
            repeat: u32::try_from(repeat).ok()?,
            dedup,
        })
    }
}

impl Stored {
    /// What the store wrote for one message; `None` if it is not that.
    pub(crate) fn decode(bytes: &[u8], dedup: [u8; 16]) -> Option<Stored> {
        match bytes.first()? {
            &EXTENT_TAG => SourceExtent::decode(bytes, dedup).map(Stored::InSource),
            _ => serde_json::from_slice(bytes).ok().map(|c| Stored::Kept(Box::new(c))),
        }
    }
}

fn varint(mut n: u64, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn read_varint(bytes: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = bytes.split_first()?;
        *bytes = rest;
        n |= u64::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extents_read_back_as_written_and_anything_else_is_refused() {
        let cases = [
            (0, 1, 1, 0),
            (127, 128, 2, 1),
            (1 << 40, (1 << 40) + 300_000, 9_000_000, 70_000),
            (u64::MAX - 5, u64::MAX, u64::MAX, u32::MAX),
        ];
        for (offset, end, line, repeat) in cases {
            let start = SourceRef {
                byte_offset: offset,
                line,
                entry: None,
            };
            let mut bytes = Vec::new();
            SourceExtent::encode_into(&start, end, repeat, &mut bytes);
            let expected = SourceExtent {
                start,
                end,
                repeat,
                dedup: [7; 16],
            };
            match Stored::decode(&bytes, [7; 16]) {
                Some(Stored::InSource(extent)) => assert_eq!(extent, expected),
                other => panic!("{offset}: {other:?}"),
            }
            for cut in 0..bytes.len() {
                assert!(
                    Stored::decode(&bytes[..cut], [7; 16]).is_none(),
                    "{offset} cut at {cut}"
                );
            }
            let mut longer = bytes.clone();
            longer.push(0);
            assert!(Stored::decode(&longer, [7; 16]).is_none(), "{offset} with a byte after");
        }
        assert!(
            Stored::decode(
                &[
                    0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 1, 1, 0
                ],
                [0; 16]
            )
            .is_none()
        );
        assert!(Stored::decode(b"{\"not\": \"a communication\"}", [0; 16]).is_none());
    }
}
