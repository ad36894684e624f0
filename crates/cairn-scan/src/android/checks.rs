//! From device state to findings. The rules are deliberately plain: each
//! says what it looks at, so a finding can be explained and, when it is a
//! false alarm, understood.

use std::collections::{BTreeMap, BTreeSet};

use super::source::SourceKind;
use super::state::{DeviceState, Installer, PackageInfo};
use crate::findings::{CheckArea, Coverage, Finding, FindingKind, GapReason, Severity};
use crate::indicators::{AppCategory, IndicatorMatch, IndicatorSet};

/// Installers that are app stores with review of what they distribute.
const STORES: &[&str] = &[
    "com.android.vending",
    "com.google.android.feedback",
    "com.amazon.venezia",
    "com.sec.android.app.samsungapps",
    "com.huawei.appmarket",
    "com.xiaomi.market",
    "com.xiaomi.mipicks",
    "com.heytap.market",
    "com.oppo.market",
    "com.bbk.appstore",
    "com.vivo.appstore",
];

/// Apps that only exist to root a device or manage root access.
const ROOT_PACKAGES: &[&str] = &[
    "com.topjohnwu.magisk",
    "io.github.huskydg.magisk",
    "io.github.vvb2060.magisk",
    "me.weishu.kernelsu",
    "eu.chainfire.supersu",
    "com.koushikdutta.superuser",
    "com.noshufou.android.su",
    "com.thirdparty.superuser",
    "me.phh.superuser",
    "com.kingroot.kinguser",
    "com.kingo.root",
    "com.zhiqupk.root.global",
    "com.alephzain.framaroot",
    "com.yellowes.su",
];

/// Granted permissions that let an app watch someone, by plain-language key.
const SENSITIVE: &[(&str, &str)] = &[
    ("android.permission.ACCESS_BACKGROUND_LOCATION", "location_background"),
    ("android.permission.READ_SMS", "sms"),
    ("android.permission.RECEIVE_SMS", "sms"),
    ("android.permission.READ_CALL_LOG", "call_log"),
    ("android.permission.PROCESS_OUTGOING_CALLS", "call_log"),
    ("android.permission.RECORD_AUDIO", "microphone"),
    ("android.permission.CAMERA", "camera"),
];

pub(crate) struct Options {
    pub as_of: jiff::civil::Date,
    pub patch_age_days: i32,
}

fn from_store(p: &PackageInfo) -> bool {
    matches!(&p.installer, Installer::Package(i) if STORES.contains(&i.as_str()))
}

fn sensitive(p: &PackageInfo) -> BTreeSet<&'static str> {
    SENSITIVE
        .iter()
        .filter(|(perm, _)| p.granted_permissions.contains(*perm))
        .map(|(_, k)| *k)
        .collect()
}

fn join<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items.into_iter().collect::<Vec<_>>().join(",")
}

/// Not known to be part of the system image.
fn not_system(st: &DeviceState, pkg: &str) -> bool {
    st.packages.get(pkg).is_none_or(|p| p.system != Some(true))
}

struct Out {
    findings: Vec<Finding>,
    seen: BTreeSet<(FindingKind, String)>,
}

impl Out {
    fn push(&mut self, key: &str, f: Finding) {
        if self.seen.insert((f.kind, key.to_owned())) {
            self.findings.push(f);
        }
    }
}

fn indicator_finding(m: &IndicatorMatch<'_>, pkg: &str, via: &str, evidence: &str) -> Finding {
    let (kind, severity) = match (m.app.category, via) {
        (AppCategory::Watchware, _) => (FindingKind::WatchwareApp, Severity::Medium),
        (_, "package" | "process") => (FindingKind::StalkerwareApp, Severity::High),
        (_, "certificate") => (FindingKind::StalkerwareCertificate, Severity::High),
        (_, "apk_hash") => (FindingKind::StalkerwareFileHash, Severity::High),
        _ => (FindingKind::StalkerwareCertificateOwner, Severity::Medium),
    };
    Finding::new(kind, severity)
        .param("package", pkg)
        .param("app", m.app.name.as_str())
        .param("matched_by", via)
        .with_indicator(m)
        .evidence(evidence)
}

pub(crate) fn run(st: &DeviceState, set: &IndicatorSet, opts: &Options) -> (Vec<Finding>, Coverage) {
    let mut out = Out {
        findings: Vec::new(),
        seen: BTreeSet::new(),
    };
    let mut cov = Coverage::default();
    for g in &st.gaps {
        cov.gaps.push(g.clone());
    }
    let pkg_file = match st.kind {
        SourceKind::AndroidQf => "packages.json",
        SourceKind::Bugreport => "bugreport: dumpsys package",
        SourceKind::Adb => "adb: pm list packages",
    };

    // Indicators.
    if set.is_empty() {
        cov.gap(CheckArea::IndicatorPackages, GapReason::NoIndicators);
    } else if st.packages_known {
        cov.checked(CheckArea::IndicatorPackages);
        let has_certs = st
            .packages
            .values()
            .any(|p| !p.cert_sha1.is_empty() || !p.cert_sha256.is_empty());
        if has_certs {
            cov.checked(CheckArea::IndicatorCertificates);
        }
        if st.packages.values().any(|p| !p.apk_sha256.is_empty()) {
            cov.checked(CheckArea::IndicatorFileHashes);
        }
        for p in st.packages.values() {
            for m in set.match_package(&p.name) {
                out.push(&p.name, indicator_finding(&m, &p.name, "package", pkg_file));
            }
            for d in p.cert_sha1.iter().chain(&p.cert_sha256).chain(&p.cert_md5) {
                for m in set.match_certificate(d) {
                    out.push(&p.name, indicator_finding(&m, &p.name, "certificate", pkg_file));
                }
            }
            for h in &p.apk_sha256 {
                for m in set.match_file_hash(h) {
                    out.push(&p.name, indicator_finding(&m, &p.name, "apk_hash", pkg_file));
                }
            }
            if let Some(subject) = &p.cert_subject {
                let org = super::packages_json::dn_part(subject, "O");
                let cn = super::packages_json::dn_part(subject, "CN");
                let ms = org.map(|o| set.match_certificate_organization(o)).unwrap_or_default();
                let ms2 = cn.map(|c| set.match_certificate_name(c)).unwrap_or_default();
                for m in ms.iter().chain(&ms2) {
                    out.push(&p.name, indicator_finding(m, &p.name, "certificate_owner", pkg_file));
                }
            }
        }
    }
    if let Some(procs) = &st.processes {
        for name in procs {
            let pkg = name.split(':').next().unwrap_or(name);
            for m in set.match_package(pkg) {
                out.push(pkg, indicator_finding(&m, pkg, "process", "ps.txt"));
            }
        }
    }

    // Capabilities monitoring apps rely on.
    let admins: BTreeSet<&str> = st.device_admins.iter().flatten().map(|(_, p)| p.as_str()).collect();
    let a11y: BTreeSet<&str> = st.accessibility_services.iter().flatten().map(String::as_str).collect();
    let listeners: BTreeSet<&str> = st.notification_listeners.iter().flatten().map(String::as_str).collect();
    let risky = |pkg: &str| admins.contains(pkg) || a11y.contains(pkg) || listeners.contains(pkg);

    if st.device_admins.is_some() {
        cov.checked(CheckArea::DeviceAdmins);
        for (user, pkg) in st.device_admins.iter().flatten() {
            if not_system(st, pkg) && pkg != "com.google.android.gms" {
                let f = Finding::new(FindingKind::DeviceAdmin, Severity::Medium)
                    .param("package", pkg.as_str())
                    .param("user", i64::from(*user))
                    .evidence("dumpsys device_policy");
                out.push(pkg, f);
            }
        }
        if let Some(owner) = &st.device_owner {
            out.push(
                owner,
                Finding::new(FindingKind::DeviceOwner, Severity::Medium)
                    .param("package", owner.as_str())
                    .evidence("dumpsys device_policy"),
            );
        }
    }
    for (area, set_of, kind, sev, src) in [
        (
            CheckArea::AccessibilityServices,
            &st.accessibility_services,
            FindingKind::AccessibilityService,
            Severity::Medium,
            "enabled_accessibility_services",
        ),
        (
            CheckArea::NotificationListeners,
            &st.notification_listeners,
            FindingKind::NotificationListener,
            Severity::Medium,
            "enabled_notification_listeners",
        ),
        (
            CheckArea::UsageAccess,
            &st.usage_access,
            FindingKind::UsageAccess,
            Severity::Low,
            "dumpsys appops GET_USAGE_STATS",
        ),
    ] {
        if let Some(pkgs) = set_of {
            cov.checked(area);
            for pkg in pkgs.iter().filter(|p| not_system(st, p)) {
                out.push(
                    pkg,
                    Finding::new(kind, sev).param("package", pkg.as_str()).evidence(src),
                );
            }
        }
    }

    // Install sources, permissions and hidden icons of third-party apps.
    let third: Vec<&PackageInfo> = st
        .packages
        .values()
        .filter(|p| p.third_party() && p.installed != Some(false))
        .collect();
    if st.packages.values().any(|p| p.installer != Installer::Unknown) {
        cov.checked(CheckArea::InstallSources);
    }
    let perms_known = st.packages.values().any(|p| !p.requested_permissions.is_empty());
    if perms_known {
        cov.checked(CheckArea::Permissions);
    }
    if st.packages.values().any(|p| p.has_launcher_icon.is_some()) {
        cov.checked(CheckArea::LauncherIcons);
    }
    for p in &third {
        let caps = sensitive(p);
        let store = from_store(p);
        let installer = match &p.installer {
            Installer::Package(i) => Some(i.as_str()),
            Installer::None => Some("none"),
            Installer::Unknown => None,
        };
        if let Some(inst) = installer.filter(|_| !store) {
            let sev = if !caps.is_empty() || risky(&p.name) {
                Severity::Medium
            } else {
                Severity::Low
            };
            let f = Finding::new(FindingKind::SideloadedApp, sev)
                .param("package", p.name.as_str())
                .param("installer", inst)
                .param("permissions", join(caps.iter().copied()))
                .evidence(pkg_file);
            out.push(&p.name, f);
        }
        if !caps.is_empty() {
            let sev = if store { Severity::Info } else { Severity::Low };
            let f = Finding::new(FindingKind::SensitivePermissions, sev)
                .param("package", p.name.as_str())
                .param("permissions", join(caps.iter().copied()))
                .evidence("dumpsys package");
            out.push(&p.name, f);
        }
        if p.has_launcher_icon == Some(false) && (!caps.is_empty() || risky(&p.name)) {
            let sev = if store { Severity::Medium } else { Severity::High };
            let f = Finding::new(FindingKind::HiddenAppWithSensitivePermissions, sev)
                .param("package", p.name.as_str())
                .param("permissions", join(caps.iter().copied()))
                .evidence("dumpsys package: activity resolver table");
            out.push(&p.name, f);
        }
    }

    settings(st, &mut out, &mut cov);
    root(st, &mut out, &mut cov);
    patch(st, opts, &mut out, &mut cov);
    let mut findings = out.findings;
    findings.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.kind.cmp(&b.kind)));
    (findings, cov)
}

fn settings(st: &DeviceState, out: &mut Out, cov: &mut Coverage) {
    if st.settings.contains_key("global") {
        cov.checked(CheckArea::Settings);
    }
    let g = |k| st.setting("global", k);
    for key in ["package_verifier_enable", "verifier_verify_adb_installs"] {
        if g(key) == Some("0") {
            out.push(
                key,
                Finding::new(FindingKind::PlayProtectOff, Severity::Medium)
                    .param("setting", key)
                    .evidence("settings global"),
            );
        }
    }
    if st.setting("secure", "install_non_market_apps") == Some("1") {
        let f = Finding::new(FindingKind::UnknownSourcesAllowed, Severity::Low)
            .param("apps", "")
            .evidence("settings secure");
        out.push("global", f);
    }
    if let Some(apps) = &st.may_install_apps {
        let apps: Vec<&str> = apps
            .iter()
            .filter(|a| not_system(st, a) && !STORES.contains(&a.as_str()))
            .map(String::as_str)
            .collect();
        if !apps.is_empty() {
            let f = Finding::new(FindingKind::UnknownSourcesAllowed, Severity::Low)
                .param("apps", join(apps))
                .evidence("dumpsys appops REQUEST_INSTALL_PACKAGES");
            out.push("apps", f);
        }
    }
    if g("development_settings_enabled") == Some("1") {
        out.push(
            "",
            Finding::new(FindingKind::DeveloperOptionsOn, Severity::Low).evidence("settings global"),
        );
    }
    let live = st.kind == SourceKind::Adb;
    if g("adb_enabled") == Some("1") {
        // A live ADB check needs USB debugging on; that alone says nothing.
        let sev = if live { Severity::Info } else { Severity::Low };
        out.push(
            "usb",
            Finding::new(FindingKind::UsbDebuggingOn, sev)
                .param("wireless", "false")
                .param("needed_for_this_check", if live { "true" } else { "false" })
                .evidence("settings global adb_enabled"),
        );
    }
    if g("adb_wifi_enabled") == Some("1") {
        out.push(
            "wifi",
            Finding::new(FindingKind::UsbDebuggingOn, Severity::Medium)
                .param("wireless", "true")
                .param("needed_for_this_check", "false")
                .evidence("settings global adb_wifi_enabled"),
        );
    }
}

fn root(st: &DeviceState, out: &mut Out, cov: &mut Coverage) {
    let mut signals: BTreeMap<&str, String> = BTreeMap::new();
    for p in ROOT_PACKAGES.iter().filter(|p| st.packages.contains_key(**p)) {
        signals.insert("root_app", (*p).to_owned());
    }
    if let Some(bins) = st.root_binaries.as_ref().filter(|b| !b.is_empty()) {
        signals.insert("su_binary", bins.join(","));
    }
    if let Some(props) = &st.props {
        cov.checked(CheckArea::Root);
        let p = |k: &str| props.get(k).map(String::as_str);
        if p("ro.build.tags").is_some_and(|t| t.contains("test-keys")) {
            signals.insert("test_keys", "ro.build.tags".into());
        }
        if p("ro.secure") == Some("0") || (p("ro.debuggable") == Some("1") && p("ro.build.type") == Some("user")) {
            signals.insert("insecure_build", "ro.secure/ro.debuggable".into());
        }
        if p("ro.boot.verifiedbootstate") == Some("orange") || p("ro.boot.flash.locked") == Some("0") {
            signals.insert("bootloader_unlocked", "ro.boot.verifiedbootstate".into());
        }
    }
    if let Some(d) = st
        .processes
        .iter()
        .flatten()
        .find(|n| matches!(n.as_str(), "magiskd" | "daemonsu" | "ksud"))
    {
        signals.insert("root_daemon", d.clone());
    }
    if !signals.is_empty() {
        let f = Finding::new(FindingKind::DeviceRooted, Severity::Medium)
            .param("signals", join(signals.keys().copied()))
            .evidence(join(signals.values().map(String::as_str)));
        out.push("", f);
    }
}

fn patch(st: &DeviceState, opts: &Options, out: &mut Out, cov: &mut Coverage) {
    let Some(level) = st.prop("ro.build.version.security_patch") else {
        if st.props.is_some() {
            cov.gap(
                CheckArea::SecurityPatch,
                GapReason::Missing {
                    what: "ro.build.version.security_patch".into(),
                },
            );
        }
        return;
    };
    let Ok(date) = level.trim().parse::<jiff::civil::Date>() else {
        cov.gap(
            CheckArea::SecurityPatch,
            GapReason::Unreadable {
                what: "ro.build.version.security_patch".into(),
                at: String::new(),
                detail: level.to_owned(),
            },
        );
        return;
    };
    cov.checked(CheckArea::SecurityPatch);
    let age = opts.as_of.since(date).ok().map(|s| s.get_days()).unwrap_or(0);
    if age > opts.patch_age_days {
        let sev = if age > 2 * opts.patch_age_days {
            Severity::Medium
        } else {
            Severity::Low
        };
        let f = Finding::new(FindingKind::SecurityPatchOld, sev)
            .param("patch_level", level)
            .param("age_days", i64::from(age))
            .param(
                "android_version",
                st.prop("ro.build.version.release").unwrap_or_default(),
            )
            .evidence("getprop ro.build.version.security_patch");
        out.push("", f);
    }
}
