//! Safety-plan rules as data: conditions over what the case knows (answers
//! to assessments, the levels they reached, device-check outcomes) offer
//! options, each with a category, the why, steps, cautions beside the risky
//! steps and linked resources. Options are offered, never ordered: the
//! survivor decides, and the list follows their priorities.

use std::collections::{BTreeMap, HashSet};

use cairn_core::{AnswerValue, AssessmentRecorded};
use serde::Deserialize;
use toml::Spanned;

use crate::condition::{Condition, RawCondition};
use crate::error::{Locator, Problem, SpecError};
use crate::instrument::{Instrument, is_id};
use crate::text::Text;

/// The plan-rules file format this build reads.
pub const FORMAT: i64 = 1;

/// Option categories; their names are what the journal stores and the
/// translations key on (`plan-category-…`).
pub const CATEGORIES: &[&str] = &[
    "emergency",
    "digital_security",
    "location_privacy",
    "accounts",
    "devices",
    "finances",
    "children",
    "legal",
    "trafficking",
    "emotional_support",
];

/// What a survivor may rank (`plan-priority-…`).
pub const PRIORITIES: &[&str] = &[
    "safety",
    "children",
    "privacy",
    "resources",
    "relationship",
    "housing",
    "work",
];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub text: Text,
    /// Shown beside the step: what doing it may set off, and how to plan for it.
    pub caution: Option<Text>,
}

#[derive(Debug, Clone)]
pub struct PlanOption {
    pub id: String,
    pub category: String,
    pub title: Text,
    pub why: Text,
    pub steps: Vec<Step>,
    pub resources: Vec<String>,
    /// The priorities this option serves.
    pub serves: Vec<String>,
    /// Offered first when any assessment reached its highest level.
    pub urgent: bool,
    offer: Offer,
}

#[derive(Debug, Clone)]
enum Offer {
    Always,
    When {
        condition: Option<Condition>,
        /// instrument id → the lowest level at which the option is offered.
        levels: BTreeMap<String, String>,
    },
}

#[derive(Debug, Clone)]
pub struct PlanRules {
    pub id: String,
    pub version: String,
    pub options: Vec<PlanOption>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    format: Spanned<i64>,
    id: String,
    version: String,
    options: Vec<Spanned<RawOption>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    id: String,
    category: String,
    title: Text,
    why: Text,
    steps: Vec<Step>,
    #[serde(default)]
    resources: Vec<String>,
    #[serde(default)]
    serves: Vec<String>,
    #[serde(default)]
    urgent: bool,
    #[serde(default)]
    always: bool,
    when: Option<RawCondition>,
    #[serde(default)]
    levels: BTreeMap<String, String>,
}

/// Facts a plan is built from. Items are named `instrument:item`; device
/// checks add `scan:concerns` (yes when any check found concerns).
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub values: Vec<(String, AnswerValue)>,
    /// instrument id → level rank reached (0 lowest) and whether it is the top.
    pub levels: BTreeMap<String, (usize, bool)>,
}

impl Facts {
    /// Facts from the latest assessment of each instrument; `instruments`
    /// tell how high each level is.
    pub fn from_assessments(latest: &[AssessmentRecorded], instruments: &[Instrument]) -> Facts {
        let mut facts = Facts::default();
        for a in latest {
            for answer in &a.answers {
                facts
                    .values
                    .push((format!("{}:{}", a.instrument, answer.item), answer.value.clone()));
            }
            if let Some((r, of)) = level_rank(instruments, &a.instrument, &a.level) {
                facts.levels.insert(a.instrument.clone(), (r, r + 1 == of));
            }
        }
        facts
    }

    fn lookup(&self, key: &str) -> Vec<&AnswerValue> {
        self.values.iter().filter(|(k, _)| k == key).map(|(_, v)| v).collect()
    }

    fn high_danger(&self) -> bool {
        self.levels.values().any(|(_, top)| *top)
    }
}

impl PlanRules {
    pub fn parse(file: &str, text: &str) -> Result<PlanRules, SpecError> {
        let at = Locator::new(file, text);
        let raw: RawRules = at.toml()?;
        at.check_format(&raw.format, FORMAT)?;
        let mut seen = HashSet::new();
        let mut options = Vec::new();
        for option in raw.options {
            let span = option.span();
            let o = option.into_inner();
            let err = |field: &str, p: Problem| at.at(span.clone(), field, p);
            if !is_id(&o.id) {
                return Err(err(
                    "options.id",
                    Problem::BadValue {
                        value: o.id,
                        expected: "a-z, 0-9, _ and -".into(),
                    },
                ));
            }
            if !seen.insert(o.id.clone()) {
                return Err(err("options.id", Problem::Duplicate(o.id)));
            }
            if !CATEGORIES.contains(&o.category.as_str()) {
                return Err(err(
                    "options.category",
                    Problem::BadValue {
                        value: o.category,
                        expected: CATEGORIES.join(", "),
                    },
                ));
            }
            if let Some(p) = o.serves.iter().find(|p| !PRIORITIES.contains(&p.as_str())) {
                return Err(err(
                    "options.serves",
                    Problem::BadValue {
                        value: p.clone(),
                        expected: PRIORITIES.join(", "),
                    },
                ));
            }
            let complete = o.title.is_complete()
                && o.why.is_complete()
                && !o.steps.is_empty()
                && o.steps
                    .iter()
                    .all(|s| s.text.is_complete() && s.caution.as_ref().is_none_or(Text::is_complete));
            if !complete {
                return Err(err("options.steps", Problem::Missing));
            }
            // Items are `instrument:item`; which instruments exist is up to
            // the agency, so only the shape is checked here.
            let condition = o
                .when
                .as_ref()
                .map(|c| {
                    c.check(&|item| {
                        item.split_once(':')
                            .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
                    })
                })
                .transpose()
                .map_err(|p| err("options.when", p))?;
            let offer = match (o.always, condition, o.levels.is_empty()) {
                (true, None, true) => Offer::Always,
                (false, condition, levels_empty) if condition.is_some() || !levels_empty => Offer::When {
                    condition,
                    levels: o.levels,
                },
                _ => {
                    return Err(err(
                        "options.when",
                        Problem::BadValue {
                            value: "always".into(),
                            expected: "always = true, or when and/or levels".into(),
                        },
                    ));
                }
            };
            options.push(PlanOption {
                id: o.id,
                category: o.category,
                title: o.title,
                why: o.why,
                steps: o.steps,
                resources: o.resources,
                serves: o.serves,
                urgent: o.urgent,
                offer,
            });
        }
        Ok(PlanRules {
            id: raw.id,
            version: raw.version,
            options,
        })
    }

    /// The options that apply, ordered: urgent ones first when any
    /// assessment reached its highest level, then by the survivor's
    /// priorities (most important first), then in file order.
    pub fn build<'r>(
        &'r self,
        facts: &Facts,
        instruments: &[Instrument],
        priorities: &[String],
    ) -> Vec<&'r PlanOption> {
        let high = facts.high_danger();
        let mut offered: Vec<(usize, &PlanOption)> = self
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.applies(facts, instruments))
            .collect();
        let priority_rank = |o: &PlanOption| {
            o.serves
                .iter()
                .filter_map(|s| priorities.iter().position(|p| p == s))
                .min()
                .unwrap_or(priorities.len())
        };
        offered.sort_by_key(|(n, o)| (!(high && o.urgent), priority_rank(o), *n));
        offered.into_iter().map(|(_, o)| o).collect()
    }

    pub fn option(&self, id: &str) -> Option<&PlanOption> {
        self.options.iter().find(|o| o.id == id)
    }
}

impl PlanOption {
    fn applies(&self, facts: &Facts, instruments: &[Instrument]) -> bool {
        match &self.offer {
            Offer::Always => true,
            Offer::When { condition, levels } => {
                let by_condition = condition.as_ref().is_some_and(|c| c.holds(&|k| facts.lookup(k)));
                let by_level = levels.iter().any(|(instrument, level)| {
                    let reached = facts.levels.get(instrument).map(|(r, _)| *r);
                    let min = level_rank(instruments, instrument, level).map(|(r, _)| r);
                    matches!((reached, min), (Some(r), Some(min)) if r >= min)
                });
                by_condition || by_level
            }
        }
    }
}

/// A level's position (lowest 0) and how many levels the instrument has.
fn level_rank(instruments: &[Instrument], instrument: &str, level: &str) -> Option<(usize, usize)> {
    let i = instruments.iter().find(|i| i.id == instrument)?;
    Some((i.level_rank(level)?, i.levels.len()))
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
