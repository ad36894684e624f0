//! Any bytes as a pcap/pcapng capture, against a small indicator set.
#![no_main]
use std::sync::OnceLock;

use cairn_scan::indicators::{IndicatorSet, Origin};
use libfuzzer_sys::fuzz_target;

fn set() -> &'static IndicatorSet {
    static SET: OnceLock<IndicatorSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut s = IndicatorSet::new();
        let yaml = "- name: A\n  type: stalkerware\n  websites: [spy.example]\n  c2: {ips: [10.0.0.1, '2001:db8::1'], domains: [c2.example]}\n  distribution: ['http://dl.example/a.apk']\n";
        s.load_bytes(yaml.as_bytes(), Origin::new("fuzz")).expect("static yaml");
        s
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = cairn_scan::capture::analyze_capture(data, set()) {
        assert!(report.bytes_read <= data.len() as u64);
        let _ = report.findings();
    }
});
