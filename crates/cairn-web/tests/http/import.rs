//! Importing exports through the web app: the streamed multipart upload,
//! the result page, progress, refusals and the API.

use crate::common::import::*;
use crate::common::*;
use axum::body::{Body, Bytes};
use axum::http::{StatusCode, header};
use tower::ServiceExt;

#[tokio::test]
async fn an_sms_backup_imports_once_and_reports_what_it_held() {
    let mut c = Client::new();
    c.setup().await;
    let case = c.new_case("Import").await;
    let form = c.get(&format!("/cases/{case}/import")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("SMS Backup &#38; Restore") && form.body.contains("name=\"job\""),
        "{}",
        form.body
    );
    assert!(
        c.get(&format!("/cases/{case}"))
            .await
            .body
            .contains(&format!("/cases/{case}/import\"")),
        "the case navigation links the import page"
    );
    assert!(
        c.get(&format!("/cases/{case}/evidence"))
            .await
            .body
            .contains(&format!("/cases/{case}/import\""))
    );

    let xml = fixture("sms/backup.xml");
    let reply = import(
        &mut c,
        &case,
        &[("kind", "sms_backup"), ("region", "US")],
        "backup.xml",
        &xml,
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let body = &reply.body;
    assert!(body.contains("Imported: SMS backup"), "{body}");
    assert!(body.contains(&sha256_hex(&xml)), "the file's SHA-256 is shown");
    assert_eq!(count(body, "Read"), "12");
    assert_eq!(count(body, "New"), "12");
    assert_eq!(count(body, "Already in the case"), "0");
    assert_eq!(count(body, "Files"), "3");
    assert_eq!(count(body, "Skipped"), "4");
    assert!(
        !body.contains("records, but"),
        "16 declared = 12 read + 4 skipped: no warning"
    );
    // Each skipped record: where it is and why, in words.
    assert!(
        body.contains("line 13, byte 2472") && body.contains("sms has an unreadable date &#34;yesterday&#34;"),
        "{body}"
    );
    assert!(body.contains("unknown record &#60;rcs&#62;"), "{body}");
    // Counterparts not matched yet, with a way to add a person first.
    assert!(
        body.contains("+14155550142") && body.contains("Add the person first"),
        "{body}"
    );
    assert!(!body.contains("Already imported"));

    let again = import(
        &mut c,
        &case,
        &[("kind", "sms_backup"), ("region", "US")],
        "backup.xml",
        &xml,
    )
    .await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert!(
        again.body.contains("Already imported") && again.body.contains("was already imported into this case"),
        "{}",
        again.body
    );
    assert!(!again.body.contains("alert error"), "already imported is not an error");
    assert_eq!(count(&again.body, "New"), "12", "the earlier import's counts");

    let evidence = api(&mut c, &format!("/api/cases/{case}/evidence")).await;
    assert_eq!(evidence.as_array().unwrap().len(), 1, "{evidence}");
    let imports = api(&mut c, &format!("/api/cases/{case}/imports")).await;
    assert_eq!(imports.as_array().unwrap().len(), 1, "{imports}");
    assert_eq!(imports[0]["kind"], "sms_backup");
    assert_eq!(imports[0]["extracted"]["added"], 12);
    let listed = c.get(&format!("/cases/{case}/import")).await;
    assert!(listed.body.contains("backup.xml"), "the form lists earlier imports");
    c.close().await;
}

#[tokio::test]
async fn a_broken_file_is_refused_with_where_and_nothing_is_recorded() {
    let mut c = Client::new();
    c.setup().await;
    let case = c.new_case("Broken").await;
    let xml = fixture("sms/backup.xml");
    let cut = &xml[..xml.len() / 2];
    let reply = import(
        &mut c,
        &case,
        &[("kind", "sms_backup"), ("source", "kept text")],
        "cut.xml",
        cut,
    )
    .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
    assert!(
        reply.body.contains("role=\"alert\"")
            && reply.body.contains("cannot import cut.xml")
            && reply.body.contains("line "),
        "{}",
        reply.body
    );
    assert!(
        reply.body.contains("value=\"kept text\""),
        "the form comes back filled in"
    );
    assert_eq!(
        api(&mut c, &format!("/api/cases/{case}/evidence")).await,
        serde_json::json!([])
    );
    assert_eq!(
        api(&mut c, &format!("/api/cases/{case}/imports")).await,
        serde_json::json!([])
    );
    let messages = api(&mut c, &format!("/api/cases/{case}/messages")).await;
    assert_eq!(messages["messages"], serde_json::json!([]));

    // Settings that cannot be right are refused before the file is stored.
    let zone = import(
        &mut c,
        &case,
        &[("kind", "whatsapp"), ("time_zone", "Mars/Olympus")],
        "chat.txt",
        &fixture("whatsapp/android-en-us.txt"),
    )
    .await;
    assert_eq!(zone.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        zone.body.contains("Mars/Olympus") && zone.body.contains("time zone"),
        "{}",
        zone.body
    );
    let no_kind = import(&mut c, &case, &[("kind", "")], "x.xml", b"<smses/>").await;
    assert_eq!(no_kind.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        no_kind.body.contains("Choose what kind of file it is"),
        "{}",
        no_kind.body
    );
    assert_eq!(
        api(&mut c, &format!("/api/cases/{case}/evidence")).await,
        serde_json::json!([])
    );

    // Without the token first, nothing is read.
    let request = c
        .builder("POST", &format!("/cases/{case}/import"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(multipart(
            &[("csrf", "bad"), ("kind", "sms_backup")],
            "backup.xml",
            &xml,
        )))
        .unwrap();
    assert_eq!(c.send(request).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        api(&mut c, &format!("/api/cases/{case}/imports")).await,
        serde_json::json!([])
    );
    c.close().await;
}

#[tokio::test]
async fn progress_is_only_told_to_the_session_that_started_the_import() {
    let mut c = Client::new();
    c.setup().await;
    let case = c.new_case("Progress").await;
    let mut other = c.other_session();
    let unlocked = other.submit("/unlock", "/unlock", &[("passphrase", PASSPHRASE)]).await;
    assert_eq!(unlocked.location(), "/cases");

    let job = "0123456789abcdef0123456789abcdef";
    let token = c.get(&format!("/cases/{case}/import")).await.csrf();
    let xml = fixture("sms/backup.xml");
    let whole = multipart(
        &[("csrf", &token), ("job", job), ("kind", "sms_backup")],
        "backup.xml",
        &xml,
    );
    // The upload arrives in two parts; between them the import is running.
    let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(4);
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (Ok::<_, std::io::Error>(chunk), rx))
    });
    let request = c
        .builder("POST", &format!("/cases/{case}/import"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from_stream(stream))
        .unwrap();
    let running = tokio::spawn(c.app.clone().oneshot(request));
    let split = whole.len() / 2;
    tx.send(Bytes::copy_from_slice(&whole[..split])).await.unwrap();

    let progress = format!("/cases/{case}/import/progress?job={job}");
    let mut seen = None;
    for _ in 0..200 {
        let reply = c.get(&progress).await;
        if reply.status == StatusCode::OK {
            seen = Some(reply.body);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let seen: serde_json::Value = serde_json::from_str(&seen.expect("the job was registered")).unwrap();
    assert_eq!(seen["stage"], "storing", "{seen}");
    assert!(seen["done"].is_u64() && seen["total"].is_u64(), "{seen}");
    assert_eq!(
        other.get(&progress).await.status,
        StatusCode::NOT_FOUND,
        "another session's job"
    );
    let wrong = format!("/cases/{case}/import/progress?job=ffffffffffffffffffffffffffffffff");
    assert_eq!(c.get(&wrong).await.status, StatusCode::NOT_FOUND);

    tx.send(Bytes::copy_from_slice(&whole[split..])).await.unwrap();
    drop(tx);
    let response = running.await.unwrap().unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        c.get(&progress).await.status,
        StatusCode::NOT_FOUND,
        "the job is forgotten when its request ends"
    );
    c.close().await;
}

#[tokio::test]
async fn a_whatsapp_chat_reads_in_the_zone_given_and_withheld_is_never_assigned() {
    let mut c = Client::new();
    c.setup().await;
    let case = c.new_case("Chat").await;
    let reply = import(
        &mut c,
        &case,
        &[
            ("kind", "whatsapp"),
            ("time_zone", "America/Chicago"),
            ("date_order", ""),
            ("owner", "Dana Kim"),
        ],
        "WhatsApp Chat with Alex Rivera.txt",
        &fixture("whatsapp/android-en-us.txt"),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.body.contains("America/Chicago"), "{}", reply.body);
    assert!(reply.body.contains("Imported: WhatsApp chat"));
    let counterparts = api(&mut c, &format!("/api/cases/{case}/counterparts")).await;
    c.submit(
        &format!("/cases/{case}/subjects"),
        &format!("/cases/{case}/subjects"),
        &[("name", "A. R."), ("relationship", "former_partner")],
    )
    .await;
    let subject = api(&mut c, &format!("/api/cases/{case}/subjects")).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // The chat's system lines name nobody, like a withheld number.
    let withheld = counterparts
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["value"] == "")
        .unwrap_or_else(|| panic!("{counterparts}"));
    let id = withheld["id"].as_u64().unwrap().to_string();
    let page = format!("/cases/{case}/counterparts");
    let listed = c.get(&page).await;
    assert!(
        listed.body.contains("(number withheld)") && !listed.body.contains(&format!("id=\"assign-{id}\"")),
        "{}",
        listed.body
    );
    let refused = c
        .submit(
            &page,
            &format!("/cases/{case}/counterparts/assign"),
            &[("counterpart", &id), ("subject", &subject)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);

    let mail = import(
        &mut c,
        &case,
        &[("kind", "email")],
        "mailbox.mbox",
        &fixture("email/mailbox.mbox"),
    )
    .await;
    assert_eq!(mail.status, StatusCode::OK, "{}", mail.body);
    assert!(mail.body.contains("Imported: email"), "{}", mail.body);
    c.close().await;
}

#[tokio::test]
async fn a_photo_says_what_its_file_claims() {
    let mut c = Client::new();
    c.setup().await;
    let case = c.new_case("Photo").await;
    let reply = import(&mut c, &case, &[("kind", "photo")], "IMG_0001.jpg", &jpeg_with_exif()).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let body = &reply.body;
    assert!(body.contains("What the file says"), "{body}");
    assert!(
        body.contains("The file says it was taken on Jan 15, 2024, 9:05 PM (UTC-05:00).")
            && body.contains("Cairn Test Fixture Phone")
            && body.contains("latitude 37.7791667"),
        "{body}"
    );
    assert!(
        !body.contains("What the file held"),
        "a photo holds no messages to count"
    );
    c.close().await;
}

#[tokio::test]
async fn the_api_describes_the_import_endpoints() {
    let mut c = Client::new();
    c.setup().await;
    let doc = api(&mut c, "/api/openapi.json").await;
    for path in [
        "/api/cases/{case}/messages",
        "/api/cases/{case}/counterparts",
        "/api/cases/{case}/imports",
    ] {
        assert!(
            doc["paths"][path]["get"].is_object(),
            "{path} missing from the OpenAPI document"
        );
    }
    let case = c.new_case("API").await;
    assert_eq!(
        api(&mut c, &format!("/api/cases/{case}/counterparts")).await,
        serde_json::json!([])
    );
    let unknown = c.get("/api/cases/c-0000000000000/imports").await;
    assert_ne!(unknown.status, StatusCode::OK);
    c.close().await;
}
