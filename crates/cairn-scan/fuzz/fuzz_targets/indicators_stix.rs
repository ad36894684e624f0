//! Any bytes after `{` as a STIX bundle, including its pattern language.
#![no_main]
use cairn_scan::indicators::{IndicatorSet, Origin};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut doc = b"{".to_vec();
    doc.extend_from_slice(data);
    let mut set = IndicatorSet::new();
    if set.load_bytes(&doc, Origin::new("fuzz.stix2")).is_ok() {
        let _ = set.match_domain("a.b.example");
        let _ = set.match_url("http://a.example/x");
    }
});
