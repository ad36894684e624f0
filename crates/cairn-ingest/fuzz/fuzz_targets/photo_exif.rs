//! Any bytes as a photo: metadata or an error, never a panic, and GPS
//! values, when given, are real coordinates.
#![no_main]

use std::io::Cursor;

use cairn_ingest::photo;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(meta) = photo::read_metadata(Cursor::new(data)) {
        if let Some((lat, lon)) = meta.gps {
            assert!(lat.abs() <= 90.0 && lon.abs() <= 180.0);
        }
    }
});
