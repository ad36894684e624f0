//! Checking and proving the case journal.
//!
//! `verify` recomputes everything from the stored event bytes: each leaf
//! hash, each event's position, every signed tree head's root and signature,
//! and the projections shown to people. It names the event at fault.

use std::collections::HashMap;

use cairn_core::merkle::{self, CompactTree};
use cairn_core::{CaseId, Checkpoint, Event, EventBody, Hash};
use cairn_crypto::VerifyingKey;
use cairn_store::{RawEvent, Store, TreeHead};
use serde::{Deserialize, Serialize};

use crate::{AppError, Result, Vault};

const BATCH: u64 = 10_000;

/// One thing found wrong, naming the journal position (`seq`) at fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Problem {
    /// The stored bytes of the event do not hash to its stored leaf hash.
    LeafHashMismatch {
        seq: u64,
        kind: String,
    },
    /// The stored bytes are not a canonical event this build can read.
    Unreadable {
        seq: u64,
        kind: String,
        detail: String,
    },
    /// The event claims another case, position or kind than where it is stored.
    Misplaced {
        seq: u64,
        kind: String,
        detail: String,
    },
    /// A signed tree head's root differs from the recomputed one: an event in
    /// `first_seq..=last_seq` was changed after that head was signed.
    RootMismatch {
        size: u64,
        first_seq: u64,
        last_seq: u64,
    },
    BadSignature {
        size: u64,
    },
    ForeignKey {
        size: u64,
        fingerprint: String,
    },
    /// Events exist that no signed tree head covers.
    Unsigned {
        from_seq: u64,
        to_seq: u64,
    },
    /// Re-reading an imported source no longer gives what its
    /// `source_imported` event recorded.
    ImportNotReproduced {
        seq: u64,
        source: String,
        detail: String,
    },
    /// What people are shown differs from what the journal says.
    Projection {
        what: &'static str,
        id: String,
        seq: u64,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    pub case: CaseId,
    pub size: u64,
    pub root: Hash,
    pub signed_heads: u64,
    pub key_fingerprint: String,
    pub problems: Vec<Problem>,
}

impl VerifyReport {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// A proof that one event is in a case journal, checkable offline.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InclusionProof {
    pub case: CaseId,
    pub index: u64,
    /// The event's canonical bytes, exactly as hashed.
    pub event: String,
    pub leaf_hash: Hash,
    pub proof: Vec<Hash>,
    pub checkpoint: Checkpoint,
}

/// A proof that an earlier signed journal is a prefix of a later one.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ConsistencyProof {
    pub case: CaseId,
    pub old: Checkpoint,
    pub new: Checkpoint,
    pub proof: Vec<Hash>,
}

/// Checks a checkpoint's signature against the key it names.
pub fn check_checkpoint(checkpoint: &Checkpoint) -> Result<VerifyingKey> {
    let bad = || AppError::Crypto(cairn_crypto::Error::BadSignature);
    let key: [u8; 32] = hex::decode(&checkpoint.public_key)
        .ok()
        .and_then(|k| k.try_into().ok())
        .ok_or_else(bad)?;
    let signature: [u8; 64] = hex::decode(&checkpoint.signature)
        .ok()
        .and_then(|s| s.try_into().ok())
        .ok_or_else(bad)?;
    let key = VerifyingKey::from_bytes(&key)?;
    key.verify(&checkpoint.body.signed_message(), &signature)?;
    Ok(key)
}

impl InclusionProof {
    /// Verifies the proof with nothing but its own contents.
    pub fn check(&self) -> Result<()> {
        check_checkpoint(&self.checkpoint)?;
        if merkle::leaf_hash(self.event.as_bytes()) != self.leaf_hash {
            return Err(merkle::ProofError::RootMismatch.into());
        }
        let cp = &self.checkpoint.body;
        merkle::verify_inclusion(self.index, cp.size, &self.leaf_hash, &self.proof, &cp.root)?;
        Ok(())
    }
}

impl ConsistencyProof {
    pub fn check(&self) -> Result<()> {
        let old_key = check_checkpoint(&self.old)?;
        let new_key = check_checkpoint(&self.new)?;
        if old_key.to_bytes() != new_key.to_bytes() || self.old.body.case != self.new.body.case {
            return Err(AppError::Crypto(cairn_crypto::Error::BadSignature));
        }
        let (old, new) = (&self.old.body, &self.new.body);
        merkle::verify_consistency(old.size, new.size, &old.root, &new.root, &self.proof)?;
        Ok(())
    }
}

/// The latest version of each thing, replayed from the journal, to compare
/// with the projections. Keyed by the ids' random bits and holding a 128-bit
/// digest of each version's canonical form, a million incidents cost a few
/// tens of megabytes.
#[derive(Default)]
struct Replay {
    /// Subjects are few and can change (identifiers assigned): kept whole.
    subjects: HashMap<u64, (u64, cairn_core::Subject)>,
    /// Import position → digest of the event and communications it added.
    imports: HashMap<u64, (Digest, u64)>,
    incidents: HashMap<u64, (u64, Digest)>,
    evidence: HashMap<u64, u64>,
    /// Scan position → digest of the recorded check.
    scans: HashMap<u64, Digest>,
}

type Digest = [u8; 16];

/// A digest of a value's canonical form, for comparing versions. 128 bits
/// of SHA-256 are far beyond what anyone could collide.
fn digest<T: Serialize>(value: &T) -> Digest {
    let hash = merkle::leaf_hash(&cairn_core::canonical::to_canonical_bytes("projection", value).unwrap_or_default());
    let mut out = [0u8; 16];
    out.copy_from_slice(&hash.0[..16]);
    out
}

impl Replay {
    fn apply(&mut self, event: &Event) {
        match &event.body {
            EventBody::SubjectAdded(s) => {
                self.subjects.insert(s.id.bits(), (event.seq, s.clone()));
            }
            EventBody::IdentifierAssigned(a) => {
                if let Some((seq, subject)) = self.subjects.get_mut(&a.subject.bits()) {
                    if !subject.identifiers.contains(&a.identifier) {
                        subject.identifiers.push(a.identifier.clone());
                    }
                    *seq = event.seq;
                }
            }
            EventBody::SourceImported(i) => {
                self.imports.insert(event.seq, (digest(i), i.extracted.added));
            }
            EventBody::IncidentRecorded(i) => {
                self.incidents.insert(i.id.bits(), (event.seq, digest(i)));
            }
            EventBody::IncidentAmended(a) => {
                self.incidents
                    .insert(a.incident.id.bits(), (event.seq, digest(&a.incident)));
            }
            EventBody::EvidenceAdded(e) => {
                self.evidence.insert(e.id.bits(), event.seq);
            }
            EventBody::ScanRecorded(s) => {
                self.scans.insert(event.seq, digest(s));
            }
            _ => {}
        }
    }
}

fn check_event(
    case: &CaseId,
    expected_seq: u64,
    raw: &RawEvent,
    replay: &mut Replay,
    problems: &mut Vec<Problem>,
) -> Hash {
    let leaf = merkle::leaf_hash(&raw.body);
    let kind = raw.kind.clone();
    if leaf != raw.leaf_hash {
        problems.push(Problem::LeafHashMismatch {
            seq: raw.seq,
            kind: kind.clone(),
        });
    }
    if raw.seq != expected_seq {
        problems.push(Problem::Misplaced {
            seq: expected_seq,
            kind: kind.clone(),
            detail: format!("stored at position {}", raw.seq),
        });
    }
    match Event::decode(&raw.body) {
        Ok(event) => {
            if &event.case != case || event.seq != raw.seq || event.body.kind().name() != raw.kind {
                let detail = format!(
                    "event says case {} position {} kind {}",
                    event.case,
                    event.seq,
                    event.body.kind().name()
                );
                problems.push(Problem::Misplaced {
                    seq: raw.seq,
                    kind,
                    detail,
                });
            }
            replay.apply(&event);
        }
        Err(e) => problems.push(Problem::Unreadable {
            seq: raw.seq,
            kind,
            detail: e.to_string(),
        }),
    }
    leaf
}

impl<S: Store> Vault<S> {
    pub async fn verify_journal(&self, case: &CaseId) -> Result<VerifyReport> {
        self.case(case).await?;
        let heads = self.store.tree_heads(case).await?;
        let mut heads = heads.into_iter().peekable();
        let mut problems = Vec::new();
        let mut tree = CompactTree::new();
        let mut replay = Replay::default();
        let mut signed_heads = 0;
        let mut last_head_size = 0;
        loop {
            let batch = self.store.raw_events(case, tree.size(), BATCH).await?;
            if batch.is_empty() {
                break;
            }
            for raw in &batch {
                let leaf = check_event(case, tree.size(), raw, &mut replay, &mut problems);
                tree.push(leaf);
                while let Some(head) = heads.next_if(|h| h.checkpoint.body.size <= tree.size()) {
                    self.check_head(&head, &tree, last_head_size, &mut problems);
                    signed_heads += 1;
                    last_head_size = head.checkpoint.body.size;
                }
            }
        }
        for head in heads {
            // A head beyond the journal's end: events were removed.
            problems.push(Problem::RootMismatch {
                size: head.checkpoint.body.size,
                first_seq: tree.size(),
                last_seq: head.checkpoint.body.size - 1,
            });
        }
        if last_head_size < tree.size() {
            problems.push(Problem::Unsigned {
                from_seq: last_head_size,
                to_seq: tree.size() - 1,
            });
        }
        self.check_projections(case, &replay, tree.size(), &mut problems)
            .await?;
        Ok(VerifyReport {
            case: case.clone(),
            size: tree.size(),
            root: tree.root(),
            signed_heads,
            key_fingerprint: self.verifying_key().fingerprint(),
            problems,
        })
    }

    fn check_head(&self, head: &TreeHead, tree: &CompactTree, previous: u64, problems: &mut Vec<Problem>) {
        let body = &head.checkpoint.body;
        // Every later head covers the altered leaf too; only the first
        // mismatch locates the change, so only it is reported.
        let already_diverged = problems.iter().any(|p| matches!(p, Problem::RootMismatch { .. }));
        if (body.size != tree.size() || body.root != tree.root()) && !already_diverged {
            problems.push(Problem::RootMismatch {
                size: body.size,
                first_seq: previous,
                last_seq: body.size.saturating_sub(1),
            });
        }
        match check_checkpoint(&head.checkpoint) {
            Ok(key) if key.to_bytes() == self.verifying_key().to_bytes() => {}
            Ok(key) => problems.push(Problem::ForeignKey {
                size: body.size,
                fingerprint: key.fingerprint(),
            }),
            Err(_) => problems.push(Problem::BadSignature { size: body.size }),
        }
    }

    async fn check_projections(
        &self,
        case: &CaseId,
        replay: &Replay,
        size: u64,
        problems: &mut Vec<Problem>,
    ) -> Result<()> {
        let mut mismatch =
            |what: &'static str, id: String, seq: u64| problems.push(Problem::Projection { what, id, seq });
        let subjects = self.store.subjects(case).await?;
        for s in &subjects {
            match replay.subjects.get(&s.id.bits()) {
                Some((_, journal)) if journal == s => {}
                Some((seq, _)) => mismatch("subject", s.id.to_string(), *seq),
                None => mismatch("subject", s.id.to_string(), 0),
            }
        }
        // Incidents can number in the hundreds of thousands: walk them in pages.
        let mut incidents = 0usize;
        let mut after = None;
        loop {
            let page = self.store.incidents_by_id(case, after.as_ref(), 5_000).await?;
            for r in &page {
                match replay.incidents.get(&r.incident.id.bits()) {
                    Some((seq, journal)) if *journal == digest(&r.incident) && *seq == r.current_seq => {}
                    Some((seq, _)) => mismatch("incident", r.incident.id.to_string(), *seq),
                    None => mismatch("incident", r.incident.id.to_string(), r.current_seq),
                }
            }
            incidents += page.len();
            match page.last() {
                Some(last) if page.len() == 5_000 => after = Some(last.incident.id.clone()),
                _ => break,
            }
        }
        let evidence = self.store.evidence_list(case).await?;
        for e in &evidence {
            if replay.evidence.get(&e.evidence.id.bits()) != Some(&e.seq) {
                mismatch("evidence", e.evidence.id.to_string(), e.seq);
            }
        }
        let imports = self.store.imports(case, None).await?;
        for i in &imports {
            match replay.imports.get(&i.seq) {
                Some((journal, _)) if *journal == digest(&i.import) => {}
                _ => mismatch("import", i.import.source.to_string(), i.seq),
            }
        }
        let scans = self.store.scans(case).await?;
        for s in &scans {
            if replay.scans.get(&s.seq) != Some(&digest(&s.scan)) {
                mismatch("scan", s.scan.source.to_string(), s.seq);
            }
        }
        if scans.len() != replay.scans.len() {
            mismatch("scan", case.to_string(), 0);
        }
        let mut communications = 0;
        let counts: HashMap<u64, (u64, u64)> = self
            .store
            .communication_counts(case)
            .await?
            .into_iter()
            .map(|(seq, rows, packed)| (seq, (rows, packed)))
            .collect();
        for (seq, (_, added)) in &replay.imports {
            communications += added;
            if counts.get(seq).copied().unwrap_or((0, 0)) != (*added, *added) {
                mismatch("imported communications", case.to_string(), *seq);
            }
        }
        if counts.keys().any(|seq| !replay.imports.contains_key(seq)) || imports.len() != replay.imports.len() {
            mismatch("imported communications", case.to_string(), 0);
        }
        let shown = subjects.len() + incidents + evidence.len();
        if shown != replay.subjects.len() + replay.incidents.len() + replay.evidence.len() {
            mismatch("projection row count", case.to_string(), 0);
        }
        let summary = self.case(case).await?;
        let counted = (
            summary.events,
            summary.subjects,
            summary.incidents,
            summary.evidence,
            summary.communications,
        );
        let replayed = (
            size,
            replay.subjects.len() as u64,
            replay.incidents.len() as u64,
            replay.evidence.len() as u64,
            communications,
        );
        if counted != replayed {
            mismatch("case counts", case.to_string(), 0);
        }
        Ok(())
    }

    async fn head(&self, case: &CaseId, size: Option<u64>) -> Result<TreeHead> {
        let head = match size {
            Some(size) => self.store.tree_head(case, size).await?,
            None => self.store.latest_tree_head(case).await?,
        };
        head.ok_or_else(|| AppError::NoSuchCheckpoint {
            case: case.to_string(),
            size: size.unwrap_or(0),
        })
    }

    /// The latest signed tree head: the journal's current state, signed.
    pub async fn checkpoint(&self, case: &CaseId) -> Result<Checkpoint> {
        self.case(case).await?;
        Ok(self.head(case, None).await?.checkpoint)
    }

    /// Leaf hashes up to a head, refusing to prove from a tampered store.
    async fn leaves_for(&self, case: &CaseId, head: &TreeHead) -> Result<Vec<Hash>> {
        let leaves = self.store.leaf_hashes(case, head.checkpoint.body.size).await?;
        if merkle::root(&leaves) != head.checkpoint.body.root {
            return Err(merkle::ProofError::RootMismatch.into());
        }
        Ok(leaves)
    }

    pub async fn prove_inclusion(&self, case: &CaseId, seq: u64, size: Option<u64>) -> Result<InclusionProof> {
        self.case(case).await?;
        let head = self.head(case, size).await?;
        let tree_size = head.checkpoint.body.size;
        if seq >= tree_size {
            return Err(AppError::NoSuchEvent {
                case: case.to_string(),
                seq,
                size: tree_size,
            });
        }
        let leaves = self.leaves_for(case, &head).await?;
        let raw = self
            .store
            .raw_events(case, seq, 1)
            .await?
            .into_iter()
            .next()
            .ok_or_else(|| AppError::NoSuchEvent {
                case: case.to_string(),
                seq,
                size: tree_size,
            })?;
        let event = String::from_utf8(raw.body)
            .map_err(|_| merkle::ProofError::Malformed("event bytes are not UTF-8".into()))?;
        let proof = InclusionProof {
            case: case.clone(),
            index: seq,
            event,
            leaf_hash: raw.leaf_hash,
            proof: merkle::inclusion_proof(&leaves, seq)?,
            checkpoint: head.checkpoint,
        };
        proof.check()?;
        Ok(proof)
    }

    pub async fn prove_consistency(
        &self,
        case: &CaseId,
        old_size: u64,
        new_size: Option<u64>,
    ) -> Result<ConsistencyProof> {
        self.case(case).await?;
        let old = self.head(case, Some(old_size)).await?;
        let new = self.head(case, new_size).await?;
        let leaves = self.leaves_for(case, &new).await?;
        let proof = merkle::consistency_proof(&leaves, old_size)?;
        let proof = ConsistencyProof {
            case: case.clone(),
            old: old.checkpoint,
            new: new.checkpoint,
            proof,
        };
        proof.check()?;
        Ok(proof)
    }
}
