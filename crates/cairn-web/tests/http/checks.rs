//! The checks pages: a live phone check (against the replaying adb server)
//! listed with its outcome, its findings grouped by severity with their
//! explanations and cautions, and narrowed to one app.

use std::path::PathBuf;
use std::time::Duration;

use crate::common::import::{BOUNDARY, multipart};
use crate::common::*;
use axum::body::Body;
use axum::http::{StatusCode, header};
use cairn_app::LiveScanRequest;
use cairn_app::core::CaseId;
use cairn_i18n::Lang;
use cairn_scan::adb::replay::{RecordedDevice, ReplayServer};

fn data(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

#[tokio::test]
async fn checks_are_listed_and_explained_by_severity_and_app() {
    let (mut c, state) = Client::with_idle(Duration::from_secs(900));
    c.setup().await;
    let case = c.new_case("Maria R.").await;
    let empty = c.get(&format!("/cases/{case}/checks")).await;
    assert!(
        empty.body.contains("No device or network check in this case yet"),
        "{}",
        empty.body
    );
    assert_security_headers(&empty);

    let id = c.cookie.as_deref().and_then(|v| v.strip_prefix("cairn_session="));
    let (session, _) = state.session(id, Lang::En);
    let vault = state.vault_for(&session).await.expect("unlocked");
    let indicators = data("../../shared/data/stalkerware-indicators/ioc.yaml");
    vault.import_indicators(&[indicators], None).await.unwrap();
    let phone = RecordedDevice::load(&data("cairn-scan/tests/data/adb/android10")).unwrap();
    let server = ReplayServer::start(vec![phone], 0).unwrap();
    let case_id: CaseId = case.parse().unwrap();
    let request = LiveScanRequest {
        port: server.addr().port(),
        serial: None,
        note: None,
    };
    let report = vault.scan_android(&case_id, request).await.unwrap();
    let seq = report.record.seq;

    let list = c.get(&format!("/cases/{case}/checks")).await;
    assert!(list.body.contains("live check over USB"), "{}", list.body);
    assert!(list.body.contains(&format!("/cases/{case}/checks/{seq}")));

    let check = c.get(&format!("/cases/{case}/checks/{seq}")).await;
    assert_security_headers(&check);
    let high = check.body.find("High concern").expect("a high group");
    let medium = check.body.find("Medium concern").unwrap_or(usize::MAX);
    assert!(high < medium, "most severe first");
    assert!(check.body.contains("com.systemservice"), "{}", check.body);
    assert!(
        check.body.contains("What it does not mean:"),
        "explained in plain words"
    );
    assert!(!check.body.to_lowercase().contains(">clean<"), "never \"clean\"");

    let one = c
        .get(&format!("/cases/{case}/checks/{seq}?app=com.systemservice"))
        .await;
    assert!(one.body.contains("TheTruthSpy"), "{}", one.body);
    assert!(
        one.body.matches("<article class=\"finding\">").count()
            < check.body.matches("<article class=\"finding\">").count(),
        "narrowed to one app"
    );
    let missing = c.get(&format!("/cases/{case}/checks/999999")).await;
    assert_eq!(missing.status, axum::http::StatusCode::NOT_FOUND);
    c.close().await;
}

async fn upload(c: &mut Client, case: &str, kind: &str, name: &str, bytes: &[u8]) -> Reply {
    let page = format!("/cases/{case}/checks");
    let token = c.get(&page).await.csrf();
    let request = c
        .builder("POST", &page)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(multipart(
            &[("csrf", token.as_str()), ("kind", kind)],
            name,
            bytes,
        )))
        .unwrap();
    c.send(request).await
}

#[tokio::test]
async fn a_file_uploaded_for_a_check_is_kept_checked_and_shown() {
    let mut c = Client::new();
    c.setup().await;
    let case = c.new_case("Maria R.").await;
    let dir = data("cairn-scan/tests/data/bugreport/android13");
    let report = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("bugreport-"))
        .unwrap();
    let bytes = std::fs::read(&report).unwrap();
    let done = upload(&mut c, &case, "bugreport", "bugreport.txt", &bytes).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let shown = c.get(done.location()).await;
    assert!(shown.body.contains("Android bug report"), "{}", shown.body);
    assert!(shown.body.contains("High concern"), "{}", shown.body);
    let evidence = c.get(&format!("/cases/{case}/evidence")).await;
    assert!(evidence.body.contains("bugreport.txt"), "kept as evidence");

    // Not an acquisition: a clear refusal, nothing recorded as a check.
    let junk = upload(&mut c, &case, "androidqf", "photo.jpg", b"\xff\xd8 not a zip").await;
    assert!(junk.status.is_client_error(), "{}", junk.status);
    let list = c.get(&format!("/cases/{case}/checks")).await;
    let rows = list.body.matches(&format!("href=\"/cases/{case}/checks/")).count();
    assert_eq!(rows, 1, "one check, the bug report: {}", list.body);
    let no_kind = upload(&mut c, &case, "adb", "x.zip", b"PK").await;
    assert_eq!(no_kind.status, StatusCode::BAD_REQUEST);
    c.close().await;
}

#[tokio::test]
async fn resources_are_found_by_need_language_and_place() {
    let mut c = Client::new();
    c.setup().await;
    let all = c.get("/resources").await;
    assert_security_headers(&all);
    assert!(
        all.body.contains("1-800-799-7233") && all.body.contains("1-888-373-7888"),
        "{}",
        all.body
    );
    let trafficking = c.get("/resources?need=trafficking&language=es").await;
    assert!(
        trafficking.body.contains("National Human Trafficking Hotline"),
        "{}",
        trafficking.body
    );
    assert!(!trafficking.body.contains("RAINN"), "only what was asked for");
    let none = c.get("/resources?need=immigration&place=Nowhere").await;
    assert!(none.body.contains("No resource matches."), "{}", none.body);
    c.close().await;
}
