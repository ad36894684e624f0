//! Opening an encrypted blob: whatever the bytes, an error or plaintext,
//! never a panic and never unbounded memory.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static KEY: OnceLock<cairn_crypto::BlobKey> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let key = KEY.get_or_init(|| cairn_crypto::MasterKey::generate().blob_key());
    let _ = cairn_crypto::open_stream(key, data, std::io::sink());
});
