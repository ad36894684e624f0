//! Bad instrument and answers files: every error names the file, the line
//! and the field.

use cairn_assess::{Instrument, bundled, parse_answers};

const DANGER: &str = bundled::INSTRUMENTS[0].1;

/// Replaces `from` with `to` in the shipped danger screen, parses it, and
/// compares where the error points and what kind it is.
fn check(from: &str, to: &str, line: usize, field: &str, problem: &str) {
    assert!(DANGER.contains(from), "{from}");
    let text = DANGER.replacen(from, to, 1);
    let e = Instrument::parse("mine.toml", &text).unwrap_err();
    assert_eq!(e.file, "mine.toml");
    assert_eq!(
        (e.line, e.field.as_str(), e.problem.name()),
        (line, field, problem),
        "{e:?}"
    );
}

fn line_of(needle: &str) -> usize {
    DANGER[..DANGER.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn instrument_errors_name_line_and_field() {
    let l = line_of("answer = \"yes_no\"");
    check(
        "answer = \"yes_no\"",
        "answer = \"maybe\"",
        l,
        "sections.items.answer",
        "syntax",
    );
    check(
        "format = 1",
        "format = 2",
        line_of("format = 1"),
        "format",
        "unsupported-format",
    );
    check(
        "id = \"threatened_to_kill\"",
        "id = \"weapon_used\"",
        line_of("[[sections.items]]\nid = \"threatened_to_kill\""),
        "items.id",
        "duplicate",
    );
    check(
        "{ item = \"has_children\", is = \"yes\" }",
        "{ item = \"has_kids\", is = \"yes\" }",
        line_of("show_if = { item = \"has_children\""),
        "items.show_if",
        "unknown",
    );
    check(
        "level = \"high\"",
        "level = \"extreme\"",
        line_of("[[rules]]"),
        "rules.level",
        "unknown",
    );
    check(
        "k = 4",
        "k = 40",
        line_of("[[rules]]\nid = \"many-signs\""),
        "rules.k",
        "bad-value",
    );
    check(
        "es = \"Evaluación de peligro (guía de conversación)\"",
        "es = \"\"",
        line_of("[title]"),
        "title",
        "missing",
    );
    check("rules_version = \"1\"\n", "", 1, "-", "syntax");
    check(
        "suggest = { increasing = true }",
        "suggest = { behaviours = [\"flying\"] }",
        line_of("[[sections.items]]\nid = \"violence_increasing\""),
        "items.suggest",
        "bad-value",
    );
}

#[test]
fn syntax_errors_point_at_the_line() {
    let e = Instrument::parse("x.toml", "format = 1\nid = \"a\"\nversion = \n").unwrap_err();
    assert_eq!(e.line, 3);
    assert_eq!(e.problem.name(), "syntax");
}

#[test]
fn answers_errors_name_line_and_field() {
    let instrument = Instrument::parse("danger.toml", DANGER).unwrap();
    let cases: &[(&str, usize, &str, &str)] = &[
        ("[answers]\nstrangled = 'maybe'", 4, "strangled", "bad-value"),
        ("[answers]\nstrangled = 3", 4, "strangled", "bad-value"),
        ("[answers]\nnot_an_item = 'yes'", 4, "not_an_item", "unknown"),
        (
            "[answers]\nlast_incident = '2026-13-40'",
            4,
            "last_incident",
            "bad-value",
        ),
        (
            "[answers]\nstrangled = { value = 'yes', source = 'rumour' }",
            4,
            "strangled",
            "bad-value",
        ),
        (
            "[answers]\nstrangled = { value = 'yes', color = 'red' }",
            4,
            "strangled",
            "unknown",
        ),
        ("[[repeat.accounts]]\nx = 'yes'", 0, "repeat.accounts", "unknown"),
        ("[answers\n", 3, "answers", "syntax"),
    ];
    for (body, line, field, problem) in cases {
        let text = format!("instrument = 'danger-screen'\nversion = '1.0'\n{body}");
        let e = parse_answers(&instrument, "a.toml", &text).unwrap_err();
        assert_eq!(
            (e.line, e.field.as_str(), e.problem.name()),
            (*line, *field, *problem),
            "{body}: {e:?}"
        );
    }
    let e = parse_answers(&instrument, "a.toml", "instrument = 'stalking-risk'\nversion = '1.0'").unwrap_err();
    assert_eq!(
        (e.line, e.field.as_str(), e.problem.name()),
        (1, "instrument", "wrong-instrument")
    );
}

#[test]
fn answers_accept_every_answer_type() {
    let instrument = Instrument::parse("danger.toml", DANGER).unwrap();
    let text = "instrument = 'danger-screen'\nversion = '1.0'\n[answers]\nstrangled = 'sí'\nlast_incident = 2026-03-01\nworries_most = 'the kids'\nseparated = ''\ngun_access = 'unknown'";
    let answers = parse_answers(&instrument, "a.toml", text).unwrap();
    assert_eq!(answers.list.len(), 4, "an empty answer is not an answer");
    let template = cairn_assess::template::template(
        &instrument,
        "es",
        &cairn_assess::template::TemplateWords {
            header: "Rellene".into(),
            allowed: "Respuestas".into(),
            instance: "Una por".into(),
        },
        &[("strangled".into(), "sugerido".into())],
    );
    assert!(template.contains("¿Cree que la persona podría herirla gravemente o matarla?"));
    assert!(template.contains("# >> sugerido\nstrangled = \"\""), "{template}");
    // An untouched template is valid and answers nothing.
    assert!(parse_answers(&instrument, "t.toml", &template).unwrap().list.is_empty());
}

#[test]
fn typed_answers_at_a_prompt() {
    let stalking = bundled::instrument("stalking-risk").unwrap().unwrap();
    let tech = bundled::instrument("technology-abuse").unwrap().unwrap();
    let read = |i: &Instrument, item: &str, line: &str| {
        cairn_assess::answers::read_typed(i.item(item).unwrap(), line).map_err(|p| p.name())
    };
    use cairn_core::AnswerValue::*;
    assert_eq!(read(&stalking, "follows", " Sí "), Ok(Some(Yes)));
    assert_eq!(read(&stalking, "follows", ""), Ok(None));
    assert_eq!(read(&stalking, "follows", "declined"), Ok(Some(Declined)));
    assert_eq!(read(&stalking, "follows", "often"), Err("bad-value"));
    assert_eq!(read(&stalking, "fear", "9"), Ok(Some(Number(9))));
    assert_eq!(read(&stalking, "fear", "nine"), Err("bad-value"));
    assert_eq!(read(&stalking, "frequency", "2"), Ok(Some(Choice("weekly".into()))));
    assert_eq!(read(&stalking, "frequency", "daily"), Ok(Some(Choice("daily".into()))));
    assert_eq!(read(&stalking, "frequency", "9"), Err("bad-value"));
    assert_eq!(
        read(&tech, "devices_at_home", "1, cameras"),
        Ok(Some(Choices(vec!["smart_speaker".into(), "cameras".into()])))
    );
    // Skip logic, one question at a time.
    let none = cairn_assess::Answers::default();
    assert!(none.asks(&tech, "smart_home_controlled", None));
    let danger = bundled::instrument("danger-screen").unwrap().unwrap();
    assert!(!none.asks(&danger, "threats_to_children", None));
}
