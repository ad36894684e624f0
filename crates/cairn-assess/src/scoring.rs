//! Scoring models. Each rule reads the answers and may fire; the result's
//! level is the highest level any fired rule gives (the lowest level when
//! none fires). Unanswered, unknown and declined items never count as yes:
//! a missing answer must not raise or lower anyone's level by itself.
//!
//! - `gate`: any of `items` answered yes, or `when` holds → `level`, whatever
//!   else is answered.
//! - `any_yes`: a screen: any of `items` yes → `level`.
//! - `k_of_n`: at least `k` of `items` yes → `level`.
//! - `weighted`: the sum of `weights` of items answered yes, banded.
//! - `count`: how many yes answers among `items` (each instance of a
//!   repeated sub-form counts), banded.

use std::collections::{BTreeMap, HashSet};

use cairn_core::LevelOverride;
use serde::Deserialize;

use crate::answers::Answers;
use crate::condition::{Condition, RawCondition};
use crate::error::Problem;
use crate::instrument::{AnswerKind, Instrument, Item};
use crate::text::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Model {
    Gate,
    AnyYes,
    KOfN,
    Weighted,
    Count,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub min: i64,
    pub level: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRule {
    pub id: String,
    model: Model,
    #[serde(default)]
    items: Vec<String>,
    when: Option<RawCondition>,
    k: Option<usize>,
    level: Option<String>,
    #[serde(default)]
    weights: BTreeMap<String, i64>,
    #[serde(default)]
    bands: Vec<Band>,
    why: Text,
}

/// A checked scoring rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub model: Model,
    pub items: Vec<String>,
    pub when: Option<Condition>,
    pub k: usize,
    pub level: Option<String>,
    pub weights: BTreeMap<String, i64>,
    /// Lowest `min` first.
    pub bands: Vec<Band>,
    /// Why this rule matters, shown when it fires.
    pub why: Text,
}

type RuleError = (&'static str, Problem);

impl RawRule {
    pub(crate) fn check(self, items: &[Item], levels: &[&str]) -> Result<Rule, RuleError> {
        let is_yes_no = |id: &str| items.iter().any(|i| i.id == id && i.answer == AnswerKind::YesNo);
        let exists = |id: &str| items.iter().any(|i| i.id == id);
        if !crate::instrument::is_id(&self.id) || !self.why.is_complete() {
            return Err(("rules.id", Problem::Missing));
        }
        for id in self.items.iter().chain(self.weights.keys()) {
            if !is_yes_no(id) {
                return Err(("rules.items", Problem::Unknown(id.clone())));
            }
        }
        let level_known = |l: &str| levels.contains(&l);
        if let Some(level) = &self.level
            && !level_known(level)
        {
            return Err(("rules.level", Problem::Unknown(level.clone())));
        }
        let when = self
            .when
            .as_ref()
            .map(|c| c.check(&exists))
            .transpose()
            .map_err(|p| ("rules.when", p))?;
        let needs_level = matches!(self.model, Model::Gate | Model::AnyYes | Model::KOfN);
        if needs_level && self.level.is_none() {
            return Err(("rules.level", Problem::Missing));
        }
        let needs_items = match self.model {
            Model::Gate => when.is_none(),
            Model::Weighted => false,
            _ => true,
        };
        if needs_items && self.items.is_empty() {
            return Err(("rules.items", Problem::Missing));
        }
        if self.model == Model::Weighted && self.weights.is_empty() {
            return Err(("rules.weights", Problem::Missing));
        }
        let k = match self.model {
            Model::KOfN => match self.k {
                Some(k) if k >= 1 && k <= self.items.len() => k,
                other => {
                    return Err((
                        "rules.k",
                        Problem::BadValue {
                            value: other.map_or("-".into(), |k| k.to_string()),
                            expected: format!("1 to {}", self.items.len()),
                        },
                    ));
                }
            },
            _ => 0,
        };
        let banded = matches!(self.model, Model::Weighted | Model::Count);
        if banded == self.bands.is_empty() {
            return Err(("rules.bands", Problem::Missing));
        }
        let mut bands = self.bands;
        bands.sort_by_key(|b| b.min);
        let mut mins = HashSet::new();
        for band in &bands {
            if !level_known(&band.level) {
                return Err(("rules.bands.level", Problem::Unknown(band.level.clone())));
            }
            if !mins.insert(band.min) {
                return Err(("rules.bands.min", Problem::Duplicate(band.min.to_string())));
            }
        }
        Ok(Rule {
            id: self.id,
            model: self.model,
            items: self.items,
            when,
            k,
            level: self.level,
            weights: self.weights,
            bands,
            why: self.why,
        })
    }
}

/// What the rules found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    /// Totals of weighted and count rules, by rule id.
    pub scores: BTreeMap<String, i64>,
    /// The level the rules give, before any override.
    pub level: String,
    pub triggered: Vec<String>,
}

impl Rule {
    /// The level this rule gives, if it fires, and its total if it has one.
    fn apply(&self, answers: &Answers, lowest: &str) -> (Option<String>, Option<i64>) {
        let yes = |id: &String| answers.values(id).iter().any(|v| v.is_yes());
        match self.model {
            Model::Gate | Model::AnyYes => {
                let when = self.when.as_ref().is_some_and(|c| c.holds(&|i| answers.values(i)));
                let fired = when || self.items.iter().any(yes);
                (fired.then(|| self.level.clone()).flatten(), None)
            }
            Model::KOfN => {
                let count = self.items.iter().filter(|i| yes(i)).count();
                ((count >= self.k).then(|| self.level.clone()).flatten(), None)
            }
            Model::Weighted => {
                let total: i64 = self.weights.iter().filter(|(i, _)| yes(i)).map(|(_, w)| *w).sum();
                (self.band(total, lowest), Some(total))
            }
            Model::Count => {
                let total = self
                    .items
                    .iter()
                    .map(|i| answers.values(i).iter().filter(|v| v.is_yes()).count() as i64)
                    .sum();
                (self.band(total, lowest), Some(total))
            }
        }
    }

    /// The highest band reached; a band at the lowest level does not fire.
    fn band(&self, total: i64, lowest: &str) -> Option<String> {
        self.bands
            .iter()
            .rev()
            .find(|b| total >= b.min)
            .filter(|b| b.level != lowest)
            .map(|b| b.level.clone())
    }
}

/// Scores answers already checked against the instrument.
pub fn score(instrument: &Instrument, answers: &Answers) -> Scored {
    let lowest = instrument.levels[0].id.as_str();
    let mut level = lowest.to_owned();
    let mut rank = 0;
    let mut scores = BTreeMap::new();
    let mut triggered = Vec::new();
    for rule in &instrument.rules {
        let (fired, total) = rule.apply(answers, lowest);
        if let Some(total) = total {
            scores.insert(rule.id.clone(), total);
        }
        if let Some(fired) = fired {
            triggered.push(rule.id.clone());
            let r = instrument.level_rank(&fired).unwrap_or(0);
            if r > rank {
                rank = r;
                level = fired;
            }
        }
    }
    Scored {
        scores,
        level,
        triggered,
    }
}

/// A professional override: only to a higher level, and only with a reason.
pub fn override_level(
    instrument: &Instrument,
    computed: &str,
    to: &str,
    reason: &str,
) -> Result<LevelOverride, (&'static str, Problem)> {
    let Some(to_rank) = instrument.level_rank(to) else {
        return Err(("override", Problem::Unknown(to.to_owned())));
    };
    if reason.trim().is_empty() {
        return Err(("override_reason", Problem::Missing));
    }
    if to_rank <= instrument.level_rank(computed).unwrap_or(0) {
        return Err((
            "override",
            Problem::OverrideNotHigher {
                from: computed.to_owned(),
                to: to.to_owned(),
            },
        ));
    }
    Ok(LevelOverride {
        from: computed.to_owned(),
        to: to.to_owned(),
        reason: reason.trim().to_owned(),
    })
}

#[cfg(test)]
#[path = "scoring_tests.rs"]
mod tests;
