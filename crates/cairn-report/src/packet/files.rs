//! A packet as `cairn verify` reads it: the zip as exported, or the folder
//! an examiner unzipped it into.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use zip::ZipArchive;

use super::sums::is_safe_path;

pub enum PacketFiles {
    Zip(PathBuf),
    Dir(PathBuf),
}

/// One open view of a packet; each hashing thread opens its own.
pub enum Handle {
    Zip(ZipArchive<BufReader<File>>),
    Dir(PathBuf),
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

impl PacketFiles {
    pub fn open(path: &Path) -> io::Result<Self> {
        if path.is_dir() {
            Ok(PacketFiles::Dir(path.to_owned()))
        } else {
            File::open(path)?;
            Ok(PacketFiles::Zip(path.to_owned()))
        }
    }

    pub fn handle(&self) -> io::Result<Handle> {
        match self {
            PacketFiles::Zip(path) => {
                let file = BufReader::with_capacity(1 << 20, File::open(path)?);
                ZipArchive::new(file)
                    .map(Handle::Zip)
                    .map_err(|e| invalid(e.to_string()))
            }
            PacketFiles::Dir(path) => Ok(Handle::Dir(path.clone())),
        }
    }

    /// Every file with its size, by packet path. A name that is not a plain
    /// relative path, a duplicate, or a link is an error: it could make two
    /// tools see different packets.
    pub fn list(&self) -> io::Result<Vec<(String, u64)>> {
        let mut files = Vec::new();
        match self.handle()? {
            Handle::Zip(mut archive) => {
                let names = archive
                    .file_names()
                    .map(|n| n.map(|n| n.into_owned()))
                    .collect::<Result<Vec<String>, _>>()
                    .map_err(|e| invalid(e.to_string()))?;
                for name in names.into_iter().filter(|n| !n.ends_with('/')) {
                    if !is_safe_path(&name) {
                        return Err(invalid(format!("unsafe file name in archive: {name:?}")));
                    }
                    let size = archive.by_name(&name).map_err(|e| invalid(e.to_string()))?.size();
                    files.push((name, size));
                }
            }
            Handle::Dir(root) => walk(&root, "", &mut files)?,
        }
        files.sort();
        Ok(files)
    }
}

fn walk(dir: &Path, prefix: &str, files: &mut Vec<(String, u64)>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry
            .file_name()
            .into_string()
            .map_err(|n| invalid(format!("file name not UTF-8: {n:?}")))?;
        let path = format!("{prefix}{name}");
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&entry.path(), &format!("{path}/"), files)?;
        } else if kind.is_file() && is_safe_path(&path) {
            files.push((path, entry.metadata()?.len()));
        } else {
            return Err(invalid(format!("not a plain file: {path}")));
        }
    }
    Ok(())
}

impl Handle {
    /// Reads a file through `visit`, in chunks.
    pub fn read(&mut self, path: &str, visit: &mut dyn FnMut(&[u8])) -> io::Result<()> {
        let mut buffer = vec![0u8; 1 << 20];
        let mut reader: Box<dyn Read + '_> = match self {
            Handle::Zip(archive) => Box::new(archive.by_name(path).map_err(|e| invalid(e.to_string()))?),
            Handle::Dir(root) => Box::new(File::open(root.join(path))?),
        };
        loop {
            match reader.read(&mut buffer) {
                Ok(0) => return Ok(()),
                Ok(n) => visit(&buffer[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// A small file whole, refusing anything over `limit` bytes.
    pub fn read_small(&mut self, path: &str, limit: u64) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        let mut too_big = false;
        self.read(path, &mut |chunk| {
            if (out.len() + chunk.len()) as u64 > limit {
                too_big = true;
            } else {
                out.extend_from_slice(chunk);
            }
        })?;
        if too_big {
            return Err(invalid(format!("{path} is larger than {limit} bytes")));
        }
        Ok(out)
    }
}
