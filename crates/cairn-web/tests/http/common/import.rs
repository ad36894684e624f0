//! Uploading exports the way the import form does, and reading the answers.

use std::path::PathBuf;

use axum::body::Body;
use axum::http::{StatusCode, header};

use super::{Client, Reply};

pub fn fixture(path: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../cairn-ingest/tests/data")
        .join(path);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub const BOUNDARY: &str = "cairn-import-boundary";

/// The text fields in order (the CSRF token first, as the form sends it),
/// then the file.
pub fn multipart(fields: &[(&str, &str)], file_name: &str, content: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    body.extend(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(content);
    body.extend(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

pub async fn import(c: &mut Client, case: &str, fields: &[(&str, &str)], file_name: &str, content: &[u8]) -> Reply {
    let page = format!("/cases/{case}/import");
    let token = c.get(&page).await.csrf();
    let mut all = vec![("csrf", token.as_str())];
    all.extend_from_slice(fields);
    let request = c
        .builder("POST", &page)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(multipart(&all, file_name, content)))
        .unwrap();
    c.send(request).await
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The number shown under a label in the result page's counts.
pub fn count(body: &str, label: &str) -> String {
    let marker = format!("<dt>{label}</dt><dd>");
    let start = body.find(&marker).unwrap_or_else(|| panic!("no {label} in {body}")) + marker.len();
    body[start..].split('<').next().unwrap().to_owned()
}

pub async fn api(c: &mut Client, uri: &str) -> serde_json::Value {
    let reply = c.get(uri).await;
    assert_eq!(reply.status, StatusCode::OK, "{uri}: {}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

/// A JPEG holding only an EXIF block: camera, local time with offset, place.
pub fn jpeg_with_exif() -> Vec<u8> {
    fn entry(out: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32) {
        out.extend(tag.to_le_bytes());
        out.extend(kind.to_le_bytes());
        out.extend(count.to_le_bytes());
        out.extend(value.to_le_bytes());
    }
    const ASCII: u16 = 2;
    const LONG: u16 = 4;
    const RATIONAL: u16 = 5;
    // Layout (offsets from the TIFF header): IFD0 at 8 (4 entries), Exif
    // IFD at 62 (2 entries), GPS IFD at 92 (4 entries), data from 146.
    let (make, model, taken, offset) = (
        b"Cairn Test\0",
        b"Fixture Phone\0",
        b"2024:01:15 21:05:12\0",
        b"-05:00\0",
    );
    let data_start = 146u32;
    let make_at = data_start;
    let model_at = make_at + make.len() as u32;
    let taken_at = model_at + model.len() as u32;
    let offset_at = taken_at + taken.len() as u32;
    let lat_at = offset_at + offset.len() as u32;
    let lon_at = lat_at + 24;
    let mut tiff = b"II*\0".to_vec();
    tiff.extend(8u32.to_le_bytes());
    tiff.extend(4u16.to_le_bytes());
    entry(&mut tiff, 0x010f, ASCII, make.len() as u32, make_at);
    entry(&mut tiff, 0x0110, ASCII, model.len() as u32, model_at);
    entry(&mut tiff, 0x8769, LONG, 1, 62);
    entry(&mut tiff, 0x8825, LONG, 1, 92);
    tiff.extend(0u32.to_le_bytes());
    assert_eq!(tiff.len(), 62);
    tiff.extend(2u16.to_le_bytes());
    entry(&mut tiff, 0x9003, ASCII, taken.len() as u32, taken_at);
    entry(&mut tiff, 0x9011, ASCII, offset.len() as u32, offset_at);
    tiff.extend(0u32.to_le_bytes());
    assert_eq!(tiff.len(), 92);
    tiff.extend(4u16.to_le_bytes());
    entry(&mut tiff, 0x0001, ASCII, 2, u32::from_le_bytes(*b"N\0\0\0"));
    entry(&mut tiff, 0x0002, RATIONAL, 3, lat_at);
    entry(&mut tiff, 0x0003, ASCII, 2, u32::from_le_bytes(*b"W\0\0\0"));
    entry(&mut tiff, 0x0004, RATIONAL, 3, lon_at);
    tiff.extend(0u32.to_le_bytes());
    assert_eq!(tiff.len() as u32, data_start);
    for part in [&make[..], model, taken, offset] {
        tiff.extend_from_slice(part);
    }
    for (d, m, s) in [(37u32, 46u32, 45u32), (122, 25, 9)] {
        for v in [d, m, s] {
            tiff.extend(v.to_le_bytes());
            tiff.extend(1u32.to_le_bytes());
        }
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut jpeg = vec![0xff, 0xd8, 0xff, 0xe1];
    jpeg.extend(((app1.len() + 2) as u16).to_be_bytes());
    jpeg.extend(app1);
    jpeg.extend([0xff, 0xd9]);
    jpeg
}
