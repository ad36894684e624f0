//! PDF documents typeset with Typst, entirely in memory and offline.
//!
//! Templates are part of this crate; everything that comes from a case is
//! handed to them as `data.json` (and SVG charts as files) and read with
//! `json(...)`, never spliced into markup, so no name or message can inject
//! Typst code. Fonts are the ones bundled with Typst: nothing is looked up on
//! the machine or fetched. The document carries no creation date, so the same
//! data always gives the same bytes.

use std::collections::HashMap;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

/// A template shipped with Cairn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Template {
    /// The court packet's report.
    CourtReport,
    /// A protective-order chronology: numbered incidents and their evidence.
    Chronology,
    /// The survivor's safety plan (full or safe copy).
    SafetyPlan,
}

impl Template {
    fn source(self) -> &'static str {
        match self {
            Template::CourtReport => include_str!("../templates/court_report.typ"),
            Template::Chronology => include_str!("../templates/chronology.typ"),
            Template::SafetyPlan => include_str!("../templates/safety_plan.typ"),
        }
    }
}

/// Typesetting failed. Data comes in as JSON, so this means a template bug
/// or a file the template expected but was not given; the message says which.
#[derive(Debug, thiserror::Error)]
#[error("could not typeset the PDF: {0}")]
pub struct PdfError(String);

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    let book = FontBook::from_fonts(&fonts);
    Fonts {
        book: LazyHash::new(book),
        fonts,
    }
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::builder().build()));

struct Document {
    main: Source,
    files: HashMap<FileId, Bytes>,
}

fn file_id(path: &str) -> FileId {
    // Our own fixed, relative, ASCII names: always valid virtual paths.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| unreachable!("invalid built-in path {path}"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl World for Document {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_without_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    /// No clock: dates a document shows come in with its data.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// Typesets `template` over `data` (JSON, read by the template as
/// `data.json`) and `extra` files (e.g. `charts/per-day.svg`).
pub fn render(template: Template, data: &serde_json::Value, extra: &[(&str, Vec<u8>)]) -> Result<Vec<u8>, PdfError> {
    let json = serde_json::to_vec(data).map_err(|e| PdfError(e.to_string()))?;
    let mut files = HashMap::from([(file_id("data.json"), Bytes::new(json))]);
    for (path, bytes) in extra {
        let path = VirtualPath::new(path).map_err(|e| PdfError(format!("{path}: {e:?}")))?;
        files.insert(
            RootedPath::new(VirtualRoot::Project, path).intern(),
            Bytes::new(bytes.clone()),
        );
    }
    let document = Document {
        main: Source::new(file_id("main.typ"), template.source().to_owned()),
        files,
    };
    let compiled = typst::compile::<PagedDocument>(&document)
        .output
        .map_err(|e| failure(&e))?;
    typst_pdf::pdf(&compiled, &typst_pdf::PdfOptions::default()).map_err(|e| failure(&e))
}

fn failure(errors: &[typst::diag::SourceDiagnostic]) -> PdfError {
    PdfError(
        errors
            .iter()
            .map(|e| e.message.to_string())
            .collect::<Vec<_>>()
            .join("; "),
    )
}
