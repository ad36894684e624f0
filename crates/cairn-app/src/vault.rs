//! An unlocked vault: a store, the blob store and the signing key, plus the
//! case-level use cases. Other use cases live beside this file, one module per
//! kind of thing (subjects, incidents, evidence, journal).

use std::sync::Arc;

use cairn_core::{CaseId, CaseOpened, Checkpoint, CheckpointBody, EventBody};
use cairn_crypto::{MasterKey, SigningKey, VerifyingKey};
use cairn_store::{Appended, BlobStore, CaseSummary, NewEvent, Store, TimelineEntry, TimelineQuery};
use jiff::Timestamp;

use crate::{AppError, Result, VaultDir};

pub struct Vault<S> {
    pub(crate) store: S,
    pub(crate) blobs: Arc<BlobStore>,
    pub(crate) signing: Arc<SigningKey>,
    verifying: VerifyingKey,
    actor: String,
}

impl<S: Store> Vault<S> {
    /// Assembles an unlocked vault from a store the binary opened and the
    /// master key unwrapped from `dir`'s key file.
    pub fn new(store: S, dir: &VaultDir, master: &MasterKey, actor: impl Into<String>) -> Result<Self> {
        let blobs = BlobStore::open(dir.root(), master.blob_key())?;
        let signing = Arc::new(master.signing_key());
        let verifying = signing.verifying_key();
        Ok(Self {
            store,
            blobs: Arc::new(blobs),
            signing,
            verifying,
            actor: actor.into(),
        })
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// The public half of the key that signs this vault's checkpoints.
    pub fn verifying_key(&self) -> &VerifyingKey {
        &self.verifying
    }

    pub(crate) fn sign(&self, body: &CheckpointBody) -> Checkpoint {
        let signature = self.signing.sign(&body.signed_message());
        Checkpoint {
            body: body.clone(),
            public_key: hex_lower(&self.verifying.to_bytes()),
            key_fingerprint: self.verifying.fingerprint(),
            signature: hex_lower(&signature),
        }
    }

    /// Appends events recorded now by this vault's actor.
    pub(crate) async fn append(&self, case: &CaseId, bodies: Vec<EventBody>) -> Result<Appended> {
        let recorded_at = Timestamp::now();
        let events = bodies
            .into_iter()
            .map(|body| NewEvent {
                recorded_at,
                actor: self.actor.clone(),
                body,
            })
            .collect();
        Ok(self
            .store
            .append(case, events, &|body: &CheckpointBody| self.sign(body))
            .await?)
    }

    /// Appends already-validated events to a case in one transaction, under
    /// one signed tree head. For importers and tools that record many events
    /// at once; single changes go through the use cases, which validate.
    pub async fn append_batch(&self, case: &CaseId, bodies: Vec<EventBody>) -> Result<u64> {
        Ok(self.append(case, bodies).await?.head.body.size)
    }

    pub async fn open_case(&self, label: &str) -> Result<CaseSummary> {
        let opened = CaseOpened::new(label)?;
        let id = CaseId::from_random(random_id_bytes());
        self.append(&id, vec![EventBody::CaseOpened(opened)]).await?;
        self.case(&id).await
    }

    pub async fn cases(&self) -> Result<Vec<CaseSummary>> {
        Ok(self.store.cases().await?)
    }

    /// One page of a case's timeline, newest first.
    pub async fn timeline(&self, case: &CaseId, query: &TimelineQuery) -> Result<Vec<TimelineEntry>> {
        self.case(case).await?;
        Ok(self.store.timeline(case, query).await?)
    }

    pub async fn case(&self, id: &CaseId) -> Result<CaseSummary> {
        self.store
            .case(id)
            .await?
            .ok_or_else(|| AppError::NoSuchCase(id.to_string()))
    }
}

pub(crate) fn random_id_bytes() -> [u8; 8] {
    let mut bytes = [0u8; 8];
    // The OS generator failing is not something a person can fix, and an id
    // from a broken generator could collide: stop rather than continue.
    getrandom::fill(&mut bytes).expect("the operating system's random number generator failed");
    bytes
}

pub(crate) fn hex_lower(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}
