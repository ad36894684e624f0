//! The first pass over a chat: which layout, which date order, who writes,
//! which files are named. Nothing is delivered.

use std::collections::{BTreeSet, HashSet};
use std::io::BufRead;

use cairn_core::SourceRef;
use jiff::civil;

use super::header::{self, Header, Layout, Stamp};
use super::markers;
use super::{DateOrder, DateOrderUsed, DecidedBy};
use crate::error::{FileKind, ImportError, WrittenDate};
use crate::lines::{Lines, chomp};

/// Longest line kept whole; longer ones are cut (and their message skipped).
pub(crate) const MAX_LINE: usize = 1 << 20;
/// Enough for any group; more names than this are not a chat.
const MAX_SENDERS: usize = 1024;
const MAX_ATTACHED: usize = 100_000;

pub(crate) struct Scan {
    pub layout: Layout,
    pub order: DateOrderUsed,
    pub senders: BTreeSet<String>,
    /// Files named by messages, in order of first mention.
    pub attached: Vec<String>,
}

/// The date and time a stamp means under `order`, if it is a real date.
pub(crate) fn civil_time(stamp: &Stamp, order: DateOrder) -> Option<civil::DateTime> {
    let [a, b, c] = stamp.date;
    let (y, m, d) = match (stamp.year_first, order) {
        (true, _) | (false, DateOrder::YearMonthDay) => (a, b, c),
        (false, DateOrder::DayMonthYear) => (c, b, a),
        (false, DateOrder::MonthDayYear) => (c, a, b),
    };
    let y = if y < 100 { y + 2000 } else { y };
    let date = civil::Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
    Some(date.at(stamp.hour, stamp.minute, stamp.second, 0))
}

/// A line that starts a message in some date order; `None` for text.
pub(crate) fn message_start(line: &str) -> Option<Header<'_>> {
    let h = header::parse(line)?;
    let readable = [DateOrder::DayMonthYear, DateOrder::MonthDayYear]
        .iter()
        .any(|o| civil_time(&h.stamp, *o).is_some());
    readable.then_some(h)
}

/// Splits `Name: text`. A system line ("Alex added Sam") has no sender.
/// Names holding quotation marks are refused: they come from system lines
/// that quote a group subject with a colon in it.
pub(crate) fn split_sender(rest: &str) -> (Option<&str>, &str) {
    let (name, text) = match rest.find(": ") {
        Some(i) => (&rest[..i], &rest[i + 2..]),
        None => match rest.strip_suffix(':') {
            Some(name) => (name, ""),
            None => return (None, rest),
        },
    };
    let name = name.trim_matches(|c: char| header::is_mark(c) || c.is_whitespace());
    // iOS shows senders missing from the contacts as "~ Name".
    let name = name
        .strip_prefix('~')
        .map(|n| n.trim_start_matches(|c: char| header::is_mark(c) || c.is_whitespace()))
        .unwrap_or(name);
    let plausible = !name.is_empty()
        && name.chars().count() <= 100
        && !name.contains(['"', '\u{201C}', '\u{201D}', '\u{AB}', '\u{BB}']);
    if plausible { (Some(name), text) } else { (None, rest) }
}

pub(crate) fn scan<R: BufRead>(
    reader: R,
    kind: FileKind,
    entry: Option<&str>,
    given: Option<DateOrder>,
) -> Result<Scan, ImportError> {
    let mut lines = Lines::new(reader);
    let mut buf = Vec::new();
    let mut layout = None;
    let mut day_first: Option<(SourceRef, String)> = None;
    let mut month_first: Option<(SourceRef, String)> = None;
    let mut first_ambiguous: Option<(SourceRef, String)> = None;
    let mut senders = BTreeSet::new();
    let mut attached = Vec::new();
    let mut attached_seen = HashSet::new();
    let mut last_line = SourceRef {
        byte_offset: 0,
        line: 1,
        entry: entry.map(str::to_owned),
    };
    while let Some(info) = lines
        .next_line(&mut buf, MAX_LINE)
        .map_err(|source| ImportError::Io { kind, source })?
    {
        let text = String::from_utf8_lossy(chomp(&buf));
        let at = SourceRef {
            byte_offset: info.offset,
            line: info.line,
            entry: entry.map(str::to_owned),
        };
        last_line = at.clone();
        let start = message_start(&text).filter(|h| layout.is_none_or(|l| l == h.layout));
        let Some(h) = start else {
            let blank = text
                .trim_matches(|c: char| header::is_mark(c) || c.is_whitespace())
                .is_empty();
            if layout.is_none() && !blank {
                let found = text.chars().take(80).collect();
                return Err(ImportError::UnknownLayout { kind, at, found });
            }
            continue;
        };
        layout = Some(h.layout);
        if !h.stamp.year_first {
            let dmy = civil_time(&h.stamp, DateOrder::DayMonthYear).is_some();
            let mdy = civil_time(&h.stamp, DateOrder::MonthDayYear).is_some();
            let slot = match (dmy, mdy) {
                (true, false) => &mut day_first,
                (false, true) => &mut month_first,
                _ => &mut first_ambiguous,
            };
            if slot.is_none() {
                *slot = Some((at.clone(), h.written.to_owned()));
            }
        }
        let (sender, body) = split_sender(h.rest);
        if let Some(name) = sender {
            if senders.len() < MAX_SENDERS {
                senders.insert(name.to_owned());
            }
            if let Some(file) = markers::attached_file(body)
                && attached.len() < MAX_ATTACHED
                && attached_seen.insert(file.to_owned())
            {
                attached.push(file.to_owned());
            }
        }
    }
    let Some(layout) = layout else {
        return Err(ImportError::Truncated {
            kind,
            at: last_line,
            expected: "a message line",
        });
    };
    let order = match (day_first, month_first, given) {
        (Some((at, text)), Some((month_at, month_text)), _) => {
            return Err(ImportError::ConflictingDateOrder {
                kind,
                day_first: Box::new(WrittenDate { at, text }),
                month_first: Box::new(WrittenDate {
                    at: month_at,
                    text: month_text,
                }),
            });
        }
        (Some(_), None, None | Some(DateOrder::DayMonthYear)) => DateOrderUsed {
            order: DateOrder::DayMonthYear,
            decided_by: DecidedBy::File,
        },
        (None, Some(_), None | Some(DateOrder::MonthDayYear)) => DateOrderUsed {
            order: DateOrder::MonthDayYear,
            decided_by: DecidedBy::File,
        },
        (Some((at, example)), None, Some(_)) | (None, Some((at, example)), Some(_)) => {
            return Err(ImportError::DateOrderContradicted { kind, at, example });
        }
        (None, None, Some(order)) => DateOrderUsed {
            order,
            decided_by: DecidedBy::Caller,
        },
        (None, None, None) => match first_ambiguous {
            Some((at, example)) => return Err(ImportError::AmbiguousDateOrder { kind, at, example }),
            // Every date had a four-digit year first.
            None => DateOrderUsed {
                order: DateOrder::YearMonthDay,
                decided_by: DecidedBy::File,
            },
        },
    };
    Ok(Scan {
        layout,
        order,
        senders,
        attached,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(chat: &str, given: Option<DateOrder>) -> Result<DateOrderUsed, String> {
        scan(chat.as_bytes(), FileKind::WhatsappChat, None, given)
            .map(|s| s.order)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn date_order_rule() {
        use DateOrder::*;
        let dmy = "01/02/2024, 10:00 - A: x\n13/02/2024, 10:00 - A: y\n";
        let mdy = "01/02/2024, 10:00 - A: x\n02/13/2024, 10:00 - A: y\n";
        let neither = "01/02/2024, 10:00 - A: x\n";
        let file = |order| {
            Ok(DateOrderUsed {
                order,
                decided_by: DecidedBy::File,
            })
        };
        assert_eq!(order(dmy, None), file(DayMonthYear));
        assert_eq!(order(dmy, Some(DayMonthYear)), file(DayMonthYear));
        assert_eq!(order(mdy, None), file(MonthDayYear));
        assert_eq!(
            order(neither, Some(MonthDayYear)),
            Ok(DateOrderUsed {
                order: MonthDayYear,
                decided_by: DecidedBy::Caller
            })
        );
        assert!(order(neither, None).unwrap_err().contains("give the date order"));
        assert!(order(dmy, Some(MonthDayYear)).unwrap_err().contains("13/02/2024"));
        assert!(order(&format!("{dmy}{mdy}"), None).unwrap_err().contains("disagree"));
        assert_eq!(order("2024-02-01 10:00 - A: x\n", None), file(YearMonthDay));
    }

    #[test]
    fn layout_is_required_up_front() {
        let err = order("hello\n01/02/2024, 10:00 - A: x\n", None).unwrap_err();
        assert!(err.contains("line 1") && err.contains("no known layout"), "{err}");
        assert!(order("", None).unwrap_err().contains("ends early"));
        assert!(order("\u{FEFF}\n\n13/02/2024, 10:00 - A: x", None).is_ok());
    }

    #[test]
    fn senders() {
        assert_eq!(split_sender("Alex Doe: hi: there"), (Some("Alex Doe"), "hi: there"));
        assert_eq!(split_sender("~\u{202F}Sam: hey"), (Some("Sam"), "hey"));
        assert_eq!(split_sender("Alex:"), (Some("Alex"), ""));
        assert_eq!(split_sender("Alex added Sam"), (None, "Alex added Sam"));
        let quoted = "Alex changed the subject to \"Plans: June\"";
        assert_eq!(split_sender(quoted), (None, quoted));
    }
}
