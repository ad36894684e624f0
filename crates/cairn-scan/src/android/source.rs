//! Getting the text files of an acquisition into memory: an AndroidQF
//! folder or zip, an `adb bugreport` zip, folder or text file, or the
//! outputs of live ADB commands. Only the files the analysis reads are
//! loaded, each under a size cap, so a huge or hostile archive cannot
//! exhaust memory.

use std::collections::BTreeMap;
use std::io::{Read, Seek};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::AndroidError;

/// Per-file cap; bug report main files are the largest (tens of MiB).
const MAX_FILE: u64 = 512 << 20;

/// AndroidQF file names the analysis reads (matched by base name, at any depth).
pub(crate) const QF_FILES: &[&str] = &[
    "packages.json",
    "dumpsys.txt",
    "getprop.txt",
    "settings_system.txt",
    "settings_secure.txt",
    "settings_global.txt",
    "ps.txt",
    "processes.txt",
    // Written by Cairn's own ADB collection (`pm list packages -f -i -U`).
    "pm_list.txt",
    "root_binaries.json",
];

#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    AndroidQf,
    Bugreport,
    /// Collected live over ADB.
    Adb,
}

/// The raw files of one acquisition, by canonical name.
#[derive(Debug, Clone)]
pub struct Acquisition {
    pub kind: SourceKind,
    /// Path, or `adb:SERIAL`.
    pub origin: String,
    pub(crate) files: BTreeMap<String, Vec<u8>>,
    /// Files present but not loaded (too large, unreadable), with why.
    pub(crate) problems: Vec<(String, String)>,
}

impl Acquisition {
    /// The acquisition as a zip in AndroidQF's layout (one file per output,
    /// sorted, fixed timestamps), so that it can be kept as evidence and
    /// analysed again later like any AndroidQF zip.
    pub fn to_zip(&self) -> std::io::Result<Vec<u8>> {
        use std::io::Write as _;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        for (name, bytes) in &self.files {
            zip.start_file(name.as_str(), options).map_err(std::io::Error::other)?;
            zip.write_all(bytes)?;
        }
        Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
    }

    /// An acquisition assembled from named outputs (used by the ADB client
    /// and by tests); names are AndroidQF file names
    /// (`packages.json`, `dumpsys.txt`, `getprop.txt`, `settings_*.txt`, `ps.txt`, …) or `pm_list.txt`.
    pub fn from_files(kind: SourceKind, origin: impl Into<String>, files: BTreeMap<String, Vec<u8>>) -> Self {
        Acquisition {
            kind,
            origin: origin.into(),
            files,
            problems: Vec::new(),
        }
    }

    /// Records files or commands that could not be obtained; the analysis
    /// reports them as gaps.
    pub fn add_problems(&mut self, problems: impl IntoIterator<Item = (String, String)>) {
        self.problems.extend(problems);
    }

    pub(crate) fn text(&self, name: &str) -> Option<std::borrow::Cow<'_, str>> {
        self.files.get(name).map(|b| String::from_utf8_lossy(b))
    }

    /// Names of the files loaded.
    pub fn file_names(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// Opens a folder, a zip or a bug report text file, recognising which
    /// kind of acquisition it is.
    pub fn open(path: &Path) -> Result<Self, AndroidError> {
        let shown = path.display().to_string();
        let io = |source| AndroidError::Read {
            path: shown.clone(),
            source,
        };
        if path.is_dir() {
            return from_dir(path, &shown);
        }
        let file = std::fs::File::open(path).map_err(io)?;
        Self::read(file, &shown)
    }

    /// Reads a zip (AndroidQF, or a bug report zip) or a bug report text
    /// file from any seekable reader, e.g. the vault's stored copy, so that
    /// what is analysed is exactly what was hashed. `shown` names it in errors.
    pub fn read<R: Read + Seek>(mut reader: R, shown: &str) -> Result<Self, AndroidError> {
        let shown = shown.to_owned();
        let io = |source| AndroidError::Read {
            path: shown.clone(),
            source,
        };
        let mut head = [0u8; 64];
        let n = read_up_to(&mut reader, &mut head).map_err(io)?;
        let head = &head[..n];
        if head.starts_with(b"age-encryption.org/") || head.starts_with(b"-----BEGIN AGE") {
            return Err(AndroidError::Encrypted { path: shown });
        }
        reader.seek(std::io::SeekFrom::Start(0)).map_err(io)?;
        if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
            return from_zip(reader, &shown);
        }
        let mut text = Vec::new();
        reader.take(MAX_FILE).read_to_end(&mut text).map_err(io)?;
        let s = String::from_utf8_lossy(&text[..text.len().min(1 << 16)]);
        if s.contains("== dumpstate") || s.contains("DUMP OF SERVICE") || s.contains("------ SYSTEM PROPERTIES") {
            let files = BTreeMap::from([("bugreport.txt".to_owned(), text)]);
            return Ok(Acquisition::from_files(SourceKind::Bugreport, shown, files));
        }
        Err(AndroidError::UnknownFormat { path: shown })
    }
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

fn base(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

fn is_bugreport_main(name: &str) -> bool {
    let b = base(name);
    (b.starts_with("bugreport") || b.starts_with("dumpstate")) && b.ends_with(".txt") && !b.contains("dumpstate_log")
}

/// Keeps the first (shallowest) copy of each wanted name.
fn wanted(name: &str) -> Option<String> {
    let b = base(name);
    if QF_FILES.contains(&b) || b == "main_entry.txt" || is_bugreport_main(name) {
        Some(if is_bugreport_main(name) {
            name.to_owned()
        } else {
            b.to_owned()
        })
    } else {
        None
    }
}

fn finish(
    origin: &str,
    mut files: BTreeMap<String, Vec<u8>>,
    problems: Vec<(String, String)>,
) -> Result<Acquisition, AndroidError> {
    if QF_FILES.iter().any(|f| files.contains_key(*f)) {
        files.retain(|k, _| !is_bugreport_main(k) && k != "main_entry.txt");
        return Ok(Acquisition {
            kind: SourceKind::AndroidQf,
            origin: origin.to_owned(),
            files,
            problems,
        });
    }
    // A bug report: main_entry.txt names the main file; otherwise the largest candidate.
    let named = files
        .get("main_entry.txt")
        .map(|b| String::from_utf8_lossy(b).trim().to_owned());
    let main = named.filter(|n| files.contains_key(n)).or_else(|| {
        files
            .iter()
            .filter(|(k, _)| is_bugreport_main(k))
            .max_by_key(|(_, v)| v.len())
            .map(|(k, _)| k.clone())
    });
    match main.and_then(|m| files.remove(&m)) {
        Some(text) => {
            let files = BTreeMap::from([("bugreport.txt".to_owned(), text)]);
            Ok(Acquisition {
                kind: SourceKind::Bugreport,
                origin: origin.to_owned(),
                files,
                problems,
            })
        }
        None => Err(AndroidError::UnknownFormat {
            path: origin.to_owned(),
        }),
    }
}

fn from_dir(dir: &Path, shown: &str) -> Result<Acquisition, AndroidError> {
    let mut files = BTreeMap::new();
    let mut problems = Vec::new();
    // Breadth-first, two levels: AndroidQF puts files in a UUID-named folder.
    let mut queue = vec![(dir.to_path_buf(), 0)];
    while let Some((d, depth)) = queue.pop() {
        let entries = std::fs::read_dir(&d).map_err(|source| AndroidError::Read {
            path: d.display().to_string(),
            source,
        })?;
        let mut sorted: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        sorted.sort();
        for p in sorted {
            let rel = p.strip_prefix(dir).unwrap_or(&p).to_string_lossy().replace('\\', "/");
            if p.is_dir() {
                if depth < 2 {
                    queue.insert(0, (p, depth + 1));
                }
                continue;
            }
            let Some(key) = wanted(&rel) else { continue };
            if files.contains_key(&key) {
                continue;
            }
            match std::fs::File::open(&p).and_then(read_capped) {
                Ok(Some(b)) => {
                    files.insert(key, b);
                }
                Ok(None) => problems.push((rel, format!("larger than {MAX_FILE} bytes"))),
                Err(e) => problems.push((rel, e.to_string().to_lowercase())),
            }
        }
    }
    finish(shown, files, problems)
}

fn read_capped(r: impl Read) -> std::io::Result<Option<Vec<u8>>> {
    let mut b = Vec::new();
    r.take(MAX_FILE + 1).read_to_end(&mut b)?;
    Ok((b.len() as u64 <= MAX_FILE).then_some(b))
}

fn from_zip<R: Read + Seek>(reader: R, shown: &str) -> Result<Acquisition, AndroidError> {
    let zip_err = |e: zip::result::ZipError| AndroidError::Zip {
        path: shown.to_owned(),
        detail: e.to_string().to_lowercase(),
    };
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(reader)).map_err(zip_err)?;
    let mut names: Vec<(usize, String)> = (0..zip.len())
        .filter_map(|i| Some((i, zip.name_for_index(i)?.ok()?.into_owned())))
        .filter(|(_, n)| !n.ends_with('/'))
        .collect();
    // Shallowest first, so a top-level file wins over a nested copy.
    names.sort_by_key(|(_, n)| (n.matches('/').count(), n.clone()));
    let mut files = BTreeMap::new();
    let mut problems = Vec::new();
    for (i, name) in names {
        let Some(key) = wanted(&name) else { continue };
        if files.contains_key(&key) {
            continue;
        }
        let read = zip
            .by_index(i)
            .map_err(|e| std::io::Error::other(e.to_string()))
            .and_then(read_capped);
        match read {
            Ok(Some(b)) => {
                files.insert(key, b);
            }
            Ok(None) => problems.push((name, format!("larger than {MAX_FILE} bytes"))),
            Err(e) => problems.push((name, e.to_string().to_lowercase())),
        }
    }
    finish(shown, files, problems)
}
