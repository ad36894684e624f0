//! Cairn's assessments and safety planning, as data: the instrument engine
//! (instruments are versioned TOML files with skip logic, repeated
//! sub-forms and scoring rules), the instruments Cairn ships, safety-plan
//! rules, and the resources directory.
//!
//! Pure: it parses bytes it is given and computes results. It knows nothing
//! of storage, encryption or presentation (Fluent lives in `cairn-i18n`;
//! the words inside instruments and plan rules are data, in English and
//! Spanish).
#![forbid(unsafe_code)]

pub mod answers;
pub mod bundled;
pub mod condition;
pub mod diff;
pub mod error;
pub mod instrument;
pub mod password;
pub mod plan;
pub mod resources;
pub mod scoring;
pub mod suggest;
pub mod template;
pub mod text;

use cairn_core::{AssessmentRecorded, Hash};

pub use answers::{Answers, parse_answers};
pub use diff::{AnswerChange, Changes, changes};
pub use error::{Problem, SpecError};
pub use instrument::{AnswerKind, Instrument, Item, Level, Section};
pub use scoring::{Scored, score};
pub use text::Text;

/// A professional's override as asked for: checked against the instrument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverrideRequest {
    pub level: String,
    pub reason: String,
}

/// Scores answers and builds the event that records them. An override that
/// would not raise the level, or has no reason, is refused.
pub fn assess(
    instrument: &Instrument,
    answers: Answers,
    override_request: Option<&OverrideRequest>,
) -> Result<AssessmentRecorded, SpecError> {
    let scored = score(instrument, &answers);
    let level_override = override_request
        .map(|o| {
            scoring::override_level(instrument, &scored.level, &o.level, &o.reason).map_err(|(field, problem)| {
                SpecError {
                    file: instrument.id.clone(),
                    line: 0,
                    column: 0,
                    field: field.to_owned(),
                    problem,
                }
            })
        })
        .transpose()?;
    Ok(AssessmentRecorded {
        instrument: instrument.id.clone(),
        instrument_version: instrument.version.clone(),
        rules_version: instrument.rules_version.clone(),
        instrument_sha256: Hash(instrument.sha256),
        answers: answers.list,
        scores: scored.scores,
        level: level_override.as_ref().map_or(scored.level, |o| o.to.clone()),
        triggered: scored.triggered,
        level_override,
    })
}
