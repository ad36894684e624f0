//! Reading a source once. The bytes that are hashed and sealed into the vault
//! are handed, as they are read, to the importer on another thread, so what
//! is imported is exactly what was hashed, without a second pass that
//! decrypts the stored copy. Hashing, sealing and importing then overlap,
//! which is most of an import's time on a large backup.

use std::io::{self, BufRead, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

/// Bytes per hand-over: each one wakes the importer's thread, so few and
/// large, yet small enough that the chunks in flight stay a few MiB.
const CHUNK: usize = 1 << 20;

/// Chunks waiting for the importer before the sealing side waits too.
const IN_FLIGHT: usize = 4;

/// Creates the two ends: the source side for sealing, the reading side for
/// the importer.
pub(crate) fn tee<R: Read>(source: R, progress: Box<dyn FnMut(u64) + Send>) -> (Tee<R>, Chunks) {
    let (tx, rx) = sync_channel(IN_FLIGHT);
    let stopped = Arc::new(AtomicBool::new(false));
    let tee = Tee {
        inner: source,
        pending: Vec::with_capacity(CHUNK),
        tx: Some(tx),
        stopped: stopped.clone(),
    };
    let chunks = Chunks {
        rx,
        current: Vec::new(),
        pos: 0,
        done: 0,
        progress,
        stopped,
    };
    (tee, chunks)
}

/// The source as the sealing side reads it.
pub(crate) struct Tee<R> {
    inner: R,
    pending: Vec<u8>,
    tx: Option<SyncSender<Vec<u8>>>,
    stopped: Arc<AtomicBool>,
}

impl<R> Tee<R> {
    fn hand_over(&mut self) -> io::Result<()> {
        let chunk = std::mem::replace(&mut self.pending, Vec::with_capacity(CHUNK));
        let Some(tx) = &self.tx else { return Ok(()) };
        if tx.send(chunk).is_err() {
            // The importer has stopped (it found the file broken): sealing
            // the rest would only delay the error it is about to report.
            self.stopped.store(true, Ordering::Relaxed);
            return Err(io::Error::other("the import stopped"));
        }
        Ok(())
    }
}

impl<R: Read> Read for Tee<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 {
            if !self.pending.is_empty() {
                self.hand_over()?;
            }
            // The end of the source is the end of the importer's input; a
            // read error instead leaves the importer waiting until this side
            // is dropped, and the sealing error is the one reported.
            self.tx = None;
            return Ok(0);
        }
        self.pending.extend_from_slice(&buf[..n]);
        if self.pending.len() >= CHUNK {
            self.hand_over()?;
        }
        Ok(n)
    }
}

/// The source as the importer reads it.
pub(crate) struct Chunks {
    rx: Receiver<Vec<u8>>,
    current: Vec<u8>,
    pos: usize,
    done: u64,
    progress: Box<dyn FnMut(u64) + Send>,
    stopped: Arc<AtomicBool>,
}

impl Chunks {
    /// Whether the sealing side stopped because this side went away, rather
    /// than for a failure of its own.
    pub(crate) fn stop_flag(&self) -> Arc<AtomicBool> {
        self.stopped.clone()
    }

    /// Reads to the end, so the sealing side gets the whole source even when
    /// an importer is done before the end of the file.
    pub(crate) fn drain(&mut self) {
        while self.rx.recv().is_ok() {}
    }
}

impl BufRead for Chunks {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos == self.current.len() {
            // A closed channel is the end of the source: the sealing side
            // decides whether that end was a clean one.
            match self.rx.recv() {
                Ok(chunk) => {
                    self.done += chunk.len() as u64;
                    (self.progress)(self.done);
                    self.current = chunk;
                }
                Err(_) => self.current.clear(),
            }
            self.pos = 0;
        }
        Ok(&self.current[self.pos..])
    }

    fn consume(&mut self, amount: usize) {
        self.pos = (self.pos + amount).min(self.current.len());
    }
}

impl Read for Chunks {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_importer_reads_exactly_what_the_sealing_side_read() {
        let data: Vec<u8> = (0..3 * CHUNK + 12_345).map(|i| (i % 251) as u8).collect();
        let (mut tee, mut chunks) = tee(io::Cursor::new(data.clone()), Box::new(|_| {}));
        let reader = std::thread::spawn(move || {
            let mut seen = Vec::new();
            chunks.read_to_end(&mut seen).map(|_| seen)
        });
        let mut sealed = Vec::new();
        let mut buf = vec![0u8; 70_000];
        loop {
            let n = tee.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            sealed.extend_from_slice(&buf[..n]);
        }
        drop(tee);
        assert_eq!(sealed, data);
        assert_eq!(reader.join().unwrap().unwrap(), data);
    }

    #[test]
    fn sealing_stops_when_the_importer_goes_away() {
        let data = vec![7u8; 8 * CHUNK];
        let (mut tee, chunks) = tee(io::Cursor::new(data), Box::new(|_| {}));
        let flag = chunks.stop_flag();
        drop(chunks);
        let mut sink = Vec::new();
        let err = io::copy(&mut tee, &mut sink).unwrap_err();
        assert_eq!(err.to_string(), "the import stopped");
        assert!(flag.load(Ordering::Relaxed));
    }
}
