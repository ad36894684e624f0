//! `cairn scan android`: a live check of a phone connected by USB, through
//! the adb server on this machine. Read-only commands; their outputs are
//! kept as evidence and the findings recorded, like any other check.

use std::io::IsTerminal;

use anyhow::Result;
use cairn_app::LiveScanRequest;
use clap::Args;
use indicatif::ProgressBar;

use super::scan::print_report;
use crate::cli::CaseArg;
use crate::context::{Context, parse_case};
use crate::t;

#[derive(Debug, Args)]
pub struct AndroidArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// Which phone, when more than one is connected (as `adb devices` lists it).
    #[arg(long)]
    pub serial: Option<String>,
    /// The adb server's port on this computer.
    #[arg(long, env = "ANDROID_ADB_SERVER_PORT", default_value_t = 5037)]
    pub adb_port: u16,
    /// A note kept with the check, e.g. whose phone and where.
    #[arg(long)]
    pub note: Option<String>,
}

pub async fn run(ctx: &Context, args: &AndroidArgs) -> Result<()> {
    let vault = ctx.open().await?;
    let case = parse_case(&args.case.case)?;
    let spinner = if ctx.json() || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        let spinner = ProgressBar::new_spinner();
        spinner.set_message(t!("scan-phone-progress"));
        spinner.enable_steady_tick(std::time::Duration::from_millis(120));
        spinner
    };
    let request = LiveScanRequest {
        port: args.adb_port,
        serial: args.serial.clone(),
        note: args.note.clone(),
    };
    let report = vault.scan_android(&case, request).await;
    spinner.finish_and_clear();
    let report = report?;
    if ctx.json() {
        return ctx.print_json(&report);
    }
    print_report(&report);
    Ok(())
}
