//! The second pass: messages (a header line and its continuation lines)
//! become communications.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::BufRead;

use cairn_core::{AttachmentRef, CommChannel, CommFlag, Communication, Direction, SourceRef};
use jiff::civil;

use super::header::{Layout, is_mark};
use super::markers;
use super::scan::{MAX_LINE, Scan, civil_time, message_start, split_sender};
use super::{DateOrder, WhatsappOptions};
use crate::error::{FileKind, ImportError, SkipReason};
use crate::lines::{Lines, chomp};
use crate::normalise::{Normaliser, Repeats};
use crate::sink::{Sink, Summary};

/// A message longer than this (a pasted book) is skipped, not kept.
const MAX_MESSAGE: usize = 1 << 20;
const MAX_MISSING: usize = 1000;

pub(crate) struct Emitter<'a> {
    pub sink: &'a mut dyn Sink,
    pub options: &'a WhatsappOptions,
    pub scan: &'a Scan,
    pub media: &'a HashMap<String, AttachmentRef>,
    pub chat_name: Option<String>,
    pub entry: Option<String>,
    pub kind: FileKind,
    pub summary: &'a mut Summary,
}

struct Pending {
    source: SourceRef,
    at: civil::DateTime,
    text: String,
    too_long: bool,
}

struct State {
    norm: Normaliser,
    repeats: Repeats,
    owner: Option<String>,
    /// The counterpart of the survivor's own messages.
    partner: String,
    missing: HashSet<String>,
}

impl Emitter<'_> {
    pub fn run<R: BufRead>(mut self, reader: R) -> Result<(), ImportError> {
        let kind = self.kind;
        let mut norm = Normaliser::new(&self.options.default_region);
        let owner = self.options.owner_name.as_deref().map(name_key);
        let others: Vec<&String> = self
            .scan
            .senders
            .iter()
            .filter(|s| owner.as_deref() != Some(name_key(s).as_str()))
            .collect();
        let partner = match (others.as_slice(), &self.chat_name) {
            ([one], _) => norm.counterpart(one),
            (_, Some(title)) => norm.counterpart(title),
            _ => String::new(),
        };
        let mut st = State {
            norm,
            repeats: Repeats::default(),
            owner,
            partner,
            missing: HashSet::new(),
        };
        let mut lines = Lines::new(reader);
        let mut buf = Vec::new();
        let mut pending: Option<Pending> = None;
        while let Some(info) = lines
            .next_line(&mut buf, MAX_LINE)
            .map_err(|source| ImportError::Io { kind, source })?
        {
            let text = String::from_utf8_lossy(chomp(&buf));
            let start = message_start(&text)
                .filter(|h| h.layout == self.scan.layout)
                .and_then(|h| Some((civil_time(&h.stamp, self.order())?, h.rest)));
            match (start, &mut pending) {
                (Some((at, rest)), _) => {
                    if let Some(done) = pending.take() {
                        self.finish(&mut st, done)?;
                    }
                    let source = SourceRef {
                        byte_offset: info.offset,
                        line: info.line,
                        entry: self.entry.clone(),
                    };
                    pending = Some(Pending {
                        source,
                        at,
                        text: rest.to_owned(),
                        too_long: info.truncated,
                    });
                }
                (None, Some(p)) => {
                    if p.text.len() + text.len() >= MAX_MESSAGE || info.truncated {
                        p.too_long = true;
                    } else {
                        p.text.push('\n');
                        p.text.push_str(&text);
                    }
                }
                // Blank lines or marks before the first message.
                (None, None) => {}
            }
        }
        if let Some(done) = pending.take() {
            self.finish(&mut st, done)?;
        }
        let mut missing: Vec<String> = st.missing.into_iter().collect();
        missing.sort();
        self.summary.missing_media = missing;
        Ok(())
    }

    fn order(&self) -> DateOrder {
        self.scan.order.order
    }

    fn finish(&mut self, st: &mut State, p: Pending) -> Result<(), ImportError> {
        if p.too_long {
            self.summary.skip(
                p.source,
                SkipReason::TooLarge {
                    what: "a message",
                    limit: MAX_MESSAGE as u64,
                },
            );
            return Ok(());
        }
        let ambiguous = self.options.time_zone.to_ambiguous_timestamp(p.at);
        if ambiguous.is_ambiguous() {
            self.summary.ambiguous_local_times += 1;
        }
        let Ok(at) = ambiguous.compatible() else {
            let reason = SkipReason::BadField {
                record: "message",
                field: "date",
                value: p.at.to_string(),
            };
            self.summary.skip(p.source, reason);
            return Ok(());
        };
        let (sender, text) = split_sender(&p.text);
        let mut c = Communication {
            at,
            channel: CommChannel::Whatsapp,
            direction: Direction::Unknown,
            delivery: None,
            counterpart: String::new(),
            counterpart_name: None,
            others: Vec::new(),
            subject: None,
            body: None,
            duration_secs: None,
            attachments: Vec::new(),
            flags: BTreeSet::new(),
            email: None,
            repeat: 0,
            source: p.source,
        };
        match sender {
            None => {
                c.flags.insert(CommFlag::System);
                c.body = Some(text.trim_start_matches(is_mark).to_owned());
            }
            Some(name) => {
                let own = st.owner.as_deref() == Some(name_key(name).as_str());
                (c.direction, c.counterpart) = match (&st.owner, own) {
                    (None, _) => (Direction::Unknown, st.norm.counterpart(name)),
                    (Some(_), true) => (Direction::Outgoing, st.partner.clone()),
                    (Some(_), false) => (Direction::Incoming, st.norm.counterpart(name)),
                };
                self.body(st, &mut c, text);
            }
        }
        st.repeats.assign(&mut c);
        self.summary.communications += 1;
        self.sink.communication(c).map_err(ImportError::Sink)
    }

    /// Reads the placeholders WhatsApp writes in place of content.
    fn body(&mut self, st: &mut State, c: &mut Communication, text: &str) {
        let mut text = text;
        if let Some(stripped) = markers::strip_edited(text) {
            c.flags.insert(CommFlag::Edited);
            text = stripped;
        }
        let first_line = text.lines().next().unwrap_or("");
        if markers::is_deleted(text) {
            c.flags.insert(CommFlag::Deleted);
        } else if markers::is_media_omitted(text) {
            c.flags.insert(CommFlag::MediaOmitted);
            return;
        } else if let Some(file) = markers::attached_file(first_line) {
            match self.media.get(file) {
                Some(r) => {
                    c.attachments.push(r.clone());
                    // What follows the file line is its caption.
                    text = text.split_once('\n').map_or("", |(_, caption)| caption);
                }
                None => {
                    if st.missing.len() < MAX_MISSING {
                        st.missing.insert(file.to_owned());
                    }
                }
            }
        } else if self.scan.layout == Layout::Ios && text.starts_with('\u{200E}') {
            // iOS writes app notices ("Missed voice call", the encryption
            // notice) as a message from the chat, starting with U+200E.
            c.flags.insert(CommFlag::System);
        }
        let text = text.trim_start_matches(is_mark);
        c.body = (!text.is_empty()).then(|| text.to_owned());
    }
}

/// Names compare without case, marks or surrounding space.
fn name_key(name: &str) -> String {
    name.trim_matches(|c: char| is_mark(c) || c.is_whitespace())
        .to_lowercase()
}
