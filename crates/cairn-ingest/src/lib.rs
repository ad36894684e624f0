//! Importers for what survivors bring: SMS Backup & Restore XML, WhatsApp
//! "Export chat" files, email (`.eml`, mbox) and photo metadata. Readers in,
//! [`Communication`](cairn_core::Communication)s out, through a [`Sink`].
//!
//! Every importer
//! - streams: memory is bounded by the largest single record it keeps (an SMS
//!   body, an email), never by the file; attachments go to
//!   [`Sink::attachment`] as a reader, decoded on the fly;
//! - is deterministic: the same bytes and options give the same values, and
//!   [`Summary::importer_version`] says which rules produced them;
//! - never panics on input: a broken container (malformed XML, a damaged zip,
//!   a chat in no known layout) is an [`ImportError`] naming the line and byte;
//!   a bad record inside a sound container is skipped and counted in
//!   [`Summary::skipped`] with its reason.
//!
//! Nothing here does network or file-system I/O of its own.
//!
//! ```
//! use cairn_ingest::Collect;
//! use cairn_ingest::sms_backup::{self, SmsOptions};
//!
//! let xml = br#"<smses count="1">
//!   <sms address="(415) 555-0142" date="1710000000000" type="1" body="where are you" contact_name="Alex" />
//! </smses>"#;
//! let mut sink = Collect::default();
//! let summary = sms_backup::import(&xml[..], &mut sink, &SmsOptions::new("US"))?;
//! assert_eq!((summary.communications, summary.declared_records), (1, Some(1)));
//! let sms = &sink.communications[0];
//! assert_eq!((sms.counterpart.as_str(), sms.at.to_string()), ("+14155550142", "2024-03-09T16:00:00Z".into()));
//! # Ok::<(), cairn_ingest::ImportError>(())
//! ```
#![forbid(unsafe_code)]

mod error;
mod lines;
mod normalise;
mod sink;

pub mod email;
pub mod photo;
pub mod sms_backup;
pub mod synth;
pub mod whatsapp;

pub use cairn_core::SourceRef;
pub use error::{FileKind, ImportError, SkipReason, WrittenDate};
pub use sink::{Collect, Sink, SinkError, Skipped, Summary, hash_attachment, hash_through};
pub use whatsapp::DateOrder;
