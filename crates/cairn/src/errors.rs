//! Turning a failed command into words and an exit code.

use std::process::ExitCode;

use cairn_app::AppError;
use cairn_app::core::{IdError, Invalid};

use crate::Exit;
use crate::i18n::translator;
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

/// The whole message: our own errors worded from their data, otherwise the
/// (already translated) context layers and the underlying cause.
pub fn describe(error: &anyhow::Error) -> String {
    let t = translator();
    if let Some(app) = error.downcast_ref::<AppError>() {
        return cairn_i18n::describe_app_error(t, app);
    }
    if let Some(invalid) = error.downcast_ref::<Invalid>() {
        return cairn_i18n::describe_invalid(t, invalid);
    }
    if let Some(id) = error.downcast_ref::<IdError>() {
        return cairn_i18n::describe_id(t, id);
    }
    error.chain().map(|e| e.to_string()).collect::<Vec<_>>().join(": ")
}
