//! Base64 decoded as it is read, so an MMS picture never sits whole in
//! memory. Tolerates what real backups contain: line breaks (Android's
//! `Base64.DEFAULT` wraps at 76 columns), whitespace written as character
//! references, missing padding.

use std::io::{self, Read};

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

const CHUNK: usize = 48 * 1024;

pub(crate) struct Base64Reader<R> {
    inner: R,
    raw: Vec<u8>,
    /// Base64 characters waiting for a complete group of four.
    chars: Vec<u8>,
    /// A character reference cut by a chunk boundary.
    entity: Vec<u8>,
    decoded: Vec<u8>,
    pos: usize,
    eof: bool,
}

impl<R: Read> Base64Reader<R> {
    pub fn new(inner: R) -> Self {
        Base64Reader {
            inner,
            raw: vec![0; CHUNK],
            chars: Vec::with_capacity(CHUNK + 4),
            entity: Vec::new(),
            decoded: Vec::with_capacity(CHUNK),
            pos: 0,
            eof: false,
        }
    }

    fn filter(&mut self, n: usize) -> io::Result<()> {
        let raw = &self.raw[..n];
        if self.entity.is_empty() && memchr::memchr(b'&', raw).is_none() {
            self.chars
                .extend(raw.iter().copied().filter(|b| !b.is_ascii_whitespace()));
            return Ok(());
        }
        for &b in raw {
            if !self.entity.is_empty() || b == b'&' {
                self.entity.push(b);
                if b == b';' || self.entity.len() > 12 {
                    let entity = std::mem::take(&mut self.entity);
                    match entity_at(&entity) {
                        (Some(c), _) if char::from_u32(c).is_some_and(|c| c.is_ascii_whitespace()) => {}
                        (Some(c), _) if c < 128 => self.chars.push(c as u8),
                        _ => return Err(bad("a character reference that is not base64")),
                    }
                }
            } else if !b.is_ascii_whitespace() {
                self.chars.push(b);
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
            let len = self.chars.len();
            let (take, end, padded) = match memchr::memchr(b'=', &self.chars) {
                Some(p) => {
                    let group_end = (p / 4 + 1) * 4;
                    if group_end > len && !self.eof {
                        break;
                    }
                    let take = group_end.min(len);
                    let end = take + self.chars[take..].iter().take_while(|&&b| b == b'=').count();
                    (take, end, true)
                }
                None if self.eof => (len, len, false),
                None => (len / 4 * 4, len / 4 * 4, false),
            };
            if take == 0 {
                self.chars.drain(..end);
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
            self.chars.drain(..end);
            if !padded {
                break;
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for Base64Reader<R> {
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
            let n = loop {
                match self.inner.read(&mut self.raw) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    other => break other?,
                }
            };
            if n == 0 {
                self.eof = true;
            }
            self.filter(n)?;
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

    fn decode(s: &str) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        Base64Reader::new(s.as_bytes()).read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn decodes_what_backups_contain() {
        assert_eq!(decode("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(decode("aGVsbG8").unwrap(), b"hello");
        assert_eq!(decode("aGVs\nbG8=\n").unwrap(), b"hello");
        assert_eq!(decode("aGVs&#10;bG8=").unwrap(), b"hello");
        assert_eq!(decode("aGk=aGk=").unwrap(), b"hihi");
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
    }
}
