//! `cairn iocs import|list`: indicator files (stalkerware-indicators YAML,
//! STIX 2.1) registered vault-wide for device and network checks.

use std::path::PathBuf;

use anyhow::Result;
use cairn_app::{IndicatorImport, IndicatorSource};
use clap::{Args, Subcommand};

use crate::context::Context;
use crate::output::Table;
use crate::t;

#[derive(Debug, Subcommand)]
pub enum IocsCommand {
    /// Register indicator files (ioc.yaml, watchware.yaml, STIX 2.1 JSON) for device checks.
    Import(IocsImportArgs),
    /// The registered indicator files and how many indicators each holds.
    List,
    /// Download the latest stalkerware-indicators files and register them (uses the network).
    Update(IocsUpdateArgs),
}

#[derive(Debug, Args)]
pub struct IocsUpdateArgs {
    /// Download from this address instead (a mirror; https, or http on this computer).
    #[arg(long, value_name = "URL", default_value = cairn_app::INDICATORS_UPSTREAM)]
    pub from: String,
}

#[derive(Debug, Args)]
pub struct IocsImportArgs {
    /// The indicator files.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// A version label for the files, e.g. the stalkerware-indicators commit.
    #[arg(long, value_name = "LABEL")]
    pub version: Option<String>,
}

pub async fn run(ctx: &Context, command: &IocsCommand) -> Result<()> {
    let vault = ctx.open().await?;
    match command {
        IocsCommand::Update(args) => {
            if !ctx.json() {
                let files = cairn_app::INDICATOR_FILES.join(", ");
                println!("{}", t!("iocs-downloading", files = files, from = args.from.as_str()));
            }
            let done = vault.update_indicators(&args.from).await?;
            print_imported(ctx, &done)
        }
        IocsCommand::Import(args) => {
            let done = vault.import_indicators(&args.files, args.version.clone()).await?;
            print_imported(ctx, &done)
        }
        IocsCommand::List => {
            let sources = vault.indicator_sources().await?;
            if ctx.json() {
                return ctx.print_json(&sources);
            }
            if sources.is_empty() {
                println!("{}", t!("iocs-none"));
                return Ok(());
            }
            let mut table = Table::new(&[
                "iocs-col-name",
                "iocs-col-version",
                "iocs-col-apps",
                "iocs-col-packages",
                "iocs-col-domains",
                "iocs-col-loaded",
                "iocs-col-sha256",
            ]);
            let tr = crate::i18n::translator();
            for s in &sources {
                let n = |k: &str| tr.number(s.counts.get(k).copied().unwrap_or(0));
                table.row(vec![
                    s.name.clone(),
                    s.version.clone().unwrap_or_else(|| "—".into()),
                    n("apps"),
                    n("packages"),
                    n("domains"),
                    tr.timestamp(s.loaded_at),
                    s.sha256.to_string()[..16].to_owned(),
                ]);
            }
            table.print();
            for s in sources.iter().filter(|s| s.format == "stalkerware_indicators_yaml") {
                println!(
                    "{}",
                    t!(
                        "scan-indicators-credit",
                        source = s.name.as_str(),
                        version = s.version.clone().unwrap_or_else(|| "—".into())
                    )
                );
            }
            Ok(())
        }
    }
}

fn counts(s: &IndicatorSource) -> String {
    let n = |k: &str| s.counts.get(k).copied().unwrap_or(0);
    t!(
        "iocs-counts",
        apps = n("apps"),
        packages = n("packages"),
        domains = n("domains"),
        ips = n("ips"),
        certificates = n("certificates")
    )
}

fn print_imported(ctx: &Context, done: &[IndicatorImport]) -> Result<()> {
    if ctx.json() {
        return ctx.print_json(&done);
    }
    for imported in done {
        let s = &imported.source;
        let key = if imported.already_registered {
            "iocs-already"
        } else {
            "iocs-imported"
        };
        println!("{}", t!(key, name = s.name.as_str()));
        println!("  SHA-256 {}", s.sha256);
        if let Some(version) = &s.version {
            println!("  {version}");
        }
        println!("  {}", counts(s));
    }
    Ok(())
}
