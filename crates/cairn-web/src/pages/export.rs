//! Exports from the browser: the court packet and the documents, built in
//! memory and sent as a download (never through an unencrypted temporary
//! file), and the case's disclosure history from the journal.

use std::sync::Arc;

use askama::Template;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use cairn_app::core::{CaseId, Named, Selection, SubjectId};
use cairn_app::{AppError, Destination, Document, DocumentRequest, PacketRequest, SqliteStore, Vault, Written};
use cairn_i18n::Tr;
use cairn_i18n::export::PacketText;

use super::{case_id, load_case};
use crate::render::{FormData, Layout, Open, PageError, PageResult, page};
use crate::state::Session;

/// The largest export built for a download; larger ones are for
/// `cairn export`, which streams to a file.
const DOWNLOAD_LIMIT: u64 = 512 * 1024 * 1024;

/// The kinds offered, as `(form value, label id)`.
const KINDS: [(&str, &str); 6] = [
    ("packet", "export-kind-packet"),
    ("chronology_pdf", "export-kind-chronology_pdf"),
    ("chronology_csv", "export-kind-chronology_csv"),
    ("incidents_csv", "export-kind-incidents_csv"),
    ("messages_csv", "export-kind-messages_csv"),
    ("ic3_worksheet", "export-kind-ic3_worksheet"),
];

struct DisclosureRow {
    seq: u64,
    when: String,
    actor: String,
    kind: String,
    recipient: String,
    purpose: String,
    evidence: usize,
}

#[derive(Template)]
#[template(path = "export.html")]
struct ExportPage {
    l: Layout,
    case: String,
    kinds: Vec<(&'static str, String)>,
    subjects: Vec<(String, String)>,
    history: Vec<DisclosureRow>,
}

pub async fn form(Open { vault, session }: Open, Path(raw): Path<String>) -> PageResult {
    render(&vault, &session, &raw, None).await
}

async fn render(vault: &Vault<SqliteStore>, session: &Session, raw: &str, error: Option<String>) -> PageResult {
    let case = case_id(session, raw)?;
    let summary = load_case(vault, session, &case).await?;
    let t = Tr(session.lang);
    let subjects = vault.subjects(&case).await.map_err(|e| PageError::app(session, &e))?;
    let history = vault
        .disclosures(&case)
        .await
        .map_err(|e| PageError::app(session, &e))?
        .into_iter()
        .rev()
        .map(|d| DisclosureRow {
            seq: d.seq,
            when: t.timestamp(d.recorded_at),
            actor: d.actor,
            kind: t.get(&format!("export-kind-{}", d.value.kind.name())),
            recipient: d.value.recipient,
            purpose: d.value.purpose.unwrap_or_default(),
            evidence: d.value.evidence.len(),
        })
        .collect();
    let mut l = Layout::new(session, "export-web-heading", true).in_case(case.as_str(), &summary.label, "export");
    l.error = error;
    Ok(page(ExportPage {
        case: case.to_string(),
        kinds: KINDS.iter().map(|(value, id)| (*value, t.get(id))).collect(),
        subjects: subjects.into_iter().map(|s| (s.id.to_string(), s.name)).collect(),
        history,
        l,
    }))
}

/// A form value the person can fix, worded for them.
struct Refused(String);

fn selection(t: Tr, form: &FormData) -> Result<Selection, Refused> {
    let date = |name: &str| -> Result<Option<jiff::civil::Date>, Refused> {
        form.text(name)
            .map(|raw| {
                raw.parse()
                    .map_err(|_| Refused(t.with("export-web-bad-date", &[("value", cairn_i18n::Arg::Text(raw))])))
            })
            .transpose()
    };
    let subjects = form
        .all("subject")
        .iter()
        .map(|raw| raw.parse::<SubjectId>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| Refused(t.get("error-page-not-found")))?;
    Ok(Selection {
        subjects,
        from: date("from")?,
        to: date("to")?,
        original_images: form.checked("original_images"),
        ..Selection::default()
    })
}

pub async fn export(Open { vault, session }: Open, Path(raw): Path<String>, form: FormData) -> PageResult {
    let case = case_id(&session, &raw)?;
    let t = Tr(session.lang);
    let refuse = |message: String| async {
        let mut response = render(&vault, &session, &raw, Some(message)).await?;
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        Ok::<Response, PageError>(response)
    };
    let kind = form.get("kind").unwrap_or_default().to_owned();
    let selection = match selection(t, &form) {
        Ok(selection) => selection,
        Err(Refused(message)) => return refuse(message).await,
    };
    let recipient = form.get("recipient").unwrap_or_default().to_owned();
    let purpose = form.text("purpose");
    let made = build(&vault, &case, t, &kind, selection, recipient, purpose).await;
    match made {
        Ok(Some((bytes, media_type, name))) => Ok(download(bytes, media_type, &name)),
        Ok(None) => refuse(t.get("export-web-pick-kind")).await,
        Err(e @ (AppError::Invalid(_) | AppError::TooLargeForDownload { .. } | AppError::TooManyForPdf { .. })) => {
            refuse(cairn_i18n::describe_app_error(t, &e)).await
        }
        Err(e) => Err(PageError::app(&session, &e)),
    }
}

type Download = (Vec<u8>, &'static str, String);

async fn build(
    vault: &Vault<SqliteStore>,
    case: &CaseId,
    t: Tr,
    kind: &str,
    selection: Selection,
    recipient: String,
    purpose: Option<String>,
) -> Result<Option<Download>, AppError> {
    let wording = Arc::new(PacketText(t));
    let destination = Destination::Memory { limit: DOWNLOAD_LIMIT };
    let (document, media_type, suffix) = match kind {
        "packet" => {
            let request = PacketRequest {
                case: case.clone(),
                selection,
                recipient,
                purpose,
                destination,
            };
            let summary = vault.export_packet(request, wording, |_, _| {}).await?;
            return Ok(bytes(summary.written).map(|b| (b, "application/zip", format!("{case}-packet.zip"))));
        }
        "chronology_pdf" => (Document::ChronologyPdf, "application/pdf", "chronology.pdf"),
        "chronology_csv" => (Document::ChronologyCsv, "text/csv; charset=utf-8", "chronology.csv"),
        "incidents_csv" => (Document::IncidentsCsv, "text/csv; charset=utf-8", "incidents.csv"),
        "messages_csv" => (Document::MessagesCsv, "text/csv; charset=utf-8", "messages.csv"),
        "ic3_worksheet" => (Document::Ic3Worksheet, "text/plain; charset=utf-8", "ic3-worksheet.txt"),
        _ => return Ok(None),
    };
    let request = DocumentRequest {
        case: case.clone(),
        document,
        selection: Selection {
            original_images: false,
            ..selection
        },
        recipient,
        purpose,
        destination,
    };
    let summary = vault.export_document(request, wording).await?;
    Ok(bytes(summary.written).map(|b| (b, media_type, format!("{case}-{suffix}"))))
}

fn bytes(written: Written) -> Option<Vec<u8>> {
    match written {
        Written::Memory(bytes) => Some(bytes),
        Written::File(_) => None,
    }
}

/// The file as a download; the security layer adds `no-store` and the CSP.
fn download(bytes: Vec<u8>, media_type: &'static str, name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, media_type.to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        bytes,
    )
        .into_response()
}
