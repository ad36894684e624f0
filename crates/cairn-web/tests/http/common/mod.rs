//! A client for the real router on a real SQLCipher vault, for HTTP tests.

pub mod import;

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use cairn_app::{KdfParams, VaultDir};
use cairn_web::{AppState, ServeConfig};
use http_body_util::BodyExt;
use tower::ServiceExt;

pub const HOST: &str = "127.0.0.1:7878";
pub const PASSPHRASE: &str = "correct horse battery staple";

pub struct Client {
    pub app: Router,
    pub cookie: Option<String>,
    pub state: AppState,
    pub _dir: tempfile::TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    pub bytes: Vec<u8>,
}

impl Reply {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The CSRF token embedded in the page's forms.
    pub fn csrf(&self) -> String {
        let marker = "name=\"csrf\" value=\"";
        let start = self.body.find(marker).expect("a form with a CSRF token") + marker.len();
        self.body[start..start + 64].to_owned()
    }
}

pub fn config(dir: &tempfile::TempDir, idle: Duration) -> ServeConfig {
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
    pub fn with_idle(idle: Duration) -> (Self, AppState) {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(config(&dir, idle));
        (
            Client {
                app: cairn_web::router(state.clone()),
                cookie: None,
                state: state.clone(),
                _dir: dir,
            },
            state,
        )
    }

    pub fn new() -> Self {
        Self::with_idle(Duration::from_secs(900)).0
    }

    /// Another browser on the same server: no cookie of this one's.
    pub fn other_session(&self) -> Client {
        Client {
            app: self.app.clone(),
            cookie: None,
            state: self.state.clone(),
            _dir: tempfile::tempdir().unwrap(),
        }
    }

    /// Locks the vault, so its database is closed before the test ends. A
    /// connection left to close on its own thread can still be closing
    /// when the test process exits, and SQLCipher's exit-time teardown
    /// then frees what that close is using: a crash after every test passed.
    pub async fn close(self) {
        self.state.lock().await;
    }

    pub async fn send(&mut self, request: Request<Body>) -> Reply {
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
            bytes: bytes.to_vec(),
        }
    }

    pub fn builder(&self, method: &str, uri: &str) -> axum::http::request::Builder {
        let mut b = Request::builder().method(method).uri(uri).header(header::HOST, HOST);
        if let Some(cookie) = &self.cookie {
            b = b.header(header::COOKIE, cookie);
        }
        b
    }

    pub async fn get(&mut self, uri: &str) -> Reply {
        let request = self.builder("GET", uri).body(Body::empty()).unwrap();
        self.send(request).await
    }

    pub async fn post_form(&mut self, uri: &str, fields: &[(&str, &str)]) -> Reply {
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
    pub async fn submit(&mut self, page: &str, uri: &str, fields: &[(&str, &str)]) -> Reply {
        let token = self.get(page).await.csrf();
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_form(uri, &all).await
    }

    pub async fn setup(&mut self) {
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

    pub async fn new_case(&mut self, label: &str) -> String {
        let reply = self.submit("/cases", "/cases", &[("label", label)]).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        reply.location().trim_start_matches("/cases/").to_owned()
    }
}

pub fn assert_security_headers(reply: &Reply) {
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
