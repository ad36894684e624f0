//! `cairn export packet`: a court packet an examiner can verify offline.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Result;
use cairn_app::core::Selection;
use cairn_app::{Destination, PacketRequest, PacketSummary};
use cairn_i18n::export::PacketText;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::CaseArg;
use crate::context::{Context, parse_case};
use crate::i18n::translator;
use crate::t;

use super::SelectionArgs;

#[derive(Debug, Args)]
pub struct PacketArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// Where to write the packet (a .zip file).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Who the packet is for (recorded in the journal), e.g. "Family court, Dept. 4".
    #[arg(long)]
    pub recipient: String,
    /// Why it is being shared (recorded in the journal).
    #[arg(long)]
    pub purpose: Option<String>,
    #[command(flatten)]
    pub selection: SelectionArgs,
    /// Include pictures with their original location and device metadata.
    #[arg(long)]
    pub original_images: bool,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

fn bar(ctx: &Context) -> ProgressBar {
    if ctx.json() || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    let template = format!("{{msg}} [{{bar:30}}] {{bytes}}/{{total_bytes}} {}", t!("progress-eta"));
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(t!("export-progress"));
    bar
}

pub async fn run(ctx: &Context, args: &PacketArgs) -> Result<()> {
    let vault = ctx.open().await?;
    let case = parse_case(&args.case.case)?;
    let selection = Selection {
        original_images: args.original_images,
        ..args.selection.selection()?
    };
    let request = PacketRequest {
        case,
        selection,
        recipient: args.recipient.clone(),
        purpose: args.purpose.clone(),
        destination: Destination::File {
            path: args.out.clone(),
            overwrite: args.force,
        },
    };
    let progress_bar = bar(ctx);
    let shown = progress_bar.clone();
    let wording = Arc::new(PacketText(translator()));
    let summary = vault
        .export_packet(request, wording, move |done, total| {
            shown.set_length(total);
            shown.set_position(done);
        })
        .await;
    progress_bar.finish_and_clear();
    let summary = summary?;
    if ctx.json() {
        return ctx.print_json(&json(&summary));
    }
    print(&summary);
    Ok(())
}

fn json(s: &PacketSummary) -> serde_json::Value {
    serde_json::json!({
        "path": s.written.path(),
        "events": s.events,
        "evidence": s.evidence,
        "metadata_removed": s.stripped,
        "withheld": s.withheld,
        "imported_files_with_media": s.carrying_files,
        "checkpoint_fingerprint": s.checkpoint_fingerprint,
        "key_fingerprint": s.key_fingerprint,
        "export_event": s.export_seq,
    })
}

fn print(s: &PacketSummary) {
    println!(
        "{}",
        t!(
            "export-written",
            path = written_path(s),
            events = s.events,
            evidence = s.evidence as u64
        )
    );
    if s.stripped > 0 {
        println!("{}", t!("export-written-stripped", count = s.stripped as u64));
    }
    if s.withheld > 0 {
        println!("{}", t!("export-written-withheld", count = s.withheld as u64));
    }
    if s.carrying_files > 0 {
        println!("{}", t!("export-written-carrying", count = s.carrying_files as u64));
    }
    println!(
        "{}",
        t!(
            "export-written-fingerprint",
            fingerprint = s.checkpoint_fingerprint.clone()
        )
    );
    println!("{}", t!("export-written-key", fingerprint = s.key_fingerprint.clone()));
    println!("{}", t!("export-written-verify", path = written_path(s)));
}

fn written_path(s: &PacketSummary) -> String {
    s.written.path().map(|p| p.display().to_string()).unwrap_or_default()
}
