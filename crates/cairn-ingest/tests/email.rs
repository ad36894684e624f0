mod common;

use std::io::Read;

use cairn_core::{AttachmentRef, Communication};
use cairn_ingest::email::{self, EmailOptions};
use cairn_ingest::{Collect, ImportError, Sink, SinkError, hash_attachment};
use common::{data, every_cut, expect_file, render};

fn options() -> EmailOptions {
    EmailOptions {
        owner_addresses: vec!["Dana.Kim@example.org".into()],
    }
}

/// Imports `tests/data/email/NAME` and compares with `NAME.expected`.
fn check(name: &str) {
    let input = std::fs::read(data(&format!("email/{name}"))).unwrap();
    let mut sink = Collect::default();
    let result = email::import(&input[..], &mut sink, &options());
    expect_file(&data(&format!("email/{name}.expected")), &render(&result, &sink));
}

#[test]
fn single_message_with_attachment_and_dkim() {
    check("message.eml");
}

#[test]
fn mailbox_with_escapes_a_bad_message_and_a_missing_date() {
    check("mailbox.mbox");
}

/// Keeps what it is given, to compare bytes.
#[derive(Default)]
struct Keep {
    files: Vec<(String, Vec<u8>)>,
    communications: Vec<Communication>,
}

impl Sink for Keep {
    fn communication(&mut self, c: Communication) -> Result<(), SinkError> {
        self.communications.push(c);
        Ok(())
    }

    fn attachment(&mut self, name: &str, media_type: &str, data: &mut dyn Read) -> Result<AttachmentRef, SinkError> {
        let mut bytes = Vec::new();
        data.read_to_end(&mut bytes)?;
        self.files.push((name.to_owned(), bytes.clone()));
        Ok(hash_attachment(name, media_type, &mut &bytes[..])?)
    }
}

#[test]
fn raw_headers_are_kept_byte_for_byte_and_unescaping_touches_only_bodies() {
    let input = std::fs::read(data("email/message.eml")).unwrap();
    let mut sink = Keep::default();
    email::import(&input[..], &mut sink, &options()).unwrap();
    let end = input.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 2;
    assert_eq!(sink.files[0], ("headers.txt".to_owned(), input[..end].to_vec()));
    assert!(
        sink.files[0]
            .1
            .ends_with(b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1_cairn_fixture\"\r\n")
    );
    assert_eq!(&sink.files[1].1[..8], b"\x89PNG\r\n\x1a\n");

    let mbox = std::fs::read(data("email/mailbox.mbox")).unwrap();
    let mut sink = Keep::default();
    email::import(&mbox[..], &mut sink, &options()).unwrap();
    let body = sink.communications[0].body.as_deref().unwrap();
    assert!(
        body.contains("\nFrom now on") && body.contains("\n>From the court"),
        "{body:?}"
    );
}

#[test]
fn a_file_that_is_not_email_is_an_error() {
    let err = email::import(
        &b"just some notes\nnothing else\n"[..],
        &mut Collect::default(),
        &options(),
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::Malformed { .. }), "{err}");
    assert!(
        err.to_string()
            .starts_with("the email is malformed at line 1, byte 0: expected email headers"),
        "{err}"
    );
    let err = email::import(&b""[..], &mut Collect::default(), &options()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the email ends early at line 1, byte 0: expected an email message"
    );
}

#[test]
fn truncated_or_garbage_input_never_panics() {
    for name in ["message.eml", "mailbox.mbox"] {
        let input = std::fs::read(data(&format!("email/{name}"))).unwrap();
        every_cut(&input, 300, |prefix| {
            let _ = email::import(prefix, &mut Collect::default(), &options());
        });
    }
    let mut x = 7u64;
    for len in [1usize, 5, 50, 500] {
        for _ in 0..100 {
            let input: Vec<u8> = (0..len)
                .map(|_| {
                    x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    b"From: \r\n>abc=?;:-\t"[(x >> 59) as usize % 18]
                })
                .collect();
            let _ = email::import(&input[..], &mut Collect::default(), &options());
        }
    }
}
