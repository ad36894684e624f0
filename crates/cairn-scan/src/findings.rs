//! Findings as data. Nothing here is prose: every finding is a kind, a
//! severity and parameters, and the interfaces word it (in `locales/`) in
//! the person's language, with what it means, what it does not mean and
//! the safety caution that goes with it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::indicators::{AppCategory, DomainRole, IndicatorKind, IndicatorMatch};

/// How much weight a finding carries. Ordered: `High` sorts last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Context worth knowing; not a sign of monitoring by itself.
    Info,
    /// A setting or state that makes monitoring easier.
    Low,
    /// A capability that monitoring apps use, or a monitoring app that does not hide.
    Medium,
    /// Matches known stalkerware, or contact with its servers.
    High,
}

macro_rules! kinds {
    ($($variant:ident => $id:literal, [$($plan:literal),*];)*) => {
        /// What was found. The snake_case name is stable: translations and
        /// safety-plan rules key on it.
        #[non_exhaustive]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum FindingKind { $($variant,)* }

        impl FindingKind {
            pub const ALL: &'static [FindingKind] = &[$(FindingKind::$variant,)*];

            /// The stable name, as serialised.
            pub fn as_str(self) -> &'static str {
                match self { $(FindingKind::$variant => $id,)* }
            }

            /// Safety-plan option ids this finding suggests discussing; the
            /// survivor decides, and none of them is "remove it now".
            pub fn plan_options(self) -> &'static [&'static str] {
                match self { $(FindingKind::$variant => &[$($plan),*],)* }
            }
        }
    };
}

kinds! {
    StalkerwareApp => "stalkerware_app", ["plan-before-removing", "document-evidence", "advocate-tech-safety-check", "safe-device", "report-to-police"];
    WatchwareApp => "watchware_app", ["plan-before-removing", "document-evidence", "review-family-sharing", "safe-device"];
    StalkerwareCertificate => "stalkerware_certificate", ["plan-before-removing", "document-evidence", "advocate-tech-safety-check", "safe-device"];
    StalkerwareCertificateOwner => "stalkerware_certificate_owner", ["plan-before-removing", "document-evidence", "advocate-tech-safety-check"];
    StalkerwareFileHash => "stalkerware_file_hash", ["plan-before-removing", "document-evidence", "advocate-tech-safety-check"];
    NetworkStalkerwareServer => "network_stalkerware_server", ["plan-before-removing", "document-evidence", "advocate-tech-safety-check", "safe-device", "report-to-police"];
    NetworkStalkerwareWebsite => "network_stalkerware_website", ["document-evidence", "advocate-tech-safety-check"];
    NetworkStalkerwareDownload => "network_stalkerware_download", ["document-evidence", "advocate-tech-safety-check", "safe-device"];
    DeviceAdmin => "device_admin", ["plan-before-removing", "document-evidence", "advocate-tech-safety-check"];
    DeviceOwner => "device_owner", ["ask-who-manages-device", "document-evidence", "advocate-tech-safety-check", "safe-device"];
    AccessibilityService => "accessibility_service", ["plan-before-removing", "document-evidence", "advocate-tech-safety-check"];
    NotificationListener => "notification_listener", ["plan-before-removing", "document-evidence", "advocate-tech-safety-check"];
    UsageAccess => "usage_access", ["document-evidence", "advocate-tech-safety-check"];
    SensitivePermissions => "sensitive_permissions", ["review-app-permissions", "document-evidence", "advocate-tech-safety-check"];
    SideloadedApp => "sideloaded_app", ["plan-before-removing", "document-evidence", "advocate-tech-safety-check"];
    HiddenAppWithSensitivePermissions => "hidden_app_with_sensitive_permissions", ["plan-before-removing", "document-evidence", "advocate-tech-safety-check", "safe-device"];
    PlayProtectOff => "play_protect_off", ["turn-on-play-protect", "advocate-tech-safety-check"];
    UnknownSourcesAllowed => "unknown_sources_allowed", ["review-install-sources", "advocate-tech-safety-check"];
    DeveloperOptionsOn => "developer_options_on", ["review-developer-options", "advocate-tech-safety-check"];
    UsbDebuggingOn => "usb_debugging_on", ["review-developer-options", "advocate-tech-safety-check"];
    DeviceRooted => "device_rooted", ["plan-before-removing", "advocate-tech-safety-check", "safe-device"];
    SecurityPatchOld => "security_patch_old", ["update-device", "safe-device"];
}

impl std::fmt::Display for FindingKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A finding parameter, typed so that Fluent can choose plural forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Param {
    Number(i64),
    Text(String),
}

impl From<&str> for Param {
    fn from(s: &str) -> Self {
        Param::Text(s.to_owned())
    }
}
impl From<String> for Param {
    fn from(s: String) -> Self {
        Param::Text(s)
    }
}
impl From<i64> for Param {
    fn from(n: i64) -> Self {
        Param::Number(n)
    }
}
impl From<usize> for Param {
    fn from(n: usize) -> Self {
        Param::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// The indicator that produced a finding, and the file and version it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorRef {
    pub app: String,
    pub category: AppCategory,
    pub kind: IndicatorKind,
    pub indicator: String,
    pub role: DomainRole,
    pub set_source: String,
    pub set_sha256: String,
    pub set_version: Option<String>,
}

impl From<&IndicatorMatch<'_>> for IndicatorRef {
    fn from(m: &IndicatorMatch<'_>) -> Self {
        IndicatorRef {
            app: m.app.name.clone(),
            category: m.app.category,
            kind: m.kind,
            indicator: m.indicator.to_owned(),
            role: m.role,
            set_source: m.source.source.clone(),
            set_sha256: m.source.sha256.clone(),
            set_version: m.source.version.clone(),
        }
    }
}

/// One thing found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    /// Named values for the message (`package`, `app`, `domain`, `count`…).
    pub params: BTreeMap<String, Param>,
    /// Set when an indicator produced the finding; heuristic findings
    /// (device admin, risky settings) have none.
    pub indicator: Option<IndicatorRef>,
    /// Where in the input it was seen (file name, command, packet range).
    pub evidence: Vec<String>,
}

impl Finding {
    pub fn new(kind: FindingKind, severity: Severity) -> Self {
        Finding {
            kind,
            severity,
            params: BTreeMap::new(),
            indicator: None,
            evidence: Vec::new(),
        }
    }

    pub fn param(mut self, key: &str, value: impl Into<Param>) -> Self {
        self.params.insert(key.to_owned(), value.into());
        self
    }

    pub fn with_indicator(mut self, m: &IndicatorMatch<'_>) -> Self {
        self.indicator = Some(m.into());
        self
    }

    pub fn evidence(mut self, e: impl Into<String>) -> Self {
        self.evidence.push(e.into());
        self
    }

    /// Fluent message id stem: `scan-<kind>`, with `-title`, `-means`,
    /// `-not-means` and `-caution` attributes in the `.ftl` files.
    pub fn message_id(&self) -> String {
        format!("scan-{}", self.kind.as_str().replace('_', "-"))
    }
}

/// An area that was examined, or could not be.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckArea {
    IndicatorPackages,
    IndicatorCertificates,
    IndicatorFileHashes,
    InstallSources,
    DeviceAdmins,
    AccessibilityServices,
    NotificationListeners,
    UsageAccess,
    Permissions,
    LauncherIcons,
    Settings,
    Root,
    SecurityPatch,
    CaptureContainer,
    DnsNames,
    TlsServerNames,
    HttpHosts,
    IpAddresses,
    EncryptedDns,
    Quic,
}

/// Why something could not be checked.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum GapReason {
    /// The input does not contain what is needed.
    Missing { what: String },
    /// It is there but could not be read; `at` says where (line, offset).
    Unreadable { what: String, at: String, detail: String },
    /// The input stops early.
    Truncated { what: String, offset: u64 },
    /// A format or variant this version does not understand.
    Unsupported { what: String },
    /// Present but, by nature, not inspectable (encrypted traffic).
    Opaque { what: String, count: u64 },
    /// There was nothing to compare against (empty indicator set).
    NoIndicators,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    pub area: CheckArea,
    #[serde(flatten)]
    pub reason: GapReason,
}

/// What a report can honestly say overall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// At least one finding of medium or high severity.
    Concerns,
    /// Only low-severity findings (informational ones do not count).
    MinorOnly,
    /// Nothing found, everything intended was checked — which still does
    /// not prove the device is clean, because indicator lists are incomplete.
    NothingFoundWithinLimits,
    /// Nothing found, but some areas could not be checked.
    NothingFoundIncomplete,
}

/// Findings plus what was and was not checked; shared by every analysis.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    pub checked: Vec<CheckArea>,
    pub gaps: Vec<Gap>,
}

impl Coverage {
    pub fn checked(&mut self, area: CheckArea) {
        if !self.checked.contains(&area) {
            self.checked.push(area);
        }
    }

    pub fn gap(&mut self, area: CheckArea, reason: GapReason) {
        self.gaps.push(Gap { area, reason });
    }

    pub fn outcome(&self, findings: &[Finding]) -> Outcome {
        if findings.iter().any(|f| f.severity >= Severity::Medium) {
            Outcome::Concerns
        } else if findings.iter().any(|f| f.severity >= Severity::Low) {
            Outcome::MinorOnly
        } else if self.gaps.is_empty() {
            Outcome::NothingFoundWithinLimits
        } else {
            Outcome::NothingFoundIncomplete
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(findings: &[Finding], gaps: usize, expected: Outcome) {
        let mut c = Coverage::default();
        for _ in 0..gaps {
            c.gap(
                CheckArea::Quic,
                GapReason::Opaque {
                    what: "quic".into(),
                    count: 1,
                },
            );
        }
        assert_eq!(c.outcome(findings), expected);
    }

    #[test]
    fn outcomes_never_claim_clean_when_incomplete() {
        let low = Finding::new(FindingKind::DeveloperOptionsOn, Severity::Low);
        let high = Finding::new(FindingKind::StalkerwareApp, Severity::High);
        check(&[], 0, Outcome::NothingFoundWithinLimits);
        check(&[], 1, Outcome::NothingFoundIncomplete);
        check(std::slice::from_ref(&low), 1, Outcome::MinorOnly);
        check(&[low, high], 0, Outcome::Concerns);
    }

    #[test]
    fn kinds_serialise_to_their_stable_names() {
        for k in FindingKind::ALL {
            let json = serde_json::to_string(k).expect("serialise");
            assert_eq!(json, format!("\"{}\"", k.as_str()));
            assert!(!k.plan_options().is_empty());
        }
        let f = Finding::new(FindingKind::UsbDebuggingOn, Severity::Low).param("count", 3usize);
        assert_eq!(f.message_id(), "scan-usb-debugging-on");
        assert_eq!(serde_json::to_value(&f.params).expect("json")["count"], 3);
    }
}
