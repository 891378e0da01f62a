#!/usr/bin/env bats
# report: the subjects of this release: policy, funds, settlement (cli.md
# report).  The others say they are not here yet.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

@test "report policy: the parameters in force on --as-of, with their dates, the assumed ones marked (policy.md)" {
	enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null
	run report policy --as-of 2008-06-30
	assert_line --partial "dibao.standard.urban,330.00,2007-07-01,yes,"
	run report policy --as-of 2008-07-01
	assert_line --partial "dibao.standard.urban,390.00,2008-07-01,no,"
	assert_line --partial "medical.outpatient.aid_rate,0.50,2007-07-03,no,"
	run report policy --as-of 2006-01-01 --policy "$DATA/assess/policy.json"
	assert_line "dibao.standard.urban,,,,no value on this date"
	run report policy --as-of 2007-10-01 --policy "$DATA/assess/policy.json"
	assert_line "festival.dates,2007-10-01 2008-02-07,2007-07-01,no,test"
}

@test "report funds: each account's opening, in, out and closing over the period" {
	enrol -q --policy "$DATA/assess/policy.json" "$DATA/grant/household.csv" > /dev/null
	printf '%s\n' account,date,amount,source,note budget,2007-09-30,1000,budget, |
		grant -q --kind funding > /dev/null
	printf '%s\n' decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy \
		2007-10-01/dibao/H6,2007-10-01,dibao,household,H6,,,yes,930.76,month,income_below_standard, |
		grant -q --period 2007-10 --as-of 2007-10-05 > /dev/null
	run report funds --quarter 2007Q3
	assert_output "account,from,to,opening,in,out,closing
budget,2007-07-01,2007-09-30,0.00,1000.00,0.00,1000.00"
	# 1000.00 - 930.76 paid on 2007-10-05
	run report funds --quarter 2007Q4
	assert_output "account,from,to,opening,in,out,closing
budget,2007-10-01,2007-12-31,1000.00,0.00,930.76,69.24"
	run report funds --from 2007-10-06
	assert_line --index 1 "budget,2007-10-06,,69.24,0.00,0.00,69.24"
}

@test "report settlement: the quarter's statements with who signed for each bureau (三(三)3)" {
	enrol -q --policy "$DATA/settle/policy.json" "$DATA/grant/household.csv" > /dev/null
	enrol -q --kind institution "$DATA/settle/institutions.csv" > /dev/null
	grant -q "$DATA/settle/entitlement.csv" > /dev/null
	settle -q --quarter 2007Q3 "$DATA/settle/q3.csv" > /dev/null
	settle -q --quarter 2007Q3 --sign health --institution H1 > /dev/null
	settle -q --quarter 2007Q3 --sign finance --institution H1 > /dev/null
	run report settlement --quarter 2007Q3
	assert_output "quarter,institution,claims,claimed,approved,rejected_claims,adjusted_claims,health,labour,civil_affairs,finance,status
2007Q3,H1,6,2050.00,1850.00,4,0,$(id -un),,,$(id -un),open
2007Q3,SQ1,3,130.63,120.63,0,1,,,,,open"
}

@test "report: subjects not in this release, and bad options, are usage errors; no database is an error" {
	run -66 report policy
	assert_output --partial "no such database"
	enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null
	run -64 report
	assert_line --partial "report summary is not in this release yet; there are policy, funds and settlement"
	run -64 report audit
	assert_line --partial "report audit is not in this release yet"
	run -64 report bogus
	assert_line --partial "bogus: expected one subject"
	run -64 report settlement
	assert_output --partial "report settlement needs --quarter"
}
