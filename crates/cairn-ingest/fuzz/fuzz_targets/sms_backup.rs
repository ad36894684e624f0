//! Any bytes as an SMS Backup & Restore file: an error or a summary, never
//! a panic, and the counts add up.
#![no_main]

use cairn_ingest::Collect;
use cairn_ingest::sms_backup::{self, SmsOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut sink = Collect::default();
    if let Ok(summary) = sms_backup::import(data, &mut sink, &SmsOptions::new("US")) {
        assert_eq!(summary.communications, sink.communications.len() as u64);
        assert_eq!(summary.attachments as usize, sink.attachments.len());
    }
});
