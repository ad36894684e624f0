//! Sealing as a `Write`r, for a blob assembled piece by piece (an import's
//! many small attachments packed into one file). Same format as
//! [`seal_stream`](crate::seal_stream); one thread, one chunk buffer.

use std::io::{self, Write};

use sha2::Digest as _;

use crate::blob::{CHUNK_SIZE, ChunkBuf, HEADER_LEN, TAG_LEN, new_header};
use crate::chunk_cipher::{ChunkCipher, Position};
use crate::secret::BlobKey;
use crate::{Error, SealSummary};

pub struct SealWriter<W: Write> {
    dst: W,
    cipher: ChunkCipher,
    header: [u8; HEADER_LEN],
    buf: ChunkBuf,
    filled: usize,
    index: u32,
    hasher: sha2::Sha256,
    size: u64,
    /// Names the finished blob; a private copy, wiped with the writer.
    key: BlobKey,
}

impl<W: Write> SealWriter<W> {
    /// Writes the header to `dst` and returns a writer for the plaintext.
    pub fn new(key: &BlobKey, mut dst: W) -> Result<Self, Error> {
        let (header, salt, prefix) = new_header(CHUNK_SIZE);
        dst.write_all(&header)?;
        Ok(SealWriter {
            cipher: key.cipher(&salt, &prefix, ChunkCipher::sealing)?,
            dst,
            header,
            buf: ChunkBuf::new(CHUNK_SIZE + TAG_LEN),
            filled: 0,
            index: 0,
            hasher: sha2::Sha256::new(),
            size: 0,
            key: key.duplicate(),
        })
    }

    fn emit(&mut self, last: bool) -> io::Result<()> {
        let len = self
            .cipher
            .seal(
                Position {
                    index: self.index,
                    last,
                },
                &self.header,
                &mut self.buf,
                self.filled,
            )
            .map_err(|_| io::Error::other("the cipher failed"))?;
        self.dst.write_all(&self.buf[..len])?;
        self.index = self
            .index
            .checked_add(1)
            .ok_or_else(|| io::Error::other("blob too large"))?;
        self.filled = 0;
        Ok(())
    }

    /// Plaintext bytes written so far: the offset the next write starts at.
    pub fn position(&self) -> u64 {
        self.size
    }

    /// Seals the final chunk and flushes; what the blob holds.
    pub fn finish(mut self) -> Result<(SealSummary, W), Error> {
        if self.filled == CHUNK_SIZE {
            // The last chunk must be shorter than a full one: end with an empty one.
            self.emit(false)?;
        }
        self.emit(true)?;
        self.dst.flush()?;
        let sha256: [u8; 32] = std::mem::take(&mut self.hasher).finalize().into();
        let blob_id = self.key.blob_id(&sha256);
        Ok((
            SealSummary {
                sha256,
                size: self.size,
                blob_id,
            },
            self.dst,
        ))
    }
}

impl<W: Write> Write for SealWriter<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if data.is_empty() {
            return Ok(0);
        }
        if self.filled == CHUNK_SIZE {
            // More is coming, so the full chunk is not the last one.
            self.emit(false)?;
        }
        let n = (CHUNK_SIZE - self.filled).min(data.len());
        self.buf[self.filled..self.filled + n].copy_from_slice(&data[..n]);
        self.filled += n;
        self.hasher.update(&data[..n]);
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MasterKey;

    #[test]
    fn writes_what_open_stream_and_blob_reader_read_back() {
        let key = MasterKey::generate().blob_key();
        for size in [
            0usize,
            1,
            CHUNK_SIZE - 1,
            CHUNK_SIZE,
            CHUNK_SIZE + 1,
            2 * CHUNK_SIZE,
            2 * CHUNK_SIZE + 77,
        ] {
            let plain: Vec<u8> = (0..size).map(|i| (i % 253) as u8).collect();
            let mut w = SealWriter::new(&key, Vec::new()).unwrap();
            for piece in plain.chunks(7_000) {
                w.write_all(piece).unwrap();
            }
            assert_eq!(w.position(), size as u64);
            let (summary, sealed) = w.finish().unwrap();
            let mut back = Vec::new();
            let opened = crate::open_stream(&key, &sealed[..], &mut back).unwrap();
            assert_eq!(
                (back == plain, opened.sha256, opened.size),
                (true, summary.sha256, size as u64),
                "size {size}"
            );
            assert_eq!(summary.blob_id, key.blob_id(&summary.sha256));
        }
    }
}
