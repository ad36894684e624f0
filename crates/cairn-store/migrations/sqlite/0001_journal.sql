-- The case journal and its projections.
--
-- `events` is the source of truth: append-only, enforced here by triggers so
-- that no code path (ours or a careless script's) can rewrite history.
-- Every other table except `tree_heads` is a projection of `events`, written
-- in the same transaction as the event it derives from.

-- A rowid table: events arrive in order, so rows append at the end of the
-- table instead of being rebalanced inside a B-tree keyed on (case, seq).
CREATE TABLE events (
    case_id     TEXT    NOT NULL,
    seq         INTEGER NOT NULL CHECK (seq >= 0),
    kind        TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    body        BLOB    NOT NULL, -- RFC 8785 canonical bytes: the Merkle leaf
    leaf_hash   BLOB    NOT NULL CHECK (length(leaf_hash) = 32)
);
-- Covers proofs: leaf hashes are read without touching the bodies.
CREATE UNIQUE INDEX events_by_position ON events (case_id, seq, leaf_hash);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'cairn journal is append-only: events cannot be updated'); END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'cairn journal is append-only: events cannot be deleted'); END;

-- Leaf indexes are positions in the Merkle tree: no gaps, no reuse.
CREATE TRIGGER events_contiguous BEFORE INSERT ON events
WHEN NEW.seq <> (SELECT COALESCE(MAX(seq) + 1, 0) FROM events WHERE case_id = NEW.case_id)
BEGIN SELECT RAISE(ABORT, 'cairn journal sequence must be contiguous'); END;

-- One signed tree head per append; `peaks` (the compact range, 32 bytes per
-- perfect subtree, largest first) lets the next append continue the tree
-- without reading every leaf.
CREATE TABLE tree_heads (
    case_id    TEXT    NOT NULL,
    size       INTEGER NOT NULL CHECK (size > 0),
    root       BLOB    NOT NULL CHECK (length(root) = 32),
    time       TEXT    NOT NULL,
    peaks      BLOB    NOT NULL,
    public_key BLOB    NOT NULL CHECK (length(public_key) = 32),
    signature  BLOB    NOT NULL CHECK (length(signature) = 64),
    PRIMARY KEY (case_id, size)
) WITHOUT ROWID;

CREATE TRIGGER tree_heads_no_update BEFORE UPDATE ON tree_heads
BEGIN SELECT RAISE(ABORT, 'cairn tree heads are append-only'); END;

CREATE TRIGGER tree_heads_no_delete BEFORE DELETE ON tree_heads
BEGIN SELECT RAISE(ABORT, 'cairn tree heads are append-only'); END;

CREATE TABLE cases (
    id         TEXT PRIMARY KEY,
    label      TEXT NOT NULL,
    opened_at  TEXT NOT NULL,
    opened_by  TEXT NOT NULL
);

CREATE TABLE subjects (
    id           TEXT PRIMARY KEY,
    case_id      TEXT NOT NULL REFERENCES cases (id),
    name         TEXT NOT NULL,
    relationship TEXT NOT NULL,
    data         TEXT NOT NULL, -- the Subject as JSON
    seq          INTEGER NOT NULL
);
CREATE INDEX subjects_by_case ON subjects (case_id, seq);

-- Normalised identifiers, so imported messages can be matched to subjects.
CREATE TABLE subject_identifiers (
    subject_id TEXT NOT NULL REFERENCES subjects (id),
    kind       TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (subject_id, kind, value)
) WITHOUT ROWID;
CREATE INDEX subject_identifiers_by_value ON subject_identifiers (kind, value);

CREATE TABLE incidents (
    id            TEXT PRIMARY KEY,
    case_id       TEXT NOT NULL REFERENCES cases (id),
    occurred_sort TEXT NOT NULL,
    channel       TEXT NOT NULL,
    subject_id    TEXT REFERENCES subjects (id),
    data          TEXT NOT NULL,    -- the current version, as JSON
    first_seq     INTEGER NOT NULL, -- the event that recorded it
    current_seq   INTEGER NOT NULL, -- the event holding the current version
    versions      INTEGER NOT NULL
);
CREATE INDEX incidents_by_case_time ON incidents (case_id, occurred_sort, id);

-- Which events hold versions of which incident, oldest first.
CREATE TABLE incident_versions (
    incident_id TEXT    NOT NULL REFERENCES incidents (id),
    seq         INTEGER NOT NULL,
    PRIMARY KEY (incident_id, seq)
) WITHOUT ROWID;

CREATE TABLE evidence (
    id            TEXT PRIMARY KEY,
    case_id       TEXT    NOT NULL REFERENCES cases (id),
    sha256        TEXT    NOT NULL,
    size          INTEGER NOT NULL,
    media_type    TEXT    NOT NULL,
    original_name TEXT    NOT NULL,
    acquired_at   TEXT    NOT NULL,
    data          TEXT    NOT NULL,
    seq           INTEGER NOT NULL
);
CREATE INDEX evidence_by_case ON evidence (case_id, seq);
CREATE INDEX evidence_by_hash ON evidence (case_id, sha256);

CREATE TABLE custody (
    evidence_id TEXT    NOT NULL REFERENCES evidence (id),
    seq         INTEGER NOT NULL,
    action      TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    detail      TEXT,
    PRIMARY KEY (evidence_id, seq)
) WITHOUT ROWID;
