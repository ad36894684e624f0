//! Device and network checks for monitoring software: indicator sets and
//! matching, packet-capture analysis, offline Android acquisition analysis,
//! and an ADB host-protocol client.
//!
//! Everything returns findings as data ([`findings::Finding`]) together with
//! what was and was not checked ([`findings::Coverage`]), because an absence
//! of matches against an incomplete indicator list is never proof that a
//! device is clean. No function here touches the network, except the ADB
//! client, which talks only to the adb server address it is given.

#![forbid(unsafe_code)]

pub mod adb;
pub mod android;
pub mod capture;
pub mod findings;
pub mod indicators;

#[cfg(test)]
mod testdata;

/// Plain-language explanations of every finding kind (Fluent), for the
/// interfaces to load: message `scan-<kind>` with `.title`, `.means`,
/// `.not-means` and `.caution`, plus outcomes, gaps and plan options.
pub mod locales {
    pub const EN_US: &str = include_str!("../locales/en-US/scan.ftl");
    pub const ES: &str = include_str!("../locales/es/scan.ftl");
}

pub use android::{AndroidOptions, AndroidReport, analyze_path as analyze_android};
pub use capture::{CaptureReport, analyze_capture, analyze_capture_file};
pub use findings::{CheckArea, Coverage, Finding, FindingKind, Gap, GapReason, Outcome, Param, Severity};
pub use indicators::{IndicatorError, IndicatorSet, Origin, Provenance};
