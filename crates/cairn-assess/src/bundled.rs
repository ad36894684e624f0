//! The instruments and plan rules Cairn ships, embedded in the binary. They
//! are written in Cairn's own words from published risk factors; each says
//! it is a structured conversation guide, not a validated predictor.

use crate::error::SpecError;
use crate::instrument::Instrument;

/// `(file name, text)` of every shipped instrument.
pub const INSTRUMENTS: &[(&str, &str)] = &[
    ("danger-screen.toml", include_str!("../instruments/danger-screen.toml")),
    ("stalking-risk.toml", include_str!("../instruments/stalking-risk.toml")),
    (
        "trafficking-indicators.toml",
        include_str!("../instruments/trafficking-indicators.toml"),
    ),
    (
        "technology-abuse.toml",
        include_str!("../instruments/technology-abuse.toml"),
    ),
];

/// The shipped safety-plan rules.
pub const PLAN_RULES: (&str, &str) = ("plan-rules.toml", include_str!("../data/plan-rules.toml"));

/// The shipped national resources.
pub const RESOURCES: (&str, &str) = ("resources-us.toml", include_str!("../data/resources-us.toml"));

/// Every shipped instrument, parsed. They are checked by tests, so an
/// error here means a broken build, but it is still returned, not panicked on.
pub fn instruments() -> Result<Vec<Instrument>, SpecError> {
    INSTRUMENTS
        .iter()
        .map(|(file, text)| Instrument::parse(file, text))
        .collect()
}

/// One shipped instrument by id.
pub fn instrument(id: &str) -> Result<Option<Instrument>, SpecError> {
    Ok(instruments()?.into_iter().find(|i| i.id == id))
}
