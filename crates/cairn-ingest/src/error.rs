use std::fmt;
use std::io;

use cairn_core::SourceRef;
use serde::Serialize;

use crate::sink::SinkError;

/// What kind of file an error is about, so the message can name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FileKind {
    SmsBackup,
    WhatsappChat,
    WhatsappArchive,
    Email,
    Mbox,
    Photo,
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::SmsBackup => "sms backup",
            FileKind::WhatsappChat => "whatsapp chat",
            FileKind::WhatsappArchive => "whatsapp archive",
            FileKind::Email => "email",
            FileKind::Mbox => "mbox",
            FileKind::Photo => "photo",
        })
    }
}

/// Why an import stopped. The file as a whole could not be read; records
/// delivered to the sink before the error are still valid, but the caller
/// should treat the import as incomplete.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    #[error("cannot read the {kind}: {source}")]
    Io {
        kind: FileKind,
        #[source]
        source: io::Error,
    },
    #[error("the {kind} is malformed at {}: expected {expected}, found {found}", Pos(.at))]
    Malformed {
        kind: FileKind,
        at: SourceRef,
        expected: &'static str,
        found: String,
    },
    #[error("the {kind} ends early at {}: expected {expected}", Pos(.at))]
    Truncated {
        kind: FileKind,
        at: SourceRef,
        expected: &'static str,
    },
    #[error(
        "the {kind} is in no known layout at {}: expected a line like \"[15/01/2024, 21:05:12] Name: text\" \
         or \"15/01/2024, 21:05 - Name: text\", found {found:?}",
        Pos(.at)
    )]
    UnknownLayout {
        kind: FileKind,
        at: SourceRef,
        found: String,
    },
    #[error(
        "cannot tell whether the dates in the {kind} are day-first or month-first (no day above 12, \
         first date {example:?} at {}); give the date order",
        Pos(.at)
    )]
    AmbiguousDateOrder {
        kind: FileKind,
        at: SourceRef,
        example: String,
    },
    #[error(
        "the dates in the {kind} disagree: {:?} at {} is day-first, {:?} at {} is month-first",
        .day_first.text,
        Pos(&.day_first.at),
        .month_first.text,
        Pos(&.month_first.at)
    )]
    ConflictingDateOrder {
        kind: FileKind,
        day_first: Box<WrittenDate>,
        month_first: Box<WrittenDate>,
    },
    #[error("the {kind} has dates in another order than the one given: {example:?} at {}", Pos(.at))]
    DateOrderContradicted {
        kind: FileKind,
        at: SourceRef,
        example: String,
    },
    #[error("the {kind} is not a readable zip archive: {detail}")]
    Archive { kind: FileKind, detail: String },
    #[error("the {kind} holds no chat text file")]
    NoChat { kind: FileKind },
    #[error("the {kind} holds several chat text files: {}", .candidates.join(", "))]
    SeveralChats { kind: FileKind, candidates: Vec<String> },
    #[error("the {kind} has no {what} this importer can read")]
    Unsupported { kind: FileKind, what: &'static str },
    #[error("the destination refused a record: {0}")]
    Sink(#[source] SinkError),
}

/// A date as the file wrote it, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenDate {
    pub at: SourceRef,
    pub text: String,
}

/// "line 3, byte 120" plus the archive member when there is one.
struct Pos<'a>(&'a SourceRef);

impl fmt::Display for Pos<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, byte {}", self.0.line, self.0.byte_offset)?;
        if let Some(entry) = &self.0.entry {
            write!(f, " of {entry:?}")?;
        }
        Ok(())
    }
}

/// Why one record was skipped while the rest of the file was imported.
/// Data rather than prose so every interface can word it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
#[non_exhaustive]
pub enum SkipReason {
    MissingField {
        record: &'static str,
        field: &'static str,
    },
    BadField {
        record: &'static str,
        field: &'static str,
        value: String,
    },
    BadAttachment {
        name: String,
        detail: String,
    },
    TooLarge {
        what: &'static str,
        limit: u64,
    },
    UnknownRecord {
        name: String,
    },
    NotAnEmail,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::MissingField { record, field } => write!(f, "{record} has no {field}"),
            SkipReason::BadField { record, field, value } => write!(f, "{record} has an unreadable {field} {value:?}"),
            SkipReason::BadAttachment { name, detail } => write!(f, "attachment {name:?} is damaged: {detail}"),
            SkipReason::TooLarge { what, limit } => write!(f, "{what} is larger than {limit} bytes"),
            SkipReason::UnknownRecord { name } => write!(f, "unknown record <{name}>"),
            SkipReason::NotAnEmail => f.write_str("not an email message"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_lower_case_and_name_the_place() {
        let err = ImportError::Malformed {
            kind: FileKind::SmsBackup,
            at: SourceRef {
                byte_offset: 120,
                line: 3,
                entry: None,
            },
            expected: "'>'",
            found: "end of file".into(),
        };
        assert_eq!(
            err.to_string(),
            "the sms backup is malformed at line 3, byte 120: expected '>', found end of file"
        );
        let err = ImportError::Truncated {
            kind: FileKind::WhatsappArchive,
            at: SourceRef {
                byte_offset: 9,
                line: 2,
                entry: Some("_chat.txt".into()),
            },
            expected: "a message",
        };
        assert_eq!(
            err.to_string(),
            "the whatsapp archive ends early at line 2, byte 9 of \"_chat.txt\": expected a message"
        );
    }
}
