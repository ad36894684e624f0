//! Any bytes as a SHA256SUMS file: parsed or refused with a line number,
//! and whatever parses writes back to the same bytes.
#![no_main]
use cairn_report::packet::sums;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(parsed) = sums::parse(data) {
        let again = sums::write(&parsed);
        assert_eq!(sums::parse(again.as_bytes()).ok().as_ref(), Some(&parsed));
    }
});
