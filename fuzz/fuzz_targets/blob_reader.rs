//! Random access into an encrypted blob: whatever the bytes and whatever the
//! seeks, an error or plaintext, never a panic.
#![no_main]
use std::io::{Cursor, Read, Seek, SeekFrom};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static KEY: OnceLock<cairn_crypto::BlobKey> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let key = KEY.get_or_init(|| cairn_crypto::MasterKey::generate().blob_key());
    // The first bytes choose seek positions; the rest is the sealed blob.
    let (moves, blob) = data.split_at(data.len().min(8));
    let Ok(mut reader) = cairn_crypto::BlobReader::new(key, Cursor::new(blob)) else {
        return;
    };
    let mut buf = [0u8; 4096];
    for m in moves {
        let to = u64::from(*m) * 997;
        if reader.seek(SeekFrom::Start(to)).is_err() || reader.read(&mut buf).is_err() {
            return;
        }
    }
    let _ = reader.read_to_end(&mut Vec::new());
});
