//! `cairn export incidents`: Every field of the chosen incidents as CSV, for a spreadsheet.

use anyhow::Result;
use cairn_app::Document;
use clap::Args;

use super::document::{DocumentArgs, export};
use crate::context::Context;

#[derive(Debug, Args)]
pub struct IncidentsArgs {
    #[command(flatten)]
    pub document: DocumentArgs,
}

pub async fn run(ctx: &Context, args: &IncidentsArgs) -> Result<()> {
    export(ctx, &args.document, Document::IncidentsCsv).await
}
