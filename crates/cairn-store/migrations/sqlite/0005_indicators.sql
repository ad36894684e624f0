-- Indicator files (stalkerware-indicators YAML, STIX 2.1) registered in the
-- vault. They are reference data shared by every case, not case evidence:
-- the bytes live in the blob store under their SHA-256, and this registry
-- says what they are. A scan names the files it used in its journal event.
CREATE TABLE indicator_sources (
    sha256    TEXT PRIMARY KEY, -- of the file's bytes, lower-case hex
    name      TEXT NOT NULL,    -- the file name it was imported from
    format    TEXT NOT NULL,
    version   TEXT,
    loaded_at TEXT NOT NULL,
    counts    TEXT NOT NULL     -- indicators per kind, JSON
);

-- Device and network checks: the projection of scan_recorded events.
CREATE TABLE scans (
    case_id     TEXT    NOT NULL REFERENCES cases (id),
    seq         INTEGER NOT NULL, -- the scan_recorded event
    evidence_id TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    data        TEXT    NOT NULL, -- the event's ScanRecorded, JSON
    PRIMARY KEY (case_id, seq)
);
