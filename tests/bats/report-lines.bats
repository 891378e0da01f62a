#!/usr/bin/env bats
# report lines: settle's lines summed without the database, from files or
# stdin; and no other subject ever reads stdin (cli.md report, "Reading
# streams": a while-read loop or an open ssh pipe is not swallowed).

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	enrol -q --policy "$DATA/settle/policy.json" "$DATA/grant/household.csv" > /dev/null
	enrol -q --kind institution "$DATA/settle/institutions.csv" > /dev/null
	grant -q "$DATA/settle/entitlement.csv" > /dev/null
	# A1-A10 of tests/data/settle/q3.csv, A10 twice: 11 lines (settle.bats
	# says why each is approved, adjusted or rejected).
	settle -q --quarter 2007Q3 "$DATA/settle/q3.csv" > lines.csv
}

@test "report lines: the sums by institution, month, visit_type and status, by hand" {
	# H1: A2-A8, 6 x 50.00 + 1800.00 claimed; A3 50.00 + A8 1800.00
	# approved; A2, A4, A5, A6, A7 rejected.  SQ1: A1 40.63, A9 30.00,
	# A10 60.00 and 50.00 claimed; 40.63 + 30.00 + 50.00 approved; the
	# second A10 rejected (duplicate), the first adjusted.
	run -0 report lines lines.csv
	assert_output "institution,claims,claimed,approved,rejected_claims,adjusted_claims
H1,7,2100.00,1850.00,5,0
SQ1,4,180.63,120.63,1,1"
	# 2007-07: A1-A6, 40.63 + 5 x 50.00; approved A1 40.63 + A3 50.00.
	# 2007-08: A8 1800.00 + A9 30.00 + A10 60.00 + 50.00; approved 1800.00
	# + 30.00 + 50.00.  2007-10: A7 50.00, rejected (out of the period).
	run -0 report lines --by month lines.csv
	assert_output "month,claims,claimed,approved,rejected_claims,adjusted_claims
2007-07,6,290.63,90.63,4,0
2007-08,4,1940.00,1880.00,1,1
2007-10,1,50.00,0.00,1,0"
	# inpatient: A8 alone; outpatient: the other ten, 2280.63 - 1800.00.
	run -0 report lines --by visit_type lines.csv
	assert_output "visit_type,claims,claimed,approved,rejected_claims,adjusted_claims
inpatient,1,1800.00,1800.00,0,0
outpatient,10,480.63,170.63,6,1"
	# approved: A1, A3, A8, A9 (40.63 + 50.00 + 1800.00 + 30.00); adjusted:
	# the first A10; rejected: six lines of 50.00.
	run -0 report lines --by status lines.csv
	assert_output "status,claims,claimed,approved,rejected_claims,adjusted_claims
adjusted,1,60.00,50.00,0,1
approved,4,1920.63,1920.63,0,0
rejected,6,300.00,0.00,6,0"
}

@test "report lines: a file, -, no file and several files give the same sums" {
	report lines --by month lines.csv > file.out
	run -0 report lines --by month - < lines.csv
	assert_output "$(cat file.out)"
	run -0 report lines --by month < lines.csv
	assert_output "$(cat file.out)"
	run -0 sh -c 'settle -q --quarter 2007Q3 '"$DATA/settle/q3.csv"' | report lines --by month'
	assert_output "$(cat file.out)"
	# The lines cut in two, each half with its header: summed together.
	head -6 lines.csv > first.csv
	{ head -1 lines.csv; tail -n +7 lines.csv; } > second.csv
	run -0 report lines --by month first.csv second.csv
	assert_output "$(cat file.out)"
	run -0 report lines --by month first.csv - < second.csv
	assert_output "$(cat file.out)"
	run -66 report lines missing.csv
	assert_output --partial "missing.csv"
}

@test "report lines: --by takes the keys of lines, and summary's are not lines'" {
	run -64 report lines --by street lines.csv
	assert_output --partial "--by street: report lines sums by institution, month, visit_type or status"
	run -64 report summary --by visit_type --quarter 2007Q3
	assert_output --partial "--by visit_type: settlement lines are summed by report lines"
	run -64 report funds --by status
	assert_output --partial "report lines"
	run -64 report lines --quarter 2007Q3 lines.csv
	assert_output --partial "report lines takes no period"
}

@test "no other subject reads stdin: a while-read loop runs once per line" {
	run -0 sh -c 'printf "a\nb\nc\n" | while read x; do report summary --quarter 2007Q3 > /dev/null; echo $x; done'
	assert_output "$(printf 'a\nb\nc')"
	run -0 sh -c 'printf "a\nb\nc\n" | while read x; do report > /dev/null; echo $x; done'
	assert_output "$(printf 'a\nb\nc')"
	run -0 sh -c '{ report policy --as-of 2007-10-01 > /dev/null; cat; } < lines.csv'
	assert_output "$(cat lines.csv)"
	run -0 sh -c '{ report settlement --quarter 2007Q3 > /dev/null; cat; } < lines.csv'
	assert_output "$(cat lines.csv)"
}

@test "no other subject waits for stdin: an open pipe (ssh without -n) does not hang report" {
	# The pipe stays open for 6 s and says nothing; report must not wait.
	run -0 sh -c 'sleep 6 | timeout 5 report summary --quarter 2007Q3'
	assert_line --index 0 "programme,households,persons,payments,amount"
	run -0 sh -c 'sleep 6 | timeout 5 report'
	assert_line --index 0 "programme,households,persons,payments,amount"
}
