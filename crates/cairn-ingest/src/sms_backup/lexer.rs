//! A streaming reader for the subset of XML that SMS Backup & Restore writes:
//! a prolog, comments, and elements whose data lives in attributes.
//!
//! Why not a general XML parser: an MMS picture is one attribute
//! (`<part data="…base64…"/>`) that can be tens of megabytes, and event-based
//! parsers (quick-xml included) hand out a start tag only once all of it is
//! in memory. Here a tag is read attribute by attribute, and a value can be
//! read as a stream, so memory stays flat whatever the attachment size. Entities
//! are decoded afterwards, by `entities::unescape`.

use std::io::{self, BufRead, Read};

use memchr::{memchr, memchr2};

#[cfg(test)]
use super::entities::unescape;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pos {
    pub offset: u64,
    pub line: u64,
}

#[derive(Debug)]
pub(crate) enum LexError {
    Io(io::Error),
    Malformed {
        at: Pos,
        expected: &'static str,
        found: String,
    },
    Truncated {
        at: Pos,
        expected: &'static str,
    },
}

pub(crate) enum Markup {
    Open { name: String, at: Pos },
    Close { name: String, at: Pos },
    Eof,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Content,
    InTag,
    InValue(u8),
}

const MAX_NAME: usize = 256;

pub(crate) struct Lexer<R> {
    r: R,
    offset: u64,
    line: u64,
    state: State,
    self_closing: bool,
    /// Set when a streamed value ran into the end of the file or a '<': the
    /// container is broken, not just the record.
    fault: Option<LexError>,
    /// The last name read; reused so attributes cost no allocation.
    name: Vec<u8>,
}

impl<R: BufRead> Lexer<R> {
    pub fn new(r: R) -> Self {
        Lexer {
            r,
            offset: 0,
            line: 1,
            state: State::Content,
            self_closing: false,
            fault: None,
            name: Vec::new(),
        }
    }

    pub fn pos(&self) -> Pos {
        Pos {
            offset: self.offset,
            line: self.line,
        }
    }

    pub fn take_fault(&mut self) -> Option<LexError> {
        self.fault.take()
    }

    fn fill(&mut self) -> Result<&[u8], LexError> {
        loop {
            match self.r.fill_buf() {
                Ok(_) => break,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(LexError::Io(e)),
            }
        }
        // Second call returns the buffer just filled without reading: this
        // shape keeps the borrow checker happy about the retry loop.
        self.r.fill_buf().map_err(LexError::Io)
    }

    fn peek(&mut self) -> Result<Option<u8>, LexError> {
        Ok(self.fill()?.first().copied())
    }

    /// Consumes `n` buffered bytes known to hold no line feed (names,
    /// punctuation): skips the line count, which dominates on short tokens.
    fn consume_inline(&mut self, n: usize) {
        self.r.consume(n);
        self.offset += n as u64;
    }

    /// Consumes `n` bytes that are already in the buffer, counting lines.
    fn consume(&mut self, n: usize) {
        if n == 0 {
            return;
        }
        if let Ok(buf) = self.r.fill_buf() {
            self.line += memchr::memchr_iter(b'\n', &buf[..n.min(buf.len())]).count() as u64;
        }
        self.r.consume(n);
        self.offset += n as u64;
    }

    fn malformed<T>(&mut self, expected: &'static str) -> Result<T, LexError> {
        let at = self.pos();
        match self.peek()? {
            None => Err(LexError::Truncated { at, expected }),
            Some(b) => Err(LexError::Malformed {
                at,
                expected,
                found: describe(b),
            }),
        }
    }

    fn expect(&mut self, byte: u8, expected: &'static str) -> Result<(), LexError> {
        if self.peek()? == Some(byte) {
            self.consume_inline(1);
            Ok(())
        } else {
            self.malformed(expected)
        }
    }

    fn skip_ws(&mut self) -> Result<(), LexError> {
        loop {
            let buf = self.fill()?;
            let mut lines = 0;
            let n = buf
                .iter()
                .take_while(|b| {
                    lines += u64::from(**b == b'\n');
                    b.is_ascii_whitespace()
                })
                .count();
            let all = n == buf.len() && n > 0;
            self.line += lines;
            self.consume_inline(n);
            if !all {
                return Ok(());
            }
        }
    }

    /// Reads a name into `self.name`.
    fn read_name(&mut self, expected: &'static str) -> Result<(), LexError> {
        let mut name = std::mem::take(&mut self.name);
        name.clear();
        let result = loop {
            let buf = match self.fill() {
                Ok(b) => b,
                Err(e) => break Err(e),
            };
            if buf.is_empty() {
                break Ok(());
            }
            let n = buf.iter().take_while(|b| !is_delimiter(**b)).count();
            name.extend_from_slice(&buf[..n]);
            let done = n < buf.len();
            self.consume_inline(n);
            if name.len() > MAX_NAME {
                break self.malformed(expected);
            }
            if done {
                break Ok(());
            }
        };
        let empty = name.is_empty();
        self.name = name;
        result?;
        if empty {
            return self.malformed(expected);
        }
        Ok(())
    }

    fn name_string(&self) -> String {
        String::from_utf8_lossy(&self.name).into_owned()
    }

    /// Skips to just past `end` (comments, processing instructions, CDATA).
    fn skip_past(&mut self, end: &[u8], expected: &'static str) -> Result<(), LexError> {
        // The last bytes seen, so a match split across buffers is found.
        let mut tail: Vec<u8> = Vec::with_capacity(end.len());
        loop {
            let buf = self.fill()?;
            if buf.is_empty() {
                return self.malformed(expected);
            }
            let mut used = buf.len();
            let mut found = false;
            for (i, &b) in buf.iter().enumerate() {
                if tail.len() == end.len() {
                    tail.remove(0);
                }
                tail.push(b);
                if tail == end {
                    used = i + 1;
                    found = true;
                    break;
                }
            }
            self.consume(used);
            if found {
                return Ok(());
            }
        }
    }

    /// `<!DOCTYPE …>`, allowing an internal subset in brackets.
    fn skip_declaration(&mut self) -> Result<(), LexError> {
        let mut depth = 0u32;
        loop {
            let Some(b) = self.peek()? else {
                return self.malformed("'>' closing the declaration");
            };
            self.consume(1);
            match b {
                b'[' => depth += 1,
                b']' => depth = depth.saturating_sub(1),
                b'>' if depth == 0 => return Ok(()),
                _ => {}
            }
        }
    }

    /// The next start or end tag, skipping text, comments and declarations.
    /// After `Open`, read the attributes with [`Lexer::next_attr`].
    pub fn next_markup(&mut self) -> Result<Markup, LexError> {
        match self.state {
            State::Content => {}
            State::InValue(_) => {
                self.skip_value()?;
                self.finish_tag()?;
            }
            State::InTag => self.finish_tag()?,
        }
        loop {
            // Text between elements is only ever whitespace in these files;
            // anything else is passed over rather than guessed at.
            loop {
                let buf = self.fill()?;
                if buf.is_empty() {
                    return Ok(Markup::Eof);
                }
                match memchr(b'<', buf) {
                    Some(i) => {
                        self.consume(i);
                        break;
                    }
                    None => {
                        let n = buf.len();
                        self.consume(n);
                    }
                }
            }
            let at = self.pos();
            self.consume(1);
            match self.peek()? {
                Some(b'?') => self.skip_past(b"?>", "'?>' closing the declaration")?,
                Some(b'!') => {
                    self.consume(1);
                    match self.peek()? {
                        Some(b'-') => self.skip_past(b"-->", "'-->' closing the comment")?,
                        Some(b'[') => self.skip_past(b"]]>", "']]>' closing the cdata section")?,
                        _ => self.skip_declaration()?,
                    }
                }
                Some(b'/') => {
                    self.consume(1);
                    self.read_name("an element name")?;
                    let name = self.name_string();
                    self.skip_ws()?;
                    self.expect(b'>', "'>' closing the end tag")?;
                    return Ok(Markup::Close { name, at });
                }
                _ => {
                    self.read_name("an element name")?;
                    let name = self.name_string();
                    self.state = State::InTag;
                    self.self_closing = false;
                    return Ok(Markup::Open { name, at });
                }
            }
        }
    }

    /// Moves to the next attribute, leaving the reader at the start of its
    /// value (its name is [`Lexer::attr_name`]); false at the end of the tag.
    pub fn next_attr(&mut self) -> Result<bool, LexError> {
        if let State::InValue(_) = self.state {
            self.skip_value()?;
        }
        if self.state != State::InTag {
            return Ok(false);
        }
        self.skip_ws()?;
        match self.peek()? {
            Some(b'>') => {
                self.consume_inline(1);
                self.state = State::Content;
                return Ok(false);
            }
            Some(b'/') => {
                self.consume_inline(1);
                self.expect(b'>', "'>' after '/'")?;
                self.state = State::Content;
                self.self_closing = true;
                return Ok(false);
            }
            _ => {}
        }
        self.read_name("an attribute name")?;
        self.skip_ws()?;
        self.expect(b'=', "'=' after the attribute name")?;
        self.skip_ws()?;
        match self.peek()? {
            Some(q @ (b'"' | b'\'')) => {
                self.consume_inline(1);
                self.state = State::InValue(q);
                Ok(true)
            }
            _ => self.malformed("a quoted attribute value"),
        }
    }

    /// The name of the attribute [`Lexer::next_attr`] moved to.
    pub fn attr_name(&self) -> &[u8] {
        &self.name
    }

    /// Whether the tag just finished was `<…/>`.
    pub fn self_closing(&self) -> bool {
        self.self_closing
    }

    fn finish_tag(&mut self) -> Result<(), LexError> {
        while self.next_attr()? {}
        Ok(())
    }

    /// Reads the raw (still escaped) value into `out`, keeping at most
    /// `limit` bytes; returns false if it was longer.
    pub fn read_value(&mut self, limit: usize, out: &mut Vec<u8>) -> Result<bool, LexError> {
        out.clear();
        let State::InValue(q) = self.state else { return Ok(true) };
        let mut fits = true;
        loop {
            let buf = self.fill()?;
            if buf.is_empty() {
                return self.malformed("the closing quote of the attribute value");
            }
            let end = memchr2(q, b'<', buf);
            let n = end.unwrap_or(buf.len());
            let room = limit.saturating_sub(out.len());
            if n > room {
                fits = false;
            }
            out.extend_from_slice(&buf[..n.min(room)]);
            self.consume(n);
            if end.is_some() {
                if self.peek()? == Some(b'<') {
                    return self.malformed("the closing quote of the attribute value");
                }
                self.consume(1);
                self.state = State::InTag;
                return Ok(fits);
            }
        }
    }

    pub fn skip_value(&mut self) -> Result<(), LexError> {
        self.read_value(0, &mut Vec::new()).map(|_| ())
    }

    /// The current value as a stream of raw bytes, for attachments.
    pub fn value_reader(&mut self) -> ValueReader<'_, R> {
        ValueReader { lexer: self }
    }
}

/// Raw bytes of one attribute value, ending at its closing quote.
pub(crate) struct ValueReader<'a, R> {
    lexer: &'a mut Lexer<R>,
}

impl<R: BufRead> Read for ValueReader<'_, R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let lx = &mut *self.lexer;
        let State::InValue(q) = lx.state else { return Ok(0) };
        if out.is_empty() {
            return Ok(0);
        }
        let buf = match lx.fill() {
            Ok(b) => b,
            Err(LexError::Io(e)) => return Err(e),
            Err(other) => return Err(fault(lx, other)),
        };
        if buf.is_empty() {
            let err = LexError::Truncated {
                at: lx.pos(),
                expected: "the closing quote of the attribute value",
            };
            return Err(fault(lx, err));
        }
        let end = memchr2(q, b'<', buf);
        let n = end.unwrap_or(buf.len()).min(out.len());
        out[..n].copy_from_slice(&buf[..n]);
        lx.consume(n);
        if n == 0 {
            if buf_starts_with(lx, b'<') {
                let at = lx.pos();
                let err = LexError::Malformed {
                    at,
                    expected: "the closing quote of the attribute value",
                    found: describe(b'<'),
                };
                return Err(fault(lx, err));
            }
            lx.consume(1);
            lx.state = State::InTag;
        }
        Ok(n)
    }
}

fn buf_starts_with<R: BufRead>(lx: &mut Lexer<R>, b: u8) -> bool {
    matches!(lx.peek(), Ok(Some(x)) if x == b)
}

fn fault<R>(lx: &mut Lexer<R>, err: LexError) -> io::Error {
    let msg = match &err {
        LexError::Truncated { .. } => "the file ends inside the attachment",
        _ => "the attachment is not closed before the next tag",
    };
    lx.fault = Some(err);
    io::Error::new(io::ErrorKind::UnexpectedEof, msg)
}

fn is_delimiter(b: u8) -> bool {
    b.is_ascii_whitespace() || matches!(b, b'=' | b'>' | b'/' | b'<' | b'"' | b'\'' | b'?' | b'!')
}

fn describe(b: u8) -> String {
    if b.is_ascii_graphic() {
        format!("'{}'", b as char)
    } else {
        format!("byte 0x{b:02x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(xml: &str) -> Vec<String> {
        let mut lx = Lexer::new(xml.as_bytes());
        let mut out = Vec::new();
        loop {
            match lx.next_markup().unwrap() {
                Markup::Eof => return out,
                Markup::Close { name, at } => out.push(format!("/{name}@{}:{}", at.line, at.offset)),
                Markup::Open { name, at } => {
                    let mut s = format!("{name}@{}:{}", at.line, at.offset);
                    while lx.next_attr().unwrap() {
                        let attr = String::from_utf8_lossy(lx.attr_name()).into_owned();
                        let mut v = Vec::new();
                        lx.read_value(100, &mut v).unwrap();
                        s += &format!(" {attr}={}", unescape(&v));
                    }
                    if lx.self_closing() {
                        s.push('/');
                    }
                    out.push(s);
                }
            }
        }
    }

    #[test]
    fn reads_tags_attributes_and_positions() {
        let xml = "<?xml version='1.0' ?>\n<!-- c -> -->\n<a x=\"1\" y='&lt;2'>\n <b z = \"\"/></a >";
        assert_eq!(tags(xml), ["a@3:37 x=1 y=<2", "b@4:58 z=/", "/a@4:69"]);
        assert_eq!(
            tags("<!-- a --->\n<![CDATA[ ]] ]]><!DOCTYPE x [<!ENTITY y \"z\">]><r/>"),
            ["r@2:58/"]
        );
    }

    #[test]
    fn refuses_broken_tags() {
        for bad in [
            "<a x=1>",
            "<a x=\"1>",
            "<a x=\"1\"<b",
            "</a",
            "<a x>",
            "<>",
            "<a x=\"<\">",
        ] {
            let mut lx = Lexer::new(bad.as_bytes());
            let result = (|| {
                while !matches!(lx.next_markup()?, Markup::Eof) {
                    while lx.next_attr()? {
                        lx.skip_value()?;
                    }
                }
                Ok::<_, LexError>(())
            })();
            assert!(result.is_err(), "{bad}");
        }
    }
}
