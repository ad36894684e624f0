//! clap's help and usage errors, in the person's language.
//!
//! The clap types in `cli.rs` carry English doc comments for developers; at
//! run time every command's `about` and every argument's help are replaced
//! from the Fluent files (`help-<command path>` and
//! `help-<command path>--<argument id>`), so English and Spanish come from the
//! same place. A test walks the whole tree and requires both languages.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory};

use crate::i18n::{self, tr};
use crate::t;

/// `--lang` must be known before clap parses (it words clap's own output).
pub fn lang_from_args(args: &[OsString]) -> Option<String> {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    args.iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).cloned(),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        })
}

pub fn command() -> Command {
    localize(crate::cli::Cli::command(), "help")
}

fn localize(mut cmd: Command, key: &str) -> Command {
    let t = i18n::translator();
    if t.has(key) {
        cmd = cmd.about(t.get(key));
    }
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        tr("help-usage")
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(tr("help-commands"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(tr("help-flag")),
        );
    if key == "help" {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(tr("help-version")),
        );
    }
    let args: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in args {
        let arg_key = format!("{key}--{id}");
        let help = t.has(&arg_key).then(|| t.get(&arg_key));
        let heading = tr(if positional { "help-arguments" } else { "help-options" });
        cmd = cmd.mut_arg(&id, |a| {
            let a = a.help_heading(heading);
            match help {
                Some(h) => a.help(h),
                None => a,
            }
        });
    }
    let subcommands: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in subcommands {
        let sub_key = format!("{key}-{name}");
        cmd = cmd.mut_subcommand(&name, |s| localize(s, &sub_key));
    }
    cmd
}

fn context(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// Prints a usage error (or help/version, which clap reports as "errors").
pub fn usage_error(e: clap::Error) -> ExitCode {
    let message = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
        ErrorKind::InvalidValue => t!(
            "usage-invalid-value",
            arg = context(&e, ContextKind::InvalidArg),
            value = context(&e, ContextKind::InvalidValue)
        ),
        ErrorKind::UnknownArgument => t!("usage-unknown-argument", arg = context(&e, ContextKind::InvalidArg)),
        ErrorKind::InvalidSubcommand => t!(
            "usage-unknown-command",
            name = context(&e, ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => t!("usage-missing-argument", arg = context(&e, ContextKind::InvalidArg)),
        ErrorKind::MissingSubcommand => t!("usage-missing-command"),
        ErrorKind::ArgumentConflict => t!(
            "usage-conflict",
            arg = context(&e, ContextKind::InvalidArg),
            other = context(&e, ContextKind::PriorArg)
        ),
        ErrorKind::ValueValidation => t!(
            "usage-invalid-value",
            arg = context(&e, ContextKind::InvalidArg),
            value = context(&e, ContextKind::InvalidValue)
        ),
        _ => e.to_string().trim_start_matches("error: ").trim().to_owned(),
    };
    eprintln!("{}", t!("error-prefix", message = message));
    eprintln!("{}", t!("usage-see-help"));
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Tr};

    /// Every command and argument has help in both languages.
    fn missing(cmd: &Command, key: &str, out: &mut Vec<String>) {
        for t in [Tr(Lang::En), Tr(Lang::Es)] {
            let lang = t.lang();
            if !t.has(key) {
                out.push(format!("{lang}: {key}"));
            }
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                let arg_key = format!("{key}--{id}");
                if !t.has(&arg_key) {
                    out.push(format!("{lang}: {arg_key}"));
                }
            }
        }
        for sub in cmd.get_subcommands() {
            missing(sub, &format!("{key}-{}", sub.get_name()), out);
        }
    }

    #[test]
    fn every_command_and_argument_is_translated() {
        let mut out = Vec::new();
        missing(&crate::cli::Cli::command(), "help", &mut out);
        assert!(out.is_empty(), "missing help translations:\n{}", out.join("\n"));
    }

    #[test]
    fn lang_is_found_before_parsing() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_from_args(&args(&["cairn", "--lang", "es", "case", "list"])),
            Some("es".into())
        );
        assert_eq!(
            lang_from_args(&args(&["cairn", "case", "list", "--lang=es"])),
            Some("es".into())
        );
        assert_eq!(lang_from_args(&args(&["cairn", "case", "list"])), None);
    }

    #[test]
    fn clap_definition_is_consistent() {
        command().debug_assert();
    }
}
