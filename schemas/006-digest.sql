-- Migration 6: every row in the chain (audit.md).
--
-- Each journal entry written from now on carries `digest`, the SHA-256 of
-- the rows its run added, table by table (jiuzhu(7) ROW DIGESTS), and its
-- hash covers it.  The entries written before this migration are sealed
-- once, by a journal entry of their own whose rows are their digests.
ALTER TABLE journal ADD COLUMN digest TEXT;

CREATE TABLE entry_digest (
  of_entry INTEGER PRIMARY KEY,  -- an entry written before migration 6
  digest   TEXT NOT NULL,        -- its rows' digest, as journal.digest
  entry    INTEGER NOT NULL      -- the entry that sealed it
);
