-- Communications in chunks, like their packed contact records: one row per
-- batch of up to 2,000 an import wrote, numbered as in `contact_chunks`, so
-- the k-th contact record of a chunk and the k-th communication here are the
-- same message. A row per message cost an import more than reading,
-- hashing, encrypting and parsing its source together (a B-tree insert and
-- an index entry each, a million times); a row per chunk costs almost
-- nothing, and listings read the few chunks a page needs (see
-- `comm_page.rs`).
--
-- The rows of the old `communications` table are moved here by the store
-- as it opens (`repack.rs`), which then drops that table: SQL alone cannot
-- pack them.
CREATE TABLE communication_chunks (
    case_id    TEXT    NOT NULL REFERENCES cases (id),
    import_seq INTEGER NOT NULL,
    chunk      INTEGER NOT NULL,
    first_ms   INTEGER NOT NULL, -- the earliest at_ms in the chunk
    last_ms    INTEGER NOT NULL, -- the latest
    dedup      BLOB    NOT NULL, -- first 16 bytes of each Communication::dedup_key
    ends       BLOB    NOT NULL, -- u32 LE: where each one's JSON ends, decompressed
    data       BLOB    NOT NULL, -- the Communications as JSON, one after another, LZ4 block
    UNIQUE (case_id, import_seq, chunk)
);
CREATE INDEX communication_chunks_by_time ON communication_chunks (case_id, first_ms);
