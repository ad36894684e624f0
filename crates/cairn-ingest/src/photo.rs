//! When and where a photo or screenshot was taken, from its EXIF (JPEG,
//! HEIC/HEIF, PNG, TIFF and the other formats nom-exif reads).
//!
//! The values are what the camera wrote: a phone sets its clock and GPS
//! itself, but an edited file can say anything, so callers present them as
//! "the file says". A capture time without an offset is local to wherever the
//! camera's clock was set; it is kept as a civil time, not guessed into an
//! instant.

use std::io::{Read, Seek};

use jiff::civil;
use jiff::tz::Offset;
use nom_exif::{ExifTag, MediaKind, MediaParser, MediaSource};
use serde::Serialize;

use crate::error::{FileKind, ImportError};

pub const IMPORTER: &str = "photo";
/// Bump when a change would read the same file into different values.
pub const IMPORTER_VERSION: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PhotoMeta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub captured_at: Option<CapturedAt>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub make: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Latitude and longitude in decimal degrees (north and east positive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gps: Option<(f64, f64)>,
}

/// `DateTimeOriginal` (or `DateTime`), with `OffsetTimeOriginal` when the
/// camera wrote one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CapturedAt {
    pub local: civil::DateTime,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "offset_text")]
    pub offset: Option<Offset>,
}

/// "+02:00", as the EXIF `OffsetTime*` tags write it.
fn offset_text<S: serde::Serializer>(offset: &Option<Offset>, s: S) -> Result<S::Ok, S::Error> {
    match offset {
        Some(o) => {
            let secs = o.seconds();
            let sign = if secs < 0 { '-' } else { '+' };
            let abs = secs.unsigned_abs();
            s.serialize_str(&format!("{sign}{:02}:{:02}", abs / 3600, abs % 3600 / 60))
        }
        None => s.serialize_none(),
    }
}

impl CapturedAt {
    /// The instant, when the file says which offset its clock was at.
    pub fn timestamp(&self) -> Option<jiff::Timestamp> {
        self.offset?.to_timestamp(self.local).ok()
    }
}

/// Reads the metadata of one image. An image without EXIF gives an empty
/// [`PhotoMeta`]; a file that is not an image nom-exif knows is an error.
pub fn read_metadata<R: Read + Seek>(reader: R) -> Result<PhotoMeta, ImportError> {
    let unsupported = || ImportError::Unsupported {
        kind: FileKind::Photo,
        what: "image format",
    };
    let source = MediaSource::seekable(reader).map_err(|e| match e {
        nom_exif::Error::Io(source) => ImportError::Io {
            kind: FileKind::Photo,
            source,
        },
        _ => unsupported(),
    })?;
    if source.kind() != MediaKind::Image {
        return Err(unsupported());
    }
    let exif: nom_exif::Exif = match MediaParser::new().parse_exif(source) {
        Ok(iter) => iter.into(),
        Err(nom_exif::Error::Io(source)) => {
            return Err(ImportError::Io {
                kind: FileKind::Photo,
                source,
            });
        }
        // No EXIF block, or one too damaged to read: nothing to say.
        Err(_) => return Ok(PhotoMeta::default()),
    };
    let text = |tag| {
        exif.get(tag)
            .and_then(|v| v.as_str())
            .map(|s| s.trim_matches(|c: char| c == '\0' || c.is_whitespace()).to_owned())
            .filter(|s| !s.is_empty())
    };
    let captured_at = [ExifTag::DateTimeOriginal, ExifTag::CreateDate, ExifTag::ModifyDate]
        .into_iter()
        .find_map(|tag| exif.get(tag).and_then(|v| v.as_datetime()))
        .and_then(|dt| {
            let local: civil::DateTime = dt.into_naive().format("%Y-%m-%dT%H:%M:%S").to_string().parse().ok()?;
            let offset = dt
                .aware()
                .and_then(|a| Offset::from_seconds(a.offset().local_minus_utc()).ok());
            Some(CapturedAt { local, offset })
        });
    let gps = exif.gps_info().and_then(|g| {
        let (lat, lon) = (g.latitude_decimal()?, g.longitude_decimal()?);
        let plausible = lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0;
        plausible.then_some((lat, lon))
    });
    Ok(PhotoMeta {
        captured_at,
        make: text(ExifTag::Make),
        model: text(ExifTag::Model),
        gps,
    })
}
