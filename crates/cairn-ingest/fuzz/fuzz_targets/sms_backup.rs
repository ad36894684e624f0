//! Any bytes as an SMS Backup & Restore file: an error or a summary, never
//! a panic, and the counts add up. The lexer reads tokens straight from its
//! reader's buffer and falls back to a careful path for a token cut by the
//! buffer's end, so the same bytes are also read through a buffer of 1 to 16
//! bytes (the input's length chooses): both readings must agree exactly.
//! Every picture of a file that imports is also read back from the offset
//! the import gave for it, and must be the same bytes; every record, from
//! the bytes the import said it lies in, and must be the same record. Any
//! bytes as one record: an error or a record, never a panic.
#![no_main]

use std::io::BufReader;

use cairn_ingest::sms_backup::{self, SmsOptions};
use cairn_ingest::{Collect, SourceRef, hash_attachment};
use libfuzzer_sys::fuzz_target;

fn read(source: impl std::io::BufRead, data: &[u8]) -> String {
    let mut sink = Collect::default();
    let outcome = sms_backup::import(source, &mut sink, &SmsOptions::new("US"));
    if let Ok(summary) = &outcome {
        assert_eq!(summary.communications, sink.communications.len() as u64);
        assert_eq!(summary.attachments as usize, sink.attachments.len());
        for (at, stored) in &sink.in_source {
            let back = sms_backup::read_attachment(&data[*at as usize..]).expect("a picture reads back");
            let again = hash_attachment("", "", &mut &back[..]).expect("hashing memory");
            assert_eq!((again.sha256, again.size), (stored.sha256, stored.size));
        }
        for &(i, end) in &sink.ends {
            let c = &sink.communications[i];
            let bytes = &data[c.source.byte_offset as usize..end as usize];
            let back = sms_backup::read_record(bytes, &c.source, c.repeat, &SmsOptions::new("US"));
            assert_eq!(back.ok().as_ref(), Some(c));
        }
    }
    format!("{outcome:?}\n{sink:?}")
}

fuzz_target!(|data: &[u8]| {
    let _ = sms_backup::read_record(data, &SourceRef::default(), 0, &SmsOptions::new("US"));
    let whole = read(data, data);
    let cut = read(BufReader::with_capacity(data.len() % 16 + 1, data), data);
    assert_eq!(whole, cut);
});
