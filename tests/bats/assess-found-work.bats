#!/usr/bin/env bats
# assess: gradual exit, the employment incentive and the insurance subsidy
# (rules.md 1 dibao and zero_employment; seed 三(一)2), from the registry's
# versions.  tests/data/assess/found-work.csv: G1, urban, two persons of
# working age, I = 0 + 100.00: dibao 660.00 - 100.00 = 560.00.  The head
# is employed from 2007-11-15 (income 1000.00, I = 1100.00 >= 660.00), with
# a raise from 2008-01-01.  Policy: gradual exit 3 months, incentive 500.00,
# insurance subsidy 200.00 for 6 payments.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	POLICY="$DATA/assess/policy.json"
	enrol -q "$DATA/assess/found-work.csv" > /dev/null
}

# "eligible amount reason" of programme $1 for unit $2 on date $3.
decision() {
	assess --policy "$POLICY" --as-of "$3" --programme "$1" -f jsonl |
		grep -F "/$1/$2\"" | decision_fields
}

@test "assess: before the work, G1 is dibao for 560.00 (三(一)1)" {
	run decision dibao G1 2007-11-14
	assert_output "yes 560.00 income_below_standard"
}

@test "assess: gradual exit pays the last amount from the month of the change for 3 months (三(一)2 渐退)" {
	run decision dibao G1 2007-11-15   # month 1: November
	assert_output "yes 560.00 gradual_exit"
	run decision dibao G1 2008-01-31   # month 3: January, after the raise too
	assert_output "yes 560.00 gradual_exit"
	run decision dibao G1 2008-02-01   # month 4: over
	assert_output "no 0.00 income_not_below_standard"
}

@test "assess: the member who found work gets the incentive once, in the gradual-exit months (三(一)2)" {
	run decision employment_incentive 110105197001010513 2007-12-01
	assert_output "yes 500.00 dibao_member_found_work"
	run decision employment_incentive 110105197001010513 2008-02-01
	assert_output "no 0.00 too_late"
	run decision employment_incentive 110105197202020523 2007-12-01   # the wife found none
	assert_output ""
}

@test "assess: the insurance subsidy is decided while the member works; its 6 months are payments that grant counts (三(一)2)" {
	# rules.md Time-limited monthly grants: "36 months of subsidy is 36
	# payments, whichever day of the month the grant started": the rule cuts
	# no span of dates (grant pays 6 and ends it: grant-dibao.bats).
	run decision employment_insurance 110105197001010513 2008-04-30
	assert_output "yes 200.00 dibao_member_found_work"
	run decision employment_insurance 110105197001010513 2008-05-01
	assert_output "yes 200.00 dibao_member_found_work"
	run -0 assess --policy "$POLICY" --as-of 2008-05-01 --programme employment_insurance --explain
	assert_output --partial "payments=6@"
}

@test "assess: the trace says who found work, when, and the last amount (data.md decision)" {
	run -0 assess --policy "$POLICY" --as-of 2007-12-01 --programme dibao --explain
	assert_output --partial "c1 employed from 2007-11-15, last amount 560.00, until<2008-02-01 -> 560.00"
}
