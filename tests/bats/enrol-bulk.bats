#!/usr/bin/env bats
# enrol: a first load (an empty registry) takes the bulk path (issue 17,
# lib/enrol/bulk.h); what it gives is what the row-by-row path gave before
# it: dedupe, versions, the same errors on the same lines, the household
# checks, --keep-going, and the person table's indexes as the schema has
# them.  The expected outputs are those of the row-by-row path.

bats_require_minimum_version 1.5.0

setup() { load 'test_helper/common-setup'; _common_setup; }

DATED_HEADER=national_id,name,household_id,relation,street,hukou_type,employment,monthly_income,effective
WANG=110105198001010016,Wang,H1,head,Sanlitun,urban,employed,300,2007-09-01
LI=110105198001010024,Li,H1,spouse,Sanlitun,urban,employed,200,2007-09-01
ZHAO_SPOUSE=110105198001010032,Zhao,H2,spouse,Sanlitun,urban,employed,300,2007-09-01
SUN_CHILD=110105198001010040,Sun,H2,child,Sanlitun,urban,student,0,2007-09-01

dated_csv() {
	local file=$1
	shift
	printf '%s\n' "$DATED_HEADER" "$@" > "$file"
}

# The person rows as stored, in rowid order, without the journal's entry.
stored() {
	sqlite3 "$JIUZHU_DB" "SELECT national_id, employment, monthly_income, effective, line
		FROM person ORDER BY rowid"
}

# The person table's indexes as the schema makes them.
indexes_kept() {
	[ "$(sqlite3 "$JIUZHU_DB" "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master
		WHERE tbl_name = 'person' AND type = 'index' ORDER BY name)")" = \
	  'CREATE INDEX person_household ON person (household_id);CREATE UNIQUE INDEX person_version ON person (national_id, effective, entry)' ]
}

@test "enrol bulk: a person twice in a first load with the same values is stored once" {
	dated_csv in.csv "$WANG" "$LI" "$WANG"
	run --separate-stderr enrol in.csv
	assert_success
	assert_equal "${#lines[@]}" 3
	assert_line --index 1 --partial '110105198001010016,Wang,H1,head,Sanlitun,,urban,yes,,m,1980-01-01,employed,,300.00,'
	on_stderr
	assert_line --regexp '^enrol: added 2 person records \(1 already in the registry\) as journal entry 1; journal 1 [0-9a-f]{12}$'
	run stored
	assert_output - <<-'EOF'
	110105198001010016|employed|30000|2007-09-01|2
	110105198001010024|employed|20000|2007-09-01|3
	EOF
	indexes_kept
}

@test "enrol bulk: a person twice in a first load with other values on the same date names the first line" {
	dated_csv in.csv "$WANG" "$LI" "${WANG/,300,/,400,}" 110105198001010059,Qian,H2,head,Sanlitun,urban,employed,300,2007-09-01
	run --separate-stderr -65 enrol in.csv
	assert_output ''
	on_stderr
	assert_output - <<-'EOF'
	enrol: in.csv:4: national_id: given again with other values (first at in.csv:2); one record per national_id and date
	enrol: 1 bad record; nothing was written
	EOF
	nothing_stored
}

@test "enrol bulk: a person twice in a first load on another date is two versions" {
	dated_csv in.csv "$WANG" "$LI" 110105198001010016,Wang,H1,head,Sanlitun,urban,unemployed,0,2008-01-01
	run -0 --separate-stderr enrol -q in.csv
	assert_equal "${#lines[@]}" 4 # the header and three versions
	run stored
	assert_output - <<-'EOF'
	110105198001010016|employed|30000|2007-09-01|2
	110105198001010024|employed|20000|2007-09-01|3
	110105198001010016|unemployed|0|2008-01-01|4
	EOF
	indexes_kept
	run -0 report --db "$JIUZHU_DB" audit
	assert_output --partial 'audit: 0 differences'
}

@test "enrol bulk: a household without a head in a first load is refused" {
	dated_csv in.csv "$WANG" "$ZHAO_SPOUSE" "$SUN_CHILD"
	run --separate-stderr -65 enrol in.csv
	assert_output ''
	on_stderr
	assert_output - <<-'EOF'
	enrol: in.csv:3: relation: household H2 has 0 heads on 2007-09-01; exactly one member must be head
	enrol: 1 bad record; nothing was written
	EOF
	nothing_stored
}

@test "enrol bulk: a household failing on a later date of a first load is reported on its first row" {
	dated_csv in.csv "$WANG" 110105198001010032,Zhao,H2,head,Sanlitun,urban,employed,300,2007-09-01 \
		110105198001010040,Sun,H2,head,Sanlitun,urban,student,0,2007-10-01 \
		110105198001010059,Qian,H2,spouse,Chaoyang,urban,student,0,2007-11-01
	run --separate-stderr -65 enrol in.csv
	on_stderr
	assert_output - <<-'EOF'
	enrol: in.csv:3: relation: household H2 has 2 heads on 2007-10-01; exactly one member must be head
	enrol: 1 bad record; nothing was written
	EOF
	nothing_stored
}

@test "enrol bulk: --keep-going in a first load takes back the rows of a failing household" {
	dated_csv in.csv "$WANG" "$ZHAO_SPOUSE" "$SUN_CHILD"
	run --separate-stderr -1 enrol --keep-going --rejects rej.csv in.csv
	assert_equal "${#lines[@]}" 2
	assert_line --index 1 --partial '110105198001010016,Wang,H1,head,'
	on_stderr
	assert_line --index 0 'enrol: in.csv:3: relation: household H2 has 0 heads on 2007-09-01; exactly one member must be head'
	assert_line 'enrol: 2 bad records rejected to rej.csv'
	run cut -d, -f1-7 rej.csv
	assert_output - <<-'EOF'
	source,line,column,reason,national_id,name,household_id
	in.csv,3,household_id,household H2 has 0 heads on 2007-09-01; exactly one member must be head,110105198001010032,Zhao,H2
	in.csv,4,household_id,household H2 has 0 heads on 2007-09-01; exactly one member must be head,110105198001010040,Sun,H2
	EOF
	run stored
	assert_output '110105198001010016|employed|30000|2007-09-01|2'
	indexes_kept
	run -0 report --db "$JIUZHU_DB" audit
	assert_output --partial 'audit: 0 differences'
}

@test "enrol bulk: a bad record of a first load is told in its place, among the others" {
	dated_csv in.csv "$WANG" "${LI/,200,/,abc,}" 110105198001010017,X,H3,head,Sanlitun,urban,employed,300,2007-09-01
	run --separate-stderr -65 enrol in.csv
	on_stderr
	assert_output - <<-'EOF'
	enrol: in.csv:3: monthly_income: 'abc' is not an amount; expected e.g. 330 or 330.50
	enrol: in.csv:4: national_id: check character is 7, expected 6
	enrol: 2 bad records; nothing was written
	EOF
	nothing_stored
}

@test "enrol bulk: the next intake after a first load finds the versions in force" {
	dated_csv a.csv "$WANG" "$LI"
	run -0 enrol -q a.csv
	dated_csv b.csv "$WANG" 110105198001010016,Wang,H1,head,Sanlitun,urban,unemployed,0,2008-01-01
	run --separate-stderr -0 enrol b.csv
	on_stderr
	assert_output --regexp '^enrol: added 1 person record \(1 already in the registry\) as journal entry 2; '
	indexes_kept
	run -0 report --db "$JIUZHU_DB" audit
	assert_output --partial 'audit: 0 differences'
}
