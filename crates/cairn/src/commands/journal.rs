use std::path::PathBuf;

use anyhow::{Context as _, Result};
use cairn_app::core::{EvidenceId, IncidentId};
use cairn_app::{ConsistencyProof, InclusionProof, SqliteStore, Vault, VerifyReport};
use clap::Subcommand;

use crate::cli::CaseArg;
use crate::context::{Context, parse_case};
use crate::output::print_fields;
use crate::{Exit, t};

#[derive(Debug, Subcommand)]
pub enum JournalCommand {
    /// Recompute every hash, root and signature of a case journal.
    Verify {
        #[command(flatten)]
        case: CaseArg,
        /// Also re-read every imported source and check it still gives what was recorded.
        #[arg(long)]
        reimport: bool,
    },
    /// Print the latest signed checkpoint (case, size, root, time, signature).
    Checkpoint {
        #[command(flatten)]
        case: CaseArg,
    },
    /// Prove that one event is in the journal (JSON), without revealing others.
    Prove {
        #[command(flatten)]
        case: CaseArg,
        /// Journal position, or an incident (i-…) or evidence (e-…) id.
        #[arg(long)]
        event: String,
        /// Prove against the checkpoint of this size (default: the latest).
        #[arg(long)]
        size: Option<u64>,
    },
    /// Prove that an earlier checkpoint is a prefix of a later one (JSON).
    Consistency {
        #[command(flatten)]
        case: CaseArg,
        /// Size of the earlier checkpoint.
        #[arg(long)]
        from: u64,
        /// Size of the later checkpoint (default: the latest).
        #[arg(long)]
        to: Option<u64>,
    },
    /// Check a proof file offline; needs no vault and no passphrase.
    CheckProof {
        /// An inclusion or consistency proof made by `prove` or `consistency`.
        file: PathBuf,
    },
}

pub async fn run(ctx: &Context, command: &JournalCommand) -> Result<()> {
    if let JournalCommand::CheckProof { file } = command {
        return check_proof(ctx, file);
    }
    let vault = ctx.open().await?;
    match command {
        JournalCommand::Verify { case, reimport } => {
            let case = parse_case(&case.case)?;
            let mut report = vault.verify_journal(&case).await?;
            if *reimport {
                report.problems.extend(vault.recheck_imports(&case).await?);
            }
            if ctx.json() {
                ctx.print_json(&report)?;
            } else {
                print_report(&report);
            }
            if !report.ok() {
                return Err(Exit::VerificationFailed.into());
            }
        }
        JournalCommand::Checkpoint { case } => {
            let checkpoint = vault.checkpoint(&parse_case(&case.case)?).await?;
            if ctx.json() {
                return ctx.print_json(&checkpoint);
            }
            let b = &checkpoint.body;
            print_fields(&[
                ("col-case", b.case.to_string()),
                ("col-size", b.size.to_string()),
                ("col-root", b.root.to_string()),
                ("col-time", b.time.to_string()),
                ("col-key", checkpoint.key_fingerprint.clone()),
                ("col-signature", checkpoint.signature.clone()),
            ]);
        }
        JournalCommand::Prove { case, event, size } => {
            let case = parse_case(&case.case)?;
            let seq = resolve_event(vault, &case, event).await?;
            ctx.print_json(&vault.prove_inclusion(&case, seq, *size).await?)?;
        }
        JournalCommand::Consistency { case, from, to } => {
            ctx.print_json(&vault.prove_consistency(&parse_case(&case.case)?, *from, *to).await?)?;
        }
        JournalCommand::CheckProof { .. } => unreachable!("handled before unlocking"),
    }
    Ok(())
}

/// A journal position, or the event that recorded an incident's current
/// version or an evidence item.
async fn resolve_event(vault: &Vault<SqliteStore>, case: &cairn_app::core::CaseId, raw: &str) -> Result<u64> {
    if let Ok(seq) = raw.trim().parse::<u64>() {
        return Ok(seq);
    }
    if let Ok(id) = raw.parse::<IncidentId>() {
        return Ok(vault.incident(case, &id).await?.record.current_seq);
    }
    let id = raw
        .parse::<EvidenceId>()
        .map_err(|_| anyhow::anyhow!(t!("journal-bad-event", value = raw)))?;
    Ok(vault.evidence(case, &id).await?.seq)
}

fn check_proof(ctx: &Context, file: &std::path::Path) -> Result<()> {
    let bytes = std::fs::read(file).with_context(|| t!("file-unreadable", path = file.display().to_string()))?;
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).with_context(|| t!("proof-not-json", path = file.display().to_string()))?;
    let outcome = if value.get("index").is_some() {
        let proof: InclusionProof =
            serde_json::from_value(value).with_context(|| t!("proof-not-json", path = file.display().to_string()))?;
        proof.check().map(|_| {
            t!(
                "proof-inclusion-valid",
                index = proof.index,
                size = proof.checkpoint.body.size,
                case = proof.case.as_str()
            )
        })
    } else {
        let proof: ConsistencyProof =
            serde_json::from_value(value).with_context(|| t!("proof-not-json", path = file.display().to_string()))?;
        proof.check().map(|_| {
            t!(
                "proof-consistency-valid",
                old = proof.old.body.size,
                new = proof.new.body.size,
                case = proof.case.as_str()
            )
        })
    };
    match outcome {
        Ok(message) => {
            if ctx.json() {
                ctx.print_json(&serde_json::json!({ "valid": true }))?;
            } else {
                println!("{message}");
            }
            Ok(())
        }
        Err(e) => {
            if ctx.json() {
                ctx.print_json(&serde_json::json!({ "valid": false, "error": e.to_string() }))?;
            } else {
                eprintln!(
                    "{}",
                    t!(
                        "proof-invalid",
                        reason = cairn_i18n::describe_app_error(crate::i18n::translator(), &e)
                    )
                );
            }
            Err(Exit::VerificationFailed.into())
        }
    }
}

fn print_report(report: &VerifyReport) {
    print_fields(&[
        ("col-case", report.case.to_string()),
        ("col-size", report.size.to_string()),
        ("col-root", report.root.to_string()),
        ("col-signed-heads", report.signed_heads.to_string()),
        ("col-key", report.key_fingerprint.clone()),
    ]);
    if report.ok() {
        println!("{}", t!("journal-verified", size = report.size));
        return;
    }
    eprintln!("{}", t!("journal-problems", count = report.problems.len()));
    for problem in &report.problems {
        eprintln!(
            "  - {}",
            cairn_i18n::describe_problem(crate::i18n::translator(), problem)
        );
    }
}
