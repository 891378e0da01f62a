#!/usr/bin/env bats
# settle: claims staged and settled in one pass after the file is read
# (lib/settle/stage.c; issue 17): what comes of it is what came of settling
# each claim as it was read.  A quiet run stages every claim; a run that
# tells its rejections stages once a hundred have been told.  Data and
# people as in settle.bats.

bats_require_minimum_version 1.5.0

M=110105197003030016
WIFE=110105197204040026

setup() {
	load 'test_helper/common-setup'
	_common_setup
	S="$DATA/settle"
	enrol -q --policy "$S/policy.json" "$DATA/grant/household.csv" > /dev/null
	enrol -q --kind institution "$S/institutions.csv" > /dev/null
	grant -q "$S/entitlement.csv" > /dev/null
}

claims() { # file rows...
	local file=$1
	shift
	printf '%s\n' "claim_id,institution,national_id,visit_date,visit_type,referral,total,insurance_paid,advance,corrects" "$@" > "$file"
}

stored() {
	sqlite3 "$JIUZHU_DB" 'SELECT institution, claim_id, quarter, national_id, visit_date,
		visit_type, referral, total, insurance_paid, advance, corrects, computed, approved,
		status, reason, src, line FROM claim ORDER BY 1, 2'
}

@test "settle -q: the same lines and stored rows as a run that tells its rejections" {
	settle --quarter 2007Q3 "$S/q3.csv" > told.csv 2> /dev/null
	settle --quarter 2007Q4 "$S/q4.csv" >> told.csv 2> /dev/null
	stored > told.txt
	rm -f "$JIUZHU_DB"*
	setup
	settle -q --quarter 2007Q3 "$S/q3.csv" > quiet.csv
	settle -q --quarter 2007Q4 "$S/q4.csv" >> quiet.csv
	diff quiet.csv told.csv
	stored | diff - told.txt
}

@test "settle -q: two inpatient claims of one person in one run cross the yearly cap" {
	claims cap.csv "C1,H0,$M,2007-10-15,inpatient,,4000.00,1000.00,1800.00," \
		"C2,SQ1,$M,2007-10-20,outpatient,,100.00,,50.00," \
		"C3,H0,$M,2007-11-20,inpatient,,3000.00,500.00,1500.00," \
		"C4,H0,$M,2007-12-01,inpatient,,1000.00,,100.00,"
	run -0 settle -q --quarter 2007Q4 cap.csv
	# 3000.00 x 0.60 = 1800.00; then 2500.00 x 0.60 = 1500.00 of which 1200.00 is left.
	assert_line "C1,H0,$M,2007-10-15,inpatient,no,4000.00,1000.00,1800.00,,1800.00,1800.00,approved,"
	assert_line "C2,SQ1,$M,2007-10-20,outpatient,no,100.00,0.00,50.00,,50.00,50.00,approved,"
	assert_line "C3,H0,$M,2007-11-20,inpatient,no,3000.00,500.00,1500.00,,1200.00,1200.00,adjusted,annual_cap"
	assert_line "C4,H0,$M,2007-12-01,inpatient,no,1000.00,0.00,100.00,,0.00,0.00,adjusted,annual_cap"
}

@test "settle -q: a claim id twice in one run, then the file again: a duplicate, then the lines as stored" {
	claims twice.csv "D1,SQ1,$M,2007-10-05,outpatient,,100.00,,50.00," \
		"D2,SQ1,$WIFE,2007-10-05,outpatient,,100.00,,50.00," \
		"D1,SQ1,$M,2007-10-06,outpatient,,100.00,,40.00," \
		"D1,SQ1,$M,2007-10-05,outpatient,,100.00,,50.00,"
	run -0 settle -q --quarter 2007Q4 twice.csv
	assert_output "claim_id,institution,national_id,visit_date,visit_type,referral,total,insurance_paid,advance,corrects,computed,approved,status,reason
D1,SQ1,$M,2007-10-05,outpatient,no,100.00,0.00,50.00,,50.00,50.00,approved,
D2,SQ1,$WIFE,2007-10-05,outpatient,no,100.00,0.00,50.00,,0.00,0.00,rejected,not_entitled
D1,SQ1,$M,2007-10-06,outpatient,no,100.00,0.00,40.00,,0.00,0.00,rejected,duplicate
D1,SQ1,$M,2007-10-05,outpatient,no,100.00,0.00,50.00,,0.00,0.00,rejected,duplicate"
	echo "$output" > first.csv
	stored > first.txt
	run --separate-stderr settle --quarter 2007Q4 twice.csv
	assert_success
	# Stored before: the first D1 and D2 stand; the others are duplicates still.
	assert_output "$(cat first.csv)"
	on_stderr
	assert_line --partial "settle: nothing new: 2007Q4: 4 claims read: 0 settled (0 approved, 0 adjusted, 0 rejected), 2 settled before, 2 not settled"
	stored | diff - first.txt
}

@test "settle -q: a correction of a claim settled earlier in the same run, and one of a claim not there" {
	claims fix.csv "E1,H1,$M,2007-10-04,outpatient,no,100.00,,50.00," \
		"E1b,H1,$M,2007-10-04,outpatient,yes,100.00,,50.00,E1" \
		"E1c,H1,$M,2007-10-04,outpatient,yes,100.00,,50.00,E1" \
		"E2b,H1,$M,2007-10-04,outpatient,yes,100.00,,50.00,E2" \
		"E2,H1,$M,2007-10-04,outpatient,yes,100.00,,50.00,"
	run -0 settle -q --quarter 2007Q4 fix.csv
	assert_line "E1,H1,$M,2007-10-04,outpatient,no,100.00,0.00,50.00,,0.00,0.00,rejected,no_referral"
	assert_line "E1b,H1,$M,2007-10-04,outpatient,yes,100.00,0.00,50.00,E1,50.00,50.00,approved,"
	assert_line "E1c,H1,$M,2007-10-04,outpatient,yes,100.00,0.00,50.00,E1,0.00,0.00,rejected,already_corrected"
	assert_line "E2b,H1,$M,2007-10-04,outpatient,yes,100.00,0.00,50.00,E2,0.00,0.00,rejected,corrects_unknown"
	assert_line "E2,H1,$M,2007-10-04,outpatient,yes,100.00,0.00,50.00,,50.00,50.00,approved,"
}

# 120 claims of the wife, not entitled, then one of the head.
many_rejected() {
	local i
	{
		echo "claim_id,institution,national_id,visit_date,visit_type,referral,total,insurance_paid,advance,corrects"
		for i in $(seq 1 120); do
			echo "R$i,SQ1,$WIFE,2007-10-05,outpatient,,100.00,,50.00,"
		done
		echo "G1,SQ1,$M,2007-10-05,outpatient,,100.00,,50.00,"
	} > "$1"
}

@test "settle: the first hundred rejections told in the order of the file, the rest counted; the lines as with -q" {
	many_rejected many.csv
	run --separate-stderr settle --quarter 2007Q4 many.csv
	assert_success
	echo "$output" > told.csv
	on_stderr
	assert_line --index 0 "settle: many.csv:2: national_id: no medical aid entitlement on the visit date (not_entitled)"
	assert_line --index 99 "settle: many.csv:101: national_id: no medical aid entitlement on the visit date (not_entitled)"
	assert_line --index 100 "settle: ... and 20 more rejected claims (see the reason column)"
	assert_line --index 101 --partial "settle: 2007Q4: 121 claims read: 121 settled (1 approved, 0 adjusted, 120 rejected)"
	stored > told.txt
	rm -f "$JIUZHU_DB"*
	setup
	settle -q --quarter 2007Q4 many.csv | diff - told.csv
	stored | diff - told.txt
}

@test "settle: a bad claim after claims read and not yet settled: told after their rejections, exit 65, nothing stored" {
	many_rejected many.csv
	echo "X1,SQ1,$M,2007-10-05,walk-in,,100.00,,50.00," >> many.csv
	echo "R200,SQ1,$WIFE,2007-10-05,outpatient,,100.00,,50.00" >> many.csv # a field short
	run --separate-stderr settle --quarter 2007Q4 many.csv
	[ "$status" -eq 65 ]
	assert_output ""
	on_stderr
	assert_line --index 99 "settle: many.csv:101: national_id: no medical aid entitlement on the visit date (not_entitled)"
	assert_line --index 100 --partial "settle: many.csv:123: visit_type: unknown code 'walk-in'"
	assert_line --index 101 "settle: many.csv:124: row has 9 fields; the header has 10"
	assert_line --index 102 "settle: ... and 20 more rejected claims (see the reason column)"
	assert_line --index 103 "settle: 2 bad records; nothing was written"
	run -65 settle -q --quarter 2007Q4 many.csv
	assert_output "settle: many.csv:123: visit_type: unknown code 'walk-in'; expected one of: outpatient, inpatient
settle: many.csv:124: row has 9 fields; the header has 10
settle: 2 bad records; nothing was written"
	run sqlite3 "$JIUZHU_DB" 'SELECT count(*) FROM claim'
	assert_output 0
}

@test "settle -q: claims of two files, the second's line numbers and src its own" {
	claims a.csv "F1,SQ1,$M,2007-10-05,outpatient,,100.00,,50.00,"
	claims b.csv "F2,SQ1,$M,2007-10-06,outpatient,,100.00,,50.00," "F1,SQ1,$M,2007-10-05,outpatient,,100.00,,50.00,"
	run -0 settle -q --quarter 2007Q4 a.csv b.csv
	assert_line "F1,SQ1,$M,2007-10-05,outpatient,no,100.00,0.00,50.00,,0.00,0.00,rejected,duplicate"
	run sqlite3 "$JIUZHU_DB" "SELECT claim_id, src, line FROM claim ORDER BY claim_id"
	assert_output "F1|0|2
F2|1|2"
}
