use std::path::PathBuf;

use anyhow::{Context as _, Result};
use cairn_app::core::{EventBody, Incident, IncidentId, Named};
use cairn_app::{IncidentChanges, IncidentInput, IncidentView};
use clap::{Args, Subcommand};

use crate::cli::CaseArg;
use crate::context::{Context, parse_case};
use crate::output::{Table, print_fields, truncate};
use crate::t;

#[derive(Debug, Subcommand)]
pub enum IncidentCommand {
    /// Record an incident.
    Add {
        #[command(flatten)]
        case: CaseArg,
        #[command(flatten)]
        fields: IncidentFields,
    },
    /// List incidents in time order.
    List {
        #[command(flatten)]
        case: CaseArg,
    },
    /// Show an incident with its full history of versions.
    Show {
        #[command(flatten)]
        case: CaseArg,
        /// The incident id (i-…).
        incident: String,
    },
    /// Correct an incident: records a new version; the old one stays visible.
    Amend {
        #[command(flatten)]
        case: CaseArg,
        /// The incident id (i-…).
        incident: String,
        /// Why it is being corrected.
        #[arg(long)]
        reason: String,
        #[command(flatten)]
        fields: IncidentFields,
    },
}

#[derive(Debug, Args)]
pub struct IncidentFields {
    /// When: 2026-01-02, or 2026-01-02T22:10 (local time).
    #[arg(long)]
    when: Option<String>,
    /// The time is approximate.
    #[arg(long)]
    approximate: bool,
    /// in-person, call, text, social-media, email, gps-tracker, smart-device, financial, other.
    #[arg(long)]
    channel: Option<String>,
    /// SLII category or specific behaviour (repeatable), e.g. intimidation, threats, following.
    #[arg(long = "behaviour", alias = "behavior", value_name = "BEHAVIOUR")]
    behaviours: Vec<String>,
    /// The subject involved (s-…).
    #[arg(long)]
    subject: Option<String>,
    /// What happened, in the survivor's words.
    #[arg(long, conflicts_with = "narrative_file")]
    narrative: Option<String>,
    /// Read the narrative from a file.
    #[arg(long, value_name = "FILE")]
    narrative_file: Option<PathBuf>,
    /// Where it happened.
    #[arg(long)]
    location: Option<String>,
    /// A witness (repeatable).
    #[arg(long = "witness", value_name = "NAME")]
    witnesses: Vec<String>,
    /// Police report number.
    #[arg(long)]
    police_report: Option<String>,
    /// Injuries.
    #[arg(long)]
    injuries: Option<String>,
    /// Fear, 0 (none) to 10 (extreme).
    #[arg(long, allow_negative_numbers = true)]
    fear: Option<i64>,
    /// Evidence id supporting it (repeatable).
    #[arg(long = "evidence", value_name = "EVIDENCE")]
    evidence: Vec<String>,
}

impl IncidentFields {
    fn narrative(&self) -> Result<Option<String>> {
        match (&self.narrative, &self.narrative_file) {
            (Some(text), _) => Ok(Some(text.clone())),
            (None, Some(path)) => std::fs::read_to_string(path)
                .map(Some)
                .with_context(|| t!("file-unreadable", path = path.display().to_string())),
            (None, None) => Ok(None),
        }
    }

    fn input(&self) -> Result<IncidentInput> {
        let missing = |flag: &str| anyhow::anyhow!(t!("flag-required", flag = flag));
        Ok(IncidentInput {
            when: self.when.clone().ok_or_else(|| missing("--when"))?,
            approximate: self.approximate,
            channel: self.channel.clone().ok_or_else(|| missing("--channel"))?,
            behaviours: self.behaviours.clone(),
            subject: self.subject.clone(),
            narrative: self.narrative()?.ok_or_else(|| missing("--narrative"))?,
            location: self.location.clone(),
            witnesses: self.witnesses.clone(),
            police_report: self.police_report.clone(),
            injuries: self.injuries.clone(),
            fear: self.fear,
            evidence: self.evidence.clone(),
        })
    }

    fn changes(&self, reason: &str) -> Result<IncidentChanges> {
        let non_empty = |v: &Vec<String>| (!v.is_empty()).then(|| v.clone());
        Ok(IncidentChanges {
            when: self.when.clone(),
            approximate: self.approximate.then_some(true),
            channel: self.channel.clone(),
            behaviours: non_empty(&self.behaviours),
            subject: self.subject.clone(),
            narrative: self.narrative()?,
            location: self.location.clone(),
            witnesses: non_empty(&self.witnesses),
            police_report: self.police_report.clone(),
            injuries: self.injuries.clone(),
            fear: self.fear,
            evidence: non_empty(&self.evidence),
            reason: reason.to_owned(),
        })
    }
}

pub async fn run(ctx: &Context, command: &IncidentCommand) -> Result<()> {
    let vault = ctx.open().await?;
    match command {
        IncidentCommand::Add { case, fields } => {
            let incident = vault.record_incident(&parse_case(&case.case)?, fields.input()?).await?;
            if ctx.json() {
                return ctx.print_json(&incident);
            }
            println!("{}", t!("incident-recorded", id = incident.id.as_str()));
        }
        IncidentCommand::List { case } => {
            let records = vault.incidents(&parse_case(&case.case)?).await?;
            if ctx.json() {
                return ctx.print_json(&records);
            }
            if records.is_empty() {
                println!("{}", t!("incident-none"));
                return Ok(());
            }
            let mut table = Table::new(&[
                "col-incident",
                "col-when",
                "col-channel",
                "col-categories",
                "col-versions",
                "col-narrative",
            ]);
            for r in &records {
                let i = &r.incident;
                table.row(vec![
                    i.id.to_string(),
                    i.occurred.display(),
                    channel_name(i),
                    categories(i),
                    r.versions.to_string(),
                    truncate(&i.narrative, 50),
                ]);
            }
            table.print();
        }
        IncidentCommand::Show { case, incident } => {
            let view = vault
                .incident(&parse_case(&case.case)?, &incident.parse::<IncidentId>()?)
                .await?;
            if ctx.json() {
                return ctx.print_json(&view);
            }
            print_view(&view);
        }
        IncidentCommand::Amend {
            case,
            incident,
            reason,
            fields,
        } => {
            let amended = vault
                .amend_incident(
                    &parse_case(&case.case)?,
                    &incident.parse::<IncidentId>()?,
                    fields.changes(reason)?,
                )
                .await?;
            if ctx.json() {
                return ctx.print_json(&amended);
            }
            println!("{}", t!("incident-amended", id = amended.id.as_str()));
        }
    }
    Ok(())
}

fn channel_name(i: &Incident) -> String {
    t!(&format!("channel-{}", i.channel.name()))
}

fn categories(i: &Incident) -> String {
    i.categories
        .iter()
        .map(|c| t!(&format!("slii-{}", c.name())))
        .collect::<Vec<_>>()
        .join(", ")
}

fn print_view(view: &IncidentView) {
    let i = &view.record.incident;
    let mut rows = vec![
        ("col-incident", i.id.to_string()),
        (
            "col-when",
            format!(
                "{} ({})",
                i.occurred.display(),
                t!(&format!("precision-{}", i.occurred.precision.name()))
            ),
        ),
        ("col-channel", channel_name(i)),
        ("col-categories", categories(i)),
        (
            "col-behaviours",
            i.behaviours
                .iter()
                .map(|b| t!(&format!("behaviour-{}", b.name())))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ];
    let optional = [
        ("col-subject", i.subject.as_ref().map(|s| s.to_string())),
        ("col-location", i.location.clone()),
        (
            "col-witnesses",
            (!i.witnesses.is_empty()).then(|| i.witnesses.join("; ")),
        ),
        ("col-police-report", i.police_report.clone()),
        ("col-injuries", i.injuries.clone()),
        ("col-fear", i.fear.map(|f| format!("{}/10", f.get()))),
        (
            "col-evidence",
            (!i.evidence.is_empty()).then(|| i.evidence.iter().map(|e| e.to_string()).collect::<Vec<_>>().join(", ")),
        ),
    ];
    rows.extend(optional.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))));
    rows.push(("col-narrative", i.narrative.clone()));
    print_fields(&rows);
    println!();
    println!("{}", t!("incident-history", count = view.history.len()));
    for event in &view.history {
        let at = event.recorded_at.strftime("%Y-%m-%d %H:%M UTC").to_string();
        let line = match &event.body {
            EventBody::IncidentAmended(a) => t!(
                "incident-history-amended",
                seq = event.seq,
                at = at,
                actor = &event.actor,
                reason = &a.reason,
                narrative = truncate(&a.incident.narrative, 60)
            ),
            EventBody::IncidentRecorded(r) => t!(
                "incident-history-recorded",
                seq = event.seq,
                at = at,
                actor = &event.actor,
                narrative = truncate(&r.narrative, 60)
            ),
            _ => continue,
        };
        println!("  {line}");
    }
}
