use std::io::{Read, Write};
use std::net::TcpStream;

use super::replay::{RecordedDevice, ReplayServer};
use super::*;
use crate::android::{AndroidOptions, analyze_acquisition, analyze_path};
use crate::findings::FindingKind as K;
use crate::testdata::{fixtures, indicators_dir};

fn devices() -> Vec<RecordedDevice> {
    ["android10", "android12", "android14"]
        .iter()
        .map(|d| RecordedDevice::load(&fixtures().join("adb").join(d)).expect("fixture"))
        .collect()
}

fn server() -> (ReplayServer, AdbServer) {
    let s = ReplayServer::start(devices(), 0).expect("bind 127.0.0.1");
    let c = AdbServer::new(s.addr())
        .expect("loopback")
        .with_timeout(std::time::Duration::from_secs(10));
    (s, c)
}

/// Sends raw bytes and returns everything the server answers.
fn raw(addr: std::net::SocketAddr, bytes: &[u8]) -> Vec<u8> {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(std::time::Duration::from_secs(5)))
        .expect("timeout");
    s.write_all(bytes).expect("write");
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    out
}

#[test]
fn host_requests() {
    let (srv, c) = server();
    assert_eq!(c.version().expect("version"), 41);
    let d = c.devices().expect("devices");
    assert_eq!(
        d.iter().map(|d| d.serial.as_str()).collect::<Vec<_>>(),
        ["R58M42ABCDE", "5a6b7c8d", "2B111FDH200ABC"]
    );
    assert_eq!(d[1].details["model"], "Redmi_Note_10");
    assert!(
        c.features("5a6b7c8d")
            .expect("features")
            .contains(&"shell_v2".to_owned())
    );
    let e = c.features("nope").expect_err("unknown");
    assert!(e.to_string().contains("device 'nope' not found"), "{e}");
    // Several devices: "any" is ambiguous, as with the real server.
    let req = |s: &str| wire::encode(s.as_bytes()).expect("short");
    assert!(raw(srv.addr(), &req("host:transport-any")).starts_with(b"FAIL"));
    assert!(raw(srv.addr(), &req("host:no-such-thing")).starts_with(b"FAIL"));
    assert!(raw(srv.addr(), b"zzzz").is_empty(), "garbage closes the connection");
    let tport = raw(srv.addr(), &req("host:tport:serial:5a6b7c8d"));
    assert_eq!(&tport[..12], b"OKAY\x02\0\0\0\0\0\0\0");
    assert!(AdbServer::new("10.0.0.2:5037".parse().expect("addr")).is_err());
    assert!(c.shell("bad serial", "id", true).is_err());
}

#[test]
fn shell_v2_and_legacy() {
    let (_srv, c) = server();
    let v2 = c
        .shell("R58M42ABCDE", "getprop ro.build.version.sdk", true)
        .expect("v2");
    assert_eq!((v2.stdout.as_slice(), v2.exit), (&b"29\n"[..], Some(0)));
    let legacy = c
        .shell("R58M42ABCDE", "settings get global package_verifier_enable", false)
        .expect("legacy");
    assert_eq!((legacy.stdout.as_slice(), legacy.exit), (&b"0\n"[..], None));
    let missing = c.shell("R58M42ABCDE", "frobnicate --now", true).expect("runs");
    assert_eq!(missing.exit, Some(127));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("frobnicate: inaccessible or not found"));
    let small = c.clone().with_max_output(100);
    assert!(matches!(
        small.shell("R58M42ABCDE", "dumpsys package", true),
        Err(AdbError::OutputTooLarge { .. })
    ));
}

#[test]
fn live_collection_feeds_the_same_analysis() {
    let (_srv, c) = server();
    let mut set = crate::IndicatorSet::new();
    for f in ["ioc.yaml", "watchware.yaml"] {
        set.load_path(&indicators_dir().join(f), None).expect("indicators");
    }
    let opts = AndroidOptions::as_of(jiff::civil::date(2026, 6, 30));
    for (serial, fixture) in [
        ("R58M42ABCDE", "android10"),
        ("5a6b7c8d", "android12"),
        ("2B111FDH200ABC", "android14"),
    ] {
        let acq = collect(&c, serial).expect("collect");
        let live = analyze_acquisition(&acq, &set, &opts);
        let offline = analyze_path(&fixtures().join("androidqf").join(fixture), &set, &opts).expect("offline");
        // Same findings, except what only AndroidQF has (certificates, su
        // binaries) and USB debugging, which a live check needs on.
        let strip = |r: &crate::android::AndroidReport| {
            let mut v: Vec<_> = r
                .findings
                .iter()
                .filter(|f| {
                    !matches!(
                        f.kind,
                        K::StalkerwareCertificate
                            | K::StalkerwareCertificateOwner
                            | K::UsbDebuggingOn
                            | K::DeviceRooted
                    )
                })
                .map(|f| (f.kind, f.params.get("package").cloned(), f.severity))
                .collect();
            v.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
            v
        };
        assert_eq!(strip(&live), strip(&offline), "{fixture}");
        // Kept as evidence, the live outputs analyse again to the same findings.
        let dir = tempfile::tempdir().unwrap();
        let kept = dir.path().join("adb.zip");
        std::fs::write(&kept, acq.to_zip().expect("zip")).unwrap();
        let again = analyze_path(&kept, &set, &opts).expect("the kept zip");
        assert_eq!(strip(&again), strip(&live), "{fixture} from the kept zip");
        let usb = live
            .findings
            .iter()
            .find(|f| f.kind == K::UsbDebuggingOn)
            .expect("usb debugging");
        assert_eq!(usb.severity, crate::Severity::Info);
        assert!(
            live.coverage
                .gaps
                .iter()
                .any(|g| g.area == crate::CheckArea::IndicatorCertificates)
        );
        assert_eq!(live.device.kind, crate::android::SourceKind::Adb);
    }
}

/// The real `adb` program (Debian's `adb` package) against the replay
/// server: proves the stand-in speaks the protocol the real client expects.
#[test]
fn real_adb_client_talks_to_the_replay_server() {
    let Ok(out) = std::process::Command::new("adb").arg("version").output() else {
        eprintln!("adb not installed; skipping the real-client check");
        return;
    };
    assert!(out.status.success());
    let (srv, _) = server();
    let port = srv.addr().port().to_string();
    let adb = |args: &[&str]| {
        let o = std::process::Command::new("adb")
            .args(["-H", "127.0.0.1", "-P", &port])
            .args(args)
            .env_remove("ANDROID_SERIAL")
            .output()
            .expect("run adb");
        (
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
            o.status.code(),
        )
    };
    let (devices, err, _) = adb(&["devices", "-l"]);
    assert!(
        devices.contains("5a6b7c8d") && devices.contains("model:Pixel_7"),
        "{devices} {err}"
    );
    let (sdk, err, code) = adb(&["-s", "5a6b7c8d", "shell", "getprop", "ro.build.version.sdk"]);
    assert_eq!((sdk.trim(), code), ("31", Some(0)), "{err}");
    let (_, err, code) = adb(&["-s", "5a6b7c8d", "shell", "no-such-tool"]);
    assert_eq!(code, Some(127), "{err}");
    let (pm, _, _) = adb(&["-s", "R58M42ABCDE", "shell", "pm", "list", "packages", "-f", "-i", "-U"]);
    assert!(
        pm.contains("=com.systemservice  installer=com.google.android.packageinstaller uid:10280"),
        "{pm}"
    );
    let (_, err, code) = adb(&["-s", "missing", "shell", "id"]);
    assert!(err.contains("'missing' not found") && code != Some(0), "{err}");
    assert!(!srv.killed(), "the real client accepted the server's version");
}
