#!/usr/bin/env bats
# assess reads the registry as one ordered scan and picks each person's
# version in force from it (household_each): persons of several versions
# around D, one who moves to another household and back, one who dies, one
# who moves out, one enrolled from a later date, one who found work with a
# correction of the same day; and --record of a date recorded before or not.
# The expected lines are those assess gave before the scan.
#
# tests/data/lifecycle/policy.json: urban S = 330.00 until 2008-07-01.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	registry
}

HEAD1=110105197003030016 # D1
BRO=110105197506060030   # D1, in D2 from 2007-10-15, back in D1 from 2007-12-01
KID=110105198001010032   # D2, employed from 2007-11-01 (and corrected that day)
WIFE3=110105195502020024 # D3, died 2007-10-20
WIFE4=11010519450202002X # A4, moved out 2007-11-05
LATE=110105199001010010  # Z5, enrolled from 2008-01-01

# The registry, with grants of the first months (gradual exit looks at them).
registry() {
	local h=national_id,name,household_id,relation,street,hukou_type,employment,monthly_income,effective
	printf '%s\n' $h \
		$HEAD1,Head1,D1,head,S1,urban,unemployed,0,2007-09-01 \
		110105197204040026,Wife1,D1,spouse,S1,urban,unemployed,0,2007-09-01 \
		$BRO,Bro1,D1,other,S1,urban,unemployed,0,2007-09-01 \
		110105196001010017,Head2,D2,head,S2,urban,unemployed,100,2007-09-01 \
		110105196502020029,Wife2,D2,spouse,S2,urban,unemployed,0,2007-09-01 \
		$KID,Kid2,D2,child,S2,urban,unemployed,0,2007-09-01 \
		110105195001010012,Head3,D3,head,S3,urban,unemployed,0,2007-09-01 \
		$WIFE3,Wife3,D3,spouse,S3,urban,unemployed,0,2007-09-01 \
		110105194001010018,Head4,A4,head,S4,urban,retired,200,2007-09-01 \
		$WIFE4,Wife4,A4,spouse,S4,urban,unemployed,0,2007-09-01 \
		$LATE,Late5,Z5,head,S5,urban,unemployed,0,2008-01-01 > p.csv
	enrol -q --policy "$DATA/lifecycle/policy.json" p.csv > /dev/null
	printf 'account,date,amount,source,note\nbudget,2007-09-30,1000000,budget,\n' |
		grant -q --kind funding > /dev/null
	assess --as-of 2007-10-01 --programme dibao | grant -q > /dev/null
	change national_id,effective,household_id,relation,street \
		$BRO,2007-10-15,D2,other,S2 $BRO,2007-12-01,D1,other,S1
	change national_id,effective,status $WIFE3,2007-10-20,deceased
	change national_id,effective,status $WIFE4,2007-11-05,moved_out
	change national_id,effective,employment,monthly_income $KID,2007-11-01,employed,150000
	change national_id,effective,monthly_income $KID,2007-11-01,160000
	assess --as-of 2007-11-01 --programme dibao | grant -q > /dev/null
}

# A change intake: its header, then its lines.
change() {
	printf '%s\n' "$@" > change.csv
	enrol -q --kind change change.csv > /dev/null
}

# The households and members assess finds on $1: "household national_id"
# of its medical decisions (one per member of these dibao households).
members() {
	assess -q --as-of "$1" --programme medical | awk -F, 'NR > 1 { print $5, $6 }'
}

@test "assess-versions: a member who moves is in the household of his version in force, and back again" {
	run members 2007-10-14
	assert_line "D1 $BRO"
	refute_line "D2 $BRO"
	run members 2007-10-15
	assert_line "D2 $BRO"
	refute_line "D1 $BRO"
	run members 2007-12-01
	assert_line "D1 $BRO"
	refute_line "D2 $BRO"
	run assess -q --as-of 2007-10-16 --programme dibao
	assert_line "2007-10-16/dibao/D1,2007-10-16,dibao,household,D1,,,yes,660.00,month,income_below_standard,lifecycle-test@87fcfc61ee67"
	assert_line "2007-10-16/dibao/D2,2007-10-16,dibao,household,D2,,,yes,1220.00,month,income_below_standard,lifecycle-test@87fcfc61ee67"
	run assess -q --as-of 2008-01-01 --programme dibao
	assert_line "2008-01-01/dibao/D1,2008-01-01,dibao,household,D1,,,yes,990.00,month,income_below_standard,lifecycle-test@87fcfc61ee67"
}

@test "assess-versions: one who died or moved out is in no household from that day, the rest stay" {
	run members 2007-10-19
	assert_line "D3 $WIFE3"
	run members 2007-10-20
	refute_line "D3 $WIFE3"
	assert_line "D3 110105195001010012"
	run members 2007-11-04
	assert_line "A4 $WIFE4"
	run members 2007-11-05
	refute_line "A4 $WIFE4"
	assert_line "A4 110105194001010018"
	run assess -q --as-of 2007-11-05 --programme dibao
	assert_line "2007-11-05/dibao/A4,2007-11-05,dibao,household,A4,,,yes,163.00,month,income_below_standard,lifecycle-test@87fcfc61ee67"
	assert_line "2007-11-05/dibao/D3,2007-11-05,dibao,household,D3,,,yes,330.00,month,income_below_standard,lifecycle-test@87fcfc61ee67"
}

@test "assess-versions: one enrolled from a later date is in no household before it" {
	run members 2007-12-31
	refute_line --partial "Z5"
	run members 2008-01-01
	assert_line "Z5 $LATE"
}

@test "assess-versions: found work in a version corrected the same day: the gradual exit from the household of the day before" {
	run assess -q --as-of 2007-11-01 --programme dibao --explain --format jsonl
	assert_line '{"decision_id":"2007-11-01/dibao/D2","as_of":"2007-11-01","programme":"dibao","unit":"household","household_id":"D2","national_id":null,"application_id":null,"eligible":true,"amount":890.00,"period":"month","reason":"gradual_exit","policy":"lifecycle-test@87fcfc61ee67","trace":"dibao: S=330.00@2007-07-01 m=1.50@2007-07-01 n=4 I=160100.00 S*n=1320.00 exit_months=3@2007-07-01 c4 employed from 2007-11-01, last amount 890.00, until<2008-02-01 -> 890.00"}'
	run assess -q --as-of 2007-11-01 --programme employment_incentive
	assert_line --partial "2007-11-01/employment_incentive/$KID,2007-11-01,employment_incentive,person,D2,$KID,,yes,500.00,once,"
}

@test "assess-versions: --record of a date recorded before adds only what changed, as of a new date all" {
	run assess -q --as-of 2007-11-01
	local n=$((${#lines[@]} - 1))
	run assess --as-of 2007-11-01 --record -o first.csv
	assert_success
	assert_line --partial "recorded $n decisions (0 recorded already) as journal entry"
	run assess --as-of 2007-11-01 --record -o again.csv
	assert_line "assess: nothing new: 0 decisions to record ($n recorded already)"
	cmp first.csv again.csv
	# the registry moves on: only the decisions that changed are new
	change national_id,effective,monthly_income $HEAD1,2007-11-01,100
	run assess --as-of 2007-11-01 --record -o third.csv
	assert_line --regexp "^assess: recorded [1-9][0-9]* decisions? \([1-9][0-9]* recorded already\)"
	run sqlite3 "$JIUZHU_DB" "SELECT count(*), count(DISTINCT decision_id), sum(trace <> '') FROM decision WHERE as_of = '2007-11-01' AND entry = (SELECT min(entry) FROM decision WHERE as_of = '2007-11-01')"
	assert_output "$n|$n|$n"
}
