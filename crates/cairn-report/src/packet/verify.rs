//! `cairn verify`: everything an examiner needs checked, offline, from the
//! packet alone. Every check runs even after one fails, so the verdict
//! names every file or entry that is wrong, not just the first.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU64, Ordering};

use cairn_core::{CaseId, Checkpoint, Event, EventBody, EvidenceId, Hash, merkle};
use cairn_crypto::VerifyingKey;
use sha2::{Digest, Sha256};

use super::files::{Handle, PacketFiles};
use super::format::{MANIFEST_FORMAT, Manifest, PROOFS_FORMAT, Proofs, checkpoint_fingerprint};
use super::sshsig::{self, SignatureError};
use super::sums::{self, Sums, SumsError};
use super::{EVIDENCE_DIR, JOURNAL, MANIFEST, PROOFS, PUBLIC_KEY, REPORT, SIGNATURE, SUMS};

/// The largest JSON document or journal read whole (a million events).
const DOCUMENT_LIMIT: u64 = 2 << 30;

/// What failed, by file or entry. Data, not prose: the CLI words it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Failure {
    Unreadable { path: String, detail: String },
    Sums(SumsError),
    Signature(SignatureError),
    Missing { path: String },
    Unlisted { path: String },
    HashMismatch { path: String },
    Document { path: String, detail: String },
    CheckpointSignature,
    CheckpointKey,
    EventNotCanonical { line: usize },
    EventNotProven { line: usize },
    ConsistencyNotProven { index: usize },
    FingerprintMismatch,
    ReportFingerprint,
    Evidence { path: String, problem: &'static str },
}

/// The verdict and what it rests on.
#[derive(Debug, Default)]
pub struct Verified {
    pub case: Option<CaseId>,
    pub files: usize,
    pub bytes: u64,
    pub events: usize,
    pub journal_size: u64,
    pub earlier_checkpoints: usize,
    pub evidence: usize,
    pub key_fingerprint: Option<String>,
    pub checkpoint_fingerprint: Option<String>,
    pub failures: Vec<Failure>,
}

impl Verified {
    pub fn ok(&self) -> bool {
        self.failures.is_empty() && self.case.is_some()
    }
}

fn verify_ed25519(key: [u8; 32]) -> impl Fn(&[u8], &[u8; 64]) -> bool {
    move |message, signature| VerifyingKey::from_bytes(&key).is_ok_and(|k| k.verify(message, signature).is_ok())
}

/// Verifies the packet at `files`; `progress` receives bytes hashed so far.
pub fn verify(files: &PacketFiles, progress: &(dyn Fn(u64) + Sync)) -> Verified {
    let mut out = Verified::default();
    let listing = match files.list().and_then(|l| files.handle().map(|h| (l, h))) {
        Ok(found) => found,
        Err(e) => {
            out.failures.push(Failure::Unreadable {
                path: String::new(),
                detail: e.to_string(),
            });
            return out;
        }
    };
    let (listing, mut handle) = listing;
    let mut read = |path: &str, failures: &mut Vec<Failure>| match handle.read_small(path, DOCUMENT_LIMIT) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            failures.push(Failure::Unreadable {
                path: path.to_owned(),
                detail: e.to_string(),
            });
            None
        }
    };
    let present: BTreeMap<&str, u64> = listing.iter().map(|(p, s)| (p.as_str(), *s)).collect();
    let Some(sums_bytes) = read(SUMS, &mut out.failures) else {
        return out;
    };
    let sums = match sums::parse(&sums_bytes) {
        Ok(sums) => sums,
        Err(e) => {
            out.failures.push(Failure::Sums(e));
            return out;
        }
    };
    let key = read(PUBLIC_KEY, &mut out.failures).and_then(|k| match sshsig::parse_public_key(&k) {
        Ok(key) => Some(key),
        Err(e) => {
            out.failures.push(Failure::Signature(e));
            None
        }
    });
    let signature = read(SIGNATURE, &mut out.failures);
    if let (Some(key), Some(signature)) = (key, &signature) {
        if let Err(e) = sshsig::verify(key, &sums_bytes, signature, &verify_ed25519(key)) {
            out.failures.push(Failure::Signature(e));
        }
        out.key_fingerprint = Some(sshsig::fingerprint(key));
    }

    for path in sums.keys().filter(|p| !present.contains_key(p.as_str())) {
        out.failures.push(Failure::Missing { path: path.clone() });
    }
    for path in present
        .keys()
        .filter(|p| !sums.contains_key(**p) && ![SUMS, SIGNATURE].contains(p))
    {
        out.failures.push(Failure::Unlisted {
            path: (*path).to_owned(),
        });
    }
    hash_all(files, &sums, &present, progress, &mut out);

    let manifest: Option<Manifest> = read(MANIFEST, &mut out.failures).and_then(|b| document(MANIFEST, &b, &mut out));
    let proofs: Option<Proofs> = read(PROOFS, &mut out.failures).and_then(|b| document(PROOFS, &b, &mut out));
    let journal = read(JOURNAL, &mut out.failures);
    let (Some(manifest), Some(proofs), Some(journal), Some(key)) = (manifest, proofs, journal, key) else {
        return out;
    };
    if manifest.format != MANIFEST_FORMAT || proofs.format != PROOFS_FORMAT {
        out.failures.push(Failure::Document {
            path: MANIFEST.into(),
            detail: format!("unknown format {} / {}", manifest.format, proofs.format),
        });
        return out;
    }
    let events = check_journal(&journal, &proofs, key, &mut out);
    let fingerprint = checkpoint_fingerprint(&proofs.checkpoint);
    if manifest.checkpoint_fingerprint != fingerprint || proofs.checkpoint.body.case != manifest.case {
        out.failures.push(Failure::FingerprintMismatch);
    }
    match read(REPORT, &mut out.failures) {
        Some(pdf) if contains(&pdf, fingerprint.as_bytes()) => {}
        Some(_) => out.failures.push(Failure::ReportFingerprint),
        None => {}
    }
    check_evidence(&manifest, &sums, &events, &mut out);
    out.case = Some(manifest.case);
    out.checkpoint_fingerprint = Some(fingerprint);
    out
}

fn document<T: serde::de::DeserializeOwned>(path: &str, bytes: &[u8], out: &mut Verified) -> Option<T> {
    serde_json::from_slice(bytes)
        .map_err(|e| {
            out.failures.push(Failure::Document {
                path: path.to_owned(),
                detail: e.to_string(),
            })
        })
        .ok()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Hashes every listed file on both cores, largest first, so the two
/// threads finish together.
fn hash_all(
    files: &PacketFiles,
    sums: &Sums,
    present: &BTreeMap<&str, u64>,
    progress: &(dyn Fn(u64) + Sync),
    out: &mut Verified,
) {
    let mut work: Vec<(&str, u64)> = sums
        .keys()
        .filter_map(|p| present.get(p.as_str()).map(|s| (p.as_str(), *s)))
        .collect();
    work.sort_by_key(|(_, size)| std::cmp::Reverse(*size));
    let mut lanes: [Vec<&str>; 2] = Default::default();
    let mut load = [0u64; 2];
    for (path, size) in &work {
        let lane = usize::from(load[1] < load[0]);
        lanes[lane].push(path);
        load[lane] += size;
    }
    let done = AtomicU64::new(0);
    let results: Vec<Vec<Failure>> = std::thread::scope(|scope| {
        let workers: Vec<_> = lanes
            .iter()
            .map(|lane| {
                let done = &done;
                scope.spawn(move || {
                    let mut failures = Vec::new();
                    let mut handle = match files.handle() {
                        Ok(h) => h,
                        Err(e) => {
                            failures.push(Failure::Unreadable {
                                path: String::new(),
                                detail: e.to_string(),
                            });
                            return failures;
                        }
                    };
                    for path in lane {
                        hash_one(&mut handle, path, sums, done, progress, &mut failures);
                    }
                    failures
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or_default()).collect()
    });
    out.files = work.len();
    out.bytes = done.load(Ordering::Relaxed);
    let mut failures: Vec<Failure> = results.into_iter().flatten().collect();
    failures.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    out.failures.extend(failures);
}

fn hash_one(
    handle: &mut Handle,
    path: &str,
    sums: &Sums,
    done: &AtomicU64,
    progress: &(dyn Fn(u64) + Sync),
    failures: &mut Vec<Failure>,
) {
    let mut hasher = Sha256::new();
    let read = handle.read(path, &mut |chunk| {
        hasher.update(chunk);
        progress(done.fetch_add(chunk.len() as u64, Ordering::Relaxed) + chunk.len() as u64);
    });
    match read {
        Err(e) => failures.push(Failure::Unreadable {
            path: path.to_owned(),
            detail: e.to_string(),
        }),
        Ok(()) if Some(&Hash(hasher.finalize().into())) != sums.get(path) => {
            failures.push(Failure::HashMismatch { path: path.to_owned() })
        }
        Ok(()) => {}
    }
}

fn checkpoint_key(checkpoint: &Checkpoint) -> Option<[u8; 32]> {
    let key: [u8; 32] = hex::decode(&checkpoint.public_key).ok()?.try_into().ok()?;
    let signature: [u8; 64] = hex::decode(&checkpoint.signature).ok()?.try_into().ok()?;
    let verifying = VerifyingKey::from_bytes(&key).ok()?;
    verifying.verify(&checkpoint.body.signed_message(), &signature).ok()?;
    Some(key)
}

/// Every journal line canonical and proven into the signed checkpoint;
/// every earlier checkpoint a prefix of it. Returns the decoded events.
fn check_journal(journal: &[u8], proofs: &Proofs, key: [u8; 32], out: &mut Verified) -> Vec<Event> {
    let checkpoint = &proofs.checkpoint;
    match checkpoint_key(checkpoint) {
        None => out.failures.push(Failure::CheckpointSignature),
        Some(k) if k != key => out.failures.push(Failure::CheckpointKey),
        Some(_) => {}
    }
    let body = journal.strip_suffix(b"\n").unwrap_or(journal);
    let lines: Vec<&[u8]> = if body.is_empty() {
        Vec::new()
    } else {
        body.split(|b| *b == b'\n').collect()
    };
    if lines.len() != proofs.events.len() || !journal.ends_with(b"\n") {
        out.failures.push(Failure::Document {
            path: JOURNAL.into(),
            detail: format!("{} lines for {} proofs", lines.len(), proofs.events.len()),
        });
    }
    let mut events = Vec::new();
    let mut previous: Option<u64> = None;
    for (number, (line, proof)) in lines.iter().zip(&proofs.events).enumerate() {
        let line_number = number + 1;
        match Event::decode(line) {
            Ok(event) if event.seq == proof.index && event.case == checkpoint.body.case => events.push(event),
            _ => out.failures.push(Failure::EventNotCanonical { line: line_number }),
        }
        let leaf = merkle::leaf_hash(line);
        let ordered = previous.is_none_or(|p| p < proof.index);
        previous = Some(proof.index);
        let body = &checkpoint.body;
        if !ordered || merkle::verify_inclusion(proof.index, body.size, &leaf, &proof.proof, &body.root).is_err() {
            out.failures.push(Failure::EventNotProven { line: line_number });
        }
    }
    for (index, old) in proofs.consistency.iter().enumerate() {
        let (o, n) = (&old.checkpoint.body, &checkpoint.body);
        let proven = checkpoint_key(&old.checkpoint) == Some(key)
            && o.case == n.case
            && merkle::verify_consistency(o.size, n.size, &o.root, &n.root, &old.proof).is_ok();
        if !proven {
            out.failures.push(Failure::ConsistencyNotProven { index });
        }
    }
    out.events = events.len();
    out.journal_size = checkpoint.body.size;
    out.earlier_checkpoints = proofs.consistency.len();
    events
}

/// Each evidence file is the original the journal names, or a copy the
/// export event declares, and nothing else sits under `evidence/`.
fn check_evidence(manifest: &Manifest, sums: &Sums, events: &[Event], out: &mut Verified) {
    let mut originals: BTreeMap<&EvidenceId, &Hash> = BTreeMap::new();
    let mut copies: BTreeSet<(&EvidenceId, &Hash)> = BTreeSet::new();
    for event in events {
        match &event.body {
            EventBody::EvidenceAdded(e) => {
                originals.insert(&e.id, &e.sha256);
            }
            EventBody::PacketExported(export) => {
                copies = export.stripped.iter().map(|s| (&s.evidence, &s.copy_sha256)).collect();
            }
            _ => {}
        }
    }
    let mut listed = BTreeSet::new();
    for item in &manifest.evidence {
        listed.insert(item.path.as_str());
        let problem = match (sums.get(&item.path), originals.get(&item.id)) {
            _ if !item.path.starts_with(EVIDENCE_DIR) => Some("outside the evidence folder"),
            (None, _) => Some("not in SHA256SUMS"),
            (_, None) => Some("no evidence_added event in the journal"),
            (_, Some(original)) if *original != &item.original_sha256 => Some("original hash differs from the journal"),
            (Some(hash), _) if item.metadata_removed && !copies.contains(&(&item.id, hash)) => {
                Some("copy not declared by the export event")
            }
            (Some(hash), _) if !item.metadata_removed && hash != &item.original_sha256 => {
                Some("file is not the original")
            }
            _ => None,
        };
        if let Some(problem) = problem {
            out.failures.push(Failure::Evidence {
                path: item.path.clone(),
                problem,
            });
        }
    }
    for path in sums
        .keys()
        .filter(|p| p.starts_with(EVIDENCE_DIR) && !listed.contains(p.as_str()))
    {
        out.failures.push(Failure::Evidence {
            path: path.clone(),
            problem: "not in the manifest",
        });
    }
    out.evidence = manifest.evidence.len();
}
