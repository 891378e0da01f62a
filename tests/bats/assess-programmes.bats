#!/usr/bin/env bats
# assess: the programmes besides dibao (rules.md 1-3), with hand-computed
# amounts from tests/data/assess/policy.json (S urban 330.00, rural 200.00,
# edge 1.50, working ages 16-59 / 16-54, festival on 2007-10-01).
#
# P1 urban, n=4, I=0: dibao (0 < 1320.00). Father 42, physical grade 2
#    certified, in rehab; Daughter 16 general high; Son 6 compulsory;
#    Elder-son 19 university.
# P2 rural, n=2, I=1000.00 >= 1.5 x 400.00: not hardship. Pupil 16 vocational.
# P3 urban, n=1, I=400.00: 330.00 <= 400.00 < 495.00: edge. Widow 52, chronic.
# P4 urban, n=1, I=1000.00: not hardship. Blind 26, grade 1 certified, uninsured.
# P5 urban, n=2, I=900.00 < 1.50 x 660.00 = 990.00, housing need.
# P6 rural, n=1, I=100.00 < 200.00: dibao; dilapidated house.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	POLICY="$DATA/assess/policy.json"
	enrol -q "$DATA/assess/programmes.csv" > /dev/null
}

# "eligible amount reason" of programme $1 for unit $2 (household or ID) on 2007-10-01.
decision() {
	assess --policy "$POLICY" --as-of 2007-10-01 --programme "$1" -f jsonl |
		grep -F "/$1/$2\"" | decision_fields
}

@test "assess: edu_hardship by level for a hardship household's students (三(二)1)" {
	run decision edu_hardship 110105199105050324   # general high
	assert_output "yes 1000.00 hardship_student"
	run decision edu_hardship 110105200103030333   # compulsory
	assert_output "yes 500.00 hardship_student"
	run decision edu_hardship 110105198802020353   # university: not a level of 三(二)1
	assert_output ""
	run decision edu_hardship 110105199109090390   # P2 is no hardship household
	assert_output "no 0.00 not_hardship"
}

@test "assess: edu_vocational for a local rural household's vocational student (三(二)2)" {
	run decision edu_vocational 110105199109090390
	assert_output "yes 1500.00 rural_household"
}

@test "assess: edu_disability 500.00 at high school and 1000.00 at university in a dibao household with a certificate (三(二)3)" {
	run decision edu_disability 110105199105050324
	assert_output "yes 500.00 dibao_disabled_household"
	run decision edu_disability 110105198802020353
	assert_output "yes 1000.00 dibao_disabled_household"
	run decision edu_disability 110105199109090390
	assert_output "no 0.00 not_dibao"
}

@test "assess: medical entitlement for dibao members and uninsured severely disabled outside dibao (三(三)2,6)" {
	run decision medical 110105196501010312
	assert_output "yes 0.00 dibao_member"
	run decision medical 110105198010100419
	assert_output "yes 0.00 severe_disability_uninsured"
	run decision medical 110105195505050421   # edge, not entitled
	assert_output "no 0.00 not_entitled"
}

@test "assess: premium subsidy from the budget for dibao members, from the fund for ill edge members (三(三)5,8)" {
	run decision premium_subsidy 110105199105050324   # student of 16: young 50.00
	assert_output "yes 50.00 dibao_budget"
	run decision premium_subsidy 110105200103030333   # child of 6: young 50.00
	assert_output "yes 50.00 dibao_budget"
	run decision premium_subsidy 110105196501010312   # man of 42: no age group
	assert_output ""
	run decision premium_subsidy 110105195505050421   # edge woman of 52, chronic: elderly 600.00
	assert_output "yes 600.00 edge_major_disease_fund"
}

@test "assess: rehab card for a hardship household's member in training with a physical disability (三(三)7)" {
	run decision rehab_card 110105196501010312
	assert_output "yes 500.00 hardship_rehab"
}

# "eligible amount reason" of the festival decisions of person $1 as of $2:
# their ids end with the festival's date.
festival() {
	assess --policy "$POLICY" --as-of "$2" --programme festival -f jsonl |
		grep -F "/festival/$1/" | decision_fields
}

@test "assess: festival payment by the highest category, for each festival in the month of D (三(一)4)" {
	run festival 110105200103030333 2007-10-01   # dibao member
	assert_output "yes 200.00 dibao"
	run festival 110105195505050421 2007-10-01   # edge member
	assert_output "yes 100.00 edge"
	run festival 110105196001010375 2007-10-01   # P2: neither
	assert_output ""
	# rules.md festival: "that falls in the month of D": 2007-10-01 is
	# decided on 2007-10-02 too (grant pays it once), under its own date:
	# P1's 4 dibao members, P3's edge widow, P5's 2 edge members
	# (660.00 <= 900.00 < 990.00), P6's dibao member: 8.
	run -0 sh -c 'assess --policy "$0" --as-of 2007-10-02 --programme festival | grep -c "^2007-10-02/festival/[0-9X]*/2007-10-01,"' "$POLICY"
	assert_output 8
	# No festival in November.
	run -0 assess --policy "$POLICY" --as-of 2007-11-01 --programme festival
	assert_output "decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy"
}

@test "assess: zero-employment household and its referrals; a household with a worker is not (三(一)2)" {
	run decision zero_employment P1
	assert_output "yes 0.00 no_member_employed"
	run decision employment_training 110105196501010312
	assert_output "yes 0.00 zero_employment_referral"
	run decision zero_employment P2
	assert_output "no 0.00 member_employed"
}

@test "assess: low-rent housing referral under 1.5 S·n with a housing need (三(一)3)" {
	run decision lowrent_housing P5   # 900.00 < 990.00
	assert_output "yes 0.00 housing_referral"
}

@test "assess: rural house repair for a rural hardship household with a dilapidated house (三(一)3)" {
	run decision rural_house_repair P6
	assert_output "yes 10000.00 rural_hardship_dilapidated"
}
