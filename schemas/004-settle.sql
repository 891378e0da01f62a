-- Migration 4: the quarterly medical-aid settlement (settle(1)).
--
-- A settlement line is written once and never changed or removed (the
-- triggers below make sure of it): a correction is a new claim that names
-- the one it corrects.  A quarter's statement of one institution is frozen
-- by its first sign-off and closed by the fourth: settle adds no line to
-- it (a trigger on insert would say so too, at 10 us a claim).

CREATE TABLE claim (
  institution    TEXT NOT NULL,
  claim_id       TEXT NOT NULL,   -- unique for the institution, forever
  quarter        TEXT NOT NULL,   -- YYYYQn of the run that settled it
  national_id    TEXT NOT NULL,
  visit_date     TEXT NOT NULL,
  visit_type     TEXT NOT NULL,   -- outpatient, inpatient
  referral       INTEGER NOT NULL,
  total          INTEGER NOT NULL, -- fen
  insurance_paid INTEGER NOT NULL,
  advance        INTEGER NOT NULL,
  corrects       TEXT,            -- the claim_id of the institution this one corrects
  computed       INTEGER NOT NULL,
  approved       INTEGER NOT NULL,
  status         TEXT NOT NULL,   -- approved, adjusted, rejected
  reason         TEXT,
  policy         TEXT NOT NULL,
  entry          INTEGER NOT NULL,
  src            INTEGER NOT NULL,
  line           INTEGER NOT NULL,
  PRIMARY KEY (institution, claim_id)
) WITHOUT ROWID;
CREATE INDEX claim_quarter ON claim (quarter, institution);
-- The inpatient yearly cap: a person's approved inpatient aid in a year.
CREATE INDEX claim_inpatient ON claim (national_id, visit_date) WHERE visit_type = 'inpatient';
CREATE INDEX claim_corrects ON claim (institution, corrects, status) WHERE corrects IS NOT NULL;

CREATE TRIGGER claim_never_updated BEFORE UPDATE ON claim
BEGIN SELECT RAISE(ABORT, 'a settlement line is never changed; settle a correcting claim'); END;
CREATE TRIGGER claim_never_deleted BEFORE DELETE ON claim
BEGIN SELECT RAISE(ABORT, 'a settlement line is never removed'); END;

-- The joint review (三(三)3): each bureau signs an institution's quarter
-- once; what it signed is kept with its signature.
CREATE TABLE signoff (
  quarter     TEXT NOT NULL,
  institution TEXT NOT NULL,
  bureau      TEXT NOT NULL,   -- health, labour, civil_affairs, finance
  claims      INTEGER NOT NULL,
  approved    INTEGER NOT NULL,
  user        TEXT NOT NULL,
  entry       INTEGER NOT NULL,
  PRIMARY KEY (quarter, institution, bureau)
);

CREATE TRIGGER signoff_never_changed BEFORE UPDATE ON signoff
BEGIN SELECT RAISE(ABORT, 'a sign-off is never changed'); END;
CREATE TRIGGER signoff_never_removed BEFORE DELETE ON signoff
BEGIN SELECT RAISE(ABORT, 'a sign-off is never removed'); END;

-- The major-disease fund's annual funding (三(三)8), once a year.
CREATE TABLE fund_year (
  fund        TEXT NOT NULL,   -- major_disease
  year        INTEGER NOT NULL,
  spent_before INTEGER NOT NULL, -- the fund's spending in year - 1
  finance_in  INTEGER NOT NULL, -- half of it, from the district finance
  lacking     INTEGER NOT NULL, -- approved aid the fund still could not pay
  donations_in INTEGER NOT NULL,
  entry       INTEGER NOT NULL,
  PRIMARY KEY (fund, year)
);
CREATE TRIGGER fund_year_never_changed BEFORE UPDATE ON fund_year
BEGIN SELECT RAISE(ABORT, 'a year''s funding is never changed'); END;
CREATE TRIGGER fund_year_never_removed BEFORE DELETE ON fund_year
BEGIN SELECT RAISE(ABORT, 'a year''s funding is never removed'); END;
