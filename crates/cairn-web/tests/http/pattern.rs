//! The pattern page: the numbers in words and the charts inline, under the
//! same strict CSP as every page.

use crate::common::import::*;
use crate::common::*;
use axum::http::StatusCode;

#[tokio::test]
async fn pattern_page_shows_numbers_and_accessible_charts() {
    let mut c = Client::new();
    c.setup().await;
    let case = c.new_case("Pattern").await;
    let empty = c.get(&format!("/cases/{case}/pattern")).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(empty.body.contains("import an export first"), "{}", empty.body);

    let reply = import(
        &mut c,
        &case,
        &[("kind", "sms_backup")],
        "backup.xml",
        &fixture("sms/backup.xml"),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let page = c
        .get(&format!(
            "/cases/{case}/pattern?tz=America/Los_Angeles&no_contact_from=2024-03-09"
        ))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_security_headers(&page);
    let body = &page.body;
    assert!(body.contains("days and hours in America/Los_Angeles"), "{body}");
    assert!(
        body.contains("<h2 id=\"party-1\">+14155550142</h2>"),
        "the most frequent first: {body}"
    );
    assert!(
        body.contains("after no contact was asked (Mar 9, 2024): 3 contacts"),
        "{body}"
    );
    let charts = body.matches("<svg").count();
    assert!(charts >= 3, "a timeline plus two charts per person: {charts}");
    assert_eq!(charts, body.matches("role=\"img\"").count());
    assert!(!body.contains("style="), "the CSP forbids style attributes");
    assert!(body.contains("Contacts per day: +14155550142"));

    let spanish = c.get(&format!("/cases/{case}/pattern?tz=UTC&lang=es")).await;
    assert_eq!(spanish.status, StatusCode::OK);
    let bad = c.get(&format!("/cases/{case}/pattern?tz=Mars/Olympus")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Mars/Olympus"), "{}", bad.body);
    c.close().await;
}
