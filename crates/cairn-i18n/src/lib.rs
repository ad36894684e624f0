//! Every string a person reads, in English and Spanish.
//!
//! One set of Fluent files (`locales/<lang>/*.ftl`) serves the command line
//! and the web app: `common.ftl` (vocabularies, headings, errors), `cli.ftl`,
//! `help.ftl` (clap help), `web.ftl`, `export.ftl` (court packets), `assess.ftl` (assessments, plans,
//! resources) and `scan.ftl` (device-check findings,
//! kept identical to `cairn-scan`'s own copy; a test compares them). Errors carry data, not prose; this
//! crate words them, naming the file, field or value at fault.
#![forbid(unsafe_code)]

mod assess;
pub mod charts;
mod documents;
mod errors;
pub mod export;
pub mod pattern;
mod scan;
mod tr;

pub use assess::{describe_answer, describe_answer_problem, describe_spec_error};
pub use errors::{
    describe_app_error, describe_id, describe_import_error, describe_invalid, describe_problem, describe_skip_reason,
};
pub use scan::{FindingText, describe_finding, describe_gap, describe_outcome};
pub use tr::{Arg, Lang, Tr};
