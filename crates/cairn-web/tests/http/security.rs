//! The web app at the HTTP level: security headers, host and origin checks,
//! CSRF, sessions, locking and quick exit.

use crate::common::*;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use std::time::Duration;

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
    c.close().await;
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
    c.close().await;
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
    c.close().await;
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
    c.close().await;
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
    let mut other = c.other_session();
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
    c.close().await;
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
    c.close().await;
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
    c.close().await;
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
    c.close().await;
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
    c.close().await;
}
