#!/usr/bin/env bats
# enrol: options, exit status, output formats, --dry-run, -o and file modes
# (cli.md enrol, shared options, exit status; quality.md security).
# The other enrol-*.bats files test values, input and the registry.
#
# tests/data/enrol/household.csv holds 110105198001010016 (Wang Jianguo,
# head, 420.50) and 110105198001010024 (Li Xiuying, spouse, 0) of H1, both
# born 1980-01-01 (check characters in enrol-values.bats): aged 27 on
# 2007-09-01 and 46 on 2026-11-29 (JIUZHU_TODAY).

bats_require_minimum_version 1.5.0

setup() { load 'test_helper/common-setup'; _common_setup; }

OUT_HEADER=national_id,name,household_id,relation,street,community,hukou_type,hukou_local,residence_since,sex,birth_date,employment,able_to_work,monthly_income,insurance,disability,disability_grade,disability_cert,illness,cerebral_palsy,rehab_training,student_level,wubao,released_on,hukou_pending,enterprise_hardship,one_child_hardship,troop,returned_overseas,self_care,housing_need,dilapidated_house,status,reviewed_on,bank_account,effective,age
WANG_2007='110105198001010016,Wang Jianguo,H1,head,Sanlitun,,urban,yes,,m,1980-01-01,employed,,420.50,none,none,,no,none,no,no,none,no,,no,no,no,no,no,full,no,no,active,,,2007-09-01,27'
LI_2007='110105198001010024,Li Xiuying,H1,spouse,Sanlitun,,urban,yes,,f,1980-01-01,unable,,0.00,none,none,,no,none,no,no,none,no,,no,no,no,no,no,full,no,no,active,,,2007-09-01,27'

# ---- options and exit status ----

@test "enrol: --help exits 0 and names --kind, --keep-going and --rejects (cli.md enrol)" {
	run --separate-stderr enrol --help
	assert_success
	assert_output --partial '--kind=KIND'
	assert_output --partial '--keep-going'
	assert_output --partial '--rejects=FILE'
	assert_output --partial '--dry-run'
	assert_output --partial '--encoding=ENC'
	nothing_stored
}

@test "enrol: --version and --usage exit 0 (cli.md shared options)" {
	run enrol --version
	assert_success
	assert_output --regexp '^enrol \(jiuzhu\) [0-9]'
	run enrol --usage
	assert_success
	assert_output --partial 'Usage: enrol'
}

@test "enrol: an unknown option is a usage error, exit 64, and creates no database (cli.md exit status)" {
	run -64 enrol --bogus "$DATA/enrol/household.csv"
	assert_line --partial "unrecognized option '--bogus'"
	nothing_stored
}

@test "enrol: bad --kind, --format, --input-format and --as-of values are usage errors, exit 64 (cli.md exit status)" {
	run -64 enrol --kind persons "$DATA/enrol/household.csv"
	assert_line 'enrol: --kind persons: expected person, change, application, institution, survey or staff'
	run -64 enrol -f xml "$DATA/enrol/household.csv"
	assert_line 'enrol: --format xml: expected csv, tsv, jsonl, json, table or xlsx'
	run -64 enrol --input-format table "$DATA/enrol/household.csv"
	assert_line 'enrol: --input-format table: expected csv, tsv, jsonl or json'
	run -64 enrol --as-of 2007-02-30 "$DATA/enrol/household.csv"
	assert_line 'enrol: --as-of: 2007-02-30 is not a real date: 2007-02 has 28 days'
	nothing_stored
}

@test "every command: --busy-timeout out of 0 to 86400, or no number, is a usage error, exit 64 (issue 13)" {
	for c in enrol assess grant settle report; do
		for t in -1 86401 4294967296 99999999999999999999 10s ''; do
			run -64 "$c" --busy-timeout "$t"
			assert_line "$c: --busy-timeout $t: expected seconds from 0 to 86400"
		done
	done
	nothing_stored
}

@test "enrol: a missing input file is exit 66, naming the file (cli.md exit status)" {
	run --separate-stderr -66 enrol nosuch.csv
	assert_output ''
	on_stderr
	assert_output 'enrol: nosuch.csv: cannot read: No such file or directory'
}

@test "enrol: a missing second input file writes nothing from the first (cli.md exit status)" {
	run enrol -q --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	printf '%s\n' "$PERSON_HEADER" 110105198001010032,Zhao,H3,head,Sanlitun,urban,employed,0 > z.csv
	run -66 enrol z.csv nosuch.csv
	assert_line 'enrol: nosuch.csv: cannot read: No such file or directory'
	[ "$(db_count person)" = 2 ]
	[ "$(db_count journal)" = 1 ]
}

@test "enrol: a missing input file stores nothing (cli.md --db)" {
	run -66 enrol nosuch.csv
	nothing_stored
}

@test "enrol: --db names the database instead of \$JIUZHU_DB (cli.md --db)" {
	run enrol -q --db other.db "$DATA/enrol/household.csv"
	assert_success
	[ -e other.db ]
	nothing_stored
	run sqlite3 other.db "SELECT count(*) FROM person"
	assert_output 2
}

@test "enrol: without -q a run says what it added and under which journal entry (cli.md enrol)" {
	run --separate-stderr enrol "$DATA/enrol/household.csv"
	assert_success
	on_stderr
	assert_output --partial 'enrol: added 2 person records (0 already in the registry) as journal entry 1; journal 1 '
	run --separate-stderr enrol -q "$DATA/enrol/persons.json"
	assert_success
	assert_equal "$stderr" ''
}

# ---- output formats ----

@test "enrol: CSV output is the records as stored, with sex, birth_date and age on --as-of (cli.md enrol)" {
	run --separate-stderr enrol -q --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	assert_output - <<-EOF
	$OUT_HEADER
	$WANG_2007
	$LI_2007
	EOF
}

@test "enrol: age is on today when --as-of is not given (cli.md enrol)" {
	run --separate-stderr enrol -q "$DATA/enrol/household.csv"
	assert_success
	# born 1980-01-01, today 2026-11-29: 46; effective defaults to today
	assert_line --index 1 --partial ',m,1980-01-01,employed,,420.50,'
	assert_line --index 1 --partial ',2026-11-29,46'
	assert_line --index 2 --partial ',2026-11-29,46'
}

@test "enrol: -f jsonl writes one JSON object per line, typed: money a number of two decimals, dates as text, empty as null (cli.md --format)" {
	run --separate-stderr enrol -q -f jsonl --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	assert_equal "${#lines[@]}" 2
	assert_line --index 0 --regexp '^\{"national_id":"110105198001010016","name":"Wang Jianguo",'
	assert_line --index 0 --partial '"monthly_income":420.50,'
	printf '%s\n' "${lines[0]}" > 1.json
	printf '%s\n' "${lines[1]}" > 2.json
	run sqlite3 :memory: "SELECT json_valid(readfile('1.json')), json_valid(readfile('2.json')),
		json_extract(readfile('1.json'), '\$.national_id'), json_extract(readfile('1.json'), '\$.name'),
		json_extract(readfile('1.json'), '\$.monthly_income'), json_type(readfile('1.json'), '\$.monthly_income'),
		json_type(readfile('1.json'), '\$.community'), json_extract(readfile('1.json'), '\$.sex'),
		json_extract(readfile('2.json'), '\$.birth_date'), json_extract(readfile('2.json'), '\$.age'),
		json_extract(readfile('2.json'), '\$.relation')"
	assert_output '1|1|110105198001010016|Wang Jianguo|420.5|real|null|m|1980-01-01|27|spouse'
}

@test "enrol: -f json writes one JSON array of the records (cli.md --format)" {
	run --separate-stderr enrol -q -f json -o out.json --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	assert_output ''
	run sqlite3 :memory: "SELECT json_valid(readfile('out.json')), json_type(readfile('out.json')),
		json_array_length(readfile('out.json')), json_extract(readfile('out.json'), '\$[0].national_id'),
		json_extract(readfile('out.json'), '\$[1].name'), json_extract(readfile('out.json'), '\$[1].monthly_income'),
		json_extract(readfile('out.json'), '\$[1].effective')"
	assert_output '1|array|2|110105198001010016|Li Xiuying|0.0|2007-09-01'
	run head -c 1 out.json
	assert_output '['
}

@test "enrol: -f table aligns the columns for people, CJK characters counting two (cli.md --format)" {
	run --separate-stderr enrol -q -f table --as-of 2007-09-01 "$DATA/enrol/chinese.csv"
	assert_success
	refute_output --partial ','
	assert_equal "${#lines[@]}" 3
	# every CJK character here is 3 bytes of UTF-8 and 2 columns wide: make it XX
	mapfile -t rows < <(printf '%s\n' "$output" | LC_ALL=C sed 's/[\xe4-\xe9][\x80-\xbf][\x80-\xbf]/XX/g')
	header=${rows[0]}
	[[ $header == *national_id*name*household_id*street*community*monthly_income*age ]]
	# left-aligned text columns start where their header starts
	before=${header%%household_id*}
	assert_equal "${rows[1]:${#before}:8}" 'SLT-001 '
	assert_equal "${rows[2]:${#before}:8}" 'SLT-001 '
	before=${header%%community*}
	assert_equal "${rows[1]:${#before}:10}" XXXXXXXXXX
	# numbers are right-aligned: they end where the header ends
	before=${header%%monthly_income*}
	end=$((${#before} + 14))
	assert_equal "${rows[1]:$((end - 6)):7}" '420.50 '
	assert_equal "${rows[2]:$((end - 5)):6}" ' 0.00 '
	assert_equal "${rows[1]: -3}" ' 27'
	assert_equal "${header: -3}" 'age'
}

@test "enrol: -o FILE writes the output to FILE, mode 0600 even with umask 022, and nothing on stdout (cli.md -o)" {
	umask 022
	echo old > out.csv
	chmod 644 out.csv
	run --separate-stderr enrol -q -o out.csv --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	assert_output ''
	[ "$(stat -c %a out.csv)" = 600 ]
	run cat out.csv
	assert_output - <<-EOF
	$OUT_HEADER
	$WANG_2007
	$LI_2007
	EOF
	# no temporary file is left beside it
	run ls
	refute_output --partial 'out.csv.'
}

@test "enrol: -o FILE is left alone when the run fails (cli.md -o)" {
	echo old > out.csv
	printf '%s\n' "$PERSON_HEADER" 110105198001010015,A,H1,head,Sanlitun,urban,employed,0 > bad.csv
	run -65 enrol -o out.csv bad.csv
	run cat out.csv
	assert_output old
	run ls
	refute_output --partial 'out.csv.'
}

@test "enrol: its own CSV and JSON Lines output, fed back in, is nothing new (cli.md enrol)" {
	run --separate-stderr enrol -q --as-of 2007-09-01 -o out.csv "$DATA/enrol/household.csv"
	assert_success
	run --separate-stderr enrol -q -f jsonl -o out.jsonl "$DATA/enrol/persons.json"
	assert_success
	run --separate-stderr enrol out.csv
	assert_success
	assert_equal "$stderr" 'enrol: nothing new: 2 records already in the registry'
	run --separate-stderr enrol out.jsonl
	assert_success
	assert_equal "$stderr" 'enrol: nothing new: 2 records already in the registry'
	[ "$(db_count journal)" = 2 ]
	[ "$(db_count person)" = 4 ]
}

@test "enrol: an output, rejects or database file that cannot be created is exit 73 (cli.md exit status)" {
	run -73 enrol -o nodir/out.csv "$DATA/enrol/household.csv"
	assert_line --partial 'nodir/out.csv'
	run -73 enrol --keep-going --rejects nodir/rejects.csv "$DATA/enrol/household.csv"
	assert_line --partial 'nodir/rejects.csv'
	nothing_stored
	run -73 enrol --db nodir/x.db "$DATA/enrol/household.csv"
	assert_line --partial 'nodir/x.db'
}

# ---- --dry-run ----

@test "enrol: --dry-run on no database prints what would be added and leaves no database (cli.md --dry-run)" {
	run --separate-stderr enrol --dry-run --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	assert_output - <<-EOF
	$OUT_HEADER
	$WANG_2007
	$LI_2007
	EOF
	on_stderr
	assert_output 'enrol: dry run: would add 2 person records (0 already in the registry); nothing was written'
	[ ! -e "$JIUZHU_DB" ]
	run -1 compgen -G '*.db*'
}

@test "enrol: --dry-run changes nothing in an existing registry (cli.md --dry-run)" {
	run enrol -q --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	cp "$JIUZHU_DB" before.db
	run --separate-stderr enrol -n "$DATA/enrol/persons.json"
	assert_success
	assert_line --index 1 --partial '110105198001010032,Zhao Gang,H3,head,'
	on_stderr
	assert_output 'enrol: dry run: would add 2 person records (0 already in the registry); nothing was written'
	cmp "$JIUZHU_DB" before.db
	[ "$(db_count person)" = 2 ]
	[ "$(db_count journal)" = 1 ]
}

@test "enrol: --dry-run still checks every record: a bad one is exit 65 (cli.md --dry-run)" {
	printf '%s\n' "$PERSON_HEADER" 110105198001010015,A,H1,head,Sanlitun,urban,employed,0 > bad.csv
	run -65 enrol --dry-run bad.csv
	assert_line 'enrol: bad.csv:2: national_id: check character is 5, expected 6'
	nothing_stored
}

# ---- file modes ----

@test "enrol: the database is created mode 0600 even with umask 022 (quality.md security)" {
	umask 022
	run enrol -q "$DATA/enrol/household.csv"
	assert_success
	[ "$(stat -c %a "$JIUZHU_DB")" = 600 ]
	run sqlite3 "$JIUZHU_DB" "PRAGMA journal_mode"
	assert_output wal
}

@test "enrol: the database is created mode 0600 even with umask 000 (quality.md security)" {
	umask 000
	run enrol -q "$DATA/enrol/household.csv"
	assert_success
	[ "$(stat -c %a "$JIUZHU_DB")" = 600 ]
	run enrol -q -o out.csv "$DATA/enrol/persons.json"
	assert_success
	[ "$(stat -c %a out.csv)" = 600 ]
}
