mod common;

use std::io::{Cursor, Write};

use cairn_ingest::whatsapp::{self, DateOrder, WhatsappOptions};
use cairn_ingest::{Collect, ImportError, synth};
use common::{data, every_cut, expect_file, render};
use jiff::tz::TimeZone;

fn options(tz: &str, owner: &str) -> WhatsappOptions {
    let mut o = WhatsappOptions::new(TimeZone::get(tz).unwrap(), "US");
    o.owner_name = Some(owner.to_owned());
    o
}

/// Imports `tests/data/whatsapp/NAME` and compares with `NAME.expected`.
fn check(name: &str, options: &WhatsappOptions) {
    let input = std::fs::read(data(&format!("whatsapp/{name}"))).unwrap();
    check_bytes(name, input, options);
}

fn check_bytes(name: &str, input: Vec<u8>, options: &WhatsappOptions) {
    let mut sink = Collect::default();
    let result = whatsapp::import(Cursor::new(input), &mut sink, options);
    expect_file(&data(&format!("whatsapp/{name}.expected")), &render(&result, &sink));
}

#[test]
fn every_layout_and_locale() {
    let cases = [
        ("android-en-us.txt", "America/Los_Angeles", "Dana Kim"),
        ("ios-en-us.txt", "America/Los_Angeles", "Dana Kim"),
        ("android-en-gb.txt", "Europe/London", "Dana Kim"),
        ("ios-en-gb.txt", "Europe/London", "Dana Kim"),
        ("android-es.txt", "Europe/Madrid", "Lucía Torres"),
        ("ios-es.txt", "America/Mexico_City", "Lucía Torres"),
        ("android-de.txt", "Europe/Berlin", "Dana Kim"),
        ("ios-de.txt", "Europe/Berlin", "Dana Kim"),
        ("android-fr.txt", "Europe/Paris", "Dana Kim"),
        ("ios-fr.txt", "Europe/Paris", "Dana Kim"),
        ("android-pt-br.txt", "America/Sao_Paulo", "Dana Kim"),
        ("android-it.txt", "Europe/Rome", "Dana Kim"),
        ("ios-nl.txt", "Europe/Amsterdam", "Dana Kim"),
        ("android-fi.txt", "Europe/Helsinki", "Dana Kim"),
    ];
    for (name, tz, owner) in cases {
        check(name, &options(tz, owner));
    }
}

#[test]
fn group_chat_with_a_number_as_sender() {
    let mut o = options("Europe/London", "dana kim");
    o.chat_name = Some("Family".into());
    check("android-group.txt", &o);
}

#[test]
fn without_the_owner_direction_is_unknown() {
    let mut o = options("America/Los_Angeles", "x");
    o.owner_name = None;
    let mut sink = Collect::default();
    let input = std::fs::read(data("whatsapp/android-en-us.txt")).unwrap();
    whatsapp::import(Cursor::new(input), &mut sink, &o).unwrap();
    assert!(
        sink.communications
            .iter()
            .all(|c| c.direction == cairn_core::Direction::Unknown)
    );
    assert!(sink.communications.iter().any(|c| c.counterpart == "Dana Kim"));
}

#[test]
fn ambiguous_dates_need_the_order() {
    let o = options("Europe/London", "Dana Kim");
    check("ambiguous.txt", &o);
    let mut given = o.clone();
    given.date_order = DateOrder::for_locale("en-GB");
    let input = std::fs::read(data("whatsapp/ambiguous.txt")).unwrap();
    check_bytes("ambiguous-dmy", input.clone(), &given);
    given.date_order = Some(DateOrder::MonthDayYear);
    check_bytes("ambiguous-mdy", input, &given);
}

#[test]
fn repeated_local_times_are_counted() {
    let chat = "11/5/23, 1:30\u{202F}AM - Alex Rivera: first\n11/5/23, 1:30\u{202F}AM - Alex Rivera: first\n11/15/23, 9:00\u{202F}AM - Alex Rivera: later\n";
    let mut sink = Collect::default();
    let s = whatsapp::import(
        Cursor::new(chat),
        &mut sink,
        &options("America/Los_Angeles", "Dana Kim"),
    )
    .unwrap();
    assert_eq!(s.ambiguous_local_times, 2);
    // The earlier of the two readings, and the duplicate is kept as a repeat.
    assert_eq!(sink.communications[0].at.to_string(), "2023-11-05T08:30:00Z");
    assert_eq!((sink.communications[0].repeat, sink.communications[1].repeat), (0, 1));
    assert_ne!(sink.communications[0].dedup_key(), sink.communications[1].dedup_key());
}

fn zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        w.start_file(*name, opts).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn android_zip() -> Vec<u8> {
    let chat = std::fs::read(data("whatsapp/android-en-us.txt")).unwrap();
    let photo = synth::jpeg(16, 3, None);
    zip(&[
        ("WhatsApp Chat with Alex Rivera.txt", &chat),
        ("IMG-20240115-WA0003.jpg", &photo),
        ("IMG-20240116-WA0004.jpg", &photo),
    ])
}

#[test]
fn archives_link_media_to_messages() {
    check_bytes(
        "android-en-us.zip",
        android_zip(),
        &options("America/Los_Angeles", "Dana Kim"),
    );
    let chat = std::fs::read(data("whatsapp/ios-en-us.txt")).unwrap();
    let photo = synth::jpeg(8, 5, None);
    let ios = zip(&[("_chat.txt", &chat), ("00000012-PHOTO-2024-01-14-21-04-30.jpg", &photo)]);
    check_bytes("ios-en-us.zip", ios, &options("America/Los_Angeles", "Dana Kim"));
}

#[test]
fn archive_errors() {
    let o = options("America/Los_Angeles", "Dana Kim");
    let run = |bytes: Vec<u8>| whatsapp::import(Cursor::new(bytes), &mut Collect::default(), &o).unwrap_err();
    let err = run(zip(&[("notes.md", b"hi")]));
    assert!(matches!(err, ImportError::NoChat { .. }), "{err}");
    let err = run(zip(&[("a/one.txt", b"x"), ("two.txt", b"y")]));
    assert_eq!(
        err.to_string(),
        "the whatsapp archive holds several chat text files: a/one.txt, two.txt"
    );
    let mut damaged = android_zip();
    let at = damaged.len() / 3;
    damaged[at] ^= 0x55;
    damaged[at + 1] ^= 0x55;
    let err = run(damaged);
    assert!(
        matches!(err, ImportError::Archive { .. } | ImportError::Io { .. }),
        "{err}"
    );
}

#[test]
fn truncated_or_garbage_input_never_panics() {
    let o = options("Europe/Berlin", "Dana Kim");
    for name in ["android-de.txt", "ios-en-us.txt", "android-es.txt", "android-fi.txt"] {
        let input = std::fs::read(data(&format!("whatsapp/{name}"))).unwrap();
        every_cut(&input, 200, |prefix| {
            let _ = whatsapp::import(Cursor::new(prefix), &mut Collect::default(), &o);
        });
    }
    let zipped = android_zip();
    every_cut(&zipped, 300, |prefix| {
        let result = whatsapp::import(Cursor::new(prefix), &mut Collect::default(), &o);
        if prefix.len() < zipped.len() {
            assert!(result.is_err(), "cut at {}", prefix.len());
        }
    });
}
