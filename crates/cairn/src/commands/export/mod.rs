//! `cairn export …`: what leaves the vault, each recorded in the journal.
//! The packet is for examiners; the documents are for the people who fill
//! in a petition, a complaint or a spreadsheet.

mod chronology;
mod document;
mod history;
mod ic3;
mod incidents;
mod messages;
mod packet;

use anyhow::Result;
use cairn_app::core::{EvidenceId, IncidentId, Selection, SubjectId};
use clap::{Args, Subcommand};

use crate::context::Context;

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// A verifiable court packet (zip): report, evidence, journal, proofs, signed hashes.
    Packet(packet::PacketArgs),
    /// A protective-order chronology: numbered incidents and their evidence (PDF or CSV).
    Chronology(chronology::ChronologyArgs),
    /// Every field of the chosen incidents as CSV, for a spreadsheet.
    Incidents(incidents::IncidentsArgs),
    /// The chosen messages and calls as CSV, each traced to its source file.
    Messages(messages::MessagesArgs),
    /// An IC3 complaint worksheet: paste-ready text by the form's sections.
    Ic3(ic3::Ic3Args),
    /// Every export of a case so far: when, by whom, what and for whom.
    History(history::HistoryArgs),
}

/// What to include; the same rules as the packet's (docs/packet-spec.md).
#[derive(Debug, Args)]
pub struct SelectionArgs {
    /// Only these incidents (i-…); repeat for more. Default: all.
    #[arg(long = "incident", value_name = "INCIDENT")]
    pub incidents: Vec<String>,
    /// Only these subjects (s-…); repeat for more. Default: all.
    #[arg(long = "subject", value_name = "SUBJECT")]
    pub subjects: Vec<String>,
    /// Only these evidence items (e-…); repeat for more. Default: all, or those of the chosen incidents.
    #[arg(long = "evidence", value_name = "EVIDENCE")]
    pub evidence: Vec<String>,
    /// First day to include (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<jiff::civil::Date>,
    /// Last day to include (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<jiff::civil::Date>,
}

impl SelectionArgs {
    pub fn selection(&self) -> Result<Selection> {
        Ok(Selection {
            incidents: ids::<IncidentId>(&self.incidents)?,
            subjects: ids::<SubjectId>(&self.subjects)?,
            evidence: ids::<EvidenceId>(&self.evidence)?,
            from: self.from,
            to: self.to,
            ..Selection::default()
        })
    }
}

fn ids<T: std::str::FromStr>(raw: &[String]) -> Result<Vec<T>>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    raw.iter().map(|r| Ok(r.trim().parse::<T>()?)).collect()
}

pub async fn run(ctx: &Context, command: &ExportCommand) -> Result<()> {
    match command {
        ExportCommand::Packet(args) => packet::run(ctx, args).await,
        ExportCommand::Chronology(args) => chronology::run(ctx, args).await,
        ExportCommand::Incidents(args) => incidents::run(ctx, args).await,
        ExportCommand::Messages(args) => messages::run(ctx, args).await,
        ExportCommand::Ic3(args) => ic3::run(ctx, args).await,
        ExportCommand::History(args) => history::run(ctx, args).await,
    }
}
