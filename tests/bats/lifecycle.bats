#!/usr/bin/env bats
# Dynamic management (lifecycle.md): deaths, departures, late corrections,
# arrears and recovery, a payee on every payment, bank returns, no month
# ahead, and the audit that follows.  The monthly cycle of
# examples/monthly-payroll.sh: assess the first of the month into grant,
# then the payroll, run on the 5th.
#
# tests/data/lifecycle/policy.json: urban S = 330.00 until 2008-07-01;
# adults of working age carry no coefficient, so a dibao household of n
# members with income I is due 330.00 x n - I; recovery.offset_share 0.30.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	POLICY="$DATA/lifecycle/policy.json"
	HEADER=national_id,name,household_id,relation,street,hukou_type,employment,monthly_income,effective
}

teardown() {
	[ -n "${TAMPERED:-}" ] || ledger_balanced
}

# Enrol the persons given as lines of $HEADER's columns.
persons() {
	{ echo "$HEADER"; printf '%s\n' "$@"; } > persons.csv
	enrol -q --policy "$POLICY" persons.csv > /dev/null
}

# A change intake: its header, then its lines.
change() {
	printf '%s\n' "$@" > change.csv
	enrol -q --kind change change.csv > /dev/null
}

fund() {
	printf 'account,date,amount,source,note\nbudget,2007-09-30,%s,budget,\n' "$1" |
		grant -q --kind funding > /dev/null
}

# One month of the cycle.
month() {
	assess --as-of "$1-01" --programme dibao | grant -q > /dev/null
	grant -q --period "$1" --as-of "$1-05" -o "payroll-$1.csv"
}

# What each month of chain $1 nets (payments, arrears, overpayments,
# returns), as the audit counts it: "month net".
net() {
	sqlite3 -separator ' ' "$JIUZHU_DB" "SELECT p.month, printf('%.2f', sum(p.amount) / 100.0)
	  FROM payment p JOIN \"grant\" g ON g.grant_id = p.grant_id AND g.version = 1
	  WHERE g.chain = '$1' AND p.status = 'paid'
	    AND p.kind IN ('payment', 'arrears', 'overpayment', 'returned')
	  GROUP BY p.month ORDER BY p.month"
}

# The rows of kind $2 of chain $1: "month amount".
rows_of() {
	sqlite3 -separator ' ' "$JIUZHU_DB" "SELECT p.month, printf('%.2f', p.amount / 100.0)
	  FROM payment p JOIN \"grant\" g ON g.grant_id = p.grant_id AND g.version = 1
	  WHERE g.chain = '$1' AND p.kind = '$2' AND p.status = 'paid' ORDER BY p.rowid"
}

HEAD=110105197003030016
WIFE=110105197204040026
BROTHER=110105197506060030

@test "lifecycle: a death mid-month: the month of death is paid, the next is not, and the grant ends (lifecycle.md, Life events)" {
	persons "$HEAD,Head,D1,head,S1,urban,unemployed,0,2007-09-01"
	fund 10000
	month 2007-10
	change national_id,effective,status "$HEAD,2007-10-15,deceased"
	month 2007-11
	month 2007-12
	run net dibao/household/D1
	assert_output "2007-10 330.00"
	run sqlite3 "$JIUZHU_DB" "SELECT status, \"end\", reason FROM \"grant\" WHERE chain = 'dibao/household/D1' ORDER BY rowid DESC LIMIT 1"
	assert_output "ended|2007-11-01|no_active_member"
	run report audit
	assert_success
}

@test "lifecycle: a late death notice: three months overpaid, recovered by offsets of at most 30%, the rest refunded (lifecycle.md, Corrections reach back)" {
	# Three adults, I = 0: 990.00 a month.  The brother dies on
	# 2007-10-20; the street office reports it in February.  November to
	# January were due 660.00 (n = 2 from 2007-11-01): 3 x 330.00 = 990.00
	# overpaid.  Each later payment of 660.00 keeps back at most
	# 0.30 x 660.00 = 198.00, oldest month first:
	#   February: November 198.00 (left 132.00)
	#   March:    November 132.00, December 66.00 (left 264.00)
	#   April:    December 198.00 (left 66.00)
	# leaving 66.00 + 330.00 = 396.00, which the household refunds.
	persons "$HEAD,Head,L1,head,S1,urban,unemployed,0,2007-09-01" \
		"$WIFE,Wife,L1,spouse,S1,urban,unemployed,0,2007-09-01" \
		"$BROTHER,Brother,L1,other,S1,urban,unemployed,0,2007-09-01"
	fund 20000
	for m in 2007-10 2007-11 2007-12 2008-01; do month "$m"; done
	change national_id,effective,status "$BROTHER,2007-10-20,deceased"
	run report audit
	assert_success
	assert_line --partial "pending,dibao/household/L1 2007-11,net,990.00,660.00"
	month 2008-02
	run rows_of dibao/household/L1 overpayment
	assert_output "2007-11 -330.00
2007-12 -330.00
2008-01 -330.00"
	run grep -c '' payroll-2008-02.csv
	assert_output 6
	run grep ',payment,' payroll-2008-02.csv
	assert_output --partial ",2008-02,660.00,budget,paid,,2008-02-05,payment,660.00,$HEAD,Head,"
	run grep ',offset,' payroll-2008-02.csv
	assert_output --partial ",2007-11,198.00,budget,paid,,2008-02-05,offset,-198.00,$HEAD,Head,"
	month 2008-03
	month 2008-04
	run rows_of dibao/household/L1 offset
	assert_output "2007-11 198.00
2007-11 132.00
2007-12 66.00
2007-12 198.00"
	run report adjustments
	assert_success
	assert_output "programme,unit,household_id,national_id,month,arrears,overpaid,offset,refunded,written_off,to_recover
dibao,household,L1,,2007-11,0.00,330.00,330.00,0.00,0.00,0.00
dibao,household,L1,,2007-12,0.00,330.00,264.00,0.00,0.00,66.00
dibao,household,L1,,2008-01,0.00,330.00,0.00,0.00,0.00,330.00"
	printf 'unit,key,date,action,amount,note\nhousehold,L1,2008-04-20,refund,396.00,paid in at the street office\n' > refund.csv
	grant -q --kind recovery refund.csv > /dev/null
	run rows_of dibao/household/L1 refund
	assert_output "2007-12 66.00
2008-01 330.00"
	# Given again, the same refund is booked once.
	run grant --kind recovery refund.csv
	assert_success
	assert_output --partial "1 booked before"
	# Nothing left to recover: May pays 660.00 in full.
	month 2008-05
	run rows_of dibao/household/L1 offset
	assert_equal "${#lines[@]}" 4
	run sqlite3 "$JIUZHU_DB" "SELECT balance FROM account WHERE name = 'receivable:dibao'"
	assert_output 0
	run net dibao/household/L1
	assert_output "2007-10 990.00
2007-11 660.00
2007-12 660.00
2008-01 660.00
2008-02 660.00
2008-03 660.00
2008-04 660.00
2008-05 660.00"
	run report audit
	assert_success
}

@test "lifecycle: a refund of more than is owed, and a write-off without a note, are refused (lifecycle.md)" {
	persons "$HEAD,Head,L1,head,S1,urban,unemployed,0,2007-09-01"
	fund 10000
	month 2007-10
	printf 'unit,key,date,action,amount,note\nhousehold,L1,2007-10-20,refund,1.00,\nhousehold,L1,2007-10-20,write_off,1.00,\n' > bad.csv
	run grant --kind recovery bad.csv
	assert_failure 65
	assert_line --partial "bad.csv:2: amount: 1.00 is more than the 0.00 that household L1 still owes"
	assert_line --partial "bad.csv:3: note: a write_off needs a note"
}

@test "lifecycle: a member moving to another household: both re-decided from the next month (lifecycle.md, Life events)" {
	persons "$HEAD,Head,A1,head,S1,urban,unemployed,0,2007-09-01" \
		"$BROTHER,Brother,A1,other,S1,urban,unemployed,0,2007-09-01" \
		"$WIFE,Wife,B1,head,S1,urban,unemployed,0,2007-09-01"
	fund 10000
	month 2007-10
	change national_id,effective,household_id,relation "$BROTHER,2007-10-10,B1,other"
	month 2007-11
	run net dibao/household/A1
	assert_output "2007-10 660.00
2007-11 330.00"
	run net dibao/household/B1
	assert_output "2007-10 330.00
2007-11 660.00"
}

@test "lifecycle: a head dies and the wife heads the household from the same day: she is paid (lifecycle.md, The payroll pays someone)" {
	persons "$HEAD,Head,H1,head,S1,urban,unemployed,0,2007-09-01" \
		"$WIFE,Wife,H1,spouse,S1,urban,unemployed,100,2007-09-01"
	fund 10000
	month 2007-10
	change national_id,effective,status,relation "$HEAD,2007-10-15,deceased," "$WIFE,2007-10-15,,head"
	month 2007-11
	run cut -d, -f6,7,12-15 payroll-2007-11.csv
	assert_output "month,amount,kind,transfer,payee_id,payee_name
2007-11,230.00,payment,230.00,$WIFE,Wife"
	run cut -d, -f6,7,12-15 payroll-2007-10.csv
	assert_line --index 1 "2007-10,560.00,payment,560.00,$HEAD,Head"
}

@test "lifecycle: a head dies with no successor: the intake is refused and says how to fix it (lifecycle.md, Life events)" {
	persons "$HEAD,Head,H1,head,S1,urban,unemployed,0,2007-09-01" \
		"$WIFE,Wife,H1,spouse,S1,urban,unemployed,100,2007-09-01"
	printf 'national_id,effective,status\n%s,2007-10-15,deceased\n' "$HEAD" > death.csv
	run enrol --kind change death.csv
	assert_failure 65
	assert_output --partial "H1"
	assert_output --partial "2007-10-15"
	run db_count "person WHERE status = 'deceased'"
	assert_output 0
}

@test "lifecycle: an income lowered back to a date two months paid: arrears of the difference, paid once by the next payroll (lifecycle.md)" {
	# The wife earns 300.00: 660.00 - 300.00 = 360.00 in October and
	# November.  In late November her income is found to have been 100.00
	# since 2007-10-01: 560.00 was due, 200.00 short each month; December's
	# payroll pays 2 x 200.00 = 400.00 of arrears and December's 560.00.
	persons "$HEAD,Head,R1,head,S1,urban,unemployed,0,2007-09-01" \
		"$WIFE,Wife,R1,spouse,S1,urban,unemployed,300,2007-09-01"
	fund 10000
	month 2007-10
	month 2007-11
	change national_id,effective,monthly_income "$WIFE,2007-10-01,100"
	month 2007-12
	run rows_of dibao/household/R1 arrears
	assert_output "2007-10 200.00
2007-11 200.00"
	run grep -c ',arrears,200.00,' payroll-2007-12.csv
	assert_output 2
	# The same payroll again books nothing.
	before=$(db_count payment)
	run grant --period 2007-12 --as-of 2007-12-05
	assert_success
	run db_count payment
	assert_output "$before"
	run net dibao/household/R1
	assert_output "2007-10 560.00
2007-11 560.00
2007-12 560.00"
	run report audit
	assert_success
	refute_output --partial pending
}

@test "lifecycle: an income raised back: an overpayment, recovered from the next payment (lifecycle.md)" {
	# 560.00 paid in October and November; the wife's income was 300.00
	# since 2007-10-01: 360.00 due, 2 x 200.00 overpaid.  December pays
	# 360.00 and keeps back 0.30 x 360.00 = 108.00 of October's.
	persons "$HEAD,Head,R1,head,S1,urban,unemployed,0,2007-09-01" \
		"$WIFE,Wife,R1,spouse,S1,urban,unemployed,100,2007-09-01"
	fund 10000
	month 2007-10
	month 2007-11
	change national_id,effective,monthly_income "$WIFE,2007-10-01,300"
	month 2007-12
	run rows_of dibao/household/R1 overpayment
	assert_output "2007-10 -200.00
2007-11 -200.00"
	run rows_of dibao/household/R1 offset
	assert_output "2007-10 108.00"
	run sqlite3 "$JIUZHU_DB" "SELECT balance FROM account WHERE name = 'receivable:dibao'"
	assert_output 29200
	run report audit
	assert_success
}

@test "lifecycle: a payment the bank returns is paid again by the next payroll, to the account fixed meanwhile (lifecycle.md)" {
	persons "$HEAD,Head,K1,head,S1,urban,unemployed,0,2007-09-01"
	change national_id,effective,bank_account "$HEAD,2007-09-01,6222-OLD"
	fund 10000
	month 2007-10
	run cut -d, -f16 payroll-2007-10.csv
	assert_line --index 1 6222-OLD
	printf 'payment_id,date,reason\ndibao/household/K1/2007-10,2007-10-12,account closed\n' > return.csv
	grant -q --kind return return.csv > /dev/null
	run grant --kind return return.csv
	assert_output --partial "1 booked before"
	run net dibao/household/K1
	assert_output "2007-10 0.00"
	run sqlite3 "$JIUZHU_DB" "SELECT balance FROM account WHERE name = 'budget'"
	assert_output 1000000
	change national_id,effective,bank_account "$HEAD,2007-10-20,6222-NEW"
	month 2007-11
	run grep ',arrears,' payroll-2007-11.csv
	assert_output --partial ",2007-10,330.00,budget,paid,,2007-11-05,arrears,330.00,$HEAD,Head,6222-NEW"
	run net dibao/household/K1
	assert_output "2007-10 330.00
2007-11 330.00"
	run report audit
	assert_success
}

@test "lifecycle: a month after the current one is refused, exit 64: money is never paid ahead (lifecycle.md)" {
	persons "$HEAD,Head,K1,head,S1,urban,unemployed,0,2007-09-01"
	run grant --period 2026-12
	assert_failure 64
	assert_output --partial "--period 2026-12 is after this month: money is never paid ahead (today is 2026-11-29"
	JIUZHU_TODAY=2026-12-01 run grant -q --period 2026-12
	assert_success
}

@test "lifecycle: the payroll file is written 0600 and names every payee in full (lifecycle.md, The payroll pays someone)" {
	persons "$HEAD,Head,K1,head,S1,urban,unemployed,0,2007-09-01"
	fund 10000
	umask 022
	month 2007-10
	run stat -c %a payroll-2007-10.csv
	assert_output 600
	run grep -c "$HEAD,Head" payroll-2007-10.csv
	assert_output 1
}

@test "lifecycle: the audit catches an adjustment deleted by hand (lifecycle.md, The audit follows)" {
	persons "$HEAD,Head,R1,head,S1,urban,unemployed,0,2007-09-01" \
		"$WIFE,Wife,R1,spouse,S1,urban,unemployed,300,2007-09-01"
	fund 10000
	month 2007-10
	change national_id,effective,monthly_income "$WIFE,2007-10-01,100"
	month 2007-11
	run report audit
	assert_success
	sqlite3 "$JIUZHU_DB" "DELETE FROM payment WHERE kind = 'arrears'"
	TAMPERED=1
	run report audit
	assert_failure 1
	assert_line --partial "correction,dibao/household/R1 2007-10,net,360.00,560.00"
}
