//! The export page: each kind downloads from memory with the security
//! headers, is recorded in the history, and a bad request re-renders the
//! form with a clear message and records nothing.

use crate::common::*;
use axum::http::StatusCode;
use cairn_app::report::packet::{self, PacketFiles};

fn header<'a>(reply: &'a Reply, name: &str) -> &'a str {
    reply.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
}

async fn case_with_incidents(c: &mut Client) -> String {
    c.setup().await;
    let case = c.new_case("Maria R.").await;
    let subjects = format!("/cases/{case}/subjects");
    let added = c
        .submit(
            &subjects,
            &subjects,
            &[
                ("name", "J. Doe"),
                ("relationship", "former_partner"),
                ("phones", "+1 555 123 4567"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let form = format!("/cases/{case}/incidents/new");
    let create = format!("/cases/{case}/incidents");
    for (date, narrative) in [("2026-02-03", "Waited outside work."), ("2026-01-02", "=1+1 on my car")] {
        let reply = c
            .submit(
                &form,
                &create,
                &[("date", date), ("channel", "in_person"), ("narrative", narrative)],
            )
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    }
    case
}

#[tokio::test]
async fn each_kind_downloads_and_is_recorded() {
    let mut c = Client::new();
    let case = case_with_incidents(&mut c).await;
    let page = format!("/cases/{case}/export");
    let empty = c.get(&page).await;
    assert!(
        empty.body.contains("Nothing from this case has been exported yet"),
        "{}",
        empty.body
    );
    assert_security_headers(&empty);

    let csv = c
        .submit(
            &page,
            &page,
            &[("kind", "chronology_csv"), ("recipient", "Family court")],
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.body);
    assert_security_headers(&csv);
    assert!(header(&csv, "content-type").starts_with("text/csv"));
    assert_eq!(
        header(&csv, "content-disposition"),
        format!("attachment; filename=\"{case}-chronology.csv\"")
    );
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines.len(), 3, "{}", csv.body);
    assert!(
        lines[1].starts_with("1,2026-01-02,") && lines[1].contains(",'=1+1 on my car,"),
        "{}",
        lines[1]
    );

    let zip = c
        .submit(&page, &page, &[("kind", "packet"), ("recipient", "Prosecutor")])
        .await;
    assert_eq!(header(&zip, "content-type"), "application/zip");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("packet.zip");
    std::fs::write(&path, &zip.bytes).unwrap();
    let verified = packet::verify(&PacketFiles::open(&path).unwrap(), &|_| {});
    assert!(verified.failures.is_empty(), "{:?}", verified.failures);

    let pdf = c
        .submit(&page, &page, &[("kind", "chronology_pdf"), ("recipient", "Court")])
        .await;
    assert!(pdf.bytes.starts_with(b"%PDF-"), "a PDF");

    let history = c.get(&page).await;
    for recipient in ["Family court", "Prosecutor", "Court"] {
        assert!(history.body.contains(recipient), "{}", history.body);
    }
    assert!(history.body.contains("chronology (CSV)") && history.body.contains("court packet"));
    c.close().await;
}

#[tokio::test]
async fn bad_requests_re_render_the_form_and_record_nothing() {
    let mut c = Client::new();
    let case = case_with_incidents(&mut c).await;
    let page = format!("/cases/{case}/export");
    let blank = c
        .submit(&page, &page, &[("kind", "ic3_worksheet"), ("recipient", " ")])
        .await;
    assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(blank.body.contains("<form"), "the form again");
    let date = c
        .submit(
            &page,
            &page,
            &[("kind", "messages_csv"), ("recipient", "Me"), ("from", "last week")],
        )
        .await;
    assert_eq!(date.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(date.body.contains("is not a date"), "{}", date.body);
    let kind = c
        .submit(&page, &page, &[("kind", "everything"), ("recipient", "Me")])
        .await;
    assert_eq!(kind.status, StatusCode::UNPROCESSABLE_ENTITY);
    let history = c.get(&page).await;
    assert!(history.body.contains("Nothing from this case has been exported yet"));
    c.close().await;
}
