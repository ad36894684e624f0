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
        Reason::NotATimeZone => t.get("reason-not-time-zone"),
        Reason::NotARegion => t.get("reason-not-region"),
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
        AppError::Import { file, error } => t.with(
            "error-import",
            &[("file", text(file)), ("detail", text(describe_import_error(t, error)))],
        ),
        AppError::NotAsImported {
            source_id,
            line,
            offset,
            error,
        } => {
            let at = [
                ("source", text(source_id)),
                ("line", number(*line)),
                ("offset", number(*offset)),
            ];
            match error {
                None => t.with("error-not-as-imported", &at),
                Some(e) => {
                    let mut args = at.to_vec();
                    args.push(("detail", text(describe_import_error(t, e))));
                    t.with("error-not-as-imported-unreadable", &args)
                }
            }
        }
        AppError::Indicators { file, error } => t.with(
            "error-indicators",
            &[
                ("file", text(file)),
                ("detail", text(describe_indicator_error(t, error))),
            ],
        ),
        AppError::Scan { file, detail } => t.with("error-scan", &[("file", text(file)), ("detail", text(detail))]),
        AppError::Assessment(spec) => crate::describe_spec_error(t, spec),
        AppError::NoSuchInstrument(id) => t.with("assess-no-such-instrument", &[("id", text(id))]),
        AppError::NoPlan => t.get("plan-none"),
        AppError::TooManyForPdf { incidents, limit } => t.with(
            "error-too-many-for-pdf",
            &[
                ("incidents", Arg::Number(*incidents as f64)),
                ("limit", Arg::Number(*limit as f64)),
            ],
        ),
        AppError::Phone(problem) => describe_phone_problem(t, problem),
        AppError::Download { url, detail } => t.with("error-download", &[("url", text(url)), ("detail", text(detail))]),
        AppError::TooLargeForDownload { limit } => t.with(
            "error-too-large-for-download",
            &[("mib", Arg::Number((*limit / (1024 * 1024)) as f64))],
        ),
        other => other.to_string(),
    }
}

fn describe_phone_problem(t: Tr, problem: &cairn_app::PhoneProblem) -> String {
    use cairn_app::PhoneProblem as P;
    match problem {
        P::NoneConnected => t.get("scan-phone-none"),
        P::Several { listed } => t.with("scan-phone-several", &[("listed", text(listed))]),
        P::NotConnected { serial, listed } => t.with(
            "scan-phone-not-connected",
            &[("serial", text(serial)), ("listed", text(listed))],
        ),
        P::Unauthorized { serial } => t.with("scan-phone-unauthorized", &[("serial", text(serial))]),
        P::NotReady { serial, state } => t.with(
            "scan-phone-not-ready",
            &[("serial", text(serial)), ("state", text(state))],
        ),
        _ => problem.to_string(),
    }
}

/// What is wrong with an indicator file, without repeating its path.
fn describe_indicator_error(t: Tr, e: &cairn_scan::IndicatorError) -> String {
    use cairn_scan::IndicatorError as E;
    match e {
        E::Yaml {
            line, column, message, ..
        } => t.with(
            "error-indicators-yaml",
            &[
                ("line", number(*line)),
                ("column", number(*column)),
                ("message", text(message)),
            ],
        ),
        E::Json {
            line, column, message, ..
        } => t.with(
            "error-indicators-json",
            &[
                ("line", number(*line as u64)),
                ("column", number(*column as u64)),
                ("message", text(message)),
            ],
        ),
        E::UnknownFormat { .. } | E::NotStixBundle { .. } => t.get("error-indicators-format"),
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
        Problem::ImportNotReproduced { seq, source, detail } => t.with(
            "problem-import-not-reproduced",
            &[
                ("seq", number(*seq)),
                ("source", text(source)),
                ("detail", text(detail)),
            ],
        ),
        Problem::Projection { what, id, seq } => t.with(
            "problem-projection",
            &[("what", text(what)), ("id", text(id)), ("seq", number(*seq))],
        ),
        other => format!("{other:?}"),
    }
}

fn at(t: Tr, at: &cairn_ingest::SourceRef) -> Arg {
    let mut args = vec![("line", number(at.line)), ("offset", number(at.byte_offset))];
    match &at.entry {
        Some(entry) => {
            args.push(("entry", text(entry)));
            text(t.with("import-at-entry", &args))
        }
        None => text(t.with("import-at", &args)),
    }
}

/// An importer's refusal, naming the file's kind and where in it.
pub fn describe_import_error(t: Tr, e: &cairn_ingest::ImportError) -> String {
    use cairn_ingest::ImportError as E;
    let kind = |k: &cairn_ingest::FileKind| {
        let name = serde_json::to_value(k)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        text(t.get(&format!("file-kind-{name}")))
    };
    match e {
        E::Io { kind: k, source } => t.with("error-import-io", &[("kind", kind(k)), ("detail", text(source))]),
        E::Malformed {
            kind: k,
            at: a,
            expected,
            found,
        } => t.with(
            "error-import-malformed",
            &[
                ("kind", kind(k)),
                ("at", at(t, a)),
                ("expected", text(expected)),
                ("found", text(found)),
            ],
        ),
        E::Truncated {
            kind: k,
            at: a,
            expected,
        } => t.with(
            "error-import-truncated",
            &[("kind", kind(k)), ("at", at(t, a)), ("expected", text(expected))],
        ),
        E::UnknownLayout { kind: k, at: a, found } => t.with(
            "error-import-unknown-layout",
            &[
                ("kind", kind(k)),
                ("at", at(t, a)),
                ("found", text(format!("{found:?}"))),
            ],
        ),
        E::AmbiguousDateOrder {
            kind: k,
            at: a,
            example,
        } => t.with(
            "error-import-ambiguous-date-order",
            &[("kind", kind(k)), ("at", at(t, a)), ("example", text(example))],
        ),
        E::ConflictingDateOrder {
            kind: k,
            day_first,
            month_first,
        } => t.with(
            "error-import-conflicting-date-order",
            &[
                ("kind", kind(k)),
                ("first", text(&day_first.text)),
                ("first_at", at(t, &day_first.at)),
                ("second", text(&month_first.text)),
                ("second_at", at(t, &month_first.at)),
            ],
        ),
        E::DateOrderContradicted {
            kind: k,
            at: a,
            example,
        } => t.with(
            "error-import-date-order-contradicted",
            &[("kind", kind(k)), ("at", at(t, a)), ("example", text(example))],
        ),
        E::Archive { kind: k, detail } => {
            t.with("error-import-archive", &[("kind", kind(k)), ("detail", text(detail))])
        }
        E::NoChat { kind: k } => t.with("error-import-no-chat", &[("kind", kind(k))]),
        E::SeveralChats { kind: k, candidates } => t.with(
            "error-import-several-chats",
            &[("kind", kind(k)), ("names", text(candidates.join(", ")))],
        ),
        E::Unsupported { kind: k, what } => {
            t.with("error-import-unsupported", &[("kind", kind(k)), ("what", text(what))])
        }
        E::Sink(detail) => t.with("error-import-sink", &[("detail", text(detail))]),
        other => other.to_string(),
    }
}

/// Why an importer skipped one record.
pub fn describe_skip_reason(t: Tr, reason: &cairn_ingest::SkipReason) -> String {
    use cairn_ingest::SkipReason as R;
    match reason {
        R::MissingField { record, field } => t.with(
            "skip-missing-field",
            &[("record", text(record)), ("field", text(field))],
        ),
        R::BadField { record, field, value } => t.with(
            "skip-bad-field",
            &[("record", text(record)), ("field", text(field)), ("value", text(value))],
        ),
        R::BadAttachment { name, detail } => {
            t.with("skip-bad-attachment", &[("name", text(name)), ("detail", text(detail))])
        }
        R::TooLarge { what, limit } => t.with("skip-too-large", &[("what", text(what)), ("limit", number(*limit))]),
        R::UnknownRecord { name } => t.with("skip-unknown-record", &[("name", text(name))]),
        R::NotAnEmail => t.get("skip-not-an-email"),
        other => other.to_string(),
    }
}
