//! Everything a person types into a form or a flag: ids, dates, phones,
//! emails, vocabularies.
#![no_main]
use cairn_core::{CaseId, Identifier, Incident, OccurredAt, Relationship};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = text.parse::<CaseId>();
    let _ = text.parse::<Relationship>();
    let _ = OccurredAt::parse(text, data.len() % 2 == 0, jiff::civil::date(2026, 11, 21));
    let _ = Identifier::phone(text, "US");
    let _ = Identifier::email(text);
    let _ = Incident::classify(&[text.to_owned()]);
});
