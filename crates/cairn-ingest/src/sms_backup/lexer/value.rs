//! One attribute value read as a stream, for attachments.

use std::io::{self, BufRead, Read};

use memchr::memchr2;

use super::super::b64::Source;
use super::{LexError, Lexer, State, describe, unread};

/// Raw bytes of one attribute value, ending at its closing quote.
pub(crate) struct ValueReader<'a, R> {
    lexer: &'a mut Lexer<R>,
    /// Where the value stops in the lexer's current buffer (at a quote, a
    /// '<' or the buffer's end), as `(buffer offset, index)`: found once per
    /// buffer rather than once per read.
    clean: Option<(u64, usize)>,
}

impl<'a, R: BufRead> ValueReader<'a, R> {
    pub(super) fn new(lexer: &'a mut Lexer<R>) -> Self {
        ValueReader { lexer, clean: None }
    }

    /// How many bytes of the value are buffered, 0 at its end: the closing
    /// quote, consumed here.
    fn available(&mut self) -> io::Result<usize> {
        let lx = &mut *self.lexer;
        let State::InValue(q) = lx.state else { return Ok(0) };
        let buffered = match lx.fill() {
            Ok(n) => n,
            Err(LexError::Io(e)) => return Err(e),
            Err(other) => return Err(fault(lx, other)),
        };
        if buffered == 0 {
            let err = LexError::Truncated {
                at: lx.pos(),
                expected: "the closing quote of the attribute value",
            };
            return Err(fault(lx, err));
        }
        let stop = match self.clean {
            Some((base, stop)) if base == lx.base && stop >= lx.at => stop,
            _ => {
                let buf = unread(&mut lx.r, lx.at);
                let stop = lx.at + memchr2(q, b'<', buf).unwrap_or(buf.len());
                self.clean = Some((lx.base, stop));
                stop
            }
        };
        if stop > lx.at {
            return Ok(stop - lx.at);
        }
        if unread(&mut lx.r, lx.at).first() == Some(&b'<') {
            let err = LexError::Malformed {
                at: lx.pos(),
                expected: "the closing quote of the attribute value",
                found: describe(b'<'),
            };
            return Err(fault(lx, err));
        }
        lx.consume(1);
        lx.state = State::InTag;
        Ok(0)
    }
}

impl<R: BufRead> Read for ValueReader<'_, R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        let buf = self.fill_buf()?;
        let n = buf.len().min(out.len());
        out[..n].copy_from_slice(&buf[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for ValueReader<'_, R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        let n = self.available()?;
        let lx = &mut *self.lexer;
        Ok(&unread(&mut lx.r, lx.at)[..n])
    }

    fn consume(&mut self, n: usize) {
        self.lexer.consume(n);
    }
}

impl<R: BufRead> Source for ValueReader<'_, R> {
    fn consume_plain(&mut self, n: usize) {
        // A picture is most of a backup: counting the lines in it would
        // be the largest part of counting lines.
        let lx = &mut *self.lexer;
        lx.count_lines();
        lx.consume(n);
        lx.counted = lx.at;
    }
}

fn fault<R>(lx: &mut Lexer<R>, err: LexError) -> io::Error {
    let msg = match &err {
        LexError::Truncated { .. } => "the file ends inside the attachment",
        _ => "the attachment is not closed before the next tag",
    };
    lx.fault = Some(err);
    io::Error::new(io::ErrorKind::UnexpectedEof, msg)
}
