//! Tiny but valid images, made from a seed, so that tests and benchmarks
//! carry real picture bytes without shipping anyone's photos: an RGB PNG
//! (stored, uncompressed deflate) and a greyscale baseline JPEG whose 8×8
//! blocks are flat shades, optionally with an EXIF block (camera, time,
//! offset, GPS).

use super::Rng;

/// A `side`×`side` RGB PNG of noise; about `3·side²` bytes.
pub fn png(side: u32, seed: u64) -> Vec<u8> {
    let side = side.max(1);
    let mut rng = Rng(seed);
    let mut raw = Vec::with_capacity((side as usize * 3 + 1) * side as usize);
    for _ in 0..side {
        // Each row starts with its filter type: 0, none.
        raw.extend(std::iter::once(0).chain((0..side * 3).map(|_| rng.next() as u8)));
    }
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        zlib.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        zlib.extend_from_slice(&len.to_le_bytes());
        zlib.extend_from_slice(&(!len).to_le_bytes());
        zlib.extend_from_slice(block);
    }
    zlib.extend_from_slice(&adler32(&raw).to_be_bytes());

    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    png_chunk(&mut out, b"IHDR", &ihdr);
    png_chunk(&mut out, b"IDAT", &zlib);
    png_chunk(&mut out, b"IEND", &[]);
    out
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += u32::from(x);
            b += a;
        }
        a %= 65_521;
        b %= 65_521;
    }
    (b << 16) | a
}

/// What to put in a JPEG's EXIF block.
#[derive(Debug, Clone, PartialEq)]
pub struct ExifSpec {
    pub make: String,
    pub model: String,
    /// EXIF form: `2024:01:15 21:05:12`.
    pub taken: String,
    /// `OffsetTimeOriginal`, e.g. `-05:00`.
    pub offset: Option<String>,
    /// Decimal degrees, north and east positive.
    pub gps: Option<(f64, f64)>,
}

/// A `side`×`side` greyscale JPEG (side rounded up to a multiple of 8).
pub fn jpeg(side: u32, seed: u64, exif: Option<&ExifSpec>) -> Vec<u8> {
    let side = side.max(8).div_ceil(8) * 8;
    let mut out = vec![0xFF, 0xD8];
    match exif {
        Some(spec) => {
            let mut app1 = b"Exif\0\0".to_vec();
            app1.extend_from_slice(&tiff(spec));
            segment(&mut out, 0xE1, &app1);
        }
        None => segment(&mut out, 0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"),
    }
    let mut dqt = vec![0u8];
    dqt.extend_from_slice(&[1u8; 64]);
    segment(&mut out, 0xDB, &dqt);
    let s = (side as u16).to_be_bytes();
    segment(&mut out, 0xC0, &[8, s[0], s[1], s[0], s[1], 1, 1, 0x11, 0]);
    // DC table: categories 0–11, all with 4-bit codes (code = category).
    let mut dht_dc = vec![0x00, 0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    dht_dc.extend(0..12u8);
    segment(&mut out, 0xC4, &dht_dc);
    // AC table: only end-of-block, code "0".
    segment(
        &mut out,
        0xC4,
        &[0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00],
    );
    segment(&mut out, 0xDA, &[1, 1, 0x00, 0, 63, 0]);

    let mut rng = Rng(seed);
    let mut bits = BitWriter::default();
    let mut previous = 0i32;
    for _ in 0..(side / 8) * (side / 8) {
        let shade = i32::from(rng.next() as u8);
        let dc = 8 * (shade - 128);
        let diff = dc - previous;
        previous = dc;
        let category = 32 - diff.unsigned_abs().leading_zeros();
        bits.put(category, 4);
        if category > 0 {
            let value = if diff < 0 { diff + (1 << category) - 1 } else { diff };
            bits.put(value as u32, category);
        }
        bits.put(0, 1); // end of block
    }
    out.extend_from_slice(&bits.finish());
    out.extend_from_slice(&[0xFF, 0xD9]);
    out
}

fn segment(out: &mut Vec<u8>, marker: u8, data: &[u8]) {
    out.extend_from_slice(&[0xFF, marker]);
    out.extend_from_slice(&((data.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(data);
}

#[derive(Default)]
struct BitWriter {
    out: Vec<u8>,
    acc: u32,
    n: u32,
}

impl BitWriter {
    fn put(&mut self, value: u32, len: u32) {
        for i in (0..len).rev() {
            self.acc = (self.acc << 1) | ((value >> i) & 1);
            self.n += 1;
            if self.n == 8 {
                self.byte();
            }
        }
    }

    fn byte(&mut self) {
        let b = self.acc as u8;
        self.out.push(b);
        if b == 0xFF {
            self.out.push(0); // byte stuffing
        }
        self.acc = 0;
        self.n = 0;
    }

    fn finish(mut self) -> Vec<u8> {
        while self.n != 0 {
            self.put(1, 1);
        }
        self.out
    }
}

/// One IFD entry: tag, TIFF type, count, big-endian value bytes.
struct Entry(u16, u16, u32, Vec<u8>);

fn ascii(tag: u16, s: &str) -> Entry {
    let mut v = s.as_bytes().to_vec();
    v.push(0);
    Entry(tag, 2, v.len() as u32, v)
}

fn rationals(tag: u16, values: &[(u32, u32)]) -> Entry {
    let v = values
        .iter()
        .flat_map(|(n, d)| n.to_be_bytes().into_iter().chain(d.to_be_bytes()))
        .collect();
    Entry(tag, 5, values.len() as u32, v)
}

fn dms(deg: f64) -> Vec<(u32, u32)> {
    let deg = deg.abs();
    let d = deg.trunc();
    let m = ((deg - d) * 60.0).trunc();
    let s = ((deg - d) * 60.0 - m) * 60.0;
    vec![(d as u32, 1), (m as u32, 1), ((s * 1000.0).round() as u32, 1000)]
}

/// A big-endian TIFF: IFD0 (make, model, pointers), the EXIF IFD (time,
/// offset) and the GPS IFD.
fn tiff(spec: &ExifSpec) -> Vec<u8> {
    let mut exif = vec![ascii(0x9003, &spec.taken)];
    if let Some(o) = &spec.offset {
        exif.push(ascii(0x9011, o));
    }
    let gps = spec.gps.map(|(lat, lon)| {
        vec![
            Entry(0x0000, 1, 4, vec![2, 3, 0, 0]),
            ascii(0x0001, if lat < 0.0 { "S" } else { "N" }),
            rationals(0x0002, &dms(lat)),
            ascii(0x0003, if lon < 0.0 { "W" } else { "E" }),
            rationals(0x0004, &dms(lon)),
        ]
    });
    let mut ifd0 = vec![
        ascii(0x010F, &spec.make),
        ascii(0x0110, &spec.model),
        Entry(0x8769, 4, 1, vec![0; 4]),
    ];
    if gps.is_some() {
        ifd0.push(Entry(0x8825, 4, 1, vec![0; 4]));
    }
    let size = |ifd: &[Entry]| {
        2 + 12 * ifd.len()
            + 4
            + ifd
                .iter()
                .map(|e| if e.3.len() > 4 { e.3.len().div_ceil(2) * 2 } else { 0 })
                .sum::<usize>()
    };
    let exif_at = 8 + size(&ifd0);
    let gps_at = exif_at + size(&exif);
    ifd0[2].3 = (exif_at as u32).to_be_bytes().to_vec();
    if gps.is_some() {
        ifd0[3].3 = (gps_at as u32).to_be_bytes().to_vec();
    }
    let mut out = b"MM\0\x2A\0\0\0\x08".to_vec();
    write_ifd(&mut out, &ifd0);
    write_ifd(&mut out, &exif);
    if let Some(gps) = &gps {
        write_ifd(&mut out, gps);
    }
    out
}

fn write_ifd(out: &mut Vec<u8>, entries: &[Entry]) {
    let start = out.len();
    let mut data_at = start + 2 + 12 * entries.len() + 4;
    let mut data = Vec::new();
    out.extend_from_slice(&(entries.len() as u16).to_be_bytes());
    for Entry(tag, kind, count, value) in entries {
        out.extend_from_slice(&tag.to_be_bytes());
        out.extend_from_slice(&kind.to_be_bytes());
        out.extend_from_slice(&count.to_be_bytes());
        if value.len() <= 4 {
            let mut inline = value.clone();
            inline.resize(4, 0);
            out.extend_from_slice(&inline);
        } else {
            out.extend_from_slice(&(data_at as u32).to_be_bytes());
            data.extend_from_slice(value);
            if value.len() % 2 == 1 {
                data.push(0);
            }
            data_at += value.len().div_ceil(2) * 2;
        }
    }
    out.extend_from_slice(&0u32.to_be_bytes());
    out.extend_from_slice(&data);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums_match_known_values() {
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }

    #[test]
    fn images_are_deterministic_and_framed() {
        let p = png(16, 7);
        assert_eq!(p, png(16, 7));
        assert!(p.starts_with(b"\x89PNG") && p.ends_with(&[0xAE, 0x42, 0x60, 0x82]));
        let j = jpeg(20, 7, None);
        assert_eq!(j, jpeg(20, 7, None));
        assert!(j.starts_with(&[0xFF, 0xD8]) && j.ends_with(&[0xFF, 0xD9]));
    }
}
