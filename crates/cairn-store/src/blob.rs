//! The evidence blob store: encrypted, content-addressed files.
//!
//! A blob's file name is a *keyed* id of the plaintext's SHA-256, so someone
//! holding the vault directory cannot tell whether it contains a known file.
//! Writes go to an encrypted temporary file that is synced and then renamed
//! into place, so a crash leaves either the whole blob or a stray temporary
//! (removed at next open) — never a half-written blob under its final name.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use cairn_core::Hash;
use cairn_crypto::{BlobId, BlobKey, OpenSummary, SealSummary};
use sha2::Digest as _;
use zeroize::Zeroizing;

use crate::direct::DirectWriter;
use crate::{Result, StoreError};

pub struct BlobStore {
    blobs: PathBuf,
    tmp: PathBuf,
    key: BlobKey,
}

impl BlobStore {
    /// Opens the store under `dir` (creating `blobs/` and `tmp/` in it) and
    /// clears temporaries left by an interrupted write.
    pub fn open(dir: &Path, key: BlobKey) -> Result<Self> {
        let blobs = dir.join("blobs");
        let tmp = dir.join("tmp");
        for d in [&blobs, &tmp] {
            fs::create_dir_all(d).map_err(StoreError::io(format!("creating {}", d.display())))?;
        }
        if let Ok(entries) = fs::read_dir(&tmp) {
            for entry in entries.flatten() {
                // Encrypted partial blobs: nothing readable, nothing to keep.
                let _ = fs::remove_file(entry.path());
            }
        }
        Ok(Self { blobs, tmp, key })
    }

    fn path_for(&self, id: &BlobId) -> PathBuf {
        let name = id.to_string();
        self.blobs.join(&name[..2]).join(name)
    }

    /// Where the blob for these original bytes lives (whether or not it exists).
    pub fn locate(&self, sha256: &Hash) -> PathBuf {
        self.path_for(&self.key.blob_id(&sha256.0))
    }

    pub fn contains(&self, sha256: &Hash) -> bool {
        self.locate(sha256).is_file()
    }

    /// Encrypts `src` into the store, hashing the plaintext as it is read.
    /// Storing the same bytes twice keeps one blob.
    pub fn put(&self, src: impl Read, progress: &mut dyn FnMut(u64)) -> Result<SealSummary> {
        let partial = tempfile::Builder::new()
            .prefix("blob-")
            .suffix(".part")
            .tempfile_in(&self.tmp)
            .map_err(StoreError::io("creating a temporary blob"))?;
        let mut sink = DirectWriter::open(partial.path()).map_err(StoreError::io("opening a new blob"))?;
        let sealed = cairn_crypto::seal_stream(&self.key, src, &mut sink, progress);
        let flushed = sink.finish();
        let summary = sealed?;
        flushed.map_err(StoreError::io("writing a new blob"))?;
        partial
            .as_file()
            .sync_all()
            .map_err(StoreError::io("syncing a new blob"))?;
        let target = self.path_for(&summary.blob_id);
        if target.is_file() {
            return Ok(summary);
        }
        let parent = target.parent().unwrap_or(&self.blobs);
        fs::create_dir_all(parent).map_err(StoreError::io(format!("creating {}", parent.display())))?;
        partial.persist(&target).map_err(|e| StoreError::Io {
            context: format!("storing blob {}", target.display()),
            source: e.error,
        })?;
        sync_dir(parent)?;
        Ok(summary)
    }

    /// Stores a blob like [`BlobStore::put`] but without waiting for the disk:
    /// for the thousands of small files one import can hold, where a sync
    /// per file would cost more than everything else together. The caller
    /// must call [`BlobStore::sync`] before recording any of them.
    pub fn put_unsynced(&self, src: impl Read) -> Result<SealSummary> {
        let partial = tempfile::Builder::new()
            .prefix("blob-")
            .suffix(".part")
            .tempfile_in(&self.tmp)
            .map_err(StoreError::io("creating a temporary blob"))?;
        let mut sink = std::io::BufWriter::with_capacity(1 << 16, partial.as_file());
        let summary = cairn_crypto::seal_stream(&self.key, src, &mut sink, &mut |_| {})?;
        sink.flush().map_err(StoreError::io("writing a new blob"))?;
        drop(sink);
        let target = self.path_for(&summary.blob_id);
        if target.is_file() {
            return Ok(summary);
        }
        let parent = target.parent().unwrap_or(&self.blobs);
        fs::create_dir_all(parent).map_err(StoreError::io(format!("creating {}", parent.display())))?;
        partial.persist(&target).map_err(|e| StoreError::Io {
            context: format!("storing blob {}", target.display()),
            source: e.error,
        })?;
        Ok(summary)
    }

    /// Starts a pack: many small files sealed into one blob, each found
    /// again by its offset. Unsynced, like [`BlobStore::put_unsynced`].
    pub fn pack(&self) -> Result<PackWriter> {
        let partial = tempfile::Builder::new()
            .prefix("pack-")
            .suffix(".part")
            .tempfile_in(&self.tmp)
            .map_err(StoreError::io("creating a temporary blob"))?;
        let file = partial
            .as_file()
            .try_clone()
            .map_err(StoreError::io("opening a new blob"))?;
        // Pushed to the disk as it grows, like a sealed source, so the sync
        // before the import commits waits for the last few megabytes only.
        let early = EarlyFlush::new(file).map_err(StoreError::io("opening a new blob"))?;
        let mut writer = cairn_crypto::SealWriter::new(&self.key, std::io::BufWriter::with_capacity(1 << 20, early))?;
        let (files, received) = std::sync::mpsc::sync_channel::<Zeroizing<Vec<u8>>>(PACK_QUEUE);
        let sealer = std::thread::Builder::new()
            .name("pack sealer".into())
            .spawn(move || -> Result<SealSummary> {
                // Each hand-over is wiped as it is dropped, like the sealer's
                // own buffers: these are the pictures in the clear.
                for files in received {
                    writer.write_all(&files).map_err(StoreError::io("writing a new blob"))?;
                }
                let (summary, out) = writer.finish()?;
                let early = out.into_inner().map_err(|e| StoreError::Io {
                    context: "writing a new blob".into(),
                    source: e.into_error(),
                })?;
                early.finish().map_err(StoreError::io("syncing a new blob"))?;
                Ok(summary)
            })
            .map_err(StoreError::io("starting the pack sealer"))?;
        Ok(PackWriter {
            partial: Some(partial),
            files: Some(files),
            sealer: Some(sealer),
            pending: Zeroizing::new(Vec::new()),
            position: 0,
        })
    }

    /// Seals the pack and moves it into the store; `None` when nothing was
    /// packed (the temporary is discarded).
    pub fn finish_pack(&self, mut pack: PackWriter) -> Result<Option<Hash>> {
        let summary = pack.finish()?;
        if pack.position == 0 {
            return Ok(None);
        }
        let target = self.path_for(&summary.blob_id);
        if !target.is_file()
            && let Some(partial) = pack.partial.take()
        {
            let parent = target.parent().unwrap_or(&self.blobs);
            fs::create_dir_all(parent).map_err(StoreError::io(format!("creating {}", parent.display())))?;
            partial.persist(&target).map_err(|e| StoreError::Io {
                context: format!("storing blob {}", target.display()),
                source: e.error,
            })?;
        }
        Ok(Some(Hash(summary.sha256)))
    }

    /// One file out of a pack, checked against the hash it was stored under.
    pub fn read_packed(&self, pack: &Hash, offset: u64, size: u64, sha256: &Hash) -> Result<Vec<u8>> {
        use std::io::Seek;
        let mut reader = self.reader(pack)?;
        let integrity = |reason: String| StoreError::BlobIntegrity {
            sha256: sha256.to_string(),
            reason,
        };
        reader
            .seek(std::io::SeekFrom::Start(offset))
            .map_err(|e| integrity(e.to_string()))?;
        let mut out = Vec::with_capacity(usize::try_from(size).unwrap_or(0).min(64 << 20));
        reader
            .take(size)
            .read_to_end(&mut out)
            .map_err(|e| integrity(e.to_string()))?;
        let found: [u8; 32] = sha2::Sha256::digest(&out).into();
        if out.len() as u64 != size || found != sha256.0 {
            return Err(integrity("the packed file differs from what was stored".into()));
        }
        Ok(out)
    }

    /// Makes every blob written so far durable, with one `syncfs` of the
    /// file system holding the store instead of a sync per file.
    pub fn sync(&self) -> Result<()> {
        let dir = File::open(&self.blobs).map_err(StoreError::io(format!("opening {}", self.blobs.display())))?;
        rustix::fs::syncfs(&dir).map_err(|e| StoreError::Io {
            context: format!("syncing {}", self.blobs.display()),
            source: e.into(),
        })
    }

    /// Opens the blob holding `sha256` for reading and seeking; every chunk
    /// is authenticated as it is read.
    pub fn reader(&self, sha256: &Hash) -> Result<cairn_crypto::BlobReader<File>> {
        let path = self.locate(sha256);
        let file = File::open(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => StoreError::BlobMissing {
                sha256: sha256.to_string(),
            },
            _ => StoreError::Io {
                context: format!("opening {}", path.display()),
                source: e,
            },
        })?;
        cairn_crypto::BlobReader::new(&self.key, file).map_err(|e| StoreError::BlobIntegrity {
            sha256: sha256.to_string(),
            reason: e.to_string(),
        })
    }

    /// Decrypts the blob holding `sha256` into `dst`, checking that what comes
    /// out is byte-for-byte what was acquired.
    pub fn get(&self, sha256: &Hash, dst: impl Write) -> Result<OpenSummary> {
        let path = self.locate(sha256);
        let file = File::open(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => StoreError::BlobMissing {
                sha256: sha256.to_string(),
            },
            _ => StoreError::Io {
                context: format!("opening {}", path.display()),
                source: e,
            },
        })?;
        let summary = cairn_crypto::open_stream(&self.key, std::io::BufReader::with_capacity(1 << 20, file), dst)
            .map_err(|e| match e {
                cairn_crypto::Error::Io(source) => StoreError::Io {
                    context: format!("reading {}", path.display()),
                    source,
                },
                other => StoreError::BlobIntegrity {
                    sha256: sha256.to_string(),
                    reason: other.to_string(),
                },
            })?;
        if summary.sha256 != sha256.0 {
            return Err(StoreError::BlobIntegrity {
                sha256: sha256.to_string(),
                reason: "decrypted content has a different SHA-256".into(),
            });
        }
        Ok(summary)
    }
}

/// Hand-overs waiting for the pack's sealing thread.
const PACK_QUEUE: usize = 4;

/// Bytes of files handed to the sealing thread at once.
const PACK_HANDOVER: usize = 1 << 20;

/// Small files being packed into one blob; see [`BlobStore::pack`]. They
/// are hashed, encrypted and written on a thread of the pack's own, so the
/// importer that found them reads on meanwhile.
pub struct PackWriter {
    partial: Option<tempfile::NamedTempFile>,
    files: Option<std::sync::mpsc::SyncSender<Zeroizing<Vec<u8>>>>,
    sealer: Option<std::thread::JoinHandle<Result<SealSummary>>>,
    pending: Zeroizing<Vec<u8>>,
    position: u64,
}

impl PackWriter {
    /// Appends one file; returns the offset it starts at within the pack.
    /// A failure to write it may only show at [`BlobStore::finish_pack`].
    pub fn append(&mut self, data: &[u8]) -> std::io::Result<u64> {
        let offset = self.position;
        // Never grow a buffer that holds pictures: growing copies them and
        // frees the old copy unwiped.
        if self.pending.len() + data.len() > self.pending.capacity() && !self.pending.is_empty() {
            self.hand_over()?;
        }
        self.pending.reserve(data.len());
        self.pending.extend_from_slice(data);
        self.position += data.len() as u64;
        if self.pending.len() >= PACK_HANDOVER {
            self.hand_over()?;
        }
        Ok(offset)
    }

    /// Gives what is pending to the sealing thread, a megabyte or so at a
    /// time: a wake-up per picture cost more than sealing it.
    fn hand_over(&mut self) -> std::io::Result<()> {
        let files = std::mem::replace(&mut self.pending, Zeroizing::new(Vec::with_capacity(PACK_HANDOVER * 2)));
        match self.files.as_ref().map(|to| to.send(files)) {
            Some(Ok(())) => Ok(()),
            _ => Err(std::io::Error::other("the pack could not be written")),
        }
    }

    fn finish(&mut self) -> Result<SealSummary> {
        if !self.pending.is_empty() {
            // A failure here is the sealing thread's, reported by the join.
            let _ = self.hand_over();
        }
        self.files.take();
        match self.sealer.take().map(std::thread::JoinHandle::join) {
            Some(Ok(sealed)) => sealed,
            _ => Err(StoreError::Io {
                context: "sealing a pack".into(),
                source: std::io::Error::other("the sealing thread stopped"),
            }),
        }
    }
}

impl Drop for PackWriter {
    fn drop(&mut self) {
        // An import that fails still waits for the thread, which ends as
        // soon as the channel closes; the temporary file is then removed.
        let _ = self.finish();
    }
}

/// Writes a blob while a second thread pushes what is written so far to the
/// disk, so that the final sync waits for the last few megabytes instead of
/// the whole file: acquisition runs at the speed of hashing, not hashing
/// followed by writing.
struct EarlyFlush {
    file: File,
    since_flush: u64,
    wake: Option<std::sync::mpsc::SyncSender<()>>,
    flusher: Option<std::thread::JoinHandle<std::io::Result<()>>>,
}

const FLUSH_EVERY: u64 = 32 << 20;

impl EarlyFlush {
    /// `file` is a handle of the file being written (a clone will do).
    fn new(file: File) -> std::io::Result<Self> {
        let clone = file.try_clone()?;
        let (wake, wakes) = std::sync::mpsc::sync_channel::<()>(1);
        let flusher = std::thread::spawn(move || {
            for () in wakes {
                clone.sync_data()?;
            }
            Ok(())
        });
        Ok(Self {
            file,
            since_flush: 0,
            wake: Some(wake),
            flusher: Some(flusher),
        })
    }

    fn finish(mut self) -> std::io::Result<()> {
        self.wake.take();
        match self.flusher.take().map(|f| f.join()) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(std::io::Error::other("the flushing thread stopped")),
            None => Ok(()),
        }
    }
}

impl Write for EarlyFlush {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        self.since_flush += n as u64;
        if self.since_flush >= FLUSH_EVERY {
            self.since_flush = 0;
            // A flush already pending covers this data too; never wait here.
            if let Some(wake) = &self.wake {
                let _ = wake.try_send(());
            }
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

impl Drop for EarlyFlush {
    fn drop(&mut self) {
        self.wake.take();
        if let Some(flusher) = self.flusher.take() {
            let _ = flusher.join();
        }
    }
}

/// Makes a rename durable: the directory entry must reach the disk too.
fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(StoreError::io(format!("syncing {}", dir.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, BlobStore) {
        let dir = tempfile::tempdir().unwrap();
        let blobs = BlobStore::open(dir.path(), cairn_crypto::MasterKey::generate().blob_key()).unwrap();
        (dir, blobs)
    }

    #[test]
    fn packed_files_read_back_by_offset_and_are_checked() {
        let (_dir, blobs) = store();
        let files: Vec<Vec<u8>> = (0..50u8).map(|i| vec![i; 1000 + usize::from(i) * 7919]).collect();
        let mut pack = blobs.pack().unwrap();
        let offsets: Vec<u64> = files.iter().map(|f| pack.append(f).unwrap()).collect();
        let pack = blobs.finish_pack(pack).unwrap().expect("a pack");
        blobs.sync().unwrap();
        for (file, offset) in files.iter().zip(&offsets) {
            let sha = Hash(sha2::Sha256::digest(file).into());
            let back = blobs.read_packed(&pack, *offset, file.len() as u64, &sha).unwrap();
            assert_eq!(&back, file);
        }
        let wrong = Hash([7; 32]);
        assert!(matches!(
            blobs.read_packed(&pack, offsets[3], files[3].len() as u64, &wrong),
            Err(StoreError::BlobIntegrity { .. })
        ));
        // An empty pack leaves nothing behind.
        assert_eq!(blobs.finish_pack(blobs.pack().unwrap()).unwrap(), None);
        assert_eq!(fs::read_dir(&blobs.tmp).unwrap().count(), 0);
    }

    #[test]
    fn unsynced_blobs_are_whole_and_deduplicated() {
        let (_dir, blobs) = store();
        let a = blobs.put_unsynced(&b"same bytes"[..]).unwrap();
        let b = blobs.put_unsynced(&b"same bytes"[..]).unwrap();
        assert_eq!(a.sha256, b.sha256);
        let mut out = Vec::new();
        blobs.get(&Hash(a.sha256), &mut out).unwrap();
        assert_eq!(out, b"same bytes");
        assert_eq!(fs::read_dir(&blobs.tmp).unwrap().count(), 0);
    }
}
