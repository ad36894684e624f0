//! `cairn iocs` and `cairn scan` against the real stalkerware-indicators
//! files and `cairn-scan`'s device fixtures.

mod common;

use std::io::Write;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use cairn_scan::capture::synth::{self, Link, PcapWriter, Transport};
use common::Env;

/// The shared indicator files, read in place (CC BY 4.0, not copied here).
fn indicators(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/stalkerware-indicators")
        .join(name);
    assert!(path.is_file(), "{} is missing", path.display());
    path
}

fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../cairn-scan/tests/data")
        .join(path)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A capture with one DNS question for a TheTruthSpy command server.
fn capture(out: &Path) {
    let src: IpAddr = "192.168.1.20".parse().unwrap();
    let dst: IpAddr = "192.168.1.1".parse().unwrap();
    let dns = synth::dns_query(0x1234, "media-sync-a.thetruthspy.com");
    let frame = synth::packet(
        Link::Ethernet,
        src,
        dst,
        Transport::Udp {
            sport: 53_000,
            dport: 53,
        },
        &dns,
    );
    let mut w = PcapWriter::new(Vec::new(), Link::Ethernet.linktype(), false).unwrap();
    w.packet(1_780_000_000_000_000_000, &frame).unwrap();
    std::fs::write(out, w.into_inner()).unwrap();
}

/// AndroidQF ships zips; evidence is one file, so the fixture folder is zipped.
fn zip_dir(dir: &Path, out: &Path) {
    let mut z = zip::ZipWriter::new(std::fs::File::create(out).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().map(|e| e.unwrap().path()) {
            if e.is_dir() {
                stack.push(e);
                continue;
            }
            let rel = e.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            z.start_file(rel, opts).unwrap();
            z.write_all(&std::fs::read(&e).unwrap()).unwrap();
        }
    }
    z.finish().unwrap();
}

#[test]
fn iocs_import_lists_and_refuses_bad_files() {
    let env = Env::new();
    assert!(env.ok(&["iocs", "list"]).contains("No indicator files"));

    let bad = env.path("broken.yaml");
    std::fs::write(&bad, "- name: X\n  packages: [unclosed\n").unwrap();
    let ioc = indicators("ioc.yaml");
    // One bad file in the batch: nothing at all is registered.
    let err = env.fails(&["iocs", "import", s(&ioc), s(&bad)], 1);
    assert!(err.contains("broken.yaml"), "{err}");
    assert!(err.contains("Nothing was registered"), "{err}");
    assert_eq!(env.json(&["iocs", "list"]), serde_json::json!([]));

    let imported = env.json(&["iocs", "import", s(&ioc), "--version", "a04c5c19"]);
    assert_eq!(imported[0]["already_registered"], false);
    assert!(imported[0]["source"]["counts"]["packages"].as_u64().unwrap() > 100);
    let again = env.json(&["iocs", "import", s(&ioc)]);
    assert_eq!(again[0]["already_registered"], true);

    let list = env.ok(&["iocs", "list"]);
    assert!(list.contains("ioc.yaml") && list.contains("a04c5c19"), "{list}");
    assert!(list.contains("CC BY 4.0"), "{list}");
}

#[test]
fn scans_find_planted_indicators_and_verify() {
    let env = Env::new();
    let case = env.new_case();
    env.ok(&[
        "iocs",
        "import",
        s(&indicators("ioc.yaml")),
        s(&indicators("watchware.yaml")),
    ]);

    let pcap = env.path("home.pcap");
    capture(&pcap);
    let net = env.json(&["scan", "pcap", s(&pcap), "--case", &case]);
    assert_eq!(net["outcome"], "concerns");
    assert_eq!(net["indicator_sources"].as_array().unwrap().len(), 2);
    let f = &net["findings"][0];
    assert_eq!(f["kind"], "network_stalkerware_server");
    assert_eq!(f["severity"], "high");
    assert_eq!(f["params"]["app"], "TheTruthSpy");
    assert_eq!(net["evidence"]["original_name"], "home.pcap");

    let qf = env.path("androidqf.zip");
    zip_dir(&fixture("androidqf/android10"), &qf);
    let text = env.ok(&["scan", "androidqf", s(&qf), "--case", &case]);
    assert!(text.contains("High concern"), "{text}");
    assert!(text.contains("Known stalkerware installed"), "{text}");
    assert!(text.contains("Do not uninstall it yet"), "{text}");
    assert!(
        text.contains("National Domestic Violence Hotline"),
        "who can help, beside the findings: {text}"
    );
    assert!(!text.to_lowercase().contains("clean\n"), "{text}");

    // Spanish, and a second scan of the same file keeps one evidence item.
    let es = env.ok(&["scan", "androidqf", s(&qf), "--case", &case, "--lang", "es"]);
    assert!(es.contains("Preocupación alta"), "{es}");
    assert!(es.contains("Qué no significa:"), "{es}");
    let evidence = env.json(&["evidence", "list", "--case", &case]);
    assert_eq!(evidence.as_array().unwrap().len(), 2, "{evidence}");

    // The folder itself, as AndroidQF writes it: packed into one evidence
    // zip, the same findings; checked twice, still one evidence item.
    let folder = fixture("androidqf/android10");
    let packed = env.json(&["scan", "androidqf", s(&folder), "--case", &case]);
    assert_eq!(packed["settings"]["packed_from_folder"], "true");
    assert_eq!(packed["evidence"]["original_name"], "android10.zip");
    assert!(
        packed["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "stalkerware_app")
    );
    env.ok(&["scan", "androidqf", s(&folder), "--case", &case]);
    let evidence = env.json(&["evidence", "list", "--case", &case]);
    assert_eq!(evidence.as_array().unwrap().len(), 3, "{evidence}");
    let refused = env.fails(&["scan", "pcap", s(&folder), "--case", &case], 1);
    assert!(refused.contains("not a capture file"), "{refused}");

    let dir = fixture("bugreport/android13");
    let text = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("bugreport-"))
        .unwrap();
    let bug = env.json(&["scan", "bugreport", s(&text), "--case", &case]);
    assert_eq!(bug["kind"], "bugreport");
    assert!(bug["settings"]["as_of"].is_string(), "{bug}");
    assert!(bug["counts"]["high"].as_u64().unwrap() >= 1, "{bug}");

    let report = env.ok(&["journal", "verify", "--case", &case]);
    assert!(report.contains("Journal verified"), "{report}");
}

#[test]
fn a_scan_with_no_indicators_says_what_it_could_not_check() {
    let env = Env::new();
    let case = env.new_case();
    let pcap = env.path("home.pcap");
    capture(&pcap);
    let text = env.ok(&["scan", "pcap", s(&pcap), "--case", &case]);
    assert!(text.contains("No indicator files are registered"), "{text}");
    assert!(text.contains("not a clean bill of health"), "{text}");
    // A truncated acquisition: a clear refusal naming the file, no check recorded.
    let broken = env.path("broken-acquisition.zip");
    std::fs::write(&broken, b"PK\x03\x04 truncated here").unwrap();
    let err = env.fails(&["scan", "androidqf", s(&broken), "--case", &case], 1);
    assert!(err.contains("broken-acquisition.zip") && err.contains("zip"), "{err}");
    let case_json = env.json(&["case", "show", &case]);
    assert_eq!(case_json["evidence"], 1, "only the capture: {case_json}");
}

/// Opens the vault's database below Cairn's own code, as a careless script would.
async fn raw_pool(env: &Env) -> sqlx::SqlitePool {
    let dir = cairn_app::VaultDir::new(&env.vault);
    let master = dir
        .unlock(&cairn_app::Passphrase::new(common::PASSPHRASE.into()))
        .unwrap();
    let store = cairn_store::SqliteStore::open(&dir.database(), &master.database_key(), false)
        .await
        .unwrap();
    store.pool().clone()
}

#[tokio::test]
async fn verify_notices_an_edited_scan_projection() {
    let env = Env::new();
    let case = env.new_case();
    env.ok(&["iocs", "import", s(&indicators("ioc.yaml"))]);
    let pcap = env.path("home.pcap");
    capture(&pcap);
    let scan = env.json(&["scan", "pcap", s(&pcap), "--case", &case]);
    env.ok(&["journal", "verify", "--case", &case]);

    let pool = raw_pool(&env).await;
    sqlx::query("UPDATE scans SET data = replace(data, '\"severity\":\"high\"', '\"severity\":\"low\"')")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let stderr = env.fails(&["journal", "verify", "--case", &case], 3);
    let seq = scan["seq"].as_u64().unwrap();
    assert!(
        stderr.contains("scan") && stderr.contains(&format!("#{seq}")),
        "{stderr}"
    );
}

/// A live check against the replaying adb server (recorded Android 10, 12
/// and 14 phones): the real client, the real protocol, the evidence kept
/// and re-checkable as an AndroidQF zip.
#[test]
fn a_live_phone_check_over_adb() {
    use cairn_scan::adb::replay::{RecordedDevice, ReplayServer};
    let phones: Vec<RecordedDevice> = ["android10", "android12", "android14"]
        .iter()
        .map(|d| RecordedDevice::load(&fixture("adb").join(d)).expect("fixture"))
        .collect();
    let server = ReplayServer::start(phones, 0).expect("bind 127.0.0.1");
    let port = server.addr().port().to_string();
    let env = Env::new();
    let case = env.new_case();
    env.ok(&["iocs", "import", s(&indicators("ioc.yaml"))]);

    let several = env.fails(&["scan", "android", "--case", &case, "--adb-port", &port], 1);
    assert!(
        several.contains("Several phones are connected") && several.contains("R58M42ABCDE"),
        "{several}"
    );
    let missing = env.fails(
        &[
            "scan",
            "android",
            "--case",
            &case,
            "--adb-port",
            &port,
            "--serial",
            "NOPE",
        ],
        1,
    );
    assert!(missing.contains("No phone NOPE is connected"), "{missing}");

    let live = env.json(&[
        "scan",
        "android",
        "--case",
        &case,
        "--adb-port",
        &port,
        "--serial",
        "R58M42ABCDE",
    ]);
    assert_eq!(live["kind"], "adb");
    assert_eq!(live["settings"]["serial"], "R58M42ABCDE");
    assert_eq!(live["outcome"], "concerns", "{live}");
    assert!(
        live["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "stalkerware_app" && f["params"]["app"] == "TheTruthSpy"),
        "{live}"
    );
    let kept = live["evidence"]["original_name"].as_str().unwrap();
    assert!(kept.starts_with("adb-R58M42ABCDE-") && kept.ends_with(".zip"), "{kept}");

    // The kept outputs are an AndroidQF zip: checked again offline, the
    // same stalkerware is found.
    let id = live["evidence"]["id"].as_str().unwrap();
    let out = env.path("kept.zip");
    env.ok(&["evidence", "extract", id, "--case", &case, "--out", s(&out)]);
    let again = env.json(&["scan", "androidqf", s(&out), "--case", &case]);
    assert!(
        again["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "stalkerware_app" && f["params"]["app"] == "TheTruthSpy"),
        "{again}"
    );
    env.ok(&["journal", "verify", "--case", &case]);
}

/// A minimal HTTP/1.1 server on loopback serving `files` by name (404 for
/// anything else), standing in for the upstream indicator files.
fn mirror(files: Vec<(&'static str, Vec<u8>)>) -> u16 {
    use std::io::{BufRead, BufReader};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").trim_start_matches('/');
            let mut stream = stream;
            match files.iter().find(|(name, _)| *name == path) {
                Some((_, body)) => {
                    let head = format!(
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = stream.write_all(head.as_bytes());
                    let _ = stream.write_all(body);
                }
                None => {
                    let _ =
                        stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                }
            }
        }
    });
    port
}

#[test]
fn iocs_update_downloads_registers_and_records_where_from() {
    let ioc = std::fs::read(indicators("ioc.yaml")).unwrap();
    let watchware = std::fs::read(indicators("watchware.yaml")).unwrap();
    let env = Env::new();

    let refused = env.fails(&["iocs", "update", "--from", "http://example.org/"], 1);
    assert!(refused.contains("only https://"), "{refused}");

    // One file missing upstream: nothing is registered.
    let half = mirror(vec![("ioc.yaml", ioc.clone())]);
    let err = env.fails(&["iocs", "update", "--from", &format!("http://127.0.0.1:{half}")], 1);
    assert!(err.contains("watchware.yaml") && err.contains("404"), "{err}");
    assert_eq!(env.json(&["iocs", "list"]).as_array().unwrap().len(), 0);

    let full = mirror(vec![("ioc.yaml", ioc.clone()), ("watchware.yaml", watchware)]);
    let base = format!("http://127.0.0.1:{full}/");
    let done = env.json(&["iocs", "update", "--from", &base]);
    let done = done.as_array().unwrap();
    assert_eq!(done.len(), 2);
    let first = &done[0]["source"];
    assert_eq!(first["name"], "ioc.yaml");
    let version = first["version"].as_str().unwrap();
    assert!(
        version.ends_with(&base) && version.len() > base.len() + 10,
        "date and address: {version}"
    );
    use sha2::Digest;
    let expected: String = sha2::Sha256::digest(&ioc).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(first["sha256"], expected.as_str());
    // The same bytes again: recognised, not registered twice.
    let again = env.json(&["iocs", "update", "--from", &base]);
    assert_eq!(again[0]["already_registered"], true);
    assert_eq!(env.json(&["iocs", "list"]).as_array().unwrap().len(), 2);
}
