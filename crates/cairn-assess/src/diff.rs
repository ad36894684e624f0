//! What changed between two assessments with the same instrument: the level,
//! rules that fired or stopped firing, and answers that differ.

use cairn_core::{AnswerValue, AssessmentRecorded};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerChange {
    pub item: String,
    pub instance: Option<u32>,
    pub before: Option<AnswerValue>,
    pub after: Option<AnswerValue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    /// `(before, after)` when the level moved.
    pub level: Option<(String, String)>,
    pub rules_now_triggered: Vec<String>,
    pub rules_no_longer_triggered: Vec<String>,
    pub answers: Vec<AnswerChange>,
    /// The instrument or its rules changed version between the two, so a
    /// different level may come from the rules, not the person's situation.
    pub rules_changed: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.level.is_none()
            && self.rules_now_triggered.is_empty()
            && self.rules_no_longer_triggered.is_empty()
            && self.answers.is_empty()
    }
}

pub fn changes(before: &AssessmentRecorded, after: &AssessmentRecorded) -> Changes {
    let level = (before.level != after.level).then(|| (before.level.clone(), after.level.clone()));
    let newly = |a: &[String], b: &[String]| a.iter().filter(|r| !b.contains(r)).cloned().collect();
    let key = |a: &cairn_core::RecordedAnswer| (a.item.clone(), a.instance);
    let mut keys: Vec<(String, Option<u32>)> = before.answers.iter().chain(&after.answers).map(key).collect();
    let mut seen = std::collections::HashSet::new();
    keys.retain(|k| seen.insert(k.clone()));
    let find = |list: &[cairn_core::RecordedAnswer], k: &(String, Option<u32>)| {
        list.iter().find(|a| key(a) == *k).map(|a| a.value.clone())
    };
    let answers = keys
        .into_iter()
        .filter_map(|k| {
            let (b, a) = (find(&before.answers, &k), find(&after.answers, &k));
            (b != a).then_some(AnswerChange {
                item: k.0,
                instance: k.1,
                before: b,
                after: a,
            })
        })
        .collect();
    Changes {
        level,
        rules_now_triggered: newly(&after.triggered, &before.triggered),
        rules_no_longer_triggered: newly(&before.triggered, &after.triggered),
        answers,
        rules_changed: before.instrument_version != after.instrument_version
            || before.rules_version != after.rules_version,
    }
}
