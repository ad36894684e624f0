//! The web app at the HTTP level: the real router on a real SQLCipher vault.
//!
//! One test binary, not one per file: each links the whole app, and nine
//! copies cost about two gigabytes of disk and eight extra links per build.

mod common;

mod assess;
mod checks;
mod export;
mod import;
mod messages;
mod pages;
mod pattern;
mod plan;
mod security;
