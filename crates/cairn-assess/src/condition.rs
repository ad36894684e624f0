//! Conditions over answers, shared by skip logic, scoring gates and plan
//! rules. In TOML a condition is a small table:
//! `{ item = "weapon", is = "yes" }`, `{ item = "role", in = ["a", "b"] }`,
//! `{ item = "age", below = 18 }`, `{ item = "age", at_least = 18 }`,
//! `{ item = "devices", includes = "phone" }`, `{ all = [...] }`,
//! `{ any = [...] }`, `{ not = {...} }`.

use cairn_core::AnswerValue;
use serde::Deserialize;

use crate::error::Problem;

/// A condition as written, checked into [`Condition`] by the file's parser.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCondition {
    item: Option<String>,
    is: Option<String>,
    #[serde(rename = "in")]
    among: Option<Vec<String>>,
    below: Option<i64>,
    at_least: Option<i64>,
    includes: Option<String>,
    all: Option<Vec<RawCondition>>,
    any: Option<Vec<RawCondition>>,
    not: Option<Box<RawCondition>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Test {
    /// yes, no, unknown, declined, or a single-choice id.
    Is(String),
    In(Vec<String>),
    Below(i64),
    AtLeast(i64),
    Includes(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    Item { item: String, test: Test },
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

const SHAPES: &str = "item + is|in|below|at_least|includes, or all, any, not";

impl RawCondition {
    /// Checks the shape: exactly one kind of test. `known` says whether an
    /// item id exists, so a typo is caught when the file is loaded.
    pub(crate) fn check(&self, known: &dyn Fn(&str) -> bool) -> Result<Condition, Problem> {
        let tests = [
            self.is.as_ref().map(|v| Test::Is(v.clone())),
            self.among.as_ref().map(|v| Test::In(v.clone())),
            self.below.map(Test::Below),
            self.at_least.map(Test::AtLeast),
            self.includes.as_ref().map(|v| Test::Includes(v.clone())),
        ];
        let mut tests: Vec<Test> = tests.into_iter().flatten().collect();
        let groups =
            usize::from(self.all.is_some()) + usize::from(self.any.is_some()) + usize::from(self.not.is_some());
        let shape_error = || Problem::BadValue {
            value: "condition".into(),
            expected: SHAPES.into(),
        };
        match (&self.item, tests.len(), groups) {
            (Some(item), 1, 0) => {
                if !known(item) {
                    return Err(Problem::Unknown(item.clone()));
                }
                Ok(Condition::Item {
                    item: item.clone(),
                    test: tests.remove(0),
                })
            }
            (None, 0, 1) => {
                let list = |v: &Vec<RawCondition>| v.iter().map(|c| c.check(known)).collect::<Result<Vec<_>, _>>();
                if let Some(all) = &self.all {
                    Ok(Condition::All(list(all)?))
                } else if let Some(any) = &self.any {
                    Ok(Condition::Any(list(any)?))
                } else if let Some(not) = &self.not {
                    Ok(Condition::Not(Box::new(not.check(known)?)))
                } else {
                    Err(shape_error())
                }
            }
            _ => Err(shape_error()),
        }
    }
}

impl Test {
    fn matches(&self, value: &AnswerValue) -> bool {
        match (self, value) {
            (Test::Is(want), v) => plain_name(v).is_some_and(|n| n == want),
            (Test::In(wants), v) => plain_name(v).is_some_and(|n| wants.iter().any(|w| w == n)),
            (Test::Below(limit), AnswerValue::Number(n)) => n < limit,
            (Test::AtLeast(limit), AnswerValue::Number(n)) => n >= limit,
            (Test::Includes(want), AnswerValue::Choices(chosen)) => chosen.contains(want),
            (Test::Includes(want), AnswerValue::Choice(chosen)) => chosen == want,
            _ => false,
        }
    }
}

/// The name a yes/no/unknown/declined or single-choice answer compares by.
fn plain_name(value: &AnswerValue) -> Option<&str> {
    match value {
        AnswerValue::Yes => Some("yes"),
        AnswerValue::No => Some("no"),
        AnswerValue::Unknown => Some("unknown"),
        AnswerValue::Declined => Some("declined"),
        AnswerValue::Choice(c) => Some(c),
        _ => None,
    }
}

impl Condition {
    /// True when any value `lookup` gives for an item passes its test (an
    /// item in a repeated sub-form has one value per instance).
    pub fn holds<'a>(&self, lookup: &dyn Fn(&str) -> Vec<&'a AnswerValue>) -> bool {
        match self {
            Condition::Item { item, test } => lookup(item).into_iter().any(|v| test.matches(v)),
            Condition::All(all) => all.iter().all(|c| c.holds(lookup)),
            Condition::Any(any) => any.iter().any(|c| c.holds(lookup)),
            Condition::Not(inner) => !inner.holds(lookup),
        }
    }

    /// Every item the condition reads.
    pub fn items(&self) -> Vec<&str> {
        match self {
            Condition::Item { item, .. } => vec![item.as_str()],
            Condition::All(list) | Condition::Any(list) => list.iter().flat_map(|c| c.items()).collect(),
            Condition::Not(inner) => inner.items(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `condition` (a TOML inline table), evaluates it over
    /// `answers` (`item=value` pairs; numbers parse as numbers, `a|b` as a
    /// multiple choice) and compares with `expected`.
    fn check(condition: &str, answers: &[(&str, &str)], expected: bool) {
        #[derive(Deserialize)]
        struct Wrap {
            c: RawCondition,
        }
        let raw: Wrap = toml::from_str(&format!("c = {condition}")).unwrap();
        let cond = raw.c.check(&|_| true).unwrap();
        let values: Vec<(&str, AnswerValue)> = answers
            .iter()
            .map(|(k, v)| {
                let value = match (*v, v.parse::<i64>()) {
                    (_, Ok(n)) => AnswerValue::Number(n),
                    ("yes", _) => AnswerValue::Yes,
                    ("no", _) => AnswerValue::No,
                    ("declined", _) => AnswerValue::Declined,
                    (v, _) if v.contains('|') => AnswerValue::Choices(v.split('|').map(String::from).collect()),
                    (v, _) => AnswerValue::Choice(v.to_owned()),
                };
                (*k, value)
            })
            .collect();
        let lookup = |item: &str| values.iter().filter(|(k, _)| *k == item).map(|(_, v)| v).collect();
        assert_eq!(cond.holds(&lookup), expected, "{condition} over {answers:?}");
    }

    #[test]
    fn conditions_over_answers() {
        check(r#"{ item = "a", is = "yes" }"#, &[("a", "yes")], true);
        check(r#"{ item = "a", is = "yes" }"#, &[("a", "no")], false);
        check(r#"{ item = "a", is = "yes" }"#, &[], false);
        check(r#"{ item = "a", is = "yes" }"#, &[("a", "declined")], false);
        check(r#"{ item = "a", is = "yes" }"#, &[("a", "no"), ("a", "yes")], true);
        check(r#"{ item = "a", in = ["x", "y"] }"#, &[("a", "y")], true);
        check(r#"{ item = "a", in = ["x", "y"] }"#, &[("a", "z")], false);
        check(r#"{ item = "age", below = 18 }"#, &[("age", "17")], true);
        check(r#"{ item = "age", below = 18 }"#, &[("age", "18")], false);
        check(r#"{ item = "age", at_least = 18 }"#, &[("age", "18")], true);
        check(r#"{ item = "age", below = 18 }"#, &[("age", "yes")], false);
        check(r#"{ item = "d", includes = "phone" }"#, &[("d", "phone|car")], true);
        check(r#"{ item = "d", includes = "phone" }"#, &[("d", "tablet|car")], false);
        check(
            r#"{ all = [{ item = "a", is = "yes" }, { item = "b", is = "yes" }] }"#,
            &[("a", "yes"), ("b", "no")],
            false,
        );
        check(
            r#"{ any = [{ item = "a", is = "yes" }, { item = "b", is = "yes" }] }"#,
            &[("a", "no"), ("b", "yes")],
            true,
        );
        check(r#"{ not = { item = "a", is = "yes" } }"#, &[], true);
    }

    #[test]
    fn malformed_conditions_are_refused() {
        #[derive(Deserialize)]
        struct Wrap {
            c: RawCondition,
        }
        for text in [
            r#"{ item = "a" }"#,
            r#"{ item = "a", is = "yes", below = 3 }"#,
            r#"{ is = "yes" }"#,
            r#"{ item = "a", is = "yes", all = [] }"#,
        ] {
            let raw: Wrap = toml::from_str(&format!("c = {text}")).unwrap();
            assert!(raw.c.check(&|_| true).is_err(), "{text}");
        }
        let raw: Wrap = toml::from_str(r#"c = { item = "nope", is = "yes" }"#).unwrap();
        assert_eq!(raw.c.check(&|i| i == "a"), Err(Problem::Unknown("nope".into())));
    }
}
