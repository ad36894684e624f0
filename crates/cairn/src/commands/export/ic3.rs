//! `cairn export ic3`: An IC3 complaint worksheet: paste-ready text by the sections of the form.

use anyhow::Result;
use cairn_app::Document;
use clap::Args;

use super::document::{DocumentArgs, export};
use crate::context::Context;

#[derive(Debug, Args)]
pub struct Ic3Args {
    #[command(flatten)]
    pub document: DocumentArgs,
}

pub async fn run(ctx: &Context, args: &Ic3Args) -> Result<()> {
    export(ctx, &args.document, Document::Ic3Worksheet).await
}
