//! What an import found, shown in the response to the upload itself: the
//! report carries the skipped records and their reasons, which the journal
//! only counts, so there is no later page that could show them again.

use askama::Template;
use cairn_app::core::{CaseId, Named, PhotoFacts};
use cairn_app::{ImportReport, SqliteStore, Vault};
use cairn_i18n::{Arg, Tr};

use super::counterparts::{CounterpartView, counterpart_view, subject_choices};
use crate::render::{Layout, PageError, PageResult, page};
use crate::state::Session;

/// How many skipped records are listed; the rest are counted.
const SKIPPED_SHOWN: usize = 100;

#[derive(Template)]
#[template(path = "import_result.html")]
struct ResultPage {
    l: Layout,
    case: String,
    already: Option<String>,
    heading: String,
    fields: Vec<(String, String)>,
    evidence_href: String,
    sha256: String,
    /// `(label, number)`; empty for a photo, which holds no messages.
    counts: Vec<(String, String)>,
    mismatch: Option<String>,
    /// `(where in the file, why)`.
    skipped: Vec<(String, String)>,
    skipped_more: Option<String>,
    missing_media: Option<String>,
    photo: Vec<String>,
    rows: Vec<CounterpartView>,
    subjects: Vec<(String, String)>,
}

fn text(value: impl ToString) -> Arg {
    Arg::Text(value.to_string())
}

fn number(value: u64) -> Arg {
    Arg::Number(value as f64)
}

/// "The file says…": what a photo's metadata claims, worded as a claim.
fn photo_lines(t: Tr, photo: &PhotoFacts) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(at) = &photo.captured_local {
        lines.push(match &photo.offset {
            Some(offset) => t.with(
                "import-result-photo-taken",
                &[("at", text(t.sort_key(at))), ("offset", text(offset))],
            ),
            None => t.arg("import-result-photo-taken-no-zone", "at", t.sort_key(at)),
        });
    }
    let device: Vec<&str> = [&photo.make, &photo.model]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if !device.is_empty() {
        lines.push(t.arg("import-result-photo-device", "device", device.join(" ")));
    }
    if let (Some(lat), Some(lon)) = (&photo.latitude, &photo.longitude) {
        lines.push(t.with("import-result-photo-place", &[("lat", text(lat)), ("lon", text(lon))]));
    }
    if lines.is_empty() {
        lines.push(t.get("import-result-photo-nothing"));
    }
    lines
}

pub async fn show(
    vault: &Vault<SqliteStore>,
    session: &Session,
    case: &CaseId,
    label: &str,
    report: ImportReport,
) -> PageResult {
    let subjects = vault.subjects(case).await.map_err(|e| PageError::app(session, &e))?;
    let t = Tr(session.lang);
    let id = case.to_string();
    let e = &report.evidence.evidence;
    let import = &report.import.import;
    let x = &import.extracted;
    let kind = t.get(&format!("import-kind-{}", import.kind.name()));

    let mut fields = vec![
        (t.get("import-result-kind"), kind.clone()),
        (t.get("col-name"), e.original_name.clone()),
        (t.get("import-result-evidence"), e.id.to_string()),
        (
            t.get("import-result-importer"),
            format!("{} v{}", import.importer, import.importer_version),
        ),
    ];
    let zone = report
        .summary
        .as_ref()
        .and_then(|s| s.time_zone.clone())
        .or_else(|| import.settings.get("time_zone").cloned());
    if let Some(zone) = zone {
        fields.push((t.get("import-result-time-zone"), zone));
    }

    let counts = if import.photo.is_some() {
        Vec::new()
    } else {
        vec![
            (t.get("import-result-read"), t.number(x.communications)),
            (t.get("import-result-new"), t.number(x.added)),
            (
                t.get("import-result-repeated"),
                t.number(x.communications.saturating_sub(x.added)),
            ),
            (t.get("import-result-files"), t.number(x.attachments)),
            (t.get("import-result-skipped"), t.number(x.skipped)),
        ]
    };
    let found = x.communications + x.skipped;
    let mismatch = x.declared_records.filter(|d| *d != found).map(|declared| {
        t.with(
            "import-result-declared-mismatch",
            &[("declared", number(declared)), ("found", number(found))],
        )
    });

    let details = report
        .summary
        .as_ref()
        .map(|s| s.skip_details.as_slice())
        .unwrap_or_default();
    let skipped: Vec<(String, String)> = details
        .iter()
        .take(SKIPPED_SHOWN)
        .map(|s| {
            let at = &s.source;
            let place = match &at.entry {
                Some(entry) => t.with(
                    "import-at-entry",
                    &[
                        ("entry", text(entry)),
                        ("line", number(at.line)),
                        ("offset", number(at.byte_offset)),
                    ],
                ),
                None => t.with(
                    "import-at",
                    &[("line", number(at.line)), ("offset", number(at.byte_offset))],
                ),
            };
            (place, cairn_i18n::describe_skip_reason(t, &s.reason))
        })
        .collect();
    let unlisted = x.skipped.saturating_sub(skipped.len() as u64);
    let skipped_more = (!skipped.is_empty() && unlisted > 0).then(|| t.count("import-result-skipped-more", unlisted));
    let missing = report
        .summary
        .as_ref()
        .map(|s| s.missing_media.len() as u64)
        .unwrap_or(x.missing_media);
    let missing_media = (missing > 0).then(|| t.count("import-result-missing-media", missing));

    let (names, choices) = subject_choices(&subjects);
    let already = report.already_imported.then(|| {
        t.with(
            "import-result-already",
            &[("name", text(&e.original_name)), ("id", text(&e.id))],
        )
    });
    let heading = if already.is_some() {
        t.get("import-result-already-heading")
    } else {
        t.arg("import-result-heading", "kind", &kind)
    };
    let mut l = Layout::new(session, "title-import-result", true).in_case(&id, label, "import");
    l.title = heading.clone();
    Ok(page(ResultPage {
        already,
        heading,
        fields,
        evidence_href: format!("/cases/{id}/evidence/{}", e.id),
        sha256: e.sha256.to_string(),
        counts,
        mismatch,
        skipped,
        skipped_more,
        missing_media,
        photo: import.photo.as_ref().map(|p| photo_lines(t, p)).unwrap_or_default(),
        rows: report
            .unassigned
            .iter()
            .map(|c| counterpart_view(t, &id, c, &names))
            .collect(),
        subjects: choices,
        case: id,
        l,
    }))
}
