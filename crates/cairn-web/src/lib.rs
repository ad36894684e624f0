//! `cairn serve`: the local web app for advocates and survivors.
//!
//! Binds to loopback only; every response carries a strict CSP and
//! `Cache-Control: no-store`; every write needs the session's CSRF token;
//! quick exit locks the vault and leaves for a neutral site. Pages work
//! without JavaScript; `static/app.js` only adds quick-exit keys, drag and
//! drop, and upload and import progress. Use cases come from `cairn-app`; this crate only
//! routes, renders and translates.
#![forbid(unsafe_code)]

mod api;
mod pages;
mod render;
mod security;
mod state;

use std::net::SocketAddr;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, header};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use pages::{
    assess_form, auth, case, cases, checks, counterparts, evidence, export, import, incidents, journal, messages,
    pattern, plan, plan_form, resources, subjects,
};

pub use state::{AppState, ServeConfig};

/// Default idle time before the vault locks itself.
pub const DEFAULT_IDLE_LOCK: std::time::Duration = std::time::Duration::from_secs(15 * 60);
/// Default quick-exit destination: an ordinary, neutral page.
pub const DEFAULT_EXIT_URL: &str = "https://www.weather.gov/";

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    #[error("{0} is not a loopback address; Cairn only listens on this computer unless agency mode is configured")]
    NotLoopback(SocketAddr),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("the web server stopped: {0}")]
    Serve(#[source] std::io::Error),
}

/// All routes, with the security guard around them.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(auth::root))
        .route("/setup", get(auth::setup_form).post(auth::setup))
        .route("/unlock", get(auth::unlock_form).post(auth::unlock))
        .route("/lock", post(auth::lock))
        .route("/exit", post(auth::exit))
        .route("/lang", post(auth::set_lang))
        .route("/cases", get(cases::list).post(cases::create))
        .route("/cases/{case}", get(case::show))
        .route("/resources", get(resources::search))
        .route("/cases/{case}/subjects", get(subjects::list).post(subjects::add))
        .route("/cases/{case}/incidents", post(incidents::create))
        .route("/cases/{case}/incidents/new", get(incidents::new_form))
        .route("/cases/{case}/incidents/{id}", get(incidents::show))
        .route(
            "/cases/{case}/incidents/{id}/amend",
            get(incidents::amend_form).post(incidents::amend),
        )
        // Evidence can be gigabytes; it streams into the vault, never into memory.
        .route(
            "/cases/{case}/evidence",
            get(evidence::list)
                .post(evidence::upload)
                .layer(DefaultBodyLimit::disable()),
        )
        .route("/cases/{case}/evidence/{id}", get(evidence::show))
        // An export is evidence too, and just as large: streamed, never buffered.
        .route(
            "/cases/{case}/import",
            get(import::form)
                .post(import::import)
                .layer(DefaultBodyLimit::disable()),
        )
        .route("/cases/{case}/import/progress", get(import::progress))
        .route("/cases/{case}/messages", get(messages::list))
        .route("/cases/{case}/pattern", get(pattern::show))
        .route("/cases/{case}/assessments", get(plan::assessments))
        .route(
            "/cases/{case}/assessments/{instrument}",
            get(assess_form::form).post(assess_form::take),
        )
        .route("/cases/{case}/plan", get(plan::plan))
        .route("/cases/{case}/plan.pdf", get(plan::plan_pdf))
        .route(
            "/cases/{case}/plan/decide",
            get(plan_form::form).post(plan_form::decide),
        )
        .route("/cases/{case}/counterparts", get(counterparts::list))
        .route("/cases/{case}/counterparts/assign", post(counterparts::assign))
        .route("/cases/{case}/export", get(export::form).post(export::export))
        // A capture or an acquisition can be gigabytes: streamed into the vault.
        .route(
            "/cases/{case}/checks",
            get(checks::list)
                .post(checks::upload)
                .layer(DefaultBodyLimit::disable()),
        )
        .route("/cases/{case}/checks/{seq}", get(checks::show))
        .route("/cases/{case}/journal", get(journal::show))
        .route("/cases/{case}/journal/verify", post(journal::verify))
        .route(
            "/static/app.css",
            get(|| async { asset("text/css; charset=utf-8", include_str!("../static/app.css")) }),
        )
        .route(
            "/static/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", include_str!("../static/app.js")) }),
        )
        .merge(api::router())
        .fallback(not_found)
        .layer(from_fn_with_state(state.clone(), security::guard))
        .with_state(state)
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

async fn not_found(render::CurrentSession(session): render::CurrentSession) -> Response {
    render::PageError::new(
        &session,
        StatusCode::NOT_FOUND,
        cairn_i18n::Tr(session.lang).get("error-page-not-found"),
    )
    .into_response()
}

/// Serves until Ctrl-C, then locks the vault. `ready` is told the address
/// actually bound (useful with port 0).
pub async fn serve(mut config: ServeConfig, ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    if !config.addr.ip().is_loopback() {
        return Err(ServeError::NotLoopback(config.addr));
    }
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|source| ServeError::Bind {
            addr: config.addr,
            source,
        })?;
    config.addr = listener.local_addr().map_err(ServeError::Serve)?;
    let addr = config.addr;
    let state = AppState::new(config);
    let idle = state.spawn_idle_lock();
    ready(addr);
    let result = axum::serve(listener, router(state.clone()))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await;
    idle.abort();
    state.lock().await;
    result.map_err(ServeError::Serve)
}
