//! `dumpsys package`, `device_policy`, `accessibility`, `notification` and
//! `appops`, in the shapes printed by Android 8 to 15. Unknown lines are
//! skipped; what could not be found is left empty for the caller to report.

use std::collections::{BTreeMap, BTreeSet};

/// What `dumpsys package` says about one package.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct DumpPackage {
    pub uid: Option<u32>,
    pub code_path: Option<String>,
    pub installer: Option<String>,
    pub system: Option<bool>,
    pub version_name: Option<String>,
    pub first_install_time: Option<String>,
    pub last_update_time: Option<String>,
    pub requested: BTreeSet<String>,
    pub granted: BTreeSet<String>,
    /// Enabled state for user 0 (0 default, 1 enabled, 2–4 disabled).
    pub enabled_state: Option<u8>,
    pub installed_user0: Option<bool>,
}

#[derive(Debug, Default)]
pub(crate) struct PackageDump {
    pub packages: BTreeMap<String, DumpPackage>,
    /// Packages with a MAIN/LAUNCHER activity; `None` when the dump lists
    /// activities without their categories, so hidden icons cannot be told.
    pub launchers: Option<BTreeSet<String>>,
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

pub(crate) fn package(text: &str) -> PackageDump {
    let mut dump = PackageDump {
        launchers: launchers(text),
        ..PackageDump::default()
    };
    let mut in_packages = false;
    let mut cur: Option<(String, DumpPackage)> = None;
    // 0 none, 1 requested, 2 install/runtime grants
    let mut list = 0u8;
    let mut list_indent = 0usize;
    for line in text.lines() {
        let ind = indent(line);
        let t = line.trim();
        if ind == 0 && !t.is_empty() {
            if let Some((n, p)) = cur.take() {
                dump.packages.entry(n).or_insert(p);
            }
            in_packages = t == "Packages:";
            continue;
        }
        if !in_packages {
            continue;
        }
        if let Some(rest) = t.strip_prefix("Package [") {
            if let Some((n, p)) = cur.take() {
                dump.packages.entry(n).or_insert(p);
            }
            let name = rest.split(']').next().unwrap_or_default().to_owned();
            cur = Some((name, DumpPackage::default()));
            list = 0;
            continue;
        }
        let Some((_, p)) = cur.as_mut() else { continue };
        if list != 0 && ind > list_indent {
            let perm = t.split(':').next().unwrap_or(t);
            if list == 1 {
                p.requested.insert(perm.to_owned());
            } else if t.contains("granted=true") {
                p.granted.insert(perm.to_owned());
            }
            continue;
        }
        list = 0;
        match t {
            "requested permissions:" => (list, list_indent) = (1, ind),
            "install permissions:" | "runtime permissions:" => (list, list_indent) = (2, ind),
            _ => {}
        }
        if list != 0 {
            continue;
        }
        if let Some(v) = t.strip_prefix("userId=").or_else(|| t.strip_prefix("appId=")) {
            p.uid = p.uid.or_else(|| v.split_whitespace().next()?.parse().ok());
        } else if let Some(v) = t.strip_prefix("codePath=") {
            p.code_path = Some(v.to_owned());
        } else if let Some(v) = t.strip_prefix("installerPackageName=") {
            p.installer = Some(v.to_owned());
        } else if let Some(v) = t.strip_prefix("versionName=") {
            p.version_name = Some(v.to_owned());
        } else if let Some(v) = t.strip_prefix("firstInstallTime=") {
            p.first_install_time = Some(v.to_owned());
        } else if let Some(v) = t.strip_prefix("lastUpdateTime=") {
            p.last_update_time = Some(v.to_owned());
        } else if let Some(v) = t.strip_prefix("flags=[") {
            p.system = Some(v.split_whitespace().any(|f| f == "SYSTEM"));
        } else if t.starts_with("User 0:") {
            for kv in t.split_whitespace() {
                if let Some(e) = kv.strip_prefix("enabled=") {
                    p.enabled_state = e.parse().ok();
                } else if let Some(i) = kv.strip_prefix("installed=") {
                    p.installed_user0 = Some(i == "true");
                }
            }
        }
    }
    if let Some((n, p)) = cur.take() {
        dump.packages.entry(n).or_insert(p);
    }
    dump
}

/// Packages with a launcher activity, from the Activity Resolver Table's
/// `android.intent.action.MAIN` entries and their `Category:` lines.
fn launchers(text: &str) -> Option<BTreeSet<String>> {
    let start = text.find("Activity Resolver Table:")?;
    let table = text[start..]
        .lines()
        .skip(1)
        .take_while(|l| l.is_empty() || l.starts_with(' '));
    let mut out = BTreeSet::new();
    let mut saw_categories = false;
    let mut in_main = false;
    let mut main_indent = 0;
    let mut entry: Option<String> = None;
    for line in table {
        let ind = indent(line);
        let t = line.trim();
        if t == "android.intent.action.MAIN:" {
            in_main = true;
            main_indent = ind;
            entry = None;
            continue;
        }
        if !in_main {
            continue;
        }
        if ind <= main_indent {
            in_main = false;
            continue;
        }
        if let Some(cat) = t.strip_prefix("Category: ") {
            saw_categories = true;
            if cat.trim_matches('"') == "android.intent.category.LAUNCHER"
                && let Some(p) = &entry
            {
                out.insert(p.clone());
            }
            continue;
        }
        // "hash com.pkg/.Activity filter hash"
        let mut parts = t.split_whitespace();
        if let (Some(_), Some(comp)) = (parts.next(), parts.next())
            && let Some((pkg, _)) = comp.split_once('/')
        {
            entry = Some(pkg.to_owned());
        }
    }
    saw_categories.then_some(out)
}

/// Device admins per user, plus device and profile owners, as packages.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Policy {
    pub admins: Vec<(u32, String)>,
    pub device_owner: Option<String>,
    pub profile_owners: Vec<(u32, String)>,
}

pub(crate) fn device_policy(text: &str) -> Option<Policy> {
    if !text.contains("Device Policy Manager") && !text.contains("Enabled Device Admins") {
        return None;
    }
    let mut p = Policy::default();
    // 0 other, 1 device owner, 2 profile owner, 3 admin list
    let mut block = 0u8;
    let mut block_indent = 0;
    let mut user = 0u32;
    for line in text.lines() {
        let ind = indent(line);
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if block != 0 && ind <= block_indent {
            block = 0;
        }
        if t.starts_with("Device Owner") {
            (block, block_indent) = (1, ind);
            continue;
        }
        if let Some(rest) = t.strip_prefix("Profile Owner (User ") {
            user = rest.split(')').next().and_then(|u| u.parse().ok()).unwrap_or(0);
            (block, block_indent) = (2, ind);
            continue;
        }
        if let Some(rest) = t.strip_prefix("Enabled Device Admins (User ") {
            user = rest
                .split([',', ')'])
                .next()
                .and_then(|u| u.trim().parse().ok())
                .unwrap_or(0);
            (block, block_indent) = (3, ind);
            continue;
        }
        let component = t
            .strip_prefix("admin=ComponentInfo{")
            .and_then(|c| c.strip_suffix('}'))
            .or_else(|| {
                (block == 3 && ind == block_indent + 2)
                    .then(|| t.strip_suffix(':'))
                    .flatten()
            });
        let Some(component) = component.filter(|c| c.contains('/')) else {
            continue;
        };
        let pkg = component.split('/').next().unwrap_or_default().to_owned();
        match block {
            1 => p.device_owner = Some(pkg),
            2 => p.profile_owners.push((user, pkg)),
            3 if !p.admins.contains(&(user, pkg.clone())) => p.admins.push((user, pkg)),
            _ => {}
        }
    }
    Some(p)
}

/// Enabled accessibility services (package names) from `dumpsys accessibility`.
pub(crate) fn accessibility(text: &str) -> Option<BTreeSet<String>> {
    let mut out = BTreeSet::new();
    let mut found = false;
    let mut in_old_list = false;
    for line in text.lines() {
        let t = line.trim();
        // Android 11+: "Enabled services:{{pkg/.Svc}, {pkg2/.Svc}}"
        if let Some(rest) = t.strip_prefix("Enabled services:") {
            found = true;
            for comp in rest.split(['{', '}', ',']).map(str::trim).filter(|c| c.contains('/')) {
                out.insert(pkg_of(comp));
            }
            continue;
        }
        // Android 10 and earlier: "enabled services: {" then "0 : pkg/.Svc" lines, then "}".
        if t.starts_with("enabled services:") {
            found = true;
            in_old_list = !t.ends_with('}');
            continue;
        }
        if in_old_list {
            if t.starts_with('}') {
                in_old_list = false;
            } else if let Some((_, comp)) = t.split_once(" : ") {
                out.insert(pkg_of(comp.split_whitespace().next().unwrap_or(comp)));
            }
        }
    }
    found.then_some(out)
}

/// Packages named by a colon-separated component list setting
/// (`enabled_accessibility_services`, `enabled_notification_listeners`).
pub(crate) fn component_list(value: &str) -> BTreeSet<String> {
    value
        .split(':')
        .map(str::trim)
        .filter(|c| c.contains('/'))
        .map(pkg_of)
        .collect()
}

fn pkg_of(component: &str) -> String {
    component.split('/').next().unwrap_or(component).to_owned()
}

/// App ops granted per package: returns packages whose op `op` is allowed.
pub(crate) fn appops_allowed(text: &str, op: &str) -> Option<BTreeSet<String>> {
    if !text.contains("Uid ") {
        return None;
    }
    let mut out = BTreeSet::new();
    let mut pkg: Option<&str> = None;
    let wanted = format!("{op} (allow)");
    let wanted_mode = format!("{op}: mode=allow");
    for line in text.lines() {
        let t = line.trim();
        if let Some(p) = t.strip_prefix("Package ").and_then(|p| p.strip_suffix(':')) {
            pkg = Some(p);
        } else if t.starts_with("Uid ") {
            pkg = None;
        } else if (t.starts_with(&wanted) || t.starts_with(&wanted_mode))
            && let Some(p) = pkg
        {
            out.insert(p.to_owned());
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_shapes() {
        let text = "Current Device Policy Manager state:\n  Device Owner: \n    admin=ComponentInfo{com.mdm/com.mdm.Admin}\n    package=com.mdm\n\n  Profile Owner (User 10): \n    admin=ComponentInfo{com.work/.Admin}\n\n  Enabled Device Admins (User 0, provisioningState: 0):\n    com.spy/.AdminReceiver:\n      uid=10234\n      policies:\n        wipe-data\n    com.google.android.gms/com.google.android.gms.mdm.receivers.MdmDeviceAdminReceiver:\n      uid=10150\n\n    mPasswordOwner=-1\n  Enabled Device Admins (User 10):\n    admin=ComponentInfo{com.old/.A}\n";
        let p = device_policy(text).expect("policy");
        assert_eq!(p.device_owner.as_deref(), Some("com.mdm"));
        assert_eq!(p.profile_owners, [(10, "com.work".to_owned())]);
        let admins: Vec<_> = p.admins.iter().map(|(u, a)| format!("{u}:{a}")).collect();
        assert_eq!(admins, ["0:com.spy", "0:com.google.android.gms", "10:com.old"]);
        assert_eq!(device_policy("Can't find service: device_policy"), None);
    }

    #[test]
    fn accessibility_shapes() {
        let new = "User state[\n     Enabled services:{{com.spy/com.spy.Svc}, {com.x/.Y}}\n";
        let old = "  enabled services: {\n    0 : com.spy/.Svc\n  }\n";
        let none = "  enabled services: {\n  }\n";
        assert_eq!(
            accessibility(new).map(|s| s.into_iter().collect::<Vec<_>>()),
            Some(vec!["com.spy".into(), "com.x".into()])
        );
        assert_eq!(accessibility(old).map(|s| s.len()), Some(1));
        assert_eq!(accessibility(none).map(|s| s.len()), Some(0));
        assert_eq!(accessibility("nothing here"), None);
        assert_eq!(component_list("a/.B:c/d.E:").len(), 2);
    }
}
