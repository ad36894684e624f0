//! Any bytes as a JPEG or PNG: a copy without metadata, or nothing (the
//! picture is then withheld from a packet), never a panic.
#![no_main]
use cairn_report::strip::strip_metadata;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for media_type in ["image/jpeg", "image/png"] {
        let _ = strip_metadata(media_type, data.to_vec());
    }
});
