//! An agency's CSV of local services and the TOML resource directory.
#![no_main]
use cairn_assess::resources::{Query, parse_csv, parse_directory, search};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(local) = parse_csv("fuzz.csv", data, &[]) {
        let query = Query {
            need: Some("shelter".into()),
            language: Some("es".into()),
            place: Some("x".into()),
        };
        let _ = search(&local, &query);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = parse_directory("fuzz.toml", text);
    }
});
