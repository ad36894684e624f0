//! Device and network checks: indicator files are registered vault-wide
//! (reference data, not case evidence), and a check seals its input as case
//! evidence, compares it against every registered indicator file, and
//! records the findings as data in one `scan_recorded` event.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use cairn_core::{
    CaseId, EventBody, Hash, IndicatorHit, IndicatorSourceRef, ScanFinding, ScanGap, ScanKind, ScanOutcome, ScanParam,
    ScanRecorded, ScanSeverity, SeverityCounts,
};
use cairn_scan::{IndicatorSet, Origin};
use cairn_store::{EvidenceRecord, IndicatorSource, ScanRecord, Store};
use serde::Serialize;

use crate::evidence::EvidenceMeta;
use crate::{AppError, Result, Vault};

/// Matches `cairn_scan`'s own limit; the real files are well under 1 MiB.
pub(crate) const MAX_INDICATOR_BYTES: u64 = 64 * 1024 * 1024;

/// What registering one indicator file did.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorImport {
    pub source: IndicatorSource,
    /// These exact bytes were registered before; nothing changed.
    pub already_registered: bool,
}

/// What one check recorded.
#[derive(Debug, Clone, Serialize)]
pub struct ScanReport {
    pub evidence: EvidenceRecord,
    #[serde(flatten)]
    pub record: ScanRecord,
}

impl<S: Store> Vault<S> {
    /// Validates every file by loading it, then stores their bytes in the
    /// blob store and registers them. If any file does not load, nothing is
    /// registered.
    pub async fn import_indicators(&self, paths: &[PathBuf], version: Option<String>) -> Result<Vec<IndicatorImport>> {
        let mut files = Vec::new();
        for path in paths {
            let file = std::fs::File::open(path).map_err(AppError::file(path))?;
            let mut bytes = Vec::new();
            file.take(MAX_INDICATOR_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(AppError::file(path))?;
            files.push((path.display().to_string(), file_name(path, "indicators"), bytes));
        }
        self.import_indicator_bytes(files, version).await
    }

    /// Registers indicator files given as `(shown as, name, bytes)`: all are
    /// loaded first, so one bad file registers nothing.
    pub(crate) async fn import_indicator_bytes(
        &self,
        files: Vec<(String, String, Vec<u8>)>,
        version: Option<String>,
    ) -> Result<Vec<IndicatorImport>> {
        let mut checked = Vec::new();
        for (shown, name, bytes) in files {
            let mut origin = Origin::new(shown.clone());
            origin.version = version.clone();
            let provenance = IndicatorSet::new()
                .load_bytes(&bytes, origin)
                .map_err(|e| AppError::Indicators {
                    file: shown.clone(),
                    error: Box::new(e),
                })?
                .clone();
            checked.push((name, bytes, provenance));
        }
        let mut done = Vec::new();
        for (name, bytes, provenance) in checked {
            done.push(
                self.register_indicators(&name, bytes, &provenance, version.clone())
                    .await?,
            );
        }
        Ok(done)
    }

    async fn register_indicators(
        &self,
        name: &str,
        bytes: Vec<u8>,
        provenance: &cairn_scan::Provenance,
        version: Option<String>,
    ) -> Result<IndicatorImport> {
        let blobs = self.blobs.clone();
        let sealed = tokio::task::spawn_blocking(move || blobs.put(&bytes[..], &mut |_| {}))
            .await
            .map_err(|e| AppError::File {
                path: PathBuf::from(name),
                source: std::io::Error::other(e.to_string()),
            })??;
        let counts = serde_json::to_value(&provenance.counts)
            .ok()
            .and_then(|v| serde_json::from_value::<BTreeMap<String, u64>>(v).ok())
            .unwrap_or_default();
        let source = IndicatorSource {
            sha256: Hash(sealed.sha256),
            name: name.to_owned(),
            format: serde_name(&provenance.format),
            version,
            loaded_at: jiff::Timestamp::now(),
            counts,
        };
        let added = self.store.add_indicator_source(&source).await?;
        let source = if added {
            source
        } else {
            self.store
                .indicator_sources()
                .await?
                .into_iter()
                .find(|s| s.sha256 == source.sha256)
                .unwrap_or(source)
        };
        Ok(IndicatorImport {
            source,
            already_registered: !added,
        })
    }

    pub async fn indicator_sources(&self) -> Result<Vec<IndicatorSource>> {
        Ok(self.store.indicator_sources().await?)
    }

    /// Every registered indicator file, read back from the blob store.
    pub(crate) async fn indicator_set(&self) -> Result<(IndicatorSet, Vec<IndicatorSourceRef>)> {
        let sources = self.store.indicator_sources().await?;
        let blobs = self.blobs.clone();
        let loaded = tokio::task::spawn_blocking(move || -> Result<_> {
            let mut set = IndicatorSet::new();
            let mut used = Vec::new();
            for s in sources {
                let mut bytes = Vec::new();
                blobs.get(&s.sha256, &mut bytes)?;
                let origin = Origin {
                    source: s.name.clone(),
                    version: s.version.clone(),
                };
                set.load_bytes(&bytes, origin).map_err(|e| AppError::Indicators {
                    file: s.name.clone(),
                    error: Box::new(e),
                })?;
                used.push(IndicatorSourceRef {
                    sha256: s.sha256,
                    name: s.name,
                    version: s.version,
                });
            }
            Ok((set, used))
        });
        loaded.await.map_err(|e| AppError::File {
            path: PathBuf::from("indicators"),
            source: std::io::Error::other(e.to_string()),
        })?
    }

    /// Checks a capture, an AndroidQF zip or a bug report: the file becomes
    /// case evidence (once per case), and the check is recorded.
    pub async fn scan_file(
        &self,
        case: &CaseId,
        path: &Path,
        kind: ScanKind,
        note: Option<String>,
    ) -> Result<ScanReport> {
        self.case(case).await?;
        let file = std::fs::File::open(path).map_err(AppError::file(path))?;
        if file.metadata().map_err(AppError::file(path))?.is_dir() {
            if kind == ScanKind::Pcap {
                return Err(AppError::File {
                    path: path.to_owned(),
                    source: std::io::Error::other("is a directory, not a capture file"),
                });
            }
            return self.scan_folder(case, path, kind, note).await;
        }
        let meta = EvidenceMeta {
            name: file_name(path, "scan"),
            source: Some(format!("{} for a device check", kind)),
            note,
            media_type: None,
        };
        self.scan_reader(case, kind, meta, file, path.to_owned()).await
    }

    /// Checks what `reader` yields (a file, or a web upload as it arrives):
    /// it is sealed into the vault as evidence first, then analysed from the
    /// stored copy. `label` names it in errors.
    pub async fn scan_reader(
        &self,
        case: &CaseId,
        kind: ScanKind,
        meta: EvidenceMeta,
        reader: impl Read + Send + 'static,
        label: PathBuf,
    ) -> Result<ScanReport> {
        self.case(case).await?;
        let (set, used) = self.indicator_set().await?;
        let sealed = self.seal(meta, reader, label.clone(), |_| {}).await?;
        let existing = self.store.evidence_by_hash(case, &sealed.sha256).await?;
        let source = existing.as_ref().map(|r| r.evidence.clone()).unwrap_or(sealed);
        let as_of = jiff::Zoned::now().date();
        let blobs = self.blobs.clone();
        let sha = source.sha256;
        let input = PathBuf::from(&source.original_name);
        let analysed = tokio::task::spawn_blocking(move || analyse(kind, &input, &blobs, &sha, &set, as_of));
        let analysis = analysed.await.map_err(|e| AppError::File {
            path: label.clone(),
            source: std::io::Error::other(e.to_string()),
        })??;
        let mut settings = BTreeMap::new();
        if kind != ScanKind::Pcap {
            settings.insert("as_of".to_owned(), as_of.to_string());
        }
        self.record_scan(case, source, existing.is_none(), kind, settings, used, analysis)
            .await
    }

    /// An acquisition folder (AndroidQF writes one): the files the analysis
    /// reads are packed into one zip in AndroidQF's layout, which becomes the
    /// evidence, and exactly that in-memory copy is analysed, so the
    /// evidence is what was checked even if the folder changes afterwards.
    async fn scan_folder(
        &self,
        case: &CaseId,
        path: &Path,
        kind: ScanKind,
        note: Option<String>,
    ) -> Result<ScanReport> {
        let (set, used) = self.indicator_set().await?;
        let as_of = jiff::Zoned::now().date();
        let folder = path.to_owned();
        let read = tokio::task::spawn_blocking(move || -> Result<_> {
            let failed = |detail: String| AppError::Scan {
                file: folder.display().to_string(),
                detail,
            };
            let acquisition = cairn_scan::android::Acquisition::open(&folder).map_err(|e| failed(e.to_string()))?;
            let zip = acquisition.to_zip().map_err(|e| failed(e.to_string()))?;
            Ok((zip, analyse_acquisition(&acquisition, &set, as_of)))
        });
        let (zip, analysis) = read.await.map_err(|e| AppError::Scan {
            file: path.display().to_string(),
            detail: e.to_string(),
        })??;
        let meta = EvidenceMeta {
            name: format!("{}.zip", file_name(path, "acquisition")),
            source: Some(format!("{kind} folder for a device check, packed by Cairn")),
            note,
            media_type: Some("application/zip".into()),
        };
        let sealed = self
            .seal(meta, std::io::Cursor::new(zip), path.to_owned(), |_| {})
            .await?;
        let existing = self.store.evidence_by_hash(case, &sealed.sha256).await?;
        let source = existing.as_ref().map(|r| r.evidence.clone()).unwrap_or(sealed);
        let mut settings = BTreeMap::new();
        settings.insert("as_of".to_owned(), as_of.to_string());
        settings.insert("packed_from_folder".to_owned(), "true".to_owned());
        self.record_scan(case, source, existing.is_none(), kind, settings, used, analysis)
            .await
    }

    /// Records one check: the evidence it read (when new to the case) and a
    /// `scan_recorded` event with the findings as data.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn record_scan(
        &self,
        case: &CaseId,
        source: cairn_core::Evidence,
        new_evidence: bool,
        kind: ScanKind,
        settings: BTreeMap<String, String>,
        used: Vec<IndicatorSourceRef>,
        analysis: Analysis,
    ) -> Result<ScanReport> {
        let scan = ScanRecorded {
            source: source.id.clone(),
            source_sha256: source.sha256,
            kind,
            analyzer: "cairn-scan".into(),
            analyzer_version: env!("CARGO_PKG_VERSION").into(),
            settings,
            indicator_sources: used,
            counts: SeverityCounts::of(&analysis.findings),
            outcome: analysis.outcome,
            checked: analysis.checked,
            gaps: analysis.gaps,
            findings: analysis.findings,
        };
        let mut events = Vec::new();
        if new_evidence {
            events.push(EventBody::EvidenceAdded(source.clone()));
        }
        events.push(EventBody::ScanRecorded(scan.clone()));
        let appended = self.append(case, events).await?;
        let seq = appended.events.last().map(|e| e.seq).unwrap_or_default();
        Ok(ScanReport {
            evidence: self.evidence(case, &source.id).await?,
            record: ScanRecord { seq, scan },
        })
    }

    /// Checks recorded in a case, oldest first.
    pub async fn scans(&self, case: &CaseId) -> Result<Vec<ScanRecord>> {
        self.case(case).await?;
        Ok(self.store.scans(case).await?)
    }
}

pub(crate) struct Analysis {
    findings: Vec<ScanFinding>,
    outcome: ScanOutcome,
    checked: Vec<String>,
    gaps: Vec<ScanGap>,
}

/// Every input is read back from the vault's *stored* copy (decrypted as it
/// is read, seekable for zips), so what is analysed is exactly what was
/// hashed, and nothing unencrypted is ever written for it.
fn analyse(
    kind: ScanKind,
    path: &Path,
    blobs: &cairn_store::BlobStore,
    sha: &Hash,
    set: &IndicatorSet,
    as_of: jiff::civil::Date,
) -> Result<Analysis> {
    let failed = |detail: String| AppError::Scan {
        file: path.display().to_string(),
        detail,
    };
    let (findings, coverage) = match kind {
        ScanKind::Pcap => {
            let reader = std::io::BufReader::with_capacity(1 << 20, blobs.reader(sha)?);
            let mut report = cairn_scan::analyze_capture(reader, set).map_err(|e| failed(e.to_string()))?;
            report.source = Some(file_name(path, "capture"));
            (report.findings(), report.coverage)
        }
        _ => {
            let shown = file_name(path, "acquisition");
            let acquisition = cairn_scan::android::Acquisition::read(blobs.reader(sha)?, &shown)
                .map_err(|e| failed(e.to_string()))?;
            return Ok(analyse_acquisition(&acquisition, set, as_of));
        }
    };
    Ok(analysis_of(&findings, &coverage))
}

/// An Android acquisition checked as of a day (patch age is relative to it).
pub(crate) fn analyse_acquisition(
    acquisition: &cairn_scan::android::Acquisition,
    set: &IndicatorSet,
    as_of: jiff::civil::Date,
) -> Analysis {
    let options = cairn_scan::AndroidOptions::as_of(as_of);
    let report = cairn_scan::android::analyze_acquisition(acquisition, set, &options);
    analysis_of(&report.findings, &report.coverage)
}

/// Findings and coverage as the journal records them.
pub(crate) fn analysis_of(findings: &[cairn_scan::Finding], coverage: &cairn_scan::Coverage) -> Analysis {
    let outcome = match coverage.outcome(findings) {
        cairn_scan::Outcome::Concerns => ScanOutcome::Concerns,
        cairn_scan::Outcome::MinorOnly => ScanOutcome::MinorOnly,
        cairn_scan::Outcome::NothingFoundWithinLimits => ScanOutcome::NothingFoundWithinLimits,
        _ => ScanOutcome::NothingFoundIncomplete,
    };
    Analysis {
        findings: findings.iter().map(finding).collect(),
        outcome,
        checked: coverage.checked.iter().map(serde_name).collect(),
        gaps: coverage.gaps.iter().map(gap).collect(),
    }
}

fn finding(f: &cairn_scan::Finding) -> ScanFinding {
    let severity = match f.severity {
        cairn_scan::Severity::High => ScanSeverity::High,
        cairn_scan::Severity::Medium => ScanSeverity::Medium,
        cairn_scan::Severity::Low => ScanSeverity::Low,
        cairn_scan::Severity::Info => ScanSeverity::Info,
    };
    let params = f
        .params
        .iter()
        .map(|(k, v)| {
            let v = match v {
                cairn_scan::Param::Number(n) => ScanParam::Number(*n),
                cairn_scan::Param::Text(s) => ScanParam::Text(s.clone()),
            };
            (k.clone(), v)
        })
        .collect();
    let indicators = f
        .indicator
        .iter()
        .map(|i| IndicatorHit {
            app: i.app.clone(),
            category: serde_name(&i.category),
            kind: serde_name(&i.kind),
            indicator: i.indicator.clone(),
            source_sha256: i.set_sha256.parse().unwrap_or(Hash([0; 32])),
        })
        .collect();
    ScanFinding {
        kind: f.kind.as_str().to_owned(),
        severity,
        params,
        indicators,
        evidence: f.evidence.clone(),
    }
}

/// Gaps are flattened to an area, a reason and integer or text parameters,
/// which is all the wording needs and keeps the event free of nested types
/// owned by another crate.
fn gap(g: &cairn_scan::Gap) -> ScanGap {
    let mut params = BTreeMap::new();
    let mut reason = String::new();
    if let Ok(serde_json::Value::Object(map)) = serde_json::to_value(&g.reason) {
        for (k, v) in map {
            match (k.as_str(), v) {
                ("reason", serde_json::Value::String(s)) => reason = s,
                (_, serde_json::Value::String(s)) => {
                    params.insert(k, ScanParam::Text(s));
                }
                (_, serde_json::Value::Number(n)) => {
                    if let Some(n) = n.as_i64() {
                        params.insert(k, ScanParam::Number(n));
                    }
                }
                _ => {}
            }
        }
    }
    ScanGap {
        area: serde_name(&g.area),
        reason,
        params,
    }
}

fn serde_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => "unknown".into(),
    }
}

/// Size and modification time, to notice a file rewritten under us.
fn file_name(path: &Path, fallback: &str) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| fallback.into())
}
