//! WhatsApp "Export chat": the `.txt` alone, or the `.zip` with the chat
//! (`_chat.txt` on iOS, `WhatsApp Chat with NAME.txt` on Android) and its
//! media, which is linked to the messages that name it.
//!
//! # Dates
//!
//! An export writes dates in the phone's locale and carries no time zone.
//! The time zone is the caller's ([`WhatsappOptions::time_zone`]) and is
//! recorded in the [`Summary`]. The date order is decided by this rule,
//! never guessed:
//!
//! 1. a date whose first number has four digits is year-month-day;
//! 2. otherwise the whole file is read first: a date that is valid only
//!    day-first (`13/01/2024`) or only month-first (`01/13/2024`) decides
//!    for the file; if both occur, the import fails;
//! 3. if no date decides, [`WhatsappOptions::date_order`] does (see
//!    [`DateOrder::for_locale`] for the phone's locale); if it is not given,
//!    the import fails asking for it. A given order that the file
//!    contradicts is an error too.
//!
//! Two-digit years are 20xx: WhatsApp did not exist before 2009.

mod emit;
mod header;
mod markers;
mod scan;

use std::collections::HashMap;
use std::io::{BufReader, Read, Seek, SeekFrom};

use jiff::tz::TimeZone;
use serde::Serialize;

use crate::error::{FileKind, ImportError};
use crate::sink::{Delivered, Sink, Summary, deliver};

pub const IMPORTER: &str = "whatsapp";
/// Bump when a change would read the same file into different values
/// (including a new entry in the placeholder tables).
pub const IMPORTER_VERSION: u32 = 1;

/// Which of a date's three numbers is the day, the month and the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    DayMonthYear,
    MonthDayYear,
    YearMonthDay,
}

impl DateOrder {
    /// The order a phone set to this locale (BCP 47, e.g. "en-US", "pt-BR",
    /// "de") writes; `None` when we do not know it.
    pub fn for_locale(tag: &str) -> Option<DateOrder> {
        let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
        let (language, region) = tag.split_once('-').unwrap_or((&tag, ""));
        match (language, region) {
            ("en", "us" | "ph" | "pr" | "as" | "gu" | "um" | "vi") => Some(DateOrder::MonthDayYear),
            ("en", "ca") => None,
            ("zh" | "ja" | "ko" | "hu" | "lt" | "mn", _) | ("sv", "se" | "") => Some(DateOrder::YearMonthDay),
            ("en" | "es" | "de" | "fr" | "pt" | "it" | "nl" | "fi" | "da" | "nb" | "pl" | "ru" | "tr" | "el", _) => {
                Some(DateOrder::DayMonthYear)
            }
            _ => None,
        }
    }
}

impl std::str::FromStr for DateOrder {
    type Err = String;

    /// `dmy`, `mdy`, `ymd` (as a `--date-order` option would take them).
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().replace(['-', '_', '/', ' '], "").as_str() {
            "dmy" | "daymonthyear" => Ok(DateOrder::DayMonthYear),
            "mdy" | "monthdayyear" => Ok(DateOrder::MonthDayYear),
            "ymd" | "yearmonthday" => Ok(DateOrder::YearMonthDay),
            _ => Err(format!("unknown date order {s:?}: expected dmy, mdy or ymd")),
        }
    }
}

/// Who settled the date order of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecidedBy {
    /// A date in the file can be read only one way.
    File,
    /// No date could; the caller's [`WhatsappOptions::date_order`] did.
    Caller,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateOrderUsed {
    pub order: DateOrder,
    pub decided_by: DecidedBy,
}

#[derive(Debug, Clone)]
pub struct WhatsappOptions {
    /// Where the phone's clock was: the export's times are local.
    pub time_zone: TimeZone,
    /// The survivor's name as the export writes it: their messages become
    /// outgoing. Without it every message's direction is `unknown`.
    pub owner_name: Option<String>,
    /// Used only when no date in the file settles the order.
    pub date_order: Option<DateOrder>,
    /// ISO 3166 region for senders shown as numbers without a country code.
    pub default_region: String,
    /// The chat's title (the other person, or the group): the counterpart of
    /// outgoing messages when the chat has more than one other sender. Taken
    /// from the archive's file name when not given.
    pub chat_name: Option<String>,
}

impl WhatsappOptions {
    pub fn new(time_zone: TimeZone, default_region: &str) -> Self {
        WhatsappOptions {
            time_zone,
            owner_name: None,
            date_order: None,
            default_region: default_region.to_owned(),
            chat_name: None,
        }
    }
}

/// Imports a chat export: a `.txt`, or a `.zip` (recognised by its
/// signature) whose media is streamed to the sink. Reads the chat twice —
/// first to settle the date order and the participants, then to deliver —
/// hence `Seek`.
pub fn import<R: Read + Seek>(
    mut reader: R,
    sink: &mut dyn Sink,
    options: &WhatsappOptions,
) -> Result<Summary, ImportError> {
    let io_err = |source| ImportError::Io {
        kind: FileKind::WhatsappChat,
        source,
    };
    let start = reader.stream_position().map_err(io_err)?;
    let mut magic = Vec::with_capacity(4);
    (&mut reader).take(4).read_to_end(&mut magic).map_err(io_err)?;
    reader.seek(SeekFrom::Start(start)).map_err(io_err)?;
    if magic == b"PK\x03\x04" || magic == b"PK\x05\x06" {
        import_zip(reader, sink, options)
    } else {
        import_text(reader, start, sink, options)
    }
}

fn new_summary(options: &WhatsappOptions) -> Summary {
    let mut summary = Summary::new(IMPORTER, IMPORTER_VERSION);
    summary.time_zone = Some(
        options
            .time_zone
            .iana_name()
            .map(str::to_owned)
            .unwrap_or_else(|| format!("{:?}", options.time_zone)),
    );
    summary
}

fn import_text<R: Read + Seek>(
    mut reader: R,
    start: u64,
    sink: &mut dyn Sink,
    options: &WhatsappOptions,
) -> Result<Summary, ImportError> {
    let kind = FileKind::WhatsappChat;
    let io_err = |source| ImportError::Io { kind, source };
    let found = scan::scan(BufReader::new(&mut reader), kind, None, options.date_order)?;
    reader.seek(SeekFrom::Start(start)).map_err(io_err)?;
    let mut summary = new_summary(options);
    summary.date_order = Some(found.order);
    let media = HashMap::new();
    emit::Emitter {
        sink,
        options,
        scan: &found,
        media: &media,
        chat_name: options.chat_name.clone(),
        entry: None,
        kind,
        summary: &mut summary,
    }
    .run(BufReader::new(reader))?;
    Ok(summary)
}

fn import_zip<R: Read + Seek>(
    reader: R,
    sink: &mut dyn Sink,
    options: &WhatsappOptions,
) -> Result<Summary, ImportError> {
    let kind = FileKind::WhatsappArchive;
    let archive_err = |e: zip::result::ZipError| ImportError::Archive {
        kind,
        detail: e.to_string(),
    };
    let mut archive = zip::ZipArchive::new(reader).map_err(archive_err)?;
    let mut names = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let name = archive
            .name_for_index(i)
            .transpose()
            .map_err(archive_err)?
            .unwrap_or_default();
        names.push(name.into_owned());
    }
    let chat = chat_member(&names)?;
    let entry = names[chat].clone();
    let chat_reader = BufReader::new(archive.by_index(chat).map_err(archive_err)?);
    let found = scan::scan(chat_reader, kind, Some(&entry), options.date_order)?;

    let mut summary = new_summary(options);
    summary.date_order = Some(found.order);
    let by_base: HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .filter(|(i, n)| *i != chat && !n.ends_with('/'))
        .map(|(i, n)| (basename(n), i))
        .collect();
    let mut media = HashMap::new();
    for wanted in &found.attached {
        let Some(&i) = by_base.get(wanted.as_str()) else {
            continue;
        };
        let file = archive.by_index(i).map_err(archive_err)?;
        let media_type = mime_guess::from_path(wanted)
            .first_or_octet_stream()
            .essence_str()
            .to_owned();
        match deliver(sink, wanted, &media_type, file).map_err(ImportError::Sink)?.0 {
            Delivered::Stored(r) => {
                summary.attachments += 1;
                media.insert(wanted.clone(), r);
            }
            Delivered::Damaged(detail) => {
                return Err(ImportError::Archive {
                    kind,
                    detail: format!("member {wanted:?}: {detail}"),
                });
            }
        }
    }
    let chat_name = options.chat_name.clone().or_else(|| title_from_file_name(&entry));
    let chat_reader = BufReader::new(archive.by_index(chat).map_err(archive_err)?);
    emit::Emitter {
        sink,
        options,
        scan: &found,
        media: &media,
        chat_name,
        entry: Some(entry),
        kind,
        summary: &mut summary,
    }
    .run(chat_reader)?;
    Ok(summary)
}

fn basename(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// `_chat.txt` (iOS) first, then `WhatsApp…txt` (Android), then a lone
/// `.txt`. Several candidates is an error rather than a pick: a chat can
/// carry `.txt` documents as media.
fn chat_member(names: &[String]) -> Result<usize, ImportError> {
    let kind = FileKind::WhatsappArchive;
    let txt: Vec<usize> = (0..names.len())
        .filter(|i| names[*i].to_ascii_lowercase().ends_with(".txt"))
        .collect();
    let pick = |pred: &dyn Fn(&str) -> bool| -> Vec<usize> {
        txt.iter().copied().filter(|i| pred(basename(&names[*i]))).collect()
    };
    for candidates in [
        pick(&|n| n == "_chat.txt"),
        pick(&|n| n.to_ascii_lowercase().starts_with("whatsapp")),
        txt.clone(),
    ] {
        match candidates.len() {
            0 => continue,
            1 => return Ok(candidates[0]),
            _ => {
                return Err(ImportError::SeveralChats {
                    kind,
                    candidates: candidates.iter().map(|i| names[*i].clone()).collect(),
                });
            }
        }
    }
    Err(ImportError::NoChat { kind })
}

/// "WhatsApp Chat with Alex Doe.txt" → "Alex Doe", in the export languages.
fn title_from_file_name(name: &str) -> Option<String> {
    let stem = basename(name).strip_suffix(".txt")?;
    [
        " with ", " con ", " mit ", " avec ", " com ", " met ", " kanssa ", " - ",
    ]
    .iter()
    .filter_map(|sep| stem.rfind(sep).map(|i| stem[i + sep.len()..].trim()))
    .find(|t| !t.is_empty())
    .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_and_names() {
        assert_eq!(DateOrder::for_locale("en-US"), Some(DateOrder::MonthDayYear));
        assert_eq!(DateOrder::for_locale("en_GB"), Some(DateOrder::DayMonthYear));
        assert_eq!(DateOrder::for_locale("pt-BR"), Some(DateOrder::DayMonthYear));
        assert_eq!(DateOrder::for_locale("en-CA"), None);
        assert_eq!(DateOrder::for_locale("xx"), None);
        assert_eq!("MDY".parse::<DateOrder>(), Ok(DateOrder::MonthDayYear));
        assert!("yes".parse::<DateOrder>().is_err());
        assert_eq!(
            title_from_file_name("WhatsApp Chat with Alex Doe.txt").as_deref(),
            Some("Alex Doe")
        );
        assert_eq!(
            title_from_file_name("WhatsApp-Chat mit Alex.txt").as_deref(),
            Some("Alex")
        );
        assert_eq!(title_from_file_name("_chat.txt"), None);
    }
}
