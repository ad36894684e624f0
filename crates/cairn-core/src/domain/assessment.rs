//! Assessments and safety plans as the journal records them.
//!
//! An assessment is a structured conversation with the survivor, scored by
//! the rules of a named, versioned instrument; the event keeps everything
//! needed to reproduce the result from the instrument file (its id, version,
//! rule-set version and SHA-256), the answers as given, and what the scoring
//! found. A plan is what the survivor chose: every option offered, with
//! their decision, in their order of priorities. Both are data, not prose:
//! the wording lives in the instrument and plan-rule files and the interfaces.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::names::named_enum;
use crate::merkle::Hash;

named_enum!(
    /// Who the information behind an answer came from.
    InformationSource, "source of information" {
        Survivor = "survivor",
        Advocate = "advocate",
        Records = "records",
        ThirdParty = "third_party",
        Other = "other",
    }
);

named_enum!(
    /// What the survivor decided about one plan option.
    PlanDecision, "decision" {
        Adopted = "adopted",
        Declined = "declined",
        Later = "later",
    }
);

/// One answer's value. Numbers are integers: events are hashed in RFC 8785
/// form, where floats would be a source of disagreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum AnswerValue {
    Yes,
    No,
    Unknown,
    /// The person chose not to answer; never scored as yes or no.
    Declined,
    Choice(String),
    Choices(Vec<String>),
    Number(i64),
    Date(Date),
    Text(String),
}

impl AnswerValue {
    pub fn is_yes(&self) -> bool {
        matches!(self, AnswerValue::Yes)
    }
}

/// One answered item. `instance` numbers the repetition of a repeated
/// sub-form (one per online account or device), from 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedAnswer {
    pub item: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<u32>,
    pub value: AnswerValue,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<InformationSource>,
}

/// A professional's judgement that the level is higher than the rules found.
/// It may only raise a level, and the reason is part of the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelOverride {
    /// The level the rules gave.
    pub from: String,
    pub to: String,
    pub reason: String,
}

/// One instrument taken once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentRecorded {
    pub instrument: String,
    pub instrument_version: String,
    pub rules_version: String,
    /// SHA-256 of the instrument file's bytes: the exact rules applied.
    pub instrument_sha256: Hash,
    pub answers: Vec<RecordedAnswer>,
    /// Totals of the weighted-sum and count rules, by rule id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scores: BTreeMap<String, i64>,
    /// The level after any override.
    pub level: String,
    /// Rules that fired, by id, in the instrument's order.
    pub triggered: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_override: Option<LevelOverride>,
}

/// One option as offered, and what the survivor decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanChoice {
    /// The plan rule's option id (`enable_two_factor`…).
    pub option: String,
    pub category: String,
    pub decision: PlanDecision,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One version of a case's safety plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanRecorded {
    /// 1 for the first plan of the case, then one more per revision.
    pub version: u32,
    pub rules: String,
    pub rules_version: String,
    /// Journal positions of the assessments the options came from.
    pub based_on: Vec<u64>,
    /// The survivor's priorities, most important first.
    pub priorities: Vec<String>,
    /// Options in the order shown to the survivor.
    pub options: Vec<PlanChoice>,
}
