//! Answers: read from an answers file (TOML, made from `template`) or built
//! by an interface, checked against the instrument's items, and trimmed by
//! its skip logic so that questions not asked are neither scored nor kept.

use std::collections::BTreeMap;

use cairn_core::{AnswerValue, InformationSource, Named, RecordedAnswer};
use serde::Deserialize;
use toml::{Spanned, Value};

use crate::error::{Locator, Problem, SpecError};
use crate::instrument::{AnswerKind, Instrument, Item};

/// Longest free text or note kept, in characters.
pub const MAX_TEXT: usize = 4000;

/// Checked answers to one instrument.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub list: Vec<RecordedAnswer>,
    /// Items answered in the file but not asked, because skip logic hid them.
    pub skipped: Vec<String>,
}

impl Answers {
    /// Every value given for an item (one per instance of a repeated sub-form).
    pub fn values(&self, item: &str) -> Vec<&AnswerValue> {
        self.list.iter().filter(|a| a.item == item).map(|a| &a.value).collect()
    }

    /// Drops answers to items the skip logic hides, given the others. Runs
    /// to a fixed point, since hiding one item can hide those that depend on it.
    pub fn apply_skip_logic(mut self, instrument: &Instrument) -> Answers {
        loop {
            let hidden: Vec<usize> = (0..self.list.len())
                .filter(|&n| !self.is_shown(instrument, &self.list[n]))
                .collect();
            if hidden.is_empty() {
                return self;
            }
            for n in hidden.into_iter().rev() {
                let gone = self.list.remove(n);
                if !self.skipped.contains(&gone.item) {
                    self.skipped.push(gone.item);
                }
            }
        }
    }

    /// Whether skip logic asks `item` (in `instance` of a repeated
    /// sub-form), given the answers so far: for asking one question at a time.
    pub fn asks(&self, instrument: &Instrument, item: &str, instance: Option<u32>) -> bool {
        let probe = RecordedAnswer {
            item: item.to_owned(),
            instance,
            value: AnswerValue::Unknown,
            note: None,
            source: None,
        };
        self.is_shown(instrument, &probe)
    }

    fn is_shown(&self, instrument: &Instrument, answer: &RecordedAnswer) -> bool {
        let Some(item) = instrument.item(&answer.item) else {
            return false;
        };
        // Inside a repeated sub-form a condition reads the same instance.
        let lookup = |id: &str| -> Vec<&AnswerValue> {
            let same_section = instrument
                .item(id)
                .is_some_and(|i| i.repeated && i.section == item.section);
            self.list
                .iter()
                .filter(|a| a.item == id && (!same_section || a.instance == answer.instance))
                .map(|a| &a.value)
                .collect()
        };
        let section = instrument.section(&item.section);
        let section_shown = section
            .and_then(|s| s.show_if.as_ref())
            .is_none_or(|c| c.holds(&lookup));
        section_shown && item.show_if.as_ref().is_none_or(|c| c.holds(&lookup))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnswersFile {
    instrument: Spanned<String>,
    version: Spanned<String>,
    #[serde(default)]
    answers: BTreeMap<String, Spanned<Value>>,
    #[serde(default)]
    repeat: BTreeMap<String, Vec<BTreeMap<String, Spanned<Value>>>>,
}

/// Reads an answers file for `instrument`. Empty strings mean "not answered",
/// so an untouched template is valid and scores at the lowest level.
pub fn parse_answers(instrument: &Instrument, file: &str, text: &str) -> Result<Answers, SpecError> {
    let at = Locator::new(file, text);
    let raw: RawAnswersFile = at.toml()?;
    for (field, found, expected) in [
        ("instrument", &raw.instrument, &instrument.id),
        ("version", &raw.version, &instrument.version),
    ] {
        if found.get_ref() != expected {
            return Err(at.at(
                found.span(),
                field,
                Problem::WrongInstrument {
                    found: found.get_ref().clone(),
                    expected: expected.clone(),
                },
            ));
        }
    }
    let mut list = Vec::new();
    for (id, value) in &raw.answers {
        let item = find_item(instrument, &at, id, value, false)?;
        if let Some(answer) = read_answer(&at, item, None, value)? {
            list.push(answer);
        }
    }
    for (section_id, instances) in &raw.repeat {
        let Some(section) = instrument.section(section_id).filter(|s| s.repeat.is_some()) else {
            return Err(at.nowhere(format!("repeat.{section_id}"), Problem::Unknown(section_id.clone())));
        };
        let max = section.repeat.as_ref().map_or(0, |r| r.max) as usize;
        for (n, instance) in instances.iter().enumerate() {
            if n >= max {
                let span = instance.values().next().map_or(0..0, Spanned::span);
                return Err(at.at(
                    span,
                    format!("repeat.{section_id}"),
                    Problem::BadValue {
                        value: instances.len().to_string(),
                        expected: format!("at most {max}"),
                    },
                ));
            }
            for (id, value) in instance {
                let item = find_item(instrument, &at, id, value, true)?;
                if item.section != *section_id {
                    return Err(at.at(value.span(), id.as_str(), Problem::Unknown(id.clone())));
                }
                if let Some(answer) = read_answer(&at, item, Some(n as u32), value)? {
                    list.push(answer);
                }
            }
        }
    }
    Ok(Answers { list, skipped: vec![] }.apply_skip_logic(instrument))
}

fn find_item<'i>(
    instrument: &'i Instrument,
    at: &Locator<'_>,
    id: &str,
    value: &Spanned<Value>,
    repeated: bool,
) -> Result<&'i Item, SpecError> {
    instrument
        .item(id)
        .filter(|i| i.repeated == repeated)
        .ok_or_else(|| at.at(value.span(), id, Problem::Unknown(id.to_owned())))
}

/// One answer: a bare value, or `{ value = …, note = "…", source = "…" }`.
fn read_answer(
    at: &Locator<'_>,
    item: &Item,
    instance: Option<u32>,
    raw: &Spanned<Value>,
) -> Result<Option<RecordedAnswer>, SpecError> {
    let err = |problem: Problem| at.at(raw.span(), item.id.as_str(), problem);
    let (value, note, source) = match raw.get_ref() {
        Value::Table(t) => {
            if let Some(key) = t.keys().find(|k| !["value", "note", "source"].contains(&k.as_str())) {
                return Err(err(Problem::Unknown(key.clone())));
            }
            let note = match t.get("note") {
                Some(Value::String(s)) if !s.trim().is_empty() => Some(limit_text(s)),
                Some(Value::String(_)) | None => None,
                Some(other) => return Err(err(expected(other, "text"))),
            };
            let source = match t.get("source") {
                Some(Value::String(s)) if !s.is_empty() => Some(InformationSource::parse_named(s).map_err(|_| {
                    err(Problem::BadValue {
                        value: s.clone(),
                        expected: names::<InformationSource>(),
                    })
                })?),
                Some(Value::String(_)) | None => None,
                Some(other) => return Err(err(expected(other, "text"))),
            };
            let value = t.get("value").cloned().unwrap_or(Value::String(String::new()));
            (value, note, source)
        }
        other => (other.clone(), None, None),
    };
    let Some(value) = read_value(item, &value).map_err(err)? else {
        return Ok(None);
    };
    Ok(Some(RecordedAnswer {
        item: item.id.clone(),
        instance,
        value,
        note,
        source,
    }))
}

fn names<T: Named>() -> String {
    T::ALL.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
}

fn expected(found: &Value, what: &str) -> Problem {
    Problem::BadValue {
        value: show(found),
        expected: what.to_owned(),
    }
}

/// A value as the person wrote it, near enough, for an error message.
fn show(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Integer(n) => n.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Boolean(b) => b.to_string(),
        Value::Datetime(d) => d.to_string(),
        Value::Array(list) => format!("[{}]", list.iter().map(show).collect::<Vec<_>>().join(", ")),
        Value::Table(_) => "{…}".to_owned(),
    }
}

fn limit_text(s: &str) -> String {
    s.trim().chars().take(MAX_TEXT).collect()
}

/// A value typed at a prompt: a number for number items, comma-separated
/// choices (ids or their 1-based positions) for multiple choice, the text
/// otherwise. `None` when left empty.
pub fn read_typed(item: &Item, line: &str) -> Result<Option<AnswerValue>, Problem> {
    let line = line.trim();
    let by_position = |s: &str| -> String {
        match s.trim().parse::<usize>() {
            Ok(n) if n >= 1 && n <= item.choices.len() => item.choices[n - 1].id.clone(),
            _ => s.trim().to_owned(),
        }
    };
    let special = ["", "unknown", "declined"].contains(&line.to_lowercase().as_str());
    let value = match item.answer {
        _ if special => Value::String(line.to_owned()),
        AnswerKind::Number => match line.parse::<i64>() {
            Ok(n) => Value::Integer(n),
            Err(_) => return Err(expected(&Value::String(line.to_owned()), "a whole number")),
        },
        AnswerKind::MultipleChoice => Value::Array(line.split(',').map(|c| Value::String(by_position(c))).collect()),
        AnswerKind::SingleChoice => Value::String(by_position(line)),
        _ => Value::String(line.to_owned()),
    };
    read_value(item, &value)
}

/// A value for an item, by its answer kind; `None` when left empty.
pub fn read_value(item: &Item, value: &Value) -> Result<Option<AnswerValue>, Problem> {
    if let Value::String(s) = value {
        match s.trim().to_lowercase().as_str() {
            "" => return Ok(None),
            "unknown" => return Ok(Some(AnswerValue::Unknown)),
            "declined" => return Ok(Some(AnswerValue::Declined)),
            _ => {}
        }
    }
    let choice_ids = || {
        item.choices
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let is_choice = |c: &str| item.choices.iter().any(|x| x.id == c);
    let bad = |v: &Value, what: String| Err(expected(v, &what));
    let answer = match (item.answer, value) {
        (AnswerKind::YesNo, Value::String(s)) => match s.trim().to_lowercase().as_str() {
            "yes" | "sí" | "si" => AnswerValue::Yes,
            "no" => AnswerValue::No,
            _ => return bad(value, "yes, no, unknown, declined".into()),
        },
        (AnswerKind::YesNo, Value::Boolean(b)) => {
            if *b {
                AnswerValue::Yes
            } else {
                AnswerValue::No
            }
        }
        (AnswerKind::SingleChoice, Value::String(s)) if is_choice(s.trim()) => AnswerValue::Choice(s.trim().into()),
        (AnswerKind::MultipleChoice, Value::Array(list)) => {
            let mut chosen = Vec::new();
            for v in list {
                match v {
                    Value::String(s) if is_choice(s) => {
                        if !chosen.contains(s) {
                            chosen.push(s.clone());
                        }
                    }
                    other => return bad(other, choice_ids()),
                }
            }
            AnswerValue::Choices(chosen)
        }
        (AnswerKind::SingleChoice | AnswerKind::MultipleChoice, v) => return bad(v, choice_ids()),
        (AnswerKind::Number, Value::Integer(n)) => AnswerValue::Number(*n),
        (AnswerKind::Date, Value::String(s)) => match s.trim().parse::<jiff::civil::Date>() {
            Ok(d) => AnswerValue::Date(d),
            Err(_) => return bad(value, "a date, YYYY-MM-DD".into()),
        },
        (AnswerKind::Date, Value::Datetime(d)) if d.time.is_none() && d.offset.is_none() => {
            match d.to_string().parse::<jiff::civil::Date>() {
                Ok(d) => AnswerValue::Date(d),
                Err(_) => return bad(value, "a date, YYYY-MM-DD".into()),
            }
        }
        (AnswerKind::Text, Value::String(s)) => AnswerValue::Text(limit_text(s)),
        (kind, v) => return bad(v, kind.name().into()),
    };
    Ok(Some(answer))
}
