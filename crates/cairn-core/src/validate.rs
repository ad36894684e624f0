//! Validation of values a person typed, with errors that name the field and
//! the value at fault. The `Reason` is data, not prose, so each interface can
//! word it in the person's language.

use std::fmt;

/// Why a value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason {
    Empty,
    TooLong { max_chars: usize },
    OutOfRange { min: i64, max: i64 },
    NotOneOf { allowed: Vec<&'static str> },
    NotAPhoneNumber,
    NotAnEmail,
    NotADateTime,
    InTheFuture,
    TimeWithDateOnly,
    NotATimeZone,
    NotARegion,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Empty => f.write_str("it must not be empty"),
            Reason::TooLong { max_chars } => write!(f, "it is longer than {max_chars} characters"),
            Reason::OutOfRange { min, max } => write!(f, "it must be between {min} and {max}"),
            Reason::NotOneOf { allowed } => write!(f, "expected one of: {}", allowed.join(", ")),
            Reason::NotAPhoneNumber => {
                f.write_str("it is not a phone number (use the international form, e.g. +1 555 123 4567)")
            }
            Reason::NotAnEmail => f.write_str("it is not an email address"),
            Reason::NotADateTime => {
                f.write_str("expected a date like 2026-01-02 or a date and time like 2026-01-02T22:10")
            }
            Reason::InTheFuture => f.write_str("it is in the future"),
            Reason::TimeWithDateOnly => f.write_str("a date-only value cannot carry a time"),
            Reason::NotATimeZone => {
                f.write_str("it is not a time zone name (use one like America/New_York or Europe/Madrid)")
            }
            Reason::NotARegion => f.write_str("it is not a two-letter country code (e.g. US, MX, ES)"),
        }
    }
}

/// A refused value: which field, what was given, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {field} {value:?}: {reason}")]
pub struct Invalid {
    pub field: &'static str,
    pub value: String,
    pub reason: Reason,
}

impl Invalid {
    pub fn new(field: &'static str, value: impl Into<String>, reason: Reason) -> Self {
        Self {
            field,
            value: value.into(),
            reason,
        }
    }
}

/// Trims `value`, refuses it if empty or longer than `max_chars`.
pub fn text(field: &'static str, value: &str, max_chars: usize) -> Result<String, Invalid> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Invalid::new(field, value, Reason::Empty));
    }
    if trimmed.chars().count() > max_chars {
        let shown: String = trimmed.chars().take(40).collect();
        return Err(Invalid::new(field, format!("{shown}…"), Reason::TooLong { max_chars }));
    }
    Ok(trimmed.to_owned())
}

/// Like [`text`], but an empty or absent value is simply `None`.
pub fn optional_text(field: &'static str, value: Option<&str>, max_chars: usize) -> Result<Option<String>, Invalid> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => text(field, v, max_chars).map(Some),
    }
}

/// Parses one of a closed set of snake_case/kebab-case names, case-insensitively.
pub fn one_of<T: Copy>(field: &'static str, value: &str, options: &[(&'static str, T)]) -> Result<T, Invalid> {
    let wanted = value.trim().to_ascii_lowercase().replace('-', "_");
    options
        .iter()
        .find(|(name, _)| *name == wanted)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            Invalid::new(
                field,
                value,
                Reason::NotOneOf {
                    allowed: options.iter().map(|(n, _)| *n).collect(),
                },
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_trims_and_limits() {
        assert_eq!(text("label", "  Maria R. ", 10).unwrap(), "Maria R.");
        assert_eq!(text("label", "   ", 10).unwrap_err().reason, Reason::Empty);
        let err = text("label", "abcdefghijk", 10).unwrap_err();
        assert_eq!(err.reason, Reason::TooLong { max_chars: 10 });
        assert_eq!(err.field, "label");
    }

    #[test]
    fn one_of_names_the_allowed_values() {
        let opts = [("text", 1), ("in_person", 2)];
        assert_eq!(one_of("channel", "In-Person", &opts).unwrap(), 2);
        let err = one_of("channel", "pigeon", &opts).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid channel \"pigeon\": expected one of: text, in_person"
        );
    }
}
