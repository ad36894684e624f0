//! Any bytes as a packet zip: `verify` reports failures as data and never
//! says a packet is verified unless every check passed.
#![no_main]
use cairn_report::packet::{PacketFiles, verify};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("packet.zip");
    std::fs::write(&path, data).expect("write");
    if let Ok(files) = PacketFiles::open(&path) {
        let verified = verify(&files, &|_| {});
        let _ = verified.failures.len();
    }
});
