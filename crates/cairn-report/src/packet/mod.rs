//! The court packet: its layout, its manifest and proofs formats, a writer
//! and an offline verifier. The full specification an examiner can
//! reimplement is docs/packet-spec.md.
//!
//! This module knows files and formats, never the store: the app gathers a
//! case's events and evidence and hands them over as bytes and readers. It
//! never holds the private key either: the writer asks a closure to sign.

mod files;
mod format;
pub mod sshsig;
pub mod sums;
mod verify;
mod writer;

pub use files::PacketFiles;
pub use format::{EventProof, Manifest, ManifestEvidence, OldCheckpoint, Proofs, checkpoint_fingerprint};
pub use verify::{Failure, Verified, verify};
pub use writer::PacketWriter;

pub const SUMS: &str = "SHA256SUMS";
pub const SIGNATURE: &str = "SHA256SUMS.sig";
pub const PUBLIC_KEY: &str = "cairn-signing-key.pub";
pub const ALLOWED_SIGNERS: &str = "allowed_signers";
pub const JOURNAL: &str = "journal.jsonl";
pub const PROOFS: &str = "proofs.json";
pub const MANIFEST: &str = "manifest.json";
pub const REPORT: &str = "report.pdf";
pub const VERIFY_TEXT: &str = "VERIFY.txt";
pub const CERTIFICATION: &str = "certification.txt";
pub const EVIDENCE_DIR: &str = "evidence/";
