//! Wording errors and journal problems from their data.

use cairn_app::core::{IdError, Invalid, Reason};
use cairn_app::{AppError, Problem, StoreError};

use crate::{Arg, Tr};

fn text(value: impl ToString) -> Arg {
    Arg::Text(value.to_string())
}

fn number(value: u64) -> Arg {
    Arg::Number(value as f64)
}

pub fn describe_id(t: Tr, e: &IdError) -> String {
    t.with(
        "error-bad-id",
        &[
            ("kind", text(t.get(&format!("kind-{}", e.kind)))),
            ("value", text(&e.value)),
            ("prefix", text(e.prefix)),
        ],
    )
}

pub fn describe_invalid(t: Tr, e: &Invalid) -> String {
    let field_id = format!("field-{}", e.field.replace(' ', "-"));
    let field = if t.has(&field_id) {
        t.get(&field_id)
    } else {
        e.field.to_owned()
    };
    let reason = match &e.reason {
        Reason::Empty => t.get("reason-empty"),
        Reason::TooLong { max_chars } => t.with("reason-too-long", &[("max", number(*max_chars as u64))]),
        Reason::OutOfRange { min, max } => t.with("reason-out-of-range", &[("min", text(min)), ("max", text(max))]),
        Reason::NotOneOf { allowed } => t.with("reason-not-one-of", &[("allowed", text(allowed.join(", ")))]),
        Reason::NotAPhoneNumber => t.get("reason-not-phone"),
        Reason::NotAnEmail => t.get("reason-not-email"),
        Reason::NotADateTime => t.get("reason-not-datetime"),
        Reason::InTheFuture => t.get("reason-future"),
        Reason::TimeWithDateOnly => t.get("reason-time-with-date-only"),
        other => other.to_string(),
    };
    t.with(
        "error-invalid",
        &[
            ("field", text(field)),
            ("value", text(&e.value)),
            ("reason", text(reason)),
        ],
    )
}

pub fn describe_app_error(t: Tr, e: &AppError) -> String {
    let path = |p: &std::path::Path| text(p.display());
    let kind = |what: &str| text(t.get(&format!("kind-{what}")));
    match e {
        AppError::Invalid(i) => describe_invalid(t, i),
        AppError::WrongPassphrase(p) => t.with("error-wrong-passphrase", &[("path", path(p))]),
        AppError::NoVault(p) => t.with("error-no-vault", &[("path", path(p))]),
        AppError::VaultExists(p) => t.with("error-vault-exists", &[("path", path(p))]),
        AppError::KeyFileDamaged { path: p, detail } => {
            t.with("error-key-file-damaged", &[("path", path(p)), ("detail", text(detail))])
        }
        AppError::NewerVault {
            path: p,
            found,
            supported,
        } => t.with(
            "error-newer-vault",
            &[
                ("path", path(p)),
                ("found", number(u64::from(*found))),
                ("supported", number(u64::from(*supported))),
            ],
        ),
        AppError::NotInCase { what, id, case } => t.with(
            "error-not-in-case",
            &[("kind", kind(what)), ("id", text(id)), ("case", text(case))],
        ),
        AppError::NoSuchCase(case) => t.with("error-no-such-case", &[("case", text(case))]),
        AppError::SamePassphrase => t.get("error-same-passphrase"),
        AppError::File { path: p, source } => t.with("error-file", &[("path", path(p)), ("detail", text(source))]),
        AppError::Store(s) => describe_store(t, s),
        AppError::Crypto(c) => t.with("error-crypto", &[("detail", text(c))]),
        AppError::NoSuchEvent { case, seq, size } => t.with(
            "error-no-such-event",
            &[("case", text(case)), ("seq", number(*seq)), ("size", number(*size))],
        ),
        AppError::NoSuchCheckpoint { case, size } => t.with(
            "error-no-such-checkpoint",
            &[("case", text(case)), ("size", number(*size))],
        ),
        AppError::Proof(p) => t.with("error-proof", &[("detail", text(p))]),
        other => other.to_string(),
    }
}

fn describe_store(t: Tr, e: &StoreError) -> String {
    match e {
        StoreError::NotADatabase { path } => t.with("error-not-a-database", &[("path", text(path.display()))]),
        StoreError::NewerSchema { found, known } => {
            t.with("error-newer-schema", &[("found", text(found)), ("known", text(known))])
        }
        StoreError::DirtySchema(v) => t.with("error-dirty-schema", &[("version", text(v))]),
        StoreError::NotFound { what, id } => t.with(
            "error-not-found",
            &[("kind", text(t.get(&format!("kind-{what}")))), ("id", text(id))],
        ),
        StoreError::Conflict(detail) => t.with("error-conflict", &[("detail", text(detail))]),
        StoreError::Corrupt(detail) => t.with("error-corrupt", &[("detail", text(detail))]),
        StoreError::BlobMissing { sha256 } => t.with("error-blob-missing", &[("sha256", text(sha256))]),
        StoreError::BlobIntegrity { sha256, reason } => t.with(
            "error-blob-integrity",
            &[("sha256", text(sha256)), ("detail", text(reason))],
        ),
        StoreError::Io { context, source } => {
            t.with("error-io", &[("context", text(context)), ("detail", text(source))])
        }
        other => t.with("error-storage", &[("detail", text(other))]),
    }
}

/// One journal problem, naming the event at fault.
pub fn describe_problem(t: Tr, problem: &Problem) -> String {
    match problem {
        Problem::LeafHashMismatch { seq, kind } => {
            t.with("problem-leaf-hash", &[("seq", number(*seq)), ("kind", text(kind))])
        }
        Problem::Unreadable { seq, kind, detail } => t.with(
            "problem-unreadable",
            &[("seq", number(*seq)), ("kind", text(kind)), ("detail", text(detail))],
        ),
        Problem::Misplaced { seq, kind, detail } => t.with(
            "problem-misplaced",
            &[("seq", number(*seq)), ("kind", text(kind)), ("detail", text(detail))],
        ),
        Problem::RootMismatch {
            size,
            first_seq,
            last_seq,
        } if first_seq == last_seq => t.with(
            "problem-root-one",
            &[("size", number(*size)), ("seq", number(*first_seq))],
        ),
        Problem::RootMismatch {
            size,
            first_seq,
            last_seq,
        } => t.with(
            "problem-root-range",
            &[
                ("size", number(*size)),
                ("first", number(*first_seq)),
                ("last", number(*last_seq)),
            ],
        ),
        Problem::BadSignature { size } => t.with("problem-signature", &[("size", number(*size))]),
        Problem::ForeignKey { size, fingerprint } => t.with(
            "problem-foreign-key",
            &[("size", number(*size)), ("fingerprint", text(fingerprint))],
        ),
        Problem::Unsigned { from_seq, to_seq } => t.with(
            "problem-unsigned",
            &[("first", number(*from_seq)), ("last", number(*to_seq))],
        ),
        Problem::Projection { what, id, seq } => t.with(
            "problem-projection",
            &[("what", text(what)), ("id", text(id)), ("seq", number(*seq))],
        ),
        other => format!("{other:?}"),
    }
}
