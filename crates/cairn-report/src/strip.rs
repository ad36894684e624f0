//! Copies of pictures without the metadata that can say where a survivor
//! lives now: EXIF (GPS, camera serial, times), XMP, IPTC, comments.
//!
//! Only the containers are edited; pixels are never re-encoded, so the copy
//! shows exactly what the original shows. A format we cannot clean is not
//! copied at all: the caller withholds it rather than leak.

use img_parts::Bytes;
use img_parts::jpeg::{Jpeg, markers};
use img_parts::png::Png;

/// JPEG APPn segments a decoder needs: APP0 (JFIF) and APP14 (Adobe colour
/// transform). Every other APPn (EXIF, XMP, IPTC, maker notes, MPF) and
/// every comment goes.
fn keep_jpeg_segment(marker: u8) -> bool {
    let app = (markers::APP0..=markers::APP15).contains(&marker);
    !(marker == markers::COM || app && marker != markers::APP0 && marker != markers::APP14)
}

/// PNG chunks that carry text, EXIF or times; ICC profiles (`iCCP`) stay,
/// they only describe colour.
const PNG_METADATA: [&[u8; 4]; 5] = [b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"];

/// Whether [`strip_metadata`] handles this media type.
pub fn can_strip(media_type: &str) -> bool {
    matches!(media_type, "image/jpeg" | "image/png")
}

/// Whether a file of this media type may carry location metadata.
pub fn is_picture(media_type: &str) -> bool {
    media_type.starts_with("image/")
}

/// The picture without metadata, or `None` if it cannot be parsed as the
/// type it claims.
pub fn strip_metadata(media_type: &str, original: Vec<u8>) -> Option<Vec<u8>> {
    let bytes = Bytes::from(original);
    match media_type {
        "image/jpeg" => {
            let mut jpeg = Jpeg::from_bytes(bytes).ok()?;
            jpeg.segments_mut().retain(|s| keep_jpeg_segment(s.marker()));
            Some(jpeg.encoder().bytes().to_vec())
        }
        "image/png" => {
            let mut png = Png::from_bytes(bytes).ok()?;
            png.chunks_mut().retain(|c| !PNG_METADATA.contains(&&c.kind()));
            Some(png.encoder().bytes().to_vec())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal JPEG: SOI, APP0 JFIF, APP1 EXIF with a GPS-looking string,
    /// COM, then a tiny scan and EOI. Only the container matters here.
    fn jpeg_with_exif() -> Vec<u8> {
        let mut out = vec![0xFF, 0xD8];
        let segment = |out: &mut Vec<u8>, marker: u8, body: &[u8]| {
            out.extend([0xFF, marker]);
            out.extend(((body.len() + 2) as u16).to_be_bytes());
            out.extend(body);
        };
        segment(&mut out, markers::APP0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        segment(&mut out, markers::APP1, b"Exif\0\0GPSLatitude 40.7128N");
        segment(&mut out, markers::COM, b"taken at home");
        segment(&mut out, 0xDB, &[0; 65]);
        segment(&mut out, 0xC0, &[8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
        segment(&mut out, 0xDA, &[1, 1, 0, 0, 0x3F, 0]);
        out.extend([0x12, 0x34, 0xFF, 0xD9]);
        out
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn jpeg_loses_exif_and_comments_but_keeps_the_image() {
        let original = jpeg_with_exif();
        let copy = strip_metadata("image/jpeg", original.clone()).unwrap();
        assert!(contains(&original, b"GPSLatitude") && !contains(&copy, b"GPSLatitude"));
        assert!(!contains(&copy, b"taken at home"));
        assert!(contains(&copy, b"JFIF"));
        assert!(copy.ends_with(&[0x12, 0x34, 0xFF, 0xD9]), "scan data kept as is");
        assert_eq!(strip_metadata("image/jpeg", copy.clone()).unwrap(), copy, "idempotent");
    }

    #[test]
    fn what_cannot_be_cleaned_is_not_returned() {
        assert_eq!(strip_metadata("image/jpeg", b"not a jpeg".to_vec()), None);
        assert_eq!(strip_metadata("image/heic", jpeg_with_exif()), None);
        assert!(!can_strip("image/heic") && is_picture("image/heic"));
    }
}
