//! An answers file to fill in: every question as a comment in the person's
//! language, with what may be answered, and an empty value (= not answered).

use std::fmt::Write;

use crate::instrument::{AnswerKind, Instrument, Item};

/// Words the template itself needs, passed in so this crate stays free of
/// Fluent: `header` is a few lines of how to fill the file in, `allowed`
/// labels the list of accepted values, `instance` names one repetition.
#[derive(Debug, Clone)]
pub struct TemplateWords {
    pub header: String,
    pub allowed: String,
    pub instance: String,
}

/// The answers file for `instrument` in `lang`. `suggested` holds, by item
/// id, a line saying what the incident log suggests; it is written as a
/// comment beside the question, never as the answer.
pub fn template(instrument: &Instrument, lang: &str, words: &TemplateWords, suggested: &[(String, String)]) -> String {
    let mut out = String::new();
    for line in words.header.lines() {
        let _ = writeln!(out, "# {line}");
    }
    let _ = writeln!(out, "#\n# {}\n#", instrument.title.get(lang));
    for line in wrap(instrument.caveats.get(lang)) {
        let _ = writeln!(out, "# {line}");
    }
    let _ = writeln!(out, "\ninstrument = {}", quoted(&instrument.id));
    let _ = writeln!(out, "version = {}", quoted(&instrument.version));
    let _ = writeln!(out, "\n[answers]");
    for section in instrument.sections.iter().filter(|s| s.repeat.is_none()) {
        let _ = writeln!(out, "\n# == {} ==", section.title.get(lang));
        for id in &section.items {
            if let Some(item) = instrument.item(id) {
                write_item(&mut out, item, lang, words, suggested);
            }
        }
    }
    for section in instrument.sections.iter() {
        let Some(repeat) = &section.repeat else { continue };
        let _ = writeln!(out, "\n# == {} ==", section.title.get(lang));
        let _ = writeln!(out, "# {} ({})", words.instance, repeat.noun.get(lang));
        let _ = writeln!(out, "[[repeat.{}]]", section.id);
        for id in &section.items {
            if let Some(item) = instrument.item(id) {
                write_item(&mut out, item, lang, words, suggested);
            }
        }
    }
    out
}

fn write_item(out: &mut String, item: &Item, lang: &str, words: &TemplateWords, suggested: &[(String, String)]) {
    let _ = writeln!(out);
    for line in wrap(item.text.get(lang)) {
        let _ = writeln!(out, "# {line}");
    }
    if let Some(help) = &item.help {
        for line in wrap(help.get(lang)) {
            let _ = writeln!(out, "#   {line}");
        }
    }
    let allowed = match item.answer {
        AnswerKind::YesNo => "yes | no | unknown | declined".to_owned(),
        AnswerKind::SingleChoice | AnswerKind::MultipleChoice => {
            let list: Vec<String> = item
                .choices
                .iter()
                .map(|c| format!("{} ({})", c.id, c.text.get(lang)))
                .collect();
            let many = if item.answer == AnswerKind::MultipleChoice {
                "[…] "
            } else {
                ""
            };
            format!("{many}{} | unknown | declined", list.join(" | "))
        }
        AnswerKind::Number => "0, 1, 2… | unknown | declined".to_owned(),
        AnswerKind::Date => "YYYY-MM-DD | unknown | declined".to_owned(),
        AnswerKind::Text => "\"…\"".to_owned(),
    };
    let _ = writeln!(out, "# {}: {allowed}", words.allowed);
    for (_, line) in suggested.iter().filter(|(id, _)| *id == item.id) {
        let _ = writeln!(out, "# >> {line}");
    }
    let _ = writeln!(out, "{} = \"\"", item.id);
}

fn quoted(s: &str) -> String {
    format!("{s:?}")
}

/// Splits long text into comment lines of about 76 characters.
fn wrap(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + word.chars().count() > 76 {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}
