//! A streaming reader for the subset of XML that SMS Backup & Restore writes:
//! a prolog, comments, and elements whose data lives in attributes.
//!
//! Why not a general XML parser: an MMS picture is one attribute
//! (`<part data="…base64…"/>`) that can be tens of megabytes, and event-based
//! parsers (quick-xml included) hand out a start tag only once all of it is
//! in memory. Here a tag is read attribute by attribute, and a value can be
//! read as a stream, so memory stays flat whatever the attachment size. Entities
//! are decoded afterwards, by `entities::unescape_into`.
//!
//! Tokens are scanned in the reader's own buffer (see `in_buffer`), and a
//! byte-wise path takes over where one is cut by the buffer's end.

mod in_buffer;
mod value;

use std::io::{self, BufRead};

use memchr::{memchr, memchr2};

#[cfg(test)]
use super::entities::unescape;
pub(crate) use in_buffer::same_name;
use in_buffer::{is_delimiter, skip_spaces, value_end};
pub(crate) use value::ValueReader;

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
    /// A start tag; its name is [`Lexer::element`].
    Open {
        at: Pos,
    },
    /// An end tag; its name is [`Lexer::element`].
    Close {
        at: Pos,
    },
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
    /// How much of `r`'s buffer has been read. It is consumed from `r` only
    /// once all read, so that tokens are scanned on the buffer in place and
    /// lines counted over long spans rather than token by token.
    at: usize,
    /// The file offset of the start of `r`'s buffer.
    base: u64,
    /// The line at `counted` in `r`'s buffer.
    line: u64,
    counted: usize,
    state: State,
    self_closing: bool,
    /// Set when a streamed value ran into the end of the file or a '<': the
    /// container is broken, not just the record.
    fault: Option<LexError>,
    /// The last attribute name read; reused so attributes cost no allocation.
    name: Vec<u8>,
    /// The name of the last start or end tag, likewise.
    element: Vec<u8>,
}

/// The unread part of `r`'s buffer: to call once [`Lexer::fill`] has said
/// there is some, when `r` answers from its buffer without reading.
fn unread<R: BufRead>(r: &mut R, at: usize) -> &[u8] {
    match r.fill_buf() {
        Ok(buf) => &buf[at.min(buf.len())..],
        Err(_) => &[],
    }
}

impl<R: BufRead> Lexer<R> {
    pub fn new(r: R) -> Self {
        Lexer {
            r,
            at: 0,
            base: 0,
            line: 1,
            counted: 0,
            state: State::Content,
            self_closing: false,
            fault: None,
            name: Vec::new(),
            element: Vec::new(),
        }
    }

    /// A lexer over part of a file: `r` starts at `at` in it, so positions
    /// are the file's.
    pub fn starting_at(r: R, at: Pos) -> Self {
        Lexer {
            base: at.offset,
            line: at.line,
            ..Lexer::new(r)
        }
    }

    pub fn pos(&mut self) -> Pos {
        self.count_lines();
        Pos {
            offset: self.base + self.at as u64,
            line: self.line,
        }
    }

    fn count_lines(&mut self) {
        if self.counted < self.at {
            let (from, to) = (self.counted, self.at);
            if let Ok(buf) = self.r.fill_buf() {
                let to = to.min(buf.len());
                self.line += memchr::memchr_iter(b'\n', &buf[from.min(to)..to]).count() as u64;
            }
            self.counted = self.at;
        }
    }

    pub fn take_fault(&mut self) -> Option<LexError> {
        self.fault.take()
    }

    /// Makes sure unread bytes are buffered, unless the input is exhausted;
    /// returns how many.
    #[inline]
    fn fill(&mut self) -> Result<usize, LexError> {
        // Called for every token: the common case inline, the rest not.
        match self.r.fill_buf() {
            Ok(buf) if self.at < buf.len() => Ok(buf.len() - self.at),
            Ok(_) => self.refill(),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => self.refill(),
            // Reported as it comes, not asked again.
            Err(e) => Err(LexError::Io(e)),
        }
    }

    #[inline(never)]
    fn refill(&mut self) -> Result<usize, LexError> {
        loop {
            let len = match self.r.fill_buf() {
                Ok(buf) => buf.len(),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(LexError::Io(e)),
            };
            if self.at < len {
                return Ok(len - self.at);
            }
            if self.at == 0 {
                return Ok(0);
            }
            self.count_lines();
            self.r.consume(self.at);
            self.base += self.at as u64;
            self.at = 0;
            self.counted = 0;
        }
    }

    fn peek(&mut self) -> Result<Option<u8>, LexError> {
        if self.fill()? == 0 {
            return Ok(None);
        }
        Ok(unread(&mut self.r, self.at).first().copied())
    }

    /// Passes over `n` bytes that are already buffered.
    fn consume(&mut self, n: usize) {
        self.at += n;
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
            self.consume(1);
            Ok(())
        } else {
            self.malformed(expected)
        }
    }

    fn skip_ws(&mut self) -> Result<(), LexError> {
        while self.fill()? > 0 {
            let buf = unread(&mut self.r, self.at);
            let n = skip_spaces(buf, 0);
            let all = n == buf.len();
            self.consume(n);
            if !all {
                break;
            }
        }
        Ok(())
    }

    /// Reads a name into `name` (the lexer's own `name` or `element`, taken
    /// out meanwhile).
    fn read_name(&mut self, name: &mut Vec<u8>, expected: &'static str) -> Result<(), LexError> {
        name.clear();
        // Most names lie whole in the buffer.
        if self.fill()? > 0 {
            let buf = unread(&mut self.r, self.at);
            if let Some(n) = buf.iter().position(|&b| is_delimiter(b))
                && (1..=MAX_NAME).contains(&n)
            {
                name.extend_from_slice(&buf[..n]);
                self.consume(n);
                return Ok(());
            }
        }
        while self.fill()? > 0 {
            let buf = unread(&mut self.r, self.at);
            let n = buf.iter().take_while(|b| !is_delimiter(**b)).count();
            let done = n < buf.len();
            // Never past the first byte too many, so a name too long is
            // reported at the same byte whatever the buffer's size.
            let take = n.min(MAX_NAME + 1 - name.len());
            name.extend_from_slice(&buf[..take]);
            self.consume(take);
            if name.len() > MAX_NAME {
                return self.malformed(expected);
            }
            if done {
                break;
            }
        }
        if name.is_empty() {
            return self.malformed(expected);
        }
        Ok(())
    }

    fn read_element(&mut self) -> Result<(), LexError> {
        let mut name = std::mem::take(&mut self.element);
        let result = self.read_name(&mut name, "an element name");
        self.element = name;
        result
    }

    /// The name of the tag [`Lexer::next_markup`] returned.
    pub fn element(&self) -> &[u8] {
        &self.element
    }

    pub fn element_string(&self) -> String {
        String::from_utf8_lossy(&self.element).into_owned()
    }

    /// Skips to just past `end` (comments, processing instructions, CDATA).
    fn skip_past(&mut self, end: &[u8], expected: &'static str) -> Result<(), LexError> {
        // The last bytes seen, so a match split across buffers is found.
        let mut tail: Vec<u8> = Vec::with_capacity(end.len());
        loop {
            if self.fill()? == 0 {
                return self.malformed(expected);
            }
            let buf = unread(&mut self.r, self.at);
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
                let available = self.fill()?;
                if available == 0 {
                    return Ok(Markup::Eof);
                }
                match memchr(b'<', unread(&mut self.r, self.at)) {
                    Some(i) => {
                        self.consume(i);
                        break;
                    }
                    None => self.consume(available),
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
                    self.read_element()?;
                    self.skip_ws()?;
                    self.expect(b'>', "'>' closing the end tag")?;
                    return Ok(Markup::Close { at });
                }
                _ => {
                    self.read_element()?;
                    self.state = State::InTag;
                    self.self_closing = false;
                    return Ok(Markup::Open { at });
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
        if let Some(more) = self.next_attr_in_buffer()? {
            return Ok(more);
        }
        self.skip_ws()?;
        match self.peek()? {
            Some(b'>') => {
                self.consume(1);
                self.state = State::Content;
                return Ok(false);
            }
            Some(b'/') => {
                self.consume(1);
                self.expect(b'>', "'>' after '/'")?;
                self.state = State::Content;
                self.self_closing = true;
                return Ok(false);
            }
            _ => {}
        }
        let mut name = std::mem::take(&mut self.name);
        let result = self.read_name(&mut name, "an attribute name");
        self.name = name;
        result?;
        self.skip_ws()?;
        self.expect(b'=', "'=' after the attribute name")?;
        self.skip_ws()?;
        match self.peek()? {
            Some(q @ (b'"' | b'\'')) => {
                self.consume(1);
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

    /// Hands the raw (still escaped) value to `f`: `None` if it is longer
    /// than `limit` bytes. `scratch` holds a value that a buffer boundary
    /// cuts; most are handed over in place.
    pub fn with_value<T>(
        &mut self,
        limit: usize,
        scratch: &mut Vec<u8>,
        f: impl FnOnce(Option<&[u8]>) -> T,
    ) -> Result<T, LexError> {
        if let State::InValue(q) = self.state
            && self.fill()? > 0
        {
            let buf = unread(&mut self.r, self.at);
            if let Some(end) = value_end(buf, q)
                && buf[end] == q
            {
                let value = f((end <= limit).then_some(&buf[..end]));
                self.consume(end + 1);
                self.state = State::InTag;
                return Ok(value);
            }
        }
        let fits = self.read_value(limit, scratch)?;
        Ok(f(fits.then_some(&scratch[..])))
    }

    /// Reads the raw (still escaped) value into `out`, keeping at most
    /// `limit` bytes; returns false if it was longer.
    pub fn read_value(&mut self, limit: usize, out: &mut Vec<u8>) -> Result<bool, LexError> {
        out.clear();
        let State::InValue(q) = self.state else { return Ok(true) };
        let mut fits = true;
        loop {
            if self.fill()? == 0 {
                return self.malformed("the closing quote of the attribute value");
            }
            let buf = unread(&mut self.r, self.at);
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
        self.with_value(0, &mut Vec::new(), |_| ())
    }

    /// The current value as a stream of raw bytes, for attachments.
    pub fn value_reader(&mut self) -> ValueReader<'_, R> {
        ValueReader::new(self)
    }
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

    /// What the lexer reads from `xml`, the same whatever the buffer size.
    fn tags(xml: &str) -> Vec<String> {
        let whole = tags_read_in(xml, xml.len().max(1));
        for capacity in [1, 2, 3, 5, 8, 13] {
            assert_eq!(tags_read_in(xml, capacity), whole, "buffers of {capacity} bytes");
        }
        whole
    }

    fn tags_read_in(xml: &str, capacity: usize) -> Vec<String> {
        let mut lx = Lexer::new(io::BufReader::with_capacity(capacity, xml.as_bytes()));
        let mut out = Vec::new();
        let mut scratch = Vec::new();
        loop {
            match lx.next_markup().unwrap() {
                Markup::Eof => return out,
                Markup::Close { at } => out.push(format!("/{}@{}:{}", lx.element_string(), at.line, at.offset)),
                Markup::Open { at } => {
                    let mut s = format!("{}@{}:{}", lx.element_string(), at.line, at.offset);
                    while lx.next_attr().unwrap() {
                        let attr = String::from_utf8_lossy(lx.attr_name()).into_owned();
                        let v = lx
                            .with_value(100, &mut scratch, |v| unescape(v.unwrap_or_default()))
                            .unwrap();
                        s += &format!(" {attr}={v}");
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
