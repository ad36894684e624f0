use anyhow::Result;
use cairn_app::SubjectInput;
use cairn_app::core::Named;
use clap::Subcommand;

use crate::cli::CaseArg;
use crate::context::{Context, parse_case};
use crate::output::Table;
use crate::t;

#[derive(Debug, Subcommand)]
pub enum SubjectCommand {
    /// Add a person causing harm to a case.
    Add {
        #[command(flatten)]
        case: CaseArg,
        /// Name or alias.
        #[arg(long)]
        name: String,
        /// Relationship to the survivor, e.g. former-partner, spouse, family-member, stranger.
        #[arg(long)]
        relationship: String,
        /// Phone number (repeatable); stored in E.164 form.
        #[arg(long = "phone", value_name = "NUMBER")]
        phones: Vec<String>,
        /// Email address (repeatable).
        #[arg(long = "email", value_name = "ADDRESS")]
        emails: Vec<String>,
        /// Handle, optionally as platform:handle (repeatable).
        #[arg(long = "handle", value_name = "HANDLE")]
        handles: Vec<String>,
        /// Notes.
        #[arg(long)]
        notes: Option<String>,
        /// Country for numbers typed without +code (ISO 3166, e.g. US, ES, MX).
        #[arg(long, default_value = "US", value_name = "CC")]
        region: String,
    },
    /// List the subjects of a case.
    List {
        #[command(flatten)]
        case: CaseArg,
    },
}

pub async fn run(ctx: &Context, command: &SubjectCommand) -> Result<()> {
    let vault = ctx.open().await?;
    match command {
        SubjectCommand::Add {
            case,
            name,
            relationship,
            phones,
            emails,
            handles,
            notes,
            region,
        } => {
            let case = parse_case(&case.case)?;
            let input = SubjectInput {
                name: name.clone(),
                relationship: relationship.clone(),
                phones: phones.clone(),
                emails: emails.clone(),
                handles: handles.clone(),
                notes: notes.clone(),
                region: region.clone(),
            };
            let subject = vault.add_subject(&case, input).await?;
            if ctx.json() {
                return ctx.print_json(&subject);
            }
            println!("{}", t!("subject-added", id = subject.id.as_str()));
        }
        SubjectCommand::List { case } => {
            let subjects = vault.subjects(&parse_case(&case.case)?).await?;
            if ctx.json() {
                return ctx.print_json(&subjects);
            }
            if subjects.is_empty() {
                println!("{}", t!("subject-none"));
                return Ok(());
            }
            let mut table = Table::new(&["col-subject", "col-name", "col-relationship", "col-identifiers"]);
            for s in &subjects {
                let ids: Vec<&str> = s.identifiers.iter().map(|i| i.value()).collect();
                table.row(vec![
                    s.id.to_string(),
                    s.name.clone(),
                    t!(&format!("relationship-{}", s.relationship.name())),
                    ids.join(", "),
                ]);
            }
            table.print();
        }
    }
    Ok(())
}
