use std::future::Future;

use cairn_core::{CaseId, Checkpoint, CheckpointBody, Event, EventKind, EvidenceId, Hash, IncidentId, Subject};

use crate::batch::CommBatch;
use crate::comms::{CommQuery, CommunicationRecord, ContactRow, ContactTally, Counterpart, ImportFile, ImportRecord};
use crate::model::{
    Appended, CaseSummary, EvidenceRecord, IncidentRecord, NewEvent, RawEvent, TimelineEntry, TimelineQuery, TreeHead,
};
use crate::scans::{IndicatorSource, ScanRecord};
use crate::{Result, Stored};

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
    /// An import in progress: see [`ImportSession`].
    type Import: ImportSession;

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

    /// Starts an import into `case`: one write transaction until
    /// [`ImportSession::finish`]; dropping the session rolls everything back.
    /// `preceding` is how many events the import will append before its
    /// `source_imported` event (1 when the source is new evidence).
    fn begin_import(&self, case: &CaseId, preceding: u64) -> impl Future<Output = Result<Self::Import>> + Send;
    /// Imports of the case, oldest first; only those of `source` when given.
    fn imports(&self, case: &CaseId, source: Option<&Hash>) -> impl Future<Output = Result<Vec<ImportRecord>>> + Send;
    /// Everyone the case's imports named, most frequent first.
    fn counterparts(&self, case: &CaseId) -> impl Future<Output = Result<Vec<Counterpart>>> + Send;
    /// Counterparts and their matched subjects only (`communications`, `first`
    /// and `last` left empty): cheap at any size.
    fn counterpart_subjects(&self, case: &CaseId) -> impl Future<Output = Result<Vec<Counterpart>>> + Send;
    /// Every communication's time, channel, direction and counterpart, in no
    /// particular order.
    fn contacts(&self, case: &CaseId) -> impl Future<Output = Result<Vec<ContactRow>>> + Send;
    fn communications(
        &self,
        case: &CaseId,
        query: &CommQuery,
    ) -> impl Future<Output = Result<Vec<CommunicationRecord<Stored>>>> + Send;
    /// Files found inside imported sources; only one import's when given.
    fn import_files(
        &self,
        case: &CaseId,
        import_seq: Option<u64>,
    ) -> impl Future<Output = Result<Vec<ImportFile>>> + Send;
    fn import_file(&self, case: &CaseId, sha256: &Hash) -> impl Future<Output = Result<Option<ImportFile>>> + Send;
    /// `(import position, communications stored, packed contact records)`
    /// for every import that added any.
    fn communication_counts(&self, case: &CaseId) -> impl Future<Output = Result<Vec<(u64, u64, u64)>>> + Send;

    /// Registers an indicator file whose bytes are already in the blob
    /// store; false when these bytes were registered before.
    fn add_indicator_source(&self, source: &IndicatorSource) -> impl Future<Output = Result<bool>> + Send;
    /// Every registered indicator file, oldest first.
    fn indicator_sources(&self) -> impl Future<Output = Result<Vec<IndicatorSource>>> + Send;
    /// Checks recorded in the case, oldest first.
    fn scans(&self, case: &CaseId) -> impl Future<Output = Result<Vec<ScanRecord>>> + Send;
    /// Every event of one kind in the case, oldest first. For kinds that are
    /// few per case and read whole (assessments, plans), the journal is
    /// their only record: no projection can disagree with it.
    fn events_of_kind(&self, case: &CaseId, kind: EventKind) -> impl Future<Output = Result<Vec<Event>>> + Send;
}

/// An import holding the write lock: communications and files go in as they
/// are read; `finish` appends the import's events and commits.
pub trait ImportSession: Send {
    /// The journal position the `source_imported` event will take.
    fn import_seq(&self) -> u64;
    /// Adds communications not yet in the case; returns how many were new.
    fn add(&mut self, batch: CommBatch) -> impl Future<Output = Result<u64>> + Send;
    /// Records files found in the source; returns how many the case did not
    /// have yet. In batches, because each call is a round trip to the
    /// database thread and a picture-heavy backup holds thousands of files.
    fn add_files(&mut self, files: Vec<ImportFile>) -> impl Future<Output = Result<u64>> + Send;
    /// Files the case already holds, so an importer need not store them again.
    fn known_files(&self) -> Vec<Hash>;
    /// Every contact of the case by counterpart once this import commits,
    /// when the case held no communications before it (its first import
    /// counts them as it adds them); `None` otherwise.
    fn contact_tally(&self) -> Option<ContactTally>;
    /// Names the pack that holds this import's packed files.
    fn set_pack(&mut self, pack: Hash) -> impl Future<Output = Result<()>> + Send;
    /// Appends `events` (ending with the `source_imported` event, whose
    /// `added` must match) under one signed tree head, and commits.
    fn finish(self, events: Vec<NewEvent>, sign: Signer<'_>) -> impl Future<Output = Result<Appended>> + Send;
}
