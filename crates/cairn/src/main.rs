//! `cairn`: one binary for the command line and the local web app (`cairn serve`).
//!
//! Exit codes: 0 success, 1 error, 2 usage error, 3 verification failed,
//! 4 wrong passphrase.
#![forbid(unsafe_code)]

mod cli;
mod commands;
mod context;
mod errors;
mod help;
mod i18n;
mod output;
mod secret_input;

use std::process::ExitCode;

use clap::FromArgMatches;

use crate::cli::{Cli, Command};
use crate::context::Context;

/// A deliberate non-zero exit whose message was already printed.
#[derive(Debug, Clone, Copy)]
pub enum Exit {
    VerificationFailed,
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&t!("journal-verification-failed"))
    }
}

impl std::error::Error for Exit {}

fn main() -> ExitCode {
    // Decide the language before parsing so help and usage errors are translated.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    i18n::choose(help::lang_from_args(&args).as_deref());
    quiet_panics();
    let matches = match help::command().try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => return help::usage_error(e),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return help::usage_error(e),
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("{}", t!("error-prefix", message = e.to_string()));
            return ExitCode::FAILURE;
        }
    };
    let Cli { global, command } = cli;
    let ctx = Context::new(global);
    let outcome = runtime.block_on(async {
        let outcome = run(&ctx, &command).await;
        ctx.close().await;
        outcome
    });
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => errors::report(&e),
    }
}

async fn run(ctx: &Context, command: &Command) -> anyhow::Result<()> {
    match command {
        Command::Init => commands::init::run(ctx).await,
        Command::Serve(args) => commands::serve::run(ctx, args).await,
        Command::Passphrase(c) => commands::passphrase::run(ctx, c).await,
        Command::Case(c) => commands::case::run(ctx, c).await,
        Command::Subject(c) => commands::subject::run(ctx, c).await,
        Command::Incident(c) => commands::incident::run(ctx, c).await,
        Command::Evidence(c) => commands::evidence::run(ctx, c).await,
        Command::Journal(c) => commands::journal::run(ctx, c).await,
        Command::Import(args) => commands::import::run(ctx, args).await,
        Command::Messages(args) => commands::messages::run(ctx, args).await,
        Command::Counterpart(c) => commands::counterpart::run(ctx, c).await,
        Command::Pattern(args) => commands::pattern::run(ctx, args).await,
        Command::Iocs(c) => commands::iocs::run(ctx, c).await,
        Command::Scan(c) => commands::scan::run(ctx, c).await,
        Command::Export(c) => commands::export::run(ctx, c).await,
        Command::Verify(args) => commands::verify::run(ctx, args).await,
        Command::Assess(c) => commands::assess::run(ctx, c).await,
        Command::Plan(c) => commands::plan::run(ctx, c).await,
        Command::Resources(c) => commands::resources::run(ctx, c).await,
    }
}

/// A panic must never show a backtrace or its message (which could hold a
/// case's contents) to a person. Output cut short by a closed pipe (`| head`)
/// is not an error at all.
const INTERNAL_ERROR: &str = "cairn stopped on an internal error. Nothing was half-written: every change is one transaction. \
Please report what you were doing (not the case's contents).\n\
cairn se detuvo por un error interno. No quedó nada a medio escribir: cada cambio es una transacción. \
Informe de lo que estaba haciendo (no del contenido del caso).";

fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.contains("Broken pipe") {
            std::process::exit(141);
        }
        // Not looked up in the Fluent files: the panic may have come from
        // loading them, and a lookup here would then wait on itself forever.
        eprintln!("{INTERNAL_ERROR}");
    }));
}
