//! Turning errors into words: every failure a person can meet is worded from
//! the Fluent files, naming the file, field or value at fault.

use std::process::ExitCode;

use cairn_app::AppError;
use cairn_app::StoreError;
use cairn_app::core::{IdError, Invalid, Reason};

use crate::Exit;
use crate::t;

pub fn report(error: &anyhow::Error) -> ExitCode {
    if let Some(exit) = error.downcast_ref::<Exit>() {
        return match exit {
            Exit::VerificationFailed => ExitCode::from(3),
        };
    }
    eprintln!("{}", t!("error-prefix", message = describe(error)));
    match error.downcast_ref::<AppError>() {
        Some(AppError::WrongPassphrase(_)) => ExitCode::from(4),
        _ => ExitCode::FAILURE,
    }
}

/// The whole message: our own layers translated, then the underlying cause.
pub fn describe(error: &anyhow::Error) -> String {
    if let Some(app) = error.downcast_ref::<AppError>() {
        return describe_app(app);
    }
    if let Some(invalid) = error.downcast_ref::<Invalid>() {
        return describe_invalid(invalid);
    }
    if let Some(id) = error.downcast_ref::<IdError>() {
        return describe_id(id);
    }
    // Context layers are already translated; the root may be an OS message.
    error.chain().map(|e| e.to_string()).collect::<Vec<_>>().join(": ")
}

fn describe_id(e: &IdError) -> String {
    t!(
        "error-bad-id",
        kind = t!(&format!("kind-{}", e.kind)),
        value = &e.value,
        prefix = e.prefix
    )
}

fn describe_invalid(e: &Invalid) -> String {
    let field_id = format!("field-{}", e.field.replace(' ', "-"));
    let field = crate::i18n::try_tr(&crate::i18n::language(), &field_id).unwrap_or_else(|| e.field.to_owned());
    let reason = match &e.reason {
        Reason::Empty => t!("reason-empty"),
        Reason::TooLong { max_chars } => t!("reason-too-long", max = *max_chars),
        Reason::OutOfRange { min, max } => t!("reason-out-of-range", min = min.to_string(), max = max.to_string()),
        Reason::NotOneOf { allowed } => t!("reason-not-one-of", allowed = allowed.join(", ")),
        Reason::NotAPhoneNumber => t!("reason-not-phone"),
        Reason::NotAnEmail => t!("reason-not-email"),
        Reason::NotADateTime => t!("reason-not-datetime"),
        Reason::InTheFuture => t!("reason-future"),
        Reason::TimeWithDateOnly => t!("reason-time-with-date-only"),
        other => other.to_string(),
    };
    t!("error-invalid", field = field, value = &e.value, reason = reason)
}

pub fn describe_app(e: &AppError) -> String {
    let path = |p: &std::path::Path| p.display().to_string();
    match e {
        AppError::Invalid(i) => describe_invalid(i),
        AppError::WrongPassphrase(p) => t!("error-wrong-passphrase", path = path(p)),
        AppError::NoVault(p) => t!("error-no-vault", path = path(p)),
        AppError::VaultExists(p) => t!("error-vault-exists", path = path(p)),
        AppError::KeyFileDamaged { path: p, detail } => t!("error-key-file-damaged", path = path(p), detail = detail),
        AppError::NewerVault {
            path: p,
            found,
            supported,
        } => t!(
            "error-newer-vault",
            path = path(p),
            found = u64::from(*found),
            supported = u64::from(*supported)
        ),
        AppError::NotInCase { what, id, case } => t!(
            "error-not-in-case",
            kind = t!(&format!("kind-{what}")),
            id = id,
            case = case
        ),
        AppError::NoSuchCase(case) => t!("error-no-such-case", case = case),
        AppError::SamePassphrase => t!("error-same-passphrase"),
        AppError::File { path: p, source } => t!("error-file", path = path(p), detail = source.to_string()),
        AppError::Store(s) => describe_store(s),
        AppError::Crypto(c) => t!("error-crypto", detail = c.to_string()),
        AppError::NoSuchEvent { case, seq, size } => t!("error-no-such-event", case = case, seq = *seq, size = *size),
        AppError::NoSuchCheckpoint { case, size } => t!("error-no-such-checkpoint", case = case, size = *size),
        AppError::Proof(p) => t!("error-proof", detail = p.to_string()),
        other => other.to_string(),
    }
}

fn describe_store(e: &StoreError) -> String {
    match e {
        StoreError::NotADatabase { path } => t!("error-not-a-database", path = path.display().to_string()),
        StoreError::NewerSchema { found, known } => t!(
            "error-newer-schema",
            found = found.to_string(),
            known = known.to_string()
        ),
        StoreError::DirtySchema(v) => t!("error-dirty-schema", version = v.to_string()),
        StoreError::NotFound { what, id } => t!("error-not-found", kind = t!(&format!("kind-{what}")), id = id),
        StoreError::Conflict(detail) => t!("error-conflict", detail = detail),
        StoreError::Corrupt(detail) => t!("error-corrupt", detail = detail),
        StoreError::BlobMissing { sha256 } => t!("error-blob-missing", sha256 = sha256),
        StoreError::BlobIntegrity { sha256, reason } => t!("error-blob-integrity", sha256 = sha256, detail = reason),
        StoreError::Io { context, source } => t!("error-io", context = context, detail = source.to_string()),
        other => t!("error-storage", detail = other.to_string()),
    }
}
