//! `cairn export packet` and `cairn verify`: the packet checks out with
//! Cairn and with standard tools, any changed byte is caught, pictures lose
//! their location metadata, selections stay provable.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use cairn_app::report::packet::{self, PacketFiles};
use common::Env;
use serde_json::Value;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A small JPEG container with an EXIF segment naming a place.
fn jpeg_with_gps() -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8];
    let mut segment = |marker: u8, body: &[u8]| {
        out.extend([0xFF, marker]);
        out.extend(((body.len() + 2) as u16).to_be_bytes());
        out.extend(body);
    };
    segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    segment(0xE1, b"Exif\0\0GPSLatitude 40.7128N 74.0060W");
    segment(0xDB, &[0; 65]);
    segment(0xC0, &[8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
    segment(0xDA, &[1, 1, 0, 0, 0x3F, 0]);
    out.extend([0x12, 0x34, 0xFF, 0xD9]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

struct Case {
    env: Env,
    case: String,
    incidents: Vec<String>,
    photo: String,
}

fn case_with_evidence() -> Case {
    let env = Env::new();
    let case = env.new_case();
    env.ok(&[
        "subject",
        "add",
        "--case",
        &case,
        "--name",
        "J. Doe",
        "--phone",
        "+1 555 123 4567",
        "--relationship",
        "former-partner",
    ]);
    let photo_path = env.path("doorstep.jpg");
    std::fs::write(&photo_path, jpeg_with_gps()).unwrap();
    let photo = env.json(&["evidence", "add", "--case", &case, s(&photo_path)])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let note_path = env.path("notes.txt");
    std::fs::write(&note_path, "He was outside again at 7am.\n").unwrap();
    env.ok(&["evidence", "add", "--case", &case, s(&note_path)]);
    let sms = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../cairn-ingest/tests/data/sms/backup.xml");
    env.ok(&["import", "sms-backup", s(&sms), "--case", &case]);
    let mut incidents = Vec::new();
    for (when, narrative, evidence) in [
        (
            "2026-01-02T22:10",
            "Photo of my door left on the car.",
            Some(photo.as_str()),
        ),
        ("2026-02-03T07:00", "Waiting outside work.", None),
    ] {
        let mut args = vec![
            "incident",
            "add",
            "--case",
            &case,
            "--when",
            when,
            "--channel",
            "in-person",
            "--narrative",
            narrative,
        ];
        if let Some(e) = evidence {
            args.extend(["--evidence", e]);
        }
        incidents.push(env.json(&args)["id"].as_str().unwrap().to_owned());
    }
    Case {
        env,
        case,
        incidents,
        photo,
    }
}

fn unzip(zip_path: &Path, into: &Path) {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(zip_path).unwrap()).unwrap();
    archive.extract(into).unwrap();
}

fn verify_dir(dir: &Path) -> packet::Verified {
    packet::verify(&PacketFiles::open(dir).unwrap(), &|_| {})
}

fn export(c: &Case, out: &Path, extra: &[&str]) -> Value {
    let mut args = vec![
        "export",
        "packet",
        "--case",
        &c.case,
        "--out",
        s(out),
        "--recipient",
        "Family court",
    ];
    args.extend(extra);
    c.env.json(&args)
}

#[test]
fn a_packet_verifies_with_cairn_and_with_standard_tools() {
    let c = case_with_evidence();
    let out = c.env.path("packet.zip");
    let summary = export(&c, &out, &[]);
    assert_eq!(summary["evidence"], 3, "photo, note and the SMS backup: {summary}");
    assert_eq!(summary["metadata_removed"], 1);
    assert_eq!(
        summary["imported_files_with_media"], 1,
        "the SMS backup carries MMS pictures"
    );

    let verified = c.env.json(&["verify", s(&out)]);
    assert_eq!(verified["ok"], true, "{verified}");
    assert_eq!(verified["earlier_checkpoints"], 0);
    assert_eq!(verified["checkpoint_fingerprint"], summary["checkpoint_fingerprint"]);

    let dir = c.env.path("unzipped");
    unzip(&out, &dir);
    assert!(verify_dir(&dir).ok());
    let sums = Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(sums.status.success(), "{}", String::from_utf8_lossy(&sums.stdout));
    let listed = std::fs::read_to_string(dir.join("SHA256SUMS")).unwrap().lines().count();
    assert_eq!(String::from_utf8_lossy(&sums.stdout).matches(": OK").count(), listed);

    if Command::new("ssh-keygen").arg("-?").output().is_ok() {
        let signed = std::fs::File::open(dir.join("SHA256SUMS")).unwrap();
        let ssh = Command::new("ssh-keygen")
            .args(["-Y", "verify", "-f", "allowed_signers", "-I", "cairn-vault"])
            .args(["-n", packet::sshsig::NAMESPACE, "-s", "SHA256SUMS.sig"])
            .current_dir(&dir)
            .stdin(signed)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&ssh.stdout).into_owned() + &String::from_utf8_lossy(&ssh.stderr);
        assert!(
            ssh.status.success() && said.contains("Good \"cairn-packet@cairn.invalid\" signature for cairn-vault"),
            "{said}"
        );
    }

    let listed_key = Command::new("ssh-keygen")
        .args(["-l", "-f", "cairn-signing-key.pub"])
        .current_dir(&dir)
        .output();
    if let Ok(listed_key) = listed_key {
        let printed = String::from_utf8_lossy(&listed_key.stdout);
        assert!(
            printed.contains(verified["key_fingerprint"].as_str().unwrap()),
            "{printed}"
        );
    }

    // The picture in the packet is a copy without its GPS segment.
    let manifest: Value = serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let photo = manifest["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == c.photo.as_str())
        .unwrap();
    assert_eq!(photo["metadata_removed"], true);
    let copy = std::fs::read(dir.join(photo["path"].as_str().unwrap())).unwrap();
    assert!(!contains(&copy, b"GPSLatitude") && contains(&copy, b"JFIF"));

    // The report names the case and the checkpoint it rests on, and warns
    // that the SMS backup (with MMS pictures inside) is included as received.
    let text = Command::new("pdftotext")
        .args(["-layout", "report.pdf", "-"])
        .current_dir(&dir)
        .output()
        .expect("pdftotext (poppler-utils) is installed by .ci/run");
    let text = String::from_utf8_lossy(&text.stdout).replace(['\u{200b}', '\n', ' '], "");
    assert!(text.contains(&c.case), "report lacks the case id");
    assert!(text.contains(summary["checkpoint_fingerprint"].as_str().unwrap()));
    assert!(text.contains("Photoofmydoorleftonthecar."));
    assert!(
        text.contains("includedexactlyasreceived") && text.contains("backup.xml"),
        "{text}"
    );

    // Exporting is a journal event, and the journal still verifies.
    let journal = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
    assert!(journal.lines().last().unwrap().contains("\"type\":\"packet_exported\""));
    assert!(journal.contains("Family court"));
    c.env.ok(&["journal", "verify", "--case", &c.case]);
}

/// Flips one byte at a time, at positions spread over every file, and
/// requires `verify` to notice each one.
#[test]
fn every_flipped_byte_is_detected() {
    let c = case_with_evidence();
    let out = c.env.path("packet.zip");
    export(&c, &out, &[]);
    let dir = c.env.path("unzipped");
    unzip(&out, &dir);
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![dir.clone()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            if entry.path().is_dir() {
                stack.push(entry.path());
            } else {
                files.push(entry.path());
            }
        }
    }
    files.sort();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let flips = 1_000;
    for flip in 0..flips {
        let file = &files[flip % files.len()];
        let original = std::fs::read(file).unwrap();
        let at = (next() % original.len() as u64) as usize;
        let mut changed = original.clone();
        changed[at] ^= 1 + (next() % 255) as u8;
        std::fs::write(file, &changed).unwrap();
        let verdict = verify_dir(&dir);
        std::fs::write(file, &original).unwrap();
        assert!(
            !verdict.ok(),
            "flip {flip}: byte {at} of {} went unnoticed",
            file.display()
        );
    }
    assert!(verify_dir(&dir).ok(), "restored packet verifies again");
}

#[test]
fn a_selection_is_provable_and_later_exports_prove_consistency() {
    let c = case_with_evidence();
    let first = c.env.path("first.zip");
    export(&c, &first, &[]);
    let second = c.env.path("only-incident.zip");
    let summary = export(&c, &second, &["--incident", &c.incidents[1]]);
    assert_eq!(summary["evidence"], 0, "the chosen incident has no evidence");
    let verified = c.env.json(&["verify", s(&second)]);
    assert_eq!(verified["ok"], true, "{verified}");
    assert_eq!(verified["earlier_checkpoints"], 1);
    let dir = c.env.path("second");
    unzip(&second, &dir);
    let journal = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
    assert!(journal.contains("Waiting outside work."));
    assert!(!journal.contains("Photo of my door"), "unchosen incident left out");
    assert!(
        !journal.contains("\"recipient\":\"Family court\",\"selection\":{}"),
        "earlier export not shown"
    );
}

#[test]
fn bad_requests_fail_clearly_and_write_nothing() {
    let c = case_with_evidence();
    let out = c.env.path("packet.zip");
    std::fs::write(&out, b"keep me").unwrap();
    let err = c.env.fails(
        &[
            "export",
            "packet",
            "--case",
            &c.case,
            "--out",
            s(&out),
            "--recipient",
            "Court",
        ],
        1,
    );
    assert!(err.contains("packet.zip"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
    let err = c.env.fails(
        &[
            "export",
            "packet",
            "--case",
            &c.case,
            "--out",
            s(&c.env.path("x.zip")),
            "--recipient",
            "Court",
            "--incident",
            "i-nope",
        ],
        1,
    );
    assert!(!err.is_empty());
    assert!(!c.env.path("x.zip").exists());
    let printed = c.env.cmd(&["verify", s(&out)]).output().unwrap();
    assert_eq!(
        printed.status.code(),
        Some(3),
        "a packet that is not one fails verification"
    );
    assert!(String::from_utf8_lossy(&printed.stdout).contains("NOT VERIFIED"));
}
