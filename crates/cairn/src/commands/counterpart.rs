//! `cairn counterpart`: everyone the case's imports named, and saying which
//! of them is a subject.

use anyhow::Result;
use cairn_app::core::SubjectId;
use clap::Subcommand;

use crate::cli::CaseArg;
use crate::context::{Context, parse_case};
use crate::output::Table;
use crate::t;

#[derive(Debug, Subcommand)]
pub enum CounterpartCommand {
    /// List numbers, addresses and names seen in imports, most frequent first.
    List {
        #[command(flatten)]
        case: CaseArg,
        /// Only those not yet matched to a subject.
        #[arg(long)]
        unassigned: bool,
    },
    /// Record that a counterpart is a subject (adds it to their identifiers).
    Assign {
        #[command(flatten)]
        case: CaseArg,
        /// The number, address or name exactly as listed.
        counterpart: String,
        /// The subject id (s-…).
        #[arg(long)]
        subject: String,
    },
}

pub async fn run(ctx: &Context, command: &CounterpartCommand) -> Result<()> {
    let vault = ctx.open().await?;
    match command {
        CounterpartCommand::List { case, unassigned } => {
            let mut all = vault.counterparts(&parse_case(&case.case)?).await?;
            if *unassigned {
                all.retain(|c| c.subject.is_none());
            }
            if ctx.json() {
                return ctx.print_json(&all);
            }
            if all.is_empty() {
                println!("{}", t!("counterpart-none"));
                return Ok(());
            }
            let mut table = Table::new(&[
                "col-counterpart",
                "col-name",
                "col-subject",
                "col-count",
                "col-first",
                "col-last",
            ]);
            let day = |t: Option<jiff::Timestamp>| t.map(|t| t.strftime("%Y-%m-%d").to_string()).unwrap_or_default();
            for c in &all {
                table.row(vec![
                    super::import::shown_counterpart(&c.value),
                    c.name.clone().unwrap_or_default(),
                    c.subject.as_ref().map(|s| s.to_string()).unwrap_or_else(|| "—".into()),
                    c.communications.to_string(),
                    day(c.first),
                    day(c.last),
                ]);
            }
            table.print();
        }
        CounterpartCommand::Assign {
            case,
            counterpart,
            subject,
        } => {
            let subject = subject.parse::<SubjectId>()?;
            let identifier = vault
                .assign_counterpart(&parse_case(&case.case)?, &subject, counterpart)
                .await?;
            if ctx.json() {
                return ctx.print_json(&serde_json::json!({ "subject": subject, "identifier": identifier }));
            }
            println!(
                "{}",
                t!(
                    "counterpart-assigned",
                    counterpart = identifier.value(),
                    subject = subject.as_str()
                )
            );
        }
    }
    Ok(())
}
