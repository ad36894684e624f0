//! Writes the synthetic photos the tests use (JPEG with EXIF time, offset
//! and GPS; JPEG and PNG without EXIF) into a directory, e.g. as fuzz seeds:
//!
//!     cargo run --example photos -- DIR
use cairn_ingest::synth::{ExifSpec, jpeg, png};

fn main() -> std::io::Result<()> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&dir)?;
    let exif = ExifSpec {
        make: "Cairn Test".into(),
        model: "Fixture Phone 1".into(),
        taken: "2024:01:15 21:05:12".into(),
        offset: Some("-05:00".into()),
        gps: Some((37.7793, -122.4193)),
    };
    std::fs::write(dir.join("exif-gps.jpg"), jpeg(16, 1, Some(&exif)))?;
    std::fs::write(dir.join("plain.jpg"), jpeg(16, 2, None))?;
    std::fs::write(dir.join("plain.png"), png(4, 3))?;
    Ok(())
}
