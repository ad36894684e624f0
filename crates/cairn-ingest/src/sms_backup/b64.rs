//! Base64 decoded as it is read, so an MMS picture never sits whole in
//! memory. Tolerates what real backups contain: line breaks (Android's
//! `Base64.DEFAULT` wraps at 76 columns), whitespace written as character
//! references, missing padding.

use std::io::{self, BufRead, Read};

use base64::Engine as _;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};

use super::entities::entity_at;

const ENGINE: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// The most raw bytes taken at once by the careful path.
const CHUNK: usize = 48 * 1024;

/// Where base64 text comes from.
pub(crate) trait Source: BufRead {
    /// [`BufRead::consume`] for bytes known to be base64 characters only:
    /// no line feeds for the lexer to count.
    fn consume_plain(&mut self, n: usize) {
        self.consume(n);
    }
}

#[cfg(test)]
impl<R: io::Read> Source for io::BufReader<R> {}

pub(crate) struct Base64Reader<R> {
    inner: R,
    /// Base64 characters waiting for a complete group of four.
    chars: Vec<u8>,
    /// A character reference cut by a chunk boundary.
    entity: Vec<u8>,
    decoded: Vec<u8>,
    pos: usize,
    eof: bool,
    /// A padded group just ended: more '=' belong to it, even in the next
    /// chunk.
    after_padding: bool,
}

impl<R: Source> Base64Reader<R> {
    pub fn new(inner: R) -> Self {
        Base64Reader {
            inner,
            chars: Vec::new(),
            entity: Vec::new(),
            decoded: Vec::new(),
            pos: 0,
            eof: false,
            after_padding: false,
        }
    }

    /// Decodes whole groups from the start of `input` into `out` when they
    /// are plain base64 (no line breaks, references or padding), as all but
    /// the end of most pictures is; returns how many bytes were consumed
    /// and written, `None` for anything the careful path must see.
    fn direct(input: &[u8], out: &mut [u8]) -> Option<(usize, usize)> {
        let mut take = input.len().min(out.len() / 3 * 4) / 4 * 4;
        while take > 0 && input[take - 1] == b'=' {
            take -= 4;
        }
        if take == 0 {
            return None;
        }
        // Padding is accepted only at the very end, which `take` now leaves
        // out, and anything outside the alphabet refused: success means
        // the careful path would have decoded the same bytes. The SIMD
        // decoder is several times faster than `ENGINE` on pictures.
        let written = take / 4 * 3;
        base64_simd::STANDARD
            .decode(&input[..take], base64_simd::Out::from_slice(&mut out[..written]))
            .ok()?;
        Some((take, written))
    }

    /// Adds the base64 characters of `raw` to `chars`: whitespace dropped,
    /// character references resolved (`entity` holds one cut short).
    ///
    /// A character outside the alphabet is refused here, where it is met,
    /// not when its group is decoded: so the first fault in the text is the
    /// one reported, wherever the reader's buffer happens to end (the fuzz
    /// target's buffer comparison found a picture whose reported fault
    /// depended on it).
    fn filter(chars: &mut Vec<u8>, entity: &mut Vec<u8>, raw: &[u8]) -> io::Result<()> {
        let push = |chars: &mut Vec<u8>, b: u8| {
            if b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=') {
                chars.push(b);
                Ok(())
            } else {
                Err(bad("it is not valid base64"))
            }
        };
        for &b in raw {
            if !entity.is_empty() || b == b'&' {
                entity.push(b);
                if b == b';' || entity.len() > 12 {
                    let reference = std::mem::take(entity);
                    match entity_at(&reference) {
                        (Some(c), _) if char::from_u32(c).is_some_and(|c| c.is_ascii_whitespace()) => {}
                        (Some(c), _) if c < 128 => push(chars, c as u8)?,
                        _ => return Err(bad("a character reference that is not base64")),
                    }
                }
            } else if !b.is_ascii_whitespace() {
                push(chars, b)?;
            }
        }
        Ok(())
    }

    /// Decodes what is complete; padding ends a group, and data after it
    /// (concatenated base64) starts afresh.
    fn decode(&mut self) -> io::Result<()> {
        self.decoded.clear();
        self.pos = 0;
        loop {
            if self.after_padding {
                let extra = self.chars.iter().take_while(|&&b| b == b'=').count();
                self.chars.drain(..extra);
                if self.chars.is_empty() {
                    break;
                }
                self.after_padding = false;
            }
            let len = self.chars.len();
            let (take, padded) = match memchr::memchr(b'=', &self.chars) {
                Some(p) => {
                    let group_end = (p / 4 + 1) * 4;
                    if group_end > len && !self.eof {
                        break;
                    }
                    (group_end.min(len), true)
                }
                None if self.eof => (len, false),
                None => (len / 4 * 4, false),
            };
            if take == 0 {
                break;
            }
            if take % 4 == 1 {
                return Err(bad("a base64 text of impossible length"));
            }
            let start = self.decoded.len();
            self.decoded.resize(start + take / 4 * 3 + 3, 0);
            let n = ENGINE
                .decode_slice(&self.chars[..take], &mut self.decoded[start..])
                .map_err(|_| bad("it is not valid base64"))?;
            self.decoded.truncate(start + n);
            self.chars.drain(..take);
            if !padded {
                break;
            }
            self.after_padding = true;
        }
        Ok(())
    }
}

impl<R: Source> Read for Base64Reader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.pos < self.decoded.len() {
                let n = out.len().min(self.decoded.len() - self.pos);
                out[..n].copy_from_slice(&self.decoded[self.pos..self.pos + n]);
                self.pos += n;
                return Ok(n);
            }
            if self.eof && self.chars.is_empty() {
                if !self.entity.is_empty() {
                    self.entity.clear();
                    return Err(bad("an unfinished character reference"));
                }
                return Ok(0);
            }
            let input = loop {
                match self.inner.fill_buf() {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                    Ok(_) => break self.inner.fill_buf()?,
                }
            };
            let settled = self.chars.is_empty() && self.entity.is_empty() && !self.after_padding;
            if settled && let Some((used, written)) = Self::direct(input, out) {
                self.inner.consume_plain(used);
                return Ok(written);
            }
            // After a failed direct attempt, a whole chunk, so that text
            // broken into lines costs one attempt per chunk, not per line;
            // before one, only what completes the pending group.
            let pending = !settled && self.entity.is_empty() && !self.after_padding && self.chars.len() < 4;
            let take = if pending {
                input.len().min(4 - self.chars.len())
            } else {
                input.len().min(CHUNK)
            };
            if input.is_empty() {
                self.eof = true;
            }
            let filtered = Self::filter(&mut self.chars, &mut self.entity, &input[..take]);
            self.inner.consume(take);
            filtered?;
            self.decode()?;
        }
    }
}

fn bad(detail: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, detail.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes `s`, checking that buffers of any size give the same.
    fn decode(s: &str) -> io::Result<Vec<u8>> {
        let whole = decode_in(s, s.len().max(1));
        for capacity in 1..=9 {
            let cut = decode_in(s, capacity);
            assert_eq!(
                cut.as_ref().map_err(ToString::to_string),
                whole.as_ref().map_err(ToString::to_string),
                "{s:?} in buffers of {capacity} bytes"
            );
        }
        whole
    }

    fn decode_in(s: &str, capacity: usize) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        Base64Reader::new(io::BufReader::with_capacity(capacity, s.as_bytes())).read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn decodes_what_backups_contain() {
        assert_eq!(decode("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(decode("aGVsbG8").unwrap(), b"hello");
        assert_eq!(decode("aGVs\nbG8=\n").unwrap(), b"hello");
        assert_eq!(decode("aGVs&#10;bG8=").unwrap(), b"hello");
        assert_eq!(decode("aGk=aGk=").unwrap(), b"hihi");
        // Extra padding belongs to the group before it, wherever the
        // buffer happens to end.
        assert_eq!(decode("aGk==aGk=").unwrap(), b"hihi");
        assert_eq!(decode("aGk=\n=").unwrap(), b"hi");
        assert_eq!(decode("aGk===").unwrap(), b"hi");
        assert_eq!(decode("aGk=====").unwrap(), b"hi");
        assert_eq!(decode("QUFBaGk=aGk=QUFB").unwrap(), b"AAAhihiAAA");
        assert_eq!(decode("").unwrap(), b"");
        assert!(decode("aGVsb").is_err());
        assert!(decode("a*b=").is_err());
        assert!(decode("aGk&lt;").is_err());
    }

    #[test]
    fn decodes_large_inputs_across_chunks() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let text = base64::engine::general_purpose::STANDARD.encode(&data);
        let wrapped: String = text
            .as_bytes()
            .chunks(76)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(decode(&wrapped).unwrap(), data);
        // Unbroken text is decoded straight from the reader's buffer.
        for capacity in [5, 1000, 4099, 1 << 20] {
            assert_eq!(decode_in(&text, capacity).unwrap(), data);
        }
    }
}
