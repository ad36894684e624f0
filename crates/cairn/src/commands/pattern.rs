//! `cairn pattern`: the course of conduct in a case's messages and calls,
//! per subject, with SVG charts when asked.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use cairn_app::core::SubjectId;
use cairn_app::{PatternReport, PatternRequest};
use clap::Args;

use crate::cli::CaseArg;
use crate::context::{Context, parse_case};
use crate::i18n::translator;
use crate::t;

#[derive(Debug, Args)]
pub struct PatternArgs {
    #[command(flatten)]
    pub case: CaseArg,
    /// Only this subject (s-…).
    #[arg(long)]
    pub subject: Option<String>,
    /// The day the survivor asked for no contact (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub no_contact_from: Option<jiff::civil::Date>,
    /// Time zone for days and hours (default: this computer's).
    #[arg(long = "tz", value_name = "ZONE")]
    pub time_zone: Option<String>,
    /// Write SVG charts (per day, hour × weekday, timeline) into this directory.
    #[arg(long, value_name = "DIR")]
    pub charts: Option<PathBuf>,
}

pub async fn run(ctx: &Context, args: &PatternArgs) -> Result<()> {
    let vault = ctx.open().await?;
    let case = parse_case(&args.case.case)?;
    let request = PatternRequest {
        time_zone: args.time_zone.clone(),
        no_contact_from: args.no_contact_from,
        subject: args.subject.as_deref().map(str::parse::<SubjectId>).transpose()?,
    };
    let report = vault.pattern(&case, &request).await?;
    let written = match &args.charts {
        Some(dir) => write_charts(dir, &report)?,
        None => Vec::new(),
    };
    if ctx.json() {
        return ctx.print_json(&serde_json::json!({ "pattern": report, "charts": written }));
    }
    print_report(&report);
    if !written.is_empty() {
        println!(
            "{}",
            t!(
                "pattern-charts-written",
                count = written.len(),
                dir = args
                    .charts
                    .as_ref()
                    .map(|d| d.display().to_string())
                    .unwrap_or_default()
            )
        );
    }
    Ok(())
}

fn write_charts(dir: &std::path::Path, report: &PatternReport) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    let t = translator();
    let mut written = Vec::new();
    let mut write = |name: String, svg: String| -> Result<()> {
        let path = dir.join(name);
        std::fs::write(&path, svg).with_context(|| path.display().to_string())?;
        written.push(path);
        Ok(())
    };
    if let Some(svg) = cairn_i18n::charts::case_timeline(t, report, 8) {
        write("timeline.svg".into(), svg)?;
    }
    for p in &report.analysis.parties {
        let Some(party) = report.parties.iter().find(|x| x.party == p.party) else {
            continue;
        };
        let id = format!("party-{}", p.party);
        let charts = cairn_i18n::charts::party_charts(t, &id, &party.label, p, report.analysis.summary.no_contact_from);
        write(format!("{id}-per-day.svg"), charts.per_day)?;
        write(format!("{id}-hours.svg"), charts.heatmap)?;
    }
    Ok(written)
}

fn print_report(report: &PatternReport) {
    let t = translator();
    let s = &report.analysis.summary;
    if s.contacts == 0 {
        println!("{}", t!("pattern-none"));
        return;
    }
    println!(
        "{}",
        t!(
            "pattern-summary",
            contacts = s.contacts,
            parties = report.parties.len(),
            zone = s.time_zone.clone().unwrap_or_else(|| "UTC".into())
        )
    );
    for p in &report.analysis.parties {
        let Some(party) = report.parties.iter().find(|x| x.party == p.party) else {
            continue;
        };
        let who = match &party.subject {
            Some(id) => format!("{} ({id})", party.label),
            None => super::import::shown_counterpart(&party.label),
        };
        println!();
        println!("{who}");
        let also: Vec<String> = party
            .counterparts
            .iter()
            .map(|c| super::import::shown_counterpart(c))
            .collect();
        if party.subject.is_some() && !also.is_empty() {
            println!("  {}", also.join(", "));
        }
        for fact in cairn_i18n::pattern::party_facts(t, p) {
            println!("  {fact}");
        }
        if p.review > 0 {
            println!("  {}", t!("pattern-review", count = u64::from(p.review)));
        }
    }
}
