//! The shipped instruments against answer sets with the expected level.

use cairn_assess::{AnswerKind, Instrument, assess, bundled, parse_answers};

fn instrument(id: &str) -> Instrument {
    bundled::instrument(id).unwrap().unwrap()
}

/// Answers every yes/no item of the instrument (outside repeated sub-forms)
/// with `default`, then applies `answers` (`item = value` TOML lines) and
/// compares the level and the rules that fired.
fn check(id: &str, default: &str, answers: &str, level: &str, triggered: &[&str]) {
    let instrument = instrument(id);
    let mut text = format!("instrument = '{id}'\nversion = '{}'\n[answers]\n", instrument.version);
    let given: Vec<&str> = answers
        .lines()
        .filter_map(|l| l.split('=').next())
        .map(str::trim)
        .collect();
    for item in instrument
        .items
        .iter()
        .filter(|i| !i.repeated && i.answer == AnswerKind::YesNo)
    {
        if !default.is_empty() && !given.contains(&item.id.as_str()) {
            text.push_str(&format!("{} = '{default}'\n", item.id));
        }
    }
    let (plain, repeated) = answers.split_once("[[").map_or((answers, ""), |(a, b)| (a, b));
    text.push_str(plain);
    if !repeated.is_empty() {
        text.push_str(&format!("\n[[{repeated}"));
    }
    let parsed = parse_answers(&instrument, "answers.toml", &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let result = assess(&instrument, parsed, None).unwrap();
    assert_eq!(result.level, level, "{id}: {answers}");
    assert_eq!(result.triggered, triggered, "{id}: {answers}");
}

#[test]
fn every_shipped_instrument_loads_and_says_what_it_is_not() {
    let all = bundled::instruments().unwrap();
    assert_eq!(all.len(), 4);
    for i in &all {
        assert!(i.caveats.en.contains("not a validated"), "{}", i.id);
        assert!(
            i.caveats.es.contains("no un instrumento") || i.caveats.es.contains("no una herramienta"),
            "{}",
            i.id
        );
        assert!(i.levels.len() >= 3, "{}", i.id);
    }
}

#[test]
fn danger_screen() {
    let id = "danger-screen";
    check(id, "", "", "lower", &[]);
    check(id, "no", "", "lower", &[]);
    check(id, "no", "strangled = 'yes'", "high", &["grave-sign"]);
    check(id, "no", "believes_could_kill = 'yes'", "high", &["grave-sign"]);
    check(id, "no", "gun_access = 'yes'", "elevated", &["signs-count"]);
    check(
        id,
        "no",
        "gun_access = 'yes'\nseparated = 'yes'\njealous_control = 'yes'",
        "elevated",
        &["signs-count"],
    );
    check(
        id,
        "no",
        "gun_access = 'yes'\nseparated = 'yes'\njealous_control = 'yes'\nunemployed = 'yes'",
        "high",
        &["many-signs", "signs-count"],
    );
    // Threats to children are asked only when children are in the picture.
    check(
        id,
        "no",
        "has_children = 'no'\nthreats_to_children = 'yes'",
        "lower",
        &[],
    );
    check(
        id,
        "no",
        "has_children = 'yes'\nthreats_to_children = 'yes'",
        "elevated",
        &["signs-count"],
    );
    check(id, "declined", "", "lower", &[]);
}

#[test]
fn stalking_risk() {
    let id = "stalking-risk";
    check(id, "no", "", "lower", &[]);
    check(id, "no", "threats = 'yes'", "high", &["threat-or-approach", "conduct"]);
    check(id, "no", "unwanted_contact = 'yes'", "lower", &[]);
    check(id, "no", "follows = 'yes'", "elevated", &["conduct"]);
    check(id, "no", "fear = 9", "elevated", &["great-fear"]);
    check(
        id,
        "no",
        "escalating = 'yes'\nrelationship = 'former_partner'",
        "high",
        &["escalating-former-partner", "conduct"],
    );
    check(
        id,
        "no",
        "escalating = 'yes'\nrelationship = 'stranger'",
        "elevated",
        &["conduct"],
    );
    check(
        id,
        "no",
        "follows = 'yes'\ntracks_location = 'yes'\nproperty_damage = 'yes'\nsabotage = 'yes'\nunwanted_contact = 'yes'",
        "high",
        &["conduct"],
    );
}

#[test]
fn trafficking_indicators() {
    let id = "trafficking-indicators";
    check(id, "no", "", "none_reported", &[]);
    // A minor in commercial sex is flagged with no force, fraud or coercion.
    check(
        id,
        "no",
        "under_18 = 'yes'\ncommercial_sex = 'yes'",
        "strong",
        &["minor-in-commercial-sex", "indicator-count"],
    );
    check(id, "no", "commercial_sex = 'yes'", "indicators", &["indicator-count"]);
    check(id, "no", "under_18 = 'yes'", "none_reported", &[]);
    check(
        id,
        "no",
        "works_for_someone = 'yes'\ndocuments_held = 'yes'",
        "strong",
        &["force-fraud-coercion", "indicator-count"],
    );
    check(id, "no", "documents_held = 'yes'", "indicators", &["indicator-count"]);
}

#[test]
fn technology_abuse_with_accounts() {
    let id = "technology-abuse";
    check(id, "no", "", "lower", &[]);
    check(id, "no", "intimate_images = 'yes'", "serious", &["tracking-or-images"]);
    check(id, "no", "knows_passwords = 'yes'", "concerns", &["ways-in"]);
    let account = |name: &str| {
        format!(
            "[[repeat.accounts]]\naccount = '{name}'\nunknown_devices = 'yes'\nrecovery_not_yours = 'yes'\nno_two_factor = 'no'\n"
        )
    };
    check(id, "no", &account("mail"), "concerns", &["ways-in"]);
    // Six ways in across three accounts reach the serious band.
    let three = format!("{}{}{}", account("mail"), account("bank"), account("social"));
    check(id, "no", &three, "serious", &["ways-in"]);
    check(
        id,
        "no",
        "[[repeat.accounts]]\naccount = 'mail'\nno_two_factor = 'yes'",
        "concerns",
        &["account-hygiene"],
    );
}
