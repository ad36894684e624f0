//! Email: one message (`.eml`) or a mailbox (`mbox`), told apart by the
//! mbox's `From ` first line.
//!
//! Every line starting with `From ` separates two messages of an mbox —
//! writers must escape such lines in bodies — and `>From `, `>>From `… lose
//! one `>` (the mboxrd rule, which also undoes mboxo's escaping).
//!
//! For each message the header block goes to the sink byte for byte as a
//! `text/rfc822-headers` attachment (its exact bytes are what an examiner
//! checks), attachments are handed over decoded, and `DKIM-Signature`
//! headers are recorded but not verified: that needs the signer's DNS key as
//! it was when the message was sent. A message is held in memory while it is
//! read (up to [`MAX_MESSAGE`] bytes); the mailbox is not.

use std::collections::{BTreeSet, HashSet};
use std::io::BufRead;

use cairn_core::{CommChannel, Communication, Direction, DkimSignature, EmailDetails, SourceRef};
use jiff::Timestamp;
use jiff::tz::Offset;
use mail_parser::{Address, Message, MessageParser, MimeHeaders};

use crate::error::{FileKind, ImportError, SkipReason};
use crate::lines::{LineInfo, Lines};
use crate::normalise::{Normaliser, Repeats};
use crate::sink::{Delivered, Sink, Summary, deliver};

pub const IMPORTER: &str = "email";
/// Bump when a change would read the same file into different values.
pub const IMPORTER_VERSION: u32 = 1;

/// The largest message kept; a larger one is skipped and counted.
pub const MAX_MESSAGE: usize = 64 << 20;

#[derive(Debug, Clone, Default)]
pub struct EmailOptions {
    /// The survivor's addresses: mail from them is outgoing, mail to them
    /// incoming. Without any, direction is `unknown`.
    pub owner_addresses: Vec<String>,
}

/// Imports an `.eml` or an mbox.
pub fn import(reader: impl BufRead, sink: &mut dyn Sink, options: &EmailOptions) -> Result<Summary, ImportError> {
    let mut norm = Normaliser::new("ZZ");
    let owners = options.owner_addresses.iter().map(|a| norm.counterpart(a)).collect();
    let mut im = Importer {
        sink,
        norm,
        owners,
        repeats: Repeats::default(),
        summary: Summary::new(IMPORTER, IMPORTER_VERSION),
        kind: FileKind::Email,
    };
    im.run(reader)?;
    Ok(im.summary)
}

struct Importer<'s> {
    sink: &'s mut dyn Sink,
    norm: Normaliser,
    owners: HashSet<String>,
    repeats: Repeats,
    summary: Summary,
    kind: FileKind,
}

/// A message being collected from the mailbox.
struct Raw {
    source: SourceRef,
    from_line: Option<String>,
    bytes: Vec<u8>,
    too_large: bool,
}

impl Importer<'_> {
    fn run(&mut self, reader: impl BufRead) -> Result<(), ImportError> {
        let mut lines = Lines::new(reader);
        let mut line = Vec::new();
        let mut current: Option<Raw> = None;
        loop {
            let info = lines
                .next_line(&mut line, MAX_MESSAGE)
                .map_err(|source| ImportError::Io {
                    kind: self.kind,
                    source,
                })?;
            let Some(LineInfo {
                offset,
                line: number,
                truncated,
            }) = info
            else {
                break;
            };
            let source = SourceRef {
                byte_offset: offset,
                line: number,
                entry: None,
            };
            if number == 1 && line.starts_with(b"From ") {
                self.kind = FileKind::Mbox;
            }
            if self.kind == FileKind::Mbox && line.starts_with(b"From ") {
                if let Some(done) = current.take() {
                    self.message(done)?;
                }
                let from_line = String::from_utf8_lossy(&line).trim_end().to_owned();
                current = Some(Raw {
                    source,
                    from_line: Some(from_line),
                    bytes: Vec::new(),
                    too_large: false,
                });
                continue;
            }
            let raw = current.get_or_insert_with(|| Raw {
                source,
                from_line: None,
                bytes: Vec::new(),
                too_large: false,
            });
            let unescaped = match line.iter().position(|b| *b != b'>') {
                Some(i) if i > 0 && self.kind == FileKind::Mbox && line[i..].starts_with(b"From ") => &line[1..],
                _ => &line[..],
            };
            if truncated || raw.bytes.len() + unescaped.len() > MAX_MESSAGE {
                raw.too_large = true;
            } else if !raw.too_large {
                raw.bytes.extend_from_slice(unescaped);
            }
        }
        match current {
            Some(done) => self.message(done),
            None if self.summary.communications + self.summary.skipped == 0 => {
                let at = SourceRef {
                    byte_offset: 0,
                    line: 1,
                    entry: None,
                };
                Err(ImportError::Truncated {
                    kind: self.kind,
                    at,
                    expected: "an email message",
                })
            }
            None => Ok(()),
        }
    }

    fn message(&mut self, mut raw: Raw) -> Result<(), ImportError> {
        if raw.too_large {
            self.summary.skip(
                raw.source,
                SkipReason::TooLarge {
                    what: "an email",
                    limit: MAX_MESSAGE as u64,
                },
            );
            return Ok(());
        }
        if self.kind == FileKind::Mbox {
            // The blank line that precedes the next "From " is the mailbox's.
            for ending in [&b"\r\n"[..], b"\n"] {
                if raw.bytes.ends_with(ending) && raw.bytes[..raw.bytes.len() - ending.len()].ends_with(ending) {
                    raw.bytes.truncate(raw.bytes.len() - ending.len());
                    break;
                }
            }
        }
        let headers = header_block(&raw.bytes);
        let parsed = MessageParser::default().parse(&raw.bytes[..]);
        let Some(msg) = parsed.filter(|m| m.from().is_some() || m.date().is_some() || m.message_id().is_some()) else {
            if self.kind == FileKind::Email {
                return Err(ImportError::Malformed {
                    kind: self.kind,
                    at: raw.source,
                    expected: "email headers (From, Date, Message-ID)",
                    found: String::from_utf8_lossy(&raw.bytes[..raw.bytes.len().min(40)]).into_owned(),
                });
            }
            self.summary.skip(raw.source, SkipReason::NotAnEmail);
            return Ok(());
        };
        let at = match (msg.date(), raw.from_line.as_deref()) {
            (Some(d), _) => header_date(d),
            (None, Some(line)) => from_line_date(line),
            (None, None) => None,
        };
        let Some(at) = at else {
            let reason = match msg.header_raw("Date") {
                Some(v) => SkipReason::BadField {
                    record: "email",
                    field: "date",
                    value: v.trim().chars().take(64).collect(),
                },
                None => SkipReason::MissingField {
                    record: "email",
                    field: "date",
                },
            };
            self.summary.skip(raw.source, reason);
            return Ok(());
        };
        let mut c = Communication {
            at,
            channel: CommChannel::Email,
            direction: Direction::Unknown,
            delivery: None,
            counterpart: String::new(),
            counterpart_name: None,
            others: Vec::new(),
            subject: msg.subject().map(str::to_owned),
            body: msg.body_text(0).map(|b| b.into_owned()),
            duration_secs: None,
            attachments: Vec::new(),
            flags: BTreeSet::new(),
            email: None,
            repeat: 0,
            source: raw.source.clone(),
        };
        self.parties(&msg, &mut c);
        let Some(raw_headers) = self.store(&raw.source, "headers.txt", "text/rfc822-headers", headers)? else {
            return Ok(());
        };
        for (i, part) in msg.attachments().enumerate() {
            let name = part
                .attachment_name()
                .map(str::to_owned)
                .unwrap_or_else(|| format!("attachment-{}", i + 1));
            let media_type = match part.content_type() {
                Some(ct) => match ct.subtype() {
                    Some(sub) => format!("{}/{}", ct.ctype(), sub),
                    None => ct.ctype().to_owned(),
                }
                .to_ascii_lowercase(),
                None if part.is_message() => "message/rfc822".to_owned(),
                None => "application/octet-stream".to_owned(),
            };
            let Some(r) = self.store(&raw.source, &name, &media_type, part.contents())? else {
                return Ok(());
            };
            c.attachments.push(r);
        }
        c.email = Some(EmailDetails {
            message_id: msg.message_id().map(str::to_owned),
            raw_headers,
            dkim: dkim_signatures(&msg),
        });
        self.repeats.assign(&mut c);
        self.summary.communications += 1;
        self.sink.communication(c).map_err(ImportError::Sink)
    }

    fn store(
        &mut self,
        source: &SourceRef,
        name: &str,
        media_type: &str,
        bytes: &[u8],
    ) -> Result<Option<cairn_core::AttachmentRef>, ImportError> {
        match deliver(&mut *self.sink, name, media_type, bytes)
            .map_err(ImportError::Sink)?
            .0
        {
            Delivered::Stored(r) => {
                self.summary.attachments += 1;
                Ok(Some(r))
            }
            Delivered::Damaged(detail) => {
                let reason = SkipReason::BadAttachment {
                    name: name.to_owned(),
                    detail,
                };
                self.summary.skip(source.clone(), reason);
                Ok(None)
            }
        }
    }

    /// Direction, counterpart and the other recipients, from the survivor's
    /// side when we know their addresses.
    fn parties(&mut self, msg: &Message<'_>, c: &mut Communication) {
        let from = msg.from().and_then(Address::first);
        let recipients: Vec<(String, Option<String>)> = [msg.to(), msg.cc(), msg.bcc()]
            .into_iter()
            .flatten()
            .flat_map(Address::iter)
            .filter_map(|a| {
                Some((
                    self.norm.counterpart(a.address.as_deref()?),
                    a.name.as_deref().map(str::to_owned),
                ))
            })
            .collect();
        let from = from.and_then(|a| {
            Some((
                self.norm.counterpart(a.address.as_deref()?),
                a.name.as_deref().map(str::to_owned),
            ))
        });
        let from_owner = from.as_ref().is_some_and(|(addr, _)| self.owners.contains(addr));
        let mut parties: Vec<(String, Option<String>)> = Vec::new();
        if from_owner {
            c.direction = Direction::Outgoing;
            parties.extend(recipients);
        } else {
            c.direction = if self.owners.is_empty() {
                Direction::Unknown
            } else {
                Direction::Incoming
            };
            parties.extend(from);
            parties.extend(recipients);
        }
        let mut seen = HashSet::new();
        parties.retain(|(addr, _)| !self.owners.contains(addr) && seen.insert(addr.clone()));
        let mut parties = parties.into_iter();
        if let Some((addr, name)) = parties.next() {
            c.counterpart = addr;
            c.counterpart_name = name.filter(|n| !n.trim().is_empty());
        }
        c.others = parties.map(|(addr, _)| addr).collect();
    }
}

/// Everything before the blank line that ends the headers, line endings
/// included; the whole message if there is no body.
fn header_block(raw: &[u8]) -> &[u8] {
    let mut start = 0;
    while start < raw.len() {
        let end = memchr::memchr(b'\n', &raw[start..]).map_or(raw.len(), |i| start + i + 1);
        let line = &raw[start..end];
        if line == b"\n" || line == b"\r\n" {
            return &raw[..start];
        }
        start = end;
    }
    raw
}

fn header_date(d: &mail_parser::DateTime) -> Option<Timestamp> {
    let dt = jiff::civil::DateTime::new(
        i16::try_from(d.year).ok()?,
        i8::try_from(d.month).ok()?,
        i8::try_from(d.day).ok()?,
        i8::try_from(d.hour).ok()?,
        i8::try_from(d.minute).ok()?,
        i8::try_from(d.second).ok()?,
        0,
    )
    .ok()?;
    let seconds = i32::from(d.tz_hour) * 3600 + i32::from(d.tz_minute) * 60;
    let offset = Offset::from_seconds(if d.tz_before_gmt { -seconds } else { seconds }).ok()?;
    offset.to_timestamp(dt).ok()
}

/// `From sender Mon Jan  1 10:00:00 2024` (asctime, UTC by convention) or
/// with a numeric zone before the year, as some exporters write.
fn from_line_date(line: &str) -> Option<Timestamp> {
    let words: Vec<&str> = line.split_whitespace().skip(2).collect();
    let text = words.join(" ");
    for format in ["%a %b %d %H:%M:%S %Y", "%a %b %d %H:%M:%S %z %Y"] {
        if let Ok(parsed) = jiff::fmt::strtime::parse(format, &text) {
            if let Ok(ts) = parsed.to_timestamp() {
                return Some(ts);
            }
            if let Ok(dt) = parsed.to_datetime() {
                return Offset::UTC.to_timestamp(dt).ok();
            }
        }
    }
    None
}

fn dkim_signatures(msg: &Message<'_>) -> Vec<DkimSignature> {
    msg.headers_raw()
        .filter(|(name, _)| name.eq_ignore_ascii_case("DKIM-Signature"))
        .filter_map(|(_, value)| {
            let mut sig = DkimSignature {
                domain: String::new(),
                selector: String::new(),
                algorithm: String::new(),
            };
            for tag in value.split(';') {
                let Some((key, val)) = tag.split_once('=') else {
                    continue;
                };
                let val: String = val.chars().filter(|c| !c.is_whitespace()).collect();
                match key.trim() {
                    "d" => sig.domain = val.to_ascii_lowercase(),
                    "s" => sig.selector = val,
                    "a" => sig.algorithm = val.to_ascii_lowercase(),
                    _ => {}
                }
            }
            (!sig.domain.is_empty() || !sig.selector.is_empty()).then_some(sig)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_blocks() {
        assert_eq!(header_block(b"A: 1\r\nB: 2\r\n\r\nbody"), b"A: 1\r\nB: 2\r\n");
        assert_eq!(header_block(b"A: 1\n\nbody\n\nmore"), b"A: 1\n");
        assert_eq!(header_block(b"A: 1\n"), b"A: 1\n");
    }

    #[test]
    fn from_lines() {
        let want: Timestamp = "2024-01-01T10:00:00Z".parse().unwrap();
        assert_eq!(
            from_line_date("From a@example.com Mon Jan  1 10:00:00 2024"),
            Some(want)
        );
        assert_eq!(
            from_line_date("From 123@xxx Mon Jan 01 11:00:00 +0100 2024"),
            Some(want)
        );
        assert_eq!(from_line_date("From someone"), None);
    }
}
