-- Migration 3: grants, payments, the fund accounts and their ledger (grant(1)).
--
-- Nothing here is updated in place but account.balance, a running total
-- of the ledger kept so that "never below zero" is checked by the database
-- itself.  A grant changes by a new version; a payment and a ledger row
-- are written once.

-- One row per version of a grant.  The grants of one unit and programme,
-- one after another, form a chain ("dibao/household/HH-001"); a grant is
-- one amount over [start, end).  The newest version of a grant is its state.
CREATE TABLE "grant" (
  grant_id       TEXT NOT NULL,   -- chain/start (monthly), chain/year start (yearly), chain (once)
  version        INTEGER NOT NULL,
  chain          TEXT NOT NULL,   -- programme/unit/key
  decision_id    TEXT NOT NULL,   -- the decision that wrote this version
  programme      TEXT NOT NULL,
  unit           TEXT NOT NULL,
  household_id   TEXT,
  national_id    TEXT,
  application_id TEXT,
  start          TEXT NOT NULL,
  "end"          TEXT,            -- exclusive; NULL: open
  began          TEXT NOT NULL,   -- start of the chain's unbroken run (gradual exit)
  amount         INTEGER NOT NULL, -- fen per period
  period         TEXT NOT NULL,   -- month, year, once
  status         TEXT NOT NULL,   -- active, ended, deferred
  account        TEXT,            -- the account that pays it
  basis          TEXT NOT NULL,   -- the decision's reason
  reason         TEXT NOT NULL,   -- why this version
  since          TEXT NOT NULL,   -- as_of of the decision that wrote it
  policy         TEXT NOT NULL,
  entry          INTEGER NOT NULL,
  PRIMARY KEY (grant_id, version)
);
-- Covering: "is a grant of this chain in force on D" (the dibao household
-- of assess, the medical entitlement of each claim settle checks) is
-- answered from the index alone.
CREATE INDEX grant_chain ON "grant" (chain, start DESC, version DESC, status, "end", amount, entry);
CREATE INDEX grant_monthly ON "grant" (period, start) WHERE period = 'month';

-- Money to one unit for one month (monthly grants) or one occurrence.  A
-- payment_id is paid at most once; a deferred one may be paid later.
CREATE TABLE payment (
  payment_id   TEXT NOT NULL,    -- chain/YYYY-MM, or the grant_id of a one-off or yearly grant
  grant_id     TEXT NOT NULL,
  month        TEXT NOT NULL,    -- YYYY-MM the payment is for
  amount       INTEGER NOT NULL,
  account      TEXT,
  status       TEXT NOT NULL,    -- paid, deferred
  reason       TEXT,
  paid_on      TEXT NOT NULL,
  entry        INTEGER NOT NULL
);
CREATE UNIQUE INDEX payment_paid ON payment (payment_id) WHERE status = 'paid';
CREATE INDEX payment_id ON payment (payment_id, status);
CREATE INDEX payment_grant ON payment (grant_id);
CREATE INDEX payment_month ON payment (month);

-- Fund accounts hold money and never go below zero; outside accounts
-- (source:<source> money came from, paid:<programme> money went to) are
-- the other side of each booking.
CREATE TABLE account (
  name    TEXT PRIMARY KEY,
  fund    INTEGER NOT NULL,
  balance INTEGER NOT NULL DEFAULT 0,
  CHECK (fund = 0 OR balance >= 0)
);

-- Double entry: the rows of one txn sum to zero.
CREATE TABLE ledger (
  id      INTEGER PRIMARY KEY,
  txn     INTEGER NOT NULL,
  date    TEXT NOT NULL,
  account TEXT NOT NULL REFERENCES account (name),
  amount  INTEGER NOT NULL,   -- fen: + into the account, - out of it
  ref     TEXT NOT NULL,      -- funding:<id> or payment:<payment_id>
  entry   INTEGER NOT NULL
);
CREATE INDEX ledger_account ON ledger (account, date);

-- Money booked in by grant --kind funding.
CREATE TABLE funding (
  id      INTEGER PRIMARY KEY,
  account TEXT NOT NULL,
  date    TEXT NOT NULL,
  amount  INTEGER NOT NULL,
  source  TEXT NOT NULL,
  note    TEXT,
  entry   INTEGER NOT NULL,
  src     INTEGER NOT NULL,
  line    INTEGER NOT NULL
);
