use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use cairn_app::core::{EvidenceId, Named};
use cairn_app::{Added, EvidenceInput, EvidenceRecord};
use clap::Subcommand;
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::CaseArg;
use crate::context::{Context, parse_case};
use crate::output::{Table, print_fields};
use crate::t;

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Acquire files as evidence: hashed (SHA-256) as read, then stored encrypted.
    Add {
        #[command(flatten)]
        case: CaseArg,
        /// Files to add.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Where the files came from, e.g. "survivor's phone, screenshots".
        #[arg(long)]
        source: Option<String>,
        /// A note kept with each file.
        #[arg(long)]
        note: Option<String>,
    },
    /// List evidence of a case.
    List {
        #[command(flatten)]
        case: CaseArg,
    },
    /// Show one evidence item with its chain of custody.
    Show {
        #[command(flatten)]
        case: CaseArg,
        /// The evidence id (e-…).
        evidence: String,
    },
    /// Write the decrypted original to a file (logged in the chain of custody).
    Extract {
        #[command(flatten)]
        case: CaseArg,
        /// The evidence id (e-…), or the SHA-256 of a file found inside an import.
        evidence: String,
        /// File or directory to write to.
        #[arg(long, short)]
        out: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
}

fn progress_bar(ctx: &Context, path: &std::path::Path) -> ProgressBar {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if ctx.json() || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(size);
    let template = format!(
        "{{msg}} [{{bar:30}}] {{bytes}}/{{total_bytes}} {{bytes_per_sec}} {}",
        t!("progress-eta")
    );
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(t!(
        "evidence-progress",
        name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    ));
    bar
}

pub async fn run(ctx: &Context, command: &EvidenceCommand) -> Result<()> {
    let vault = ctx.open().await?;
    match command {
        EvidenceCommand::Add {
            case,
            files,
            source,
            note,
        } => {
            let case = parse_case(&case.case)?;
            let mut added = Vec::new();
            for path in files {
                let bar = progress_bar(ctx, path);
                let input = EvidenceInput {
                    path: path.clone(),
                    source: source.clone(),
                    note: note.clone(),
                    ..Default::default()
                };
                let tick = bar.clone();
                let outcome = vault
                    .add_evidence(&case, input, move |done| tick.set_position(done))
                    .await;
                bar.finish_and_clear();
                let outcome = outcome?;
                if !ctx.json() {
                    let r = outcome.record();
                    let id = r.evidence.id.as_str();
                    match &outcome {
                        Added::New(_) => {
                            println!("{}", t!("evidence-added", id = id, name = &r.evidence.original_name))
                        }
                        Added::AlreadyInCase(_) => println!(
                            "{}",
                            t!("evidence-duplicate", id = id, name = path.display().to_string())
                        ),
                    }
                    println!("  SHA-256 {}", r.evidence.sha256);
                }
                added.push(serde_json::json!({ "duplicate": matches!(outcome, Added::AlreadyInCase(_)), "evidence": outcome.record() }));
            }
            if ctx.json() {
                // One file gives one object (its `id` at the top), several an array.
                return match added.as_slice() {
                    [one] => ctx.print_json(&flatten(one)),
                    many => ctx.print_json(&many.iter().map(flatten).collect::<Vec<_>>()),
                };
            }
        }
        EvidenceCommand::List { case } => {
            let items = vault.evidence_list(&parse_case(&case.case)?).await?;
            if ctx.json() {
                return ctx.print_json(&items);
            }
            if items.is_empty() {
                println!("{}", t!("evidence-none"));
                return Ok(());
            }
            let mut table = Table::new(&["col-evidence", "col-name", "col-size", "col-acquired", "col-sha256"]);
            for r in &items {
                let e = &r.evidence;
                table.row(vec![
                    e.id.to_string(),
                    e.original_name.clone(),
                    e.size.to_string(),
                    e.acquired_at.strftime("%Y-%m-%d %H:%M").to_string(),
                    e.sha256.to_string(),
                ]);
            }
            table.print();
        }
        EvidenceCommand::Show { case, evidence } => {
            let record = vault
                .evidence(&parse_case(&case.case)?, &evidence.parse::<EvidenceId>()?)
                .await?;
            if ctx.json() {
                return ctx.print_json(&record);
            }
            print_record(&record);
        }
        EvidenceCommand::Extract {
            case,
            evidence,
            out,
            force,
        } => {
            let case = parse_case(&case.case)?;
            // A SHA-256 names a file found inside an imported source.
            if let Ok(sha256) = evidence.parse::<cairn_app::core::Hash>() {
                let (file, source, written) = vault.extract_import_file(&case, &sha256, out, *force).await?;
                if ctx.json() {
                    return ctx.print_json(
                        &serde_json::json!({ "source": source, "path": written, "sha256": file.sha256, "name": file.name }),
                    );
                }
                println!(
                    "{}",
                    t!(
                        "evidence-extracted-inner",
                        name = file.name.as_str(),
                        source = source.as_str(),
                        path = written.display().to_string()
                    )
                );
                return Ok(());
            }
            let (record, written) = vault
                .extract_evidence(&case, &evidence.parse::<EvidenceId>()?, out, *force)
                .await?;
            if ctx.json() {
                return ctx.print_json(
                    &serde_json::json!({ "id": record.evidence.id, "path": written, "sha256": record.evidence.sha256 }),
                );
            }
            println!(
                "{}",
                t!(
                    "evidence-extracted",
                    id = record.evidence.id.as_str(),
                    path = written.display().to_string()
                )
            );
        }
    }
    Ok(())
}

/// `{"duplicate":…, "evidence":{…}}` → the evidence object with `duplicate` beside its fields.
fn flatten(item: &serde_json::Value) -> serde_json::Value {
    let mut object = item["evidence"].clone();
    if let Some(map) = object.as_object_mut() {
        map.insert("duplicate".into(), item["duplicate"].clone());
    }
    object
}

fn print_record(r: &EvidenceRecord) {
    let e = &r.evidence;
    let mut rows = vec![
        ("col-evidence", e.id.to_string()),
        ("col-name", e.original_name.clone()),
        ("col-media-type", e.media_type.clone()),
        ("col-size", e.size.to_string()),
        ("col-sha256", e.sha256.to_string()),
        (
            "col-acquired",
            e.acquired_at.strftime("%Y-%m-%d %H:%M:%S UTC").to_string(),
        ),
        ("col-acquired-by", e.acquired_by.clone()),
        ("col-source", e.source.clone()),
    ];
    if let Some(note) = &e.note {
        rows.push(("col-note", note.clone()));
    }
    print_fields(&rows);
    println!();
    println!("{}", t!("custody-heading"));
    for c in &r.custody {
        let action = t!(&format!("custody-{}", c.action.name()));
        let detail = c.detail.as_deref().unwrap_or("");
        println!(
            "  #{:<6} {}  {:<10} {}  {}",
            c.seq,
            c.at.strftime("%Y-%m-%d %H:%M:%S UTC"),
            action,
            c.actor,
            detail
        );
    }
}
