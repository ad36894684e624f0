//! Finding the shared, read-only test data without copying it into the crate.

use std::path::PathBuf;

/// `shared/data/stalkerware-indicators`, found from `CAIRN_INDICATORS_DIR`
/// or by walking up from the crate, so the same tests run in a staging
/// checkout and inside the workspace.
pub fn indicators_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CAIRN_INDICATORS_DIR") {
        return PathBuf::from(dir);
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for dir in manifest.ancestors() {
        let candidate = dir.join("shared/data/stalkerware-indicators");
        if candidate.join("ioc.yaml").is_file() {
            return candidate;
        }
    }
    panic!(
        "shared/data/stalkerware-indicators not found above {}; set CAIRN_INDICATORS_DIR",
        manifest.display()
    );
}

/// This crate's own fixtures.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}
