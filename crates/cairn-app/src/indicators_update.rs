//! `cairn iocs update`: the one place Cairn goes on the network, and only
//! when a person runs it by name. Downloads the stalkerware-indicators files,
//! checks they load, and registers them with where and when they came from;
//! the registry keeps each file's SHA-256. Nothing about the vault or the
//! case is sent: a plain GET with Cairn's name and version.

use std::time::Duration;

use cairn_store::Store;

use crate::scan::{IndicatorImport, MAX_INDICATOR_BYTES};
use crate::{AppError, Result, Vault};

/// The upstream data set (CC BY 4.0, Echap).
pub const INDICATORS_UPSTREAM: &str = "https://raw.githubusercontent.com/AssoEchap/stalkerware-indicators/master/";
/// The files fetched from it.
pub const INDICATOR_FILES: [&str; 2] = ["ioc.yaml", "watchware.yaml"];

fn download_error(url: &str, detail: impl std::fmt::Display) -> AppError {
    AppError::Download {
        url: url.to_owned(),
        detail: detail.to_string(),
    }
}

/// HTTPS, or plain HTTP to this machine only (a local mirror, or a test).
fn allowed(base: &str) -> bool {
    if base.starts_with("https://") {
        return true;
    }
    let Some(rest) = base.strip_prefix("http://") else {
        return false;
    };
    let host = rest.split('/').next().unwrap_or_default();
    let host = host.rsplit_once(':').map_or(host, |(h, port)| {
        if port.chars().all(|c| c.is_ascii_digit()) {
            h
        } else {
            host
        }
    });
    matches!(host, "127.0.0.1" | "localhost" | "[::1]")
}

/// Fetches `base` + each name, at most [`MAX_INDICATOR_BYTES`] each.
fn fetch_all(base: &str, names: &[&str]) -> Result<Vec<(String, String, Vec<u8>)>> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(120)))
        .user_agent(concat!("cairn/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut files = Vec::new();
    for name in names {
        let url = format!("{base}{name}");
        let mut response = agent.get(&url).call().map_err(|e| download_error(&url, e))?;
        let bytes = response
            .body_mut()
            .with_config()
            .limit(MAX_INDICATOR_BYTES)
            .read_to_vec()
            .map_err(|e| download_error(&url, e))?;
        files.push((url, (*name).to_owned(), bytes));
    }
    Ok(files)
}

impl<S: Store> Vault<S> {
    /// Downloads and registers the indicator files from `base` (a URL that
    /// ends in `/`; [`INDICATORS_UPSTREAM`] unless a mirror is named).
    pub async fn update_indicators(&self, base: &str) -> Result<Vec<IndicatorImport>> {
        let base = if base.ends_with('/') {
            base.to_owned()
        } else {
            format!("{base}/")
        };
        if !allowed(&base) {
            return Err(download_error(
                &base,
                "only https:// addresses (or http:// on this computer)",
            ));
        }
        let from = base.clone();
        let fetched = tokio::task::spawn_blocking(move || fetch_all(&from, &INDICATOR_FILES))
            .await
            .map_err(|e| download_error(&base, e))??;
        let version = format!("{} {base}", jiff::Zoned::now().date());
        self.import_indicator_bytes(fetched, Some(version)).await
    }
}

#[cfg(test)]
mod tests {
    use super::allowed;

    #[test]
    fn only_https_or_this_computer() {
        assert!(allowed(super::INDICATORS_UPSTREAM));
        assert!(allowed("http://127.0.0.1:8080/mirror/"));
        assert!(allowed("http://localhost/"));
        assert!(allowed("http://[::1]:9/"));
        assert!(!allowed("http://example.org/"));
        assert!(!allowed("http://127.0.0.1.example.org/"));
        assert!(!allowed("ftp://127.0.0.1/"));
        assert!(!allowed("file:///etc/"));
    }
}
