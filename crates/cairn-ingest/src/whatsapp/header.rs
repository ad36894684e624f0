//! The start of a WhatsApp message line, in the two layouts the app writes:
//!
//! - iOS:     `[15/01/2024, 21:05:12] Name: text`
//! - Android: `15/01/2024, 21:05 - Name: text`
//!
//! The date and time inside vary by the phone's locale: `/`, `.` or `-`
//! between date fields (year last, or first when it has four digits), `, `,
//! a space, ` à ` or ` klo ` before the time, `:` or `.` inside it, seconds
//! or not, a 12-hour clock with `AM`, `pm`, `a. m.`, `p.m.`; and Unicode
//! marks (U+200E) or narrow and non-breaking spaces (U+202F, U+00A0) around
//! them. Which number is the day is not decided here: see `DateOrder`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    Ios,
    Android,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    /// The three date numbers left to right, as written.
    pub date: [u32; 3],
    /// The first number has four digits: year-month-day.
    pub year_first: bool,
    pub hour: i8,
    pub minute: i8,
    pub second: i8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header<'a> {
    pub layout: Layout,
    pub stamp: Stamp,
    /// The date and time as written, for messages.
    pub written: &'a str,
    /// What follows the date and time: `Name: text` or a system text.
    pub rest: &'a str,
}

/// Characters WhatsApp sprinkles around dates, names and media markers.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\t')
}

/// How far into a line the date and time may reach; keeps a long line that
/// merely contains " - " from being scanned.
const MAX_STAMP: usize = 64;

pub(crate) fn parse(line: &str) -> Option<Header<'_>> {
    let s = line.trim_start_matches(is_mark);
    let (layout, written, rest) = if let Some(inner) = s.strip_prefix('[') {
        let close = inner.char_indices().take(MAX_STAMP).find(|(_, c)| *c == ']')?.0;
        let rest = &inner[close + 1..];
        let rest = rest.strip_prefix(is_space).unwrap_or(rest);
        (Layout::Ios, &inner[..close], rest)
    } else {
        let head = &s[..floor_char_boundary(s, MAX_STAMP)];
        let (i, dash) = [" - ", " \u{2013} "]
            .iter()
            .filter_map(|d| Some((head.find(d)?, d.len())))
            .min()?;
        (Layout::Android, &s[..i], &s[i + dash..])
    };
    let stamp = parse_stamp(written)?;
    Some(Header {
        layout,
        stamp,
        written: written.trim_matches(|c| is_mark(c) || is_space(c)),
        rest,
    })
}

fn floor_char_boundary(s: &str, max: usize) -> usize {
    if s.len() <= max {
        return s.len();
    }
    (0..=max).rev().find(|i| s.is_char_boundary(*i)).unwrap_or(0)
}

struct Cursor<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
}

impl Cursor<'_> {
    fn number(&mut self, min: usize, max: usize) -> Option<(u32, usize)> {
        let mut value = 0u32;
        let mut len = 0;
        while let Some(d) = self.chars.peek().and_then(|c| c.to_digit(10)) {
            if len == max {
                return None;
            }
            value = value * 10 + d;
            len += 1;
            self.chars.next();
        }
        (len >= min).then_some((value, len))
    }

    fn eat(&mut self, f: impl Fn(char) -> bool) -> Option<char> {
        let c = *self.chars.peek()?;
        f(c).then(|| {
            self.chars.next();
            c
        })
    }

    fn skip(&mut self, f: impl Fn(char) -> bool) -> usize {
        let mut n = 0;
        while self.eat(&f).is_some() {
            n += 1;
        }
        n
    }
}

fn parse_stamp(written: &str) -> Option<Stamp> {
    let mut p = Cursor {
        chars: written.chars().peekable(),
    };
    let blank = |c: char| is_space(c) || is_mark(c);
    p.skip(blank);
    let (a, a_len) = p.number(1, 4)?;
    let sep = p.eat(|c| matches!(c, '/' | '.' | '-'))?;
    p.skip(blank);
    let (b, _) = p.number(1, 2)?;
    p.eat(|c| c == sep)?;
    p.skip(blank);
    let (c, c_len) = p.number(1, 4)?;
    p.eat(|c| c == '.');
    let year_first = a_len == 4;
    let year_digits_ok = if year_first {
        c_len <= 2
    } else {
        a_len <= 2 && (c_len == 2 || c_len == 4)
    };
    if !year_digits_ok {
        return None;
    }
    p.skip(|c| c == ',' || blank(c));
    // A short word between date and time: "à" (fr), "klo" (fi), "um", "às".
    if p.chars.peek().is_some_and(|c| c.is_alphabetic()) {
        if p.skip(char::is_alphabetic) > 4 {
            return None;
        }
        p.skip(|c| c == ',' || blank(c));
    }
    let (hour, _) = p.number(1, 2)?;
    let tsep = p.eat(|c| c == ':' || c == '.')?;
    let (minute, _) = p.number(2, 2)?;
    let second = match p.eat(|c| c == tsep) {
        Some(_) => p.number(2, 2)?.0,
        None => 0,
    };
    let meridiem: String = p
        .chars
        .filter(|c| !blank(*c) && *c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    let hour = match meridiem.as_str() {
        "" if hour <= 23 => hour,
        "am" | "a" if (1..=12).contains(&hour) => hour % 12,
        "pm" | "p" if (1..=12).contains(&hour) => hour % 12 + 12,
        _ => return None,
    };
    if minute > 59 || second > 59 {
        return None;
    }
    Some(Stamp {
        date: [a, b, c],
        year_first,
        hour: hour as i8,
        minute: minute as i8,
        second: second as i8,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    type Parsed<'a> = (Layout, [u32; 3], (i8, i8, i8), &'a str);
    type Case = (&'static str, Layout, [u32; 3], (i8, i8, i8));

    fn stamp(line: &str) -> Option<Parsed<'_>> {
        parse(line).map(|h| {
            (
                h.layout,
                h.stamp.date,
                (h.stamp.hour, h.stamp.minute, h.stamp.second),
                h.rest,
            )
        })
    }

    #[test]
    fn layouts_and_locales() {
        use Layout::*;
        let cases: &[Case] = &[
            ("1/15/24, 9:05\u{202F}PM - Alex: hi", Android, [1, 15, 24], (21, 5, 0)),
            ("15/01/2024, 21:05 - Alex: hi", Android, [15, 1, 2024], (21, 5, 0)),
            (
                "15/1/24, 9:05\u{a0}p.\u{a0}m. - Alex: hi",
                Android,
                [15, 1, 24],
                (21, 5, 0),
            ),
            ("15/1/24 12:30 a. m. - Alex: hi", Android, [15, 1, 24], (0, 30, 0)),
            ("15.01.24, 21:05 - Alex: hi", Android, [15, 1, 24], (21, 5, 0)),
            ("15/01/2024 à 21:05 - Alex: hi", Android, [15, 1, 2024], (21, 5, 0)),
            ("15/01/2024 21:05 - Alex: hi", Android, [15, 1, 2024], (21, 5, 0)),
            ("15-01-2024 21:05 - Alex: hi", Android, [15, 1, 2024], (21, 5, 0)),
            ("15.1.2024 klo 21.05 - Alex: hi", Android, [15, 1, 2024], (21, 5, 0)),
            ("2024-01-15 21:05 - Alex: hi", Android, [2024, 1, 15], (21, 5, 0)),
            ("[1/15/24, 9:05:12\u{202F}PM] Alex: hi", Ios, [1, 15, 24], (21, 5, 12)),
            ("\u{200E}[15.01.24, 21:05:12] Alex: hi", Ios, [15, 1, 24], (21, 5, 12)),
            ("[15/01/2024 21:05:12] Alex: hi", Ios, [15, 1, 2024], (21, 5, 12)),
            ("[15.1.2024 klo 21.05.12] Alex: hi", Ios, [15, 1, 2024], (21, 5, 12)),
            ("[12/01/2024, 12:00:00 AM] Alex: hi", Ios, [12, 1, 2024], (0, 0, 0)),
        ];
        for (line, layout, date, time) in cases {
            let got = stamp(line).unwrap_or_else(|| panic!("{line:?}"));
            assert_eq!(
                (got.0, got.1, got.2, got.3),
                (*layout, *date, *time, "Alex: hi"),
                "{line:?}"
            );
        }
    }

    #[test]
    fn text_that_is_not_a_header() {
        for line in [
            "",
            "just a continuation line",
            "see you at 9:05 - ok?",
            "1/15/24 - Alex: no time",
            "[1/15/24, 25:05] Alex: bad hour",
            "[1/15/24, 13:05 PM] Alex: bad meridiem",
            "[1/15/24, 9:60] Alex: bad minute",
            "123/1/24, 9:05 - Alex: bad day",
            "1/1/123, 9:05 - Alex: three-digit year",
            "15/01/2024 at the park 21:05 - x",
            "[15/01/2024, 21:05:12 Alex: no bracket",
        ] {
            assert_eq!(stamp(line), None, "{line:?}");
        }
    }
}
