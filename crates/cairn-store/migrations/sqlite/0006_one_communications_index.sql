-- One index over a case's communications instead of two. Every import writes
-- each message into every index, and the per-counterpart one took inserts
-- scattered over as many places as there were counterparts: dropping it
-- made importing a million messages markedly faster. Listings by counterpart
-- or review flag walk this index in time order and test both columns from
-- it, without reading the rows they skip; counts per counterpart come from
-- `contact_chunks`.
DROP INDEX communications_by_counterpart;
DROP INDEX communications_by_time;
CREATE INDEX communications_by_time ON communications (case_id, at_ms, counterpart, review);
