#!/usr/bin/env bats
# settle: claims of the designated institutions checked and settled into
# lines (rules.md 3, Claims and the quarterly settlement; seed 三(三)2-4),
# the statement, the joint review's sign-offs (三(三)3), corrections.
#
# Test policy tests/data/settle/policy.json: outpatient aid 0.50, inpatient
# 0.60, yearly cap 3000.00 a person; hospitals H0 (designated 2007-01-01)
# and H1 (2007-07-03, the document's date); community centre SQ1.  The head
# of H6 (110105197003030016) is entitled to medical aid from 2007-07-01;
# his wife (110105197204040026) is enrolled, not entitled;
# 110105198310100023 is not enrolled.

bats_require_minimum_version 1.5.0

LINE_HEADER=claim_id,institution,national_id,visit_date,visit_type,referral,total,insurance_paid,advance,corrects,computed,approved,status,reason
SUMMARY_HEADER=quarter,institution,claims,claimed,approved,rejected_claims,adjusted_claims,signed_by,status,signatures
M=110105197003030016

setup() {
	load 'test_helper/common-setup'
	_common_setup
	S="$DATA/settle"
	enrol -q --policy "$S/policy.json" "$DATA/grant/household.csv" > /dev/null
	enrol -q --kind institution "$S/institutions.csv" > /dev/null
	grant -q "$S/entitlement.csv" > /dev/null
	enrol_signers
}

# The line of claim $1 in the output: "computed approved status reason".
line_of() {
	awk -F, -v id="$1" '$1 == id { print $11, $12, $13, $14 }'
}

# The signatures column of 2007Q3's statement of institution $1, signed by
# the four bureaus.
signatures() {
	local b out=
	for b in health labour civil_affairs finance; do
		out="$out${out:+; }$(signature $b 2007Q3 "$1")"
	done
	echo "$out"
}

claims() { # file rows...
	local file=$1
	shift
	printf '%s\n' "claim_id,institution,national_id,visit_date,visit_type,referral,total,insurance_paid,advance,corrects" "$@" > "$file"
}

@test "settle: each claim of the quarter checked and computed (三(三)2-4)" {
	run --separate-stderr settle --quarter 2007Q3 "$S/q3.csv"
	assert_success
	# 81.25 x 0.50 = 40.625 -> 40.63, half up to the fen, as claimed.
	assert_line "A1,SQ1,$M,2007-07-10,outpatient,no,81.25,0.00,40.63,,40.63,40.63,approved,"
	# H1 is designated from 2007-07-03: the visit of the day before is not its.
	assert_line "A2,H1,$M,2007-07-02,outpatient,yes,100.00,0.00,50.00,,0.00,0.00,rejected,not_designated"
	assert_line "A3,H1,$M,2007-07-03,outpatient,yes,100.00,0.00,50.00,,50.00,50.00,approved,"
	# An outpatient visit at a hospital without a community centre's referral.
	assert_line "A4,H1,$M,2007-07-04,outpatient,no,100.00,0.00,50.00,,0.00,0.00,rejected,no_referral"
	assert_line "A5,H1,110105198310100023,2007-07-05,outpatient,yes,100.00,0.00,50.00,,0.00,0.00,rejected,unknown_person"
	assert_line "A6,H1,110105197204040026,2007-07-06,outpatient,yes,100.00,0.00,50.00,,0.00,0.00,rejected,not_entitled"
	assert_line "A7,H1,$M,2007-10-02,outpatient,yes,100.00,0.00,50.00,,0.00,0.00,rejected,out_of_period"
	# Inpatient: (5000.00 - 2000.00) x 0.60 = 1800.00, within the cap of 3000.00.
	assert_line "A8,H1,$M,2007-08-01,inpatient,no,5000.00,2000.00,1800.00,,1800.00,1800.00,approved,"
	# (100.00 - 20.00) x 0.50 = 40.00; 30.00 claimed, the lower, approved as claimed.
	assert_line "A9,SQ1,$M,2007-08-02,outpatient,no,100.00,20.00,30.00,,40.00,30.00,approved,"
	# 50.00 computed, 60.00 claimed: adjusted down.
	assert_line "A10,SQ1,$M,2007-08-03,outpatient,no,100.00,0.00,60.00,,50.00,50.00,adjusted,advance_above_aid"
	# The same claim id twice in the input: the second is a duplicate.
	assert_line "A10,SQ1,$M,2007-08-03,outpatient,no,100.00,0.00,50.00,,0.00,0.00,rejected,duplicate"
	on_stderr
	assert_line "settle: $S/q3.csv:8: visit_date: 2007-10-02 is outside 2007Q3 (out_of_period)"
	assert_line "settle: $S/q3.csv:5: referral: an outpatient visit at a hospital needs a referral (no_referral)"
	assert_line --partial "settle: 2007Q3: 11 claims read: 9 settled (4 approved, 1 adjusted, 4 rejected), 0 settled before, 2 not settled (another quarter, a signed statement, a duplicate); journal "
	# What is stored: every line but the one of another quarter and the duplicate.
	run db_count claim
	assert_output 9
}

@test "settle --summary: the statement per institution (三(三)3)" {
	settle -q --quarter 2007Q3 "$S/q3.csv" > /dev/null
	run settle --quarter 2007Q3 --summary
	# H1: A2-A6, A8: claimed 5 x 50.00 + 1800.00; approved 50.00 + 1800.00.
	# SQ1: A1, A9, A10: claimed 40.63 + 30.00 + 60.00; approved 40.63 + 30.00 + 50.00.
	assert_output "$SUMMARY_HEADER
2007Q3,H1,6,2050.00,1850.00,4,0,,open,
2007Q3,SQ1,3,130.63,120.63,0,1,,open,"
}

@test "settle: the same file again adds nothing, changes nothing, prints the same lines and says so" {
	settle -q --quarter 2007Q3 "$S/q3.csv" > first.csv
	sqlite3 "$JIUZHU_DB" 'SELECT * FROM claim ORDER BY 1, 2' > before.txt
	run --separate-stderr settle --quarter 2007Q3 "$S/q3.csv"
	assert_success
	diff <(echo "$output") first.csv
	on_stderr
	assert_line "settle: nothing new: 2007Q3: 11 claims read: 0 settled (0 approved, 0 adjusted, 0 rejected), 9 settled before, 2 not settled (another quarter, a signed statement, a duplicate)"
	sqlite3 "$JIUZHU_DB" 'SELECT * FROM claim ORDER BY 1, 2' | diff - before.txt
}

@test "settle: a file with a claim twice prints the same lines every time it is run" {
	claims twice.csv "D1,SQ1,$M,2007-08-05,outpatient,,100.00,,50.00," "D1,SQ1,$M,2007-08-05,outpatient,,100.00,,50.00,"
	settle -q --quarter 2007Q3 twice.csv > first.csv
	run sh -c 'cut -d, -f1,13,14 first.csv'
	assert_output "claim_id,status,reason
D1,approved,
D1,rejected,duplicate"
	run settle -q --quarter 2007Q3 twice.csv
	diff <(echo "$output") first.csv
}

@test "settle: a claims file that cannot be read stops the run before anything is read" {
	run -66 settle --quarter 2007Q3 "$S/q3.csv" nonexist.csv
	assert_output "settle: nonexist.csv: cannot read: No such file or directory; nothing was read"
}

@test "settle: the inpatient yearly cap, across institutions and quarters, and anew the next year" {
	settle -q --quarter 2007Q3 "$S/q3.csv" > /dev/null
	run settle -q --quarter 2007Q4 "$S/q4.csv"
	# (4000.00 - 1000.00) x 0.60 = 1800.00, but 3000.00 - 1800.00 (A8 in 2007Q3) = 1200.00 is left.
	assert_line "B1,H0,$M,2007-10-15,inpatient,no,4000.00,1000.00,1800.00,,1200.00,1200.00,adjusted,annual_cap"
	# Nothing left of 2007's cap.
	assert_line "B2,H0,$M,2007-11-20,inpatient,no,1000.00,0.00,100.00,,0.00,0.00,adjusted,annual_cap"
	assert_line "B3,H0,$M,2008-01-05,inpatient,no,1000.00,0.00,600.00,,0.00,0.00,rejected,out_of_period"
	# A9 was settled in 2007Q3; with other values it is a duplicate, not a new claim.
	assert_line "A9,SQ1,$M,2007-10-02,outpatient,no,100.00,20.00,30.00,,0.00,0.00,rejected,duplicate"
	# 2008: a new year, a new cap: 1000.00 x 0.60 = 600.00.
	claims q1.csv "B3,H0,$M,2008-01-05,inpatient,,1000.00,,600.00,"
	grant -q "$S/entitlement.csv" > /dev/null
	run settle -q --quarter 2008Q1 q1.csv
	assert_line "B3,H0,$M,2008-01-05,inpatient,no,1000.00,0.00,600.00,,600.00,600.00,approved,"
}

@test "settle: an insured person's inpatient claim with nothing paid by the scheme is rejected insurance_first (三(三)2, check 6a)" {
	# The head is insured (resident) from 2007-09-01, uninsured before.
	printf '%s\n' "$PERSON_HEADER,insurance,effective" \
		"$M,Head,H6,head,S1,urban,unemployed,0,resident,2007-09-01" > insured.csv
	enrol -q insured.csv > /dev/null
	claims c.csv "C1,H0,$M,2007-08-10,inpatient,,1000.00,,600.00," \
		"C2,H0,$M,2007-09-10,inpatient,,1000.00,,600.00," \
		"C3,H0,$M,2007-09-12,inpatient,,1000.00,400.00,360.00," \
		"C4,SQ1,$M,2007-09-15,outpatient,,100.00,,50.00,"
	run --separate-stderr settle --quarter 2007Q3 c.csv
	assert_success
	# Uninsured on the visit date: 1000.00 x 0.60 = 600.00.
	assert_line "C1,H0,$M,2007-08-10,inpatient,no,1000.00,0.00,600.00,,600.00,600.00,approved,"
	# Insured, the scheme paid nothing: rejected, no aid on the full cost.
	assert_line "C2,H0,$M,2007-09-10,inpatient,no,1000.00,0.00,600.00,,0.00,0.00,rejected,insurance_first"
	# Insured, the scheme paid 400.00: (1000.00 - 400.00) x 0.60 = 360.00.
	assert_line "C3,H0,$M,2007-09-12,inpatient,no,1000.00,400.00,360.00,,360.00,360.00,approved,"
	# An outpatient visit is not checked so: 100.00 x 0.50 = 50.00.
	assert_line "C4,SQ1,$M,2007-09-15,outpatient,no,100.00,0.00,50.00,,50.00,50.00,approved,"
	on_stderr
	assert_line "settle: c.csv:3: insurance_paid: an insured person's inpatient stay is aided after the scheme has paid (insurance_first)"
}

@test "settle --sign: four bureaus, any order, each once, close the quarter; later claims are period_closed" {
	settle -q --quarter 2007Q3 "$S/q3.csv" > /dev/null
	for b in finance health civil_affairs; do
		settle -q --quarter 2007Q3 --sign "$b" --institution H1 > /dev/null
	done
	run --separate-stderr settle --quarter 2007Q3 --sign finance --institution H1
	assert_success
	on_stderr
	assert_line "settle: H1: finance signed the statement of 2007Q3 already"
	run settle -q --quarter 2007Q3 --sign labour --institution H1
	assert_output "$SUMMARY_HEADER
2007Q3,H1,6,2050.00,1850.00,4,0,health;labour;civil_affairs;finance,closed,$(signatures H1)"
	run sqlite3 "$JIUZHU_DB" "SELECT bureau, claims, approved, user = '$(id -un)' FROM signoff ORDER BY entry"
	assert_output "finance|6|185000|1
health|6|185000|1
civil_affairs|6|185000|1
labour|6|185000|1"
	# A claim for the closed quarter is not settled.
	claims late.csv "A11,H1,$M,2007-09-30,outpatient,yes,100.00,,50.00,"
	run settle -q --quarter 2007Q3 late.csv
	assert_line "A11,H1,$M,2007-09-30,outpatient,yes,100.00,0.00,50.00,,0.00,0.00,rejected,period_closed"
	# SQ1 is not signed: its quarter is open.
	run settle --quarter 2007Q3 --summary --institution SQ1
	assert_line --index 1 "2007Q3,SQ1,3,130.63,120.63,0,1,,open,"
	# Nor are claims it would reject for other reasons: a signed statement
	# takes no line, and a correction of a signed line is period_closed.
	claims late2.csv "A13,H1,110105197204040026,2007-09-10,outpatient,yes,1000.00,,500.00," \
		"A14,H1,$M,2007-07-01,outpatient,yes,100.00,,50.00,"
	run settle -q --quarter 2007Q3 late2.csv
	assert_line --partial "A13,H1,110105197204040026,2007-09-10,outpatient,yes,1000.00,0.00,500.00,,0.00,0.00,rejected,not_entitled"
	assert_line --partial "A14,H1,$M,2007-07-01,outpatient,yes,100.00,0.00,50.00,,0.00,0.00,rejected,not_designated"
	claims q4fix.csv "A8x,H1,$M,2007-10-05,inpatient,,100.00,,60.00,A8"
	run settle -q --quarter 2007Q4 q4fix.csv
	assert_line "A8x,H1,$M,2007-10-05,inpatient,no,100.00,0.00,60.00,A8,0.00,0.00,rejected,period_closed"
	run settle --quarter 2007Q3 --summary --institution H1
	assert_line --index 1 "2007Q3,H1,6,2050.00,1850.00,4,0,health;labour;civil_affairs;finance,closed,$(signatures H1)"
	run db_count claim
	assert_output 9
	# A closed line is never changed, not even by hand.
	run sqlite3 "$JIUZHU_DB" "UPDATE claim SET approved = 0 WHERE claim_id = 'A8'"
	assert_failure
	assert_output --partial "a settlement line is never changed"
}

@test "settle: the first signature freezes the statement" {
	settle -q --quarter 2007Q3 "$S/q3.csv" > /dev/null
	settle -q --quarter 2007Q3 --sign health --institution SQ1 > /dev/null
	claims late.csv "A12,SQ1,$M,2007-09-29,outpatient,,10.00,,5.00,"
	run settle -q --quarter 2007Q3 late.csv
	assert_line --index 1 --partial ",rejected,period_closed"
	run settle --quarter 2007Q3 --summary --institution SQ1
	assert_line --index 1 "2007Q3,SQ1,3,130.63,120.63,0,1,health,open,$(signature health 2007Q3 SQ1)"
}

@test "settle: a correction is a new claim that names the one it corrects, never a change" {
	settle -q --quarter 2007Q3 "$S/q3.csv" > /dev/null
	# A4 was rejected for want of a referral; the hospital sends the referral.
	claims fix.csv "A4b,H1,$M,2007-07-04,outpatient,yes,100.00,,50.00,A4" \
		"A4c,H1,$M,2007-07-04,outpatient,yes,100.00,,50.00,A4" \
		"A4d,H1,$M,2007-07-04,outpatient,yes,100.00,,50.00,NOPE"
	run settle -q --quarter 2007Q3 fix.csv
	assert_line "A4b,H1,$M,2007-07-04,outpatient,yes,100.00,0.00,50.00,A4,50.00,50.00,approved,"
	assert_line "A4c,H1,$M,2007-07-04,outpatient,yes,100.00,0.00,50.00,A4,0.00,0.00,rejected,already_corrected"
	assert_line "A4d,H1,$M,2007-07-04,outpatient,yes,100.00,0.00,50.00,NOPE,0.00,0.00,rejected,corrects_unknown"
	# The corrected line stays as it was; the statement counts the correction.
	run sqlite3 "$JIUZHU_DB" "SELECT status, reason FROM claim WHERE claim_id = 'A4'"
	assert_output "rejected|no_referral"
	# A rejected correction corrects nothing (here the wife's, not entitled).
	claims fix1.csv "A8y,H1,110105197204040026,2007-08-01,inpatient,,4500.00,2000.00,1500.00,A8"
	run settle -q --quarter 2007Q3 fix1.csv
	assert_line --index 1 "A8y,H1,110105197204040026,2007-08-01,inpatient,no,4500.00,2000.00,1500.00,A8,0.00,0.00,rejected,not_entitled"
	# A8 is corrected to a lower amount: the statement counts 1500.00, not both.
	claims fix2.csv "A8b,H1,$M,2007-08-01,inpatient,,4500.00,2000.00,1500.00,A8"
	run settle -q --quarter 2007Q3 fix2.csv
	# (4500.00 - 2000.00) x 0.60 = 1500.00; A8's 1800.00 no longer counts against the cap.
	assert_line "A8b,H1,$M,2007-08-01,inpatient,no,4500.00,2000.00,1500.00,A8,1500.00,1500.00,approved,"
	run settle --quarter 2007Q3 --summary --institution H1
	# claimed: 2050.00 + 3 x 50.00 + 1500.00 + A8y's 1500.00; approved: A3
	# 50.00 + A4b 50.00 + A8b 1500.00 (A8 corrected)
	assert_line --index 1 "2007Q3,H1,11,5200.00,1600.00,7,0,,open,"
}

@test "settle: bad claims are data errors: all reported, exit 65, nothing stored or printed" {
	claims bad.csv "X1,H1,$M,2007-07-10,outpatient,yes,100.00,120.00,50.00," \
		"X2,H1,110105197003030017,2007-07-10,outpatient,yes,100.00,,50.00," \
		"X3,H1,$M,2007-07-10,walk-in,yes,100.00,,50.00," \
		"X4,H1,$M,2007-07-10,outpatient,yes,100.001,,50.00,"
	run --separate-stderr settle --quarter 2007Q3 bad.csv
	[ "$status" -eq 65 ]
	assert_output ""
	on_stderr
	assert_line "settle: bad.csv:2: insurance_paid: 120.00 is more than total 100.00"
	assert_line --partial "settle: bad.csv:3: national_id:"
	assert_line --partial "settle: bad.csv:4: visit_type: unknown code 'walk-in'"
	assert_line --partial "settle: bad.csv:5: total:"
	assert_line "settle: 4 bad records; nothing was written"
	run db_count claim
	assert_output 0
}

@test "settle: options" {
	run -64 settle "$S/q3.csv"
	assert_line --partial "--quarter is needed"
	run -64 settle --quarter 2007Q5
	assert_line --partial "'2007Q5' is not a quarter; expected YYYYQn, as in 2007Q3"
	run -64 settle --quarter 2007Q3 --sign treasury
	assert_line --partial "--sign treasury: expected health, labour, civil_affairs or finance"
	run -64 settle --quarter 2007Q3 --summary "$S/q3.csv"
	assert_line --partial "--summary reads no claims"
	run -64 settle --fund major_disease
	assert_line --partial "--fund needs --year"
	run -65 settle --quarter 2007Q3 --sign health --institution H1
	assert_output "settle: nothing to sign: no claim of institution H1 was settled in 2007Q3"
	run --separate-stderr settle --help
	assert_success
	[ "${#lines[@]}" -le 40 ]
}
