//! Any bytes as a stalkerware-indicators YAML file: an error or a set, never a panic.
#![no_main]
use cairn_scan::indicators::{IndicatorSet, Origin};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.first() == Some(&b'{') {
        return;
    }
    let mut set = IndicatorSet::new();
    if set.load_bytes(data, Origin::new("fuzz.yaml")).is_ok() {
        let _ = set.match_domain("a.b.example");
        let _ = set.match_package("com.example");
    }
});
