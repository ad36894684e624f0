//! `cairn scan pcap|androidqf|bugreport FILE`: a device or network check.
//! The file becomes case evidence and the findings are recorded in the
//! journal; the words come from `scan.ftl`. Findings never make the command
//! fail: finding something is a result, not an error.

use std::path::PathBuf;

use anyhow::Result;
use cairn_app::ScanReport;
use cairn_app::core::{Named, ScanKind, ScanOutcome, ScanSeverity};
use clap::{Args, Subcommand};

use crate::cli::CaseArg;
use crate::context::{Context, parse_case};
use crate::i18n::translator;
use crate::t;

#[derive(Debug, Subcommand)]
pub enum ScanCommand {
    /// Check a packet capture (pcap or pcapng) for contact with known stalkerware servers.
    Pcap(ScanArgs),
    /// Check an AndroidQF acquisition: its folder or a zip of it.
    Androidqf(ScanArgs),
    /// Check an Android bug report (zip or text), as made by `adb bugreport`.
    Bugreport(ScanArgs),
    /// Check a phone connected by USB now, through the adb server on this computer.
    Android(super::scan_android::AndroidArgs),
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// The file to check; it is kept as evidence.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[command(flatten)]
    pub case: CaseArg,
    /// A note kept with the file, e.g. where and when it was made.
    #[arg(long)]
    pub note: Option<String>,
}

pub async fn run(ctx: &Context, command: &ScanCommand) -> Result<()> {
    let (kind, args) = match command {
        ScanCommand::Pcap(a) => (ScanKind::Pcap, a),
        ScanCommand::Androidqf(a) => (ScanKind::Androidqf, a),
        ScanCommand::Bugreport(a) => (ScanKind::Bugreport, a),
        ScanCommand::Android(a) => return super::scan_android::run(ctx, a).await,
    };
    let vault = ctx.open().await?;
    let case = parse_case(&args.case.case)?;
    let report = vault.scan_file(&case, &args.file, kind, args.note.clone()).await?;
    if ctx.json() {
        return ctx.print_json(&report);
    }
    print_report(&report);
    Ok(())
}

pub(crate) fn print_report(report: &ScanReport) {
    let tr = translator();
    let e = &report.evidence.evidence;
    let scan = &report.record.scan;
    println!(
        "{}",
        t!(
            "scan-done",
            name = e.original_name.as_str(),
            id = e.id.as_str(),
            kind = t!(&format!("scan-kind-{}", scan.kind.name()))
        )
    );
    println!("  SHA-256 {}", e.sha256);
    if scan.indicator_sources.is_empty() {
        println!("  {}", t!("scan-no-indicator-files"));
    } else {
        println!("  {}", t!("scan-indicators-used", count = scan.indicator_sources.len()));
        for s in &scan.indicator_sources {
            let version = s.version.as_deref().map(|v| format!(" ({v})")).unwrap_or_default();
            println!("    {}{version}  {}", s.name, &s.sha256.to_string()[..16]);
        }
    }
    for severity in [
        ScanSeverity::High,
        ScanSeverity::Medium,
        ScanSeverity::Low,
        ScanSeverity::Info,
    ] {
        let findings: Vec<_> = scan.findings.iter().filter(|f| f.severity == severity).collect();
        if findings.is_empty() {
            continue;
        }
        println!();
        println!(
            "{}",
            t!(&format!("scan-severity-{}", severity.name()), count = findings.len())
        );
        for f in findings {
            let text = cairn_i18n::describe_finding(tr, f);
            println!("  • {}", text.title);
            for (label, body) in [
                ("scan-means-label", &text.means),
                ("scan-not-means-label", &text.not_means),
                ("scan-caution-label", &text.caution),
            ] {
                if !body.is_empty() {
                    println!("    {} {}", t!(label), body);
                }
            }
            for hit in &f.indicators {
                println!(
                    "    {}",
                    t!(
                        "scan-matched-indicator",
                        indicator = hit.indicator.as_str(),
                        app = hit.app.as_str()
                    )
                );
            }
        }
    }
    if !scan.gaps.is_empty() {
        println!();
        println!("{}", t!("scan-gaps-heading"));
        for g in &scan.gaps {
            println!("  - {}", cairn_i18n::describe_gap(tr, g));
        }
    }
    println!();
    // The outcome wording never says "clean": an absence of matches against
    // incomplete lists is not proof of anything.
    println!("{}", cairn_i18n::describe_outcome(tr, scan.outcome));
    if matches!(scan.outcome, ScanOutcome::Concerns | ScanOutcome::MinorOnly) {
        println!();
        println!("{}", t!("scan-caution-general"));
        // Who can help plan the next step, beside what was found.
        if let Ok(helpers) = cairn_app::resources_offering("technology_safety") {
            if !helpers.is_empty() {
                println!();
                println!("{}", t!("plan-resources-label"));
            }
            for r in helpers {
                println!("  {}", r.one_line());
            }
        }
    }
}
