//! The public API as the lead will use it: load indicators once, then
//! check an acquisition, a live device (through the replay server) and a
//! capture, and get findings, coverage and provenance back as data.

use std::path::PathBuf;

use cairn_scan::adb::{self, AdbServer, replay};
use cairn_scan::android::{self, AndroidOptions};
use cairn_scan::{FindingKind, IndicatorSet, Outcome, analyze_capture};

fn indicators() -> IndicatorSet {
    let dir = std::env::var_os("CAIRN_INDICATORS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .ancestors()
                .map(|d| d.join("shared/data/stalkerware-indicators"))
                .find(|d| d.join("ioc.yaml").is_file())
                .expect("shared/data/stalkerware-indicators above the crate, or CAIRN_INDICATORS_DIR")
        });
    let mut set = IndicatorSet::new();
    set.load_path(&dir.join("ioc.yaml"), Some("a04c5c19"))
        .expect("ioc.yaml");
    set.load_path(&dir.join("watchware.yaml"), Some("a04c5c19"))
        .expect("watchware.yaml");
    set
}

fn fixture(p: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(p)
}

#[test]
fn offline_live_and_network_checks() {
    let set = indicators();
    let opts = AndroidOptions::as_of(android::Date::new(2026, 6, 30).expect("date"));

    let offline = cairn_scan::analyze_android(&fixture("androidqf/android10"), &set, &opts).expect("androidqf");
    assert_eq!(offline.outcome(), Outcome::Concerns);
    let top = &offline.findings[0];
    assert_eq!(top.kind, FindingKind::StalkerwareApp);
    let ind = top.indicator.as_ref().expect("provenance");
    assert_eq!(ind.set_version.as_deref(), Some("a04c5c19"));
    assert!(ind.set_source.ends_with("ioc.yaml"));
    let json = serde_json::to_value(&offline).expect("reports serialise");
    assert_eq!(json["findings"][0]["kind"], "stalkerware_app");

    let device = replay::RecordedDevice::load(&fixture("adb/android14")).expect("fixture");
    let server = replay::ReplayServer::start(vec![device], 0).expect("loopback");
    let client = AdbServer::new(server.addr()).expect("loopback address");
    let serial = client.devices().expect("devices")[0].serial.clone();
    let acq = adb::collect(&client, &serial).expect("collect");
    let live = android::analyze_acquisition(&acq, &set, &opts);
    assert!(
        live.findings.iter().all(|f| f.severity <= cairn_scan::Severity::Info),
        "{:?}",
        live.findings
    );
    // Certificates cannot be read live, so this is not a clean bill of health.
    assert_eq!(live.outcome(), Outcome::NothingFoundIncomplete);

    let not_a_capture = analyze_capture(&b"hello"[..], &set);
    assert!(not_a_capture.is_err());
}
