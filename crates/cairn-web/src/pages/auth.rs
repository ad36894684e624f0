//! Creating, unlocking and locking the vault; quick exit; language.

use std::time::Duration;

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use cairn_app::Passphrase;
use cairn_i18n::{Lang, Tr};

use crate::render::{CurrentSession, FormData, Layout, page};
use crate::security::lang_cookie;
use crate::state::{AppState, Session};

/// The shortest passphrase accepted, as on the command line.
pub const MIN_CHARS: usize = 12;

pub async fn root(State(state): State<AppState>, CurrentSession(session): CurrentSession) -> Redirect {
    if state.vault_for(&session).await.is_some() {
        Redirect::to("/cases")
    } else if state.vault_exists() {
        Redirect::to("/unlock")
    } else {
        Redirect::to("/setup")
    }
}

#[derive(Template)]
#[template(path = "setup.html")]
struct SetupPage {
    l: Layout,
    feedback: Vec<String>,
}

pub async fn setup_form(State(state): State<AppState>, CurrentSession(session): CurrentSession) -> Response {
    if state.vault_exists() {
        return Redirect::to("/unlock").into_response();
    }
    page(SetupPage {
        l: Layout::new(&session, "title-setup", false),
        feedback: vec![],
    })
}

/// Strength feedback in the person's language; empty when strong enough.
pub fn weaknesses(t: Tr, passphrase: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let chars = passphrase.chars().count();
    if chars < MIN_CHARS {
        problems.push(t.with(
            "setup-too-short",
            &[
                ("given", cairn_i18n::Arg::Number(chars as f64)),
                ("minimum", cairn_i18n::Arg::Number(MIN_CHARS as f64)),
            ],
        ));
    }
    let estimate = zxcvbn::zxcvbn(passphrase, &[]);
    if (estimate.score() as u8) < 3 {
        problems.push(t.get("setup-guessable"));
        if let Some(feedback) = estimate.feedback() {
            if let Some(warning) = feedback.warning() {
                problems.push(t.get(&format!("zxcvbn-{}", zxcvbn_key(&format!("{warning:?}")))));
            }
            for suggestion in feedback.suggestions() {
                problems.push(t.get(&format!("zxcvbn-{}", zxcvbn_key(&format!("{suggestion:?}")))));
            }
        }
    }
    problems
}

/// zxcvbn's feedback enums in kebab case, for Fluent ids (`StraightRowsOfKeysAreEasyToGuess` → `straight-rows-of-keys-are-easy-to-guess`).
fn zxcvbn_key(variant: &str) -> String {
    cairn_app::assessment::password::feedback_name(variant)
}

pub async fn setup(State(state): State<AppState>, CurrentSession(session): CurrentSession, form: FormData) -> Response {
    if state.vault_exists() {
        return Redirect::to("/unlock").into_response();
    }
    let t = Tr(session.lang);
    let passphrase = form.get("passphrase").unwrap_or_default().to_owned();
    let mut feedback = weaknesses(t, &passphrase);
    if form.get("confirm") != Some(passphrase.as_str()) {
        feedback.insert(0, t.get("setup-mismatch"));
    }
    if !feedback.is_empty() {
        let mut response = page(SetupPage {
            l: Layout::new(&session, "title-setup", false),
            feedback,
        });
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        return response;
    }
    match state.unlock(&session, Passphrase::new(passphrase), true).await {
        Ok(()) => Redirect::to("/cases").into_response(),
        Err(e) => unlock_failed(&session, "title-setup", e),
    }
}

#[derive(Template)]
#[template(path = "unlock.html")]
struct UnlockPage {
    l: Layout,
}

pub async fn unlock_form(State(state): State<AppState>, CurrentSession(session): CurrentSession) -> Response {
    if !state.vault_exists() {
        return Redirect::to("/setup").into_response();
    }
    if state.vault_for(&session).await.is_some() {
        return Redirect::to("/cases").into_response();
    }
    page(UnlockPage {
        l: Layout::new(&session, "title-unlock", false),
    })
}

pub async fn unlock(
    State(state): State<AppState>,
    CurrentSession(session): CurrentSession,
    form: FormData,
) -> Response {
    let passphrase = Passphrase::new(form.get("passphrase").unwrap_or_default().to_owned());
    match state.unlock(&session, passphrase, false).await {
        Ok(()) => Redirect::to("/cases").into_response(),
        Err(e) => {
            // Slow guessing down; the key file's Argon2id does the rest.
            tokio::time::sleep(Duration::from_millis(750)).await;
            unlock_failed(&session, "title-unlock", e)
        }
    }
}

fn unlock_failed(session: &Session, title: &str, e: cairn_app::AppError) -> Response {
    let t = Tr(session.lang);
    // The vault's path often contains the computer account's name: a screen
    // that may be seen by someone else does not show it.
    let message = match &e {
        cairn_app::AppError::WrongPassphrase(_) => t.get("unlock-wrong-passphrase"),
        other => cairn_i18n::describe_app_error(t, other),
    };
    let mut l = Layout::new(session, title, false);
    l.error = Some(message);
    let mut response = page(UnlockPage { l });
    *response.status_mut() = axum::http::StatusCode::UNAUTHORIZED;
    response
}

pub async fn lock(State(state): State<AppState>, _form: FormData) -> Response {
    state.lock().await;
    (
        [(
            header::HeaderName::from_static("clear-site-data"),
            "\"cache\", \"storage\"",
        )],
        Redirect::to("/unlock"),
    )
        .into_response()
}

#[derive(Template)]
#[template(path = "exited.html")]
struct ExitedPage {
    url: String,
}

/// Quick exit: lock at once, then leave for the neutral site. No CSRF token
/// is required (locking is always safe, and a stale page must still work);
/// the guard has already refused cross-origin requests.
pub async fn exit(State(state): State<AppState>) -> Response {
    state.lock().await;
    let url = state.config().exit_url.clone();
    // A refresh, not a redirect: the form-action CSP would block a redirect
    // to another site, and a refresh leaves no Cairn page to go "back" to.
    (
        [(
            header::HeaderName::from_static("clear-site-data"),
            "\"cache\", \"storage\"",
        )],
        page(ExitedPage { url }),
    )
        .into_response()
}

pub async fn set_lang(
    State(state): State<AppState>,
    CurrentSession(session): CurrentSession,
    form: FormData,
) -> Response {
    let lang = form.get("lang").and_then(Lang::parse).unwrap_or_default();
    state.set_lang(&session, lang);
    let back = session
        .last_page
        .clone()
        .filter(|p| p.starts_with('/') && !p.starts_with("//"))
        .unwrap_or_else(|| "/".into());
    ([(header::SET_COOKIE, lang_cookie(lang))], Redirect::to(&back)).into_response()
}
