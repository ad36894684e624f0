-- Imports and what they extracted. The journal holds one source_imported
-- event per import; the rows below are its projection, written in the same
-- transaction, and reproducible by re-running the importer on the source.

CREATE TABLE imports (
    case_id          TEXT    NOT NULL REFERENCES cases (id),
    seq              INTEGER NOT NULL, -- the source_imported event
    evidence_id      TEXT    NOT NULL,
    source_sha256    TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    communications   INTEGER NOT NULL,
    added            INTEGER NOT NULL,
    data             TEXT    NOT NULL, -- the event's SourceImported, JSON
    PRIMARY KEY (case_id, seq)
);
CREATE INDEX imports_by_source ON imports (case_id, source_sha256);

-- Everyone an import named: numbers (E.164), addresses, chat names. Numbered
-- per case so that a million messages carry a small integer, not a string.
CREATE TABLE counterparts (
    case_id TEXT    NOT NULL REFERENCES cases (id),
    id      INTEGER NOT NULL,
    value   TEXT    NOT NULL,
    name    TEXT, -- the name the phone or app showed, last seen
    PRIMARY KEY (case_id, id),
    UNIQUE (case_id, value)
);

CREATE TABLE communications (
    case_id      TEXT    NOT NULL REFERENCES cases (id),
    dedup        BLOB    NOT NULL, -- first 16 bytes of Communication::dedup_key
    at_ms        INTEGER NOT NULL, -- unix milliseconds
    channel      INTEGER NOT NULL, -- index into CommChannel::ALL
    direction    INTEGER NOT NULL, -- index into Direction::ALL
    counterpart  INTEGER NOT NULL, -- counterparts.id
    review       INTEGER NOT NULL DEFAULT 0, -- the body matched the review lexicon
    import_seq   INTEGER NOT NULL,
    data         TEXT    NOT NULL -- the Communication, JSON
);
CREATE INDEX communications_by_time ON communications (case_id, at_ms);

-- The same communications again as packed 16-byte records (time, counterpart,
-- channel, direction, review), a chunk per batch an import wrote: pattern
-- analysis reads a million of them in a few blobs instead of a million rows.
CREATE TABLE contact_chunks (
    case_id    TEXT    NOT NULL REFERENCES cases (id),
    import_seq INTEGER NOT NULL,
    chunk      INTEGER NOT NULL,
    data       BLOB    NOT NULL,
    PRIMARY KEY (case_id, import_seq, chunk)
) WITHOUT ROWID;
CREATE INDEX communications_by_counterpart ON communications (case_id, counterpart, at_ms);

-- Files found inside imported sources (MMS pictures, chat media, email
-- attachments and header blocks), stored as blobs like any evidence.
CREATE TABLE import_files (
    case_id     TEXT    NOT NULL REFERENCES cases (id),
    sha256      TEXT    NOT NULL,
    import_seq  INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    media_type  TEXT    NOT NULL,
    size        INTEGER NOT NULL,
    -- Small files are packed into one blob per import (a file per picture
    -- costs more than everything else an import does); NULL: a blob of its own.
    pack_sha256 TEXT,
    pack_offset INTEGER,
    PRIMARY KEY (case_id, sha256)
);
CREATE INDEX import_files_by_import ON import_files (case_id, import_seq);

ALTER TABLE cases ADD COLUMN communications INTEGER NOT NULL DEFAULT 0;
