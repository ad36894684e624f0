//! Any bytes as the packet's public key file and as its SSHSIG armor:
//! refused, never a panic, and never "verified" for a message it did not sign.
#![no_main]
use cairn_report::packet::sshsig;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = sshsig::parse_public_key(data);
    let (armor, message) = data.split_at(data.len() / 2);
    let key = [7u8; 32];
    assert!(sshsig::verify(key, message, armor, &|_, _| false).is_err());
});
