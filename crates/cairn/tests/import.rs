//! `cairn import`, `counterpart` and `messages` against real export files.

mod common;

use std::path::PathBuf;

use common::Env;

fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../cairn-ingest/tests/data")
        .join(path)
}

fn sms(date_ms: u64, body: &str) -> String {
    format!(
        r#"  <sms protocol="0" address="(415) 555-0142" date="{date_ms}" type="1" body="{body}" read="1" status="-1" contact_name="Alex" />"#
    )
}

fn backup(messages: &[String]) -> String {
    format!(
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"{}\">\n{}\n</smses>\n",
        messages.len(),
        messages.join("\n")
    )
}

fn import(env: &Env, case: &str, kind: &str, file: &std::path::Path) -> serde_json::Value {
    env.json(&["import", kind, file.to_str().unwrap(), "--case", case])
}

#[test]
fn overlapping_backups_add_each_message_once() {
    let env = Env::new();
    let case = env.new_case();
    let first: Vec<String> = (0..3)
        .map(|i| sms(1_710_000_000_000 + i * 60_000, &format!("message {i}")))
        .collect();
    let mut later = first.clone();
    later.extend((3..5).map(|i| sms(1_710_000_000_000 + i * 60_000, &format!("message {i}"))));
    std::fs::write(env.path("sms-1.xml"), backup(&first)).unwrap();
    std::fs::write(env.path("sms-2.xml"), backup(&later)).unwrap();

    let one = import(&env, &case, "sms-backup", &env.path("sms-1.xml"));
    assert_eq!(one["already_imported"], false);
    assert_eq!(one["import"]["extracted"]["communications"], 3);
    assert_eq!(one["import"]["extracted"]["added"], 3);
    assert_eq!(one["import"]["settings"]["region"], "US");
    assert_eq!(one["unassigned"][0]["value"], "+14155550142");

    let again = import(&env, &case, "sms-backup", &env.path("sms-1.xml"));
    assert_eq!(again["already_imported"], true);
    assert_eq!(again["import"]["seq"], one["import"]["seq"]);

    // Other settings read the file again, from the vault's copy and under
    // the evidence item it already is: one new event, no second evidence.
    let first_path = env.path("sms-1.xml");
    let other = env.json(&[
        "import",
        "sms-backup",
        first_path.to_str().unwrap(),
        "--case",
        &case,
        "--owner",
        "+15555550100",
    ]);
    assert_eq!(other["already_imported"], false);
    assert_eq!(other["evidence"]["id"], one["evidence"]["id"]);
    assert_eq!(other["import"]["seq"], one["import"]["seq"].as_u64().unwrap() + 1);
    assert_eq!(other["import"]["extracted"]["communications"], 3);
    assert_eq!(other["import"]["extracted"]["added"], 0);

    let two = import(&env, &case, "sms-backup", &env.path("sms-2.xml"));
    assert_eq!(two["import"]["extracted"]["communications"], 5);
    assert_eq!(two["import"]["extracted"]["added"], 2);

    let all = env.json(&["messages", "--case", &case]);
    let bodies: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap())
        .collect();
    assert_eq!(
        bodies,
        ["message 0", "message 1", "message 2", "message 3", "message 4"]
    );
    assert_eq!(env.json(&["case", "show", &case])["communications"], 5);
    // The sources are evidence; the messages are not each a journal event.
    assert_eq!(
        env.json(&["evidence", "list", "--case", &case])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    env.ok(&["journal", "verify", "--case", &case]);
}

#[test]
fn an_import_reports_its_counterparts_as_a_full_count_does() {
    let env = Env::new();
    let case = env.new_case();
    // The first import counts its contacts as it adds them; the second,
    // into a case with messages already, counts every contact again.
    let first = import(&env, &case, "sms-backup", &fixture("sms/backup.xml"));
    let listed = env.json(&["counterpart", "list", "--case", &case, "--unassigned"]);
    assert!(listed.as_array().unwrap().len() >= 3, "{listed}");
    assert!(listed[0]["communications"].as_u64().unwrap() > 1, "{listed}");
    assert_eq!(first["unassigned"], listed);
    let later: Vec<String> = (0..4)
        .map(|i| sms(1_710_000_000_000 + i * 60_000, &format!("later {i}")))
        .collect();
    std::fs::write(env.path("sms-later.xml"), backup(&later)).unwrap();
    let second = import(&env, &case, "sms-backup", &env.path("sms-later.xml"));
    let listed = env.json(&["counterpart", "list", "--case", &case, "--unassigned"]);
    assert_eq!(second["unassigned"], listed);
    assert_ne!(first["unassigned"], second["unassigned"]);
}

#[test]
fn counterparts_are_matched_to_subjects() {
    let env = Env::new();
    let case = env.new_case();
    import(&env, &case, "sms-backup", &fixture("sms/backup.xml"));
    let subject = env.json(&[
        "subject",
        "add",
        "--case",
        &case,
        "--name",
        "A. R.",
        "--relationship",
        "former_partner",
    ]);
    let subject = subject["id"].as_str().unwrap();
    assert_eq!(
        env.json(&["counterpart", "list", "--case", &case, "--unassigned"])
            .as_array()
            .unwrap()
            .len(),
        3
    );
    env.ok(&[
        "counterpart",
        "assign",
        "+14155550142",
        "--subject",
        subject,
        "--case",
        &case,
    ]);
    let left = env.json(&["counterpart", "list", "--case", &case, "--unassigned"]);
    assert!(
        left.as_array().unwrap().iter().all(|c| c["value"] != "+14155550142"),
        "{left}"
    );
    let theirs = env.json(&["messages", "--case", &case, "--subject", subject]);
    assert_eq!(theirs.as_array().unwrap().len(), 8, "{theirs}");
    assert!(
        theirs
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["counterpart"] == "+14155550142")
    );
    // The subject now carries the number, and the journal replays to it.
    let shown = env.json(&["subject", "list", "--case", &case]);
    assert!(shown.to_string().contains("+14155550142"), "{shown}");
    env.ok(&["journal", "verify", "--case", &case]);
    env.fails(
        &[
            "counterpart",
            "assign",
            "+19999999999",
            "--subject",
            subject,
            "--case",
            &case,
        ],
        1,
    );
}

#[test]
fn every_kind_imports_from_its_real_format() {
    let env = Env::new();
    let case = env.new_case();
    let chat = env.json(&[
        "import",
        "whatsapp",
        fixture("whatsapp/android-de.txt").to_str().unwrap(),
        "--case",
        &case,
        "--tz",
        "Europe/Berlin",
        "--owner",
        "Anna",
    ]);
    assert_eq!(chat["import"]["settings"]["time_zone"], "Europe/Berlin");
    assert!(chat["import"]["extracted"]["added"].as_u64().unwrap() > 0);
    let mail = import(&env, &case, "email", &fixture("email/mailbox.mbox"));
    assert!(
        mail["import"]["extracted"]["attachments"].as_u64().unwrap() > 0,
        "{mail}"
    );
    let calls = import(&env, &case, "sms-backup", &fixture("sms/calls.xml"));
    assert!(calls["import"]["extracted"]["added"].as_u64().unwrap() > 0);
    let exif = cairn_ingest::synth::ExifSpec {
        make: "Cairn Test".into(),
        model: "Fixture Phone 1".into(),
        taken: "2024:01:15 21:05:12".into(),
        offset: Some("-05:00".into()),
        gps: Some((37.779_3, -122.419_3)),
    };
    std::fs::write(env.path("IMG_1.jpg"), cairn_ingest::synth::jpeg(16, 1, Some(&exif))).unwrap();
    let photo = import(&env, &case, "photo", &env.path("IMG_1.jpg"));
    let facts = &photo["import"]["photo"];
    assert_eq!(
        (facts["latitude"].as_str(), facts["longitude"].as_str()),
        (Some("37.7793000"), Some("-122.4193000")),
        "{photo}"
    );
    assert_eq!(
        (facts["captured_local"].as_str(), facts["offset"].as_str()),
        (Some("2024-01-15T21:05:12"), Some("-05:00"))
    );
    // A file that is no picture is still kept, as plain evidence.
    std::fs::write(env.path("notes.txt"), "not a picture").unwrap();
    let plain = import(&env, &case, "photo", &env.path("notes.txt"));
    assert!(plain["import"]["photo"].is_null(), "{plain}");
    assert_eq!(plain["evidence"]["original_name"], "notes.txt");
    // Each import is reproducible from its stored source and recorded settings.
    let out = env.ok(&["journal", "verify", "--case", &case, "--reimport"]);
    assert!(out.contains("Journal verified"), "{out}");
}

#[test]
fn a_broken_file_imports_nothing_and_says_where() {
    let env = Env::new();
    let case = env.new_case();
    let whole = std::fs::read_to_string(fixture("sms/backup.xml")).unwrap();
    std::fs::write(env.path("cut.xml"), &whole[..whole.len() / 2]).unwrap();
    let before = env.json(&["case", "show", &case]);
    let err = env.fails(
        &[
            "import",
            "sms-backup",
            env.path("cut.xml").to_str().unwrap(),
            "--case",
            &case,
        ],
        1,
    );
    assert!(err.contains("cut.xml") && err.contains("line"), "{err}");
    std::fs::write(env.path("chat.txt"), "this is not a chat\nat all\n").unwrap();
    let err = env.fails(
        &[
            "import",
            "whatsapp",
            env.path("chat.txt").to_str().unwrap(),
            "--case",
            &case,
        ],
        1,
    );
    assert!(err.contains("line 1"), "{err}");
    std::fs::write(env.path("chat.zip"), b"PK\x03\x04 broken").unwrap();
    let err = env.fails(
        &[
            "import",
            "whatsapp",
            env.path("chat.zip").to_str().unwrap(),
            "--case",
            &case,
        ],
        1,
    );
    assert!(err.contains("zip"), "{err}");
    let err = env.fails(
        &[
            "import",
            "whatsapp",
            fixture("whatsapp/android-de.txt").to_str().unwrap(),
            "--case",
            &case,
            "--tz",
            "Mars/Olympus",
        ],
        1,
    );
    assert!(err.contains("Mars/Olympus"), "{err}");
    // Nothing half-written: no evidence, no messages, the same journal.
    assert_eq!(env.json(&["case", "show", &case]), before);
    assert!(env.json(&["messages", "--case", &case]).as_array().unwrap().is_empty());
    env.ok(&["journal", "verify", "--case", &case]);
}

#[test]
fn errors_and_reports_are_in_spanish_too() {
    let env = Env::new();
    let case = env.new_case();
    let out = env.ok(&[
        "--lang",
        "es",
        "import",
        "sms-backup",
        fixture("sms/backup.xml").to_str().unwrap(),
        "--case",
        &case,
    ]);
    assert!(
        out.contains("Se importó backup.xml") && out.contains("no tiene"),
        "{out}"
    );
    std::fs::write(env.path("chat.txt"), "nada\n").unwrap();
    let err = env.fails(
        &[
            "--lang",
            "es",
            "import",
            "whatsapp",
            env.path("chat.txt").to_str().unwrap(),
            "--case",
            &case,
        ],
        1,
    );
    assert!(err.contains("no se puede importar") && err.contains("línea 1"), "{err}");
}

#[test]
fn pattern_counts_per_subject_and_draws_charts() {
    let env = Env::new();
    let case = env.new_case();
    // Six texts from the subject on two days, one reply, one flagged for review.
    let day = 1_767_268_800_000u64; // 2026-01-01T12:00:00Z
    let mut texts: Vec<String> = (0..4).map(|i| sms(day + i * 60_000, &format!("hello {i}"))).collect();
    texts.push(sms(day + 86_400_000, "I know where you live"));
    texts.push(sms(day + 86_400_000 + 60_000, "pick up"));
    texts.push(
        r#"  <sms protocol="0" address="(415) 555-0142" date="1767269000000" type="2" body="stop" read="1" status="-1" />"#
            .to_owned(),
    );
    std::fs::write(env.path("sms.xml"), backup(&texts)).unwrap();
    import(&env, &case, "sms-backup", &env.path("sms.xml"));
    let subject = env.json(&[
        "subject",
        "add",
        "--case",
        &case,
        "--name",
        "J. D.",
        "--relationship",
        "former_partner",
    ]);
    let subject = subject["id"].as_str().unwrap().to_owned();
    env.ok(&[
        "counterpart",
        "assign",
        "+14155550142",
        "--subject",
        &subject,
        "--case",
        &case,
    ]);

    let charts = env.path("charts");
    let out = env.json(&[
        "pattern",
        "--case",
        &case,
        "--tz",
        "UTC",
        "--no-contact-from",
        "2026-01-02",
        "--charts",
        charts.to_str().unwrap(),
    ]);
    let party = &out["pattern"]["analysis"]["parties"][0];
    assert_eq!(out["pattern"]["parties"][0]["subject"], subject.as_str());
    assert_eq!(
        (party["from_them"].as_u64(), party["to_them"].as_u64()),
        (Some(6), Some(1)),
        "{party}"
    );
    assert_eq!(party["busiest_day"]["count"], 4);
    assert_eq!(party["after_no_contact"]["contacts"], 2);
    assert_eq!(party["longest_streak"]["days"], 2);
    assert_eq!(
        party["review"], 1,
        "the lexicon flags 'I know where you live' for review"
    );
    let review = env.json(&["messages", "--case", &case, "--review"]);
    assert_eq!(review[0]["body"], "I know where you live");
    let files = out["charts"].as_array().unwrap();
    assert_eq!(files.len(), 3, "{files:?}");
    for file in files {
        let svg = std::fs::read_to_string(file.as_str().unwrap()).unwrap();
        assert!(
            svg.starts_with("<svg") && svg.contains("role=\"img\"") && !svg.contains("style="),
            "{svg}"
        );
        assert!(svg.contains("J. D."), "charts name the subject");
    }
}

#[test]
fn a_picture_inside_a_backup_is_extracted_and_logged_on_its_source() {
    let env = Env::new();
    let case = env.new_case();
    let report = import(&env, &case, "sms-backup", &fixture("sms/backup.xml"));
    let source = report["evidence"]["id"].as_str().unwrap().to_owned();
    let picture = attachments(&env, &case)
        .into_iter()
        .find(|a| a["name"] == "IMG_0412.png")
        .expect("the MMS picture");
    let sha = picture["sha256"].as_str().unwrap();
    let out = env.path("picture.png");
    let bytes = extract(&env, &case, sha, &out);
    assert!(bytes.starts_with(b"\x89PNG"), "the decoded picture, not its base64");
    let shown = env.json(&["evidence", "show", &source, "--case", &case]);
    assert!(shown["custody"].to_string().contains("IMG_0412.png"), "{shown}");
    env.fails(
        &[
            "evidence",
            "extract",
            &"0".repeat(64),
            "--out",
            out.to_str().unwrap(),
            "--case",
            &case,
            "--force",
        ],
        1,
    );
}

#[test]
fn pictures_of_a_backup_are_read_back_from_it_not_stored_twice() {
    let env = Env::new();
    let case = env.new_case();
    let spec = cairn_ingest::synth::SynthSpec {
        messages: 120,
        mms_every: 4,
        calls: 0,
        seed: 11,
        image_side: 32,
    };
    let mut xml = Vec::new();
    let stats = cairn_ingest::synth::write_sms_backup(&mut xml, &spec).unwrap();
    std::fs::write(env.path("pictures.xml"), &xml).unwrap();
    let report = import(&env, &case, "sms-backup", &env.path("pictures.xml"));
    assert_eq!(report["import"]["extracted"]["attachments"], stats.attachments);
    // One encrypted file: the backup. Its pictures are not copied again.
    let stored = walk(&env.vault.join("blobs"));
    assert_eq!(stored.len(), 1, "{stored:?}");
    let pictures: Vec<String> = attachments(&env, &case)
        .iter()
        .map(|a| a["sha256"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(pictures.len() as u64, stats.attachments);
    for (n, sha) in pictures.iter().enumerate().step_by(7) {
        extract(&env, &case, sha, &env.path(&format!("picture-{n}")));
    }
}

/// `evidence extract` of an imported file to `out`: its bytes, checked
/// against the SHA-256 it was listed under.
fn extract(env: &Env, case: &str, sha: &str, out: &std::path::Path) -> Vec<u8> {
    use sha2::Digest;
    env.ok(&[
        "evidence",
        "extract",
        sha,
        "--out",
        out.to_str().unwrap(),
        "--case",
        case,
    ]);
    let bytes = std::fs::read(out).unwrap();
    assert_eq!(hex(&sha2::Sha256::digest(&bytes)), sha);
    bytes
}

/// Every attachment of the case's messages, as `messages --json` lists them.
fn attachments(env: &Env, case: &str) -> Vec<serde_json::Value> {
    let messages = env.json(&["messages", "--case", case, "--limit", "1000"]);
    messages
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["attachments"].as_array().cloned().unwrap_or_default())
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}
