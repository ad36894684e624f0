use std::future::Future;

use cairn_core::{CaseId, Checkpoint, CheckpointBody, Event, EvidenceId, Hash, IncidentId, Subject};

use crate::Result;
use crate::model::{
    Appended, CaseSummary, EvidenceRecord, IncidentRecord, NewEvent, RawEvent, TimelineEntry, TimelineQuery, TreeHead,
};

/// Signs a tree head. Passed into [`Store::append`] so the head is written in
/// the same transaction as the events it covers, without the store ever
/// holding the signing key.
pub type Signer<'a> = &'a (dyn Fn(&CheckpointBody) -> Checkpoint + Sync);

/// A backend for the case journal and its projections.
///
/// Implementations must make `append` atomic (events, projections and tree
/// head together or not at all) and must refuse updates and deletes of events
/// at the database level, not only in code.
pub trait Store: Send + Sync + 'static {
    /// Appends `events` to `case`'s journal. For a new case the first event
    /// must be `CaseOpened`.
    fn append(
        &self,
        case: &CaseId,
        events: Vec<NewEvent>,
        sign: Signer<'_>,
    ) -> impl Future<Output = Result<Appended>> + Send;

    fn cases(&self) -> impl Future<Output = Result<Vec<CaseSummary>>> + Send;
    fn case(&self, case: &CaseId) -> impl Future<Output = Result<Option<CaseSummary>>> + Send;

    fn subjects(&self, case: &CaseId) -> impl Future<Output = Result<Vec<Subject>>> + Send;

    fn incidents(&self, case: &CaseId) -> impl Future<Output = Result<Vec<IncidentRecord>>> + Send;
    /// Up to `limit` incidents with ids after `after`, in id order: for
    /// walking every incident of a large case in bounded memory.
    fn incidents_by_id(
        &self,
        case: &CaseId,
        after: Option<&IncidentId>,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<IncidentRecord>>> + Send;
    fn incident(&self, case: &CaseId, id: &IncidentId) -> impl Future<Output = Result<Option<IncidentRecord>>> + Send;
    /// Every version of an incident, oldest first, as the events that hold them.
    fn incident_history(&self, case: &CaseId, id: &IncidentId) -> impl Future<Output = Result<Vec<Event>>> + Send;

    fn evidence_list(&self, case: &CaseId) -> impl Future<Output = Result<Vec<EvidenceRecord>>> + Send;
    fn evidence(&self, case: &CaseId, id: &EvidenceId) -> impl Future<Output = Result<Option<EvidenceRecord>>> + Send;
    /// An evidence item of this case with these original bytes, if any.
    fn evidence_by_hash(
        &self,
        case: &CaseId,
        sha256: &Hash,
    ) -> impl Future<Output = Result<Option<EvidenceRecord>>> + Send;

    /// One page of the case timeline, newest first.
    fn timeline(&self, case: &CaseId, query: &TimelineQuery)
    -> impl Future<Output = Result<Vec<TimelineEntry>>> + Send;

    /// Up to `limit` stored events from position `from`, in order.
    fn raw_events(&self, case: &CaseId, from: u64, limit: u64) -> impl Future<Output = Result<Vec<RawEvent>>> + Send;
    /// The stored leaf hashes of the first `size` events, in order.
    fn leaf_hashes(&self, case: &CaseId, size: u64) -> impl Future<Output = Result<Vec<Hash>>> + Send;
    fn journal_size(&self, case: &CaseId) -> impl Future<Output = Result<u64>> + Send;
    /// Every signed tree head of the case, oldest first.
    fn tree_heads(&self, case: &CaseId) -> impl Future<Output = Result<Vec<TreeHead>>> + Send;
    fn tree_head(&self, case: &CaseId, size: u64) -> impl Future<Output = Result<Option<TreeHead>>> + Send;
    fn latest_tree_head(&self, case: &CaseId) -> impl Future<Output = Result<Option<TreeHead>>> + Send;
}
