//! `cairn assess`, `cairn plan` and `cairn resources` end to end: answers
//! files in, journal events out, and the words in both languages.

mod common;

use common::Env;

fn s(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}

/// Writes an answers file for `id` with the given `[answers]` lines.
fn answers(env: &Env, name: &str, id: &str, lines: &str) -> std::path::PathBuf {
    let path = env.path(name);
    std::fs::write(
        &path,
        format!("instrument = '{id}'\nversion = '1.0'\n[answers]\n{lines}\n"),
    )
    .unwrap();
    path
}

/// `cairn assess take ID --case CASE --answers FILE EXTRA…`.
fn take_args<'a>(case: &'a str, id: &'a str, file: &'a std::path::Path, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["assess", "take", id, "--case", case, "--answers", s(file)];
    args.extend_from_slice(extra);
    args
}

fn take(env: &Env, case: &str, id: &str, file: &std::path::Path, extra: &[&str]) -> String {
    env.ok(&take_args(case, id, file, extra))
}

fn take_json(env: &Env, case: &str, id: &str, file: &std::path::Path, extra: &[&str]) -> serde_json::Value {
    env.json(&take_args(case, id, file, extra))
}

fn history_len(env: &Env, case: &str) -> usize {
    env.json(&["assess", "history", "--case", case])
        .as_array()
        .map_or(0, Vec::len)
}

#[test]
fn list_and_template_in_both_languages() {
    let env = Env::new();
    let list = env.ok(&["assess", "list"]);
    for id in [
        "danger-screen",
        "stalking-risk",
        "trafficking-indicators",
        "technology-abuse",
    ] {
        assert!(list.contains(id), "{list}");
    }
    assert!(list.contains("not a validated predictor"));
    let template = env.ok(&["--lang", "es", "assess", "template", "technology-abuse"]);
    assert!(template.contains("[[repeat.accounts]]"), "{template}");
    assert!(template.contains("¿La persona conoce, o podría adivinar, sus contraseñas"));
    // The untouched template is a valid answers file.
    let path = env.path("blank.toml");
    std::fs::write(&path, &template).unwrap();
    let case = env.new_case();
    let out = take(&env, &case, "technology-abuse", &path, &[]);
    assert!(out.contains("Few technology concerns reported"), "{out}");
}

#[test]
fn take_records_an_event_and_history_shows_what_changed() {
    let env = Env::new();
    let case = env.new_case();
    let first = answers(
        &env,
        "first.toml",
        "danger-screen",
        "strangled = 'no'\ngun_access = 'yes'",
    );
    let out = take(&env, &case, "danger-screen", &first, &[]);
    assert!(out.contains("Level: Danger signs present"), "{out}");
    assert!(out.contains("not a validated predictor"), "{out}");

    let second = answers(
        &env,
        "second.toml",
        "danger-screen",
        "strangled = { value = 'yes', note = 'last week', source = 'survivor' }\ngun_access = 'yes'",
    );
    let out = take(&env, &case, "danger-screen", &second, &[]);
    assert!(out.contains("Level: Many or grave danger signs"), "{out}");
    assert!(out.contains("Since the last Danger screen"), "{out}");
    assert!(
        out.contains("level Danger signs present → Many or grave danger signs"),
        "{out}"
    );
    assert!(out.contains("or stopped you breathing?: no → yes"), "{out}");

    let history = env.json(&["assess", "history", "--case", &case]);
    let list = history.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[1]["level"], "high");
    assert_eq!(list[1]["triggered"][0], "grave-sign");
    let strangled = list[1]["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["item"] == "strangled")
        .unwrap();
    assert_eq!(strangled["note"], "last week");
    assert_eq!(strangled["source"], "survivor");
    let text = env.ok(&["--lang", "es", "assess", "history", "--case", &case]);
    assert!(text.contains("Señales de peligro graves o numerosas"), "{text}");

    // The new events verify like every other.
    env.ok(&["journal", "verify", "--case", &case]);
}

#[test]
fn override_raises_with_a_reason_and_never_lowers() {
    let env = Env::new();
    let case = env.new_case();
    let file = answers(&env, "a.toml", "stalking-risk", "follows = 'no'");
    let recorded = take_json(
        &env,
        &case,
        "stalking-risk",
        &file,
        &["--raise-to", "high", "--reason", "she saw him outside the school"],
    );
    assert_eq!(recorded["level"], "high");
    assert_eq!(recorded["level_override"]["from"], "lower");
    assert_eq!(recorded["level_override"]["reason"], "she saw him outside the school");

    let threat = answers(&env, "b.toml", "stalking-risk", "threats = 'yes'");
    let err = env.fails(
        &take_args(
            &case,
            "stalking-risk",
            &threat,
            &["--raise-to", "lower", "--reason", "x"],
        ),
        1,
    );
    assert!(err.contains("may only raise the level"), "{err}");
    // Without a reason clap refuses before anything is read.
    env.fails(&take_args(&case, "stalking-risk", &threat, &["--raise-to", "high"]), 2);
    assert_eq!(history_len(&env, &case), 1);
}

#[test]
fn bad_files_name_the_file_line_and_field() {
    let env = Env::new();
    let case = env.new_case();
    let file = answers(
        &env,
        "bad.toml",
        "danger-screen",
        "strangled = 'yes'\nseparated = 'perhaps'",
    );
    let err = env.fails(&take_args(&case, "danger-screen", &file, &[]), 1);
    assert!(
        err.contains("bad.toml, line 5, separated: \"perhaps\" does not fit"),
        "{err}"
    );
    let err = env.fails(&take_args(&case, "danger-screen", &file, &["--lang", "es"]), 1);
    assert!(
        err.contains("bad.toml, línea 5, separated: «perhaps» no es válido"),
        "{err}"
    );

    let agency = env.path("agency.toml");
    std::fs::write(&agency, "format = 1\nid = \"ours\"\nversion = 1\n").unwrap();
    let err = env.fails(&["assess", "template", "ours", "--instrument-file", s(&agency)], 1);
    assert!(err.contains("agency.toml, line 3, version:"), "{err}");
    let err = env.fails(&["assess", "template", "nonesuch"], 1);
    assert!(err.contains("there is no instrument nonesuch"), "{err}");
    assert_eq!(history_len(&env, &case), 0);
}

#[test]
fn agency_instrument_file_can_be_taken() {
    let env = Env::new();
    let case = env.new_case();
    let mine = env.path("ours.toml");
    let shipped = cairn_app::assessment::bundled::INSTRUMENTS[0].1;
    std::fs::write(
        &mine,
        shipped.replacen("id = \"danger-screen\"", "id = \"agency-danger\"", 1),
    )
    .unwrap();
    let file = env.path("a.toml");
    std::fs::write(
        &file,
        "instrument = 'agency-danger'\nversion = '1.0'\n[answers]\nweapon_used = 'yes'\n",
    )
    .unwrap();
    let recorded = take_json(&env, &case, "agency-danger", &file, &["--instrument-file", s(&mine)]);
    assert_eq!(recorded["instrument"], "agency-danger");
    assert_eq!(recorded["level"], "high");
}

#[test]
fn plan_follows_assessments_priorities_and_decisions() {
    let env = Env::new();
    let case = env.new_case();
    let tech = answers(&env, "t.toml", "technology-abuse", "physical_access = 'yes'");
    take(&env, &case, "technology-abuse", &tech, &[]);
    let plan = env.json(&[
        "plan",
        "build",
        "--case",
        &case,
        "--priorities",
        "privacy,safety",
        "--adopt",
        "check_devices",
        "--decline",
        "social_privacy",
    ]);
    assert_eq!(plan["version"], 1);
    let options: Vec<(&str, &str)> = plan["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["option"].as_str().unwrap(), o["decision"].as_str().unwrap()))
        .collect();
    assert!(options.contains(&("check_devices", "adopted")), "{options:?}");
    assert!(options.contains(&("social_privacy", "declined")), "{options:?}");
    assert!(options.contains(&("two_factor", "later")), "{options:?}");
    assert_eq!(plan["priorities"][0], "privacy");

    let shown = env.ok(&["plan", "show", "--case", &case]);
    assert!(
        shown.contains("Removing monitoring software can alert the abuser"),
        "{shown}"
    );
    assert!(
        shown.contains("Check devices for monitoring — Devices (chosen)"),
        "{shown}"
    );
    assert!(shown.contains("1-800-799-7233"), "{shown}");
    let safe = env.ok(&["--lang", "es", "plan", "show", "--case", &case, "--safe-copy"]);
    assert!(safe.contains("Notas"), "{safe}");
    assert!(!safe.contains("Plan de seguridad"), "{safe}");
    assert!(
        !safe.contains("Revisar la privacidad en las redes sociales"),
        "declined options stay out: {safe}"
    );

    // On paper: the full plan names the case; the safe copy has a neutral
    // title, no case code and no declined option.
    let pdf_text = |args: &[&str], name: &str| {
        let out = env.path(name);
        let mut all = vec!["plan", "export", "--case", &case, "--out", s(&out)];
        all.extend_from_slice(args);
        env.ok(&all);
        let text = std::process::Command::new("pdftotext")
            .args([s(&out), "-"])
            .output()
            .expect("pdftotext (poppler-utils) is installed by .ci/run");
        String::from_utf8_lossy(&text.stdout).into_owned()
    };
    let full = pdf_text(&[], "plan.pdf");
    assert!(
        full.contains("Safety plan, version 1") && full.contains(&case),
        "{full}"
    );
    assert!(
        full.contains("Removing monitoring software can alert the abuser"),
        "{full}"
    );
    assert!(full.contains("not now"), "{full}");
    let safe_pdf = pdf_text(&["--safe-copy", "--lang", "es"], "notas.pdf");
    assert!(safe_pdf.contains("Notas") && !safe_pdf.contains(&case), "{safe_pdf}");
    assert!(
        !safe_pdf.contains("Revisar la privacidad en las redes sociales"),
        "{safe_pdf}"
    );
    assert!(!safe_pdf.contains("Plan de seguridad"), "{safe_pdf}");
    let empty = Env::new();
    let other = empty.new_case();
    let err = empty.fails(
        &["plan", "export", "--case", &other, "--out", s(&empty.path("p.pdf"))],
        1,
    );
    assert!(err.contains("no safety plan"), "{err}");
    assert!(!empty.path("p.pdf").exists());

    let again = env.json(&["plan", "build", "--case", &case]);
    assert_eq!(again["version"], 2);
    let err = env.fails(&["plan", "build", "--case", &case, "--adopt", "teleport"], 1);
    assert!(err.contains("\"teleport\" does not fit"), "{err}");
    env.ok(&["journal", "verify", "--case", &case]);
}

#[test]
fn resources_search_with_local_csv() {
    let env = Env::new();
    let out = env.ok(&["resources", "search", "--need", "trafficking"]);
    assert!(out.contains("1-888-373-7888") && out.contains("233733"), "{out}");
    let csv = env.path("local.csv");
    std::fs::write(
        &csv,
        "id,name,phone,text,website,services,languages,hours_en,hours_es,area,about_en,about_es\n\
         safe-house,Safe House,555-0100,,,shelter;domestic_violence,en;es,24/7,24/7,Springfield IL,Beds,Camas\n",
    )
    .unwrap();
    let ids = env.json(&[
        "resources",
        "search",
        "--need",
        "domestic_violence",
        "--place",
        "springfield",
        "--local",
        s(&csv),
    ]);
    assert_eq!(ids, serde_json::json!(["safe-house", "ndvh"]));
    std::fs::write(&csv, "id,name,phone,text,website,services,languages,hours_en,hours_es,area,about_en,about_es\nx,X,1,,,bakery,en,,,Here,,\n").unwrap();
    let err = env.fails(&["resources", "search", "--local", s(&csv)], 1);
    assert!(
        err.contains("local.csv, line 2, services: \"bakery\" does not fit"),
        "{err}"
    );
    let none = env.ok(&[
        "--lang",
        "es",
        "resources",
        "search",
        "--need",
        "online_crime",
        "--language",
        "es",
    ]);
    assert!(none.contains("Ningún recurso coincide"), "{none}");
}

#[test]
fn template_suggests_answers_from_the_incident_log() {
    let env = Env::new();
    let case = env.new_case();
    env.ok(&[
        "incident",
        "add",
        "--case",
        &case,
        "--when",
        "2026-01-02T22:10",
        "--channel",
        "in_person",
        "--behaviour",
        "following",
        "--narrative",
        "He waited outside work.",
    ]);
    let template = env.ok(&["assess", "template", "stalking-risk", "--case", &case]);
    let suggestion = "# >> Suggested \"yes\": one incident in the log bears on this. Confirm with the survivor before answering.\nfollows = \"\"";
    assert!(template.contains(suggestion), "{template}");
    // Only a suggestion: the untouched template still answers nothing.
    let path = env.path("t.toml");
    std::fs::write(&path, &template).unwrap();
    let recorded = take_json(&env, &case, "stalking-risk", &path, &[]);
    assert_eq!(recorded["answers"], serde_json::json!([]));
    assert_eq!(recorded["level"], "lower");
}

#[test]
fn take_asks_one_question_at_a_time_without_an_answers_file() {
    let env = Env::new();
    let case = env.new_case();
    // Access: yes, passwords: skipped, then a wrong answer asked again; one
    // online account with unknown devices; input ends there.
    let typed = "yes\n\nmaybe\nno\nno\n\n\n\n\n\n\nyes\nmail\nyes\n";
    let out = env
        .cmd(&["assess", "take", "technology-abuse", "--case", &case, "--json"])
        .write_stdin(typed)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("That answer does not fit"), "{stderr}");
    assert!(stderr.contains("Add one online account? (yes/no)"), "{stderr}");
    let recorded: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let answers: Vec<(String, Option<u64>)> = recorded["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["item"].as_str().unwrap().to_owned(), a["instance"].as_u64()))
        .collect();
    assert_eq!(
        answers,
        [
            ("physical_access".to_owned(), None),
            ("shared_plan".to_owned(), None),
            ("knows_unshared_things".to_owned(), None),
            ("account".to_owned(), Some(0)),
            ("unknown_devices".to_owned(), Some(0)),
        ]
    );
    assert_eq!(recorded["level"], "concerns");
    // Nothing typed at all records nothing.
    let err = env
        .cmd(&["assess", "take", "danger-screen", "--case", &case])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(err.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&err.stderr).contains("no answers were given"));
    assert_eq!(history_len(&env, &case), 1);
}
