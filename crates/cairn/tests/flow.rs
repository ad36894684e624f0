//! The advocate's path through the CLI, end to end, on a real SQLCipher vault.

mod common;

use common::Env;

#[test]
fn case_subject_incident_evidence_journal() {
    let env = Env::new();
    let case = env.new_case();
    assert!(case.starts_with("c-"), "{case}");

    let subject = env.json(&[
        "subject",
        "add",
        "--case",
        &case,
        "--name",
        "J. Doe",
        "--relationship",
        "former-partner",
        "--phone",
        "+1 555 123 4567",
        "--email",
        "JD@Example.org",
    ]);
    let subject_id = subject["id"].as_str().unwrap().to_owned();
    assert_eq!(
        subject["identifiers"][0],
        serde_json::json!({"kind": "phone", "value": "+15551234567"})
    );
    assert_eq!(subject["identifiers"][1]["value"], "jd@example.org");

    let screenshot = env.path("screenshot.png");
    let content: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(&screenshot, &content).unwrap();
    let evidence = env.json(&[
        "evidence",
        "add",
        "--case",
        &case,
        screenshot.to_str().unwrap(),
        "--source",
        "survivor's phone",
    ]);
    let evidence_id = evidence["id"].as_str().unwrap().to_owned();
    assert_eq!(evidence["sha256"], sha256_hex(&content));
    assert_eq!(evidence["size"], content.len());
    assert_eq!(evidence["media_type"], "image/png");
    assert_eq!(evidence["duplicate"], false);
    // The same bytes again are recognised, not recorded twice.
    assert_eq!(
        env.json(&["evidence", "add", "--case", &case, screenshot.to_str().unwrap()])["duplicate"],
        true
    );

    let incident = env.json(&[
        "incident",
        "add",
        "--case",
        &case,
        "--when",
        "2026-01-02T22:10",
        "--channel",
        "text",
        "--behaviour",
        "intimidation",
        "--behaviour",
        "threats",
        "--subject",
        &subject_id,
        "--narrative",
        "He texted 40 times after midnight.",
        "--fear",
        "8",
        "--evidence",
        &evidence_id,
    ]);
    let incident_id = incident["id"].as_str().unwrap().to_owned();
    assert_eq!(incident["categories"], serde_json::json!(["intimidation"]));
    assert_eq!(
        incident["occurred"],
        serde_json::json!({"date": "2026-01-02", "time": "22:10:00", "precision": "exact"})
    );

    let amended = env.json(&[
        "incident",
        "amend",
        "--case",
        &case,
        &incident_id,
        "--reason",
        "survivor recalled the count",
        "--narrative",
        "He texted 42 times after midnight.",
    ]);
    assert_eq!(amended["narrative"], "He texted 42 times after midnight.");
    assert_eq!(amended["fear"], 8, "fields not amended are kept");

    let shown = env.json(&["incident", "show", "--case", &case, &incident_id]);
    assert_eq!(shown["versions"], 2);
    let history = shown["history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(
        history[0]["body"]["data"]["narrative"],
        "He texted 40 times after midnight."
    );
    assert_eq!(history[1]["body"]["data"]["reason"], "survivor recalled the count");
    let text = env.ok(&["incident", "show", "--case", &case, &incident_id]);
    assert!(
        text.contains("History (2 versions)") && text.contains("corrected (survivor recalled the count)"),
        "{text}"
    );

    let out = env.path("out.png");
    env.ok(&[
        "evidence",
        "extract",
        "--case",
        &case,
        &evidence_id,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read(&out).unwrap(), content);
    let record = env.json(&["evidence", "show", "--case", &case, &evidence_id]);
    let actions: Vec<&str> = record["custody"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["acquired", "extracted"]);
    env.fails(
        &[
            "evidence",
            "extract",
            "--case",
            &case,
            &evidence_id,
            "--out",
            out.to_str().unwrap(),
        ],
        1,
    );

    let listed = env.json(&["case", "list"]);
    assert_eq!(listed[0]["incidents"], 1);
    assert_eq!(listed[0]["evidence"], 1);
    assert_eq!(
        listed[0]["events"], 6,
        "opened, subject, evidence, incident, amendment, extraction"
    );

    let report = env.json(&["journal", "verify", "--case", &case]);
    assert_eq!(report["problems"], serde_json::json!([]));
    assert_eq!(report["size"], 6);
    assert!(
        env.ok(&["journal", "verify", "--case", &case])
            .contains("Journal verified: 6 events")
    );

    // Proofs: made by the vault, checked offline without it.
    let proof = env.ok(&["journal", "prove", "--case", &case, "--event", &incident_id]);
    let proof_file = env.path("proof.json");
    std::fs::write(&proof_file, &proof).unwrap();
    let checked = env
        .cmd(&["journal", "check-proof", proof_file.to_str().unwrap()])
        .env_remove("CAIRN_PASSPHRASE")
        .env("CAIRN_VAULT", "/nonexistent")
        .output()
        .unwrap();
    assert!(checked.status.success(), "{}", String::from_utf8_lossy(&checked.stderr));
    assert!(String::from_utf8_lossy(&checked.stdout).contains("Valid: event #4"));

    let consistency = env.ok(&["journal", "consistency", "--case", &case, "--from", "2"]);
    let consistency_file = env.path("consistency.json");
    std::fs::write(&consistency_file, &consistency).unwrap();
    env.ok(&["journal", "check-proof", consistency_file.to_str().unwrap()]);

    // A forged proof is refused.
    let forged = proof.replace("42 times", "2 times");
    std::fs::write(&proof_file, forged).unwrap();
    env.fails(&["journal", "check-proof", proof_file.to_str().unwrap()], 3);

    let checkpoint = env.json(&["journal", "checkpoint", "--case", &case]);
    assert_eq!(checkpoint["size"], 6);
    assert_eq!(checkpoint["root"], report["root"]);
}

#[test]
fn spanish_output_and_help() {
    let env = Env::new();
    let case = env.new_case();
    let out = env
        .cmd(&["--lang", "es", "incident", "list", "--case", &case])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "No hay incidentes en este caso."
    );
    let help = env
        .cmd(&["incident", "add", "--help"])
        .env("CAIRN_LANG", "es")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("Registrar un incidente") && help.contains("Opciones") && help.contains("Miedo, de 0"),
        "{help}"
    );
    let err = env
        .cmd(&["case", "show", "c-nothere00000"])
        .env("CAIRN_LANG", "es")
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&err.stderr).contains("el caso c-n0there00000 no existe"),
        "{}",
        String::from_utf8_lossy(&err.stderr)
    );
}

#[test]
fn passphrase_change_rewraps_without_reencrypting() {
    let env = Env::new();
    let case = env.new_case();
    let db_before = std::fs::read(env.vault.join("cairn.db")).unwrap();
    let new_file = env.path("new-pass");
    std::fs::write(&new_file, "a different long passphrase\n").unwrap();
    env.ok(&[
        "passphrase",
        "change",
        "--new-passphrase-file",
        new_file.to_str().unwrap(),
    ]);
    assert_eq!(
        std::fs::read(env.vault.join("cairn.db")).unwrap(),
        db_before,
        "the database is not re-encrypted"
    );
    env.fails(&["case", "list"], 4);
    let listed = env
        .cmd(&["case", "list", "--json"])
        .env("CAIRN_PASSPHRASE", "a different long passphrase")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains(&case));
    // The passphrase file form strips the trailing newline, like restic.
    let listed = env
        .cmd(&[
            "case",
            "list",
            "--json",
            "--passphrase-file",
            new_file.to_str().unwrap(),
        ])
        .env_remove("CAIRN_PASSPHRASE")
        .output()
        .unwrap();
    assert!(listed.status.success(), "{}", String::from_utf8_lossy(&listed.stderr));
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}
