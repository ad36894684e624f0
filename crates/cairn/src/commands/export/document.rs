//! What every document export shares: who it is for, where it goes, and
//! the line that says what was written.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Result;
use cairn_app::{Destination, Document, DocumentRequest, DocumentSummary};
use cairn_i18n::export::PacketText;
use clap::Args;

use crate::cli::CaseArg;
use crate::context::{Context, parse_case};
use crate::i18n::translator;
use crate::t;

use super::SelectionArgs;

#[derive(Debug, Args)]
pub struct DocumentArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// Where to write the file.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Who it is for (recorded in the journal), e.g. "Petition, family court".
    #[arg(long)]
    pub recipient: String,
    /// Why it is being shared (recorded in the journal).
    #[arg(long)]
    pub purpose: Option<String>,
    #[command(flatten)]
    pub selection: SelectionArgs,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub async fn export(ctx: &Context, args: &DocumentArgs, document: Document) -> Result<()> {
    let vault = ctx.open().await?;
    let request = DocumentRequest {
        case: parse_case(&args.case.case)?,
        document,
        selection: args.selection.selection()?,
        recipient: args.recipient.clone(),
        purpose: args.purpose.clone(),
        destination: Destination::File {
            path: args.out.clone(),
            overwrite: args.force,
        },
    };
    let summary = vault
        .export_document(request, Arc::new(PacketText(translator())))
        .await?;
    if ctx.json() {
        return ctx.print_json(&json(&summary));
    }
    println!(
        "{}",
        t!(
            "export-document-written",
            path = summary
                .written
                .path()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            rows = summary.rows,
            evidence = summary.evidence as u64
        )
    );
    if matches!(
        document,
        Document::ChronologyCsv | Document::IncidentsCsv | Document::MessagesCsv
    ) {
        println!("{}", t!("export-document-csv-note"));
    }
    println!(
        "{}",
        t!(
            "export-written-fingerprint",
            fingerprint = summary.checkpoint_fingerprint.clone()
        )
    );
    Ok(())
}

fn json(s: &DocumentSummary) -> serde_json::Value {
    serde_json::json!({
        "path": s.written.path(),
        "rows": s.rows,
        "evidence": s.evidence,
        "checkpoint_fingerprint": s.checkpoint_fingerprint,
        "export_event": s.export_seq,
    })
}
