//! Errors in an instrument, answers, plan-rule or resources file. Each names
//! the file, the line and the field, and says what is wrong as data (a
//! stable `kind` plus details) so interfaces word it in the person's language.

use std::ops::Range;

/// What is wrong, by a stable name the translations key on.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// The file is not valid TOML or CSV, or a value has the wrong type; the
    /// parser's own words are in `detail`.
    Syntax(String),
    /// The file's format number is one this build does not read.
    UnsupportedFormat(i64),
    /// An id is used twice.
    Duplicate(String),
    /// A reference to an item, level, choice or option that does not exist.
    Unknown(String),
    /// A value outside what the field allows; `expected` lists what fits.
    BadValue { value: String, expected: String },
    /// A required field is missing or empty.
    Missing,
    /// The answers are for another instrument or version.
    WrongInstrument { found: String, expected: String },
    /// An override that would lower (or not raise) the level.
    OverrideNotHigher { from: String, to: String },
}

impl Problem {
    pub fn name(&self) -> &'static str {
        match self {
            Problem::Syntax(_) => "syntax",
            Problem::UnsupportedFormat(_) => "unsupported-format",
            Problem::Duplicate(_) => "duplicate",
            Problem::Unknown(_) => "unknown",
            Problem::BadValue { .. } => "bad-value",
            Problem::Missing => "missing",
            Problem::WrongInstrument { .. } => "wrong-instrument",
            Problem::OverrideNotHigher { .. } => "override-not-higher",
        }
    }
}

/// A problem at a place in a file. Line and column count from 1; 0 when the
/// problem is not at one place (e.g. an override given on the command line).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {field}: {problem:?}")]
pub struct SpecError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub field: String,
    pub problem: Problem,
}

/// Turns byte spans into lines and columns for one file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Locator<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

impl<'a> Locator<'a> {
    pub fn new(file: &'a str, text: &'a str) -> Self {
        Locator { file, text }
    }

    pub fn at(&self, span: Range<usize>, field: impl Into<String>, problem: Problem) -> SpecError {
        let start = span.start.min(self.text.len());
        let before = self.text.get(..start).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        SpecError {
            file: self.file.to_owned(),
            line,
            column,
            field: field.into(),
            problem,
        }
    }

    /// A problem not tied to a place in the file.
    pub fn nowhere(&self, field: impl Into<String>, problem: Problem) -> SpecError {
        SpecError {
            file: self.file.to_owned(),
            line: 0,
            column: 0,
            field: field.into(),
            problem,
        }
    }

    /// Refuses a file whose `format` number this build does not read.
    pub fn check_format(&self, format: &toml::Spanned<i64>, supported: i64) -> Result<(), SpecError> {
        if *format.get_ref() == supported {
            return Ok(());
        }
        Err(self.at(format.span(), "format", Problem::UnsupportedFormat(*format.get_ref())))
    }

    /// Parses TOML into `T`, naming the line and the field of any error.
    pub fn toml<T: serde::de::DeserializeOwned>(&self) -> Result<T, SpecError> {
        toml::from_str(self.text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let field = self.field_at(span.start);
            self.at(span, field, Problem::Syntax(e.message().trim().to_owned()))
        })
    }

    /// The dotted key at a byte offset: the table header above it, then the
    /// key on its own line. Parser errors carry a span but not the key.
    fn field_at(&self, offset: usize) -> String {
        let before = self.text.get(..offset.min(self.text.len())).unwrap_or("");
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = self.text[line_start..].lines().next().unwrap_or("");
        let key = line
            .split_once('=')
            .map(|(k, _)| k.trim().trim_matches('"').to_owned())
            .filter(|k| !k.is_empty() && !k.starts_with('['));
        let table = std::iter::once(line)
            .chain(before[..line_start].lines().rev())
            .find_map(|l| {
                let l = l.trim();
                l.starts_with('[').then(|| l.trim_matches(['[', ']']).trim().to_owned())
            });
        match (table, key) {
            (Some(t), Some(k)) => format!("{t}.{k}"),
            (Some(t), None) => t,
            (None, Some(k)) => k,
            (None, None) => "-".to_owned(),
        }
    }
}
