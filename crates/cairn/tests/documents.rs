//! `cairn export chronology|incidents|messages|ic3`: documents for people,
//! each recorded in the journal, each readable by the standard tool for its
//! format (pdftotext, a CSV reader), none able to run a formula.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::Env;
use serde_json::Value;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../cairn-ingest/tests/data")
        .join(name)
}

struct Case {
    env: Env,
    case: String,
    photo: String,
    subject: String,
}

/// A subject with the phone and address of the fixtures' sender, an SMS
/// backup and an email from them, a photo, and incidents recorded out of
/// order, one of them financial and one starting like a formula.
fn case() -> Case {
    let env = Env::new();
    let case = env.new_case();
    let subject = env.json(&[
        "subject",
        "add",
        "--case",
        &case,
        "--name",
        "Alex Rivera",
        "--phone",
        "+1 415 555 0142",
        "--email",
        "alex.rivera@example.net",
        "--relationship",
        "former-partner",
    ])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let photo_path = env.path("car.png");
    std::fs::write(&photo_path, b"\x89PNG\r\n\x1a\nnot really").unwrap();
    let photo = env.json(&["evidence", "add", "--case", &case, s(&photo_path)])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    env.ok(&["import", "sms-backup", s(&fixture("sms/backup.xml")), "--case", &case]);
    env.ok(&["import", "email", s(&fixture("email/message.eml")), "--case", &case]);
    for (when, channel, narrative, evidence) in [
        ("2026-03-05T09:30", "financial", "Emptied the joint account.", None),
        (
            "2026-01-02T22:10",
            "in-person",
            "=HYPERLINK(\"http://example.invalid\") was written on my car.",
            Some(photo.as_str()),
        ),
        ("2026-02-03", "text", "Forty messages in one night.", None),
    ] {
        let mut args = vec![
            "incident",
            "add",
            "--case",
            &case,
            "--when",
            when,
            "--channel",
            channel,
            "--narrative",
            narrative,
            "--subject",
            &subject,
            "--location",
            "Outside my work",
        ];
        if let Some(e) = evidence {
            args.extend(["--evidence", e]);
        }
        env.ok(&args);
    }
    Case {
        env,
        case,
        photo,
        subject,
    }
}

fn export(c: &Case, what: &str, out: &Path, extra: &[&str]) -> Value {
    let mut args = vec![
        "export",
        what,
        "--case",
        &c.case,
        "--out",
        s(out),
        "--recipient",
        "Protective order petition",
    ];
    args.extend(extra);
    c.env.json(&args)
}

/// Header and rows of a CSV file as a spreadsheet would read them.
fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for spreadsheets");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name:?} in {header:?}"))
}

fn journal_exports(c: &Case) -> Vec<Value> {
    let history = c.env.json(&["export", "history", "--case", &c.case]);
    history.as_array().unwrap().clone()
}

fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", s(path), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed by .ci/run");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_chronology_numbers_incidents_in_date_order_with_their_evidence() {
    let c = case();
    let pdf = c.env.path("chronology.pdf");
    let summary = export(&c, "chronology", &pdf, &[]);
    assert_eq!(summary["rows"], 3, "{summary}");
    let text = pdf_text(&pdf);
    assert!(text.contains("Chronology of incidents"), "{text}");
    let fingerprint = summary["checkpoint_fingerprint"].as_str().unwrap();
    assert!(text.contains(fingerprint), "the checkpoint is on every page");
    let first = text.find("was written on my car").unwrap();
    let second = text.find("Forty messages").unwrap();
    let third = text.find("Emptied the joint").unwrap();
    assert!(first < second && second < third, "oldest first:\n{text}");
    assert!(text.contains(&c.photo) && text.contains("car.png"), "{text}");
    assert!(text.contains("Page 1 of"), "{text}");
    assert!(!text.contains("Outside my work"), "a chronology leaves locations out");

    let csv_path = c.env.path("chronology.csv");
    export(&c, "chronology", &csv_path, &[]);
    let (header, rows) = read_csv(&csv_path);
    assert_eq!(rows.len(), 3);
    let (number, date, narrative, evidence) = (
        column(&header, "No."),
        column(&header, "Date"),
        column(&header, "What happened"),
        column(&header, "Evidence"),
    );
    let dates: Vec<&str> = rows.iter().map(|r| r[date].as_str()).collect();
    assert_eq!(dates, ["2026-01-02", "2026-02-03", "2026-03-05"]);
    assert_eq!(rows[2][number], "3");
    assert!(
        rows[0][narrative].starts_with("'=HYPERLINK"),
        "a formula is shown as text: {:?}",
        rows[0][narrative]
    );
    assert!(rows[0][evidence].contains(&c.photo));
    assert!(!header.iter().any(|h| h == "Location"));

    let kinds: Vec<String> = journal_exports(&c)
        .iter()
        .map(|e| e["kind"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        kinds,
        ["chronology_pdf", "chronology_csv"],
        "each export is in the journal"
    );
}

#[test]
fn the_incidents_table_has_every_field_and_follows_the_selection() {
    let c = case();
    let out = c.env.path("incidents.csv");
    export(&c, "incidents", &out, &["--from", "2026-02-01"]);
    let (header, rows) = read_csv(&out);
    assert_eq!(rows.len(), 2, "the January incident is before --from");
    let location = column(&header, "Location");
    assert!(rows.iter().all(|r| r[location] == "Outside my work"));
    let id = column(&header, "Incident id");
    assert!(rows.iter().all(|r| r[id].starts_with("i-")));
}

#[test]
fn messages_are_traced_to_their_source_and_filtered_by_subject() {
    let c = case();
    let all = c.env.path("all.csv");
    let summary = export(&c, "messages", &all, &[]);
    let (header, rows) = read_csv(&all);
    assert_eq!(summary["rows"].as_u64().unwrap() as usize, rows.len());
    assert!(
        rows.len() > 12,
        "SMS, calls of the backup and the email: {}",
        rows.len()
    );
    let (file, line, sha, party, text) = (
        column(&header, "Source file"),
        column(&header, "Source line"),
        column(&header, "Source SHA-256"),
        column(&header, "Party"),
        column(&header, "Text"),
    );
    assert!(rows.iter().all(|r| r[line].parse::<u64>().unwrap() >= 1));
    let sms: Vec<_> = rows.iter().filter(|r| r[file] == "backup.xml").collect();
    let expected = sha256_hex(&std::fs::read(fixture("sms/backup.xml")).unwrap());
    assert!(!sms.is_empty(), "{rows:?}");
    assert!(sms.iter().all(|r| r[sha] == expected), "{sms:?}");
    assert!(rows.iter().any(|r| r[text].contains("I know where you live now")));

    let theirs = c.env.path("theirs.csv");
    export(&c, "messages", &theirs, &["--subject", &c.subject]);
    let (_, chosen) = read_csv(&theirs);
    assert!(!chosen.is_empty() && chosen.len() < rows.len());
    assert!(
        chosen
            .iter()
            .all(|r| r[party] == "'+14155550142" || r[party] == "alex.rivera@example.net"),
        "only the subject's numbers and addresses (a leading + is kept as text)"
    );
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn the_ic3_worksheet_follows_the_form_and_quotes_headers_as_received() {
    let c = case();
    let out = c.env.path("ic3.txt");
    export(&c, "ic3", &out, &[]);
    let text = std::fs::read_to_string(&out).unwrap();
    let mut at = 0;
    for heading in [
        "1. Victim information",
        "2. Financial transactions",
        "3. Subject information",
        "4. Description of incident",
        "5. Other information",
        "6. Original files to keep",
    ] {
        let found = text[at..]
            .find(heading)
            .unwrap_or_else(|| panic!("{heading:?} after byte {at}:\n{text}"));
        at += found;
    }
    let money = &text[text.find("2. Financial").unwrap()..text.find("3. Subject").unwrap()];
    assert!(money.contains("Emptied the joint account."), "{money}");
    let subject = &text[text.find("3. Subject").unwrap()..text.find("4. Description").unwrap()];
    assert!(
        subject.contains("Alex Rivera") && subject.contains("+14155550142"),
        "{subject}"
    );
    let other = &text[text.find("5. Other").unwrap()..];
    assert!(
        other.contains("Message-ID: <20240115210512.4821@mail.example.net>"),
        "{other}"
    );
    assert!(other.contains("DKIM-Signature: v=1; a=rsa-sha256"), "{other}");
    let raw = std::fs::read(fixture("email/message.eml")).unwrap();
    assert!(text.contains(&sha256_hex(&raw)), "the original .eml is listed to keep");

    let es = c.env.path("ic3-es.txt");
    let mut args = vec![
        "export",
        "ic3",
        "--case",
        &c.case,
        "--out",
        s(&es),
        "--recipient",
        "IC3",
        "--lang",
        "es",
    ];
    args.push("--json");
    c.env.ok(&args);
    let spanish = std::fs::read_to_string(&es).unwrap();
    assert!(spanish.contains("Transacciones financieras"), "{spanish}");
}

#[test]
fn documents_refuse_to_overwrite_and_need_a_recipient() {
    let c = case();
    let out = c.env.path("keep.csv");
    std::fs::write(&out, b"keep me").unwrap();
    let err = c.env.fails(
        &[
            "export",
            "messages",
            "--case",
            &c.case,
            "--out",
            s(&out),
            "--recipient",
            "Me",
        ],
        1,
    );
    assert!(err.contains("keep.csv"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
    assert!(journal_exports(&c).is_empty(), "nothing was exported, nothing recorded");
    export(&c, "messages", &out, &["--force"]);
    assert_ne!(std::fs::read(&out).unwrap(), b"keep me");

    let blank = c.env.path("blank.txt");
    let err = c.env.fails(
        &[
            "export",
            "ic3",
            "--case",
            &c.case,
            "--out",
            s(&blank),
            "--recipient",
            "  ",
        ],
        1,
    );
    assert!(err.contains("recipient"), "{err}");
    assert!(!blank.exists());
}
