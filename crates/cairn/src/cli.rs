//! The command line, as clap types. Help text here is the English fallback;
//! what people see comes from the Fluent files (see `help.rs`).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::commands::{
    case::CaseCommand, counterpart::CounterpartCommand, evidence::EvidenceCommand, incident::IncidentCommand,
    journal::JournalCommand, passphrase::PassphraseCommand, subject::SubjectCommand,
};

#[derive(Debug, Parser)]
#[command(
    name = "cairn",
    version,
    about = "Document, assess, plan, check and refer — privately.",
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Vault directory (default: the platform's data directory).
    #[arg(long, global = true, env = "CAIRN_VAULT", value_name = "DIR")]
    pub vault: Option<PathBuf>,
    /// Read the passphrase from this file (its first line). CAIRN_PASSPHRASE also works.
    #[arg(long, global = true, env = "CAIRN_PASSPHRASE_FILE", value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
    /// Language for messages: en or es (default: from CAIRN_LANG or LANG).
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    /// Name recorded as the author of changes.
    #[arg(
        long,
        global = true,
        env = "CAIRN_ACTOR",
        default_value = "local",
        value_name = "NAME"
    )]
    pub actor: String,
    /// Machine-readable JSON output.
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new encrypted vault.
    Init,
    /// Start the local web app.
    Serve(crate::commands::serve::ServeArgs),
    /// Manage the vault passphrase.
    #[command(subcommand)]
    Passphrase(PassphraseCommand),
    /// Create, list and show cases.
    #[command(subcommand)]
    Case(CaseCommand),
    /// People causing harm.
    #[command(subcommand)]
    Subject(SubjectCommand),
    /// The incident log.
    #[command(subcommand)]
    Incident(IncidentCommand),
    /// Evidence files.
    #[command(subcommand)]
    Evidence(EvidenceCommand),
    /// Import an export (SMS backup, WhatsApp chat, email, photo) into a case.
    Import(crate::commands::import::ImportArgs),
    /// The messages and calls imported into a case.
    Messages(crate::commands::messages::MessagesArgs),
    /// The pattern of contact per subject: per day, hours, streaks, bursts, escalation.
    Pattern(crate::commands::pattern::PatternArgs),
    /// Numbers, addresses and names seen in imports; match them to subjects.
    #[command(subcommand)]
    Counterpart(CounterpartCommand),
    /// Indicator files for device checks.
    #[command(subcommand)]
    Iocs(crate::commands::iocs::IocsCommand),
    /// Check a capture or an Android acquisition for signs of monitoring.
    #[command(subcommand)]
    Scan(crate::commands::scan::ScanCommand),
    /// Assessments: danger, stalking, trafficking and technology abuse.
    #[command(subcommand)]
    Assess(crate::commands::assess::AssessCommand),
    /// The survivor's safety plan.
    #[command(subcommand)]
    Plan(crate::commands::plan::PlanCommand),
    /// Hotlines and local services.
    #[command(subcommand)]
    Resources(crate::commands::resources::ResourcesCommand),
    /// Verify, checkpoint and prove the case journal.
    #[command(subcommand)]
    Journal(JournalCommand),
    /// Export a case for a court or an investigator.
    #[command(subcommand)]
    Export(crate::commands::export::ExportCommand),
    /// Check an exported packet offline: hashes, signature, proofs.
    Verify(crate::commands::verify::VerifyArgs),
}

/// `--case`, shared by every command that works inside one case.
#[derive(Debug, Args)]
pub struct CaseArg {
    /// The case id (c-…). CAIRN_CASE also works.
    #[arg(long = "case", env = "CAIRN_CASE", value_name = "CASE")]
    pub case: String,
}
