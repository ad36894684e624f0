//! Any bytes as an SMS Backup & Restore file: an error or a summary, never
//! a panic, and the counts add up. The lexer reads tokens straight from its
//! reader's buffer and falls back to a careful path for a token cut by the
//! buffer's end, so the same bytes are also read through a buffer of 1 to 16
//! bytes (the input's length chooses): both readings must agree exactly.
#![no_main]

use std::io::BufReader;

use cairn_ingest::Collect;
use cairn_ingest::sms_backup::{self, SmsOptions};
use libfuzzer_sys::fuzz_target;

fn read(source: impl std::io::BufRead) -> String {
    let mut sink = Collect::default();
    let outcome = sms_backup::import(source, &mut sink, &SmsOptions::new("US"));
    if let Ok(summary) = &outcome {
        assert_eq!(summary.communications, sink.communications.len() as u64);
        assert_eq!(summary.attachments as usize, sink.attachments.len());
    }
    format!("{outcome:?}\n{sink:?}")
}

fuzz_target!(|data: &[u8]| {
    let whole = read(data);
    let cut = read(BufReader::with_capacity(data.len() % 16 + 1, data));
    assert_eq!(whole, cut);
});
