//! Device and network checks of a case, read-only: every check with its
//! outcome, and one check's findings grouped by severity, each explained in
//! plain words with its caution; `?app=` narrows a check to one app. The
//! outcome never says "clean": indicator lists are incomplete.

use askama::Template;
use axum::extract::{Path, Query};
use cairn_app::core::{Named, ScanFinding, ScanParam, ScanSeverity};
use cairn_i18n::{Arg, Tr};
use serde::Deserialize;

use super::{case_id, load_case};
use crate::render::{Layout, Open, PageError, PageResult, page};

const SEVERITIES: [ScanSeverity; 4] = [
    ScanSeverity::High,
    ScanSeverity::Medium,
    ScanSeverity::Low,
    ScanSeverity::Info,
];

struct CheckRow {
    seq: u64,
    when: String,
    kind: String,
    source: String,
    outcome: String,
    counts: String,
}

#[derive(Template)]
#[template(path = "checks.html")]
struct ChecksPage {
    l: Layout,
    case: String,
    rows: Vec<CheckRow>,
    kinds: Vec<(&'static str, String)>,
}

struct FindingView {
    title: String,
    means: String,
    not_means: String,
    caution: String,
    app: Option<String>,
    indicators: Vec<String>,
    seen_in: String,
}

struct SeverityGroup {
    heading: String,
    class: &'static str,
    findings: Vec<FindingView>,
}

#[derive(Template)]
#[template(path = "check.html")]
struct CheckPage {
    l: Layout,
    case: String,
    seq: u64,
    heading: String,
    source: String,
    outcome: String,
    app: Option<String>,
    apps: Vec<String>,
    groups: Vec<SeverityGroup>,
    gaps: Vec<String>,
    caution: Option<String>,
    /// Who can help plan the next step, beside concerns.
    helpers: Vec<String>,
}

#[derive(Deserialize, Default)]
pub struct CheckParams {
    app: Option<String>,
}

/// The app (package or name) a finding is about, if any.
fn app_of(f: &ScanFinding) -> Option<String> {
    ["package", "app"].iter().find_map(|k| match f.params.get(*k) {
        Some(ScanParam::Text(v)) if !v.is_empty() => Some(v.clone()),
        _ => None,
    })
}

pub async fn list(Open { vault, session }: Open, Path(raw): Path<String>) -> PageResult {
    let case = case_id(&session, &raw)?;
    let summary = load_case(&vault, &session, &case).await?;
    let t = Tr(session.lang);
    let scans = vault.scans(&case).await.map_err(|e| PageError::app(&session, &e))?;
    let evidence = vault
        .evidence_list(&case)
        .await
        .map_err(|e| PageError::app(&session, &e))?;
    let rows = scans
        .iter()
        .rev()
        .map(|r| {
            let s = &r.scan;
            let source = evidence
                .iter()
                .find(|e| e.evidence.id == s.source)
                .map_or_else(|| s.source.to_string(), |e| e.evidence.original_name.clone());
            let when = evidence
                .iter()
                .find(|e| e.evidence.id == s.source)
                .map(|e| t.timestamp(e.evidence.acquired_at))
                .unwrap_or_default();
            CheckRow {
                seq: r.seq,
                when,
                kind: t.get(&format!("scan-kind-{}", s.kind.name())),
                source,
                outcome: cairn_i18n::describe_outcome(t, s.outcome),
                counts: t.with(
                    "checks-web-counts",
                    &[
                        ("high", Arg::Number(s.counts.high as f64)),
                        ("medium", Arg::Number(s.counts.medium as f64)),
                        ("low", Arg::Number(s.counts.low as f64)),
                    ],
                ),
            }
        })
        .collect();
    let l = Layout::new(&session, "checks-web-heading", true).in_case(case.as_str(), &summary.label, "checks");
    let kinds = ["androidqf", "bugreport", "pcap"]
        .iter()
        .map(|k| (*k, t.get(&format!("scan-kind-{k}"))))
        .collect();
    Ok(page(ChecksPage {
        l,
        case: case.to_string(),
        rows,
        kinds,
    }))
}

pub async fn show(
    Open { vault, session }: Open,
    Path((raw, seq)): Path<(String, u64)>,
    Query(params): Query<CheckParams>,
) -> PageResult {
    let case = case_id(&session, &raw)?;
    let summary = load_case(&vault, &session, &case).await?;
    let t = Tr(session.lang);
    let scans = vault.scans(&case).await.map_err(|e| PageError::app(&session, &e))?;
    let record = scans
        .into_iter()
        .find(|r| r.seq == seq)
        .ok_or_else(|| PageError::not_found(&session))?;
    let scan = record.scan;
    let evidence = vault
        .evidence(&case, &scan.source)
        .await
        .map_err(|e| PageError::app(&session, &e))?;
    let mut apps: Vec<String> = scan.findings.iter().filter_map(app_of).collect();
    apps.sort();
    apps.dedup();
    let app = params.app.filter(|a| apps.contains(a));
    let groups = SEVERITIES
        .iter()
        .filter_map(|severity| {
            let findings: Vec<FindingView> = scan
                .findings
                .iter()
                .filter(|f| f.severity == *severity)
                .filter(|f| app.is_none() || app_of(f) == app)
                .map(|f| {
                    let text = cairn_i18n::describe_finding(t, f);
                    FindingView {
                        title: text.title,
                        means: text.means,
                        not_means: text.not_means,
                        caution: text.caution,
                        app: app_of(f),
                        indicators: f
                            .indicators
                            .iter()
                            .map(|hit| {
                                t.with(
                                    "scan-matched-indicator",
                                    &[
                                        ("indicator", Arg::Text(hit.indicator.clone())),
                                        ("app", Arg::Text(hit.app.clone())),
                                    ],
                                )
                            })
                            .collect(),
                        seen_in: f.evidence.join(", "),
                    }
                })
                .collect();
            (!findings.is_empty()).then(|| SeverityGroup {
                heading: t.with(
                    &format!("scan-severity-{}", severity.name()),
                    &[("count", Arg::Number(findings.len() as f64))],
                ),
                class: severity.name(),
                findings,
            })
        })
        .collect();
    let concerns = scan.counts.high + scan.counts.medium + scan.counts.low > 0;
    let l = Layout::new(&session, "checks-web-heading", true).in_case(case.as_str(), &summary.label, "checks");
    Ok(page(CheckPage {
        l,
        case: case.to_string(),
        seq,
        heading: t.get(&format!("scan-kind-{}", scan.kind.name())),
        source: format!(
            "{} · SHA-256 {}",
            evidence.evidence.original_name, evidence.evidence.sha256
        ),
        outcome: cairn_i18n::describe_outcome(t, scan.outcome),
        app,
        apps,
        groups,
        gaps: scan.gaps.iter().map(|g| cairn_i18n::describe_gap(t, g)).collect(),
        caution: concerns.then(|| t.get("scan-caution-general")),
        helpers: if concerns {
            cairn_app::resources_offering("technology_safety")
                .unwrap_or_default()
                .iter()
                .map(|r| r.one_line())
                .collect()
        } else {
            Vec::new()
        },
    }))
}

/// Runs a check on an uploaded capture, AndroidQF zip or bug report: the
/// bytes stream into the vault (encrypted as they arrive), are analysed from
/// the stored copy, and the person lands on the findings.
pub async fn upload(
    Open { vault, session }: Open,
    Path(raw): Path<String>,
    mut multipart: axum::extract::Multipart,
) -> Result<axum::response::Response, PageError> {
    use axum::response::{IntoResponse, Redirect};
    use cairn_app::EvidenceMeta;
    use cairn_app::core::ScanKind;
    let case = case_id(&session, &raw)?;
    load_case(&vault, &session, &case).await?;
    let t = Tr(session.lang);
    let bad_request = || PageError::new(&session, axum::http::StatusCode::BAD_REQUEST, t.get("error-upload"));
    let (mut csrf_checked, mut kind, mut note) = (false, None, None);
    while let Some(field) = multipart.next_field().await.map_err(|_| bad_request())? {
        let name = field.name().unwrap_or_default().to_owned();
        if field.file_name().is_none() {
            let value = field.text().await.map_err(|_| bad_request())?;
            match name.as_str() {
                "csrf" => csrf_checked = crate::security::csrf_ok(&session, &value),
                "kind" => kind = ScanKind::parse_named(&value).ok().filter(|k| *k != ScanKind::Adb),
                "note" => note = Some(value).filter(|v| !v.trim().is_empty()),
                _ => {}
            }
            continue;
        }
        // The token and the kind come first in the form, before any bytes.
        if !csrf_checked {
            return Err(PageError::csrf(&session));
        }
        let Some(kind) = kind else {
            return Err(bad_request());
        };
        let file_name = field.file_name().unwrap_or("check").to_owned();
        if file_name.is_empty() {
            return Err(bad_request());
        }
        let meta = EvidenceMeta {
            name: file_name.clone(),
            source: Some(format!("{kind} uploaded for a device check")),
            note: note.clone(),
            media_type: field.content_type().map(str::to_owned),
        };
        let (reader, feed) = super::evidence::field_reader(field);
        let (_, report) = tokio::join!(feed, vault.scan_reader(&case, kind, meta, reader, file_name.into()));
        let report = report.map_err(|e| PageError::app(&session, &e))?;
        return Ok(Redirect::to(&format!("/cases/{case}/checks/{}", report.record.seq)).into_response());
    }
    if !csrf_checked {
        return Err(PageError::csrf(&session));
    }
    Err(bad_request())
}
