//! Suggestions from the incident log: an item may name the logged
//! behaviours that bear on it, or ask whether incidents are increasing. A
//! suggestion is only ever shown beside the question for the advocate to
//! confirm with the survivor; it is never recorded as an answer by itself.

use cairn_core::{Behaviour, Named};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Deserialize;

use crate::error::Problem;
use crate::instrument::Instrument;

/// How an item is prefilled, as written in the instrument file:
/// `suggest = { behaviours = ["threats"] }` or `suggest = { increasing = true }`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSuggest {
    #[serde(default)]
    behaviours: Vec<String>,
    #[serde(default)]
    increasing: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SuggestFrom {
    /// Any logged incident tagged with one of these behaviours.
    Behaviours(Vec<Behaviour>),
    /// More incidents in the last 30 days than in the 30 before.
    Increasing,
}

impl RawSuggest {
    pub(crate) fn check(&self) -> Result<SuggestFrom, Problem> {
        match (self.behaviours.is_empty(), self.increasing) {
            (false, false) => self
                .behaviours
                .iter()
                .map(|b| {
                    Behaviour::parse_named(b).map_err(|_| Problem::BadValue {
                        value: b.clone(),
                        expected: Behaviour::ALL.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", "),
                    })
                })
                .collect::<Result<Vec<_>, _>>()
                .map(SuggestFrom::Behaviours),
            (true, true) => Ok(SuggestFrom::Increasing),
            _ => Err(Problem::BadValue {
                value: "suggest".into(),
                expected: "behaviours = [...] or increasing = true".into(),
            }),
        }
    }
}

/// One incident as the suggestions need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedIncident {
    pub date: Date,
    pub behaviours: Vec<Behaviour>,
}

/// Why "yes" is suggested, as data for the interface to word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// `count` logged incidents carry one of the item's behaviours.
    Behaviours { count: usize },
    /// Incidents in the last 30 days and in the 30 days before.
    Increasing { recent: usize, before: usize },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub item: String,
    pub basis: Basis,
}

/// Items the log suggests answering "yes", in the instrument's order.
pub fn suggest(instrument: &Instrument, log: &[LoggedIncident], today: Date) -> Vec<Suggestion> {
    let window = |from: i32, to: i32| {
        log.iter()
            .filter(|i| {
                let start = today.checked_sub(from.days()).unwrap_or(Date::MIN);
                let end = today.checked_sub(to.days()).unwrap_or(Date::MIN);
                i.date > start && i.date <= end
            })
            .count()
    };
    instrument
        .items
        .iter()
        .filter_map(|item| {
            let basis = match item.suggest.as_ref()? {
                SuggestFrom::Behaviours(wanted) => {
                    let count = log
                        .iter()
                        .filter(|i| i.behaviours.iter().any(|b| wanted.contains(b)))
                        .count();
                    (count > 0).then_some(Basis::Behaviours { count })?
                }
                SuggestFrom::Increasing => {
                    let (recent, before) = (window(30, 0), window(60, 30));
                    (recent >= 2 && recent > before).then_some(Basis::Increasing { recent, before })?
                }
            };
            Some(Suggestion {
                item: item.id.clone(),
                basis,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `log` is `(days ago, behaviours)`; compares the suggested items.
    fn check(log: &[(i64, &[&str])], expected: &[(&str, Basis)]) {
        let instrument = crate::bundled::instrument("stalking-risk").unwrap().unwrap();
        let today = jiff::civil::date(2026, 6, 30);
        let log: Vec<LoggedIncident> = log
            .iter()
            .map(|(ago, behaviours)| LoggedIncident {
                date: today.checked_sub(ago.days()).unwrap(),
                behaviours: behaviours.iter().map(|b| b.parse().unwrap()).collect(),
            })
            .collect();
        let found: Vec<(String, Basis)> = suggest(&instrument, &log, today)
            .into_iter()
            .map(|s| (s.item, s.basis))
            .collect();
        let expected: Vec<(String, Basis)> = expected.iter().map(|(i, b)| (i.to_string(), b.clone())).collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn suggestions_from_the_log() {
        check(&[], &[]);
        check(&[(3, &["following"])], &[("follows", Basis::Behaviours { count: 1 })]);
        check(
            &[(3, &["threats", "property_damage"]), (40, &["threats"])],
            &[
                ("threats", Basis::Behaviours { count: 2 }),
                ("property_damage", Basis::Behaviours { count: 1 }),
            ],
        );
        // Two recent incidents against none before: increasing.
        check(
            &[(1, &["other"]), (2, &["other"])],
            &[("escalating", Basis::Increasing { recent: 2, before: 0 })],
        );
        // As many before as now: not increasing.
        check(
            &[(1, &["other"]), (2, &["other"]), (35, &["other"]), (36, &["other"])],
            &[],
        );
    }
}
