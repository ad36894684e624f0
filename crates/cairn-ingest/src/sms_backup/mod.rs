//! SMS Backup & Restore (SyncTech) XML: `<smses>` with `<sms>` and `<mms>`
//! records, and `<calls>` with `<call>` records, as the app documents them:
//!
//! - `sms`: `address`, `date` (Java milliseconds), `type` (1 received, 2 sent,
//!   3 draft, 4 outbox, 5 failed, 6 queued), `body`, `contact_name`;
//! - `mms`: `date` (milliseconds), `msg_box` (1 inbox, 2 sent, 3 drafts,
//!   4 outbox, 5 failed), `address` (other parties, `~`-separated), `sub`,
//!   `contact_name`; `<parts><part ct= name= cl= text= data=/>` with base64
//!   `data`; `<addrs><addr address= type=/>` with 137 from, 151 to, 130 cc,
//!   129 bcc;
//! - `call`: `number`, `duration` (seconds), `date`, `type` (1 incoming,
//!   2 outgoing, 3 missed, 4 voicemail, 5 rejected, 6 refused list),
//!   `presentation` (1 allowed, 2 restricted, 3 unknown, 4 payphone).
//!
//! The app writes the literal text `null` for absent values and
//! `(Unknown)` for a number without a contact; both read as absent.

mod attrs;
mod b64;
mod entities;
mod lexer;
mod read_back;

use std::collections::{BTreeSet, HashSet};
use std::io::BufRead;

use cairn_core::{AttachmentRef, CommChannel, CommFlag, Communication, Delivery, Direction, SourceRef};
use jiff::Timestamp;

use crate::error::{FileKind, ImportError, SkipReason};
use crate::normalise::{Normaliser, Repeats};
use crate::sink::{Delivered, Sink, Summary, deliver, deliver_from};
use attrs::Attrs;
use b64::Base64Reader;
use lexer::{LexError, Lexer, Markup, Pos};
pub use read_back::{read_attachment, read_record};

pub const IMPORTER: &str = "sms_backup";
/// Bump when a change would read the same file into different values.
pub const IMPORTER_VERSION: u32 = 1;

/// The longest text value kept (an SMS body, an MMS text part).
const MAX_VALUE: usize = 1 << 20;
/// Deeper nesting than the format has is a broken file, not a record.
const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone)]
pub struct SmsOptions {
    /// ISO 3166 region for numbers written without a country code, e.g. "US".
    pub default_region: String,
    /// The survivor's own numbers: left out of group messages' other
    /// parties when the backup lists them.
    pub owner_numbers: Vec<String>,
}

impl SmsOptions {
    pub fn new(default_region: &str) -> Self {
        SmsOptions {
            default_region: default_region.to_owned(),
            owner_numbers: Vec::new(),
        }
    }
}

/// Imports one backup file (`sms-*.xml` or `calls-*.xml`).
pub fn import(reader: impl BufRead, sink: &mut dyn Sink, options: &SmsOptions) -> Result<Summary, ImportError> {
    let mut norm = Normaliser::new(&options.default_region);
    let owners = options.owner_numbers.iter().map(|n| norm.counterpart(n)).collect();
    let mut im = Importer {
        lx: Lexer::new(reader),
        sink,
        norm,
        owners,
        repeats: Repeats::default(),
        summary: Summary::new(IMPORTER, IMPORTER_VERSION),
        scratch: Vec::new(),
        spare: Vec::new(),
    };
    im.run()?;
    Ok(im.summary)
}

struct Importer<'s, R> {
    lx: Lexer<R>,
    sink: &'s mut dyn Sink,
    norm: Normaliser,
    owners: HashSet<String>,
    repeats: Repeats,
    summary: Summary,
    scratch: Vec<u8>,
    /// Attribute sets done with, kept for their buffers.
    spare: Vec<Attrs>,
}

/// A record being read, and what is wrong with it if anything.
struct Draft {
    at: SourceRef,
    problem: Option<SkipReason>,
}

impl Draft {
    fn fail(&mut self, reason: SkipReason) {
        self.problem.get_or_insert(reason);
    }
}

impl<R: BufRead> Importer<'_, R> {
    fn run(&mut self) -> Result<(), ImportError> {
        let root = match self.markup()? {
            Markup::Open { .. } if matches!(self.lx.element(), b"smses" | b"calls") => self.lx.element_string(),
            Markup::Open { at } => return Err(malformed(at, "<smses> or <calls>", self.tag(""))),
            Markup::Close { at } => return Err(malformed(at, "<smses> or <calls>", self.tag("/"))),
            Markup::Eof => return Err(truncated(self.lx.pos(), "<smses> or <calls>")),
        };
        let attrs = self.attrs(&["count"])?;
        self.summary.declared_records = attrs.get("count").and_then(|c| c.trim().parse().ok());
        if !self.lx.self_closing() {
            self.records(&root)?;
        }
        match self.markup()? {
            Markup::Eof => Ok(()),
            Markup::Open { at } => Err(malformed(at, "the end of the file", self.tag(""))),
            Markup::Close { at } => Err(malformed(at, "the end of the file", self.tag("/"))),
        }
    }

    fn records(&mut self, root: &str) -> Result<(), ImportError> {
        loop {
            match self.markup()? {
                Markup::Eof => return Err(truncated(self.lx.pos(), "the end tag of the backup")),
                Markup::Close { at } if !self.element_is(root) => {
                    return Err(malformed(at, "the end tag of the backup", self.tag("/")));
                }
                Markup::Close { .. } => return Ok(()),
                Markup::Open { at } => {
                    let (draft, record) = self.record(at)?;
                    match (draft.problem, record) {
                        (None, Some(mut c)) => {
                            self.repeats.assign(&mut c);
                            self.summary.communications += 1;
                            let end = self.lx.pos().offset;
                            self.sink.communication_in_source(c, end).map_err(ImportError::Sink)?;
                        }
                        (Some(reason), _) => self.summary.skip(draft.at, reason),
                        (None, None) => {}
                    }
                }
            }
        }
    }

    /// The record whose start tag was just read, at `at`.
    fn record(&mut self, at: Pos) -> Result<(Draft, Option<Communication>), ImportError> {
        let mut draft = Draft {
            at: source(at),
            problem: None,
        };
        let record = match self.lx.element() {
            b"sms" => self.sms(&mut draft)?,
            b"mms" => self.mms(&mut draft)?,
            b"call" => self.call(&mut draft)?,
            _ => {
                let name = self.lx.element_string();
                self.attrs(&[])?;
                self.children(&name)?;
                draft.fail(SkipReason::UnknownRecord { name });
                None
            }
        };
        Ok((draft, record))
    }

    fn sms(&mut self, d: &mut Draft) -> Result<Option<Communication>, ImportError> {
        let a = self.attrs(&["address", "date", "type", "body", "contact_name", "subject"])?;
        self.children("sms")?;
        let at = self.date(&a, "sms", d);
        let (direction, delivery) = match a.raw("type").map(str::trim) {
            Some("1") => (Direction::Incoming, None),
            Some("2") => (Direction::Outgoing, None),
            Some("3") => (Direction::Draft, None),
            Some("4") => (Direction::Outgoing, Some(Delivery::Outbox)),
            Some("5") => (Direction::Outgoing, Some(Delivery::Failed)),
            Some("6") => (Direction::Outgoing, Some(Delivery::Queued)),
            _ => (Direction::Unknown, None),
        };
        if a.too_long() {
            d.fail(SkipReason::TooLarge {
                what: "an sms field",
                limit: MAX_VALUE as u64,
            });
        }
        let Some(at) = at else { return Ok(None) };
        let mut c = self.base(at, CommChannel::Sms, direction, d);
        c.delivery = delivery;
        c.counterpart = self.norm.counterpart(a.raw("address").unwrap_or(""));
        c.counterpart_name = a.get("contact_name").map(str::to_owned);
        c.subject = a.get("subject").map(str::to_owned);
        c.body = a.raw("body").map(str::to_owned);
        self.spare.push(a);
        Ok(Some(c))
    }

    fn call(&mut self, d: &mut Draft) -> Result<Option<Communication>, ImportError> {
        let a = self.attrs(&["number", "duration", "date", "type", "presentation", "contact_name"])?;
        self.children("call")?;
        let at = self.date(&a, "call", d);
        let direction = match a.raw("type").map(str::trim) {
            Some("1") => Direction::Incoming,
            Some("2") => Direction::Outgoing,
            Some("3") => Direction::Missed,
            Some("4") => Direction::Voicemail,
            Some("5") => Direction::Rejected,
            Some("6") => Direction::Blocked,
            _ => Direction::Unknown,
        };
        let duration = match a.raw("duration").map(str::trim) {
            None => None,
            Some(v) => match v.parse::<u64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    d.fail(bad_field("call", "duration", v));
                    None
                }
            },
        };
        let Some(at) = at else { return Ok(None) };
        let mut c = self.base(at, CommChannel::Call, direction, d);
        let number = a.raw("number").unwrap_or("").trim();
        // Android writes -1, -2, -3 for unknown, private and payphone callers.
        let hidden = number.is_empty() || number.starts_with('-');
        if hidden || matches!(a.raw("presentation").map(str::trim), Some("2" | "3" | "4")) {
            c.flags.insert(CommFlag::Withheld);
        }
        if !hidden {
            c.counterpart = self.norm.counterpart(number);
        }
        c.counterpart_name = a.get("contact_name").map(str::to_owned);
        c.duration_secs = duration;
        self.spare.push(a);
        Ok(Some(c))
    }

    fn mms(&mut self, d: &mut Draft) -> Result<Option<Communication>, ImportError> {
        let a = self.attrs(&["date", "msg_box", "address", "contact_name", "sub"])?;
        let at = self.date(&a, "mms", d);
        let mut parts = Parts::default();
        if !self.lx.self_closing() {
            self.mms_children(d, &mut parts)?;
        }
        let (direction, delivery) = match a.raw("msg_box").map(str::trim) {
            Some("1") => (Direction::Incoming, None),
            Some("2") => (Direction::Outgoing, None),
            Some("3") => (Direction::Draft, None),
            Some("4") => (Direction::Outgoing, Some(Delivery::Outbox)),
            Some("5") => (Direction::Outgoing, Some(Delivery::Failed)),
            _ => (Direction::Unknown, None),
        };
        let Some(at) = at else { return Ok(None) };
        let mut c = self.base(at, CommChannel::Mms, direction, d);
        c.delivery = delivery;
        // `address` lists the other parties as the app saw the thread; the
        // addrs list also names the survivor, whom we know only if told.
        let mut parties: Vec<String> = Vec::new();
        let listed = a.raw("address").unwrap_or("").split('~').map(str::to_owned);
        let from_addrs = parts.addrs.iter().filter(|(_, t)| t == "137").map(|(n, _)| n.clone());
        let to_addrs = parts.addrs.iter().filter(|(_, t)| t != "137").map(|(n, _)| n.clone());
        let has_list = a.raw("address").is_some_and(|s| !s.trim().is_empty());
        let candidates: Vec<String> = match (direction == Direction::Incoming, has_list) {
            (true, true) => from_addrs.chain(listed).collect(),
            (true, false) => from_addrs.chain(to_addrs).collect(),
            (false, true) => listed.collect(),
            (false, false) => to_addrs.collect(),
        };
        for raw in candidates {
            if raw.trim().is_empty() || raw.contains("insert-address-token") {
                continue;
            }
            let n = self.norm.counterpart(&raw);
            if !self.owners.contains(&n) && !parties.contains(&n) {
                parties.push(n);
            }
        }
        let mut parties = parties.into_iter();
        c.counterpart = parties.next().unwrap_or_default();
        c.others = parties.collect();
        c.counterpart_name = a.get("contact_name").map(str::to_owned);
        c.subject = a.get("sub").filter(|s| !s.is_empty()).map(str::to_owned);
        c.body = (!parts.texts.is_empty()).then(|| parts.texts.join("\n"));
        c.attachments = parts.attachments;
        if a.too_long() {
            d.fail(SkipReason::TooLarge {
                what: "an mms field",
                limit: MAX_VALUE as u64,
            });
        }
        self.spare.push(a);
        Ok(Some(c))
    }

    fn mms_children(&mut self, d: &mut Draft, parts: &mut Parts) -> Result<(), ImportError> {
        let mut open: Vec<String> = Vec::new();
        loop {
            match self.markup()? {
                Markup::Eof => return Err(truncated(self.lx.pos(), "</mms>")),
                Markup::Close { at } => match open.pop() {
                    Some(expected) if self.element_is(&expected) => {}
                    None if self.element_is("mms") => return Ok(()),
                    _ => return Err(malformed(at, "the end tag of the open element", self.tag("/"))),
                },
                Markup::Open { at } => match self.lx.element() {
                    b"part" => self.part(d, parts)?,
                    b"addr" => {
                        let a = self.attrs(&["address", "type"])?;
                        self.children("addr")?;
                        if let Some(addr) = a.raw("address") {
                            parts
                                .addrs
                                .push((addr.to_owned(), a.raw("type").unwrap_or("").trim().to_owned()));
                        }
                        self.spare.push(a);
                    }
                    _ => {
                        let name = self.lx.element_string();
                        self.attrs(&[])?;
                        if !self.lx.self_closing() {
                            if open.len() >= MAX_DEPTH {
                                return Err(malformed(at, "shallower nesting", format!("<{name}>")));
                            }
                            open.push(name);
                        }
                    }
                },
            }
        }
    }

    /// One `<part>`: text parts become the body, the SMIL layout is dropped,
    /// anything else is streamed to the sink.
    fn part(&mut self, d: &mut Draft, parts: &mut Parts) -> Result<(), ImportError> {
        let mut a = self.fresh_attrs();
        let mut stored: Option<AttachmentRef> = None;
        let mut streamed = false;
        while self.lx.next_attr().map_err(lex)? {
            let name = self.lx.attr_name();
            let keep = ["ct", "name", "cl", "fn", "text", "seq"]
                .into_iter()
                .find(|k| k.as_bytes() == name);
            let is_data = name == b"data";
            if let Some(key) = keep {
                self.lx
                    .with_value(MAX_VALUE, &mut self.scratch, |v| a.push(key, v))
                    .map_err(lex)?;
                // Read before the attributes after it: `ct` and the names
                // decide what `data` is.
                a.seal();
                continue;
            }
            if !is_data || is_smil(&a) {
                continue;
            }
            streamed = true;
            let (part_name, media_type) = part_identity(&a);
            // The value's opening quote, just read.
            let at = self.lx.pos().offset.saturating_sub(1);
            let reader = Base64Reader::new(self.lx.value_reader());
            let outcome = deliver_from(&mut *self.sink, &part_name, &media_type, reader, Some(at)).map(|(d, _)| d);
            if let Some(err) = self.lx.take_fault() {
                return Err(lex(err));
            }
            match outcome.map_err(ImportError::Sink)? {
                Delivered::Stored(r) => {
                    self.summary.attachments += 1;
                    stored = Some(r);
                }
                Delivered::Damaged(detail) => d.fail(SkipReason::BadAttachment {
                    name: part_name,
                    detail,
                }),
            }
        }
        self.children("part")?;
        if a.too_long() {
            d.fail(SkipReason::TooLarge {
                what: "an mms part",
                limit: MAX_VALUE as u64,
            });
            self.spare.push(a);
            return Ok(());
        }
        let ct = a.raw("ct").unwrap_or("").trim().to_ascii_lowercase();
        if let Some(mut r) = stored {
            // Attributes after `data` may name the part better than those before.
            (r.name, r.media_type) = part_identity(&a);
            parts.attachments.push(r);
        } else if !streamed && !is_smil(&a) {
            match a.raw("text") {
                Some(text) if ct.is_empty() || ct.starts_with("text/plain") => parts.texts.push(text.to_owned()),
                Some(text) => {
                    let (name, media_type) = part_identity(&a);
                    match deliver(&mut *self.sink, &name, &media_type, text.as_bytes())
                        .map_err(ImportError::Sink)?
                        .0
                    {
                        Delivered::Stored(r) => {
                            self.summary.attachments += 1;
                            parts.attachments.push(r);
                        }
                        Delivered::Damaged(detail) => d.fail(SkipReason::BadAttachment { name, detail }),
                    }
                }
                None => {}
            }
        }
        self.spare.push(a);
        Ok(())
    }

    fn base(&self, at: Timestamp, channel: CommChannel, direction: Direction, d: &Draft) -> Communication {
        Communication {
            at,
            channel,
            direction,
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
            source: d.at.clone(),
        }
    }

    fn date(&self, a: &Attrs, record: &'static str, d: &mut Draft) -> Option<Timestamp> {
        let Some(raw) = a.raw("date") else {
            d.fail(SkipReason::MissingField { record, field: "date" });
            return None;
        };
        let at = raw
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|ms| Timestamp::from_millisecond(ms).ok());
        if at.is_none() {
            d.fail(bad_field(record, "date", raw));
        }
        at
    }

    fn markup(&mut self) -> Result<Markup, ImportError> {
        self.lx.next_markup().map_err(lex)
    }

    /// Whether the tag just read is `name`, compared as the names were
    /// recorded (with invalid UTF-8 replaced).
    fn element_is(&self, name: &str) -> bool {
        String::from_utf8_lossy(self.lx.element()) == name
    }

    /// The tag just read, for messages: `<name>` or `</name>`.
    fn tag(&self, slash: &str) -> String {
        format!("<{slash}{}>", self.lx.element_string())
    }

    fn fresh_attrs(&mut self) -> Attrs {
        let mut attrs = self.spare.pop().unwrap_or_default();
        attrs.clear();
        attrs
    }

    /// Reads the rest of the current tag, keeping the `wanted` attributes.
    /// (Hand the set back to `spare` when done, for its buffers.)
    fn attrs(&mut self, wanted: &[&'static str]) -> Result<Attrs, ImportError> {
        // A set that will stay empty need not take buffers from `spare`.
        let mut attrs = if wanted.is_empty() {
            Attrs::default()
        } else {
            self.fresh_attrs()
        };
        self.lx
            .wanted_values(wanted, MAX_VALUE, &mut self.scratch, |i, v| attrs.push(wanted[i], v))
            .map_err(lex)?;
        attrs.seal();
        Ok(attrs)
    }

    /// Skips whatever an element we read from its attributes contains, up to
    /// its end tag (nothing, when it was `<…/>`).
    fn children(&mut self, element: &str) -> Result<(), ImportError> {
        if self.lx.self_closing() {
            return Ok(());
        }
        let mut open: Vec<String> = Vec::new();
        loop {
            match self.markup()? {
                Markup::Eof => return Err(truncated(self.lx.pos(), "an end tag")),
                Markup::Open { at } => {
                    let name = self.lx.element_string();
                    self.attrs(&[])?;
                    if !self.lx.self_closing() {
                        if open.len() >= MAX_DEPTH {
                            return Err(malformed(at, "shallower nesting", format!("<{name}>")));
                        }
                        open.push(name);
                    }
                }
                Markup::Close { at } => match open.pop() {
                    Some(expected) if self.element_is(&expected) => {}
                    None if self.element_is(element) => return Ok(()),
                    _ => return Err(malformed(at, "the end tag of the open element", self.tag("/"))),
                },
            }
        }
    }
}

#[derive(Default)]
struct Parts {
    texts: Vec<String>,
    attachments: Vec<AttachmentRef>,
    addrs: Vec<(String, String)>,
}

fn is_smil(a: &Attrs) -> bool {
    a.raw("ct")
        .is_some_and(|ct| ct.trim().eq_ignore_ascii_case("application/smil"))
}

/// A name and media type for a part, from what the app recorded.
fn part_identity(a: &Attrs) -> (String, String) {
    let name = ["name", "cl", "fn"]
        .iter()
        .filter_map(|k| a.get(k))
        .map(str::trim)
        .find(|n| !n.is_empty())
        .map(str::to_owned)
        .unwrap_or_else(|| format!("part-{}", a.get("seq").unwrap_or("0").trim()));
    let media_type = a
        .get("ct")
        .map(str::trim)
        .filter(|ct| !ct.is_empty())
        .unwrap_or("application/octet-stream")
        .to_owned();
    (name, media_type)
}

fn bad_field(record: &'static str, field: &'static str, value: &str) -> SkipReason {
    SkipReason::BadField {
        record,
        field,
        value: value.chars().take(64).collect(),
    }
}

fn source(at: Pos) -> SourceRef {
    SourceRef {
        byte_offset: at.offset,
        line: at.line,
        entry: None,
    }
}

fn malformed(at: Pos, expected: &'static str, found: String) -> ImportError {
    ImportError::Malformed {
        kind: FileKind::SmsBackup,
        at: source(at),
        expected,
        found,
    }
}

fn truncated(at: Pos, expected: &'static str) -> ImportError {
    ImportError::Truncated {
        kind: FileKind::SmsBackup,
        at: source(at),
        expected,
    }
}

fn lex(e: LexError) -> ImportError {
    match e {
        LexError::Io(source) => ImportError::Io {
            kind: FileKind::SmsBackup,
            source,
        },
        LexError::Malformed { at, expected, found } => malformed(at, expected, found),
        LexError::Truncated { at, expected } => truncated(at, expected),
    }
}
