//! Reading one MMS picture back out of a backup, at the offset the import
//! reported, so a vault that keeps the backup need not keep its pictures a
//! second time.

use std::io::{self, BufRead, Read};

use super::b64::Base64Reader;
use super::lexer::{Lexer, Markup};

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
