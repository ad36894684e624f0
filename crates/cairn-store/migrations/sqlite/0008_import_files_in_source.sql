-- An MMS picture is already in the vault, inside the sealed backup it came
-- from: instead of a second copy in the import's pack, its row may say
-- where its encoded bytes start in that source (the import's
-- `source_sha256`), and it is decoded from there when asked for and checked
-- against its SHA-256 as a packed file is. A 1.1 GB backup carries about
-- 620 MB of pictures that were stored twice before.
ALTER TABLE import_files ADD COLUMN source_offset INTEGER;
