//! `cairn verify FILE.zip|DIR`: checks a court packet offline. Needs no
//! vault and no passphrase: this is the examiner's command.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Context as _, Result};
use cairn_app::report::packet::{self, Failure, PacketFiles, sshsig::SignatureError};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use crate::context::Context;
use crate::t;

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The packet: the zip as exported, or the folder it was unzipped into.
    #[arg(value_name = "PACKET")]
    pub packet: PathBuf,
}

fn signature_problem(e: &SignatureError) -> String {
    let id = match e {
        SignatureError::Malformed => "verify-signature-malformed",
        SignatureError::NotCanonical => "verify-signature-not-canonical",
        SignatureError::WrongNamespace(_) => "verify-signature-namespace",
        SignatureError::WrongKey => "verify-signature-key",
        SignatureError::BadPublicKey => "verify-public-key",
        _ => "verify-signature-mismatch",
    };
    t!(id)
}

fn describe(failure: &Failure) -> String {
    match failure {
        Failure::Unreadable { path, detail } => t!("verify-unreadable", path = path, detail = detail),
        Failure::Sums(e) => t!("verify-sums", line = e.line as u64, detail = e.problem),
        Failure::Signature(e) => signature_problem(e),
        Failure::Missing { path } => t!("verify-missing", path = path),
        Failure::Unlisted { path } => t!("verify-unlisted", path = path),
        Failure::HashMismatch { path } => t!("verify-hash", path = path),
        Failure::Document { path, detail } => t!("verify-document", path = path, detail = detail),
        Failure::CheckpointSignature => t!("verify-checkpoint-signature"),
        Failure::CheckpointKey => t!("verify-checkpoint-key"),
        Failure::EventNotCanonical { line } => t!("verify-event-canonical", line = *line as u64),
        Failure::EventNotProven { line } => t!("verify-event-proof", line = *line as u64),
        Failure::ConsistencyNotProven { index } => t!("verify-consistency", index = *index as u64 + 1),
        Failure::FingerprintMismatch => t!("verify-fingerprint"),
        Failure::ReportFingerprint => t!("verify-report-fingerprint"),
        Failure::Evidence { path, problem } => t!("verify-evidence", path = path, detail = *problem),
        _ => t!("verify-other"),
    }
}

pub async fn run(ctx: &Context, args: &VerifyArgs) -> Result<()> {
    let files = PacketFiles::open(&args.packet).with_context(|| args.packet.display().to_string())?;
    let bar = if ctx.json() || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        let bar = ProgressBar::new(0);
        if let Ok(style) = ProgressStyle::with_template("{msg} {bytes} {bytes_per_sec}") {
            bar.set_style(style);
        }
        bar.set_message(t!("verify-progress"));
        bar
    };
    let shown = bar.clone();
    let verified = tokio::task::spawn_blocking(move || packet::verify(&files, &move |done| shown.set_position(done)))
        .await
        .context("verify")?;
    bar.finish_and_clear();
    let failures: Vec<String> = verified.failures.iter().map(describe).collect();
    if ctx.json() {
        ctx.print_json(&serde_json::json!({
            "ok": verified.ok(),
            "case": verified.case,
            "files": verified.files,
            "bytes": verified.bytes,
            "events": verified.events,
            "journal_size": verified.journal_size,
            "earlier_checkpoints": verified.earlier_checkpoints,
            "evidence": verified.evidence,
            "key_fingerprint": verified.key_fingerprint,
            "checkpoint_fingerprint": verified.checkpoint_fingerprint,
            "failures": failures,
        }))?;
    } else if verified.ok() {
        println!("{}", t!("verify-ok"));
        println!(
            "{}",
            t!(
                "verify-ok-details",
                files = verified.files,
                events = verified.events,
                size = verified.journal_size,
                evidence = verified.evidence,
                earlier = verified.earlier_checkpoints
            )
        );
        println!(
            "{}",
            t!(
                "verify-ok-key",
                fingerprint = verified.key_fingerprint.clone().unwrap_or_default()
            )
        );
        println!(
            "{}",
            t!(
                "verify-ok-checkpoint",
                fingerprint = verified.checkpoint_fingerprint.clone().unwrap_or_default()
            )
        );
    } else {
        println!("{}", t!("verify-failed", count = failures.len()));
        for failure in &failures {
            println!("  ✗ {failure}");
        }
    }
    if !verified.ok() {
        return Err(crate::Exit::VerificationFailed.into());
    }
    Ok(())
}
