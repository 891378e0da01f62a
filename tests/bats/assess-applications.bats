#!/usr/bin/env bats
# assess: the programmes applied for at a window (rules.md 1, 4, 5), as of
# 2008-01-10, with tests/data/assess/policy.json: temporary caps medical
# 3000.00, education 1000.00, emergency 3000.00, other 500.00, household
# 6000.00 a year; legal multiplier 2.00; relief 6 x S; startup 1000.00;
# home care 0.50.  Households: tests/data/assess/persons.csv, programmes.csv.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	POLICY="$DATA/assess/policy.json"
	enrol -q "$DATA/assess/persons.csv" > /dev/null
	enrol -q "$DATA/assess/programmes.csv" > /dev/null
	enrol -q --kind application "$DATA/assess/applications.csv" > /dev/null
}

# "eligible amount reason" of application $1 on 2008-01-10.
decision() {
	assess --policy "$POLICY" --as-of 2008-01-10 -f jsonl |
		grep -F "\"application_id\":\"$1\"" | decision_fields
}

@test "assess: temporary aid is capped by reason, then by what is left of the household's year (三(一)4)" {
	run decision T1   # medical 5000.00 asked, cap 3000.00
	assert_output "yes 3000.00 dibao_member"
	run decision T2   # emergency 2500.00, cap 3000.00, 3000.00 left of the year
	assert_output "yes 2500.00 dibao_member"
	run decision T3   # education 1000.00, cap 1000.00, 6000 - 3000 - 2500 = 500.00 left
	assert_output "yes 500.00 dibao_member"
	run decision T4   # a new year: other 400.00, cap 500.00
	assert_output "yes 400.00 dibao_member"
}

@test "assess: temporary aid is refused to one who may not apply (三(一)4)" {
	run decision T5   # a migrant without residence_since, not in hardship
	assert_output "no 0.00 may_not_apply"
}

@test "assess: enforcement relief is 6 x S for a local household in hardship (三(四)2)" {
	# P3: I = 400.00 < 2.00 x 330.00 = 660.00; 6 x 330.00 = 1980.00
	run decision E1
	assert_output "yes 1980.00 respondent_unable"
}

@test "assess: legal aid needs I under the legal multiplier x S.n (三(四)1)" {
	# P4: I = 1000.00, not < 660.00
	run decision L1
	assert_output "no 0.00 not_hardship"
}

@test "assess: home care pays the cost x rate, rounded half up (三(五))" {
	# H4, 60 in a dibao household: 333.33 x 0.50 = 166.665 -> 166.67
	run decision C1
	assert_output "yes 166.67 dibao_elderly"
}

@test "assess: rural zero-employment retraining pays the whole cost; the startup subsidy once (三(一)2)" {
	run decision R1   # P6: no member employed
	assert_output "yes 800.00 rural_zero_employment"
	run decision S1   # P2: the farmer found work; but for him no member is employed
	assert_output "yes 1000.00 rural_zero_employment"
}

@test "assess: an application received after the date is not decided (cli.md assess)" {
	run -0 assess --policy "$POLICY" --as-of 2007-09-30 --programme temporary
	assert_line --index 1 --partial ',T1,'
	refute_output --partial ',T2,'
}

# tests/data/assess/more.csv and more-applications.csv, on 2008-01-10:
# P7 a migrant resident since 2006-01-01, P8 a stationed soldier, P9 a rural
# dibao household (I = 0) with a child of 4 with cerebral palsy in training,
# P10 an urban wubao person, P11 a person of 82 needing care, not in hardship.
more() {
	enrol -q "$DATA/assess/more.csv" > /dev/null
	enrol -q --kind application "$DATA/assess/more-applications.csv" > /dev/null
}

@test "assess: temporary aid for a migrant resident over a year and for a soldier (三(一)4)" {
	more
	run decision M1   # heating 800.00, cap 1000.00
	assert_output "yes 800.00 migrant_over_one_year"
	run decision M2   # other 600.00, cap 500.00
	assert_output "yes 500.00 troop"
}

@test "assess: legal aid for a household under 2 x S.n (三(四)1)" {
	more
	run decision M3   # P3: 400.00 < 660.00
	assert_output "yes 0.00 domestic_violence"
}

@test "assess: home care for a wubao person and for one of 80 and over needing care (三(五))" {
	more
	run decision M4   # 100.00 x 0.50
	assert_output "yes 50.00 wubao"
	run decision M5   # 1000.00 x 0.50
	assert_output "yes 500.00 over_80_needing_care"
}

# "eligible amount reason" of programme $1 for unit $2 on 2008-01-10.
unit() {
	assess --policy "$POLICY" --as-of 2008-01-10 --programme "$1" -f jsonl |
		grep -F "/$1/$2\"" | decision_fields
}

@test "assess: rehab card for a hardship child under 16 with cerebral palsy (三(三)7)" {
	more
	run unit rehab_card 110105200306060671
	assert_output "yes 500.00 hardship_rehab"
}

@test "assess: an urban wubao person is not the rural wubao inclusion (三(一)1 b)" {
	more
	run unit dibao 110105193507070697
	assert_output "no 0.00 wubao_not_rural"
}

@test "assess: every able member of a dibao household is referred to an employment assistant (三(一)2)" {
	run unit employment_assistant 110105197003030032   # H2: dibao, both employed
	assert_output "yes 0.00 dibao_referral"
	run unit employment_training 110105197003030032    # not zero-employment: no training referral
	assert_output ""
}
