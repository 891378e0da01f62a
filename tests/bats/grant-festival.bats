#!/usr/bin/env bats
# Festivals from assess to grant (rules.md 1 festival; seed 三(一)4): every
# festival of festival.dates that falls in the month of D is paid by the run
# of D (the monthly run on the 1st), once each, to every dibao recipient,
# wubao person and edge member, at the amount of the highest category.
#
# The test policy (tests/data/assess/policy.json: S urban 330.00; festival
# dibao 200.00, wubao 300.00, edge 100.00) with the festivals 2007-10-01,
# 2007-10-03 (added here: two in one month) and 2008-02-07.
# H6 (tests/data/grant/household.csv): head, wife (100.00), son; dibao
# granted from 2007-10-01.  R1 (tests/data/grant/released.csv): a released
# prisoner (0.00) with his brother (2000.00): I = 2000.00 >= 1.50 x 660.00,
# neither dibao nor edge; the prisoner holds his own dibao grant.

bats_require_minimum_version 1.5.0

HEAD=110105197003030016
PRISONER=110105196006060013
BROTHER=11010519800707001X

setup() {
	load 'test_helper/common-setup'
	_common_setup
	sed 's/"2007-10-01",/"2007-10-01", "2007-10-03",/' "$DATA/assess/policy.json" > policy.json
	grep -q '"2007-10-03"' policy.json
	enrol -q --policy policy.json "$DATA/grant/household.csv" "$DATA/grant/released.csv" > /dev/null
	printf 'account,date,amount,source,note\nbudget,2007-09-30,10000,budget,\n' |
		grant -q --kind funding > /dev/null
	assess --as-of 2007-10-01 --programme dibao | grant -q > /dev/null
}

teardown() {
	ledger_balanced
}

# The festival payments made: "grant_id month amount" by grant id.
festival_paid() {
	sqlite3 -separator ' ' "$JIUZHU_DB" "SELECT p.grant_id, p.month,
	  printf('%d.%02d', p.amount / 100, p.amount % 100) FROM payment p
	  WHERE p.status = 'paid' AND p.payment_id LIKE 'festival/%' ORDER BY p.grant_id"
}

@test "grant: two festivals of one month are two decisions, two grants and two payments, from the run of the 1st" {
	run -0 sh -c 'assess --as-of 2007-10-01 --programme festival | cut -d, -f1 | grep "/$0/"' "$HEAD"
	assert_output "2007-10-01/festival/$HEAD/2007-10-01
2007-10-01/festival/$HEAD/2007-10-03"
	assess --as-of 2007-10-01 --programme festival | grant -q > /dev/null
	# H6: 3 members x 2 festivals x 200.00 (dibao) = 1200.00.
	run festival_paid
	assert_line "festival/person/$HEAD/2007-10-01 2007-10 200.00"
	assert_line "festival/person/$HEAD/2007-10-03 2007-10 200.00"
	run sqlite3 "$JIUZHU_DB" "SELECT count(*), sum(amount) FROM payment WHERE status = 'paid'
	  AND payment_id LIKE 'festival/%' AND grant_id NOT LIKE '%/$PRISONER/%'"
	assert_output "6|120000"
	# Run again later in the month: the same festivals, paid before.
	run --separate-stderr sh -c 'assess --as-of 2007-10-15 --programme festival | grant'
	assert_output "grant_id,decision_id,programme,household_id,national_id,start,end,amount,period,status,account,reason"
	# No festival in November; 2008-02-07 by the run of 2008-02-01: 3 x 200.00.
	assess --as-of 2007-11-01 --programme festival | grant -q > /dev/null
	assess --as-of 2008-02-01 --programme festival | grant -q > /dev/null
	run sqlite3 "$JIUZHU_DB" "SELECT month, count(*), sum(amount) FROM payment WHERE status = 'paid'
	  AND payment_id LIKE 'festival/%' AND grant_id NOT LIKE '%/$PRISONER/%' GROUP BY month"
	assert_output "2007-10|6|120000
2008-02|3|60000"
	run sqlite3 "$JIUZHU_DB" "SELECT grant_id FROM \"grant\" WHERE grant_id LIKE 'festival/person/$HEAD/%' ORDER BY 1"
	assert_output "festival/person/$HEAD/2007-10-01
festival/person/$HEAD/2007-10-03
festival/person/$HEAD/2008-02-07"
}

@test "grant: a person holding a personal dibao grant is paid the festival as a dibao recipient; his household is not" {
	# The prisoner's own grant (330.00 - 0.00) from 2007-10-01: 2 x 200.00;
	# his brother, of a household neither dibao nor edge, nothing.
	assess --as-of 2007-10-01 --programme festival | grant -q > /dev/null
	run festival_paid
	assert_line "festival/person/$PRISONER/2007-10-01 2007-10 200.00"
	assert_line "festival/person/$PRISONER/2007-10-03 2007-10 200.00"
	refute_line --partial "$BROTHER"
	run sh -c 'assess --as-of 2007-10-01 --programme festival | grep "/festival/$0/" | cut -d, -f9,11' "$PRISONER"
	assert_output "200.00,dibao
200.00,dibao"
}
