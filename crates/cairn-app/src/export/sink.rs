//! Where an export goes. A file is written through a temporary file in the
//! same folder, synced and renamed, so a failure leaves nothing half-written;
//! memory is for a web download, so that nothing unencrypted ever touches
//! the disk on the way to the browser.

use std::io::{Cursor, Seek, SeekFrom, Write};
use std::path::PathBuf;

use crate::evidence::write_out;
use crate::{AppError, Result};

#[derive(Debug, Clone)]
pub enum Destination {
    File {
        path: PathBuf,
        overwrite: bool,
    },
    /// In memory, refused once it grows past `limit` bytes.
    Memory {
        limit: u64,
    },
}

/// What an export wrote.
#[derive(Debug, Clone)]
pub enum Written {
    File(PathBuf),
    Memory(Vec<u8>),
}

impl Written {
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            Written::File(path) => Some(path),
            Written::Memory(_) => None,
        }
    }
}

pub(crate) trait WriteSeek: Write + Seek {}
impl<T: Write + Seek> WriteSeek for T {}

impl Destination {
    /// Refuses to replace a file unless asked, before any work is done.
    pub(crate) fn check(&self) -> Result<()> {
        match self {
            Destination::File { path, overwrite: false } if path.exists() => Err(AppError::File {
                path: path.clone(),
                source: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "already exists (choose another name)",
                ),
            }),
            _ => Ok(()),
        }
    }

    /// The file name, for error messages.
    pub(crate) fn name(&self) -> PathBuf {
        match self {
            Destination::File { path, .. } => path.clone(),
            Destination::Memory { .. } => PathBuf::from("download"),
        }
    }

    /// Runs `fill` on a blocking thread against the destination.
    pub(crate) async fn write(
        &self,
        fill: impl FnOnce(&mut dyn WriteSeek) -> Result<()> + Send + 'static,
    ) -> Result<Written> {
        match self {
            Destination::File { path, overwrite } => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let written = write_out(path, &name, *overwrite, move |file| fill(file)).await?;
                Ok(Written::File(written))
            }
            Destination::Memory { limit } => {
                let limit = *limit;
                tokio::task::spawn_blocking(move || {
                    let mut capped = Capped {
                        inner: Cursor::new(Vec::new()),
                        limit,
                        exceeded: false,
                    };
                    let filled = fill(&mut capped);
                    if capped.exceeded {
                        return Err(AppError::TooLargeForDownload { limit });
                    }
                    filled.map(|()| Written::Memory(capped.inner.into_inner()))
                })
                .await
                .map_err(|e| AppError::Report(e.to_string()))?
            }
        }
    }
}

/// A growing buffer that refuses to pass a size.
struct Capped {
    inner: Cursor<Vec<u8>>,
    limit: u64,
    exceeded: bool,
}

impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.inner.position() + buf.len() as u64 > self.limit {
            self.exceeded = true;
            return Err(std::io::Error::other("larger than a download may be"));
        }
        self.inner.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Seek for Capped {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        self.inner.seek(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn memory_holds_what_fits_and_refuses_more() {
        let small = Destination::Memory { limit: 8 };
        let written = small
            .write(|w| w.write_all(b"12345678").map_err(AppError::file("x")))
            .await
            .unwrap();
        assert!(matches!(written, Written::Memory(bytes) if bytes == b"12345678"));
        let refused = small
            .write(|w| w.write_all(b"123456789").map_err(AppError::file("x")))
            .await;
        assert!(matches!(refused, Err(AppError::TooLargeForDownload { limit: 8 })));
    }

    #[tokio::test]
    async fn a_file_is_not_replaced_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, b"keep").unwrap();
        let keep = Destination::File {
            path: path.clone(),
            overwrite: false,
        };
        assert!(keep.check().is_err());
        let replace = Destination::File {
            path: path.clone(),
            overwrite: true,
        };
        replace.check().unwrap();
        replace
            .write(|w| w.write_all(b"new").map_err(AppError::file("x")))
            .await
            .unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }
}
