//! `cairn export chronology`: dated, numbered incidents with the evidence
//! that supports each, for a protective-order petition.

use anyhow::Result;
use cairn_app::Document;
use clap::{Args, ValueEnum};

use super::document::{DocumentArgs, export};
use crate::context::Context;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Pdf,
    Csv,
}

#[derive(Debug, Args)]
pub struct ChronologyArgs {
    #[command(flatten)]
    pub document: DocumentArgs,
    /// pdf or csv; by default taken from the output file's extension.
    #[arg(long)]
    pub format: Option<Format>,
}

pub async fn run(ctx: &Context, args: &ChronologyArgs) -> Result<()> {
    let csv_named = args
        .document
        .out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let document = match args.format {
        Some(Format::Csv) => Document::ChronologyCsv,
        Some(Format::Pdf) => Document::ChronologyPdf,
        None if csv_named => Document::ChronologyCsv,
        None => Document::ChronologyPdf,
    };
    export(ctx, &args.document, document).await
}
