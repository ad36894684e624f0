//! The page frame every template shares, form parsing, and how failures
//! become pages.

use askama::Template;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{Html, IntoResponse, Redirect, Response};
use cairn_i18n::{Lang, Tr};

use crate::security::csrf_ok;
use crate::state::{AppState, Session, SharedVault};

/// What the frame around every page needs.
pub struct Layout {
    pub t: Tr,
    pub csrf: String,
    pub title: String,
    pub unlocked: bool,
    /// The case being worked on, for the case navigation.
    pub case: Option<(String, String)>,
    /// Which navigation entry is current.
    pub nav: &'static str,
    pub error: Option<String>,
    pub notice: Option<String>,
    pub exit_url: String,
}

impl Layout {
    pub fn new(session: &Session, title_id: &str, unlocked: bool) -> Self {
        let t = Tr(session.lang);
        Self {
            title: t.get(title_id),
            t,
            csrf: session.csrf.clone(),
            unlocked,
            case: None,
            nav: "",
            error: None,
            notice: None,
            exit_url: session.exit_url.to_string(),
        }
    }

    pub fn in_case(mut self, id: &str, label: &str, nav: &'static str) -> Self {
        self.case = Some((id.to_owned(), label.to_owned()));
        self.nav = nav;
        self
    }

    pub fn other_lang(&self) -> &'static str {
        match self.t.0 {
            Lang::En => "es",
            Lang::Es => "en",
        }
    }
}

/// Renders a template into a response.
pub fn page(template: impl Template) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "page could not be rendered").into_response(),
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    l: Layout,
}

/// A failure shown to a person: a page in their language, never a trace.
/// Boxed: it travels through every handler's `Result`.
pub struct PageError(Box<PageErrorParts>);

struct PageErrorParts {
    status: StatusCode,
    message: String,
    session: Session,
    unlocked: bool,
}

impl PageError {
    pub fn new(session: &Session, status: StatusCode, message: String) -> Self {
        Self(Box::new(PageErrorParts {
            status,
            message,
            session: session.clone(),
            unlocked: true,
        }))
    }

    pub fn app(session: &Session, e: &cairn_app::AppError) -> Self {
        use cairn_app::AppError;
        let status = match e {
            // What the person sent or asked for cannot be used: they can fix it.
            AppError::Invalid(_)
            | AppError::Scan { .. }
            | AppError::Import { .. }
            | AppError::Indicators { .. }
            | AppError::Assessment(_)
            | AppError::TooLargeForDownload { .. }
            | AppError::TooManyForPdf { .. }
            | AppError::NoPlan => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::NotInCase { .. } | AppError::NoSuchCase(_) | AppError::NoSuchEvent { .. } => {
                StatusCode::NOT_FOUND
            }
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        Self::new(session, status, cairn_i18n::describe_app_error(Tr(session.lang), e))
    }

    pub fn csrf(session: &Session) -> Self {
        Self::new(session, StatusCode::FORBIDDEN, Tr(session.lang).get("error-csrf"))
    }

    pub fn not_found(session: &Session) -> Self {
        Self::new(
            session,
            StatusCode::NOT_FOUND,
            Tr(session.lang).get("error-page-not-found"),
        )
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let PageErrorParts {
            status,
            message,
            session,
            unlocked,
        } = *self.0;
        let mut l = Layout::new(&session, "title-error", unlocked);
        l.error = Some(message);
        let mut response = page(ErrorPage { l });
        *response.status_mut() = status;
        response
    }
}

pub type PageResult = Result<Response, PageError>;

/// A request from a session that has the vault open. Anything else is sent
/// to unlock (or, with no vault yet, to create one).
pub struct Open {
    pub vault: SharedVault,
    pub session: Session,
}

impl FromRequestParts<AppState> for Open {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let session = parts
            .extensions
            .get::<Session>()
            .cloned()
            .ok_or_else(|| StatusCode::INTERNAL_SERVER_ERROR.into_response())?;
        match state.vault_for(&session).await {
            Some(vault) => Ok(Open { vault, session }),
            None if parts.uri.path().starts_with("/api/") => Err((
                StatusCode::UNAUTHORIZED,
                axum::Json(serde_json::json!({"error": "locked"})),
            )
                .into_response()),
            None if !state.vault_exists() => Err(Redirect::to("/setup").into_response()),
            None => Err(Redirect::to("/unlock").into_response()),
        }
    }
}

/// The session of any request (always present: the guard middleware adds it).
pub struct CurrentSession(pub Session);

impl<S: Send + Sync> FromRequestParts<S> for CurrentSession {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, StatusCode> {
        parts
            .extensions
            .get::<Session>()
            .cloned()
            .map(CurrentSession)
            .ok_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// An `application/x-www-form-urlencoded` body whose CSRF token was checked.
/// Repeated names (checkbox groups) are kept, unlike serde forms.
pub struct FormData(Vec<(String, String)>);

impl FormData {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// A value with surrounding space removed, or `None` when blank.
    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    }

    /// Every field in the order the form sent them.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect()
    }

    pub fn checked(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

const FORM_LIMIT: usize = 1 << 20;

impl FromRequest<AppState> for FormData {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Response> {
        let session = request
            .extensions()
            .get::<Session>()
            .cloned()
            .ok_or_else(|| StatusCode::INTERNAL_SERVER_ERROR.into_response())?;
        let bytes = axum::body::to_bytes(request.into_body(), FORM_LIMIT)
            .await
            .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?;
        let pairs: Vec<(String, String)> = form_urlencoded::parse(&bytes).into_owned().collect();
        let form = FormData(pairs);
        if !form.get("csrf").is_some_and(|token| csrf_ok(&session, token)) {
            let _ = state;
            return Err(PageError::csrf(&session).into_response());
        }
        Ok(form)
    }
}
