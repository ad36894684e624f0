//! Every page's main path at the HTTP level, the JSON API and paging.

use crate::common::*;
use axum::body::Body;
use axum::http::{StatusCode, header};

#[tokio::test]
async fn pages_cover_the_advocate_path() {
    let mut c = Client::new();
    c.setup().await;
    let case = c.new_case("Maria R.").await;
    let page = c.get(&format!("/cases/{case}")).await;
    assert!(
        page.body.contains("Maria R.") && page.body.contains("Nothing matches"),
        "{}",
        page.body
    );

    let added = c
        .submit(
            &format!("/cases/{case}/subjects"),
            &format!("/cases/{case}/subjects"),
            &[
                ("name", "J. Doe"),
                ("relationship", "former_partner"),
                ("phones", "+1 555 123 4567"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let subjects = c.get(&format!("/cases/{case}/subjects")).await;
    assert!(
        subjects.body.contains("+15551234567") && subjects.body.contains("former partner"),
        "{}",
        subjects.body
    );
    let bad = c
        .submit(
            &format!("/cases/{case}/subjects"),
            &format!("/cases/{case}/subjects"),
            &[("name", "X"), ("relationship", "former_partner"), ("phones", "call me")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("invalid phone number &#34;call me&#34;"),
        "{}",
        bad.body
    );

    let form = format!("/cases/{case}/incidents/new");
    let incident = c
        .submit(
            &form,
            &format!("/cases/{case}/incidents"),
            &[
                ("date", "2026-01-02"),
                ("time", "22:10"),
                ("channel", "text"),
                ("behaviour", "intimidation"),
                ("behaviour", "threats"),
                ("narrative", "Forty texts after midnight."),
                ("fear", "8"),
            ],
        )
        .await;
    assert_eq!(incident.status, StatusCode::SEE_OTHER, "{}", incident.body);
    let detail_uri = incident.location().to_owned();
    let detail = c.get(&detail_uri).await;
    assert!(
        detail.body.contains("Forty texts after midnight.")
            && detail.body.contains("Jan 2, 2026, 10:10 PM")
            && detail.body.contains("threats"),
        "{}",
        detail.body
    );

    // A refused form comes back filled in, with the reason.
    let refused = c
        .submit(
            &form,
            &format!("/cases/{case}/incidents"),
            &[("date", "2099-01-01"), ("channel", "text"), ("narrative", "kept text")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("it is in the future") && refused.body.contains("kept text"),
        "{}",
        refused.body
    );

    let amend_uri = format!("{detail_uri}/amend");
    let amended = c
        .submit(
            &amend_uri,
            &amend_uri,
            &[
                ("reason", "count corrected"),
                ("date", "2026-01-02"),
                ("time", "22:10"),
                ("channel", "text"),
                ("behaviour", "threats"),
                ("narrative", "Forty-two texts after midnight."),
                ("fear", "8"),
            ],
        )
        .await;
    assert_eq!(amended.status, StatusCode::SEE_OTHER, "{}", amended.body);
    let history = c.get(&detail_uri).await;
    assert!(
        history.body.contains("History: 2 versions")
            && history.body.contains("count corrected")
            && history.body.contains("Forty texts"),
        "{}",
        history.body
    );

    let timeline = c
        .get(&format!("/cases/{case}?channel=text&category=intimidation"))
        .await;
    assert!(timeline.body.contains("Forty-two texts"), "{}", timeline.body);
    let filtered = c.get(&format!("/cases/{case}?channel=call")).await;
    assert!(!filtered.body.contains("Forty-two texts") && filtered.body.contains("Nothing matches"));
    let bad_filter = c.get(&format!("/cases/{case}?channel=pigeon")).await;
    assert_eq!(bad_filter.status, StatusCode::UNPROCESSABLE_ENTITY);

    let journal = c
        .submit(
            &format!("/cases/{case}/journal"),
            &format!("/cases/{case}/journal/verify"),
            &[],
        )
        .await;
    assert!(journal.body.contains("Verified: 4 entries"), "{}", journal.body);
    c.close().await;
}

fn multipart(token: &str, file_name: &str, content: &[u8]) -> (String, Vec<u8>) {
    let boundary = "cairn-test-boundary";
    let mut body = Vec::new();
    for (name, value) in [("csrf", token), ("source", "survivor's phone")] {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{file_name}\"\r\nContent-Type: image/png\r\n\r\n").as_bytes());
    body.extend_from_slice(content);
    body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test]
async fn evidence_upload_streams_in_and_shows_its_hash() {
    let mut c = Client::new();
    c.setup().await;
    let case = c.new_case("Upload").await;
    let page = format!("/cases/{case}/evidence");
    let token = c.get(&page).await.csrf();
    let content: Vec<u8> = (0..3_000_000u32).map(|i| (i * 7 % 256) as u8).collect();
    let (content_type, body) = multipart(&token, "screenshot.png", &content);
    let request = c
        .builder("POST", &page)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
    let reply = c.send(request).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let shown = c.get(reply.location()).await;
    use sha2::Digest;
    let expected: String = sha2::Sha256::digest(&content)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert!(
        shown.body.contains(&expected) && shown.body.contains("screenshot.png"),
        "{}",
        shown.body
    );

    // Without the token first, no byte is stored.
    let (content_type, body) = multipart("bad", "other.png", b"other");
    let request = c
        .builder("POST", &page)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
    assert_eq!(c.send(request).await.status, StatusCode::FORBIDDEN);
    assert!(!c.get(&page).await.body.contains("other.png"));
    c.close().await;
}

#[tokio::test]
async fn spanish_is_a_click_away_and_remembered() {
    let mut c = Client::new();
    c.setup().await;
    let switched = c.submit("/cases", "/lang", &[("lang", "es")]).await;
    assert_eq!(switched.location(), "/cases");
    assert!(
        switched
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .any(|v| v.to_str().unwrap().starts_with("cairn_lang=es"))
    );
    let page = c.get("/cases").await;
    assert!(
        page.body.contains("<html lang=\"es\">")
            && page.body.contains("Abrir un caso nuevo")
            && page.body.contains("Salida rápida"),
        "{}",
        page.body
    );
    c.close().await;
}

#[tokio::test]
async fn timeline_pages_by_keyset() {
    let mut c = Client::new();
    c.setup().await;
    let case = c.new_case("Many").await;
    let token = c.get("/api/session").await.body;
    let token: serde_json::Value = serde_json::from_str(&token).unwrap();
    let token = token["csrf"].as_str().unwrap().to_owned();
    for day in 0..120 {
        let date = jiff::civil::date(2025, 1, 1)
            .checked_add(jiff::Span::new().days(day))
            .unwrap();
        let body = serde_json::json!({"when": date.to_string(), "channel": "call", "narrative": format!("call {day}")})
            .to_string();
        let request = c
            .builder("POST", &format!("/api/cases/{case}/incidents"))
            .header("x-csrf-token", &token)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body))
            .unwrap();
        assert_eq!(c.send(request).await.status, StatusCode::CREATED);
    }
    let mut seen = Vec::new();
    let mut uri = format!("/cases/{case}");
    loop {
        let page = c.get(&uri).await;
        let count = page.body.matches("class=\"entry entry-incident\"").count();
        seen.push(count);
        match page
            .body
            .split("href=\"")
            .filter_map(|s| s.split('"').next())
            .find(|h| h.contains("after="))
        {
            Some(next) => uri = next.replace("&amp;", "&"),
            None => break,
        }
    }
    assert_eq!(seen, vec![50, 50, 20]);
    let api: serde_json::Value = serde_json::from_str(
        &c.get(&format!("/api/cases/{case}/timeline?from=2025-04-01&to=2025-04-10"))
            .await
            .body,
    )
    .unwrap();
    assert_eq!(api["entries"].as_array().unwrap().len(), 10);
    assert_eq!(api["entries"][0]["title"], "call 99");
    c.close().await;
}

#[tokio::test]
async fn json_api_needs_the_token_and_is_described() {
    let mut c = Client::new();
    c.setup().await;
    let doc: serde_json::Value = serde_json::from_str(&c.get("/api/openapi.json").await.body).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/cases",
        "/api/cases/{case}/incidents",
        "/api/cases/{case}/timeline",
        "/api/cases/{case}/evidence",
    ] {
        assert!(
            doc["paths"][path].is_object(),
            "{path} missing from the OpenAPI document"
        );
    }
    let body = serde_json::json!({"label": "API case"}).to_string();
    let no_token = c
        .builder("POST", "/api/cases")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.clone()))
        .unwrap();
    assert_eq!(c.send(no_token).await.status, StatusCode::FORBIDDEN);
    let session: serde_json::Value = serde_json::from_str(&c.get("/api/session").await.body).unwrap();
    let with_token = c
        .builder("POST", "/api/cases")
        .header("x-csrf-token", session["csrf"].as_str().unwrap())
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body))
        .unwrap();
    let created = c.send(with_token).await;
    assert_eq!(created.status, StatusCode::CREATED);
    let case: serde_json::Value = serde_json::from_str(&created.body).unwrap();
    assert!(case["id"].as_str().unwrap().starts_with("c-"));
    let bad = c
        .builder(
            "POST",
            &format!("/api/cases/{}/incidents", case["id"].as_str().unwrap()),
        )
        .header("x-csrf-token", session["csrf"].as_str().unwrap())
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"when":"yesterday","channel":"text","narrative":"x"}"#))
        .unwrap();
    let refused = c.send(bad).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("invalid when"), "{}", refused.body);
    c.close().await;
}

#[tokio::test]
async fn existing_vault_is_never_overwritten_by_setup() {
    let mut c = Client::new();
    c.setup().await;
    c.submit("/cases", "/lock", &[]).await;
    let again = c
        .submit(
            "/unlock",
            "/setup",
            &[
                ("passphrase", "another long passphrase"),
                ("confirm", "another long passphrase"),
            ],
        )
        .await;
    assert_eq!(again.location(), "/unlock");
    let right = c.submit("/unlock", "/unlock", &[("passphrase", PASSPHRASE)]).await;
    assert_eq!(right.location(), "/cases", "the original passphrase still opens it");
    c.close().await;
}
