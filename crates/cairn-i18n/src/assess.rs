//! Words for assessment, plan and resource errors and answers, from their
//! data (`assess.ftl`).

use cairn_app::assessment::{Problem, SpecError};
use cairn_app::core::AnswerValue;

use crate::tr::{Arg, Tr};

fn text(value: impl ToString) -> Arg {
    Arg::Text(value.to_string())
}

/// What is wrong, where: file, line (when there is one) and field.
pub fn describe_spec_error(t: Tr, e: &SpecError) -> String {
    let problem = describe_answer_problem(t, &e.problem);
    let place = [
        ("file", text(&e.file)),
        ("field", text(&e.field)),
        ("problem", text(problem)),
    ];
    if e.line == 0 {
        t.with("assess-error-nowhere", &place)
    } else {
        let mut args = place.to_vec();
        args.push(("line", Arg::Number(e.line as f64)));
        t.with("assess-error-at", &args)
    }
}

/// What is wrong with one value or field, without saying where.
pub fn describe_answer_problem(t: Tr, problem: &Problem) -> String {
    let value = |v: &str| ("value", text(v));
    match problem {
        Problem::Syntax(detail) => t.with("assess-problem-syntax", &[("detail", text(detail))]),
        Problem::UnsupportedFormat(n) => t.with("assess-problem-unsupported-format", &[value(&n.to_string())]),
        Problem::Duplicate(v) => t.with("assess-problem-duplicate", &[value(v)]),
        Problem::Unknown(v) => t.with("assess-problem-unknown", &[value(v)]),
        Problem::BadValue { value: v, expected } => {
            t.with("assess-problem-bad-value", &[value(v), ("expected", text(expected))])
        }
        Problem::Missing => t.get("assess-problem-missing"),
        Problem::WrongInstrument { found, expected } => t.with(
            "assess-problem-wrong-instrument",
            &[("found", text(found)), ("expected", text(expected))],
        ),
        Problem::OverrideNotHigher { from, to } => t.with(
            "assess-problem-override-not-higher",
            &[("from", text(from)), ("to", text(to))],
        ),
        other => format!("{other:?}"),
    }
}

/// An answer as a person reads it; choice ids are shown as they are.
pub fn describe_answer(t: Tr, value: Option<&AnswerValue>) -> String {
    match value {
        None => t.get("assess-answer-none"),
        Some(AnswerValue::Yes) => t.get("assess-answer-yes"),
        Some(AnswerValue::No) => t.get("assess-answer-no"),
        Some(AnswerValue::Unknown) => t.get("assess-answer-unknown"),
        Some(AnswerValue::Declined) => t.get("assess-answer-declined"),
        Some(AnswerValue::Choice(c)) => c.clone(),
        Some(AnswerValue::Choices(list)) => list.join(", "),
        Some(AnswerValue::Number(n)) => n.to_string(),
        Some(AnswerValue::Date(d)) => d.to_string(),
        Some(AnswerValue::Text(s)) => s.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn check(lang: Lang, e: SpecError, expected: &str) {
        assert_eq!(describe_spec_error(Tr(lang), &e), expected);
    }

    fn at(line: usize, problem: Problem) -> SpecError {
        SpecError {
            file: "mine.toml".into(),
            line,
            column: 3,
            field: "items.answer".into(),
            problem,
        }
    }

    #[test]
    fn errors_name_file_line_and_field_in_both_languages() {
        check(
            Lang::En,
            at(12, Problem::Unknown("maybe".into())),
            "mine.toml, line 12, items.answer: \"maybe\" does not exist here",
        );
        check(
            Lang::Es,
            at(12, Problem::Unknown("maybe".into())),
            "mine.toml, línea 12, items.answer: «maybe» no existe aquí",
        );
        check(
            Lang::En,
            at(
                0,
                Problem::OverrideNotHigher {
                    from: "high".into(),
                    to: "lower".into(),
                },
            ),
            "mine.toml, items.answer: an override may only raise the level, and lower is not higher than high",
        );
    }
}
