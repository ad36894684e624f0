//! Messages and calls read from a survivor's exports (SMS backups, WhatsApp
//! chats, email): the raw material of a course-of-conduct timeline.
//!
//! A [`Communication`] is what one record of an export *says*, normalised
//! just enough to be compared across exports: counterparts as E.164 numbers or
//! lower-cased addresses, times as instants. It is not yet evidence of who did
//! what; matching counterparts to subjects happens elsewhere.

use std::collections::BTreeSet;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::names::{Named, named_enum};
use crate::merkle::Hash;

named_enum!(
    /// The service a communication travelled over.
    CommChannel, "communication channel" {
        Sms = "sms",
        Mms = "mms",
        Call = "call",
        Whatsapp = "whatsapp",
        Email = "email",
    }
);

named_enum!(
    /// Which way a communication went, from the survivor's side. SMS types
    /// 1–6 map to incoming, outgoing, draft, outgoing (+ `outbox`), outgoing
    /// (+ `failed`), outgoing (+ `queued`); Android call types 1–6 to
    /// incoming, outgoing, missed, voicemail, rejected, blocked. `unknown` when
    /// the export does not say (a WhatsApp chat without the owner's name).
    Direction, "direction" {
        Incoming = "incoming",
        Outgoing = "outgoing",
        Missed = "missed",
        Rejected = "rejected",
        Blocked = "blocked",
        Voicemail = "voicemail",
        Draft = "draft",
        Unknown = "unknown",
    }
);

named_enum!(
    /// An outgoing message that the phone had not (or could not) send when
    /// the backup was taken. Kept apart from [`Direction`] because a later
    /// backup may show the same message as sent.
    Delivery, "delivery" {
        Outbox = "outbox",
        Queued = "queued",
        Failed = "failed",
    }
);

named_enum!(
    /// Facts about a record that change how it reads in a timeline:
    /// `deleted` (the export shows only a "this message was deleted"
    /// placeholder), `edited` (marked as edited after sending), `system`
    /// (written by the app, not a person: group changes, security notices),
    /// `media_omitted` (media was sent but the export left it out), `withheld`
    /// (the caller or sender hid their number: restricted, unknown, payphone).
    CommFlag, "communication flag" {
        Deleted = "deleted",
        Edited = "edited",
        System = "system",
        MediaOmitted = "media_omitted",
        Withheld = "withheld",
    }
);

/// A file that came with a communication, as the sink stored it. `sha256` is
/// of the decoded bytes (the picture, not its base64 text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentRef {
    pub name: String,
    pub media_type: String,
    pub size: u64,
    pub sha256: Hash,
}

/// Where in the imported file a record starts, so anyone can find it in the
/// original: byte offset (0-based) and line (1-based) within `entry`, the
/// archive member, or within the file itself when `entry` is `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub byte_offset: u64,
    pub line: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
}

/// A `DKIM-Signature` header as found; recorded, not verified (verification
/// needs DNS at the time of signing, which an export cannot give us).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimSignature {
    /// `d=`: the signing domain.
    pub domain: String,
    /// `s=`: the selector naming the key.
    pub selector: String,
    /// `a=`: e.g. `rsa-sha256`.
    pub algorithm: String,
}

/// What only an email has. The header block is stored byte for byte as an
/// attachment (`text/rfc822-headers`) because its exact bytes, not our reading
/// of them, are what an examiner checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    pub raw_headers: AttachmentRef,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dkim: Vec<DkimSignature>,
}

/// One message or call, as an export records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Communication {
    pub at: Timestamp,
    pub channel: CommChannel,
    pub direction: Direction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Delivery>,
    /// The other party: E.164 for phone numbers, a lower-cased address for
    /// email, otherwise the name as the export wrote it. Empty only when the
    /// export names no one (a withheld number, a system line).
    pub counterpart: String,
    /// The name the phone or mail client showed for the counterpart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterpart_name: Option<String>,
    /// Further parties of a group message or email (To/Cc), normalised like
    /// `counterpart`; never includes the survivor's own number when known.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub others: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_secs: Option<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<AttachmentRef>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub flags: BTreeSet<CommFlag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<EmailDetails>,
    /// How many earlier records of the same import have the same dedup
    /// identity. Exports round times to the minute or second, so two "ok"s in
    /// one minute are two messages; this keeps them two without breaking
    /// deduplication against a later export that holds the same pair.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub repeat: u32,
    pub source: SourceRef,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Communication {
    /// A key that is equal for the same communication read from the same or
    /// an overlapping later export, and different otherwise. It covers the
    /// channel, the instant, direction, counterpart, subject, body, duration,
    /// the attachments' hashes and `repeat`. It leaves out what changes
    /// between backups of the same message: contact names, delivery state,
    /// flags, where in the file it was.
    pub fn dedup_key(&self) -> Hash {
        let mut h = Sha256::new();
        h.update(b"cairn communication dedup v1\0");
        self.dedup_fields(&mut |bytes| h.update(bytes));
        field(&mut |bytes| h.update(bytes), &self.repeat.to_be_bytes());
        Hash(h.finalize().into())
    }

    /// Appends what [`dedup_key`](Self::dedup_key) hashes after its domain
    /// prefix, so the hashing can happen elsewhere
    /// ([`dedup_key_of`](Self::dedup_key_of)): an import writes these bytes
    /// on the importer's thread, which sets its pace, and hashes them on
    /// the store's.
    pub fn dedup_identity_into(&self, out: &mut Vec<u8>) {
        let feed = &mut |bytes: &[u8]| out.extend_from_slice(bytes);
        self.dedup_fields(feed);
        field(feed, &self.repeat.to_be_bytes());
    }

    /// [`dedup_key`](Self::dedup_key) from what
    /// [`dedup_identity_into`](Self::dedup_identity_into) wrote.
    pub fn dedup_key_of(identity: &[u8]) -> Hash {
        let mut h = Sha256::new();
        h.update(b"cairn communication dedup v1\0");
        h.update(identity);
        Hash(h.finalize().into())
    }

    /// Feeds what [`dedup_key`](Self::dedup_key) hashes, but `repeat`, to
    /// `feed`: so an importer numbering repeats can tell identical records
    /// apart with a cheaper hash than SHA-256, over the same identity.
    pub fn dedup_fields(&self, feed: &mut dyn FnMut(&[u8])) {
        field(feed, self.channel.name().as_bytes());
        field(feed, &self.at.as_nanosecond().to_be_bytes());
        field(feed, self.direction.name().as_bytes());
        field(feed, self.counterpart.as_bytes());
        optional(feed, self.subject.as_deref().map(str::as_bytes));
        optional(feed, self.body.as_deref().map(str::as_bytes));
        optional(feed, self.duration_secs.map(u64::to_be_bytes).as_ref().map(|b| &b[..]));
        field(feed, &(self.attachments.len() as u64).to_be_bytes());
        for a in &self.attachments {
            field(feed, &a.sha256.0);
        }
    }
}

impl Communication {
    /// Every field, in declaration order, each length-prefixed or tagged so
    /// that no two different communications give the same bytes: what an
    /// import's digest covers (`docs/journal-spec.md`, digest format 2).
    /// Cheaper to write than JSON, and independent of any JSON library.
    pub fn canonical_into(&self, out: &mut Vec<u8>) {
        let feed = &mut |bytes: &[u8]| out.extend_from_slice(bytes);
        field(feed, &self.at.as_nanosecond().to_be_bytes());
        field(feed, self.channel.name().as_bytes());
        field(feed, self.direction.name().as_bytes());
        optional(feed, self.delivery.map(|d| d.name().as_bytes()));
        field(feed, self.counterpart.as_bytes());
        optional(feed, self.counterpart_name.as_deref().map(str::as_bytes));
        list(feed, self.others.iter().map(String::as_bytes));
        optional(feed, self.subject.as_deref().map(str::as_bytes));
        optional(feed, self.body.as_deref().map(str::as_bytes));
        optional(feed, self.duration_secs.map(u64::to_be_bytes).as_ref().map(|b| &b[..]));
        field(feed, &(self.attachments.len() as u64).to_be_bytes());
        for a in &self.attachments {
            attachment(feed, a);
        }
        list(feed, self.flags.iter().map(|f| f.name().as_bytes()));
        match &self.email {
            None => feed(&[0u8]),
            Some(email) => {
                feed(&[1u8]);
                optional(feed, email.message_id.as_deref().map(str::as_bytes));
                attachment(feed, &email.raw_headers);
                field(feed, &(email.dkim.len() as u64).to_be_bytes());
                for d in &email.dkim {
                    field(feed, d.domain.as_bytes());
                    field(feed, d.selector.as_bytes());
                    field(feed, d.algorithm.as_bytes());
                }
            }
        }
        field(feed, &self.repeat.to_be_bytes());
        field(feed, &self.source.byte_offset.to_be_bytes());
        field(feed, &self.source.line.to_be_bytes());
        optional(feed, self.source.entry.as_deref().map(str::as_bytes));
    }
}

fn attachment(feed: &mut dyn FnMut(&[u8]), a: &AttachmentRef) {
    field(feed, a.name.as_bytes());
    field(feed, a.media_type.as_bytes());
    field(feed, &a.size.to_be_bytes());
    field(feed, &a.sha256.0);
}

fn list<'a>(feed: &mut dyn FnMut(&[u8]), items: impl ExactSizeIterator<Item = &'a [u8]>) {
    field(feed, &(items.len() as u64).to_be_bytes());
    for item in items {
        field(feed, item);
    }
}

/// Length-prefixed so that no two different field lists hash the same bytes.
fn field(feed: &mut dyn FnMut(&[u8]), bytes: &[u8]) {
    feed(&(bytes.len() as u64).to_be_bytes());
    feed(bytes);
}

fn optional(feed: &mut dyn FnMut(&[u8]), bytes: Option<&[u8]>) {
    match bytes {
        None => feed(&[0u8]),
        Some(b) => {
            feed(&[1u8]);
            field(feed, b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sms(body: &str) -> Communication {
        Communication {
            at: "2024-01-15T21:05:00Z".parse().unwrap(),
            channel: CommChannel::Sms,
            direction: Direction::Incoming,
            delivery: None,
            counterpart: "+15550100".into(),
            counterpart_name: Some("Alex".into()),
            others: vec![],
            subject: None,
            body: Some(body.into()),
            duration_secs: None,
            attachments: vec![],
            flags: BTreeSet::new(),
            email: None,
            repeat: 0,
            source: SourceRef {
                byte_offset: 10,
                line: 2,
                entry: None,
            },
        }
    }

    /// Stored vaults hold these keys: a change to what is hashed, or how,
    /// duplicates every message a later import of the same backup reads.
    #[test]
    fn dedup_key_is_stable() {
        let mut c = sms("where are you");
        c.duration_secs = Some(7);
        c.attachments.push(AttachmentRef {
            name: "a.jpg".into(),
            media_type: "image/jpeg".into(),
            size: 3,
            sha256: Hash([9; 32]),
        });
        c.repeat = 2;
        assert_eq!(
            c.dedup_key().to_string(),
            "51447f5e9f2d255dd2ceaed110ece167b92a3b27ab7fc24a9774a9078be8af62"
        );
        let mut identity = Vec::new();
        c.dedup_identity_into(&mut identity);
        assert_eq!(Communication::dedup_key_of(&identity), c.dedup_key());
    }

    /// Stored journals hold digests over these bytes: a change to them
    /// makes every recorded import fail its re-check. (The expected hash
    /// was computed apart, from `docs/journal-spec.md` alone.)
    #[test]
    fn canonical_bytes_are_stable_and_cover_every_field() {
        let mut c = sms("where are you");
        c.others = vec!["+15550100999".into()];
        c.attachments.push(AttachmentRef {
            name: "a.jpg".into(),
            media_type: "image/jpeg".into(),
            size: 3,
            sha256: Hash([9; 32]),
        });
        c.flags.insert(CommFlag::Edited);
        c.repeat = 1;
        let canonical = |c: &Communication| {
            let mut out = Vec::new();
            c.canonical_into(&mut out);
            Hash(Sha256::digest(&out).into()).to_string()
        };
        assert_eq!(
            canonical(&c),
            "c49e18811eb5830bd22970a31b331b2aefd3257f94f90e0831549b39370801a7"
        );
        // Each field changes the bytes, including those the dedup key leaves out.
        let mut variants = vec![c.clone()];
        let mut v = c.clone();
        v.counterpart_name = None;
        variants.push(v);
        let mut v = c.clone();
        v.delivery = Some(Delivery::Queued);
        variants.push(v);
        let mut v = c.clone();
        v.flags.clear();
        variants.push(v);
        let mut v = c.clone();
        v.source.line = 3;
        variants.push(v);
        let mut v = c.clone();
        v.source.entry = Some("chat.txt".into());
        variants.push(v);
        let mut v = c.clone();
        v.others.clear();
        v.subject = Some("+15550100999".into());
        variants.push(v);
        let digests: BTreeSet<String> = variants.iter().map(canonical).collect();
        assert_eq!(digests.len(), variants.len());
    }

    #[test]
    fn dedup_key_ignores_what_changes_between_backups() {
        let a = sms("where are you");
        let mut b = a.clone();
        b.counterpart_name = None;
        b.source = SourceRef {
            byte_offset: 999,
            line: 40,
            entry: Some("x.xml".into()),
        };
        b.flags.insert(CommFlag::Edited);
        assert_eq!(a.dedup_key(), b.dedup_key());
    }

    #[test]
    fn dedup_key_separates_content_time_and_repeats() {
        let a = sms("ok");
        let mut later = a.clone();
        later.at = "2024-01-15T21:05:00.001Z".parse().unwrap();
        let mut again = a.clone();
        again.repeat = 1;
        let mut empty = a.clone();
        empty.body = None;
        let mut blank = a.clone();
        blank.body = Some(String::new());
        let keys: BTreeSet<_> = [&a, &later, &again, &empty, &blank, &sms("ok!")]
            .iter()
            .map(|c| c.dedup_key())
            .collect();
        assert_eq!(keys.len(), 6);
    }

    #[test]
    fn serialises_compactly_with_snake_case_names() {
        let mut c = sms("hi");
        c.channel = CommChannel::Whatsapp;
        c.flags.insert(CommFlag::MediaOmitted);
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.contains(r#""channel":"whatsapp""#), "{json}");
        assert!(json.contains(r#""flags":["media_omitted"]"#), "{json}");
        assert!(!json.contains("repeat") && !json.contains("attachments"), "{json}");
        let back: Communication = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
        assert_eq!("rejected".parse::<Direction>().unwrap(), Direction::Rejected);
    }
}
