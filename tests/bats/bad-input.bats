#!/usr/bin/env bats
# Bad input (issue 8; quality.md "bad input never crashes"; cli.md "error
# messages" and exit 65): every command that reads records (enrol and
# assess persons, settle claims, grant decisions and funding, report a
# stream of settlement lines) refuses a broken input with one line on
# stderr naming the file, the line and the column, what is wrong and what
# would be right, then the line saying nothing was written; exit 65,
# nothing on stdout, no row of the database changed.  The small cases are
# files in tests/bad/ (see its README); big and binary ones are made here.

bats_require_minimum_version 1.5.0

BAD="$BATS_TEST_DIRNAME/../bad"
E=2007-07-01/medical/110105197003030016

setup_file() {
	load 'test_helper/common-setup'
	_common_setup
	cd "$BATS_FILE_TMPDIR" || return 1
	export JIUZHU_DB="$BATS_FILE_TMPDIR/base.db"
	enrol -q --policy "$DATA/settle/policy.json" "$DATA/grant/household.csv" > /dev/null
	enrol -q --kind institution "$DATA/settle/institutions.csv" > /dev/null
	grant -q "$DATA/settle/entitlement.csv" > /dev/null
	sqlite3 "$JIUZHU_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
	cp "$BATS_FILE_TMPDIR/base.db" "$JIUZHU_DB"
}

# The rows of every table, to compare before and after a run.
db_rows() {
	local q
	q=$(sqlite3 "$JIUZHU_DB" "SELECT group_concat('SELECT ''' || name || ''', count(*) FROM \"' || name || '\"', ' UNION ALL ')
		FROM sqlite_master WHERE type = 'table'")
	sqlite3 "$JIUZHU_DB" "$q"
}

# The parts of a good record of each kind around one text column, to make
# bad ones: CSV header, the row before and after the column, the column's
# name and number; the JSON object before and after the column's value.
parts() {
	case $1 in
	person | assess)
		HEADER=national_id,name,household_id,relation,street,hukou_type,employment,monthly_income
		BEFORE=110105198001010016, AFTER=,H1,head,Sanlitun,urban,employed,420.50
		COLUMN=name N=2
		JBEFORE='{"national_id":"110105198001010016","name":'
		JAFTER=',"household_id":"H1","relation":"head","street":"Sanlitun","hukou_type":"urban","employment":"employed"}' ;;
	claim)
		HEADER=claim_id,institution,national_id,visit_date,visit_type,referral,total,insurance_paid,advance
		BEFORE= AFTER=,SQ1,110105197003030016,2007-07-10,outpatient,,81.25,,40.63
		COLUMN=claim_id N=1
		JBEFORE='{"claim_id":'
		JAFTER=',"institution":"SQ1","national_id":"110105197003030016","visit_date":"2007-07-10","visit_type":"outpatient","total":"81.25","advance":"40.63"}' ;;
	decision)
		HEADER=decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy
		BEFORE=$E,2007-07-01,medical,person, AFTER=,110105197003030016,,yes,0.00,month,dibao_member,
		COLUMN=household_id N=5
		JBEFORE="{\"decision_id\":\"$E\",\"as_of\":\"2007-07-01\",\"programme\":\"medical\",\"unit\":\"person\",\"household_id\":"
		JAFTER=',"national_id":"110105197003030016","eligible":"yes","amount":"0.00","period":"month","reason":"dibao_member"}' ;;
	funding)
		HEADER=account,date,amount,source,note
		BEFORE=district,2007-09-30,5000.00,lottery, AFTER=
		COLUMN=note N=5
		JBEFORE='{"account":"district","date":"2007-09-30","amount":"5000.00","source":"lottery","note":'
		JAFTER='}' ;;
	line)
		HEADER=claim_id,institution,national_id,visit_date,visit_type,referral,total,insurance_paid,advance,corrects,computed,approved,status,reason
		BEFORE= AFTER=,SQ1,110105197003030016,2007-07-10,outpatient,no,81.25,0.00,40.63,,40.63,40.63,approved,
		COLUMN=claim_id N=1
		JBEFORE='{"claim_id":'
		JAFTER=',"institution":"SQ1","national_id":"110105197003030016","visit_date":"2007-07-10","visit_type":"outpatient","total":"81.25","advance":"40.63","computed":"40.63","approved":"40.63","status":"approved"}' ;;
	esac
}

# Write to file a CSV of kind with the text column's cell made by the
# command given (printf, head ...).
bad_csv() { # kind file command...
	parts "$1"
	local file=$2
	shift 2
	{ printf '%s\n%s' "$HEADER" "$BEFORE"; "$@"; printf '%s\n' "$AFTER"; } > "$file"
}

# The same as a JSON line: the command makes the value, quotes and all.
bad_jsonl() { # kind file command...
	parts "$1"
	local file=$2
	shift 2
	{ printf '%s' "$JBEFORE"; "$@"; printf '%s\n' "$JAFTER"; } > "$file"
}

# refused KIND FILE WHAT: the command that reads KIND refuses FILE (exit
# 65, nothing on stdout, no row changed) with the one line "CMD: FILE:WHAT"
# and the line that says nothing was written.
refused() {
	local kind=$1 file=$2 what=$3 before prog name=$2
	before=$(db_rows)
	case $kind in
	person) prog=enrol; run --separate-stderr -65 enrol "$file" ;;
	assess) prog=assess; run --separate-stderr -65 assess --as-of 2007-10-01 "$file" ;;
	claim) prog=settle; run --separate-stderr -65 settle --quarter 2007Q3 "$file" ;;
	decision) prog=grant; run --separate-stderr -65 grant "$file" ;;
	funding) prog=grant; run --separate-stderr -65 grant --kind funding "$file" ;;
	line) prog=report; run --separate-stderr -65 report lines "$file" ;;
	esac
	assert_output ''
	on_stderr
	assert_line --index 0 "$prog: $name:$what"
	assert_line --index 1 --regexp "^$prog: .*nothing was (written|assessed|reported)\$"
	assert_equal "${#lines[@]}" 2
	assert_equal "$(db_rows)" "$before"
}

ALL="person assess claim decision funding line"

# ---- files cut short ----

@test "bad input: a CSV file cut in the middle of its last row, for every reader" {
	refused person "$BAD/person-cut-row.csv" "3: row has 5 fields; the header has 8: the file ends inside the row; is it cut short?"
	refused assess "$BAD/person-cut-row.csv" "3: row has 5 fields; the header has 8: the file ends inside the row; is it cut short?"
	refused claim "$BAD/claim-cut-row.csv" "3: row has 4 fields; the header has 9: the file ends inside the row; is it cut short?"
	refused decision "$BAD/decision-cut-row.csv" "3: row has 4 fields; the header has 12: the file ends inside the row; is it cut short?"
	refused funding "$BAD/funding-cut-row.csv" "3: row has 3 fields; the header has 5: the file ends inside the row; is it cut short?"
	refused line "$BAD/line-cut-row.csv" "3: row has 11 fields; the header has 14: the file ends inside the row; is it cut short?"
}

@test "bad input: a CSV file cut inside a quoted field, for every reader" {
	local msg="a quoted field is not closed: the file ends inside field"
	refused person "$BAD/person-cut-quote.csv" "3: name: $msg 2; is it cut short, or a quote not doubled?"
	refused assess "$BAD/person-cut-quote.csv" "3: name: $msg 2; is it cut short, or a quote not doubled?"
	refused claim "$BAD/claim-cut-quote.csv" "3: claim_id: $msg 1; is it cut short, or a quote not doubled?"
	refused decision "$BAD/decision-cut-quote.csv" "2: reason: $msg 11; is it cut short, or a quote not doubled?"
	refused funding "$BAD/funding-cut-quote.csv" "2: note: $msg 5; is it cut short, or a quote not doubled?"
}

@test "bad input: a JSON line cut short, for every reader" {
	local msg="not valid JSON: the record ends before its closing bracket or quote; is it cut short?"
	refused person "$BAD/person-cut-line.jsonl" "2: name: $msg"
	refused assess "$BAD/person-cut-line.jsonl" "2: name: $msg"
	refused claim "$BAD/claim-cut-line.jsonl" "2: national_id: $msg"
	refused decision "$BAD/decision-cut-line.jsonl" "1: reason: $msg"
	refused line "$BAD/line-cut-line.jsonl" "1: approved: $msg"
	# the half ID is not shown
	run -65 settle --quarter 2007Q3 "$BAD/claim-cut-line.jsonl"
	refute_output --partial 1101051970
}

@test "bad input: a JSON array cut short is a file that cannot be read" {
	printf '[{"national_id":"110105198001010016","name":"Wang' > cut.json
	refused person cut.json "1: not a JSON array of objects: the file ends before the closing ]; is it cut short?"
}

# ---- quotes ----

@test "bad input: a stray quote inside a CSV field, for every reader" {
	local msg="a stray quote in field"
	refused person "$BAD/person-stray-quote.csv" "2: name: $msg 2; a field with a quote in it must be quoted whole, each quote inside doubled"
	refused assess "$BAD/person-stray-quote.csv" "2: name: $msg 2; a field with a quote in it must be quoted whole, each quote inside doubled"
	refused claim "$BAD/claim-stray-quote.csv" "2: claim_id: $msg 1; a field with a quote in it must be quoted whole, each quote inside doubled"
	for kind in decision funding line; do
		bad_csv $kind in.csv printf 'A"B'
		refused $kind in.csv "2: $COLUMN: $msg $N; a field with a quote in it must be quoted whole, each quote inside doubled"
	done
}

# ---- bytes that are no text ----

@test "bad input: a NUL byte in a CSV field, for every reader" {
	for kind in $ALL; do
		bad_csv $kind in.csv printf 'Wang\0Jianguo'
		refused $kind in.csv "2: $COLUMN: contains a NUL byte (byte 5); text cannot hold one: is the file binary?"
	done
}

@test "bad input: a NUL byte, raw or as \\u0000, in a JSON line, for every reader" {
	for kind in $ALL; do
		bad_jsonl $kind raw.jsonl printf '"Wang\0Jianguo"'
		parts $kind
		refused $kind raw.jsonl "1: $COLUMN: contains a NUL byte (byte $((${#JBEFORE} + 6))); text cannot hold one"
		bad_jsonl $kind escaped.jsonl printf '"Wang\\u0000Jianguo"'
		refused $kind escaped.jsonl "1: $COLUMN: contains a NUL byte as \\u0000 (byte $((${#JBEFORE} + 6))); text cannot hold one"
	done
}

@test "bad input: invalid UTF-8 in a field, for every reader" {
	for kind in $ALL; do
		bad_csv $kind in.csv printf 'Wang\377\376'
		refused $kind in.csv "2: $COLUMN: invalid UTF-8 at byte 5; is the input GB18030? try --encoding GB18030"
		bad_jsonl $kind in.jsonl printf '"Wang\377\376"'
		refused $kind in.jsonl "1: $COLUMN: invalid UTF-8 at byte 5; is the input GB18030? try --encoding GB18030"
	done
}

@test "bad input: GBK bytes without --encoding, once a record, for every reader; with --encoding GBK they are read" {
	for kind in $ALL; do
		bad_csv $kind in.csv printf '\315\365\275\250\271\372' # 王建国
		refused $kind in.csv "2: $COLUMN: invalid UTF-8 at byte 1; is the input GB18030? try --encoding GB18030"
	done
	bad_csv person gbk.csv printf '\315\365\275\250\271\372'
	run --separate-stderr -0 enrol -q --encoding GBK gbk.csv
	run sqlite3 "$JIUZHU_DB" "SELECT name FROM person WHERE national_id = '110105198001010016'"
	assert_output '王建国'
}

@test "bad input: with --encoding GB18030, bytes that are not GB18030 stop the run at their line" {
	bad_csv person in.csv printf 'Wang\377'
	before=$(db_rows)
	run --separate-stderr -65 enrol --encoding GB18030 in.csv
	assert_output ''
	on_stderr
	assert_output 'enrol: in.csv:2: byte ff is not valid in the input encoding; is --encoding right?'
	assert_equal "$(db_rows)" "$before"
}

# ---- size ----

@test "bad input: a 10 MB CSV field stops the file at 65536 bytes, for every reader" {
	for kind in $ALL; do
		bad_csv $kind in.csv sh -c "head -c 10485760 /dev/zero | tr '\\0' a"
		refused $kind in.csv "2: $COLUMN: field $N is longer than 65536 bytes, the most a field may hold; is a quote not closed?"
	done
}

@test "bad input: a 10 MB JSON field passes the 1 MiB a record may hold, for every reader" {
	for kind in $ALL; do
		bad_jsonl $kind in.jsonl sh -c "printf '\"'; head -c 10485760 /dev/zero | tr '\\0' a; printf '\"'"
		refused $kind in.jsonl "1: $COLUMN: the record is longer than 1048576 bytes, the most one may hold (a field: 65536)"
	done
}

@test "bad input: a JSON field of 100,000 bytes is longer than a field may be" {
	for kind in person claim funding; do
		bad_jsonl $kind in.jsonl sh -c "printf '\"'; head -c 100000 /dev/zero | tr '\\0' a; printf '\"'"
		refused $kind in.jsonl "1: $COLUMN: is 100000 bytes long; a field has at most 65536"
	done
}

@test "bad input: a header of 100,000 columns, and a row of 100,000 fields, for every reader" {
	local cols
	cols=$(awk 'BEGIN { for (i = 0; i < 100000; i++) printf ",x%d", i }')
	for kind in $ALL; do
		parts $kind
		printf '%s%s\n%s%s%s\n' "$HEADER" "$cols" "$BEFORE" Wang "$AFTER" > wide-header.csv
		refused $kind wide-header.csv "1: 100000 unknown columns: x0, x1, x2, x3, x4, ...; is it the right kind of file?"
		local n
		n=$(awk -F, '{ print NF }' <<< "$HEADER")
		printf '%s\n%s%s%s%s\n' "$HEADER" "$BEFORE" Wang "$AFTER" "$cols" > wide-row.csv
		refused $kind wide-row.csv "2: row has $((n + 100000)) fields; the header has $n"
	done
}

@test "bad input: JSON nested 10,000 deep, in a value and as the record, for every reader" {
	local deep
	deep=$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "["; for (i = 0; i < 10000; i++) printf "]" }')
	for kind in $ALL; do
		bad_jsonl $kind in.jsonl printf '%s' "$deep"
		refused $kind in.jsonl "1: $COLUMN: must be a string, number, true, false or null; this one is nested more than 1000 deep"
		printf '[%s]\n' "$deep" > in.json
		refused $kind in.json "1: a record must be a JSON object; this one is nested more than 1000 deep"
	done
}

# ---- values ----

@test "bad input: 1e308 as money, in CSV and as a JSON number, for every reader" {
	local msg="is not an amount; expected e.g. 330 or 330.50"
	# A JSON number is read from its own digits (cli.md, JSON is typed).
	local exp="1e308 is an amount in exponent form; write it in digits, with at most two decimals, e.g. 701.50"
	refused person "$BAD/person-money-1e308.csv" "2: monthly_income: '1e308' $msg"
	refused assess "$BAD/person-money-1e308.csv" "2: monthly_income: '1e308' $msg"
	refused person "$BAD/person-money-1e308.jsonl" "1: monthly_income: $exp"
	refused assess "$BAD/person-money-1e308.jsonl" "1: monthly_income: $exp"
	refused claim "$BAD/claim-money-1e308.csv" "2: total: '1e308' $msg"
	refused claim "$BAD/claim-money-1e308.jsonl" "1: total: $exp"
	refused decision "$BAD/decision-money-1e308.csv" "2: amount: '1e308' $msg"
	refused funding "$BAD/funding-money-1e308.jsonl" "1: amount: $exp"
	refused line "$BAD/line-money-1e308.csv" "2: approved: '1e308' $msg"
}

@test "bad input: money above 999999999999.99 is too large, and says the most" {
	printf 'account,date,amount,source,note\ndistrict,2007-09-30,1000000000000.00,lottery,\n' > big.csv
	refused funding big.csv "2: amount: '1000000000000.00' is too large; the most is 999999999999.99"
}

@test "bad input: negative money, for every reader" {
	local msg="is negative; a non-negative amount is needed"
	refused person "$BAD/person-money-negative.csv" "2: monthly_income: '-420.50' $msg"
	refused assess "$BAD/person-money-negative.csv" "2: monthly_income: '-420.50' $msg"
	refused claim "$BAD/claim-money-negative.csv" "2: advance: '-40.63' $msg"
	refused decision "$BAD/decision-money-negative.csv" "2: amount: '-1.00' $msg"
	refused funding "$BAD/funding-money-negative.csv" "2: amount: '-5000.00' $msg"
	refused line "$BAD/line-money-negative.csv" "2: approved: '-40.63' $msg"
}

@test "bad input: 2007-02-29 and 2007-13-01 are no dates, for every reader" {
	refused person "$BAD/person-date-feb29.csv" "2: effective: 2007-02-29 is not a real date: 2007-02 has 28 days"
	refused assess "$BAD/person-date-feb29.csv" "2: effective: 2007-02-29 is not a real date: 2007-02 has 28 days"
	refused person "$BAD/person-date-month13.csv" "2: effective: 2007-13-01 is not a real date: there is no month 13"
	refused assess "$BAD/person-date-month13.csv" "2: effective: 2007-13-01 is not a real date: there is no month 13"
	refused claim "$BAD/claim-date-feb29.csv" "2: visit_date: 2007-02-29 is not a real date: 2007-02 has 28 days"
	refused claim "$BAD/claim-date-month13.csv" "2: visit_date: 2007-13-01 is not a real date: there is no month 13"
	refused decision "$BAD/decision-date-feb29.csv" "2: as_of: 2007-02-29 is not a real date: 2007-02 has 28 days"
	refused decision "$BAD/decision-date-month13.csv" "2: as_of: 2007-13-01 is not a real date: there is no month 13"
	refused funding "$BAD/funding-date-feb29.csv" "2: date: 2007-02-29 is not a real date: 2007-02 has 28 days"
	refused funding "$BAD/funding-date-month13.csv" "2: date: 2007-13-01 is not a real date: there is no month 13"
	refused line "$BAD/line-date-feb29.csv" "2: visit_date: 2007-02-29 is not a real date: 2007-02 has 28 days"
}

# ---- SQL is text ----

@test "bad input: SQL in a name is a name: stored as given, every table still there" {
	run --separate-stderr -0 enrol "$BAD/person-sql-name.csv"
	assert_line --index 1 --partial "110105198001010016,Robert'); DROP TABLE person;--,H1,head,"
	run sqlite3 "$JIUZHU_DB" "SELECT name FROM person WHERE national_id = '110105198001010016'"
	assert_output "Robert'); DROP TABLE person;--"
	[ "$(db_count person)" = 6 ] # the five of the base and Robert
}

@test "bad input: SQL in a claim id and in a funding note is stored as given" {
	run --separate-stderr -0 settle -q --quarter 2007Q3 "$BAD/claim-sql-id.csv"
	assert_line --index 1 --partial "A1'); DROP TABLE claim;--,SQ1,"
	run sqlite3 "$JIUZHU_DB" "SELECT claim_id, status FROM claim"
	assert_output "A1'); DROP TABLE claim;--|approved"
	run --separate-stderr -0 grant -q --kind funding "$BAD/funding-sql-note.csv"
	run sqlite3 "$JIUZHU_DB" "SELECT note FROM funding"
	assert_output "x'); DROP TABLE funding;--"
	[ "$(db_count claim)" = 1 ]
	[ "$(db_count person)" = 5 ]
}

# ---- --keep-going ----

@test "bad input: under --keep-going a record of bad bytes goes to the rejects with its reason" {
	parts person
	{ printf '%s\n' "$HEADER" "110105198001010024,Li,H2,head,Sanlitun,urban,employed,0"
	  printf '%sWang\0%s\n' "$BEFORE" "$AFTER"; } > in.csv
	run --separate-stderr -1 enrol -q --keep-going --rejects rejects.csv in.csv
	run cut -d, -f1-4 rejects.csv
	assert_line --index 1 'in.csv,3,name,name: contains a NUL byte (byte 5); text cannot hold one: is the file binary?'
	[ "$(db_count person)" = 6 ] # the five of the base and Li
}
