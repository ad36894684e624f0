//! `cairn export messages`: The chosen messages and calls as CSV, each traced to the file and line it came from.

use anyhow::Result;
use cairn_app::Document;
use clap::Args;

use super::document::{DocumentArgs, export};
use crate::context::Context;

#[derive(Debug, Args)]
pub struct MessagesArgs {
    #[command(flatten)]
    pub document: DocumentArgs,
}

pub async fn run(ctx: &Context, args: &MessagesArgs) -> Result<()> {
    export(ctx, &args.document, Document::MessagesCsv).await
}
