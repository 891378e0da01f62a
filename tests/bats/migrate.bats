#!/usr/bin/env bats
# A registry written before migration 5 (schemas/005-lifecycle.sql): every
# command opens it, brings it up to date first, and reads its persons as
# active (lifecycle.md, "Life events are person versions").
#
# The file is built here with sqlite3 from schemas/001..004 and a few rows,
# as an older jiuzhu left it: journal entry 1 (hash chained as jiuzhu(7)
# says) that stored the default policy and added household H1 of three,
# all from 2007-09-01:
#   110105198001010016 Wang Jianguo head   employed 420.50
#   110105198001010024 Li Xiuying   spouse unable     0.00
#   110105198001010032 Wang Lei     child  unable     0.00

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	schema4
}

ZEROS=0000000000000000000000000000000000000000000000000000000000000000

# The schema-4 registry described above, in $JIUZHU_DB.
schema4() {
	local at=2007-09-01T08:00:00Z user=clerk command='enrol old.csv' inputs='[]'
	local sha policy changes='{"policy":1,"person":3}' hash
	# Its first run stored the policy it used, as every run does.
	sha=$(sha256sum < "$ROOT/policies/chaoyang-2007.json" | cut -c1-64)
	policy=chaoyang-2007@$(printf '%.12s' "$sha")
	hash=$(printf '%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s' 1 "$at" "$user" "$command" "$inputs" \
		"$policy" "$changes" "$ZEROS" | sha256sum | cut -c1-64)
	cat "$ROOT"/schemas/00[1-4]-*.sql > schema4.sql
	cat >> schema4.sql <<-EOF
	INSERT INTO journal VALUES (1, '$at', '$user', '$command', '$inputs', '$policy', '$changes',
	  '$ZEROS', '$hash');
	INSERT INTO policy VALUES ('chaoyang-2007', '$sha', 1,
	  readfile('$ROOT/policies/chaoyang-2007.json'));
	INSERT INTO person (national_id, name, household_id, relation, street, hukou_type,
	  hukou_local, employment, monthly_income, insurance, disability, disability_cert, illness,
	  cerebral_palsy, rehab_training, student_level, wubao, hukou_pending, enterprise_hardship,
	  one_child_hardship, troop, returned_overseas, self_care, housing_need, dilapidated_house,
	  effective, entry, src, line) VALUES
	  ('110105198001010016', 'Wang Jianguo', 'H1', 'head', 'Sanlitun', 'urban', 1, 'employed',
	   42050, 'employee', 'none', 0, 'none', 0, 0, 'none', 0, 0, 0, 0, 0, 0, 'full', 0, 0,
	   '2007-09-01', 1, 0, 2),
	  ('110105198001010024', 'Li Xiuying', 'H1', 'spouse', 'Sanlitun', 'urban', 1, 'unable',
	   0, 'resident', 'none', 0, 'none', 0, 0, 'none', 0, 0, 0, 0, 0, 0, 'full', 0, 0,
	   '2007-09-01', 1, 0, 3),
	  ('110105198001010032', 'Wang Lei', 'H1', 'child', 'Sanlitun', 'urban', 1, 'unable',
	   0, 'resident', 'none', 0, 'none', 0, 0, 'none', 0, 0, 0, 0, 0, 0, 'full', 0, 0,
	   '2007-09-01', 1, 0, 4);
	PRAGMA user_version = 4;
	EOF
	sqlite3 "$JIUZHU_DB" < schema4.sql
	chmod 600 "$JIUZHU_DB" # as jiuzhu makes it: sqlite3 heeds the umask (audit.md Files)
}

user_version() {
	sqlite3 "$JIUZHU_DB" 'PRAGMA user_version'
}

# The latest schema: the number of migrations (schemas/NNN-*.sql), each
# applied in turn.
latest() {
	find "$ROOT/schemas" -name '[0-9][0-9][0-9]-*.sql' | wc -l
}

has_status() {
	sqlite3 "$JIUZHU_DB" "SELECT count(*) FROM pragma_table_info('person') WHERE name = 'status'"
}

# The eligible, amount and reason of H1's dibao decision on $1 (default policy).
dibao_h1() {
	assess --as-of "$1" --programme dibao -f jsonl | grep -F '/dibao/H1"' | decision_fields
}

@test "migrate: a schema-4 file is read, assessed, enrolled into and audited, and is at the latest schema after (lifecycle.md Life events are person versions)" {
	assert_equal "$(user_version)" 4
	assert_equal "$(has_status)" 0
	run report summary --as-of 2007-10-01
	assert_success
	assert_line --index 0 'programme,households,persons,payments,amount'
	assert_equal "$(user_version)" "$(latest)"
	assert_equal "$(has_status)" 1
	# the old rows are active, never reviewed, without an account
	run sqlite3 "$JIUZHU_DB" "SELECT DISTINCT status, coalesce(reviewed_on, '-'), coalesce(bank_account, '-') FROM person"
	assert_output 'active|-|-'
	# H1 under chaoyang-2007: S = 330.00, n = 3, I = 420.50: 990.00 - 420.50
	run dibao_h1 2007-10-01
	assert_output 'yes 569.50 income_below_standard'
	# a death notice on the old registry; from then on n = 2: 660.00 - 420.50
	printf '%s\n' national_id,effective,status 110105198001010032,2007-10-15,deceased > death.csv
	run enrol -q --kind change death.csv
	assert_success
	assert_equal "$(sqlite3 "$JIUZHU_DB" 'SELECT prev FROM journal WHERE entry = 2')" \
		"$(sqlite3 "$JIUZHU_DB" 'SELECT hash FROM journal WHERE entry = 1')"
	run dibao_h1 2007-11-01
	assert_output 'yes 239.50 income_below_standard'
	run dibao_h1 2007-10-01
	assert_output 'yes 569.50 income_below_standard'
	run report audit
	assert_success
	assert_output --partial '0 differences'
	assert_equal "$(user_version)" "$(latest)"
}

@test "migrate: whichever command opens a schema-4 file first brings it to the latest schema (lifecycle.md Life events are person versions)" {
	run assess --as-of 2007-10-01 --programme dibao
	assert_success
	assert_equal "$(user_version)" "$(latest)"
	schema_again() { rm -f "$JIUZHU_DB" "$JIUZHU_DB"-wal "$JIUZHU_DB"-shm; schema4; }
	schema_again
	run report audit
	assert_success
	assert_equal "$(user_version)" "$(latest)"
	schema_again
	printf '%s\n' national_id,effective,reviewed_on 110105198001010016,2008-03-10,2008-03-10 > visit.csv
	run enrol -q --kind change visit.csv
	assert_success
	assert_equal "$(user_version)" "$(latest)"
	run sqlite3 "$JIUZHU_DB" "SELECT effective, coalesce(reviewed_on, '-'), status FROM person WHERE national_id = '110105198001010016' ORDER BY effective"
	assert_output $'2007-09-01|-|active\n2008-03-10|2008-03-10|active'
}
