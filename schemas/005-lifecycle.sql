-- Migration 5: dynamic management (lifecycle.md).
--
-- A person version says whether the person is still here (status: active,
-- deceased, moved_out), when the street office last visited (reviewed_on)
-- and where the money goes (bank_account).  Versions written before this
-- migration are active, never reviewed, without an account.
ALTER TABLE person ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
ALTER TABLE person ADD COLUMN reviewed_on TEXT;
ALTER TABLE person ADD COLUMN bank_account TEXT;

-- A payment row is one of several kinds, each naming the month it is for
-- (or corrects) in `month`:
--   payment      the month's money (+), as before this migration;
--   arrears      paid later for a month paid too little (+);
--   overpayment  paid too much for the month: a receivable of the unit (-);
--   offset, refund, write_off
--                a receivable recovered from a later payment, paid back,
--                or given up (+, each reduces what is still to recover);
--   returned     a payment the bank sent back (-): the month is unpaid again.
-- The month's net is the sum of payment, arrears, overpayment and returned
-- rows paid; what is still to recover, minus its overpayments less its
-- offsets, refunds and write-offs.  `payroll` is the month of the payroll
-- run that booked an adjustment; payee_id, payee_name and bank_account
-- name who is paid (lifecycle.md, The payroll pays someone).
ALTER TABLE payment ADD COLUMN kind TEXT NOT NULL DEFAULT 'payment';
ALTER TABLE payment ADD COLUMN payroll TEXT;
ALTER TABLE payment ADD COLUMN payee_id TEXT;
ALTER TABLE payment ADD COLUMN payee_name TEXT;
ALTER TABLE payment ADD COLUMN bank_account TEXT;
-- A month's rows of one grant: its net, its last booking (and, as its
-- prefix, the grant's payments, the index it replaces).
DROP INDEX payment_grant;
CREATE INDEX payment_grant ON payment (grant_id, month, entry);
