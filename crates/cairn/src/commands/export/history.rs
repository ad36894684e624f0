//! `cairn export history`: every disclosure of a case, from the journal —
//! what left the vault, when, by whom and for whom.

use anyhow::Result;
use cairn_app::core::Named;
use clap::Args;

use crate::cli::CaseArg;
use crate::context::{Context, parse_case};
use crate::i18n::tr;
use crate::output::Table;
use crate::t;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    #[command(flatten)]
    pub case: CaseArg,
}

pub async fn run(ctx: &Context, args: &HistoryArgs) -> Result<()> {
    let vault = ctx.open().await?;
    let disclosures = vault.disclosures(&parse_case(&args.case.case)?).await?;
    if ctx.json() {
        return ctx.print_json(&disclosures);
    }
    if disclosures.is_empty() {
        println!("{}", t!("export-history-none"));
        return Ok(());
    }
    let mut table = Table::new(&[
        "col-journal-event",
        "col-time",
        "col-actor",
        "col-export-kind",
        "col-recipient",
        "col-purpose",
        "col-evidence",
    ]);
    for d in &disclosures {
        table.row(vec![
            d.seq.to_string(),
            crate::i18n::translator().timestamp(d.recorded_at),
            d.actor.clone(),
            tr(&format!("export-kind-{}", d.value.kind.name())),
            d.value.recipient.clone(),
            d.value.purpose.clone().unwrap_or_default(),
            d.value.evidence.len().to_string(),
        ]);
    }
    table.print();
    Ok(())
}
