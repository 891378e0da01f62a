-- Migration 7: who may sign (audit.md, Who may sign).
--
-- The staff of the four bureaus of the joint review (三(三)3), from
-- `enrol --kind staff`: the OS login, the person's name, the bureau, and
-- the days they are staff of it, `from` and `to` both included (no `to`:
-- still).  Like institutions, the latest entry of a (user, bureau) is in
-- force; older rows stay, so an auditor sees who could sign when.  The
-- columns from and to are SQL words: quote them.
CREATE TABLE staff (
  user     TEXT NOT NULL,   -- the OS login, as journal.user
  name     TEXT NOT NULL,
  bureau   TEXT NOT NULL,   -- health, labour, civil_affairs, finance
  "from"   TEXT NOT NULL,
  "to"     TEXT,
  entry    INTEGER NOT NULL,
  src      INTEGER NOT NULL,
  line     INTEGER NOT NULL,
  PRIMARY KEY (user, bureau, entry)
);

-- A sign-off names the staff member who made it, as enrolled then; one
-- made before this migration has none (its user is the login alone).
ALTER TABLE signoff ADD COLUMN name TEXT;
