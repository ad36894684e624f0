//! WhatsApp archives. Input starting with "PK" is taken as a zip as it is
//! (mutating the container itself); anything else is split at the first
//! 0xFF into a chat and a media file, zipped, and imported, so the chat
//! parser and media linking are reached through a valid archive.
#![no_main]

use std::io::{Cursor, Write};

use cairn_ingest::Collect;
use cairn_ingest::whatsapp::{self, WhatsappOptions};
use jiff::tz::TimeZone;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let archive = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        let (chat, media) = match data.iter().position(|b| *b == 0xFF) {
            Some(i) => (&data[..i], &data[i + 1..]),
            None => (data, &[][..]),
        };
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        w.start_file("_chat.txt", stored).unwrap();
        w.write_all(chat).unwrap();
        w.start_file("00000012-PHOTO-2024-01-14-21-04-30.jpg", stored).unwrap();
        w.write_all(media).unwrap();
        w.start_file("IMG-20240115-WA0003.jpg", stored).unwrap();
        w.write_all(media).unwrap();
        w.finish().unwrap().into_inner()
    };
    let mut options = WhatsappOptions::new(TimeZone::UTC, "US");
    options.owner_name = Some("Dana Kim".into());
    let _ = whatsapp::import(Cursor::new(archive), &mut Collect::default(), &options);
});
