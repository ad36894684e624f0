use anyhow::Result;
use cairn_app::CaseSummary;
use clap::Subcommand;

use crate::context::{Context, parse_case};
use crate::output::Table;
use crate::t;

#[derive(Debug, Subcommand)]
pub enum CaseCommand {
    /// Open a new case with a pseudonymous id.
    New {
        /// How you will recognise the case (kept encrypted; never used as its id).
        #[arg(long)]
        label: String,
    },
    /// List cases.
    List,
    /// Show one case.
    Show {
        /// The case id (c-…).
        case: String,
    },
}

pub async fn run(ctx: &Context, command: &CaseCommand) -> Result<()> {
    let vault = ctx.open().await?;
    match command {
        CaseCommand::New { label } => {
            let case = vault.open_case(label).await?;
            if ctx.json() {
                return ctx.print_json(&case);
            }
            println!("{}", t!("case-created", id = case.id.as_str()));
        }
        CaseCommand::List => {
            let cases = vault.cases().await?;
            if ctx.json() {
                return ctx.print_json(&cases);
            }
            if cases.is_empty() {
                println!("{}", t!("case-none"));
                return Ok(());
            }
            let mut table = Table::new(&["col-case", "col-label", "col-opened", "col-incidents", "col-evidence"]);
            for c in &cases {
                table.row(vec![
                    c.id.to_string(),
                    c.label.clone(),
                    c.opened_at.strftime("%Y-%m-%d").to_string(),
                    c.incidents.to_string(),
                    c.evidence.to_string(),
                ]);
            }
            table.print();
        }
        CaseCommand::Show { case } => {
            let case = vault.case(&parse_case(case)?).await?;
            if ctx.json() {
                return ctx.print_json(&case);
            }
            print_case(&case);
        }
    }
    Ok(())
}

fn print_case(c: &CaseSummary) {
    let rows = [
        ("col-case", c.id.to_string()),
        ("col-label", c.label.clone()),
        ("col-opened", c.opened_at.strftime("%Y-%m-%d %H:%M UTC").to_string()),
        ("col-opened-by", c.opened_by.clone()),
        ("col-subjects", c.subjects.to_string()),
        ("col-incidents", c.incidents.to_string()),
        ("col-evidence", c.evidence.to_string()),
        ("col-journal-events", c.events.to_string()),
    ];
    crate::output::print_fields(&rows);
}
