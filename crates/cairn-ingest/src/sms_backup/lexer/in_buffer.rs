//! The lexer's fast paths: tokens that lie whole in the reader's buffer,
//! scanned in place. Each hands anything else (a token cut by the buffer's
//! end, anything amiss) to the byte-wise path in `mod.rs`, which reports
//! errors, so that where they are reported does not depend on the buffer.

use std::io::BufRead;

use memchr::memchr2;

use super::{LexError, Lexer, MAX_NAME, State, unread};

/// Where [`Lexer::wanted_in_buffer`] stopped.
enum InBuffer {
    TagEnded,
    /// At the value of `wanted[i]`.
    AtValue(usize),
    /// At a buffer boundary or something amiss: for the byte-wise path.
    Stuck,
}

impl<R: BufRead> Lexer<R> {
    /// [`Lexer::next_attr`] when the buffer holds all up to the value's
    /// opening quote and nothing is amiss; `None` leaves the rest, a buffer
    /// boundary or an error to report, to the byte-wise path.
    pub(super) fn next_attr_in_buffer(&mut self) -> Result<Option<bool>, LexError> {
        if self.fill()? == 0 {
            return Ok(None);
        }
        let buf = unread(&mut self.r, self.at);
        let start = skip_spaces(buf, 0);
        match buf.get(start) {
            Some(b'>') => {
                self.consume(start + 1);
                self.state = State::Content;
                return Ok(Some(false));
            }
            Some(b'/') if buf.get(start + 1) == Some(&b'>') => {
                self.consume(start + 2);
                self.state = State::Content;
                self.self_closing = true;
                return Ok(Some(false));
            }
            _ => {}
        }
        let Some(len) = buf[start..].iter().position(|&b| is_delimiter(b)) else {
            return Ok(None);
        };
        let eq = skip_spaces(buf, start + len);
        let quote = skip_spaces(buf, eq + 1);
        match (buf.get(eq), buf.get(quote)) {
            (Some(b'='), Some(&q @ (b'"' | b'\''))) if (1..=MAX_NAME).contains(&len) => {
                self.name.clear();
                self.name.extend_from_slice(&buf[start..start + len]);
                self.consume(quote + 1);
                self.state = State::InValue(q);
                Ok(Some(true))
            }
            _ => Ok(None),
        }
    }

    /// Reads the rest of the tag, handing each attribute named in `wanted`
    /// to `keep`: its index in `wanted` and its raw value, `None` if longer
    /// than `limit` (`scratch` holds a value cut by a buffer boundary).
    /// ([`Lexer::attr_name`] is not kept up to date.)
    pub fn wanted_values(
        &mut self,
        wanted: &[&str],
        limit: usize,
        scratch: &mut Vec<u8>,
        mut keep: impl FnMut(usize, Option<&[u8]>),
    ) -> Result<(), LexError> {
        // Most attribute names have a length no wanted name has.
        let lengths = wanted.iter().fold(0, |m, w| m | length_bit(w.len()));
        loop {
            if let State::InValue(_) = self.state {
                self.skip_value()?;
            }
            if self.state != State::InTag {
                return Ok(());
            }
            let at_wanted = match self.wanted_in_buffer(wanted, lengths, limit, &mut keep)? {
                InBuffer::TagEnded => return Ok(()),
                InBuffer::AtValue(i) => Some(i),
                InBuffer::Stuck => {
                    if !self.next_attr()? {
                        return Ok(());
                    }
                    wanted.iter().position(|w| same_name(w.as_bytes(), &self.name))
                }
            };
            if let Some(i) = at_wanted {
                self.with_value(limit, scratch, |v| keep(i, v))?;
            }
        }
    }

    /// [`Lexer::wanted_values`] over the attributes that lie whole in the
    /// buffer, up to one that does not or where something is amiss.
    fn wanted_in_buffer(
        &mut self,
        wanted: &[&str],
        lengths: u64,
        limit: usize,
        keep: &mut impl FnMut(usize, Option<&[u8]>),
    ) -> Result<InBuffer, LexError> {
        if self.fill()? == 0 {
            return Ok(InBuffer::Stuck);
        }
        let buf = unread(&mut self.r, self.at);
        let mut done = 0;
        let (used, outcome) = loop {
            let start = skip_one_space(buf, done);
            match buf.get(start) {
                Some(b'>') => {
                    self.state = State::Content;
                    break (start + 1, InBuffer::TagEnded);
                }
                Some(b'/') if buf.get(start + 1) == Some(&b'>') => {
                    self.state = State::Content;
                    self.self_closing = true;
                    break (start + 2, InBuffer::TagEnded);
                }
                _ => {}
            }
            let Some(len) = name_len(&buf[start..]) else {
                break (done, InBuffer::Stuck);
            };
            let eq = skip_one_space(buf, start + len);
            let quote = skip_one_space(buf, eq + 1);
            let q = match (buf.get(eq), buf.get(quote)) {
                (Some(b'='), Some(&q @ (b'"' | b'\''))) if (1..=MAX_NAME).contains(&len) => q,
                _ => break (done, InBuffer::Stuck),
            };
            let name = &buf[start..start + len];
            let found = if lengths & length_bit(len) != 0 {
                wanted.iter().position(|w| same_name(w.as_bytes(), name))
            } else {
                None
            };
            let value = &buf[quote + 1..];
            match value_end(value, q) {
                Some(end) if value[end] == q => {
                    if let Some(i) = found {
                        keep(i, (end <= limit).then_some(&value[..end]));
                    }
                    done = quote + 1 + end + 1;
                }
                // Read, or passed over, by the byte-wise path, which also
                // reports a '<' in it.
                _ => {
                    self.state = State::InValue(q);
                    break (quote + 1, found.map_or(InBuffer::Stuck, InBuffer::AtValue));
                }
            }
        };
        self.consume(used);
        Ok(outcome)
    }
}

#[inline]
pub(super) fn skip_spaces(buf: &[u8], from: usize) -> usize {
    from + buf
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(|b| b.is_ascii_whitespace())
        .count()
}

/// [`skip_spaces`] for what the app writes: one space, or none.
#[inline]
fn skip_one_space(buf: &[u8], from: usize) -> usize {
    let spaces = buf.get(from..from + 2).map(|two| (two[0], two[1]));
    match spaces {
        Some((b' ', next)) if !next.is_ascii_whitespace() => from + 1,
        Some((first, _)) if !first.is_ascii_whitespace() => from,
        _ => skip_spaces(buf, from),
    }
}

/// How long the name that starts `buf` is: up to the first delimiter.
#[inline]
fn name_len(buf: &[u8]) -> Option<usize> {
    // Sixteen bytes at a time without a branch per byte: names end at no
    // predictable place, and the byte loop's mispredicted exit cost more
    // than the scan.
    let mut base = 0;
    while let Some(chunk) = buf.get(base..base + 16) {
        let mask = chunk
            .iter()
            .enumerate()
            .fold(0u32, |mask, (i, &b)| mask | u32::from(is_delimiter(b)) << i);
        if mask != 0 {
            return Some(base + mask.trailing_zeros() as usize);
        }
        base += 16;
    }
    buf[base..].iter().position(|&b| is_delimiter(b)).map(|i| base + i)
}

pub(super) fn is_delimiter(b: u8) -> bool {
    DELIMITERS[usize::from(b)]
}

/// Bytes that end a name, indexed by byte: one lookup instead of a dozen
/// comparisons.
const DELIMITERS: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.is_ascii_whitespace() || matches!(byte, b'=' | b'>' | b'/' | b'<' | b'"' | b'\'' | b'?' | b'!');
        b += 1;
    }
    table
};

/// Where a value that starts `buf` ends: at its quote `q`, or at a '<'
/// that is an error.
#[inline]
pub(super) fn value_end(buf: &[u8], q: u8) -> Option<usize> {
    // Most values are a few bytes, where a plain check beats setting up a
    // vectorised search; checked as for names, without a branch per byte.
    const SHORT: usize = 16;
    let Some(head) = buf.get(..SHORT) else {
        return buf.iter().position(|&b| b == q || b == b'<');
    };
    let mask = head
        .iter()
        .enumerate()
        .fold(0u32, |mask, (i, &b)| mask | u32::from(b == q || b == b'<') << i);
    if mask != 0 {
        return Some(mask.trailing_zeros() as usize);
    }
    memchr2(q, b'<', &buf[SHORT..]).map(|i| i + SHORT)
}

/// A name's length as a bit of a set (the longest share one).
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// Names are short: comparing them inline beats calling `memcmp`.
#[inline]
pub(crate) fn same_name(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}
