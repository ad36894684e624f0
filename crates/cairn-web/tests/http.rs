//! The web app at the HTTP level: security headers, host and origin checks,
//! CSRF, sessions, locking, quick exit, and every page's main path — on a
//! real SQLCipher vault, through the real router.

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use cairn_app::{KdfParams, VaultDir};
use cairn_web::{AppState, ServeConfig};
use http_body_util::BodyExt;
use tower::ServiceExt;

const HOST: &str = "127.0.0.1:7878";
const PASSPHRASE: &str = "correct horse battery staple";

struct Client {
    app: Router,
    cookie: Option<String>,
    _dir: tempfile::TempDir,
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Reply {
    fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The CSRF token embedded in the page's forms.
    fn csrf(&self) -> String {
        let marker = "name=\"csrf\" value=\"";
        let start = self.body.find(marker).expect("a form with a CSRF token") + marker.len();
        self.body[start..start + 64].to_owned()
    }
}

fn config(dir: &tempfile::TempDir, idle: Duration) -> ServeConfig {
    ServeConfig {
        addr: HOST.parse().unwrap(),
        vault_dir: VaultDir::new(dir.path().join("vault")),
        actor: "tester".into(),
        idle_lock: idle,
        exit_url: "https://neutral.example/".into(),
        kdf: KdfParams::MINIMUM,
    }
}

impl Client {
    fn with_idle(idle: Duration) -> (Self, AppState) {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(config(&dir, idle));
        (
            Client {
                app: cairn_web::router(state.clone()),
                cookie: None,
                _dir: dir,
            },
            state,
        )
    }

    fn new() -> Self {
        Self::with_idle(Duration::from_secs(900)).0
    }

    async fn send(&mut self, request: Request<Body>) -> Reply {
        let response = self.app.clone().oneshot(request).await.unwrap();
        for value in response.headers().get_all(header::SET_COOKIE) {
            let value = value.to_str().unwrap();
            if let Some(rest) = value.strip_prefix("cairn_session=") {
                self.cookie = Some(format!("cairn_session={}", rest.split(';').next().unwrap()));
            }
        }
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    fn builder(&self, method: &str, uri: &str) -> axum::http::request::Builder {
        let mut b = Request::builder().method(method).uri(uri).header(header::HOST, HOST);
        if let Some(cookie) = &self.cookie {
            b = b.header(header::COOKIE, cookie);
        }
        b
    }

    async fn get(&mut self, uri: &str) -> Reply {
        let request = self.builder("GET", uri).body(Body::empty()).unwrap();
        self.send(request).await
    }

    async fn post_form(&mut self, uri: &str, fields: &[(&str, &str)]) -> Reply {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let request = self
            .builder("POST", uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ORIGIN, format!("http://{HOST}"))
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }

    /// Fetches `page` for its token, then posts `fields` with it to `uri`.
    async fn submit(&mut self, page: &str, uri: &str, fields: &[(&str, &str)]) -> Reply {
        let token = self.get(page).await.csrf();
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_form(uri, &all).await
    }

    async fn setup(&mut self) {
        let reply = self
            .submit(
                "/setup",
                "/setup",
                &[("passphrase", PASSPHRASE), ("confirm", PASSPHRASE)],
            )
            .await;
        assert_eq!(
            (reply.status, reply.location()),
            (StatusCode::SEE_OTHER, "/cases"),
            "{}",
            reply.body
        );
    }

    async fn new_case(&mut self, label: &str) -> String {
        let reply = self.submit("/cases", "/cases", &[("label", label)]).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        reply.location().trim_start_matches("/cases/").to_owned()
    }
}

fn assert_security_headers(reply: &Reply) {
    let h = |name: &str| {
        reply
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_else(|| panic!("missing {name}"))
    };
    let csp = h("content-security-policy");
    assert!(
        csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(h("cache-control"), "no-store");
    assert_eq!(h("referrer-policy"), "no-referrer");
    assert_eq!(h("x-content-type-options"), "nosniff");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let mut c = Client::new();
    for uri in [
        "/",
        "/setup",
        "/unlock",
        "/cases",
        "/static/app.css",
        "/static/app.js",
        "/nowhere",
        "/api/openapi.json",
        "/api/cases",
    ] {
        let reply = c.get(uri).await;
        assert_security_headers(&reply);
    }
    let refused = c.post_form("/setup", &[("passphrase", "x")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_security_headers(&refused);
}

#[tokio::test]
async fn session_cookie_is_httponly_and_strict() {
    let mut c = Client::new();
    let reply = c.get("/setup").await;
    let cookie = reply.headers.get(header::SET_COOKIE).unwrap().to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
}

#[tokio::test]
async fn foreign_hosts_and_origins_are_refused() {
    let mut c = Client::new();
    // DNS rebinding: a page on another name pointed at 127.0.0.1.
    let request = Request::builder()
        .uri("/setup")
        .header(header::HOST, "evil.example:7878")
        .body(Body::empty())
        .unwrap();
    assert_eq!(c.send(request).await.status, StatusCode::MISDIRECTED_REQUEST);
    let token = c.get("/setup").await.csrf();
    let request = c
        .builder("POST", "/setup")
        .header(header::ORIGIN, "http://evil.example")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!(
            "csrf={token}&passphrase=a+long+passphrase+here&confirm=a+long+passphrase+here"
        )))
        .unwrap();
    assert_eq!(c.send(request).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn same_origin_posts_with_a_null_origin_are_accepted() {
    // What Chromium sends for our own forms under Referrer-Policy: no-referrer.
    let mut c = Client::new();
    let token = c.get("/setup").await.csrf();
    let post = |c: &Client, fetch_site: &str| {
        c.builder("POST", "/setup")
            .header(header::ORIGIN, "null")
            .header("sec-fetch-site", fetch_site)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!(
                "csrf={token}&passphrase=correct+horse+battery+staple&confirm=correct+horse+battery+staple"
            )))
            .unwrap()
    };
    let cross = post(&c, "cross-site");
    assert_eq!(c.send(cross).await.status, StatusCode::FORBIDDEN);
    let same = post(&c, "same-origin");
    assert_eq!(c.send(same).await.location(), "/cases");
    // The quick-exit beacon looks the same and must lock.
    let beacon = c
        .builder("POST", "/exit")
        .header(header::ORIGIN, "null")
        .header("sec-fetch-site", "same-origin")
        .body(Body::empty())
        .unwrap();
    assert_eq!(c.send(beacon).await.status, StatusCode::OK);
    assert_eq!(c.get("/cases").await.location(), "/unlock");
}

#[tokio::test]
async fn every_write_needs_the_session_csrf_token() {
    let mut c = Client::new();
    c.setup().await;
    for token in ["", "0000000000000000000000000000000000000000000000000000000000000000"] {
        let reply = c.post_form("/cases", &[("csrf", token), ("label", "Maria R.")]).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        assert!(reply.body.contains("This form expired"), "{}", reply.body);
    }
    // Another session's token is not this session's.
    let mut other = Client {
        app: c.app.clone(),
        cookie: None,
        _dir: tempfile::tempdir().unwrap(),
    };
    let foreign = other.get("/unlock").await.csrf();
    assert_eq!(
        c.post_form("/cases", &[("csrf", &foreign), ("label", "x")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        c.post_form("/lock", &[("csrf", &foreign)]).await.status,
        StatusCode::FORBIDDEN
    );
    let cases = c.get("/cases").await;
    assert!(cases.body.contains("No cases yet"), "nothing was created");
}

#[tokio::test]
async fn setup_refuses_weak_and_mismatched_passphrases() {
    let mut c = Client::new();
    let weak = c
        .submit(
            "/setup",
            "/setup",
            &[("passphrase", "password1234"), ("confirm", "password1234")],
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weak.body.contains("could be guessed quickly"), "{}", weak.body);
    let short = c
        .submit("/setup", "/setup", &[("passphrase", "short"), ("confirm", "short")])
        .await;
    assert!(short.body.contains("use at least 12"), "{}", short.body);
    let mismatch = c
        .submit(
            "/setup",
            "/setup",
            &[("passphrase", PASSPHRASE), ("confirm", "correct horse battery stapel")],
        )
        .await;
    assert!(mismatch.body.contains("do not match"), "{}", mismatch.body);
    assert_eq!(c.get("/").await.location(), "/setup", "no vault was created");
}

#[tokio::test]
async fn lock_unlock_and_wrong_passphrase() {
    let mut c = Client::new();
    c.setup().await;
    assert_eq!(c.get("/cases").await.status, StatusCode::OK);
    let locked = c.submit("/cases", "/lock", &[]).await;
    assert_eq!(locked.location(), "/unlock");
    assert_eq!(c.get("/cases").await.location(), "/unlock");
    assert_eq!(c.get("/api/cases").await.status, StatusCode::UNAUTHORIZED);
    let wrong = c
        .submit("/unlock", "/unlock", &[("passphrase", "not the passphrase")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.body.contains("does not open this vault"), "{}", wrong.body);
    assert!(
        !wrong.body.contains("/vault"),
        "the vault's path is not shown: {}",
        wrong.body
    );
    let right = c.submit("/unlock", "/unlock", &[("passphrase", PASSPHRASE)]).await;
    assert_eq!(right.location(), "/cases");
    assert_eq!(c.get("/cases").await.status, StatusCode::OK);
}

#[tokio::test]
async fn quick_exit_locks_and_leaves_without_a_token() {
    let mut c = Client::new();
    c.setup().await;
    let exit = c.post_form("/exit", &[]).await;
    assert_eq!(exit.status, StatusCode::OK);
    assert!(exit.body.contains("url=https://neutral.example/"), "{}", exit.body);
    assert!(exit.headers.get("clear-site-data").is_some());
    assert_eq!(c.get("/cases").await.location(), "/unlock");
}

#[tokio::test]
async fn idle_vault_locks_itself() {
    let (mut c, state) = Client::with_idle(Duration::from_millis(300));
    let _idle = state.spawn_idle_lock();
    c.setup().await;
    assert_eq!(c.get("/cases").await.status, StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(900)).await;
    assert!(!state.is_unlocked().await);
    assert_eq!(c.get("/cases").await.location(), "/unlock");
}

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
}
