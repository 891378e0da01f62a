-- Migration 1: the journal, the policies and the registry.
--
-- Every row written by a run carries `entry`, the journal entry of that run,
-- and `src`/`line`, the input (its position in the entry's inputs, 0-based;
-- -1 for the policy file) and line it came from, so that an auditor can
-- trace any value to the bytes it was read from.  Rows are never updated:
-- a change is a new row.  Money is integer fen, yes/no is 1/0, dates are
-- ISO text.

CREATE TABLE journal (
  entry    INTEGER PRIMARY KEY,  -- 1, 2, 3 ...
  at       TEXT NOT NULL,        -- UTC time, YYYY-MM-DDTHH:MM:SSZ
  user     TEXT NOT NULL,        -- the OS user who ran the command
  command  TEXT NOT NULL,        -- the command line, shell-quoted
  inputs   TEXT NOT NULL,        -- JSON [{"name": ..., "sha256": ...}, ...]
  policy   TEXT NOT NULL,        -- id@sha256 of the policy in force
  changes  TEXT NOT NULL,        -- JSON {"table": rows added, ...}
  prev     TEXT NOT NULL,        -- hash of the previous entry (64 zeros first)
  hash     TEXT NOT NULL         -- SHA-256 of the fields above (jiuzhu(7))
);

CREATE TABLE policy (
  id       TEXT NOT NULL,
  sha256   TEXT NOT NULL,        -- of the file's bytes
  entry    INTEGER NOT NULL,     -- loaded by this run
  body     BLOB NOT NULL,        -- the file, byte for byte
  PRIMARY KEY (id, sha256)
);

-- Persons by version: the version in force on D is the one with the
-- latest effective <= D (and, for the same effective, the latest entry).
CREATE TABLE person (
  national_id TEXT NOT NULL,
  name TEXT NOT NULL,
  household_id TEXT NOT NULL,
  relation TEXT NOT NULL,
  street TEXT NOT NULL,
  community TEXT,
  hukou_type TEXT NOT NULL,
  hukou_local INTEGER NOT NULL,
  residence_since TEXT,
  employment TEXT NOT NULL,
  able_to_work INTEGER,            -- NULL: derived (working age, not unable)
  monthly_income INTEGER NOT NULL, -- fen
  insurance TEXT NOT NULL,
  disability TEXT NOT NULL,
  disability_grade INTEGER,
  disability_cert INTEGER NOT NULL,
  illness TEXT NOT NULL,
  cerebral_palsy INTEGER NOT NULL,
  rehab_training INTEGER NOT NULL,
  student_level TEXT NOT NULL,
  wubao INTEGER NOT NULL,
  released_on TEXT,
  hukou_pending INTEGER NOT NULL,
  enterprise_hardship INTEGER NOT NULL,
  one_child_hardship INTEGER NOT NULL,
  troop INTEGER NOT NULL,
  returned_overseas INTEGER NOT NULL,
  self_care TEXT NOT NULL,
  housing_need INTEGER NOT NULL,
  dilapidated_house INTEGER NOT NULL,
  effective TEXT NOT NULL,
  entry INTEGER NOT NULL,
  src INTEGER NOT NULL,
  line INTEGER NOT NULL
);
CREATE UNIQUE INDEX person_version ON person (national_id, effective, entry);
CREATE INDEX person_household ON person (household_id);

-- Applications are received once and never change: a correction is a new
-- application.
CREATE TABLE application (
  application_id TEXT NOT NULL PRIMARY KEY,
  national_id TEXT NOT NULL,
  programme TEXT NOT NULL,
  received_on TEXT NOT NULL,
  street TEXT NOT NULL,
  reason TEXT,
  case_type TEXT,
  respondent_unable INTEGER,
  requested INTEGER,
  entry INTEGER NOT NULL,
  src INTEGER NOT NULL,
  line INTEGER NOT NULL
);

-- Institutions and survey rows: the latest entry for a key is in force.
CREATE TABLE institution (
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  designated_from TEXT NOT NULL,
  designated_to TEXT,
  entry INTEGER NOT NULL,
  src INTEGER NOT NULL,
  line INTEGER NOT NULL,
  PRIMARY KEY (code, entry)
);

CREATE TABLE survey (
  household_id TEXT NOT NULL,
  month TEXT NOT NULL,
  income INTEGER NOT NULL,
  expense INTEGER NOT NULL,
  note TEXT,
  entry INTEGER NOT NULL,
  src INTEGER NOT NULL,
  line INTEGER NOT NULL,
  PRIMARY KEY (household_id, month, entry)
);
