-- The case timeline: one row per thing shown on the case page, newest first,
-- written in the same transaction as the event it derives from. Later
-- importers and scans add their own kinds. Keyset pagination on
-- (sort_key, ref_id) keeps every page as fast at 200,000 rows as at 200.

CREATE TABLE timeline (
    case_id    TEXT    NOT NULL REFERENCES cases (id),
    sort_key   TEXT    NOT NULL, -- local civil time, ISO 8601, sortable
    ref_id     TEXT    NOT NULL, -- incident or evidence id
    kind       TEXT    NOT NULL,
    subject_id TEXT,
    channel    TEXT,
    categories INTEGER NOT NULL DEFAULT 0, -- SLII bitmask: 1 surveillance, 2 life invasion, 4 intimidation, 8 interference
    title      TEXT    NOT NULL,
    seq        INTEGER NOT NULL, -- the event holding the version shown
    PRIMARY KEY (case_id, ref_id)
);
CREATE INDEX timeline_by_time ON timeline (case_id, sort_key DESC, ref_id DESC);

INSERT INTO timeline (case_id, sort_key, ref_id, kind, subject_id, channel, categories, title, seq)
SELECT case_id, occurred_sort, id, 'incident', subject_id, channel,
       (SELECT COALESCE(SUM(CASE value WHEN 'surveillance' THEN 1 WHEN 'life_invasion' THEN 2 WHEN 'intimidation' THEN 4 WHEN 'interference' THEN 8 ELSE 0 END), 0)
          FROM json_each(incidents.data, '$.categories')),
       substr(json_extract(data, '$.narrative'), 1, 200), current_seq
FROM incidents;

INSERT INTO timeline (case_id, sort_key, ref_id, kind, subject_id, channel, categories, title, seq)
SELECT case_id, replace(substr(acquired_at, 1, 19), ' ', 'T'), id, 'evidence', NULL, NULL, 0, original_name, seq FROM evidence;
