//! Each scoring model against a table of cases, over a small instrument
//! written for the purpose.

use super::*;
use crate::answers::parse_answers;

const INSTRUMENT: &str = r#"
format = 1
id = "models"
version = "1"
rules_version = "7"
license = "test"
title = { en = "t", es = "t" }
purpose = { en = "p", es = "p" }
basis = { en = "b", es = "b" }
caveats = { en = "c", es = "c" }
levels = [
  { id = "low", name = { en = "l", es = "l" }, meaning = { en = "m", es = "m" } },
  { id = "mid", name = { en = "m", es = "m" }, meaning = { en = "m", es = "m" } },
  { id = "top", name = { en = "t", es = "t" }, meaning = { en = "m", es = "m" } },
]

[[sections]]
id = "s"
title = { en = "s", es = "s" }
items = [
  { id = "gate", answer = "yes_no", text = { en = "g", es = "g" } },
  { id = "a", answer = "yes_no", text = { en = "a", es = "a" } },
  { id = "b", answer = "yes_no", text = { en = "b", es = "b" } },
  { id = "c", answer = "yes_no", text = { en = "c", es = "c" } },
  { id = "screen", answer = "yes_no", text = { en = "s", es = "s" } },
  { id = "age", answer = "number", text = { en = "n", es = "n" } },
]

[[sections]]
id = "per_account"
title = { en = "r", es = "r" }
repeat = { noun = { en = "account", es = "cuenta" }, label_item = "name", max = 3 }
items = [
  { id = "name", answer = "text", text = { en = "n", es = "n" } },
  { id = "leak", answer = "yes_no", text = { en = "l", es = "l" } },
]

[[rules]]
id = "gate-rule"
model = "gate"
items = ["gate"]
when = { item = "age", below = 18 }
level = "top"
why = { en = "w", es = "w" }

[[rules]]
id = "two-of-three"
model = "k_of_n"
items = ["a", "b", "c"]
k = 2
level = "top"
why = { en = "w", es = "w" }

[[rules]]
id = "screen-rule"
model = "any_yes"
items = ["screen"]
level = "mid"
why = { en = "w", es = "w" }

[[rules]]
id = "weights"
model = "weighted"
weights = { a = 1, b = 2, c = 4 }
bands = [{ min = 0, level = "low" }, { min = 4, level = "mid" }]
why = { en = "w", es = "w" }

[[rules]]
id = "leaks"
model = "count"
items = ["leak"]
bands = [{ min = 0, level = "low" }, { min = 2, level = "mid" }]
why = { en = "w", es = "w" }
"#;

/// Scores `answers` (the `[answers]` part of an answers file, plus any
/// `[[repeat.per_account]]` tables) and compares level, fired rules and totals.
fn check(answers: &str, level: &str, triggered: &[&str], scores: &[(&str, i64)]) {
    let instrument = Instrument::parse("models.toml", INSTRUMENT).unwrap();
    let text = format!("instrument = \"models\"\nversion = \"1\"\n[answers]\n{answers}");
    let answers = parse_answers(&instrument, "answers.toml", &text).unwrap();
    let scored = score(&instrument, &answers);
    assert_eq!(scored.level, level, "level for {answers:?}");
    assert_eq!(scored.triggered, triggered, "rules for {answers:?}");
    for (rule, total) in scores {
        assert_eq!(scored.scores.get(*rule), Some(total), "{rule} for {answers:?}");
    }
}

#[test]
fn scoring_models() {
    // Nothing answered, and all no: the lowest level, nothing fired.
    check("", "low", &[], &[("weights", 0), ("leaks", 0)]);
    check(
        "gate = 'no'\na = 'no'\nb = 'no'\nc = 'no'\nscreen = 'no'",
        "low",
        &[],
        &[],
    );
    // Gate: one yes decides, whatever else is answered.
    check("gate = 'yes'", "top", &["gate-rule"], &[]);
    check("age = 17", "top", &["gate-rule"], &[]);
    check("age = 18", "low", &[], &[]);
    // Unknown and declined never count as yes.
    check("gate = 'unknown'\na = 'declined'\nb = 'declined'", "low", &[], &[]);
    // k of n.
    check("a = 'yes'", "low", &[], &[("weights", 1)]);
    check("a = 'yes'\nb = 'yes'", "top", &["two-of-three"], &[("weights", 3)]);
    // Weighted sum with bands: c alone reaches the middle band.
    check("c = 'yes'", "mid", &["weights"], &[("weights", 4)]);
    check(
        "a = 'yes'\nc = 'yes'",
        "top",
        &["two-of-three", "weights"],
        &[("weights", 5)],
    );
    // Any-yes screen.
    check("screen = 'yes'", "mid", &["screen-rule"], &[]);
    // Counts over a repeated sub-form: each instance counts.
    let one = "[[repeat.per_account]]\nname = 'mail'\nleak = 'yes'\n";
    check(one, "low", &[], &[("leaks", 1)]);
    check(&format!("{one}{one}"), "mid", &["leaks"], &[("leaks", 2)]);
}

#[test]
fn override_raises_but_never_lowers() {
    let instrument = Instrument::parse("models.toml", INSTRUMENT).unwrap();
    let ok = override_level(&instrument, "low", "mid", " knows the family ").unwrap();
    assert_eq!(
        (ok.from.as_str(), ok.to.as_str(), ok.reason.as_str()),
        ("low", "mid", "knows the family")
    );
    let lower = override_level(&instrument, "top", "low", "reason").unwrap_err();
    assert_eq!(lower.1.name(), "override-not-higher");
    let same = override_level(&instrument, "mid", "mid", "reason").unwrap_err();
    assert_eq!(same.1.name(), "override-not-higher");
    assert_eq!(
        override_level(&instrument, "low", "top", "  ").unwrap_err().1,
        Problem::Missing
    );
    assert_eq!(
        override_level(&instrument, "low", "extreme", "r").unwrap_err().1,
        Problem::Unknown("extreme".into())
    );
}

#[test]
fn result_records_versions_answers_and_override() {
    let instrument = Instrument::parse("models.toml", INSTRUMENT).unwrap();
    let text = "instrument = 'models'\nversion = '1'\n[answers]\nscreen = { value = 'yes', note = 'said twice', source = 'survivor' }";
    let answers = parse_answers(&instrument, "a.toml", text).unwrap();
    let request = crate::OverrideRequest {
        level: "top".into(),
        reason: "weapon seen by advocate".into(),
    };
    let result = crate::assess(&instrument, answers, Some(&request)).unwrap();
    assert_eq!(result.instrument, "models");
    assert_eq!(result.rules_version, "7");
    assert_eq!(result.level, "top");
    assert_eq!(result.triggered, ["screen-rule"]);
    let o = result.level_override.as_ref().unwrap();
    assert_eq!((o.from.as_str(), o.to.as_str()), ("mid", "top"));
    assert_eq!(result.answers[0].note.as_deref(), Some("said twice"));
    assert_eq!(result.answers[0].source, Some(cairn_core::InformationSource::Survivor));
    assert_eq!(result.instrument_sha256.0, instrument.sha256);
}
