//! Instruments as data: a versioned TOML file with metadata, sections,
//! items, skip logic, repeated sub-forms, levels and scoring rules. Loading
//! checks everything a typo could break (duplicate ids, references to items,
//! levels and choices that do not exist) so that taking an instrument never
//! fails half-way through a conversation.

use std::collections::HashSet;

use serde::Deserialize;
use sha2::{Digest, Sha256};
use toml::Spanned;

use crate::condition::{Condition, RawCondition};
use crate::error::{Locator, Problem, SpecError};
use crate::scoring::{RawRule, Rule};
use crate::suggest::{RawSuggest, SuggestFrom};
use crate::text::Text;

/// The instrument file format this build reads.
pub const FORMAT: i64 = 1;

/// How an item is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    /// yes / no / unknown / declined.
    YesNo,
    SingleChoice,
    MultipleChoice,
    Number,
    Date,
    Text,
}

impl AnswerKind {
    pub fn name(self) -> &'static str {
        match self {
            AnswerKind::YesNo => "yes_no",
            AnswerKind::SingleChoice => "single_choice",
            AnswerKind::MultipleChoice => "multiple_choice",
            AnswerKind::Number => "number",
            AnswerKind::Date => "date",
            AnswerKind::Text => "text",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub text: Text,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub text: Text,
    pub help: Option<Text>,
    pub answer: AnswerKind,
    pub choices: Vec<Choice>,
    pub show_if: Option<Condition>,
    /// The id of the section holding the item.
    pub section: String,
    /// Whether the section repeats (one instance per account, device…).
    pub repeated: bool,
    /// How the incident log can suggest an answer for the advocate to confirm.
    pub suggest: Option<SuggestFrom>,
}

/// A sub-form asked again for each thing of a kind.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repeat {
    /// What one instance is ("online account").
    pub noun: Text,
    /// The item that names each instance (e.g. which account).
    pub label_item: String,
    pub max: u32,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub show_if: Option<Condition>,
    pub repeat: Option<Repeat>,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub name: Text,
    /// What this level asks of the advocate, in plain words.
    pub meaning: Text,
}

#[derive(Debug, Clone)]
pub struct Instrument {
    pub id: String,
    pub version: String,
    pub rules_version: String,
    pub title: Text,
    pub purpose: Text,
    /// The published research the items rest on.
    pub basis: Text,
    /// What the instrument is not: never a validated predictor unless it is.
    pub caveats: Text,
    pub license: String,
    /// Levels, lowest first.
    pub levels: Vec<Level>,
    pub sections: Vec<Section>,
    pub items: Vec<Item>,
    pub rules: Vec<Rule>,
    /// SHA-256 of the file's bytes: recorded with every result.
    pub sha256: [u8; 32],
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInstrument {
    format: Spanned<i64>,
    id: Spanned<String>,
    version: Spanned<String>,
    rules_version: Spanned<String>,
    title: Spanned<Text>,
    purpose: Spanned<Text>,
    basis: Spanned<Text>,
    caveats: Spanned<Text>,
    license: Spanned<String>,
    levels: Vec<Spanned<Level>>,
    sections: Vec<Spanned<RawSection>>,
    #[serde(default)]
    rules: Vec<Spanned<RawRule>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: String,
    title: Text,
    show_if: Option<Spanned<RawCondition>>,
    repeat: Option<Spanned<Repeat>>,
    items: Vec<Spanned<RawItem>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    text: Text,
    help: Option<Text>,
    answer: AnswerKind,
    #[serde(default)]
    choices: Vec<Choice>,
    show_if: Option<Spanned<RawCondition>>,
    suggest: Option<RawSuggest>,
}

/// Ids are ASCII lower case, digits and `_`/`-`: they go into journal
/// events, answers files and Fluent ids.
pub(crate) fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

impl Instrument {
    /// Parses and checks an instrument file. `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Instrument, SpecError> {
        let at = Locator::new(file, text);
        let raw: RawInstrument = at.toml()?;
        at.check_format(&raw.format, FORMAT)?;
        for (field, value) in [
            ("id", &raw.id),
            ("version", &raw.version),
            ("rules_version", &raw.rules_version),
            ("license", &raw.license),
        ] {
            if value.get_ref().trim().is_empty() {
                return Err(at.at(value.span(), field, Problem::Missing));
            }
        }
        if !is_id(raw.id.get_ref()) {
            return Err(bad_id(&at, raw.id.span(), "id", raw.id.get_ref()));
        }
        for (field, value) in [
            ("title", &raw.title),
            ("purpose", &raw.purpose),
            ("basis", &raw.basis),
            ("caveats", &raw.caveats),
        ] {
            if !value.get_ref().is_complete() {
                return Err(at.at(value.span(), field, Problem::Missing));
            }
        }
        let levels = check_levels(&at, raw.levels)?;
        let (sections, items) = check_sections(&at, raw.sections)?;
        let level_ids: Vec<&str> = levels.iter().map(|l| l.id.as_str()).collect();
        let mut rule_ids = HashSet::new();
        let mut rules = Vec::new();
        for rule in raw.rules {
            let span = rule.span();
            let rule = rule.into_inner();
            if !rule_ids.insert(rule.id.clone()) {
                return Err(at.at(span, "rules.id", Problem::Duplicate(rule.id)));
            }
            rules.push(
                rule.check(&items, &level_ids)
                    .map_err(|(field, p)| at.at(span.clone(), field, p))?,
            );
        }
        Ok(Instrument {
            id: raw.id.into_inner(),
            version: raw.version.into_inner(),
            rules_version: raw.rules_version.into_inner(),
            title: raw.title.into_inner(),
            purpose: raw.purpose.into_inner(),
            basis: raw.basis.into_inner(),
            caveats: raw.caveats.into_inner(),
            license: raw.license.into_inner(),
            levels,
            sections,
            items,
            rules,
            sha256: Sha256::digest(text.as_bytes()).into(),
        })
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Position of a level, lowest 0.
    pub fn level_rank(&self, id: &str) -> Option<usize> {
        self.levels.iter().position(|l| l.id == id)
    }

    pub fn level(&self, id: &str) -> Option<&Level> {
        self.levels.iter().find(|l| l.id == id)
    }
}

fn bad_id(at: &Locator<'_>, span: std::ops::Range<usize>, field: &str, value: &str) -> SpecError {
    at.at(
        span,
        field,
        Problem::BadValue {
            value: value.to_owned(),
            expected: "a-z, 0-9, _ and -".into(),
        },
    )
}

fn check_levels(at: &Locator<'_>, raw: Vec<Spanned<Level>>) -> Result<Vec<Level>, SpecError> {
    let mut seen = HashSet::new();
    let mut levels = Vec::new();
    for level in raw {
        let span = level.span();
        let level = level.into_inner();
        if !is_id(&level.id) {
            return Err(bad_id(at, span, "levels.id", &level.id));
        }
        if !seen.insert(level.id.clone()) {
            return Err(at.at(span, "levels.id", Problem::Duplicate(level.id)));
        }
        if !level.name.is_complete() || !level.meaning.is_complete() {
            return Err(at.at(span, "levels.name", Problem::Missing));
        }
        levels.push(level);
    }
    if levels.is_empty() {
        return Err(at.nowhere("levels", Problem::Missing));
    }
    Ok(levels)
}

/// Checks sections and items in two passes: ids first, so a condition may
/// refer to any item of the instrument, then the conditions.
fn check_sections(at: &Locator<'_>, raw: Vec<Spanned<RawSection>>) -> Result<(Vec<Section>, Vec<Item>), SpecError> {
    let mut item_ids = HashSet::new();
    let mut section_ids = HashSet::new();
    for section in &raw {
        let s = section.get_ref();
        if !is_id(&s.id) {
            return Err(bad_id(at, section.span(), "sections.id", &s.id));
        }
        if !section_ids.insert(s.id.clone()) {
            return Err(at.at(section.span(), "sections.id", Problem::Duplicate(s.id.clone())));
        }
        for item in &s.items {
            let id = &item.get_ref().id;
            if !is_id(id) {
                return Err(bad_id(at, item.span(), "items.id", id));
            }
            if !item_ids.insert(id.clone()) {
                return Err(at.at(item.span(), "items.id", Problem::Duplicate(id.clone())));
            }
        }
    }
    if item_ids.is_empty() {
        return Err(at.nowhere("sections.items", Problem::Missing));
    }
    let known = |id: &str| item_ids.contains(id);
    let condition = |c: Option<Spanned<RawCondition>>, field: &str| -> Result<Option<Condition>, SpecError> {
        c.map(|c| c.get_ref().check(&known).map_err(|p| at.at(c.span(), field, p)))
            .transpose()
    };
    let (mut sections, mut items) = (Vec::new(), Vec::new());
    for section in raw {
        let span = section.span();
        let s = section.into_inner();
        if !s.title.is_complete() {
            return Err(at.at(span, "sections.title", Problem::Missing));
        }
        let repeat = match s.repeat {
            Some(r) => {
                let (rspan, r) = (r.span(), r.into_inner());
                let labels = s.items.iter().any(|i| i.get_ref().id == r.label_item);
                if !labels {
                    return Err(at.at(rspan, "repeat.label_item", Problem::Unknown(r.label_item)));
                }
                if r.max == 0 || !r.noun.is_complete() {
                    return Err(at.at(rspan, "repeat.max", Problem::Missing));
                }
                Some(r)
            }
            None => None,
        };
        let mut ids = Vec::new();
        for item in s.items {
            let ispan = item.span();
            let i = item.into_inner();
            if !i.text.is_complete() || i.help.as_ref().is_some_and(|h| !h.is_complete()) {
                return Err(at.at(ispan, "items.text", Problem::Missing));
            }
            let has_choices = matches!(i.answer, AnswerKind::SingleChoice | AnswerKind::MultipleChoice);
            if has_choices == i.choices.is_empty() {
                return Err(at.at(
                    ispan,
                    "items.choices",
                    Problem::BadValue {
                        value: i.answer.name().into(),
                        expected: "choices for single_choice and multiple_choice items only".into(),
                    },
                ));
            }
            let mut choice_ids = HashSet::new();
            for c in &i.choices {
                if !is_id(&c.id)
                    || !c.text.is_complete()
                    || ["yes", "no", "unknown", "declined"].contains(&c.id.as_str())
                {
                    return Err(bad_id(at, ispan.clone(), "items.choices.id", &c.id));
                }
                if !choice_ids.insert(c.id.clone()) {
                    return Err(at.at(ispan.clone(), "items.choices.id", Problem::Duplicate(c.id.clone())));
                }
            }
            let suggest = match &i.suggest {
                Some(raw) if i.answer == AnswerKind::YesNo => {
                    Some(raw.check().map_err(|p| at.at(ispan.clone(), "items.suggest", p))?)
                }
                Some(_) => {
                    let problem = Problem::BadValue {
                        value: i.answer.name().into(),
                        expected: "yes_no".into(),
                    };
                    return Err(at.at(ispan, "items.suggest", problem));
                }
                None => None,
            };
            ids.push(i.id.clone());
            items.push(Item {
                suggest,
                show_if: condition(i.show_if, "items.show_if")?,
                id: i.id,
                text: i.text,
                help: i.help,
                answer: i.answer,
                choices: i.choices,
                section: s.id.clone(),
                repeated: repeat.is_some(),
            });
        }
        sections.push(Section {
            show_if: condition(s.show_if, "sections.show_if")?,
            id: s.id,
            title: s.title,
            repeat,
            items: ids,
        });
    }
    Ok((sections, items))
}
