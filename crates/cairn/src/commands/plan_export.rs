//! `cairn plan export`: the latest safety plan as a PDF to print, in full
//! or as a safe copy with a neutral title and no case details.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Result;
use cairn_app::{Destination, PlanPdfRequest};
use cairn_i18n::export::PacketText;
use clap::Args;

use crate::cli::CaseArg;
use crate::context::{Context, parse_case};
use crate::i18n::translator;
use crate::t;

#[derive(Debug, Args)]
pub struct PlanExportArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// Where to write the PDF.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// A copy without case details and with a neutral title.
    #[arg(long)]
    pub safe_copy: bool,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub async fn run(ctx: &Context, args: &PlanExportArgs) -> Result<()> {
    let vault = ctx.open().await?;
    let request = PlanPdfRequest {
        case: parse_case(&args.case.case)?,
        safe_copy: args.safe_copy,
        destination: Destination::File {
            path: args.out.clone(),
            overwrite: args.force,
        },
    };
    let written = vault
        .export_plan_pdf(request, Arc::new(PacketText(translator())))
        .await?;
    let path = written.path().map(|p| p.display().to_string()).unwrap_or_default();
    if ctx.json() {
        return ctx.print_json(&serde_json::json!({ "path": path, "safe_copy": args.safe_copy }));
    }
    println!("{}", t!("plan-exported", path = path));
    Ok(())
}
