#!/usr/bin/env bats
# grant: a dibao household over six months (rules.md 1 dibao, gradual exit;
# seed 三(一)1, 三(一)2), and a released prisoner's twelve months (dibao (c):
# "给予一年").  The monthly cycle of examples/monthly-payroll.sh: assess on the
# first of the month into grant, then the payroll of the month.
#
# tests/data/grant/household.csv, H6, urban, S = 330.00 (test policy):
#   head unemployed 0, wife 100.00, son born 1997 (minor: 0.1235).
#   2007-10: I = 100.00, S*n = 990.00, 890.00 + 330 x 0.1235 (40.755 -> 40.76) = 930.76
#   2007-11: the wife earns 300.00: 990.00 - 300.00 + 40.76           = 730.76
#   2007-12: the same                                                   730.76
#   2007-12-10 the head finds work (800.00): I = 1100.00 >= 990.00, so
#   the assessment of 2008-01-01 fails the means test; gradual exit: the
#   grant runs on at 730.76 for 3 months from December, to 2008-03-01:
#   2008-01: 730.76, 2008-02: 730.76, 2008-03: nothing.
#   dibao paid: 930.76 + 4 x 730.76 = 3853.80; the head's incentive 500.00, once.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	POLICY="$DATA/assess/policy.json"
}

teardown() {
	ledger_balanced
}

fund() {
	printf 'account,date,amount,source,note\nbudget,%s,%s,budget,\n' "$1" "$2" |
		grant -q --kind funding > /dev/null
}

# One month of the cycle: assess the first of month $1 into grant, then pay it.
month() {
	assess --as-of "$1-01" --programme dibao --programme employment_incentive |
		grant -q > /dev/null
	grant -q --period "$1" --as-of "$1-05" > /dev/null
}

paid() {
	sqlite3 -separator ' ' "$JIUZHU_DB" "SELECT month, printf('%d.%02d', amount / 100, amount % 100)
	  FROM payment WHERE status = 'paid' AND (payment_id = '$1' OR payment_id LIKE '$1/%') ORDER BY month"
}

@test "grant: six months of a dibao household: an income change, work found, gradual exit (三(一)1, 三(一)2)" {
	enrol -q --policy "$POLICY" "$DATA/grant/household.csv" > /dev/null
	fund 2007-09-30 10000
	for m in 2007-10 2007-11 2007-12 2008-01 2008-02 2008-03; do
		month "$m"
	done
	run paid dibao/household/H6
	assert_output "2007-10 930.76
2007-11 730.76
2007-12 730.76
2008-01 730.76
2008-02 730.76"
	# The grants: 930.76 ended by the change; 730.76 runs on to the exit's end.
	run sqlite3 "$JIUZHU_DB" "SELECT grant_id, amount, coalesce(\"end\", '-'), status, reason FROM \"grant\" g
	  WHERE chain = 'dibao/household/H6' AND version = (SELECT max(version) FROM \"grant\" h
	  WHERE h.grant_id = g.grant_id) ORDER BY start"
	assert_output "dibao/household/H6/2007-10-01|93076|2007-11-01|ended|amount_changed
dibao/household/H6/2007-11-01|73076|2008-03-01|active|gradual_exit"
	# The incentive, once, though assess decided it on 2008-01-01 and 2008-02-01 too.
	run paid employment_incentive/person/110105197003030016
	assert_output "2008-01 500.00"
	# 10000.00 - 3853.80 - 500.00
	run balance budget
	assert_output "5646.20"
}

@test "grant: the gradual exit is written by the decision that fails the means test, with the incentive" {
	enrol -q --policy "$POLICY" "$DATA/grant/household.csv" > /dev/null
	fund 2007-09-30 10000
	assess --as-of 2007-12-01 --programme dibao | grant -q > /dev/null
	run --separate-stderr sh -c 'assess --as-of 2008-01-01 --programme dibao | grant -f jsonl'
	assert_success
	assert_line --index 0 --partial '"grant_id":"dibao/household/H6/2007-12-01","decision_id":"2008-01-01/dibao/H6"'
	assert_line --index 0 --partial '"end":"2008-03-01","amount":730.76,"period":"month","status":"active","account":"budget","reason":"gradual_exit"'
	assert_line --index 1 --partial '"grant_id":"employment_incentive/person/110105197003030016"'
	assert_line --index 1 --partial '"amount":500.00,"period":"once","status":"ended","account":"budget"'
	[ "${#lines[@]}" -eq 2 ]
}

@test "grant: a gradual exit that assess found before any grant existed still ends with its exit" {
	# No grant yet: assess's means test and the registry's history decide
	# that H6 is in gradual exit on 2008-01-01 at 730.76, until 2008-03-01.
	enrol -q --policy "$POLICY" "$DATA/grant/household.csv" > /dev/null
	run --separate-stderr sh -c 'assess --as-of 2008-01-01 --programme dibao | grant'
	assert_line --index 1 "dibao/household/H6/2008-01-01,2008-01-01/dibao/H6,dibao,H6,,2008-01-01,2008-03-01,730.76,month,active,budget,gradual_exit"
}

@test "grant: without work found, a dibao household that fails the means test ends at once" {
	enrol -q --policy "$POLICY" "$DATA/grant/household.csv" > /dev/null
	fund 2007-09-30 10000
	assess --as-of 2007-10-01 --programme dibao | grant -q > /dev/null
	# The wife earns 1000.00 from November instead of 300.00: I >= 990.00.
	printf '%s\n' "$PERSON_HEADER,effective" \
		"110105197204040026,Wife,H6,spouse,S1,urban,unemployed,1000,2007-11-01" > raise.csv
	enrol -q raise.csv > /dev/null
	run sh -c 'assess --as-of 2007-11-01 --programme dibao | grant -f jsonl'
	assert_output --partial '"end":"2007-11-01","amount":930.76,"period":"month","status":"ended","account":"budget","reason":"edge_household"'
	run --separate-stderr grant --period 2007-11 --as-of 2007-11-05
	assert_output "payment_id,grant_id,programme,household_id,national_id,month,amount,account,status,reason,paid_on,kind,transfer,payee_id,payee_name,bank_account"
}

@test "grant: a dibao household on D holds a dibao grant in force, or is found eligible by the same assessment (rules.md Common definitions)" {
	enrol -q --policy "$POLICY" "$DATA/grant/household.csv" "$DATA/grant/temporary.csv" > /dev/null
	# Before any grant: the means test decides; both households are below S.n.
	run sh -c 'assess --as-of 2007-10-01 --programme festival | cut -d, -f5,9,11 | sort'
	assert_output "H6,200.00,dibao
H6,200.00,dibao
H6,200.00,dibao
T1,200.00,dibao
household_id,amount,reason"
	# Only H6 is granted dibao.  T1, below S.n, is a dibao household on the
	# date all the same: assess runs before grant on the 1st, and a
	# household found eligible that day is not left out of that month's
	# other programmes.
	assess --as-of 2007-10-01 --programme dibao | grep -v ',T1,' | grant -q > /dev/null
	run sh -c 'assess --as-of 2007-10-01 --programme festival | cut -d, -f5,9,11 | sort'
	assert_output "H6,200.00,dibao
H6,200.00,dibao
H6,200.00,dibao
T1,200.00,dibao
household_id,amount,reason"
	# H6's wife earns 1500.00 from that day: I = 1500.00 >= 1.5 x 990.00,
	# neither below nor edge; its grant, in force on the date, still makes
	# it a dibao household then (this assessment's decision ends it).
	printf '%s\n' "$PERSON_HEADER,effective" \
		"110105197204040026,Wife,H6,spouse,S1,urban,unemployed,1500,2007-10-01" > raise.csv
	enrol -q raise.csv > /dev/null
	run sh -c 'assess --as-of 2007-10-01 --programme festival | cut -d, -f5,9,11 | sort'
	assert_output "H6,200.00,dibao
H6,200.00,dibao
H6,200.00,dibao
T1,200.00,dibao
household_id,amount,reason"
}

@test "grant: a released prisoner is paid 12 months in a lifetime, not a 13th (三(一)1 (c))" {
	# 330.00 - own income 0.00 a month, granted from 2007-08-01; the payroll
	# runs on without another assessment.
	enrol -q --policy "$POLICY" "$DATA/grant/released.csv" > /dev/null
	fund 2007-07-31 10000
	assess --as-of 2007-08-01 --programme dibao | grant -q > /dev/null
	for m in 2007-08 2007-09 2007-10 2007-11 2007-12 2008-01 2008-02 2008-03 2008-04 \
		 2008-05 2008-06 2008-07 2008-08; do
		grant -q --period "$m" --as-of "$m-05" > /dev/null
	done
	run sh -c "sqlite3 '$JIUZHU_DB' \"SELECT count(*), sum(amount), max(month) FROM payment WHERE status = 'paid'\""
	assert_output "12|396000|2008-07"
	run sqlite3 "$JIUZHU_DB" "SELECT \"end\", status, reason FROM \"grant\" ORDER BY version DESC LIMIT 1"
	assert_output "2008-08-01|ended|lifetime_limit"
	# A decision to pay again (as a hand-made file might say) starts nothing.
	printf '%s\n' "decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy" \
		"2008-09-01/dibao/110105196006060013,2008-09-01,dibao,person,R1,110105196006060013,,yes,330.00,month,released_prisoner," > again.csv
	run --separate-stderr grant again.csv
	assert_success
	assert_output "grant_id,decision_id,programme,household_id,national_id,start,end,amount,period,status,account,reason"
	run db_count '"grant"'
	assert_output 2
	# Paying a month already paid again changes nothing, the limit aside.
	run --separate-stderr grant --period 2007-10 --as-of 2008-09-02
	assert_output "payment_id,grant_id,programme,household_id,national_id,month,amount,account,status,reason,paid_on,kind,transfer,payee_id,payee_name,bank_account"
	run db_count '"grant"'
	assert_output 2
}

# The insurance subsidy and a released prisoner's dibao are time-limited
# monthly grants (rules.md 1, Time-limited monthly grants): they end after
# their number of payments, not after a span of dates.

@test "grant: work found mid-month still gives the insurance subsidy all its 6 payments, then it ends (三(一)2)" {
	# G1 of tests/data/assess/found-work.csv: dibao 660.00 - 100.00 = 560.00;
	# the head works from 2007-11-15.  The subsidy is decided on 2007-12-01, the
	# first 1st after, and first paid for December (rules.md The first month):
	# 6 payments (employment.insurance_subsidy_months of the test policy),
	# 2007-12..2008-05, 6 x 200.00 = 1200.00.  (Cut at 6 months from November,
	# the month of the change, it had 5: 2007-12..2008-04.)  Assessed every
	# month, it is decided again in June and July, and pays no 7th.
	enrol -q --policy "$POLICY" "$DATA/assess/found-work.csv" > /dev/null
	fund 2007-09-30 10000
	for m in 2007-10 2007-11 2007-12 2008-01 2008-02 2008-03 2008-04 2008-05 2008-06 2008-07; do
		assess --as-of "$m-01" --programme dibao --programme employment_incentive \
			--programme employment_insurance | grant -q > /dev/null
		grant -q --period "$m" --as-of "$m-05" > /dev/null
	done
	run paid employment_insurance/person/110105197001010513
	assert_output "2007-12 200.00
2008-01 200.00
2008-02 200.00
2008-03 200.00
2008-04 200.00
2008-05 200.00"
	# The payroll of May, paying the 6th, ended it from June (so that the
	# decisions of June and July, eligible, started nothing).
	run sqlite3 "$JIUZHU_DB" "SELECT version, start, coalesce(\"end\", '-'), status, reason FROM \"grant\"
	  WHERE chain = 'employment_insurance/person/110105197001010513' ORDER BY version"
	assert_output "1|2007-12-01|-|active|dibao_member_found_work
2|2007-12-01|2008-06-01|ended|subsidy_period_over"
	# The gradual exit (3 months from November) keeps its months:
	# 2007-10..2008-01, 4 x 560.00.
	run paid dibao/household/G1
	assert_output "2007-10 560.00
2007-11 560.00
2007-12 560.00
2008-01 560.00"
	# Decided eligible still, but paid all its payments: not missed.
	run -0 report -q gaps --as-of 2008-07-01 --show-ids
	refute_output --partial employment_insurance
}

@test "grant: the insurance subsidy's payments count on across a gap for the same work; a payroll run alone ends it too" {
	# Assessed on 2007-12-01 only: the payroll alone pays and ends it (the
	# household's dibao, 560.00, runs on unassessed beside it).
	enrol -q --policy "$POLICY" "$DATA/assess/found-work.csv" > /dev/null
	fund 2007-09-30 10000
	assess --as-of 2007-11-01 --programme dibao | grant -q > /dev/null
	run --separate-stderr sh -c 'assess --as-of 2007-12-01 --programme employment_insurance | grant'
	assert_line --index 1 "employment_insurance/person/110105197001010513/2007-12-01,2007-12-01/employment_insurance/110105197001010513,employment_insurance,G1,110105197001010513,2007-12-01,,200.00,month,active,budget,dibao_member_found_work"
	for m in 2007-12 2008-01; do
		grant -q --period "$m" --as-of "$m-05" > /dev/null
	done
	# Ended by hand after 2 payments, decided again for the same work (found
	# 2007-11-15): the new grant continues the count, 4 more, 2008-04..2008-07.
	DECISION_HEADER=decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy
	printf '%s\n' "$DECISION_HEADER" \
		"2008-02-01/employment_insurance/110105197001010513,2008-02-01,employment_insurance,person,G1,110105197001010513,,no,0.00,month,stopped_by_hand," \
		"2008-03-15/employment_insurance/110105197001010513,2008-03-15,employment_insurance,person,G1,110105197001010513,,yes,200.00,month,dibao_member_found_work," > again.csv
	grant -q again.csv > /dev/null
	for m in 2008-02 2008-03 2008-04 2008-05 2008-06 2008-07 2008-08 2008-09; do
		run --separate-stderr grant --period "$m" --as-of "$m-05"
	done
	run paid employment_insurance/person/110105197001010513
	assert_output "2007-12 200.00
2008-01 200.00
2008-04 200.00
2008-05 200.00
2008-06 200.00
2008-07 200.00"
	run sqlite3 "$JIUZHU_DB" "SELECT coalesce(\"end\", '-'), status, reason FROM \"grant\"
	  WHERE chain = 'employment_insurance/person/110105197001010513' ORDER BY start DESC, version DESC LIMIT 1"
	assert_output "2008-08-01|ended|subsidy_period_over"
}

@test "grant: a released prisoner's 12 payments count from the first paid, and the grant ends with the 12th (三(一)1 (c))" {
	# Granted from 2007-10-15 by a decision of that day: not in force on
	# 2007-10-01, so first paid for November (rules.md The first month):
	# 12 payments 2007-11..2008-10, 12 x 330.00 = 3960.00.  The payroll of
	# October 2008, paying the 12th, ends the grant from 2008-11-01, before
	# the assessment of that day (where it would still make him a unit of one
	# with a personal grant).
	enrol -q --policy "$POLICY" "$DATA/grant/released.csv" > /dev/null
	fund 2007-07-31 10000
	DECISION_HEADER=decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy
	printf '%s\n' "$DECISION_HEADER" \
		"2007-10-15/dibao/110105196006060013,2007-10-15,dibao,person,R1,110105196006060013,,yes,330.00,month,released_prisoner," > d.csv
	grant -q d.csv > /dev/null
	for m in 2007-10 2007-11 2007-12 2008-01 2008-02 2008-03 2008-04 2008-05 2008-06 2008-07 \
		 2008-08 2008-09 2008-10; do
		grant -q --period "$m" --as-of "$m-05" > /dev/null
	done
	run sh -c "sqlite3 '$JIUZHU_DB' \"SELECT count(*), sum(amount), min(month), max(month) FROM payment WHERE status = 'paid'\""
	assert_output "12|396000|2007-11|2008-10"
	run sqlite3 "$JIUZHU_DB" "SELECT \"end\", status, reason FROM \"grant\" ORDER BY version DESC LIMIT 1"
	assert_output "2008-11-01|ended|lifetime_limit"
	run --separate-stderr grant --period 2008-11 --as-of 2008-11-05
	assert_output "payment_id,grant_id,programme,household_id,national_id,month,amount,account,status,reason,paid_on,kind,transfer,payee_id,payee_name,bank_account"
	run db_count '"grant"'
	assert_output 2
}

@test "grant: a released prisoner's payments are counted over the chain's life, across a gap (三(一)1 (c))" {
	# 5 payments 2007-08..2007-12; his income rises above S from 2008-01-01
	# (ended); below again from 2008-06-01: 7 more, 2008-06..2008-12, then no
	# 13th.  12 x 330.00 = 3960.00.
	enrol -q --policy "$POLICY" "$DATA/grant/released.csv" > /dev/null
	fund 2007-07-31 10000
	DECISION_HEADER=decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy
	dec() { echo "$1/dibao/110105196006060013,$1,dibao,person,R1,110105196006060013,,$2,$3,month,$4,"; }
	printf '%s\n' "$DECISION_HEADER" "$(dec 2007-08-01 yes 330.00 released_prisoner)" \
		"$(dec 2008-01-01 no 0.00 income_not_below_standard)" \
		"$(dec 2008-06-01 yes 330.00 released_prisoner)" > d.csv
	grant -q d.csv > /dev/null
	for y in 2007 2008 2009; do
		for mm in 01 02 03 04 05 06 07 08 09 10 11 12; do
			[[ $y-$mm < 2007-08 || $y-$mm > 2009-03 ]] && continue
			grant -q --period "$y-$mm" --as-of "$y-$mm-05" > /dev/null
		done
	done
	run sh -c "sqlite3 '$JIUZHU_DB' \"SELECT count(*), sum(amount), group_concat(month, ' ') FROM (SELECT * FROM payment WHERE status = 'paid' ORDER BY month)\""
	assert_output "12|396000|2007-08 2007-09 2007-10 2007-11 2007-12 2008-06 2008-07 2008-08 2008-09 2008-10 2008-11 2008-12"
}
