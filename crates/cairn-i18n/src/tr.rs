//! Looking strings up in the Fluent files (English and Spanish) and locale-aware
//! formatting of dates and numbers.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use jiff::civil::{Date, DateTime};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en-US",
        // Isolation marks would end up inside attribute values and ids.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static ENGLISH: LanguageIdentifier = langid!("en-US");
static SPANISH: LanguageIdentifier = langid!("es");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().get(..2).map(|c| c.to_ascii_lowercase()).as_deref() {
            Some("es") => Some(Lang::Es),
            Some("en") => Some(Lang::En),
            _ => None,
        }
    }

    /// The first supported language in an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Lang {
        header
            .split(',')
            .find_map(|part| Lang::parse(part.split(';').next().unwrap_or("")))
            .unwrap_or_default()
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::En => &ENGLISH,
            Lang::Es => &SPANISH,
        }
    }
}

/// A translator bound to one language (handed to every web template as `t`).
#[derive(Debug, Clone, Copy)]
pub struct Tr(pub Lang);

impl Tr {
    pub fn get(&self, id: &str) -> String {
        LOCALES.lookup(self.0.id(), id)
    }

    pub fn has(&self, id: &str) -> bool {
        LOCALES.try_lookup(self.0.id(), id).is_some()
    }

    pub fn with(&self, id: &str, args: &[(&'static str, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Arg::Text(s) => FluentValue::from(s.clone()),
                    Arg::Number(n) => FluentValue::from(*n),
                };
                (Cow::Borrowed(*k), value)
            })
            .collect();
        LOCALES.lookup_with_args(self.0.id(), id, &map)
    }

    /// Like [`Tr::with`], for arguments named at run time (a finding's
    /// parameters); `None` when the id is unknown.
    pub fn try_with_named(&self, id: &str, args: &[(String, Arg)]) -> Option<String> {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Arg::Text(s) => FluentValue::from(s.clone()),
                    Arg::Number(n) => FluentValue::from(*n),
                };
                (Cow::Owned(k.clone()), value)
            })
            .collect();
        LOCALES.try_lookup_with_args(self.0.id(), id, &map)
    }

    /// One argument, the common case in templates: `t.arg("key", "name", value)`.
    pub fn arg(&self, id: &str, name: &'static str, value: impl std::fmt::Display) -> String {
        self.with(id, &[(name, Arg::Text(value.to_string()))])
    }

    pub fn count(&self, id: &str, count: impl std::borrow::Borrow<u64>) -> String {
        let count = *count.borrow();
        self.with(
            id,
            &[
                ("count", Arg::Number(count as f64)),
                ("shown", Arg::Text(self.number(count))),
            ],
        )
    }

    pub fn lang(&self) -> &'static str {
        self.0.code()
    }

    /// 100,000 in English, 100.000 in Spanish.
    pub fn number(&self, n: impl std::borrow::Borrow<u64>) -> String {
        let digits = n.borrow().to_string();
        let separator = match self.0 {
            Lang::En => ',',
            // Spanish style (RAE) leaves four-digit numbers unseparated.
            Lang::Es if digits.len() <= 4 => return digits,
            Lang::Es => '.',
        };
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(separator);
            }
            out.push(c);
        }
        out
    }

    fn month(&self, date: Date) -> String {
        self.get(&format!("month-{}", date.month()))
    }

    /// Jan 2, 2026 / 2 ene 2026.
    pub fn date(&self, date: Date) -> String {
        match self.0 {
            Lang::En => format!("{} {}, {}", self.month(date), date.day(), date.year()),
            Lang::Es => format!("{} {} {}", date.day(), self.month(date), date.year()),
        }
    }

    /// Jan 2, 2026, 10:10 PM / 2 ene 2026, 22:10.
    pub fn datetime(&self, dt: DateTime) -> String {
        let time = match self.0 {
            Lang::En => dt.strftime("%-I:%M %p").to_string(),
            Lang::Es => dt.strftime("%H:%M").to_string(),
        };
        format!("{}, {}", self.date(dt.date()), time)
    }

    /// A timestamp shown in the machine's zone.
    pub fn timestamp(&self, ts: impl std::borrow::Borrow<jiff::Timestamp>) -> String {
        self.datetime(ts.borrow().to_zoned(jiff::tz::TimeZone::system()).datetime())
    }

    /// A timeline sort key (`2026-01-02T22:10:00` or a date) for people.
    pub fn sort_key(&self, key: &str) -> String {
        if let Ok(dt) = key.parse::<DateTime>() {
            if dt.time() == jiff::civil::Time::midnight() {
                return self.date(dt.date());
            }
            return self.datetime(dt);
        }
        key.parse::<Date>()
            .map(|d| self.date(d))
            .unwrap_or_else(|_| key.to_owned())
    }
}

#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(f64),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_follow_the_locale() {
        let (en, es) = (Tr(Lang::En), Tr(Lang::Es));
        assert_eq!(en.number(100_000), "100,000");
        assert_eq!(es.number(100_000), "100.000");
        assert_eq!(es.number(2026), "2026");
        assert_eq!(en.number(7), "7");
        let dt: DateTime = "2026-01-02T22:10".parse().unwrap();
        assert_eq!(en.datetime(dt), "Jan 2, 2026, 10:10 PM");
        assert_eq!(es.datetime(dt), "2 ene 2026, 22:10");
        assert_eq!(es.sort_key("2026-03-04T00:00:00"), "4 mar 2026");
        assert_eq!(es.date("2026-09-01".parse().unwrap()), "1 sept 2026");
    }

    #[test]
    fn accept_language_picks_the_first_supported() {
        assert_eq!(Lang::from_accept_language("fr-FR,es-MX;q=0.8,en;q=0.5"), Lang::Es);
        assert_eq!(Lang::from_accept_language("de"), Lang::En);
    }
}
