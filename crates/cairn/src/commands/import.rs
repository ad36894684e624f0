//! `cairn import KIND FILE…`: an export becomes evidence, and what it holds
//! becomes the case's messages and calls.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use anyhow::Result;
use cairn_app::core::{ImportKind, Named};
use cairn_app::{ImportReport, ImportSettings, Stage};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::CaseArg;
use crate::context::{Context, parse_case};
use crate::t;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Kind {
    /// SMS Backup & Restore XML (messages, MMS, call logs).
    SmsBackup,
    /// WhatsApp "Export chat" (.txt or .zip).
    Whatsapp,
    /// Email (.eml or mbox).
    Email,
    /// A photo or screenshot (EXIF time, camera and place are read).
    Photo,
}

impl From<Kind> for ImportKind {
    fn from(kind: Kind) -> Self {
        match kind {
            Kind::SmsBackup => ImportKind::SmsBackup,
            Kind::Whatsapp => ImportKind::Whatsapp,
            Kind::Email => ImportKind::Email,
            Kind::Photo => ImportKind::Photo,
        }
    }
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// What kind of export the files are.
    #[arg(value_enum)]
    pub kind: Kind,
    /// The files to import.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub case: CaseArg,
    /// Country for numbers written without a country code (ISO 3166, e.g. US, MX).
    #[arg(long, default_value = "US")]
    pub region: String,
    /// Time zone the chat's times are in (default: this computer's).
    #[arg(long = "tz", value_name = "ZONE")]
    pub time_zone: Option<String>,
    /// Date order of a chat export: dmy, mdy, ymd or a locale such as en-GB.
    #[arg(long, value_name = "ORDER")]
    pub date_order: Option<String>,
    /// The survivor's own number, address or chat name (repeatable).
    #[arg(long, value_name = "WHO")]
    pub owner: Vec<String>,
    /// The chat's title, when the file name does not give it.
    #[arg(long)]
    pub chat_name: Option<String>,
    /// Where the files came from, e.g. "survivor's phone, backup of 2026-11-20".
    #[arg(long)]
    pub source: Option<String>,
    /// A note kept with each file.
    #[arg(long)]
    pub note: Option<String>,
}

fn bar(ctx: &Context, name: &str) -> ProgressBar {
    if ctx.json() || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    let template = format!(
        "{{msg}} [{{bar:30}}] {{bytes}}/{{total_bytes}} {{bytes_per_sec}} {}",
        t!("progress-eta")
    );
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(t!("import-stage-storing", name = name));
    bar
}

pub async fn run(ctx: &Context, args: &ImportArgs) -> Result<()> {
    // On the core that deriving the vault's key leaves idle.
    let region = args.region.clone();
    std::thread::spawn(move || cairn_core::Identifier::prepare_phone(&region));
    let vault = ctx.open().await?;
    let case = parse_case(&args.case.case)?;
    let mut reports = Vec::new();
    for path in &args.files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let settings = ImportSettings {
            region: args.region.clone(),
            time_zone: args.time_zone.clone(),
            date_order: args.date_order.clone(),
            owner: args.owner.clone(),
            chat_name: args.chat_name.clone(),
            source: args.source.clone(),
            note: args.note.clone(),
            ..ImportSettings::new(args.kind.into())
        };
        let progress_bar = bar(ctx, &name);
        let shown = progress_bar.clone();
        let label = name.clone();
        let mut last_stage = Stage::Storing;
        let progress: cairn_app::Progress = Arc::new(Mutex::new(move |stage: Stage, done: u64, total: u64| {
            if stage != last_stage {
                last_stage = stage;
                let key = match stage {
                    Stage::Storing => "import-stage-storing",
                    Stage::Reading => "import-stage-reading",
                    Stage::Saving => "import-stage-saving",
                };
                shown.set_message(t!(key, name = label.as_str()));
                shown.reset();
            }
            if total > 0 {
                shown.set_length(total);
            }
            shown.set_position(done);
        }));
        let outcome = vault.import_file(&case, path, settings, progress).await;
        progress_bar.finish_and_clear();
        let report = outcome?;
        if !ctx.json() {
            print_report(&report);
        }
        reports.push(report);
    }
    if ctx.json() {
        return match reports.as_slice() {
            [one] => ctx.print_json(one),
            many => ctx.print_json(&many),
        };
    }
    Ok(())
}

fn print_report(report: &ImportReport) {
    let e = &report.evidence.evidence;
    let x = &report.import.import.extracted;
    if report.already_imported {
        println!(
            "{}",
            t!("import-already", name = e.original_name.as_str(), id = e.id.as_str())
        );
        return;
    }
    println!(
        "{}",
        t!(
            "import-done",
            name = e.original_name.as_str(),
            id = e.id.as_str(),
            kind = t!(&format!("import-kind-{}", report.import.import.kind.name()))
        )
    );
    println!("  SHA-256 {}", e.sha256);
    println!(
        "  {}",
        t!(
            "import-counts",
            read = x.communications,
            added = x.added,
            repeated = x.communications - x.added,
            files = x.attachments,
            skipped = x.skipped
        )
    );
    if let Some(declared) = x.declared_records
        && declared != x.communications + x.skipped
    {
        println!(
            "  {}",
            t!(
                "import-declared-mismatch",
                declared = declared,
                found = x.communications + x.skipped
            )
        );
    }
    if let Some(summary) = &report.summary {
        for skipped in summary.skip_details.iter().take(20) {
            println!(
                "  {}",
                t!(
                    "import-skipped-line",
                    line = skipped.source.line,
                    offset = skipped.source.byte_offset,
                    reason = cairn_i18n::describe_skip_reason(crate::i18n::translator(), &skipped.reason)
                )
            );
        }
        if summary.skipped > 20 {
            println!("  {}", t!("import-skipped-more", count = summary.skipped - 20));
        }
        if !summary.missing_media.is_empty() {
            println!("  {}", t!("import-missing-media", count = summary.missing_media.len()));
        }
        if let Some(zone) = &summary.time_zone {
            println!("  {}", t!("import-time-zone", zone = zone.as_str()));
        }
    }
    if report.import.import.kind == ImportKind::Photo && report.import.import.photo.is_none() {
        println!("  {}", t!("import-photo-none"));
    }
    if let Some(photo) = &report.import.import.photo {
        if let Some(at) = &photo.captured_local {
            println!(
                "  {}",
                t!(
                    "import-photo-taken",
                    at = at.as_str(),
                    offset = photo.offset.clone().unwrap_or_default()
                )
            );
        }
        if let (Some(lat), Some(lon)) = (&photo.latitude, &photo.longitude) {
            println!("  {}", t!("import-photo-place", lat = lat.as_str(), lon = lon.as_str()));
        }
        if photo.make.is_some() || photo.model.is_some() {
            let device = [photo.make.clone(), photo.model.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            println!("  {}", t!("import-photo-device", device = device));
        }
    }
    if !report.unassigned.is_empty() {
        println!("{}", t!("import-unassigned", count = report.unassigned.len()));
        for c in report.unassigned.iter().take(10) {
            let name = c.name.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
            println!(
                "  {}{} — {}",
                shown_counterpart(&c.value),
                name,
                t!("import-unassigned-count", count = c.communications)
            );
        }
    }
}

/// A withheld number has no value to show; say so instead of a blank.
pub fn shown_counterpart(value: &str) -> String {
    if value.is_empty() {
        t!("counterpart-withheld")
    } else {
        value.to_owned()
    }
}
