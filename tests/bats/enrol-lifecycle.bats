#!/usr/bin/env bats
# enrol: life events as person versions -- status, reviewed_on and
# bank_account, sparse changes (--kind change), the household checks of
# active members, head succession, a member moving household, and what
# assess sees after a death (lifecycle.md, "Life events are person
# versions" and "Review").
#
# tests/data/enrol/lifecycle.csv, all from 2007-09-01, all born 1980-01-01:
#   H1  110105198001010016 Wang Jianguo  head   employed 420.50  account 6222020200010016
#       110105198001010024 Li Xiuying    spouse unable     0.00
#       110105198001010032 Wang Lei      child  unable     0.00
#   H2  110105198001010040 Sun Li        head   employed 300.00
# All on Sanlitun, urban, hukou here.  tests/data/enrol/death.csv: Wang Lei
# deceased from 2007-10-15.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	enrol -q "$DATA/enrol/lifecycle.csv" > /dev/null
}

# A change file: the header, then the rows given.
change_csv() {
	local file=$1 header=$2
	shift 2
	printf '%s\n' "$header" "$@" > "$file"
}

# Every stored column of a person's version on a date but status,
# reviewed_on, bank_account, effective and the run's own (entry, src, line).
facts() {
	sqlite3 "$JIUZHU_DB" "SELECT national_id, name, household_id, relation, street, community,
		hukou_type, hukou_local, residence_since, employment, able_to_work, monthly_income,
		insurance, disability, disability_grade, disability_cert, illness, cerebral_palsy,
		rehab_training, student_level, wubao, released_on, hukou_pending, enterprise_hardship,
		one_child_hardship, troop, returned_overseas, self_care, housing_need, dilapidated_house
		FROM person WHERE national_id = '$1' AND effective = '$2'"
}

# The eligible, amount and reason of household $1's dibao decision on $2,
# under the default policy (policies/chaoyang-2007.json).
dibao() {
	assess --as-of "$2" --programme dibao -f jsonl | grep -F "/dibao/$1\"" | decision_fields
}

# ---- Life events are person versions: the new columns ----

@test "enrol: status defaults to active; bank_account is stored as given (lifecycle.md Life events are person versions)" {
	run sqlite3 "$JIUZHU_DB" "SELECT national_id, status, coalesce(bank_account, '-'),
		coalesce(reviewed_on, '-') FROM person ORDER BY national_id"
	assert_output - <<-'EOF'
	110105198001010016|active|6222020200010016|-
	110105198001010024|active|-|-
	110105198001010032|active|-|-
	110105198001010040|active|-|-
	EOF
}

@test "enrol: an unknown status is an error listing the codes (lifecycle.md Life events are person versions)" {
	change_csv in.csv national_id,effective,status 110105198001010032,2007-10-15,dead
	run -65 enrol --kind change in.csv
	assert_line "enrol: in.csv:2: status: unknown code 'dead'; expected one of: active, deceased, moved_out"
	[ "$(db_count person)" = 4 ]
}

@test "enrol: a full record that differs only in status is a new version (lifecycle.md Life events are person versions)" {
	printf '%s\n' national_id,name,household_id,relation,street,community,hukou_type,employment,monthly_income,insurance,status,effective \
		'110105198001010032,Wang Lei,H1,child,Sanlitun,Zhongfangli,urban,unable,0,resident,moved_out,2007-12-01' > out.csv
	run enrol -q out.csv
	assert_success
	run sqlite3 "$JIUZHU_DB" "SELECT status, effective FROM person WHERE national_id = '110105198001010032' ORDER BY effective"
	assert_output $'active|2007-09-01\nmoved_out|2007-12-01'
}

# ---- sparse changes ----

@test "enrol: a death notice is one line; the stored version carries every other column (lifecycle.md Life events are person versions)" {
	run --separate-stderr enrol --kind change --as-of 2007-10-15 "$DATA/enrol/death.csv"
	assert_success
	assert_line --index 1 '110105198001010032,Wang Lei,H1,child,Sanlitun,Zhongfangli,urban,yes,,m,1980-01-01,unable,,0.00,resident,none,,no,none,no,no,none,no,,no,no,no,no,no,full,no,no,deceased,,,2007-10-15,27'
	on_stderr
	assert_output --partial 'enrol: added 1 person record (0 already in the registry) as journal entry 2; journal 2 '
	assert_equal "$(facts 110105198001010032 2007-10-15)" "$(facts 110105198001010032 2007-09-01)"
	run sqlite3 "$JIUZHU_DB" "SELECT status, effective, entry FROM person WHERE national_id = '110105198001010032' ORDER BY effective"
	assert_output $'active|2007-09-01|1\ndeceased|2007-10-15|2'
	# the same notice again is nothing new
	run -0 --separate-stderr enrol --kind change "$DATA/enrol/death.csv"
	assert_equal "$stderr" 'enrol: nothing new: 1 record already in the registry'
	assert_equal "${#lines[@]}" 1 # the header alone (cli.md: every CSV has its header)
}

@test "enrol: a sparse income change keeps the rest, bank_account included (lifecycle.md Life events are person versions)" {
	change_csv inc.csv national_id,effective,monthly_income,employment 110105198001010016,2007-11-01,800,
	run enrol -q --kind change inc.csv
	assert_success
	run sqlite3 "$JIUZHU_DB" "SELECT monthly_income, employment, relation, insurance, community,
		bank_account, status FROM person WHERE national_id = '110105198001010016' ORDER BY effective"
	assert_output - <<-'EOF'
	42050|employed|head|employee|Zhongfangli|6222020200010016|active
	80000|employed|head|employee|Zhongfangli|6222020200010016|active
	EOF
}

@test "enrol: in a change an empty cell means unchanged, in CSV and in JSON Lines (lifecycle.md Life events are person versions)" {
	change_csv c.csv national_id,effective,status,monthly_income,bank_account \
		110105198001010024,2007-11-01,,150, \
		110105198001010040,2007-11-01,,,6222020200010040
	printf '%s\n' '{"national_id":"110105198001010016","effective":"2007-11-01","monthly_income":null,"bank_account":"6222020200099999"}' > c.jsonl
	run enrol -q --kind change c.csv c.jsonl
	assert_success
	run sqlite3 "$JIUZHU_DB" "SELECT national_id, status, monthly_income, coalesce(bank_account, '-')
		FROM person WHERE effective = '2007-11-01' ORDER BY national_id"
	assert_output - <<-'EOF'
	110105198001010016|active|42050|6222020200099999
	110105198001010024|active|15000|-
	110105198001010040|active|30000|6222020200010040
	EOF
}

@test "enrol: a change that changes nothing adds nothing (lifecycle.md Life events are person versions)" {
	change_csv same.csv national_id,effective,monthly_income 110105198001010016,2007-11-01,420.50
	run -0 --separate-stderr enrol --kind change same.csv
	assert_equal "$stderr" 'enrol: nothing new: 1 record already in the registry'
	assert_equal "${#lines[@]}" 1 # the header alone (cli.md: every CSV has its header)
	[ "$(db_count journal)" = 1 ]
}

@test "enrol: a change of an unknown ID is an error on its line and column, exit 65, nothing written (lifecycle.md Life events are person versions)" {
	change_csv u.csv national_id,effective,status \
		110105198001010032,2007-10-15,deceased \
		110105198001010059,2007-10-15,deceased
	run --separate-stderr -65 enrol --kind change u.csv
	assert_output ''
	on_stderr
	assert_output - <<-'EOF'
	enrol: u.csv:3: national_id: is not enrolled; a change needs the person in the registry: enrol the whole record first (--kind person)
	enrol: 1 bad record; nothing was written
	EOF
	[ "$(db_count person)" = 4 ]
	[ "$(db_count journal)" = 1 ]
}

@test "enrol: a change dated before the person's first version is an error (lifecycle.md Life events are person versions)" {
	change_csv early.csv national_id,effective,monthly_income 110105198001010016,2007-08-31,0
	run -65 enrol --kind change early.csv
	assert_line 'enrol: early.csv:2: national_id: has no version in force on 2007-08-31 (enrolled from 2007-09-01); a change takes effect on or after the person'"'"'s first effective date'
	[ "$(db_count person)" = 4 ]
}

@test "enrol: a change needs national_id and effective in its header (lifecycle.md Life events are person versions)" {
	printf '%s\n' national_id,status 110105198001010032,deceased > noeff.csv
	run -65 enrol --kind change noeff.csv
	assert_line 'enrol: noeff.csv:1: effective: required column is missing from the header'
	[ "$(db_count person)" = 4 ]
}

@test "enrol: a change builds on the version in force on its date, earlier lines of the same intake included (lifecycle.md Life events are person versions)" {
	# Line 2 raises Li's income from 2007-11-01; line 3, from 2007-12-01,
	# sets her account and so carries the new income; line 4, back-dated
	# to 2007-10-01, builds on the 2007-09-01 version.
	change_csv c.csv national_id,effective,monthly_income,bank_account \
		110105198001010024,2007-11-01,150, \
		110105198001010024,2007-12-01,,6222020200010024 \
		110105198001010024,2007-10-01,50,
	run enrol -q --kind change c.csv
	assert_success
	run sqlite3 "$JIUZHU_DB" "SELECT effective, monthly_income, coalesce(bank_account, '-') FROM person
		WHERE national_id = '110105198001010024' ORDER BY effective"
	assert_output - <<-'EOF'
	2007-09-01|0|-
	2007-10-01|5000|-
	2007-11-01|15000|-
	2007-12-01|15000|6222020200010024
	EOF
}

@test "enrol: the person a change makes is checked as a person: a disability needs its grade (lifecycle.md Life events are person versions)" {
	change_csv d.csv national_id,effective,disability 110105198001010024,2007-11-01,physical
	run -65 enrol --kind change d.csv
	assert_line 'enrol: d.csv:2: disability_grade: is required when disability is physical; expected 1-4'
	# with its grade it is stored; back to none, the grade goes with it
	change_csv d.csv national_id,effective,disability,disability_grade 110105198001010024,2007-11-01,physical,2
	run enrol -q --kind change d.csv
	assert_success
	change_csv n.csv national_id,effective,disability 110105198001010024,2008-01-01,none
	run enrol -q --kind change n.csv
	assert_success
	run sqlite3 "$JIUZHU_DB" "SELECT effective, disability, coalesce(disability_grade, '-') FROM person
		WHERE national_id = '110105198001010024' ORDER BY effective"
	assert_output $'2007-09-01|none|-\n2007-11-01|physical|2\n2008-01-01|none|-'
}

# ---- Review ----

@test "enrol: a home visit that changes nothing is a change setting reviewed_on (lifecycle.md Review)" {
	change_csv visit.csv national_id,effective,reviewed_on 110105198001010016,2008-03-10,2008-03-10
	run enrol -q --kind change --as-of 2008-03-10 visit.csv
	assert_success
	assert_line --index 1 --partial ',no,no,active,2008-03-10,6222020200010016,2008-03-10,28'
	assert_equal "$(facts 110105198001010016 2008-03-10)" "$(facts 110105198001010016 2007-09-01)"
	run sqlite3 "$JIUZHU_DB" "SELECT effective, coalesce(reviewed_on, '-') FROM person
		WHERE national_id = '110105198001010016' ORDER BY effective"
	assert_output $'2007-09-01|-\n2008-03-10|2008-03-10'
	run -0 --separate-stderr enrol --kind change visit.csv
	assert_equal "$stderr" 'enrol: nothing new: 1 record already in the registry'
	assert_equal "${#lines[@]}" 1 # the header alone (cli.md: every CSV has its header)
	# a bad date is an error like any other
	change_csv bad.csv national_id,effective,reviewed_on 110105198001010016,2008-03-10,2008-02-30
	run -65 enrol --kind change bad.csv
	assert_line --partial 'enrol: bad.csv:2: reviewed_on: 2008-02-30 is not a real date'
}

# ---- households: active members only, head succession, moves ----

@test "enrol: the head dies and a successor is named in the same intake (lifecycle.md Life events are person versions)" {
	change_csv d.csv national_id,effective,status,relation \
		110105198001010016,2007-10-15,deceased, \
		110105198001010024,2007-10-15,,head
	run enrol -q --kind change d.csv
	assert_success
	run sqlite3 "$JIUZHU_DB" "SELECT national_id, relation, status FROM person WHERE effective = '2007-10-15' ORDER BY national_id"
	assert_output $'110105198001010016|head|deceased\n110105198001010024|head|active'
}

@test "enrol: the head dies without a successor: one line naming the household and the date, exit 65, nothing written (lifecycle.md Life events are person versions)" {
	change_csv d.csv national_id,effective,status 110105198001010016,2007-10-15,deceased
	run --separate-stderr -65 enrol --kind change d.csv
	assert_output ''
	on_stderr
	assert_output - <<-'EOF'
	enrol: d.csv:2: status: household H1: no head from 2007-10-15 (110105********0016 deceased); give a member relation=head effective 2007-10-15 in the same intake
	enrol: 1 bad record; nothing was written
	EOF
	[ "$(db_count person)" = 4 ]
	[ "$(db_count journal)" = 1 ]
	# a successor from a later date leaves the days between without a head
	change_csv late.csv national_id,effective,status,relation \
		110105198001010016,2007-10-15,deceased, \
		110105198001010024,2007-10-16,,head
	run -65 enrol --kind change late.csv
	assert_line --partial 'household H1: no head from 2007-10-15'
}

@test "enrol: the head moving out, or no longer head, also needs a successor (lifecycle.md Life events are person versions)" {
	change_csv m.csv national_id,effective,status 110105198001010040,2007-10-15,moved_out
	run -0 enrol -q --kind change m.csv
	# Sun was alone in H2: the household is simply over
	change_csv r.csv national_id,effective,relation 110105198001010016,2007-10-15,spouse
	run -65 enrol --kind change r.csv
	assert_line 'enrol: r.csv:2: relation: household H1: no head from 2007-10-15 (110105********0016 now spouse); give a member relation=head effective 2007-10-15 in the same intake'
	change_csv o.csv national_id,effective,status 110105198001010016,2007-10-15,moved_out
	run -65 enrol --kind change o.csv
	assert_line 'enrol: o.csv:2: status: household H1: no head from 2007-10-15 (110105********0016 moved out); give a member relation=head effective 2007-10-15 in the same intake'
}

@test "enrol: a successor named by an earlier intake counts (lifecycle.md Life events are person versions)" {
	# Wang moves out on 2007-10-15 and Li heads H1 from then on; a later
	# intake corrects it: Wang died that day.  Li is head from 2007-10-15
	# already, so the correction needs no successor of its own.
	change_csv both.csv national_id,effective,status,relation \
		110105198001010016,2007-10-15,moved_out, \
		110105198001010024,2007-10-15,,head
	run enrol -q --kind change both.csv
	assert_success
	change_csv fix.csv national_id,effective,status 110105198001010016,2007-10-15,deceased
	run enrol -q --kind change fix.csv
	assert_success
	run sqlite3 "$JIUZHU_DB" "SELECT status, entry FROM person WHERE national_id = '110105198001010016'
		AND effective = '2007-10-15' ORDER BY entry"
	assert_output $'moved_out|2\ndeceased|3'
}

@test "enrol: a member moves to another household with a new household_id and relation (lifecycle.md Life events are person versions)" {
	change_csv mv.csv national_id,effective,household_id,relation 110105198001010032,2007-11-01,H2,child
	run enrol -q --kind change mv.csv
	assert_success
	run sqlite3 "$JIUZHU_DB" "SELECT household_id, relation, street, status FROM person
		WHERE national_id = '110105198001010032' ORDER BY effective"
	assert_output $'H1|child|Sanlitun|active\nH2|child|Sanlitun|active'
	# assess sees him in H2 from then on: H1 n=2, H2 n=2
	run assess --as-of 2007-11-01 --programme dibao --explain -f jsonl
	assert_output --partial '"household_id":"H1","national_id":null,"application_id":null,"eligible":true,"amount":239.50'
	assert_output --partial 'n=2 I=300.00 S*n=660.00'
}

@test "enrol: the household checks ignore members who died or moved out (lifecycle.md Life events are person versions)" {
	# Wang Lei dies; from 2008-01-01 Wang and Li move to Chaowai: the
	# deceased's row, still on Sanlitun, does not make H1 disagree.
	run enrol -q --kind change "$DATA/enrol/death.csv"
	assert_success
	change_csv st.csv national_id,effective,street \
		110105198001010016,2008-01-01,Chaowai \
		110105198001010024,2008-01-01,Chaowai
	run enrol -q --kind change st.csv
	assert_success
	# nor does the dead head count as a second head
	change_csv d.csv national_id,effective,status,relation \
		110105198001010016,2008-02-01,deceased, \
		110105198001010024,2008-02-01,,head
	run enrol -q --kind change d.csv
	assert_success
	# and when the last active member goes, the household is over, no error
	change_csv last.csv national_id,effective,status 110105198001010024,2008-05-01,moved_out
	run enrol -q --kind change last.csv
	assert_success
	[ "$(db_count journal)" = 5 ]
}

# ---- what assess sees ----

@test "assess: the deceased counts before the death and not from its date (lifecycle.md Life events are person versions)" {
	run enrol -q --kind change "$DATA/enrol/death.csv"
	assert_success
	# H1 under chaoyang-2007: S = 330.00, I = 420.50, no increments.
	# Before: n = 3, 990.00 - 420.50 = 569.50; from 2007-10-15: n = 2,
	# 660.00 - 420.50 = 239.50.
	run dibao H1 2007-10-14
	assert_output 'yes 569.50 income_below_standard'
	run dibao H1 2007-10-15
	assert_output 'yes 239.50 income_below_standard'
	run dibao H1 2007-11-01
	assert_output 'yes 239.50 income_below_standard'
	# a household whose every member died or moved out is not assessed
	change_csv out.csv national_id,effective,status 110105198001010040,2007-11-01,moved_out
	run enrol -q --kind change out.csv
	assert_success
	run dibao H2 2007-10-31
	assert_output 'yes 30.00 income_below_standard'
	run dibao H2 2007-11-01
	assert_output ''
}

@test "assess: persons given as input who died are in no household (lifecycle.md Life events are person versions)" {
	printf '%s\n' national_id,name,household_id,relation,street,hukou_type,employment,monthly_income,status,effective \
		'110105198001010059,Zhou,H5,head,Dongba,urban,employed,420.50,,2007-09-01' \
		'110105198001010067,Wu,H5,spouse,Dongba,urban,unable,0,deceased,2007-09-01' > in.csv
	run assess --as-of 2007-10-01 --programme dibao -f jsonl in.csv
	assert_success
	# n = 1: 330.00 - 420.50 < 0, and 420.50 < 1.5 x 330.00 = 495.00: edge
	assert_output --partial '"eligible":false,"amount":0.00'
	assert_output --partial '"reason":"edge_household"'
}
