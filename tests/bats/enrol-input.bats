#!/usr/bin/env bats
# enrol: reading the intake -- all or nothing, --keep-going and its rejects
# file, encodings and the BOM, CSV quoting, JSON Lines and JSON arrays
# (cli.md enrol, cli.md shared options, data.md).
#
# IDs (see enrol-values.bats for the arithmetic): 110105198001010016 (m),
# ...024 (f), ...032 (m), ...040 (f), ...059 (m), ...067 (f), all born
# 1980-01-01; 110105198001010185 has check character 5 where X is right
# (11010519800101018 weighs 134, 134 mod 11 = 2 -> X).

bats_require_minimum_version 1.5.0

setup() { load 'test_helper/common-setup'; _common_setup; }

OUT_HEADER=national_id,name,household_id,relation,street,community,hukou_type,hukou_local,residence_since,sex,birth_date,employment,able_to_work,monthly_income,insurance,disability,disability_grade,disability_cert,illness,cerebral_palsy,rehab_training,student_level,wubao,released_on,hukou_pending,enterprise_hardship,one_child_hardship,troop,returned_overseas,self_care,housing_need,dilapidated_house,status,reviewed_on,bank_account,effective,age

# ---- all or nothing ----

@test "enrol: one bad record (line 5 of 6) and nothing is written, exit 65 (cli.md enrol)" {
	person_csv in.csv \
		110105198001010016,A,H1,head,Sanlitun,urban,employed,100 \
		110105198001010024,B,H2,head,Sanlitun,urban,employed,200 \
		110105198001010032,C,H3,head,Sanlitun,urban,employed,300 \
		110105198001010040,D,H4,head,Sanlitun,urban,employed,1.005 \
		110105198001010059,E,H5,head,Sanlitun,urban,employed,500
	run --separate-stderr -65 enrol in.csv
	assert_output ''
	on_stderr
	assert_output - <<-'EOF'
	enrol: in.csv:5: monthly_income: '1.005' has more than 2 decimals
	enrol: 1 bad record; nothing was written
	EOF
	nothing_stored
}

@test "enrol: every bad record is reported, not just the first (lines 2 and 5) (cli.md enrol)" {
	person_csv in.csv \
		110105198001010015,A,H1,head,Sanlitun,urban,employed,100 \
		110105198001010024,B,H2,head,Sanlitun,urban,employed,200 \
		110105198001010032,C,H3,head,Sanlitun,urban,employed,300 \
		110105198001010040,D,H4,head,Sanlitun,rural,retired,-5 \
		110105198001010059,E,H5,head,Sanlitun,urban,employed,500
	run --separate-stderr -65 enrol in.csv
	assert_output ''
	on_stderr
	assert_output - <<-'EOF'
	enrol: in.csv:2: national_id: check character is 5, expected 6
	enrol: in.csv:5: monthly_income: '-5' is negative; a non-negative amount is needed
	enrol: 2 bad records; nothing was written
	EOF
	nothing_stored
}

@test "enrol: a bad record in the second file keeps the first file out too (cli.md enrol)" {
	person_csv a.csv 110105198001010016,A,H1,head,Sanlitun,urban,employed,100
	person_csv b.csv 110105198001010024,B,H2,head,Sanlitun,urban,sometimes,200
	run -65 enrol a.csv b.csv
	assert_line --partial "enrol: b.csv:2: employment: unknown code 'sometimes'"
	assert_line --index -1 'enrol: 1 bad record; nothing was written'
	nothing_stored
}

@test "enrol: a bad record leaves an existing registry exactly as it was (cli.md enrol)" {
	run enrol -q "$DATA/enrol/household.csv"
	assert_success
	cp "$JIUZHU_DB" before.db
	person_csv in.csv \
		110105198001010032,C,H3,head,Sanlitun,urban,employed,300 \
		110105198001010040,D,H4,head,Sanlitun,urban,employed,abc
	run -65 enrol in.csv
	assert_line --index -1 'enrol: 1 bad record; nothing was written'
	[ -e "$JIUZHU_DB" ]
	cmp "$JIUZHU_DB" before.db
	[ "$(db_count journal)" = 1 ]
	[ "$(db_count person)" = 2 ]
}

# ---- --keep-going and --rejects ----

@test "enrol: --keep-going writes the good records and --rejects lists each bad one with its reason, exit 1 (cli.md enrol)" {
	person_csv in.csv \
		110105198001010016,A,H1,head,Sanlitun,urban,employed,100 \
		110105198001010024,B,H2,head,Sanlitun,urban,employed,1.005 \
		110105198001010032,C,H3,head,Sanlitun,urban,employed,300 \
		110105198001010185,D,H4,head,Sanlitun,urban,employed,0
	run --separate-stderr -1 enrol -q --as-of 2007-09-01 --keep-going --rejects rejects.csv in.csv
	assert_output - <<-EOF
	$OUT_HEADER
	110105198001010016,A,H1,head,Sanlitun,,urban,yes,,m,1980-01-01,employed,,100.00,none,none,,no,none,no,no,none,no,,no,no,no,no,no,full,no,no,active,,,2007-09-01,27
	110105198001010032,C,H3,head,Sanlitun,,urban,yes,,m,1980-01-01,employed,,300.00,none,none,,no,none,no,no,none,no,,no,no,no,no,no,full,no,no,active,,,2007-09-01,27
	EOF
	on_stderr
	assert_line "enrol: in.csv:3: monthly_income: '1.005' has more than 2 decimals"
	assert_line 'enrol: in.csv:5: national_id: check character is 5, expected X'
	assert_line --index -1 'enrol: 2 bad records rejected to rejects.csv'
	# the rejects: source, line, column, reason, then the record as read
	run cat rejects.csv
	assert_output - <<-'EOF'
	source,line,column,reason,national_id,name,household_id,relation,street,community,hukou_type,hukou_local,residence_since,sex,birth_date,employment,able_to_work,monthly_income,insurance,disability,disability_grade,disability_cert,illness,cerebral_palsy,rehab_training,student_level,wubao,released_on,hukou_pending,enterprise_hardship,one_child_hardship,troop,returned_overseas,self_care,housing_need,dilapidated_house,status,reviewed_on,bank_account,effective
	in.csv,3,monthly_income,monthly_income: '1.005' has more than 2 decimals,110105198001010024,B,H2,head,Sanlitun,,urban,,,,,employed,,1.005,,,,,,,,,,,,,,,,,,,,,,
	in.csv,5,national_id,"national_id: check character is 5, expected X",110105198001010185,D,H4,head,Sanlitun,,urban,,,,,employed,,0,,,,,,,,,,,,,,,,,,,,,,
	EOF
	run sqlite3 "$JIUZHU_DB" "SELECT national_id FROM person ORDER BY rowid"
	assert_output - <<-'EOF'
	110105198001010016
	110105198001010032
	EOF
	[ "$(stat -c %a rejects.csv)" = 600 ]
}

@test "enrol: --keep-going with nothing bad exits 0 and leaves a rejects file with only the header (cli.md enrol)" {
	run --separate-stderr enrol -q --keep-going --rejects rejects.csv "$DATA/enrol/household.csv"
	assert_success
	run cat rejects.csv
	assert_output 'source,line,column,reason,national_id,name,household_id,relation,street,community,hukou_type,hukou_local,residence_since,sex,birth_date,employment,able_to_work,monthly_income,insurance,disability,disability_grade,disability_cert,illness,cerebral_palsy,rehab_training,student_level,wubao,released_on,hukou_pending,enterprise_hardship,one_child_hardship,troop,returned_overseas,self_care,housing_need,dilapidated_house,status,reviewed_on,bank_account,effective'
	[ "$(db_count person)" = 2 ]
}

@test "enrol: --keep-going rejects a whole household that does not hold together and keeps the rest (cli.md enrol)" {
	person_csv in.csv \
		110105198001010032,C,H3,head,Sanlitun,urban,employed,300 \
		110105198001010040,D,H3,head,Sanlitun,urban,employed,200 \
		110105198001010016,A,H1,head,Sanlitun,urban,employed,100
	run --separate-stderr -1 enrol -q --as-of 2007-09-01 --keep-going --rejects rejects.csv in.csv
	# what is printed is what was stored: the rows taken back are not
	[ "${#lines[@]}" -eq 2 ]
	assert_line --index 1 --regexp '^110105198001010016,A,H1,'
	on_stderr
	assert_line 'enrol: in.csv:2: relation: household H3 has 2 heads on 2007-09-01; exactly one member must be head'
	run sqlite3 "$JIUZHU_DB" "SELECT national_id FROM person"
	assert_output 110105198001010016
	run cut -d, -f1,2,5 rejects.csv
	assert_output - <<-'EOF'
	source,line,national_id
	in.csv,2,110105198001010032
	in.csv,3,110105198001010040
	EOF
}

@test "enrol: the rejects file gives each row of a rejected household the household's problem as its reason (cli.md enrol)" {
	person_csv in.csv \
		110105198001010032,C,H3,head,Sanlitun,urban,employed,300 \
		110105198001010040,D,H3,head,Sanlitun,urban,employed,200
	run --separate-stderr -1 enrol -q --as-of 2007-09-01 --keep-going --rejects rejects.csv in.csv
	# every row added was taken back: the header alone is printed
	[ "${#lines[@]}" -eq 1 ]
	assert_line --index 0 --regexp '^national_id,name,'
	# both rows of H3 carry the problem itself as their reason
	run grep -c 'household H3 has 2 heads on 2007-09-01' rejects.csv
	assert_output 2
}

@test "enrol: --rejects without --keep-going is a usage error (cli.md enrol)" {
	run -64 enrol --rejects rejects.csv "$DATA/enrol/household.csv"
	assert_output --partial '--rejects goes with --keep-going'
	[ ! -e rejects.csv ]
	nothing_stored
}

# ---- encodings and the BOM ----

@test "enrol: --encoding GB18030 converts the input, stored and printed as UTF-8 (cli.md --encoding)" {
	# the fixture is chinese.csv through iconv -f UTF-8 -t GB18030
	run --separate-stderr enrol -q --as-of 2007-09-01 --encoding GB18030 "$DATA/enrol/chinese.gb18030.csv"
	assert_success
	assert_output "$(cat "$DATA/enrol/chinese.expected.csv")"
	run sqlite3 "$JIUZHU_DB" "SELECT name, street, community FROM person ORDER BY rowid"
	assert_output - <<-'EOF'
	张建国|三里屯街道|中纺里社区
	李秀英|三里屯街道|中纺里社区
	EOF
	# the journal keeps the digest of the bytes as read, before conversion
	sum=$(sha256sum < "$DATA/enrol/chinese.gb18030.csv" | cut -c1-64)
	run sqlite3 "$JIUZHU_DB" "SELECT json_extract(inputs, '\$[0].sha256') FROM journal"
	assert_output "$sum"
}

@test "enrol: --encoding GBK reads the same file (cli.md --encoding)" {
	run --separate-stderr enrol -q --as-of 2007-09-01 --encoding GBK "$DATA/enrol/chinese.gb18030.csv"
	assert_success
	assert_output "$(cat "$DATA/enrol/chinese.expected.csv")"
}

@test "enrol: GB18030 input without --encoding is invalid UTF-8, named by column, suggesting --encoding GB18030, once a record (data.md text)" {
	run --separate-stderr -65 enrol "$DATA/enrol/chinese.gb18030.csv"
	assert_output ''
	on_stderr
	f=$DATA/enrol/chinese.gb18030.csv
	assert_equal "${#lines[@]}" 3
	assert_line --index 0 "enrol: $f:2: name: invalid UTF-8 at byte 1; is the input GB18030? try --encoding GB18030"
	assert_line --index 1 "enrol: $f:3: name: invalid UTF-8 at byte 1; is the input GB18030? try --encoding GB18030"
	assert_line --index -1 'enrol: 2 bad records; nothing was written'
	nothing_stored
}

@test "enrol: an unknown --encoding is a usage error (cli.md --encoding)" {
	run -64 enrol --encoding KLINGON "$DATA/enrol/chinese.csv"
	assert_output --partial 'KLINGON'
}

@test "enrol: bytes that are not GB18030 under --encoding GB18030 are a data error at file and line (cli.md errors)" {
	{ printf '%s\n' "$PERSON_HEADER" 110105198001010016,A,H1,head,Sanlitun,urban,employed,0
	  printf '110105198001010024,B\xff\xff,H2,head,Sanlitun,urban,employed,0\n'; } > bad.csv
	run --separate-stderr -65 enrol --encoding GB18030 bad.csv
	assert_output ''
	on_stderr
	assert_line --partial 'enrol: bad.csv:3:'
}

@test "enrol: bytes that are not GB18030 under --encoding GB18030 leave no database behind (cli.md enrol)" {
	{ printf '%s\n' "$PERSON_HEADER"
	  printf '110105198001010024,B\xff\xff,H2,head,Sanlitun,urban,employed,0\n'; } > bad.csv
	run -65 enrol --encoding GB18030 bad.csv
	nothing_stored
}

@test "enrol: a UTF-8 BOM before the header is dropped (cli.md --encoding)" {
	{ printf '\xef\xbb\xbf'; cat "$DATA/enrol/chinese.csv"; } > bom.csv
	run --separate-stderr enrol -q --as-of 2007-09-01 bom.csv
	assert_success
	assert_output "$(cat "$DATA/enrol/chinese.expected.csv")"
	run sqlite3 "$JIUZHU_DB" "SELECT national_id FROM person ORDER BY rowid"
	assert_output - <<-'EOF'
	110105198001010016
	110105198001010024
	EOF
}

@test "enrol: a UTF-8 BOM before JSON Lines is dropped and the format still detected (cli.md --input-format)" {
	{ printf '\xef\xbb\xbf'; cat "$DATA/enrol/persons.jsonl"; } > bom.jsonl
	run --separate-stderr enrol -q bom.jsonl
	assert_success
	[ "$(db_count person)" = 2 ]
}

# ---- CSV ----

@test "enrol: CSV quotes, a comma in a name and a newline in a community are stored exactly (data.md)" {
	run --separate-stderr enrol -q --as-of 2007-09-01 "$DATA/enrol/quoted.csv"
	assert_success
	assert_output "$(cat "$DATA/enrol/quoted.expected.csv")"
	run sqlite3 "$JIUZHU_DB" "SELECT name = 'Wang, Jianguo',
		community = 'Zhongfangli' || char(10) || 'North gate', line FROM person ORDER BY rowid"
	assert_output - <<-'EOF'
	1|1|2
	0||4
	EOF
	run sqlite3 "$JIUZHU_DB" "SELECT name FROM person WHERE line = 4"
	assert_output 'Zhao "Big" Gang'
}

@test "enrol: a record after a field with a newline is reported at the line it starts on (cli.md errors)" {
	cat > in.csv <<-'EOF'
	national_id,name,household_id,relation,street,community,hukou_type,employment
	110105198001010016,A,H1,head,Sanlitun,"two
	lines",urban,employed
	110105198001010024,B,H2,head,Sanlitun,,urban,bogus
	EOF
	run -65 enrol in.csv
	assert_line --partial "enrol: in.csv:4: employment: unknown code 'bogus'"
}

@test "enrol: an unknown column in the CSV header is an error with a suggestion, nothing written (cli.md errors)" {
	cat > in.csv <<-'EOF'
	national_id,name,household_id,relation,street,hukou_tipe,employment
	110105198001010016,A,H1,head,Sanlitun,urban,employed
	EOF
	run --separate-stderr -65 enrol in.csv
	assert_output ''
	on_stderr
	assert_line 'enrol: in.csv:1: hukou_tipe: unknown column; did you mean hukou_type?'
	assert_line 'enrol: in.csv:1: hukou_type: required column is missing from the header'
	assert_line --index -1 --partial 'nothing was written'
	nothing_stored
}

@test "enrol: a CSV row with too many fields, and an unclosed quote, are errors (cli.md errors)" {
	person_csv wide.csv 110105198001010016,A,H1,head,Sanlitun,urban,employed,0,extra
	run -65 enrol wide.csv
	assert_line 'enrol: wide.csv:2: row has 9 fields; the header has 8'
	printf '%s\n' "$PERSON_HEADER" '110105198001010016,"A,H1,head,Sanlitun,urban,employed,0' > open.csv
	run -65 enrol open.csv
	assert_line --partial 'enrol: open.csv:2: name: a quoted field is not closed'
	nothing_stored
}

@test "enrol: a NUL byte in a field is an error (data.md text)" {
	{ printf '%s\n' "$PERSON_HEADER"; printf '110105198001010016,A\0B,H1,head,Sanlitun,urban,employed,0\n'; } > nul.csv
	run -65 enrol nul.csv
	assert_line 'enrol: nul.csv:2: name: contains a NUL byte (byte 2); text cannot hold one: is the file binary?'
}

@test "enrol: standard input is read when no file or - is named (cli.md)" {
	run --separate-stderr enrol -q < "$DATA/enrol/household.csv"
	assert_success
	assert_line --index 1 --partial '110105198001010016,Wang Jianguo,H1,head,'
	person_csv more.csv 110105198001010032,C,H3,head,Sanlitun,urban,employed,0
	run --separate-stderr enrol -q - < more.csv
	assert_success
	run sqlite3 "$JIUZHU_DB" "SELECT json_extract(inputs, '\$[0].name') FROM journal ORDER BY entry"
	assert_output - <<-'EOF'
	-
	-
	EOF
	[ "$(db_count person)" = 3 ]
}

# ---- JSON ----

@test "enrol: JSON Lines input is detected from the first byte { (cli.md --input-format)" {
	run --separate-stderr enrol -q "$DATA/enrol/persons.jsonl"
	assert_success
	assert_line --index 0 "$OUT_HEADER"
	run sqlite3 "$JIUZHU_DB" "SELECT national_id, name, monthly_income, disability, disability_grade,
		disability_cert, effective, line FROM person ORDER BY rowid"
	# line 2 of the file is blank: the second record is on line 3
	assert_output - <<-'EOF'
	110105198001010016|Wang Jianguo|42050|none||0|2007-09-01|1
	110105198001010024|Li Xiuying|0|physical|1|1|2007-09-01|3
	EOF
}

@test "enrol: a JSON array is detected from [; money as the number 330.5 and yes/no as true/false (data.md)" {
	run --separate-stderr enrol -q "$DATA/enrol/persons.json"
	assert_success
	run cut -d, -f1,14,23,28,31 <<<"$output"
	assert_output - <<-'EOF'
	national_id,monthly_income,wubao,troop,housing_need
	110105198001010032,330.50,no,no,yes
	110105198001010040,1200.00,no,yes,yes
	EOF
	run sqlite3 "$JIUZHU_DB" "SELECT national_id, monthly_income, wubao, troop, housing_need, hukou_local, line
		FROM person ORDER BY rowid"
	# each element's line is where it begins: 2 and 6
	assert_output - <<-'EOF'
	110105198001010032|33050|0|0|1|1|2
	110105198001010040|120000|0|1|1|1|6
	EOF
}

@test "enrol: JSON records are checked like CSV: three decimals, an unknown member, a wrong type (data.md money)" {
	cat > in.json <<-'EOF'
	[
	  {"national_id": "110105198001010016", "name": "A", "household_id": "H1", "relation": "head",
	   "street": "Sanlitun", "hukou_type": "urban", "employment": "employed", "monthly_income": 1.005},
	  {"national_id": "110105198001010024", "name": "B", "household_id": "H2", "relation": "head",
	   "street": "Sanlitun", "hukou_type": "urban", "employment": "employed", "monthly_incom": 1},
	  {"national_id": "110105198001010032", "name": ["C"], "household_id": "H3", "relation": "head",
	   "street": "Sanlitun", "hukou_type": "urban", "employment": "employed"}
	]
	EOF
	run --separate-stderr -65 enrol in.json
	assert_output ''
	on_stderr
	assert_line "enrol: in.json:2: monthly_income: 1.005 has 3 decimals; money has at most two decimals"
	assert_line 'enrol: in.json:4: monthly_incom: unknown column; did you mean monthly_income?'
	assert_line 'enrol: in.json:6: name: must be a string, number, true, false or null'
	assert_line --index -1 'enrol: 3 bad records; nothing was written'
	nothing_stored
}

@test "enrol: a JSON Lines line that is not JSON is reported at its line (cli.md errors)" {
	{ head -1 "$DATA/enrol/persons.jsonl"; echo '{"national_id": "110105198001010024", '; } > in.jsonl
	run -65 enrol in.jsonl
	assert_line --partial 'enrol: in.jsonl:2: not valid JSON'
	nothing_stored
}

@test "enrol: --input-format jsonl reads JSON Lines from standard input too (cli.md --input-format)" {
	run --separate-stderr enrol -q --input-format jsonl < "$DATA/enrol/persons.jsonl"
	assert_success
	[ "$(db_count person)" = 2 ]
}

@test "enrol: an empty JSON array is no record; a trailing comma is an error (data.md)" {
	enrol -q "$DATA/enrol/household.csv" > /dev/null
	run -0 --separate-stderr enrol --input-format json - <<< '[ ]'
	assert_equal "$stderr" 'enrol: standard input: no records
enrol: nothing new: 0 records already in the registry'
	assert_equal "${#lines[@]}" 1 # the header alone (cli.md: every CSV has its header)
	printf '[{"national_id":"110105198001010016","name":"A","household_id":"H1","relation":"head","street":"S","hukou_type":"urban","employment":"employed"},\n]\n' > trailing.json
	run -65 enrol trailing.json
	assert_line 'enrol: trailing.json:2: not a JSON array of objects'
}

@test "enrol: a NUL byte escaped in JSON is an error, not a cut value (data.md text)" {
	printf '{"national_id":"110105198001010016","name":"Wang\\u0000DROP","household_id":"H1","relation":"head","street":"S","hukou_type":"urban","employment":"employed"}\n' > nul.jsonl
	run -65 enrol nul.jsonl
	assert_line 'enrol: nul.jsonl:1: name: contains a NUL byte as \u0000 (byte 49); text cannot hold one'
}

@test "enrol: leading whitespace before a JSON array's element is read in linear time (data.md)" {
	{ printf '['; head -c 200000 /dev/zero | tr '\0' ' '; printf '{"national_id":"110105198001010016","name":"A","household_id":"H1","relation":"head","street":"S","hukou_type":"urban","employment":"employed"}]'; } > spaces.json
	run -0 timeout 10 enrol -q spaces.json
	assert_line --partial '110105198001010016,A,H1,head'
}

@test "enrol: a name with leading and trailing spaces survives its own CSV output fed back (cli.md enrol)" {
	printf '%s\n' "$PERSON_HEADER" '110105198001010016," Wang ",H1,head,S,urban,employed,0' > sp.csv
	enrol -q sp.csv > out.csv
	run grep -c '" Wang "' out.csv
	assert_output 1
	run -0 --separate-stderr enrol out.csv
	assert_equal "$stderr" 'enrol: nothing new: 1 record already in the registry'
	assert_equal "${#lines[@]}" 1 # the header alone (cli.md: every CSV has its header)
}

@test "enrol: an identifier longer than 100 bytes is refused (data.md)" {
	printf '%s\n' "$PERSON_HEADER" "110105198001010016,A,$(printf 'H%.0s' $(seq 101)),head,S,urban,employed,0" > long.csv
	run -65 enrol long.csv
	assert_line 'enrol: long.csv:2: household_id: is 101 bytes long; an identifier has at most 100'
}

@test "enrol: a CSV file whose lines end in CR alone still names the right line (data.md)" {
	printf '%s\r' "$PERSON_HEADER" 110105198001010016,A,H1,head,S,urban,employed,0 \
		110105198001010017,B,H2,head,S,urban,employed,0 > cr.csv
	run -65 enrol cr.csv
	assert_line 'enrol: cr.csv:3: national_id: check character is 7, expected 6'
}
