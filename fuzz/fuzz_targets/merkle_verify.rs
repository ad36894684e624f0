//! Proof verification runs on files from outside (an examiner's copy): any
//! sizes, indexes and proof lengths must give a verdict, never a panic.
#![no_main]
use cairn_core::merkle::{Hash, verify_consistency, verify_inclusion};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 16 {
        return;
    }
    let a = u64::from_le_bytes(data[0..8].try_into().unwrap());
    let b = u64::from_le_bytes(data[8..16].try_into().unwrap());
    let hashes: Vec<Hash> = data[16..].chunks_exact(32).map(|c| Hash(c.try_into().unwrap())).collect();
    let (first, rest) = hashes.split_first().map(|(f, r)| (*f, r)).unwrap_or((Hash([0; 32]), &[]));
    let _ = verify_inclusion(a, b, &first, rest, &first);
    let _ = verify_consistency(a, b, &first, &first, rest);
});
