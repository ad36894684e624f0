use std::io::Write;
use std::path::{Path, PathBuf};

use super::*;
use crate::findings::{CheckArea, FindingKind as K, GapReason, Severity as S};
use crate::testdata::{fixtures, indicators_dir};

fn set() -> IndicatorSet {
    let mut s = IndicatorSet::new();
    for f in ["ioc.yaml", "watchware.yaml"] {
        s.load_path(&indicators_dir().join(f), None).expect("indicators");
    }
    s
}

fn opts() -> AndroidOptions {
    AndroidOptions::as_of(jiff::civil::date(2026, 6, 30))
}

fn qf(name: &str) -> PathBuf {
    fixtures().join("androidqf").join(name)
}

/// Zips a folder (entries under `prefix/`), as AndroidQF and bug reports ship.
fn zip_dir(dir: &Path, prefix: &str, out: &Path) {
    let mut z = zip::ZipWriter::new(std::fs::File::create(out).expect("zip file"));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("dir").map(|e| e.expect("entry").path()) {
            if e.is_dir() {
                stack.push(e);
                continue;
            }
            let rel = e.strip_prefix(dir).expect("rel").to_string_lossy().replace('\\', "/");
            z.start_file(format!("{prefix}{rel}"), opts).expect("start");
            z.write_all(&std::fs::read(&e).expect("read")).expect("write");
        }
    }
    z.finish().expect("finish");
}

/// (kind, package or "", severity), sorted, for comparison.
type Want<'a> = &'a [(K, &'a str, S)];

fn check(report: &AndroidReport, want: Want<'_>) {
    let mut got: Vec<(K, String, S)> = report
        .findings
        .iter()
        .map(|f| {
            let pkg = match f.params.get("package") {
                Some(crate::findings::Param::Text(p)) => p.clone(),
                _ => String::new(),
            };
            (f.kind, pkg, f.severity)
        })
        .collect();
    got.sort();
    let mut want: Vec<(K, String, S)> = want.iter().map(|(k, p, s)| (*k, (*p).to_owned(), *s)).collect();
    want.sort();
    assert_eq!(
        got,
        want,
        "\n{}",
        serde_json::to_string_pretty(&report.findings).unwrap_or_default()
    );
}

const SPY10: &str = "com.systemservice";

const ANDROID10: Want<'static> = &[
    (K::StalkerwareApp, SPY10, S::High),
    (K::StalkerwareCertificate, SPY10, S::High),
    (K::HiddenAppWithSensitivePermissions, SPY10, S::High),
    (K::DeviceAdmin, SPY10, S::Medium),
    (K::AccessibilityService, SPY10, S::Medium),
    (K::NotificationListener, SPY10, S::Medium),
    (K::SideloadedApp, SPY10, S::Medium),
    (K::PlayProtectOff, "", S::Medium),
    (K::SecurityPatchOld, "", S::Medium),
    (K::UsageAccess, SPY10, S::Low),
    (K::SensitivePermissions, SPY10, S::Low),
    (K::SensitivePermissions, "com.whatsapp", S::Info),
    (K::UnknownSourcesAllowed, "", S::Low),
];

#[test]
fn android10_androidqf_folder_and_zip() {
    let r = analyze_path(&qf("android10"), &set(), &opts()).expect("folder");
    check(&r, ANDROID10);
    assert_eq!(r.device.android_version.as_deref(), Some("10"));
    assert_eq!(r.device.kind, SourceKind::AndroidQf);
    assert!(r.coverage.gaps.is_empty(), "{:?}", r.coverage.gaps);
    let spy = r.findings.iter().find(|f| f.kind == K::StalkerwareApp).expect("spy");
    let ind = spy.indicator.as_ref().expect("indicator");
    assert_eq!((ind.app.as_str(), ind.set_sha256.len()), ("TheTruthSpy", 64));
    assert_eq!(r.outcome(), crate::findings::Outcome::Concerns);

    let tmp = tempfile::tempdir().expect("tmp");
    let zip = tmp.path().join("androidqf.zip");
    zip_dir(&qf("android10"), "", &zip);
    let z = analyze_path(&zip, &set(), &opts()).expect("zip");
    assert_eq!(z.findings, r.findings);
}

#[test]
fn android12_certificates_watchware_and_root() {
    let r = analyze_path(&qf("android12"), &set(), &opts()).expect("folder");
    let spy = "com.android.battery.optimizer";
    let kids = "com.kids.safety.helper";
    check(
        &r,
        &[
            (K::StalkerwareCertificate, spy, S::High),
            (K::HiddenAppWithSensitivePermissions, spy, S::High),
            (K::SideloadedApp, spy, S::Medium),
            (K::NotificationListener, spy, S::Medium),
            (K::SensitivePermissions, spy, S::Low),
            (K::StalkerwareCertificateOwner, kids, S::Medium),
            (K::SideloadedApp, kids, S::Low),
            (K::WatchwareApp, "com.life360.android.safetymapd", S::Medium),
            (K::SensitivePermissions, "com.life360.android.safetymapd", S::Info),
            (K::SideloadedApp, "com.topjohnwu.magisk", S::Low),
            (K::SideloadedApp, "org.fdroid.fdroid", S::Low),
            (K::DeviceRooted, "", S::Medium),
            (K::SecurityPatchOld, "", S::Medium),
            (K::DeveloperOptionsOn, "", S::Low),
            (K::UsbDebuggingOn, "", S::Low),
            (K::UnknownSourcesAllowed, "", S::Low),
        ],
    );
    let root = r.findings.iter().find(|f| f.kind == K::DeviceRooted).expect("root");
    assert_eq!(
        root.params["signals"],
        crate::findings::Param::Text("bootloader_unlocked,root_app,root_daemon,su_binary".into())
    );
}

#[test]
fn android14_clean_device_says_only_what_it_can() {
    let r = analyze_path(&qf("android14"), &set(), &opts()).expect("folder");
    check(&r, &[(K::SensitivePermissions, "com.whatsapp", S::Info)]);
    assert_eq!(r.outcome(), crate::findings::Outcome::NothingFoundWithinLimits);
    for area in [
        CheckArea::IndicatorPackages,
        CheckArea::IndicatorCertificates,
        CheckArea::DeviceAdmins,
        CheckArea::LauncherIcons,
    ] {
        assert!(r.coverage.checked.contains(&area), "{area:?}");
    }
    // With no indicators loaded, the same device is "incomplete", never clean.
    let bare = analyze_path(&qf("android14"), &IndicatorSet::new(), &opts()).expect("folder");
    assert_eq!(bare.outcome(), crate::findings::Outcome::NothingFoundIncomplete);
}

#[test]
fn bugreport_zip_and_text() {
    let dir = fixtures().join("bugreport/android13");
    let tmp = tempfile::tempdir().expect("tmp");
    let zip = tmp.path().join("bugreport.zip");
    zip_dir(&dir, "", &zip);
    let r = analyze_path(&zip, &set(), &opts()).expect("bugreport");
    assert_eq!(r.device.kind, SourceKind::Bugreport);
    assert_eq!(r.device.android_version.as_deref(), Some("13"));
    let spy = "com.android.battery.optimizer";
    check(
        &r,
        &[
            (K::HiddenAppWithSensitivePermissions, spy, S::High),
            (K::SideloadedApp, spy, S::Medium),
            (K::NotificationListener, spy, S::Medium),
            (K::SensitivePermissions, spy, S::Low),
            (K::SideloadedApp, "com.kids.safety.helper", S::Low),
            (K::WatchwareApp, "com.life360.android.safetymapd", S::Medium),
            (K::SensitivePermissions, "com.life360.android.safetymapd", S::Info),
            (K::SideloadedApp, "com.topjohnwu.magisk", S::Low),
            (K::SideloadedApp, "org.fdroid.fdroid", S::Low),
            (K::DeviceRooted, "", S::Medium),
            (K::SecurityPatchOld, "", S::Medium),
            (K::DeveloperOptionsOn, "", S::Low),
            (K::UsbDebuggingOn, "", S::Low),
            (K::UnknownSourcesAllowed, "", S::Low),
        ],
    );
    // Bug reports carry no signing certificates: said, not silently skipped.
    assert!(
        r.coverage
            .gaps
            .iter()
            .any(|g| g.area == CheckArea::IndicatorCertificates)
    );
    let main = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("e").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("bugreport-"))
        })
        .expect("main file");
    let t = analyze_path(&main, &set(), &opts()).expect("text");
    assert_eq!(t.findings, r.findings);
}

#[test]
fn damaged_and_unknown_inputs() {
    let tmp = tempfile::tempdir().expect("tmp");
    // packages.json cut in half, dumpsys missing: a report with gaps, not an error.
    let d = tmp.path().join("broken");
    std::fs::create_dir(&d).expect("mkdir");
    let src = std::fs::read_dir(qf("android10"))
        .expect("dir")
        .next()
        .expect("uuid")
        .expect("e")
        .path();
    let pj = std::fs::read(src.join("packages.json")).expect("pj");
    std::fs::write(d.join("packages.json"), &pj[..pj.len() / 2]).expect("w");
    std::fs::copy(src.join("getprop.txt"), d.join("getprop.txt")).expect("cp");
    let r = analyze_path(&d, &set(), &opts()).expect("report");
    let unreadable = r.coverage.gaps.iter().find_map(|g| match &g.reason {
        GapReason::Unreadable { what, at, .. } if what == "packages.json" => Some(at.clone()),
        _ => None,
    });
    assert!(
        unreadable.is_some_and(|at| at.starts_with("line ")),
        "{:?}",
        r.coverage.gaps
    );
    for area in [
        CheckArea::DeviceAdmins,
        CheckArea::AccessibilityServices,
        CheckArea::Permissions,
        CheckArea::Settings,
    ] {
        assert!(
            r.coverage.gaps.iter().any(|g| g.area == area),
            "{area:?} {:?}",
            r.coverage.gaps
        );
    }
    assert_eq!(
        r.outcome(),
        crate::findings::Outcome::Concerns,
        "old patch level is still reported"
    );

    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    let age = tmp.path().join("acq.zip.age");
    std::fs::write(&age, b"age-encryption.org/v1\n-> X25519 abc\n").expect("w");
    let junk = tmp.path().join("junk.zip");
    std::fs::write(&junk, b"PK\x03\x04 not really a zip").expect("w");
    for (p, want) in [
        (&empty, "neither"),
        (&age, "encrypted"),
        (&junk, "zip"),
        (&tmp.path().join("nope"), "cannot read"),
    ] {
        let e = analyze_path(p, &set(), &opts())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains(want), "{p:?}: {e}");
    }
}
