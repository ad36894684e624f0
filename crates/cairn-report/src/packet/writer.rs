//! Writes a packet as a zip archive, hashing every file as it streams in,
//! then adds the public key, `SHA256SUMS` and its signature.
//!
//! Evidence and the report are stored uncompressed: they are mostly
//! compressed already, and stored entries let `cairn verify` (and `unzip`)
//! read them at the speed of the disk. Text is deflated. Entry times are a
//! fixed date so the same export gives the same archive.

use std::io::{self, Read, Seek, Write};

use cairn_core::Hash;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::sums::{self, Sums};
use super::{ALLOWED_SIGNERS, PUBLIC_KEY, SIGNATURE, SUMS, sshsig};

pub struct PacketWriter<W: Write + Seek> {
    zip: ZipWriter<W>,
    sums: Sums,
}

/// Hashes what passes through on its way into the archive.
struct Hashing<'a, W> {
    inner: &'a mut W,
    hasher: Sha256,
}

impl<W: Write> Write for Hashing<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.hasher.update(&buf[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn options(path: &str) -> SimpleFileOptions {
    let text = [".json", ".jsonl", ".txt", ".csv"]
        .iter()
        .any(|ext| path.ends_with(ext))
        || !path.contains('.') && !path.starts_with(super::EVIDENCE_DIR);
    SimpleFileOptions::default()
        .compression_method(if text {
            CompressionMethod::Deflated
        } else {
            CompressionMethod::Stored
        })
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644)
        .large_file(true)
}

impl<W: Write + Seek> PacketWriter<W> {
    pub fn new(out: W) -> Self {
        PacketWriter {
            zip: ZipWriter::new(out),
            sums: Sums::new(),
        }
    }

    /// Streams `content` into the archive at `path`; returns its SHA-256.
    pub fn add(&mut self, path: &str, mut content: impl Read) -> io::Result<Hash> {
        self.add_with(path, |w| io::copy(&mut content, w).map(|_| ()))
    }

    pub fn add_bytes(&mut self, path: &str, bytes: &[u8]) -> io::Result<Hash> {
        self.add(path, bytes)
    }

    /// Adds a file that `write` produces piece by piece (e.g. one proof per
    /// event), so it never has to be held whole; returns its SHA-256.
    pub fn add_with(&mut self, path: &str, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<Hash> {
        if !sums::is_safe_path(path) || self.sums.contains_key(path) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("bad packet path {path:?}"),
            ));
        }
        self.zip.start_file(path, options(path)).map_err(io::Error::other)?;
        let mut hashing = Hashing {
            inner: &mut self.zip,
            hasher: Sha256::new(),
        };
        {
            let mut buffered = io::BufWriter::with_capacity(1 << 16, &mut hashing);
            write(&mut buffered)?;
            buffered.flush()?;
        }
        let hash = Hash(hashing.hasher.finalize().into());
        self.sums.insert(path.to_owned(), hash);
        Ok(hash)
    }

    /// Adds the key files, the manifest of every hash and its signature;
    /// returns the finished archive.
    pub fn finish(mut self, public_key: [u8; 32], sign: &dyn Fn(&[u8]) -> [u8; 64]) -> io::Result<W> {
        self.add_bytes(PUBLIC_KEY, sshsig::public_key_line(public_key).as_bytes())?;
        self.add_bytes(ALLOWED_SIGNERS, sshsig::allowed_signers_line(public_key).as_bytes())?;
        let manifest = sums::write(&self.sums);
        let signature = sshsig::sign(public_key, manifest.as_bytes(), sign);
        for (path, bytes) in [(SUMS, manifest.as_bytes()), (SIGNATURE, signature.as_bytes())] {
            self.zip.start_file(path, options(path)).map_err(io::Error::other)?;
            self.zip.write_all(bytes)?;
        }
        self.zip.finish().map_err(io::Error::other)
    }
}
