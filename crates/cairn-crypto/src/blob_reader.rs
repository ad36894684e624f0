//! Random access to a sealed blob, for importers that must seek (a zip's
//! central directory sits at its end; a chat export is read twice).
//!
//! Every chunk is authenticated before a byte of it is returned, and the
//! chunk that ends the blob must carry STREAM's last-chunk flag, so a
//! truncated or extended blob fails on the read that reaches its end. The
//! reader never holds more than one decrypted chunk.

use std::io::{self, Read, Seek, SeekFrom};

use crate::Error;
use crate::blob::{ChunkBuf, HEADER_LEN, TAG_LEN, decode_header, read_full};
use crate::chunk_cipher::{ChunkCipher, Position};
use crate::secret::BlobKey;

/// Reads the plaintext of a sealed blob with `Read` and `Seek`. Tampering
/// surfaces as an [`io::ErrorKind::InvalidData`] error from `read`.
pub struct BlobReader<R> {
    src: R,
    cipher: ChunkCipher,
    header: [u8; HEADER_LEN],
    chunk_size: usize,
    /// Number of chunks, the last one always shorter than `chunk_size`.
    chunks: u64,
    len: u64,
    pos: u64,
    /// The decrypted chunk in `buf`, if any, and how many bytes it holds.
    loaded: Option<(u64, usize)>,
    buf: ChunkBuf,
}

impl<R: Read + Seek> BlobReader<R> {
    /// Reads the header and works out the plaintext length from the sealed
    /// length. A source that is not a Cairn blob is [`Error::Format`].
    pub fn new(key: &BlobKey, mut src: R) -> Result<Self, Error> {
        let sealed_len = src.seek(SeekFrom::End(0))?;
        src.seek(SeekFrom::Start(0))?;
        let mut header = [0u8; HEADER_LEN];
        if read_full(&mut src, &mut header)? < HEADER_LEN {
            return Err(Error::format("not a cairn blob (too short)"));
        }
        let (chunk_size, salt, prefix) = decode_header(&header)?;
        let body = sealed_len - HEADER_LEN as u64;
        let sealed_chunk = (chunk_size + TAG_LEN) as u64;
        let full = body / sealed_chunk;
        let rest = body % sealed_chunk;
        if rest < TAG_LEN as u64 {
            // The final chunk is always present and shorter than a full one.
            return Err(Error::Decrypt);
        }
        Ok(Self {
            cipher: key.cipher(&salt, &prefix, ChunkCipher::opening)?,
            src,
            header,
            chunk_size,
            chunks: full + 1,
            len: full * chunk_size as u64 + (rest - TAG_LEN as u64),
            pos: 0,
            loaded: None,
            buf: ChunkBuf::new(chunk_size + TAG_LEN),
        })
    }

    /// The plaintext length.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn load(&mut self, index: u64) -> io::Result<usize> {
        if let Some((loaded, len)) = self.loaded
            && loaded == index
        {
            return Ok(len);
        }
        self.loaded = None;
        let last = index + 1 == self.chunks;
        let sealed_chunk = (self.chunk_size + TAG_LEN) as u64;
        self.src
            .seek(SeekFrom::Start(HEADER_LEN as u64 + index * sealed_chunk))?;
        let want = if last {
            (self.len - index * self.chunk_size as u64) as usize + TAG_LEN
        } else {
            self.chunk_size + TAG_LEN
        };
        let got = read_full(&mut self.src, &mut self.buf[..want])?;
        let tampered = || io::Error::new(io::ErrorKind::InvalidData, "the sealed file failed its integrity check");
        if got != want {
            return Err(tampered());
        }
        let counter = u32::try_from(index).map_err(|_| tampered())?;
        let len = self
            .cipher
            .open(Position { index: counter, last }, &self.header, &mut self.buf, want)
            .map_err(|_| tampered())?;
        self.loaded = Some((index, len));
        Ok(len)
    }
}

impl<R: Read + Seek> Read for BlobReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() || self.pos >= self.len {
            // Reaching the end still proves the final chunk is intact.
            if self.pos >= self.len && !out.is_empty() {
                self.load(self.chunks - 1)?;
            }
            return Ok(0);
        }
        let index = self.pos / self.chunk_size as u64;
        let offset = (self.pos % self.chunk_size as u64) as usize;
        let len = self.load(index)?;
        let n = (len - offset).min(out.len());
        out[..n].copy_from_slice(&self.buf[offset..offset + n]);
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: Read + Seek> Seek for BlobReader<R> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let target = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        let target =
            target.ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "seek before the start of the file"))?;
        self.pos = target;
        Ok(target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MasterKey;
    use std::io::Cursor;

    fn sealed(plain: &[u8]) -> (BlobKey, Vec<u8>) {
        let key = MasterKey::generate().blob_key();
        let mut out = Vec::new();
        crate::blob::seal_stream(&key, plain, &mut out, &mut |_| {}).unwrap();
        (key, out)
    }

    fn pattern(n: usize) -> Vec<u8> {
        (0..n).map(|i| (i * 31 % 251) as u8).collect()
    }

    #[test]
    fn reads_and_seeks_across_chunk_boundaries() {
        let chunk = crate::CHUNK_SIZE;
        for size in [0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk + 17] {
            let plain = pattern(size);
            let (key, blob) = sealed(&plain);
            let mut r = BlobReader::new(&key, Cursor::new(&blob)).unwrap();
            assert_eq!(r.len(), size as u64);
            let mut all = Vec::new();
            r.read_to_end(&mut all).unwrap();
            assert_eq!(all, plain, "size {size}");
            for at in [0, size / 2, size.saturating_sub(3), chunk.min(size)] {
                r.seek(SeekFrom::Start(at as u64)).unwrap();
                let mut rest = Vec::new();
                r.read_to_end(&mut rest).unwrap();
                assert_eq!(rest, plain[at..], "size {size} from {at}");
            }
        }
    }

    #[test]
    fn tampering_truncation_and_extension_fail_the_read() {
        let plain = pattern(crate::CHUNK_SIZE + 100);
        let (key, blob) = sealed(&plain);
        let mut flipped = blob.clone();
        flipped[HEADER_LEN + 5] ^= 1;
        let mut cut = blob.clone();
        cut.truncate(HEADER_LEN + crate::CHUNK_SIZE + TAG_LEN + TAG_LEN);
        let mut longer = blob.clone();
        longer.extend_from_slice(&[0; 40]);
        for bad in [flipped, cut, longer] {
            let outcome = BlobReader::new(&key, Cursor::new(&bad)).and_then(|mut r| {
                let mut sink = Vec::new();
                r.read_to_end(&mut sink).map_err(Error::Io)
            });
            assert!(outcome.is_err());
        }
        let other = MasterKey::generate().blob_key();
        let mut r = BlobReader::new(&other, Cursor::new(&blob)).unwrap();
        assert_eq!(r.read(&mut [0; 10]).unwrap_err().kind(), io::ErrorKind::InvalidData);
        assert!(matches!(
            BlobReader::new(&key, Cursor::new(b"not a blob")),
            Err(Error::Format(_))
        ));
    }
}
