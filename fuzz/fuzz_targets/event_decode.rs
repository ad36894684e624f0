//! Stored event bytes are read back during verify and proofs: any bytes must
//! give an event or an error, and a decoded event must re-encode to exactly
//! the bytes it came from.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(event) = cairn_core::Event::decode(data) {
        assert_eq!(event.canonical_bytes().unwrap(), data);
    }
    let _ = cairn_core::canonical::is_canonical(data);
});
