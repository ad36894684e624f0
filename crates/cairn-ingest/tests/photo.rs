mod common;

use std::io::Cursor;

use cairn_ingest::ImportError;
use cairn_ingest::photo::{self, PhotoMeta};
use cairn_ingest::synth::{self, ExifSpec};
use common::every_cut;

fn spec() -> ExifSpec {
    ExifSpec {
        make: "Cairn Test".into(),
        model: "Fixture Phone 1".into(),
        taken: "2024:01:15 21:05:12".into(),
        offset: Some("-05:00".into()),
        gps: Some((37.779_3, -122.419_3)),
    }
}

#[test]
fn jpeg_with_exif_gives_time_offset_camera_and_place() {
    let jpeg = synth::jpeg(16, 1, Some(&spec()));
    let meta = photo::read_metadata(Cursor::new(&jpeg)).unwrap();
    assert_eq!(meta.make.as_deref(), Some("Cairn Test"));
    assert_eq!(meta.model.as_deref(), Some("Fixture Phone 1"));
    let taken = meta.captured_at.unwrap();
    assert_eq!(taken.local.to_string(), "2024-01-15T21:05:12");
    assert_eq!(taken.offset.map(|o| o.seconds()), Some(-5 * 3600));
    let json = serde_json::to_string(&meta).unwrap();
    assert!(json.contains(r#""offset":"-05:00""#), "{json}");
    assert_eq!(taken.timestamp().unwrap().to_string(), "2024-01-16T02:05:12Z");
    let (lat, lon) = meta.gps.unwrap();
    assert!(
        (lat - 37.7793).abs() < 1e-6 && (lon + 122.4193).abs() < 1e-6,
        "{lat} {lon}"
    );
}

#[test]
fn without_offset_or_gps_the_time_stays_local() {
    let mut s = spec();
    s.offset = None;
    s.gps = None;
    let meta = photo::read_metadata(Cursor::new(synth::jpeg(8, 2, Some(&s)))).unwrap();
    let taken = meta.captured_at.unwrap();
    assert_eq!((taken.offset, taken.timestamp(), meta.gps), (None, None, None));
    assert_eq!(taken.local.to_string(), "2024-01-15T21:05:12");
}

#[test]
fn images_without_exif_say_nothing() {
    assert_eq!(
        photo::read_metadata(Cursor::new(synth::jpeg(8, 3, None))).unwrap(),
        PhotoMeta::default()
    );
    assert_eq!(
        photo::read_metadata(Cursor::new(synth::png(4, 3))).unwrap(),
        PhotoMeta::default()
    );
}

#[test]
fn what_is_not_an_image_is_an_error() {
    for input in [&b""[..], b"hello", b"%PDF-1.4\n"] {
        let err = photo::read_metadata(Cursor::new(input)).unwrap_err();
        assert!(
            matches!(err, ImportError::Unsupported { .. } | ImportError::Io { .. }),
            "{err}"
        );
    }
}

#[test]
fn truncated_photos_never_panic() {
    let jpeg = synth::jpeg(16, 1, Some(&spec()));
    every_cut(&jpeg, jpeg.len(), |prefix| {
        let _ = photo::read_metadata(Cursor::new(prefix));
    });
}
