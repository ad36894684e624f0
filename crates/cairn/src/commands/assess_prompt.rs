//! `cairn assess take` without an answers file: the questions one at a
//! time, in the person's language, honouring skip logic and repeated
//! sub-forms. Prompts go to standard error so `--json` output stays clean.
//! Enter skips a question; an answer that does not fit is asked again.

use std::io::{BufRead, Write};

use anyhow::{Result, bail};
use cairn_app::assessment::answers::read_typed;
use cairn_app::assessment::{AnswerKind, Answers, Instrument, Item};
use cairn_app::core::{AnswerValue, RecordedAnswer};

use crate::i18n::translator;
use crate::t;

/// Asks every question skip logic allows and returns the answers given.
/// Stops early, keeping what was answered, when the input ends.
pub fn interview(instrument: &Instrument, input: &mut dyn BufRead, out: &mut dyn Write) -> Result<Answers> {
    let lang = translator().0.code();
    let mut answers = Answers::default();
    writeln!(out, "{}\n{}\n", instrument.title.get(lang), t!("assess-prompt-intro"))?;
    'sections: for section in &instrument.sections {
        writeln!(out, "== {} ==", section.title.get(lang))?;
        let Some(repeat) = &section.repeat else {
            if !ask_section(instrument, &section.items, None, &mut answers, input, out)? {
                break;
            }
            continue;
        };
        for n in 0..repeat.max {
            let question = t!("assess-prompt-add-instance", noun = repeat.noun.get(lang));
            match ask_yes_no(&question, input, out)? {
                Some(true) => {}
                Some(false) => break,
                None => break 'sections,
            }
            if !ask_section(instrument, &section.items, Some(n), &mut answers, input, out)? {
                break 'sections;
            }
        }
    }
    if answers.list.is_empty() {
        bail!(t!("assess-prompt-nothing"));
    }
    Ok(answers.apply_skip_logic(instrument))
}

/// Asks a section's questions (of one instance); false when input ended.
fn ask_section(
    instrument: &Instrument,
    items: &[String],
    instance: Option<u32>,
    answers: &mut Answers,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<bool> {
    let lang = translator().0.code();
    for id in items {
        let Some(item) = instrument.item(id) else { continue };
        if !answers.asks(instrument, id, instance) {
            continue;
        }
        match ask_item(item, lang, input, out)? {
            Asked::Answer(value) => answers.list.push(RecordedAnswer {
                item: id.clone(),
                instance,
                value,
                note: None,
                source: None,
            }),
            Asked::Skipped => {}
            Asked::EndOfInput => return Ok(false),
        }
    }
    Ok(true)
}

enum Asked {
    Answer(AnswerValue),
    Skipped,
    EndOfInput,
}

fn read_line(input: &mut dyn BufRead) -> Result<Option<String>> {
    let mut line = String::new();
    Ok((input.read_line(&mut line)? > 0).then_some(line))
}

fn ask_yes_no(question: &str, input: &mut dyn BufRead, out: &mut dyn Write) -> Result<Option<bool>> {
    loop {
        write!(out, "{question} ")?;
        out.flush()?;
        let Some(line) = read_line(input)? else { return Ok(None) };
        match line.trim().to_lowercase().as_str() {
            "yes" | "y" | "sí" | "si" | "s" => return Ok(Some(true)),
            "no" | "n" | "" => return Ok(Some(false)),
            _ => writeln!(out, "{}", t!("assess-prompt-yes-no"))?,
        }
    }
}

fn ask_item(item: &Item, lang: &str, input: &mut dyn BufRead, out: &mut dyn Write) -> Result<Asked> {
    writeln!(out, "\n{}", item.text.get(lang))?;
    if let Some(help) = &item.help {
        writeln!(out, "  {}", help.get(lang))?;
    }
    match item.answer {
        AnswerKind::YesNo => writeln!(out, "  {}", t!("assess-prompt-yes-no"))?,
        AnswerKind::SingleChoice | AnswerKind::MultipleChoice => {
            for (n, c) in item.choices.iter().enumerate() {
                writeln!(out, "  {}. {} ({})", n + 1, c.text.get(lang), c.id)?;
            }
            if item.answer == AnswerKind::MultipleChoice {
                writeln!(out, "  {}", t!("assess-prompt-several"))?;
            }
        }
        _ => {}
    }
    loop {
        write!(out, "> ")?;
        out.flush()?;
        let Some(line) = read_line(input)? else {
            return Ok(Asked::EndOfInput);
        };
        match read_typed(item, &line) {
            Ok(Some(value)) => return Ok(Asked::Answer(value)),
            Ok(None) => return Ok(Asked::Skipped),
            Err(problem) => {
                let detail = match problem {
                    cairn_app::assessment::Problem::BadValue { expected, .. } => expected,
                    other => other.name().to_owned(),
                };
                writeln!(out, "{}", t!("assess-prompt-invalid", expected = detail))?;
            }
        }
    }
}
