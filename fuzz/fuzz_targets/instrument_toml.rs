//! Instrument, answers and plan-rule files: an agency may load its own, so
//! any bytes must give a result or a located error, never a panic.
#![no_main]
use cairn_assess::plan::PlanRules;
use cairn_assess::{Instrument, assess, bundled, parse_answers};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(instrument) = Instrument::parse("fuzz.toml", text) {
        let blank = format!("instrument = {:?}\nversion = {:?}\n", instrument.id, instrument.version);
        if let Ok(answers) = parse_answers(&instrument, "a.toml", &blank) {
            let _ = assess(&instrument, answers, None);
        }
    }
    let _ = PlanRules::parse("fuzz.toml", text);
    // The same bytes as answers to a shipped instrument with repeated sub-forms.
    if let Ok(Some(tech)) = bundled::instrument("technology-abuse")
        && let Ok(answers) = parse_answers(&tech, "a.toml", text)
    {
        let _ = assess(&tech, answers, None);
    }
});
