//! One device's state, merged from whichever files an acquisition holds.
//! Every field that stays unknown is `None`, and a gap says why.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::source::{Acquisition, SourceKind};
use super::{dumpsys, packages_json, text};
use crate::findings::{CheckArea, Gap, GapReason};

/// Who installed a package, as Android records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state", content = "package")]
pub enum Installer {
    /// The acquisition does not say.
    Unknown,
    /// No installer recorded: preinstalled, or installed over ADB.
    None,
    Package(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackageInfo {
    pub name: String,
    pub uid: Option<u32>,
    pub installer: Installer,
    pub system: Option<bool>,
    pub enabled: Option<bool>,
    /// Installed for the main user (false: kept only for another user or uninstalled with data).
    pub installed: Option<bool>,
    pub code_path: Option<String>,
    pub version_name: Option<String>,
    pub first_install_time: Option<String>,
    pub last_update_time: Option<String>,
    /// Signing certificate digests, lower-case hex.
    pub cert_sha1: BTreeSet<String>,
    pub cert_sha256: BTreeSet<String>,
    pub cert_md5: BTreeSet<String>,
    pub cert_subject: Option<String>,
    pub apk_sha256: BTreeSet<String>,
    pub requested_permissions: BTreeSet<String>,
    pub granted_permissions: BTreeSet<String>,
    /// `None` when launcher activities could not be determined.
    pub has_launcher_icon: Option<bool>,
}

impl PackageInfo {
    fn new(name: &str) -> Self {
        PackageInfo {
            name: name.to_owned(),
            uid: None,
            installer: Installer::Unknown,
            system: None,
            enabled: None,
            installed: None,
            code_path: None,
            version_name: None,
            first_install_time: None,
            last_update_time: None,
            cert_sha1: BTreeSet::new(),
            cert_sha256: BTreeSet::new(),
            cert_md5: BTreeSet::new(),
            cert_subject: None,
            apk_sha256: BTreeSet::new(),
            requested_permissions: BTreeSet::new(),
            granted_permissions: BTreeSet::new(),
            has_launcher_icon: None,
        }
    }

    /// Not part of the system image (and so installed by someone).
    pub fn third_party(&self) -> bool {
        self.system == Some(false)
    }
}

/// What the analysis knows about the device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceState {
    pub kind: SourceKind,
    pub origin: String,
    pub props: Option<BTreeMap<String, String>>,
    /// `system`, `secure` and `global` settings, where available.
    pub settings: BTreeMap<String, BTreeMap<String, String>>,
    pub packages: BTreeMap<String, PackageInfo>,
    /// Whether `packages` is the full list (false: none could be read).
    pub packages_known: bool,
    pub device_admins: Option<Vec<(u32, String)>>,
    pub device_owner: Option<String>,
    pub profile_owners: Vec<(u32, String)>,
    pub accessibility_services: Option<BTreeSet<String>>,
    pub notification_listeners: Option<BTreeSet<String>>,
    pub usage_access: Option<BTreeSet<String>>,
    /// Apps allowed to install other apps (Android 8+ "unknown sources").
    pub may_install_apps: Option<BTreeSet<String>>,
    pub processes: Option<Vec<String>>,
    pub root_binaries: Option<Vec<String>>,
    pub gaps: Vec<Gap>,
}

impl DeviceState {
    pub fn prop(&self, key: &str) -> Option<&str> {
        self.props.as_ref()?.get(key).map(String::as_str)
    }

    pub fn setting(&self, namespace: &str, key: &str) -> Option<&str> {
        self.settings.get(namespace)?.get(key).map(String::as_str)
    }

    fn gap(&mut self, area: CheckArea, reason: GapReason) {
        self.gaps.push(Gap { area, reason });
    }

    fn missing(&mut self, area: CheckArea, what: &str) {
        self.gap(area, GapReason::Missing { what: what.to_owned() });
    }
}

/// Builds the device state from an acquisition's files.
pub fn device_state(acq: &Acquisition) -> DeviceState {
    let mut st = DeviceState {
        kind: acq.kind,
        origin: acq.origin.clone(),
        props: None,
        settings: BTreeMap::new(),
        packages: BTreeMap::new(),
        packages_known: false,
        device_admins: None,
        device_owner: None,
        profile_owners: Vec::new(),
        accessibility_services: None,
        notification_listeners: None,
        usage_access: None,
        may_install_apps: None,
        processes: None,
        root_binaries: None,
        gaps: Vec::new(),
    };
    for (file, problem) in &acq.problems {
        st.gap(
            area_of(file),
            GapReason::Unreadable {
                what: file.clone(),
                at: String::new(),
                detail: problem.clone(),
            },
        );
    }
    let bugreport = acq.text("bugreport.txt");
    let dumpsys_text = bugreport.clone().or_else(|| acq.text("dumpsys.txt"));
    let sections = dumpsys_text.as_deref().map(text::dumpsys_sections).unwrap_or_default();

    // Properties.
    if let Some(p) = acq.text("getprop.txt") {
        st.props = Some(text::getprop(&p));
    } else if let Some(s) = bugreport
        .as_deref()
        .and_then(|b| text::bugreport_section(b, "SYSTEM PROPERTIES"))
    {
        st.props = Some(text::getprop(s));
    } else {
        st.missing(CheckArea::SecurityPatch, "getprop.txt");
    }

    // Settings: AndroidQF/ADB `settings list`, or the bug report's settings dump.
    for ns in ["system", "secure", "global"] {
        if let Some(t) = acq.text(&format!("settings_{ns}.txt")) {
            st.settings.insert(ns.to_owned(), text::settings_list(&t));
        }
    }
    if st.settings.is_empty()
        && let Some(s) = sections.get("settings")
    {
        for (ns, map) in text::settings_dump(s) {
            st.settings.insert(ns.to_owned(), map);
        }
    }
    if !st.settings.contains_key("secure") || !st.settings.contains_key("global") {
        st.missing(CheckArea::Settings, "settings_secure.txt / settings_global.txt");
    }

    read_packages(acq, &sections, &mut st);

    // Device policy.
    match sections.get("device_policy").and_then(|t| dumpsys::device_policy(t)) {
        Some(p) => {
            st.device_admins = Some(p.admins);
            st.device_owner = p.device_owner;
            st.profile_owners = p.profile_owners;
        }
        None => st.missing(CheckArea::DeviceAdmins, "dumpsys device_policy"),
    }

    // Accessibility: the setting is authoritative; the dump is the fallback.
    st.accessibility_services = st
        .setting("secure", "enabled_accessibility_services")
        .map(dumpsys::component_list)
        .or_else(|| st.settings.get("secure").map(|_| BTreeSet::new()))
        .or_else(|| sections.get("accessibility").and_then(|t| dumpsys::accessibility(t)));
    if st.accessibility_services.is_none() {
        st.missing(
            CheckArea::AccessibilityServices,
            "enabled_accessibility_services setting or dumpsys accessibility",
        );
    }
    st.notification_listeners = st
        .setting("secure", "enabled_notification_listeners")
        .map(dumpsys::component_list)
        .or_else(|| sections.get("notification").and_then(|t| notification_listeners(t)));
    if st.notification_listeners.is_none() {
        st.missing(
            CheckArea::NotificationListeners,
            "enabled_notification_listeners setting or dumpsys notification",
        );
    }
    let appops = sections.get("appops");
    st.usage_access = appops.and_then(|t| dumpsys::appops_allowed(t, "GET_USAGE_STATS"));
    st.may_install_apps = appops.and_then(|t| dumpsys::appops_allowed(t, "REQUEST_INSTALL_PACKAGES"));
    if st.usage_access.is_none() {
        st.missing(CheckArea::UsageAccess, "dumpsys appops");
    }

    // Processes and root binaries (AndroidQF only).
    if let Some(p) = acq.text("ps.txt").or_else(|| acq.text("processes.txt")) {
        st.processes = Some(text::ps_names(&p));
    } else if let Some(s) = bugreport
        .as_deref()
        .and_then(|b| text::bugreport_section(b, "PROCESSES AND THREADS"))
    {
        st.processes = Some(text::ps_names(s));
    }
    if let Some(r) = acq.files.get("root_binaries.json") {
        match serde_json::from_slice::<Option<Vec<String>>>(r) {
            Ok(v) => st.root_binaries = Some(v.unwrap_or_default()),
            Err(e) => st.gap(
                CheckArea::Root,
                GapReason::Unreadable {
                    what: "root_binaries.json".into(),
                    at: format!("line {}, column {}", e.line(), e.column()),
                    detail: e.to_string().to_lowercase(),
                },
            ),
        }
    }
    st
}

/// Which check a missing file or failed command takes away.
fn area_of(source: &str) -> CheckArea {
    let areas = [
        ("device_policy", CheckArea::DeviceAdmins),
        ("accessibility", CheckArea::AccessibilityServices),
        ("notification", CheckArea::NotificationListeners),
        ("appops", CheckArea::UsageAccess),
        ("settings", CheckArea::Settings),
        ("getprop", CheckArea::SecurityPatch),
        ("dumpsys package", CheckArea::Permissions),
    ];
    areas
        .iter()
        .find(|(k, _)| source.contains(k))
        .map_or(CheckArea::IndicatorPackages, |(_, a)| *a)
}

/// Best effort for Android versions where the setting is not kept: the
/// components listed under the notification service's listener section.
fn notification_listeners(t: &str) -> Option<BTreeSet<String>> {
    let start = t.find("Notification listeners:")?;
    let mut out = BTreeSet::new();
    for line in t[start..]
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("    ") || l.trim().is_empty())
    {
        if let Some(c) = line.split("ComponentInfo{").nth(1).and_then(|r| r.split('}').next()) {
            out.extend(dumpsys::component_list(c));
        }
    }
    Some(out)
}

fn read_packages(acq: &Acquisition, sections: &BTreeMap<String, &str>, st: &mut DeviceState) {
    let mut pkgs: BTreeMap<String, PackageInfo> = BTreeMap::new();
    if let Some(bytes) = acq.files.get("packages.json") {
        match packages_json::parse(bytes) {
            Ok(list) => {
                for q in list {
                    let p = pkgs.entry(q.name.clone()).or_insert_with(|| PackageInfo::new(&q.name));
                    p.uid = q.uid.and_then(|u| u32::try_from(u).ok());
                    p.installer = match q.installer.as_deref().map(str::trim) {
                        None => Installer::Unknown,
                        Some("" | "null") => Installer::None,
                        Some(i) => Installer::Package(i.to_owned()),
                    };
                    p.system = q.system.or(q.third_party.map(|t| !t));
                    p.enabled = q.disabled.map(|d| !d);
                    for f in q.files {
                        p.code_path.get_or_insert(f.path);
                        if !f.sha256.is_empty() {
                            p.apk_sha256.insert(f.sha256.to_ascii_lowercase());
                        }
                        if let Some(c) = f.certificate {
                            for (set, v) in [
                                (&mut p.cert_sha1, c.sha1),
                                (&mut p.cert_sha256, c.sha256),
                                (&mut p.cert_md5, c.md5),
                            ] {
                                if !v.is_empty() {
                                    set.insert(v.to_ascii_lowercase());
                                }
                            }
                            if !c.subject.is_empty() {
                                p.cert_subject = Some(c.subject);
                            }
                        }
                    }
                }
                st.packages_known = true;
            }
            Err((line, column, detail)) => st.gap(
                CheckArea::IndicatorPackages,
                GapReason::Unreadable {
                    what: "packages.json".into(),
                    at: format!("line {line}, column {column}"),
                    detail,
                },
            ),
        }
    }
    if let Some(t) = acq.text("pm_list.txt") {
        for pm in text::pm_list(&t) {
            let p = pkgs
                .entry(pm.name.clone())
                .or_insert_with(|| PackageInfo::new(&pm.name));
            p.uid = p.uid.or(pm.uid);
            if let Some(i) = pm.installer {
                p.installer = if i == "null" {
                    Installer::None
                } else {
                    Installer::Package(i)
                };
            }
            if let Some(path) = pm.path {
                let sys = ["/system/", "/product/", "/vendor/", "/system_ext/", "/apex/", "/odm/"];
                p.system = Some(sys.iter().any(|s| path.starts_with(s)));
                p.code_path = Some(path);
            }
        }
        st.packages_known = true;
    }
    match sections.get("package").map(|t| dumpsys::package(t)) {
        Some(dump) => {
            let from_dump_only = pkgs.is_empty();
            for (name, d) in dump.packages {
                if !from_dump_only && !pkgs.contains_key(&name) {
                    continue;
                }
                let p = pkgs.entry(name.clone()).or_insert_with(|| PackageInfo::new(&name));
                p.uid = p.uid.or(d.uid);
                p.system = p.system.or(d.system);
                if p.installer == Installer::Unknown {
                    p.installer = match d.installer.as_deref() {
                        Some("null") | None if d.system == Some(false) => Installer::None,
                        Some("null") | None => Installer::Unknown,
                        Some(i) => Installer::Package(i.to_owned()),
                    };
                }
                if let Some(e) = d.enabled_state {
                    p.enabled = Some(e <= 1);
                }
                p.installed = d.installed_user0;
                p.code_path = p.code_path.take().or(d.code_path);
                p.version_name = d.version_name;
                p.first_install_time = d.first_install_time;
                p.last_update_time = d.last_update_time;
                p.requested_permissions = d.requested;
                p.granted_permissions = d.granted;
            }
            if from_dump_only && !pkgs.is_empty() {
                st.packages_known = true;
            }
            match &dump.launchers {
                Some(l) => {
                    for p in pkgs.values_mut() {
                        p.has_launcher_icon = Some(l.contains(&p.name));
                    }
                }
                None => st.missing(CheckArea::LauncherIcons, "activity resolver table with categories"),
            }
        }
        None => {
            st.missing(CheckArea::Permissions, "dumpsys package");
            st.missing(CheckArea::LauncherIcons, "dumpsys package");
        }
    }
    if !st.packages_known {
        st.missing(
            CheckArea::IndicatorPackages,
            "packages.json, pm list packages or dumpsys package",
        );
    } else if !pkgs
        .values()
        .any(|p| !p.cert_sha1.is_empty() || !p.cert_sha256.is_empty())
    {
        st.missing(
            CheckArea::IndicatorCertificates,
            "signing certificates (only AndroidQF packages.json has them)",
        );
    }
    if st.packages_known && pkgs.values().all(|p| p.installer == Installer::Unknown) {
        st.missing(CheckArea::InstallSources, "installer of each package");
    }
    st.packages = pkgs;
}
