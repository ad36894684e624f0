//! Reading one record or one MMS picture back out of a backup, at the place
//! the import reported, so a vault that keeps the backup need not keep its
//! messages or pictures a second time.

use std::collections::HashSet;
use std::io::{self, BufRead, Read};

use cairn_core::{Communication, SourceRef};

use super::b64::Base64Reader;
use super::lexer::{Lexer, Markup, Pos};
use super::{Importer, SmsOptions, malformed, truncated};
use crate::error::ImportError;
use crate::normalise::{Normaliser, Repeats};
use crate::sink::{Collect, Summary};

/// The attachment whose `data` value starts where `source` is (at the
/// offset [`crate::Sink::attachment_in_source`] was given: the opening
/// quote), decoded by the same lexer and base64 reader as
/// [`super::import`]. An error means the bytes there are not such a value.
pub fn read_attachment(source: impl BufRead) -> io::Result<Vec<u8>> {
    let invalid = || io::Error::new(io::ErrorKind::InvalidData, "no attachment value starts here");
    // The value alone, read as the value of an attribute of its own.
    let mut lx = Lexer::new(io::Cursor::new(&b"<part data="[..]).chain(source));
    if !matches!(lx.next_markup(), Ok(Markup::Open { .. })) || !lx.next_attr().map_err(|_| invalid())? {
        return Err(invalid());
    }
    let mut out = Vec::new();
    Base64Reader::new(lx.value_reader()).read_to_end(&mut out)?;
    if lx.take_fault().is_some() {
        return Err(invalid());
    }
    Ok(out)
}

/// The communication [`super::import`] read from the record that `record`
/// holds: the bytes from `at.byte_offset` up to the end it gave
/// [`crate::Sink::communication_in_source`], with the same `options`.
/// `repeat` is the number the import gave it (it depends on the records
/// before). Pictures are decoded and hashed again, not kept. An error means
/// those bytes are not a record that reads as one.
pub fn read_record(
    record: impl BufRead,
    at: &SourceRef,
    repeat: u32,
    options: &SmsOptions,
) -> Result<Communication, ImportError> {
    let mut sink = Collect::default();
    let mut norm = Normaliser::new(&options.default_region);
    let owners: HashSet<String> = options.owner_numbers.iter().map(|n| norm.counterpart(n)).collect();
    let start = Pos {
        offset: at.byte_offset,
        line: at.line,
    };
    let mut im = Importer {
        lx: Lexer::starting_at(record, start),
        sink: &mut sink,
        norm,
        owners,
        repeats: Repeats::default(),
        summary: Summary::new(super::IMPORTER, super::IMPORTER_VERSION),
        scratch: Vec::new(),
        spare: Vec::new(),
    };
    let opened = match im.markup()? {
        Markup::Open { at } => at,
        Markup::Close { at } => return Err(malformed(at, "a record", im.tag("/"))),
        Markup::Eof => return Err(truncated(start, "a record")),
    };
    let (draft, read) = im.record(opened)?;
    if let Some(reason) = draft.problem {
        return Err(malformed(opened, "a record as it was imported", reason.to_string()));
    }
    let after = im.lx.pos();
    match (read, im.markup()?) {
        (Some(mut c), Markup::Eof) => {
            c.repeat = repeat;
            Ok(c)
        }
        (None, _) => Err(malformed(opened, "a record as it was imported", im.tag(""))),
        (Some(_), _) => Err(malformed(after, "the end of the record", im.tag(""))),
    }
}
