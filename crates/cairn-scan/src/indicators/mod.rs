//! Indicator sets: the stalkerware-indicators YAML format (`ioc.yaml`,
//! `watchware.yaml`) and STIX 2.1 bundles, merged into one set whose every
//! match names the file it came from.

pub(crate) mod domain;
mod echap;
mod stix;

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use domain::DomainTable;

/// Largest indicator file accepted; the real ones are well under 1 MiB.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Loading an indicator file failed as a whole.
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum IndicatorError {
    #[error("cannot read indicator file {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("indicator file {path} is larger than {limit} bytes")]
    TooLarge { path: String, limit: u64 },
    #[error("indicator file {path} is not utf-8 (byte {offset})")]
    NotUtf8 { path: String, offset: usize },
    #[error("indicator file {path} is neither stalkerware-indicators yaml nor a stix 2.1 bundle")]
    UnknownFormat { path: String },
    #[error("invalid yaml in {path} at line {line}, column {column}: {message}")]
    Yaml {
        path: String,
        line: u64,
        column: u64,
        message: String,
    },
    #[error("invalid stix json in {path} at line {line}, column {column}: {message}")]
    Json {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path} is json but not a stix bundle: {reason}")]
    NotStixBundle { path: String, reason: &'static str },
}

/// The file formats understood.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// AssoEchap stalkerware-indicators `ioc.yaml` / `watchware.yaml`.
    StalkerwareIndicatorsYaml,
    /// A STIX 2.1 bundle with `indicator` objects using STIX patterns.
    Stix2,
}

/// Where an indicator file came from, recorded in every finding so an
/// examiner can say exactly which list, in which version, produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// Path or URL the caller gave.
    pub source: String,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
    pub format: SourceFormat,
    /// Version label the caller knows (e.g. a commit), if any.
    pub version: Option<String>,
    /// Newest date found in the file (STIX `modified`), if any.
    pub date: Option<String>,
    pub counts: IndicatorCounts,
    /// Entries that were read but cannot be used, with the reason.
    pub skipped: Vec<Skipped>,
    /// Field names the loader does not know; a newer format may carry
    /// indicators that this version ignores.
    pub unknown_fields: Vec<String>,
}

/// How many indicators of each kind a file contributed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorCounts {
    pub apps: usize,
    pub packages: usize,
    pub certificates: usize,
    pub domains: usize,
    pub ips: usize,
    pub urls: usize,
    pub file_hashes: usize,
    pub ios_bundles: usize,
    pub certificate_organizations: usize,
    pub certificate_name_patterns: usize,
}

/// An indicator that was present but not used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// Where in the file: an entry name or STIX id.
    pub location: String,
    pub value: String,
    pub reason: SkipReason,
}

#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    InvalidDomain,
    InvalidIp,
    InvalidDigest,
    InvalidRegex,
    /// A STIX pattern with AND, a comparison other than `=`, or bad syntax.
    UnsupportedPattern,
    /// A valid STIX object path that no Cairn analysis observes (e-mail, process…).
    NotObservable,
}

/// What kind of monitoring app an indicator belongs to.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppCategory {
    /// Built to hide and spy covertly.
    Stalkerware,
    /// Monitoring that does not hide itself (child or family trackers).
    Watchware,
    /// From a source that does not say.
    Unclassified,
}

/// One app (family) as described by an indicator file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct App {
    pub name: String,
    pub aliases: Vec<String>,
    pub category: AppCategory,
    /// Index into [`IndicatorSet::sources`].
    pub source: usize,
}

/// The observable an indicator describes.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    PackageName,
    CertificateSha1,
    CertificateSha256,
    CertificateMd5,
    Domain,
    Ip,
    Url,
    FileSha256,
    FileSha1,
    FileMd5,
    IosBundle,
    CertificateOrganization,
    CertificateNamePattern,
}

/// What a domain is to the app: where it reports to, where it is sold,
/// or where it is downloaded from. Matters for what a hit means.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DomainRole {
    CommandAndControl,
    Website,
    Distribution,
    Unspecified,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    app: u32,
    role: DomainRole,
}

/// A successful lookup.
#[derive(Debug, Clone, Copy)]
pub struct IndicatorMatch<'a> {
    pub app: &'a App,
    /// Index of `app` in [`IndicatorSet::apps`], for grouping.
    pub app_id: usize,
    pub kind: IndicatorKind,
    /// The indicator as stored (normalised), e.g. the parent domain that matched.
    pub indicator: &'a str,
    pub role: DomainRole,
    pub source: &'a Provenance,
}

/// A merged, indexed set of indicators from one or more files.
#[derive(Debug, Default, Clone)]
pub struct IndicatorSet {
    sources: Vec<Provenance>,
    apps: Vec<App>,
    packages: HashMap<String, Vec<Entry>>,
    ios_bundles: HashMap<String, Vec<Entry>>,
    /// Lower-case hex digest; the length tells the algorithm.
    certificates: HashMap<String, Vec<Entry>>,
    file_hashes: HashMap<String, Vec<Entry>>,
    domains: DomainTable<Vec<Entry>>,
    ips: HashMap<IpAddr, (String, Vec<Entry>)>,
    urls: HashMap<String, Vec<Entry>>,
    cert_orgs: HashMap<String, Vec<Entry>>,
    cert_name_patterns: Vec<(regex::Regex, Entry)>,
    /// Interned copies of stored domains, so matches can borrow a `&str`.
    domain_names: HashMap<Box<[u8]>, String>,
}

/// Optional labels for a file being loaded.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub source: String,
    pub version: Option<String>,
}

impl Origin {
    pub fn new(source: impl Into<String>) -> Self {
        Origin {
            source: source.into(),
            version: None,
        }
    }

    pub fn with_version(mut self, version: impl Into<String>) -> Self {
        self.version = Some(version.into());
        self
    }
}

impl IndicatorSet {
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads and adds one file; the format is recognised from its content.
    pub fn load_path(&mut self, path: &Path, version: Option<&str>) -> Result<&Provenance, IndicatorError> {
        use std::io::Read;
        let shown = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|source| IndicatorError::Read {
            path: shown.clone(),
            source,
        })?;
        let mut bytes = Vec::new();
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|source| IndicatorError::Read {
                path: shown.clone(),
                source,
            })?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(IndicatorError::TooLarge {
                path: shown,
                limit: MAX_FILE_BYTES,
            });
        }
        let mut origin = Origin::new(shown);
        origin.version = version.map(str::to_owned);
        self.load_bytes(&bytes, origin)
    }

    /// Adds one file's content. Nothing is added if it fails.
    pub fn load_bytes(&mut self, bytes: &[u8], origin: Origin) -> Result<&Provenance, IndicatorError> {
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(IndicatorError::TooLarge {
                path: origin.source,
                limit: MAX_FILE_BYTES,
            });
        }
        let text = std::str::from_utf8(bytes).map_err(|e| IndicatorError::NotUtf8 {
            path: origin.source.clone(),
            offset: e.valid_up_to(),
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let sha256 = hex::encode(Sha256::digest(bytes));
        let first = text.trim_start().bytes().next();
        let parsed = match first {
            Some(b'{') => stix::parse(text, &origin.source)?,
            Some(_) => echap::parse(text, &origin.source)?,
            None => return Err(IndicatorError::UnknownFormat { path: origin.source }),
        };
        Ok(self.add(parsed, origin, sha256))
    }

    fn add(&mut self, parsed: Parsed, origin: Origin, sha256: String) -> &Provenance {
        let source = self.sources.len();
        let mut counts = IndicatorCounts::default();
        let mut skipped = parsed.skipped;
        for raw in parsed.apps {
            let app = u32::try_from(self.apps.len()).unwrap_or(u32::MAX);
            self.apps.push(App {
                name: raw.name,
                aliases: raw.aliases,
                category: raw.category,
                source,
            });
            counts.apps += 1;
            for ind in raw.indicators {
                let entry = Entry { app, role: ind.role };
                if let Err(reason) = self.insert(ind.kind, &ind.value, entry, &mut counts) {
                    skipped.push(Skipped {
                        location: ind.location,
                        value: ind.value,
                        reason,
                    });
                }
            }
        }
        self.sources.push(Provenance {
            source: origin.source,
            sha256,
            format: parsed.format,
            version: origin.version,
            date: parsed.date,
            counts,
            skipped,
            unknown_fields: parsed.unknown_fields,
        });
        &self.sources[source]
    }

    fn insert(
        &mut self,
        kind: IndicatorKind,
        value: &str,
        entry: Entry,
        counts: &mut IndicatorCounts,
    ) -> Result<(), SkipReason> {
        fn push(map: &mut HashMap<String, Vec<Entry>>, key: String, entry: Entry) {
            let v = map.entry(key).or_default();
            if !v.contains(&entry) {
                v.push(entry);
            }
        }
        match kind {
            IndicatorKind::PackageName => {
                let v = value.trim();
                if v.is_empty() || v.contains(char::is_whitespace) {
                    return Err(SkipReason::InvalidDomain);
                }
                push(&mut self.packages, v.to_owned(), entry);
                counts.packages += 1;
            }
            IndicatorKind::IosBundle => {
                push(&mut self.ios_bundles, value.trim().to_owned(), entry);
                counts.ios_bundles += 1;
            }
            IndicatorKind::CertificateSha1 | IndicatorKind::CertificateSha256 | IndicatorKind::CertificateMd5 => {
                let d = normalize_digest(value).ok_or(SkipReason::InvalidDigest)?;
                push(&mut self.certificates, d, entry);
                counts.certificates += 1;
            }
            IndicatorKind::FileSha256 | IndicatorKind::FileSha1 | IndicatorKind::FileMd5 => {
                let d = normalize_digest(value).ok_or(SkipReason::InvalidDigest)?;
                push(&mut self.file_hashes, d, entry);
                counts.file_hashes += 1;
            }
            IndicatorKind::Domain => {
                let d = domain::normalize(value).ok_or(SkipReason::InvalidDomain)?;
                self.domain_names
                    .entry(d.as_bytes().into())
                    .or_insert_with(|| d.clone());
                let v = self.domains.entry_or_insert_with(&d, Vec::new);
                if !v.contains(&entry) {
                    v.push(entry);
                }
                counts.domains += 1;
            }
            IndicatorKind::Ip => {
                let v = value.trim();
                let v = v.strip_suffix("/32").or_else(|| v.strip_suffix("/128")).unwrap_or(v);
                let ip: IpAddr = v.parse().map_err(|_| SkipReason::InvalidIp)?;
                let (_, list) = self.ips.entry(ip).or_insert_with(|| (ip.to_string(), Vec::new()));
                if !list.contains(&entry) {
                    list.push(entry);
                }
                counts.ips += 1;
            }
            IndicatorKind::Url => {
                push(&mut self.urls, normalize_url(value), entry);
                counts.urls += 1;
            }
            IndicatorKind::CertificateOrganization => {
                push(&mut self.cert_orgs, value.trim().to_lowercase(), entry);
                counts.certificate_organizations += 1;
            }
            IndicatorKind::CertificateNamePattern => {
                let re = regex::RegexBuilder::new(value)
                    .size_limit(1 << 20)
                    .build()
                    .map_err(|_| SkipReason::InvalidRegex)?;
                self.cert_name_patterns.push((re, entry));
                counts.certificate_name_patterns += 1;
            }
        }
        Ok(())
    }

    /// The files this set was built from, in load order.
    pub fn sources(&self) -> &[Provenance] {
        &self.sources
    }

    pub fn apps(&self) -> &[App] {
        &self.apps
    }

    pub fn is_empty(&self) -> bool {
        self.apps.is_empty()
    }

    /// Whether any IP indicators exist (lets capture analysis skip lookups).
    pub fn has_ips(&self) -> bool {
        !self.ips.is_empty()
    }

    pub fn domain_count(&self) -> usize {
        self.domains.len()
    }

    fn hit<'a>(&'a self, e: &Entry, kind: IndicatorKind, indicator: &'a str) -> IndicatorMatch<'a> {
        let app_id = e.app as usize;
        let app = &self.apps[app_id];
        IndicatorMatch {
            app,
            app_id,
            kind,
            indicator,
            role: e.role,
            source: &self.sources[app.source],
        }
    }

    fn lookup<'a>(
        &'a self,
        map: &'a HashMap<String, Vec<Entry>>,
        key: &str,
        kind: impl Fn(&str) -> IndicatorKind,
    ) -> Vec<IndicatorMatch<'a>> {
        match map.get_key_value(key) {
            Some((k, es)) => es.iter().map(|e| self.hit(e, kind(k), k)).collect(),
            None => Vec::new(),
        }
    }

    /// Android package name, exact.
    pub fn match_package(&self, name: &str) -> Vec<IndicatorMatch<'_>> {
        self.lookup(&self.packages, name.trim(), |_| IndicatorKind::PackageName)
    }

    pub fn match_ios_bundle(&self, id: &str) -> Vec<IndicatorMatch<'_>> {
        self.lookup(&self.ios_bundles, id.trim(), |_| IndicatorKind::IosBundle)
    }

    /// Signing-certificate digest in any case, with or without colons.
    pub fn match_certificate(&self, digest: &str) -> Vec<IndicatorMatch<'_>> {
        let Some(d) = normalize_digest(digest) else {
            return Vec::new();
        };
        self.lookup(&self.certificates, &d, |k| match k.len() {
            32 => IndicatorKind::CertificateMd5,
            40 => IndicatorKind::CertificateSha1,
            _ => IndicatorKind::CertificateSha256,
        })
    }

    pub fn match_file_hash(&self, digest: &str) -> Vec<IndicatorMatch<'_>> {
        let Some(d) = normalize_digest(digest) else {
            return Vec::new();
        };
        self.lookup(&self.file_hashes, &d, |k| match k.len() {
            32 => IndicatorKind::FileMd5,
            40 => IndicatorKind::FileSha1,
            _ => IndicatorKind::FileSha256,
        })
    }

    /// Certificate subject organisation (`O=`), case-insensitive.
    pub fn match_certificate_organization(&self, org: &str) -> Vec<IndicatorMatch<'_>> {
        self.lookup(&self.cert_orgs, &org.trim().to_lowercase(), |_| {
            IndicatorKind::CertificateOrganization
        })
    }

    /// Certificate subject common name against the `certificate_cname_re` patterns.
    pub fn match_certificate_name(&self, cn: &str) -> Vec<IndicatorMatch<'_>> {
        self.cert_name_patterns
            .iter()
            .filter(|(re, _)| re.is_match(cn))
            .map(|(re, e)| self.hit(e, IndicatorKind::CertificateNamePattern, re.as_str()))
            .collect()
    }

    /// A host name and all its parent domains; allocation-free when nothing matches.
    pub fn for_each_domain_match<'a>(&'a self, name: &[u8], mut f: impl FnMut(IndicatorMatch<'a>)) {
        self.domains.for_each_match(name, |k, es| {
            let stored = self.domain_names.get(k).map(String::as_str).unwrap_or_default();
            for e in es {
                f(self.hit(e, IndicatorKind::Domain, stored));
            }
        });
    }

    pub fn match_domain(&self, name: &str) -> Vec<IndicatorMatch<'_>> {
        let mut out = Vec::new();
        self.for_each_domain_match(name.trim().as_bytes(), |m| out.push(m));
        out
    }

    pub fn match_ip(&self, ip: IpAddr) -> Vec<IndicatorMatch<'_>> {
        self.ip_matches(&ip).map(Iterator::collect).unwrap_or_default()
    }

    /// Like [`match_ip`](Self::match_ip) but borrows nothing per call for the miss case.
    pub(crate) fn ip_matches(&self, ip: &IpAddr) -> Option<impl Iterator<Item = IndicatorMatch<'_>>> {
        self.ips
            .get(ip)
            .map(|(shown, es)| es.iter().map(move |e| self.hit(e, IndicatorKind::Ip, shown)))
    }

    /// A full URL, compared without scheme case, fragment or trailing slash.
    pub fn match_url(&self, url: &str) -> Vec<IndicatorMatch<'_>> {
        self.lookup(&self.urls, &normalize_url(url), |_| IndicatorKind::Url)
    }
}

/// Lower-case hex without separators; `None` unless it is an MD5, SHA-1
/// or SHA-256 length.
pub(crate) fn normalize_digest(raw: &str) -> Option<String> {
    let d: String = raw.trim().chars().filter(|c| *c != ':' && *c != ' ').collect();
    if !matches!(d.len(), 32 | 40 | 64) || !d.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    Some(d.to_ascii_lowercase())
}

/// `host/path` with the host lower-cased and without scheme, fragment or
/// trailing slash: the same file fetched over http or https is one indicator.
fn normalize_url(raw: &str) -> String {
    let s = raw.trim();
    let s = s.split('#').next().unwrap_or(s);
    let s = s.strip_suffix('/').unwrap_or(s);
    let rest = s.split_once("://").map_or(s, |(_, r)| r);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let sep = if path.is_empty() { "" } else { "/" };
    format!("{}{sep}{path}", host.to_ascii_lowercase())
}

/// What a loader hands back before indexing.
pub(crate) struct Parsed {
    pub format: SourceFormat,
    pub apps: Vec<RawApp>,
    pub skipped: Vec<Skipped>,
    pub unknown_fields: Vec<String>,
    pub date: Option<String>,
}

pub(crate) struct RawApp {
    pub name: String,
    pub aliases: Vec<String>,
    pub category: AppCategory,
    pub indicators: Vec<RawIndicator>,
}

pub(crate) struct RawIndicator {
    pub kind: IndicatorKind,
    pub value: String,
    pub role: DomainRole,
    pub location: String,
}

#[cfg(test)]
mod tests;
