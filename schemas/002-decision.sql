-- Migration 2: decisions recorded by `assess --record`.
--
-- A decision is never updated: recording an assessment again adds only the
-- decisions that differ from the ones last recorded under the same
-- decision_id (a corrected registry, another policy), each with the entry
-- of the run that recorded it.
CREATE TABLE decision (
  decision_id    TEXT NOT NULL,   -- as_of/programme/unit
  as_of          TEXT NOT NULL,
  programme      TEXT NOT NULL,
  unit           TEXT NOT NULL,   -- household, person, application
  household_id   TEXT,
  national_id    TEXT,
  application_id TEXT,
  eligible       INTEGER NOT NULL,
  amount         INTEGER NOT NULL, -- fen per period
  period         TEXT NOT NULL,
  reason         TEXT NOT NULL,
  policy         TEXT NOT NULL,   -- id@sha256 prefix
  trace          TEXT NOT NULL,
  entry          INTEGER NOT NULL,
  PRIMARY KEY (decision_id, entry)
);
CREATE INDEX decision_as_of ON decision (as_of, programme);
