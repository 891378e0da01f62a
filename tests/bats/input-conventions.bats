#!/usr/bin/env bats
# The input conventions of cli.md, 'Conventions users of Miller, jq and
# sqlite-utils expect': typed JSON in, kinds recognised by the header,
# --ignore-unknown and empty header cells, TSV in, empty input.  Each test
# names the convention it checks.

bats_require_minimum_version 1.5.0

setup() { load 'test_helper/common-setup'; _common_setup; }

stored() {
	sqlite3 "$JIUZHU_DB" "select national_id, monthly_income, able_to_work from person order by national_id"
}

# ---- JSON is typed ----

@test "typed JSON: numbers, true/false and null store as the string forms do (cli.md, JSON is typed)" {
	person_csv in.csv \
		110105198001010016,A,H1,head,Sanlitun,urban,employed,701.5 \
		110105198001010024,B,H2,head,Sanlitun,urban,employed,701.50 \
		110105198001010032,C,H3,head,Sanlitun,urban,employed,701
	sed 's/employed,\(.*\)$/employed,\1,yes/; 1s/$/,able_to_work/' in.csv > strings.csv
	enrol -q strings.csv >/dev/null
	stored > strings.txt
	rm -f "$JIUZHU_DB"
	# The same records as typed JSON Lines, made by jq: the amounts as
	# numbers written as in the CSV, yes as true, an empty cell as null.
	printf '%s\n' \
		'{"national_id":"110105198001010016","name":"A","household_id":"H1","relation":"head","street":"Sanlitun","hukou_type":"urban","employment":"employed","monthly_income":701.5,"able_to_work":true,"community":null}' \
		'{"national_id":"110105198001010024","name":"B","household_id":"H2","relation":"head","street":"Sanlitun","hukou_type":"urban","employment":"employed","monthly_income":701.50,"able_to_work":true,"community":null}' \
		'{"national_id":"110105198001010032","name":"C","household_id":"H3","relation":"head","street":"Sanlitun","hukou_type":"urban","employment":"employed","monthly_income":701,"able_to_work":true,"community":null}' \
		> typed.jsonl
	jq -c . typed.jsonl > /dev/null # valid JSON
	enrol -q typed.jsonl >/dev/null
	stored > typed.txt
	run diff strings.txt typed.txt
	assert_success
	run cat typed.txt
	assert_line '110105198001010016|70150|1'
	assert_line '110105198001010032|70100|1'
}

@test "typed JSON: jq's own output (a JSON array) reads as its strings do (cli.md, JSON is typed)" {
	person_csv in.csv 110105198001010016,A,H1,head,Sanlitun,urban,employed,330.1
	enrol -q -f json in.csv > strings.json
	stored > strings.txt
	rm -f "$JIUZHU_DB"
	jq '[.[] | .monthly_income |= tonumber | .hukou_local = (.hukou_local == "yes")]' strings.json > typed.json
	enrol -q typed.json >/dev/null
	run diff strings.txt <(stored)
	assert_success
	run sqlite3 "$JIUZHU_DB" "select monthly_income from person"
	assert_output 33010
}

@test "typed JSON: money with more than two decimals names the field (cli.md, JSON is typed)" {
	echo '{"national_id":"110105198001010016","name":"A","household_id":"H1","relation":"head","street":"S","hukou_type":"urban","employment":"employed","monthly_income":701.505}' > in.jsonl
	run --separate-stderr -65 enrol in.jsonl
	on_stderr
	assert_line --partial 'in.jsonl:1: monthly_income: 701.505 has 3 decimals; money has at most two decimals'
	nothing_stored
}

# ---- Headers identify the kind ----

@test "typed JSON: money is never read through a double: a number too long to read as written is refused (cli.md, JSON is typed)" {
	# 0.1000...0001 has more than two decimals; read as a double it would
	# be 0.10 and pass.  Under an escaped key (monthly\u005fincome) its
	# digits are not found either: refused, not rounded.
	p='"national_id":"110105198001010016","name":"A","household_id":"H1","relation":"head","street":"S","hukou_type":"urban","employment":"employed"'
	printf '{%s,"monthly_income":0.1000000000000000000000000000000000000000000000001}\n' "$p" > long.jsonl
	run --separate-stderr -65 enrol long.jsonl
	on_stderr
	assert_line 'enrol: long.jsonl:1: monthly_income: the amount'"'"'s digits could not be read as written; write it with at most two decimals, e.g. 701.50, under a plain key'
	printf '{%s,"monthly\\u005fincome":0.100000000000000001}\n' "$p" > escaped.jsonl
	run --separate-stderr -65 enrol escaped.jsonl
	nothing_stored
}

@test "kind by header: a survey file without --kind is read as a survey (cli.md, Headers identify the kind)" {
	person_csv in.csv 110105198001010016,A,H1,head,Sanlitun,urban,employed,0
	enrol -q in.csv >/dev/null
	printf 'household_id,month,income,expense\nH1,2007-07,300,910\n' > survey.csv
	run --separate-stderr enrol -q survey.csv
	assert_success
	assert_output - <<-'EOF'
	household_id,month,income,expense,note
	H1,2007-07,300.00,910.00,
	EOF
}

@test "kind by header: standard input from a pipe is looked at and read whole (cli.md, Headers identify the kind)" {
	person_csv in.csv 110105198001010016,A,H1,head,Sanlitun,urban,employed,0
	cat in.csv | enrol -q >/dev/null
	printf 'household_id,month,income,expense\nH1,2007-07,300,910\n' | enrol -q >/dev/null
	run sqlite3 "$JIUZHU_DB" "select household_id, income from survey"
	assert_output 'H1|30000'
}

@test "kind by header: a change is told from a person by its required columns (cli.md, Headers identify the kind)" {
	person_csv in.csv 110105198001010016,A,H1,head,Sanlitun,urban,employed,0
	enrol -q in.csv >/dev/null
	printf 'national_id,employment,effective\n110105198001010016,unemployed,2030-01-01\n' > change.csv
	run --separate-stderr enrol change.csv
	assert_success
	on_stderr
	assert_output --partial 'added 1 person record'
}

@test "kind by header: a wrong --kind says which kind the header looks like, exit 65 (cli.md, Headers identify the kind)" {
	printf 'household_id,month,income,expense\nH1,2007-07,300,910\n' > survey.csv
	run --separate-stderr -65 enrol --kind person survey.csv
	on_stderr
	assert_output "enrol: survey.csv:1: the header is a survey file's, not a person file's; give --kind survey (or no --kind)"
}

@test "kind by header: grant tells funding from decisions (cli.md, Headers identify the kind)" {
	person_csv in.csv 110105198001010016,A,H1,head,Sanlitun,urban,employed,0
	enrol -q in.csv >/dev/null
	printf 'account,date,amount,source\nbudget,2007-09-30,1000,budget\n' > funding.csv
	run --separate-stderr grant -q funding.csv
	assert_success
	assert_line --index 0 --partial 'account,date,amount,source'
	run --separate-stderr -65 grant --kind decision funding.csv
	on_stderr
	assert_output "grant: funding.csv:1: the header is a funding file's, not a decision file's; give --kind funding (or no --kind)"
}

@test "kind by header: a header of no kind gets the nearest kind's own messages (cli.md, Headers identify the kind)" {
	printf 'household_id,month,incom,expense\nH1,2007-07,300,910\n' > survey.csv
	run --separate-stderr -65 enrol survey.csv
	on_stderr
	assert_line 'enrol: survey.csv:1: incom: unknown column; did you mean income?'
}

# ---- Extra columns ----

@test "--ignore-unknown drops unknown columns, listing them once (cli.md, Extra columns)" {
	printf '%s,remarks,phone\n' "$PERSON_HEADER" > in.csv
	printf '110105198001010016,A,H1,head,S,urban,employed,0,note,123\n110105198001010024,B,H2,head,S,urban,employed,0,,\n' >> in.csv
	run --separate-stderr enrol -q --ignore-unknown in.csv
	assert_success
	on_stderr
	assert_line 'enrol: in.csv: ignored columns: remarks, phone'
	[ "$(grep -c 'ignored columns' <<< "$output")" = 1 ]
	run db_count person
	assert_output 2
}

@test "--ignore-unknown in JSON: each unknown key told once (cli.md, Extra columns)" {
	printf '%s\n' \
		'{"national_id":"110105198001010016","name":"A","household_id":"H1","relation":"head","street":"S","hukou_type":"urban","employment":"employed","phone":"1"}' \
		'{"national_id":"110105198001010024","name":"B","household_id":"H2","relation":"head","street":"S","hukou_type":"urban","employment":"employed","phone":"2","remarks":"x"}' \
		> in.jsonl
	run --separate-stderr enrol -q --ignore-unknown in.jsonl
	assert_success
	on_stderr
	assert_line 'enrol: in.jsonl: ignored columns: phone, remarks'
	[ "$(grep -c 'ignored columns' <<< "$output")" = 1 ]
}

@test "--ignore-unknown keeps a misspelt column an error: dropped, the income would be 0.00 (cli.md, Extra columns)" {
	# monthly_incme is one letter from monthly_income: dropping it would
	# store the default, 0.00, for an income of 5000.00 and make the
	# household poor in the means test.  phone is like no column: dropped.
	printf 'national_id,name,household_id,relation,street,hukou_type,employment,monthly_incme,phone\n' > in.csv
	printf '110105198001010016,A,H1,head,S,urban,employed,5000.00,123\n' >> in.csv
	run --separate-stderr -65 enrol --ignore-unknown in.csv
	on_stderr
	assert_line 'enrol: in.csv:1: monthly_incme: unknown column; did you mean monthly_income?'
	nothing_stored
	printf '%s\n' '{"national_id":"110105198001010016","name":"A","household_id":"H1","relation":"head","street":"S","hukou_type":"urban","employment":"employed","monthly_incme":5000,"phone":"1"}' > in.jsonl
	run --separate-stderr -65 enrol --ignore-unknown in.jsonl
	on_stderr
	assert_line 'enrol: in.jsonl:1: monthly_incme: unknown column; did you mean monthly_income?'
	nothing_stored
}

@test "--ignore-unknown lists each column once, a name inside another's too (cli.md, Extra columns)" {
	printf '%s,x y,y\n110105198001010016,A,H1,head,S,urban,employed,0,a,b\n' "$PERSON_HEADER" > in.csv
	run --separate-stderr enrol -q --ignore-unknown in.csv
	assert_success
	on_stderr
	assert_line 'enrol: in.csv: ignored columns: x y, y'
}

@test "without --ignore-unknown an unknown column is an error (cli.md, Extra columns)" {
	printf '%s,remarks\n110105198001010016,A,H1,head,S,urban,employed,0,x\n' "$PERSON_HEADER" > in.csv
	run --separate-stderr -65 enrol in.csv
	on_stderr
	assert_line 'enrol: in.csv:1: remarks: unknown column'
	nothing_stored
}

@test "empty header cells (trailing commas) are ignored; a value under one is an error (cli.md, Extra columns)" {
	printf '%s,,\n110105198001010016,A,H1,head,S,urban,employed,0,,\n' "$PERSON_HEADER" > in.csv
	run --separate-stderr enrol -q in.csv
	assert_success
	rm -f "$JIUZHU_DB"
	printf '%s,,\n110105198001010016,A,H1,head,S,urban,employed,0,,oops\n' "$PERSON_HEADER" > bad.csv
	run --separate-stderr -65 enrol bad.csv
	on_stderr
	assert_line 'enrol: bad.csv:2: field 10 holds a value but its header cell is empty; name the column or empty the cell'
}

# ---- Delimiters ----

@test "TSV in: detected by its header, escapes read back (cli.md, Delimiters)" {
	printf '%s\n' "$PERSON_HEADER" | tr , '\t' > in.tsv
	printf '110105198001010016\tA\\tB\\\\C\tH1\thead\tS\turban\temployed\t12.5\n' >> in.tsv
	run --separate-stderr enrol -q in.tsv
	assert_success
	run sqlite3 "$JIUZHU_DB" "select quote(name), monthly_income from person"
	assert_output "'A	B\\C'|1250"
}

@test "TSV in: --input-format tsv, on standard input (cli.md, Delimiters)" {
	printf '%s\n' "$PERSON_HEADER" | tr , '\t' > in.tsv
	printf '110105198001010016\tA,B\tH1\thead\tS\turban\temployed\t0\r\n' >> in.tsv
	run --separate-stderr enrol -q --input-format tsv < in.tsv
	assert_success
	run sqlite3 "$JIUZHU_DB" "select name from person"
	assert_output 'A,B'
}

# ---- Empty input ----

@test "empty input: a header alone is warned of, even under -q, exit 0 (cli.md, Empty input)" {
	printf '%s\n' "$PERSON_HEADER" > intake.csv
	run --separate-stderr enrol -q intake.csv
	assert_success
	on_stderr
	assert_line 'enrol: intake.csv: no records'
}

@test "empty input: an empty standard input is warned of, exit 0 (cli.md, Empty input)" {
	run --separate-stderr enrol -q < /dev/null
	assert_success
	on_stderr
	assert_line 'enrol: standard input: no records'
}

@test "empty input: settle with an empty file warns too (cli.md, Empty input)" {
	person_csv in.csv 110105198001010016,A,H1,head,Sanlitun,urban,employed,0
	enrol -q in.csv >/dev/null
	: > claims.csv
	run --separate-stderr settle -q --quarter 2007Q3 claims.csv
	on_stderr
	assert_line 'settle: claims.csv: no records'
}

@test "--ignore-unknown for every command that reads records: assess with input too (cli.md, Extra columns)" {
	printf '%s,remarks\n110105198001010016,A,H1,head,S,urban,unemployed,0,x\n' "$PERSON_HEADER" > in.csv
	enrol -q --ignore-unknown in.csv > /dev/null
	run --separate-stderr assess --ignore-unknown --as-of 2007-10-01 --programme dibao in.csv
	assert_success
	on_stderr
	assert_line 'assess: in.csv: ignored columns: remarks'
	for cmd in enrol assess grant settle; do
		run $cmd --help
		assert_output --partial '--ignore-unknown'
	done
}

@test "kind by header: files of two kinds in one run are refused, saying that a run takes one kind (cli.md, Headers identify the kind)" {
	run --separate-stderr -65 enrol "$EXAMPLES/persons.csv" "$EXAMPLES/institutions.csv"
	on_stderr
	assert_output "enrol: $EXAMPLES/institutions.csv:1: the header is an institution file's, not a person file's as $EXAMPLES/persons.csv's; one run takes one kind: give them in runs of their own"
	nothing_stored
}

@test "kind by header: a named pipe (a process substitution) needs --kind, exit 64; with it, it is read (cli.md, Headers identify the kind)" {
	# Its header cannot be looked at and the pipe then read from the start.
	run --separate-stderr -64 enrol <(cat "$EXAMPLES/institutions.csv")
	[[ $stderr == *': not a file but a pipe, which cannot be looked at and then read: give --kind, or give it on standard input' ]]
	nothing_stored
	run --separate-stderr -0 enrol -q --kind institution <(cat "$EXAMPLES/institutions.csv")
	assert_equal "${#lines[@]}" "$(wc -l < "$EXAMPLES/institutions.csv")"
}
