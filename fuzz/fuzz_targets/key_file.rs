//! The key file is the one file read before anything is decrypted: garbage
//! must be refused without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(key_file) = cairn_crypto::KeyFile::from_json(data) {
        let _ = key_file.to_json();
    }
});
