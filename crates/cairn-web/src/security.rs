//! What every request and response goes through: the Host check (DNS
//! rebinding), the session cookie, the Origin check on writes, and the
//! security headers.

use axum::extract::{Request, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::state::{AppState, Session};
use cairn_i18n::Lang;

pub const SESSION_COOKIE: &str = "cairn_session";
pub const LANG_COOKIE: &str = "cairn_lang";

/// No inline script or style, nothing from anywhere but this server, never
/// framed: a compromised string cannot run code, and no page can phone home.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Host names this server answers to: only its own loopback address. A page
/// on another site that re-points its DNS name at 127.0.0.1 is refused.
fn host_allowed(state: &AppState, host: Option<&str>) -> bool {
    let port = state.config().addr.port();
    let Some(host) = host else { return false };
    let ip = state.config().addr.ip();
    let literal = if ip.is_ipv6() {
        format!("[{ip}]:{port}")
    } else {
        format!("{ip}:{port}")
    };
    [
        literal,
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ]
    .iter()
    .any(|h| h == host)
}

/// Refuses writes that a browser says came from another site. Under
/// `Referrer-Policy: no-referrer` browsers send `Origin: null` even for our
/// own forms, so the browser's `Sec-Fetch-Site` decides those.
fn origin_allowed(state: &AppState, headers: &HeaderMap) -> bool {
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if matches!(fetch_site, Some("cross-site") | Some("same-site")) {
        return false;
    }
    match headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) {
        // Scripts and API clients send no Origin; they still need the session and CSRF token.
        None => true,
        Some("null") => matches!(fetch_site, Some("same-origin") | Some("none")),
        Some(origin) => origin
            .strip_prefix("http://")
            .is_some_and(|host| host_allowed(state, Some(host))),
    }
}

pub async fn guard(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let headers = request.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    if !host_allowed(&state, host) {
        return with_security_headers((StatusCode::MISDIRECTED_REQUEST, "unknown host").into_response());
    }
    let writes = !matches!(*request.method(), Method::GET | Method::HEAD);
    if writes && !origin_allowed(&state, headers) {
        return with_security_headers((StatusCode::FORBIDDEN, "cross-origin request refused").into_response());
    }
    let lang = cookie(headers, LANG_COOKIE)
        .and_then(Lang::parse)
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(Lang::from_accept_language)
        })
        .unwrap_or_default();
    let (session, fresh) = state.session(cookie(headers, SESSION_COOKIE), lang);
    let session_id = session.id.clone();
    let page = (*request.method() == Method::GET
        && !request.uri().path().starts_with("/static/")
        && !request.uri().path().starts_with("/api/"))
    .then(|| request.uri().path_and_query().map(|p| p.as_str().to_owned()))
    .flatten();
    request.extensions_mut().insert(session.clone());
    let mut response = next.run(request).await;
    if let Some(path) = page.filter(|_| response.status().is_success()) {
        state.remember_page(&session, &path);
    }
    if fresh {
        let value = format!("{SESSION_COOKIE}={session_id}; Path=/; HttpOnly; SameSite=Strict");
        if let Ok(v) = HeaderValue::from_str(&value) {
            response.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    with_security_headers(response)
}

pub fn with_security_headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    let set = |h: &mut HeaderMap, name: header::HeaderName, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(h, header::CONTENT_SECURITY_POLICY, CSP);
    // Nothing a survivor sees may be left in a browser cache or history store.
    set(h, header::CACHE_CONTROL, "no-store");
    set(h, header::PRAGMA, "no-cache");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(
        h,
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        h,
        header::HeaderName::from_static("cross-origin-resource-policy"),
        "same-origin",
    );
    set(
        h,
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    );
    response
}

/// Checks a submitted CSRF token against the session's, in constant time.
pub fn csrf_ok(session: &Session, submitted: &str) -> bool {
    cairn_app::ct_eq(session.csrf.as_bytes(), submitted.as_bytes())
}

/// The cookie that remembers the chosen language (not sensitive; survives locking).
pub fn lang_cookie(lang: Lang) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{LANG_COOKIE}={}; Path=/; SameSite=Strict; Max-Age=31536000",
        lang.code()
    ))
    .unwrap_or(HeaderValue::from_static(""))
}
