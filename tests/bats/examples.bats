#!/usr/bin/env bats
# The examples work as the README and grant(1) say: the monthly cycle of
# examples/monthly-payroll.sh on the example district, twice for a month.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null
	enrol -q --kind application --as-of 2007-09-01 "$EXAMPLES/applications.csv" > /dev/null
	grant -q --kind funding "$EXAMPLES/funding.csv" > /dev/null
}

teardown() {
	ledger_balanced
}

@test "examples/monthly-payroll.sh: a month granted and paid, then run again, pays nothing twice" {
	export JIUZHU_TODAY=2007-10-01
	run "$ROOT/examples/monthly-payroll.sh" 2007-10
	assert_success
	# 176 versions: no startup subsidy for APP-2007-0007 (刘春生 is not
	# employed: not_working), no edge festival for DB-007 (its released
	# prisoner is a unit of one: 450.00 alone is above the edge line) but
	# the dibao festival of its released prisoner, in a dibao of his own
	# decided the same day, and the medical entitlement of the two persons
	# in a dibao of their own (SLT-003's AIDS patient, DB-007's released
	# prisoner).
	assert_output "payroll 2007-10: grants: 176 versions written (./grants-2007-10.csv); payroll: 15 paid (6548.50 yuan), 0 deferred for want of funds; to transfer 6548.50 yuan (./payroll-2007-10.csv)"
	run sh -c 'cut -d, -f1,7,9 payroll-2007-10.csv | grep SLT-001'
	assert_output "dibao/household/SLT-001/2007-10,701.50,paid"
	run "$ROOT/examples/monthly-payroll.sh" 2007-10
	assert_success
	assert_output "payroll 2007-10: grants: nothing new; payroll: nothing to pay (nothing due, or paid before)"
	[ ! -e grants-2007-10.2.csv ] && [ ! -e payroll-2007-10.2.csv ]
	run sqlite3 "$JIUZHU_DB" "SELECT count(*), sum(amount) FROM payment WHERE month = '2007-10' AND payment_id LIKE 'dibao/%'"
	assert_output "15|654850"
}

@test "examples/monthly-payroll.sh: a bad month and a missing database are refused" {
	run -64 "$ROOT/examples/monthly-payroll.sh" 2007-13
	assert_output "monthly-payroll.sh: '2007-13' is not a month; expected YYYY-MM, as in 2007-10"
	JIUZHU_DB=$BATS_TEST_TMPDIR/none.db run -66 "$ROOT/examples/monthly-payroll.sh" 2007-10
	assert_output --partial "none.db: no such database"
}

@test "examples/quarterly-settlement.sh: a quarter settled, again changes nothing, then signed" {
	enrol -q --kind institution --as-of 2007-09-01 "$EXAMPLES/institutions.csv" > /dev/null
	assess -q --as-of 2007-10-01 --programme medical --record | grant -q > /dev/null
	export CLAIMS_DIR=$EXAMPLES/claims
	JIUZHU_TODAY=2008-01-05 run --separate-stderr "$ROOT/examples/quarterly-settlement.sh"
	assert_success
	assert_line --index 0 "settlement 2007Q4: 3 claims files, 22 lines (./settlement-2007Q4.csv)"
	assert_line "2007Q4   CYL               8   9606.40   9436.60                2                1             open"
	assert_line "2007Q4   DBYY              7  17863.34  17373.34                0                1             open"
	assert_line "2007Q4   SLTSQ             7    293.73    286.23                0                1             open"
	JIUZHU_TODAY=2008-01-05 run --separate-stderr "$ROOT/examples/quarterly-settlement.sh"
	assert_line --index 0 "settlement 2007Q4: 3 claims files, 22 lines, the same as in ./settlement-2007Q4.csv"
	# Signing needs the bureau's staff (audit.md, Who may sign): refused
	# until the example's staff are enrolled as the OS user, as its
	# README says.
	JIUZHU_TODAY=2008-01-05 run -77 "$ROOT/examples/quarterly-settlement.sh" 2007Q4 health
	assert_output --partial "is not staff of health on 2008-01-05"
	sed "2,\$s/^[^,]*,/$(id -un),/" "$EXAMPLES/staff.csv" | enrol -q --kind staff > /dev/null
	for b in health labour civil_affairs finance; do
		JIUZHU_TODAY=2008-01-05 "$ROOT/examples/quarterly-settlement.sh" 2007Q4 "$b" > /dev/null 2>&1
	done
	run settle --quarter 2007Q4 --summary
	assert_line --partial "2007Q4,CYL,8,9606.40,9436.60,2,1,health;labour;civil_affairs;finance,closed,health: 王芳 (journal "
	assert_line --partial "; finance: 刘洋 (journal "
	JIUZHU_TODAY=2008-01-05 run "$ROOT/examples/quarterly-settlement.sh" 2007Q4 finance
	assert_line --partial "health: 王芳 (journal $(($(db_count journal) - 3)) "
	run sqlite3 "$JIUZHU_DB" "SELECT count(*), sum(approved) FROM claim WHERE quarter = '2007Q4'"
	assert_output "22|2709617"
}
