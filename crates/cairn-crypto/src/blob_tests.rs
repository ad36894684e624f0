use super::*;
use crate::MasterKey;

const SMALL: usize = MIN_CHUNK;

fn data(len: usize) -> Vec<u8> {
    // Deterministic, non-repeating-looking bytes so chunk swaps change content.
    let mut x: u32 = 0x9e37_79b9;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x.to_le_bytes()[0]
        })
        .collect()
}

fn seal_with(key: &BlobKey, plain: &[u8], chunk: usize) -> (Vec<u8>, SealSummary) {
    let mut out = Vec::new();
    let s = seal_chunked(key, plain, &mut out, chunk, &mut |_| {}).unwrap();
    (out, s)
}

fn open(key: &BlobKey, sealed: &[u8]) -> Result<(Vec<u8>, OpenSummary), Error> {
    let mut out = Vec::new();
    let s = open_stream(key, sealed, &mut out)?;
    Ok((out, s))
}

fn sha(b: &[u8]) -> [u8; 32] {
    sha2::Sha256::digest(b).into()
}

fn ct_chunk(chunk: usize) -> usize {
    chunk + TAG_LEN
}

#[test]
fn round_trip_sizes_default_chunk() {
    let key = MasterKey::generate().blob_key();
    let c = CHUNK_SIZE;
    for len in [0, 1, c - 1, c, c + 1, 3 * c + 12_345] {
        let plain = data(len);
        let mut seen = Vec::new();
        let mut sealed = Vec::new();
        let s = seal_stream(&key, &plain[..], &mut sealed, &mut |n| seen.push(n)).unwrap();
        assert_eq!(s.size, len as u64);
        assert_eq!(s.sha256, sha(&plain));
        assert_eq!(s.blob_id, key.blob_id(&s.sha256));
        // Final chunk is always short, so exact multiples get an empty one.
        let chunks = len / c + 1;
        assert_eq!(sealed.len(), HEADER_LEN + len + chunks * TAG_LEN, "len {len}");
        assert!(seen.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(seen.last().copied(), Some(len as u64));
        let (back, o) = open(&key, &sealed).unwrap();
        assert!(back == plain, "len {len}");
        assert_eq!((o.sha256, o.size), (s.sha256, s.size));
    }
}

#[test]
fn round_trip_small_chunks_and_short_reads() {
    let key = MasterKey::generate().blob_key();
    let plain = data(10 * SMALL + 77);
    // A reader that hands out 1..=97 bytes at a time must not change the output.
    struct Dribble<'a>(&'a [u8], usize);
    impl Read for Dribble<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.1 = self.1 % 97 + 1;
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }
    let mut sealed = Vec::new();
    let s = seal_chunked(&key, Dribble(&plain, 0), &mut sealed, SMALL, &mut |_| {}).unwrap();
    assert_eq!(sealed.len(), HEADER_LEN + plain.len() + 11 * TAG_LEN);
    let mut back = Vec::new();
    let o = open_stream(&key, Dribble(&sealed, 5), &mut back).unwrap();
    assert!(back == plain);
    assert_eq!(o.sha256, s.sha256);
}

#[test]
fn every_byte_flip_is_detected() {
    let key = MasterKey::generate().blob_key();
    let plain = data(3 * SMALL + 100);
    let (sealed, _) = seal_with(&key, &plain, SMALL);
    for i in 0..sealed.len() {
        let mut bad = sealed.clone();
        bad[i] ^= 1 << (i % 8);
        match open(&key, &bad) {
            Err(Error::Decrypt) => {}
            Err(Error::Format(_) | Error::UnsupportedVersion { .. }) if i < HEADER_LEN => {}
            other => panic!("flip at {i}: {:?}", other.map(|o| o.1)),
        }
    }
}

#[test]
fn header_bytes_flip_with_default_chunk() {
    let key = MasterKey::generate().blob_key();
    let (sealed, _) = seal_with(&key, &data(CHUNK_SIZE + 5), CHUNK_SIZE);
    for i in (0..HEADER_LEN).chain([HEADER_LEN + 3, HEADER_LEN + CHUNK_SIZE + 2, sealed.len() - 1]) {
        for bit in [0x01, 0x80] {
            let mut bad = sealed.clone();
            bad[i] ^= bit;
            let r = open(&key, &bad);
            assert!(
                matches!(
                    r,
                    Err(Error::Decrypt | Error::Format(_) | Error::UnsupportedVersion { .. })
                ),
                "flip at {i}"
            );
            if i >= 14 {
                assert!(matches!(r, Err(Error::Decrypt)), "flip at {i}");
            }
        }
    }
}

#[test]
fn truncation_reordering_and_appending_are_detected() {
    let key = MasterKey::generate().blob_key();
    let plain = data(4 * SMALL + 300);
    let (sealed, _) = seal_with(&key, &plain, SMALL);
    let cc = ct_chunk(SMALL);
    let decrypt_err = |bytes: &[u8], what: &str| {
        assert!(matches!(open(&key, bytes), Err(Error::Decrypt)), "{what}");
    };

    // Truncation at and around every chunk boundary, incl. dropping the last chunk.
    for k in 0..=4 {
        let at = HEADER_LEN + k * cc;
        for cut in [at, at + 1, at + TAG_LEN, at.saturating_sub(1).max(HEADER_LEN)] {
            if cut < sealed.len() {
                decrypt_err(&sealed[..cut], &format!("truncated at {cut}"));
            }
        }
    }
    decrypt_err(&sealed[..sealed.len() - 1], "last byte dropped");

    // Swap chunks 1 and 2; duplicate chunk 0; drop chunk 1 entirely.
    let chunk = |i: usize| &sealed[HEADER_LEN + i * cc..HEADER_LEN + (i + 1) * cc];
    let mut swapped = sealed.clone();
    swapped[HEADER_LEN + cc..HEADER_LEN + 2 * cc].copy_from_slice(chunk(2));
    swapped[HEADER_LEN + 2 * cc..HEADER_LEN + 3 * cc].copy_from_slice(chunk(1));
    decrypt_err(&swapped, "swapped chunks");
    let mut dup = sealed[..HEADER_LEN + cc].to_vec();
    dup.extend_from_slice(&sealed[HEADER_LEN..]);
    decrypt_err(&dup, "duplicated chunk");
    let mut dropped = sealed[..HEADER_LEN + cc].to_vec();
    dropped.extend_from_slice(&sealed[HEADER_LEN + 2 * cc..]);
    decrypt_err(&dropped, "dropped middle chunk");

    // Appended data of various sizes, incl. a replayed final chunk.
    let last = &sealed[HEADER_LEN + 4 * cc..];
    for extra in [&[0u8][..], &[0u8; 16], &vec![7u8; cc], last] {
        let mut more = sealed.clone();
        more.extend_from_slice(extra);
        decrypt_err(&more, &format!("appended {} bytes", extra.len()));
    }

    // Chunks spliced in from another blob under the same key.
    let (other, _) = seal_with(&key, &plain, SMALL);
    let mut spliced = sealed.clone();
    spliced[HEADER_LEN + cc..HEADER_LEN + 2 * cc].copy_from_slice(&other[HEADER_LEN + cc..HEADER_LEN + 2 * cc]);
    decrypt_err(&spliced, "spliced chunk");
}

#[test]
fn wrong_key_and_broken_headers() {
    let key = MasterKey::generate().blob_key();
    let (sealed, _) = seal_with(&key, b"hello", CHUNK_SIZE);
    let other = MasterKey::generate().blob_key();
    assert!(matches!(open(&other, &sealed), Err(Error::Decrypt)));

    for n in 0..HEADER_LEN {
        assert!(
            matches!(open(&key, &sealed[..n]), Err(Error::Format(_))),
            "header cut at {n}"
        );
    }
    assert!(matches!(open(&key, &sealed[..HEADER_LEN]), Err(Error::Decrypt)));
    let mut bad = sealed.clone();
    bad[..9].copy_from_slice(b"CAIRNBLOX");
    assert!(matches!(open(&key, &bad), Err(Error::Format(_))));
    let mut v2 = sealed.clone();
    v2[9] = 2;
    assert!(matches!(
        open(&key, &v2),
        Err(Error::UnsupportedVersion { found: 2, supported: 1 })
    ));
    for cs in [0u32, 1023, 4 * 1024 * 1024 + 1, u32::MAX] {
        let mut h = sealed.clone();
        h[10..14].copy_from_slice(&cs.to_be_bytes());
        assert!(matches!(open(&key, &h), Err(Error::Format(_))), "chunk size {cs}");
    }
    let mut cs = sealed.clone();
    cs[10..14].copy_from_slice(&65536u32.to_be_bytes());
    assert!(matches!(open(&key, &cs), Err(Error::Decrypt)));
    assert!(matches!(open(&key, &data(5000)), Err(Error::Format(_))));
}

#[test]
fn sealed_output_hides_plaintext_and_is_randomised() {
    let key = MasterKey::generate().blob_key();
    let mut plain = Vec::new();
    for _ in 0..20_000 {
        plain.extend_from_slice(b"SECRET-MARKER shelter address ");
    }
    let (a, sa) = seal_with(&key, &plain, CHUNK_SIZE);
    let (b, sb) = seal_with(&key, &plain, CHUNK_SIZE);
    assert!(!a.windows(13).any(|w| w == b"SECRET-MARKER"));
    assert_ne!(a, b);
    assert_eq!(sa.blob_id, sb.blob_id);
}

#[test]
fn blob_ids() {
    let mk = MasterKey::generate();
    let h = sha(b"photo.jpg bytes");
    let id = mk.blob_key().blob_id(&h);
    assert_eq!(id, mk.blob_key().blob_id(&h));
    assert_ne!(id, MasterKey::generate().blob_key().blob_id(&h));
    assert_ne!(id, mk.blob_key().blob_id(&sha(b"other")));
    assert_ne!(id.as_bytes(), &h);
    let text = id.to_string();
    assert_eq!(text.len(), 64);
    assert!(text.bytes().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')));
    assert_eq!(text.parse::<BlobId>().unwrap(), id);
    assert!(format!("{id:?}").contains(&text));
    for bad in [
        text.to_uppercase(),
        text[..63].to_owned(),
        format!("{text}0"),
        format!("{}g", &text[..63]),
        "é".repeat(32),
    ] {
        assert!(matches!(bad.parse::<BlobId>(), Err(Error::Format(_))), "{bad}");
    }
}

#[test]
fn io_errors_propagate() {
    struct Failing(usize);
    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0 == 0 {
                return Err(io::Error::other("disk gone"));
            }
            let n = buf.len().min(self.0);
            self.0 -= n;
            buf[..n].fill(1);
            Ok(n)
        }
    }
    impl Write for Failing {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.0 == 0 {
                return Err(io::Error::other("disk full"));
            }
            let n = buf.len().min(self.0);
            self.0 -= n;
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let key = MasterKey::generate().blob_key();
    let r = seal_stream(&key, Failing(3 * CHUNK_SIZE + 5), io::sink(), &mut |_| {});
    assert!(matches!(r, Err(Error::Io(_))));
    let r = seal_stream(&key, &data(3 * CHUNK_SIZE)[..], Failing(CHUNK_SIZE), &mut |_| {});
    assert!(matches!(r, Err(Error::Io(_))));
    let (sealed, _) = seal_with(&key, &data(2 * SMALL), SMALL);
    let r = open_stream(&key, &sealed[..], Failing(SMALL + 3));
    assert!(matches!(r, Err(Error::Io(_))));
}
