//! Any bytes as an email or mbox: an error or a summary, never a panic.
#![no_main]

use cairn_ingest::Collect;
use cairn_ingest::email::{self, EmailOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = EmailOptions {
        owner_addresses: vec!["dana.kim@example.org".into()],
    };
    let mut sink = Collect::default();
    if let Ok(summary) = email::import(data, &mut sink, &options) {
        assert_eq!(summary.communications, sink.communications.len() as u64);
    }
});
