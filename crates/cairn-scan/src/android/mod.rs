//! Offline Android analysis: AndroidQF acquisitions (folder or zip) and
//! `adb bugreport` archives, and the same analysis for outputs gathered
//! live over ADB. Unknown or damaged files never stop the analysis; the
//! report says what could and could not be checked.

mod checks;
mod dumpsys;
mod packages_json;
mod source;
mod state;
mod text;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::findings::{Coverage, Finding, Outcome};
use crate::indicators::{IndicatorSet, Provenance};

pub use jiff::civil::Date;
pub use source::{Acquisition, SourceKind};
pub use state::{DeviceState, Installer, PackageInfo, device_state};

/// The acquisition could not be opened at all.
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum AndroidError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("{path} is encrypted (age); decrypt it with the acquisition's key first")]
    Encrypted { path: String },
    #[error("{path} is not a readable zip archive: {detail}")]
    Zip { path: String, detail: String },
    #[error("{path} is neither an androidqf acquisition nor an adb bug report")]
    UnknownFormat { path: String },
}

/// Analysis settings.
#[derive(Debug, Clone)]
pub struct AndroidOptions {
    /// The date the security patch age is measured against.
    pub as_of: jiff::civil::Date,
    /// A patch older than this many days is reported.
    pub patch_age_days: i32,
}

impl AndroidOptions {
    pub fn as_of(as_of: jiff::civil::Date) -> Self {
        AndroidOptions {
            as_of,
            patch_age_days: 365,
        }
    }
}

impl Default for AndroidOptions {
    /// Measures patch age against today's date in the system time zone.
    fn default() -> Self {
        AndroidOptions::as_of(jiff::Zoned::now().date())
    }
}

/// A short description of the device, for the top of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceSummary {
    pub kind: SourceKind,
    pub origin: String,
    pub manufacturer: Option<String>,
    pub model: Option<String>,
    pub android_version: Option<String>,
    pub sdk: Option<String>,
    pub security_patch: Option<String>,
    pub packages: usize,
    pub third_party_packages: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AndroidReport {
    pub device: DeviceSummary,
    pub findings: Vec<Finding>,
    pub coverage: Coverage,
    pub indicator_sets: Vec<Provenance>,
    /// Everything that was read, for display and for evidence.
    pub state: DeviceState,
}

impl AndroidReport {
    pub fn outcome(&self) -> Outcome {
        self.coverage.outcome(&self.findings)
    }
}

/// Analyses an already-built device state.
pub fn analyze_state(state: DeviceState, indicators: &IndicatorSet, options: &AndroidOptions) -> AndroidReport {
    let opts = checks::Options {
        as_of: options.as_of,
        patch_age_days: options.patch_age_days,
    };
    let (findings, coverage) = checks::run(&state, indicators, &opts);
    let prop = |k: &str| state.prop(k).map(str::to_owned);
    let device = DeviceSummary {
        kind: state.kind,
        origin: state.origin.clone(),
        manufacturer: prop("ro.product.manufacturer"),
        model: prop("ro.product.model"),
        android_version: prop("ro.build.version.release"),
        sdk: prop("ro.build.version.sdk"),
        security_patch: prop("ro.build.version.security_patch"),
        packages: state.packages.len(),
        third_party_packages: state.packages.values().filter(|p| p.third_party()).count(),
    };
    AndroidReport {
        device,
        findings,
        coverage,
        indicator_sets: indicators.sources().to_vec(),
        state,
    }
}

/// Analyses an acquisition already in memory.
pub fn analyze_acquisition(acq: &Acquisition, indicators: &IndicatorSet, options: &AndroidOptions) -> AndroidReport {
    analyze_state(device_state(acq), indicators, options)
}

/// Opens an AndroidQF folder or zip, or a bug report zip or text file, and analyses it.
pub fn analyze_path(
    path: &Path,
    indicators: &IndicatorSet,
    options: &AndroidOptions,
) -> Result<AndroidReport, AndroidError> {
    let acq = Acquisition::open(path)?;
    Ok(analyze_acquisition(&acq, indicators, options))
}

#[cfg(test)]
mod tests;
