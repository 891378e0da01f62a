#!/usr/bin/env bats
# enrol: what the registry keeps -- idempotent re-runs, versions by date,
# one person across streets, households, applications and survey rows that
# need an enrolled person, the journal's hash chain, concurrent runs
# (cli.md enrol, data.md person, quality.md reliability and security).
#
# IDs (see enrol-values.bats for the arithmetic): 110105198001010016 (m),
# ...024 (f), ...032 (m), ...040 (f), ...059 (m), ...067 (f), all born
# 1980-01-01.

bats_require_minimum_version 1.5.0

setup() { load 'test_helper/common-setup'; _common_setup; }

DATED_HEADER=national_id,name,household_id,relation,street,hukou_type,employment,monthly_income,effective

dated_csv() {
	local file=$1
	shift
	printf '%s\n' "$DATED_HEADER" "$@" > "$file"
}

# The version of a person in force on a date: the latest effective <= date
# (and for the same effective the latest entry), as data.md and the schema say.
in_force() {
	sqlite3 "$JIUZHU_DB" "SELECT employment, monthly_income, street FROM person
		WHERE national_id = '$1' AND effective <= '$2'
		ORDER BY effective DESC, entry DESC LIMIT 1"
}

# The SHA-256 of a journal entry's fields joined by newlines (no newline at
# the end), recomputed outside enrol.
recompute_hash() {
	printf '%s' "$(sqlite3 "${2:-$JIUZHU_DB}" "SELECT entry || char(10) || at || char(10) || user
		|| char(10) || command || char(10) || inputs || char(10) || policy || char(10)
		|| changes || char(10) || prev || coalesce(char(10) || digest, '') FROM journal
		WHERE entry = $1")" | sha256sum | cut -c1-64
}

stored_hash() {
	sqlite3 "${2:-$JIUZHU_DB}" "SELECT hash FROM journal WHERE entry = $1"
}

stored_prev() {
	sqlite3 "${2:-$JIUZHU_DB}" "SELECT prev FROM journal WHERE entry = $1"
}

ZEROS=0000000000000000000000000000000000000000000000000000000000000000

# ---- idempotent ----

@test "enrol: re-running the same intake adds nothing, says so, and writes no journal entry (cli.md enrol)" {
	run --separate-stderr enrol -q "$DATA/enrol/household.csv"
	assert_success
	[ "$(db_count journal)" = 1 ]
	run --separate-stderr enrol "$DATA/enrol/household.csv"
	assert_success
	refute_output --partial 110105198001010016
	on_stderr
	assert_output 'enrol: nothing new: 2 records already in the registry'
	[ "$(db_count journal)" = 1 ]
	[ "$(db_count person)" = 2 ]
}

@test "enrol: re-running the example district is a no-op (cli.md enrol)" {
	run enrol -q "$EXAMPLES/persons.csv"
	assert_success
	run --separate-stderr enrol "$EXAMPLES/persons.csv"
	assert_success
	on_stderr
	assert_output 'enrol: nothing new: 80 records already in the registry'
	[ "$(db_count journal)" = 1 ]
	[ "$(db_count person)" = 80 ]
}

@test "enrol: the same facts on a later --as-of are no new version (cli.md enrol)" {
	run enrol -q --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	run --separate-stderr enrol --as-of 2008-06-01 "$DATA/enrol/household.csv"
	assert_success
	on_stderr
	assert_output 'enrol: nothing new: 2 records already in the registry'
	run sqlite3 "$JIUZHU_DB" "SELECT DISTINCT effective FROM person"
	assert_output 2007-09-01
}

# ---- versions ----

@test "enrol: effective defaults to --as-of, else today (data.md person)" {
	run enrol -q --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	dated_csv in.csv 110105198001010032,C,H3,head,Sanlitun,urban,employed,0,
	run enrol -q in.csv
	assert_success
	# JIUZHU_TODAY is 2026-11-29
	run sqlite3 "$JIUZHU_DB" "SELECT national_id, effective FROM person ORDER BY rowid"
	assert_output - <<-'EOF'
	110105198001010016|2007-09-01
	110105198001010024|2007-09-01
	110105198001010032|2026-11-29
	EOF
}

@test "enrol: a changed record with a later effective adds a version; the one in force on a date is the latest effective <= it (data.md person)" {
	dated_csv v1.csv \
		110105198001010016,Wang,H1,head,Sanlitun,urban,employed,300,2007-09-01 \
		110105198001010024,Li,H1,spouse,Sanlitun,urban,employed,200,2007-09-01
	dated_csv v2.csv 110105198001010016,Wang,H1,head,Sanlitun,urban,unemployed,0,2008-01-01
	run enrol -q v1.csv
	assert_success
	run --separate-stderr enrol -q v2.csv
	assert_success
	# stdout: only the new version
	assert_equal "${#lines[@]}" 2
	assert_line --index 1 --partial '110105198001010016,Wang,H1,head,Sanlitun,,urban,yes,,m,1980-01-01,unemployed,,0.00,'
	assert_line --index 1 --partial ',2008-01-01,46'
	run sqlite3 "$JIUZHU_DB" "SELECT national_id, employment, monthly_income, effective, entry
		FROM person ORDER BY rowid"
	assert_output - <<-'EOF'
	110105198001010016|employed|30000|2007-09-01|1
	110105198001010024|employed|20000|2007-09-01|1
	110105198001010016|unemployed|0|2008-01-01|2
	EOF
	run in_force 110105198001010016 2007-08-31
	assert_output ''
	run in_force 110105198001010016 2007-12-31
	assert_output 'employed|30000|Sanlitun'
	run in_force 110105198001010016 2008-01-01
	assert_output 'unemployed|0|Sanlitun'
	# the first version again is nothing new: it is the one in force on its date
	run --separate-stderr enrol v1.csv
	assert_success
	on_stderr
	assert_output 'enrol: nothing new: 2 records already in the registry'
	[ "$(db_count person)" = 3 ]
}

@test "enrol: a back-dated version goes between the others by effective, not by when it was entered (data.md person)" {
	dated_csv v1.csv 110105198001010016,Wang,H1,head,Sanlitun,urban,employed,300,2007-09-01
	dated_csv v2.csv 110105198001010016,Wang,H1,head,Sanlitun,urban,unemployed,0,2008-01-01
	dated_csv v3.csv 110105198001010016,Wang,H1,head,Sanlitun,urban,employed,250,2007-10-01
	for f in v1.csv v2.csv v3.csv; do
		run enrol -q "$f"
		assert_success
	done
	run in_force 110105198001010016 2007-09-30
	assert_output 'employed|30000|Sanlitun'
	run in_force 110105198001010016 2007-12-31
	assert_output 'employed|25000|Sanlitun'
	run in_force 110105198001010016 2008-01-01
	assert_output 'unemployed|0|Sanlitun'
	[ "$(db_count journal)" = 3 ]
}

@test "enrol: one person twice in one run on one date with other values is an error (cli.md enrol)" {
	dated_csv in.csv \
		110105198001010016,Wang,H1,head,Sanlitun,urban,employed,300,2007-09-01 \
		110105198001010016,Wang,H1,head,Sanlitun,urban,employed,400,2007-09-01
	run -65 enrol in.csv
	assert_line 'enrol: in.csv:3: national_id: given again with other values (first at in.csv:2); one record per national_id and date'
	nothing_stored
}

@test "enrol: given again in a second file, the message says which file the first one is in (cli.md errors)" {
	dated_csv a.csv 110105198001010016,Wang,SLT-9,head,Sanlitun,urban,employed,300,2007-09-01
	dated_csv b.csv 110105198001010016,Wang,CYL-9,head,Chuiyangliu,urban,employed,300,2007-09-01
	run -65 enrol a.csv b.csv
	assert_line --partial 'enrol: b.csv:2: national_id: given again with other values'
	assert_line --partial 'a.csv:2'
}

@test "enrol: an effective date before the birth date is an error (data.md person)" {
	dated_csv in.csv 110105198001010016,Wang,H1,head,Sanlitun,urban,employed,300,1979-12-31
	run -65 enrol in.csv
	assert_line 'enrol: in.csv:2: effective: 1979-12-31 is before the birth date 1980-01-01'
}

# ---- one person across streets ----

@test "enrol: the same person from two streets in two runs is one person with two versions (data.md person)" {
	dated_csv sanlitun.csv 110105198001010016,Wang,SLT-9,head,三里屯街道,urban,employed,300,2007-09-01
	dated_csv chuiyangliu.csv 110105198001010016,Wang,CYL-9,head,垂杨柳街道,urban,employed,300,2007-10-01
	run enrol -q sanlitun.csv
	assert_success
	run enrol -q chuiyangliu.csv
	assert_success
	run sqlite3 "$JIUZHU_DB" "SELECT count(DISTINCT national_id), count(*) FROM person"
	assert_output '1|2'
	run sqlite3 "$JIUZHU_DB" "SELECT household_id, street, effective FROM person ORDER BY effective"
	assert_output - <<-'EOF'
	SLT-9|三里屯街道|2007-09-01
	CYL-9|垂杨柳街道|2007-10-01
	EOF
	run in_force 110105198001010016 2007-09-30
	assert_output 'employed|30000|三里屯街道'
	run in_force 110105198001010016 2007-10-01
	assert_output 'employed|30000|垂杨柳街道'
}

@test "enrol: the same person in its 15-digit form from another street is still one person (data.md id)" {
	# 110105800101001 -> 11010519800101001 + check '6' (weighs 116, mod 11 = 6)
	dated_csv a.csv 110105198001010016,Wang,SLT-9,head,三里屯街道,urban,employed,300,2007-09-01
	dated_csv b.csv 110105800101001,Wang,CYL-9,head,垂杨柳街道,urban,employed,300,2007-10-01
	run enrol -q a.csv
	assert_success
	run enrol -q b.csv
	assert_success
	run sqlite3 "$JIUZHU_DB" "SELECT DISTINCT national_id FROM person"
	assert_output 110105198001010016
}

# ---- households ----

@test "enrol: a household with two heads is refused, naming the household (data.md person)" {
	dated_csv in.csv \
		110105198001010032,Zhao,H2,head,Sanlitun,urban,employed,300,2007-09-01 \
		110105198001010040,Sun,H2,head,Sanlitun,urban,employed,200,2007-09-01
	run --separate-stderr -65 enrol in.csv
	assert_output ''
	on_stderr
	assert_output - <<-'EOF'
	enrol: in.csv:2: relation: household H2 has 2 heads on 2007-09-01; exactly one member must be head
	enrol: 1 bad record; nothing was written
	EOF
	nothing_stored
}

@test "enrol: a household with no head is refused (data.md person)" {
	dated_csv in.csv \
		110105198001010032,Zhao,H2,spouse,Sanlitun,urban,employed,300,2007-09-01 \
		110105198001010040,Sun,H2,child,Sanlitun,urban,student,0,2007-09-01
	run -65 enrol in.csv
	assert_line 'enrol: in.csv:2: relation: household H2 has 0 heads on 2007-09-01; exactly one member must be head'
	nothing_stored
}

@test "enrol: relation defaults to other, so a lone member without relation is a household with no head (data.md person)" {
	dated_csv in.csv 110105198001010032,Zhao,H2,,Sanlitun,urban,employed,300,2007-09-01
	run -65 enrol in.csv
	assert_line --partial 'household H2 has 0 heads on 2007-09-01'
}

@test "enrol: a second head in a later run is refused against the registry (data.md person)" {
	run enrol -q --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	dated_csv more.csv 110105198001010032,Zhao,H1,head,Sanlitun,urban,employed,0,2007-10-01
	run -65 enrol more.csv
	assert_line 'enrol: more.csv:2: relation: household H1 has 2 heads on 2007-10-01; exactly one member must be head'
	[ "$(db_count person)" = 2 ]
	[ "$(db_count journal)" = 1 ]
	# a child joining later finds its head in the registry
	dated_csv child.csv 110105198001010032,Zhao,H1,child,Sanlitun,urban,student,0,2007-10-01
	run enrol -q child.csv
	assert_success
	[ "$(db_count person)" = 3 ]
}

@test "enrol: household members on different streets are refused, IDs masked (data.md person)" {
	dated_csv in.csv \
		110105198001010032,Zhao,H2,head,Sanlitun,urban,employed,300,2007-09-01 \
		110105198001010040,Sun,H2,spouse,Chuiyangliu,urban,employed,200,2007-09-01
	run -65 enrol in.csv
	assert_line "enrol: in.csv:2: street: differs between 110105********0032 and 110105********0040 in household H2 on 2007-09-01; every member's row must agree"
	refute_output --partial 110105198001010040
}

@test "enrol: household members disagreeing on housing_need or dilapidated_house are refused (data.md person)" {
	cat > hn.csv <<-'EOF'
	national_id,name,household_id,relation,street,hukou_type,employment,housing_need,dilapidated_house,effective
	110105198001010032,Zhao,H2,head,Sanlitun,urban,employed,yes,no,2007-09-01
	110105198001010040,Sun,H2,spouse,Sanlitun,urban,employed,no,no,2007-09-01
	110105198001010059,Zhou,H5,head,Dongba,rural,employed,no,yes,2007-09-01
	110105198001010067,Wu,H5,spouse,Dongba,rural,employed,,,2007-09-01
	EOF
	run -65 enrol hn.csv
	assert_line "enrol: hn.csv:2: housing_need: differs between 110105********0032 and 110105********0040 in household H2 on 2007-09-01; every member's row must agree"
	assert_line "enrol: hn.csv:4: dilapidated_house: differs between 110105********0059 and 110105********0067 in household H5 on 2007-09-01; every member's row must agree"
	assert_line --index -1 'enrol: 2 bad records; nothing was written'
}

@test "enrol: a whole household moving street together is accepted; one member alone is not (data.md person)" {
	run enrol -q --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	dated_csv one.csv '110105198001010016,Wang Jianguo,H1,head,Chaowai,urban,employed,420.50,2008-01-01'
	run -65 enrol one.csv
	assert_line --regexp '^enrol: one\.csv:2: street: differs between 110105\*{8}00(16|24) and 110105\*{8}00(16|24) in household H1 on 2008-01-01; '
	dated_csv both.csv \
		'110105198001010016,Wang Jianguo,H1,head,Chaowai,urban,employed,420.50,2008-01-01' \
		'110105198001010024,Li Xiuying,H1,spouse,Chaowai,urban,unable,0,2008-01-01'
	run enrol -q both.csv
	assert_success
	run sqlite3 "$JIUZHU_DB" "SELECT count(*) FROM person WHERE street = 'Chaowai'"
	assert_output 2
}

@test "enrol: household facts are checked on every date the new version is in force, not only its own (data.md person)" {
	# Wang heads H1 on Sanlitun from 2007-09-01; Li joins H1 on Sanlitun on 2008-03-01.
	dated_csv a.csv 110105198001010016,Wang,H1,head,Sanlitun,urban,employed,0,2007-09-01
	dated_csv b.csv 110105198001010024,Li,H1,spouse,Sanlitun,urban,employed,0,2008-03-01
	# Then Wang alone is recorded on Chaowai from 2008-01-01: on 2008-03-01
	# the household would be on two streets.
	dated_csv c.csv 110105198001010016,Wang,H1,head,Chaowai,urban,employed,0,2008-01-01
	run enrol -q a.csv
	assert_success
	run enrol -q b.csv
	assert_success
	run -65 enrol c.csv
	assert_line --partial 'street: differs between'
	assert_line --partial 'in household H1 on 2008-03-01'
	[ "$(db_count person)" = 2 ]
	[ "$(db_count journal)" = 2 ]
}

# ---- applications, institutions, survey ----

@test "enrol: --kind application for an unknown person is refused (data.md application)" {
	cat > app.csv <<-'EOF'
	application_id,national_id,programme,received_on,street,reason,requested
	APP-1,110105198001010016,temporary,2007-09-05,Sanlitun,medical,3000
	EOF
	run --separate-stderr -65 enrol --kind application app.csv
	assert_output ''
	on_stderr
	assert_output - <<-'EOF'
	enrol: app.csv:2: national_id: the applicant is not enrolled; enrol the person first
	enrol: 1 bad record; nothing was written
	EOF
	run enrol -q --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	run --separate-stderr enrol -q --kind application app.csv
	assert_success
	assert_output - <<-'EOF'
	application_id,national_id,programme,received_on,street,reason,case_type,respondent_unable,requested
	APP-1,110105198001010016,temporary,2007-09-05,Sanlitun,medical,,,3000.00
	EOF
}

@test "enrol: an application is never changed in place; the same id with other values is refused (data.md application)" {
	run enrol -q --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	printf '%s\n' application_id,national_id,programme,received_on,street,reason,requested \
		APP-1,110105198001010016,temporary,2007-09-05,Sanlitun,medical,3000 > a1.csv
	printf '%s\n' application_id,national_id,programme,received_on,street,reason,requested \
		APP-1,110105198001010016,temporary,2007-09-05,Sanlitun,medical,3500 > a2.csv
	run enrol -q --kind application a1.csv
	assert_success
	run -65 enrol --kind application a2.csv
	assert_line 'enrol: a2.csv:2: application_id: already enrolled with other values; a correction is a new application with its own application_id'
	run sqlite3 "$JIUZHU_DB" "SELECT requested FROM application"
	assert_output 300000
}

@test "enrol: --kind application checks the columns each programme needs (data.md application)" {
	run enrol -q --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	cat > app.csv <<-'EOF'
	application_id,national_id,programme,received_on,street,reason,case_type,requested
	APP-1,110105198001010016,temporary,2007-09-05,Sanlitun,,,3000
	APP-2,110105198001010016,legal_aid,2007-09-05,Sanlitun,,work_injury,100
	EOF
	run -65 enrol --kind application app.csv
	assert_line 'enrol: app.csv:2: reason: is required for programme temporary'
	assert_line 'enrol: app.csv:3: requested: applies only to temporary, home_care and employment_retraining, not legal_aid'
}

@test "enrol: --kind survey for a household not enrolled is refused (data.md survey)" {
	printf '%s\n' household_id,month,income,expense,note H9,2007-07,300,910,x > s.csv
	run -65 enrol --kind survey s.csv
	assert_line 'enrol: s.csv:2: household_id: no household H9 is enrolled'
	nothing_stored
}

@test "enrol: the example district enrols: persons, then applications, institutions and survey rows (cli.md enrol)" {
	run --separate-stderr enrol "$EXAMPLES/persons.csv"
	assert_success
	assert_equal "${#lines[@]}" 81
	# 11010519610625064X, 李秀英: f, born 1961-06-25; age on 2026-11-29 is 65
	assert_line '11010519610625064X,李秀英,SLT-001,spouse,三里屯街道,中纺里社区,urban,yes,,f,1961-06-25,unable,,0.00,resident,physical,1,yes,none,no,yes,none,no,,no,no,no,no,no,full,no,no,active,,,2007-09-01,65'
	on_stderr
	assert_line --index -1 --partial 'enrol: added 80 person records (0 already in the registry) as journal entry 1; journal 1 '

	run --separate-stderr enrol --kind application "$EXAMPLES/applications.csv"
	assert_success
	assert_line --index 0 'application_id,national_id,programme,received_on,street,reason,case_type,respondent_unable,requested'
	assert_line 'APP-2007-0001,110105194607073355,temporary,2007-09-05,垂杨柳街道,medical,,,3000.00'
	assert_line --partial 'APP-2007-0009,110105196903190387,employment_retraining,2007-09-25,'
	assert_line --partial ',650.50'
	[ "$(db_count application)" = 18 ]

	run --separate-stderr enrol --kind institution "$EXAMPLES/institutions.csv"
	assert_success
	assert_output - <<-'EOF'
	code,name,type,designated_from,designated_to
	SLTSQ,三里屯社区卫生服务中心,community,2007-07-03,
	CYLSQ,垂杨柳社区卫生服务中心,community,2007-07-03,
	DBSQ,东坝社区卫生服务中心,community,2007-07-03,
	EOF

	run --separate-stderr enrol --kind survey "$EXAMPLES/survey.csv"
	assert_success
	assert_line --index 0 'household_id,month,income,expense,note'
	assert_line --index 1 'SLT-002,2007-07,300.00,910.00,收入为失业金，支出以伙食为主'
	[ "$(db_count survey)" = 12 ]
	run sqlite3 "$JIUZHU_DB" "SELECT income, expense FROM survey WHERE household_id = 'SLT-002' AND month = '2007-08'"
	assert_output '45000|98000'
	[ "$(db_count journal)" = 4 ]
}

@test "enrol: --kind institution: a community centre is designated from --as-of, a hospital needs designated_from (data.md institution)" {
	# a registry that already holds the policy's institutions
	run enrol -q --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	printf '%s\n' code,name,type,designated_from,designated_to XQ,Xinqiao,community,, > c.csv
	run --separate-stderr enrol -q --kind institution --as-of 2007-08-01 c.csv
	assert_success
	assert_output - <<-'EOF'
	code,name,type,designated_from,designated_to
	XQ,Xinqiao,community,2007-08-01,
	EOF
	printf '%s\n' code,name,type,designated_from,designated_to H1,Hospital,hospital,, > h.csv
	run -65 enrol --kind institution h.csv
	assert_line 'enrol: h.csv:2: designated_from: is required for a hospital'
}

@test "enrol: --kind institution on a new database prints only the institutions it was given (cli.md enrol)" {
	printf '%s\n' code,name,type,designated_from,designated_to XQ,Xinqiao,community,2007-08-01, > c.csv
	run --separate-stderr enrol --kind institution c.csv
	assert_success
	assert_output - <<-'EOF'
	code,name,type,designated_from,designated_to
	XQ,Xinqiao,community,2007-08-01,
	EOF
	on_stderr
	assert_line --index -1 --partial 'enrol: added 1 institution record (0 already in the registry) as journal entry 1; journal 1 '
}

# ---- the journal ----

@test "enrol: the journal records user, command, each input's name and SHA-256, policy and changes (quality.md security)" {
	cp "$DATA/enrol/household.csv" h.csv
	printf '%s\n' "$PERSON_HEADER" 110105198001010032,Zhao,H3,head,Sanlitun,urban,employed,0 > z.csv
	run enrol -q --as-of 2007-09-01 h.csv z.csv
	assert_success
	run sqlite3 "$JIUZHU_DB" "SELECT entry, user, command FROM journal"
	assert_output "1|$(id -un)|enrol -q --as-of 2007-09-01 h.csv z.csv"
	run sqlite3 "$JIUZHU_DB" "SELECT json_extract(inputs, '\$[0].name'), json_extract(inputs, '\$[0].sha256'),
		json_extract(inputs, '\$[1].name'), json_extract(inputs, '\$[1].sha256'),
		json_array_length(inputs) FROM journal"
	assert_output "h.csv|$(sha256sum < h.csv | cut -c1-64)|z.csv|$(sha256sum < z.csv | cut -c1-64)|2"
	run sqlite3 "$JIUZHU_DB" "SELECT json_extract(changes, '\$.person'), prev, at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z',
		policy GLOB '?*@?*' FROM journal"
	assert_output "3|$ZEROS|1|1"
	# every person row points at its entry, input and line
	run sqlite3 "$JIUZHU_DB" "SELECT national_id, entry, src, line FROM person ORDER BY rowid"
	assert_output - <<-'EOF'
	110105198001010016|1|0|2
	110105198001010024|1|0|3
	110105198001010032|1|1|2
	EOF
}

@test "enrol: each journal entry's hash is the SHA-256 of its fields and chains to the one before (quality.md security)" {
	run enrol -q --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	printf '%s\n' "$PERSON_HEADER" 110105198001010032,Zhao,H3,head,Sanlitun,urban,employed,0 > z.csv
	run enrol -q z.csv
	assert_success
	printf '%s\n' application_id,national_id,programme,received_on,street,reason,requested \
		APP-1,110105198001010016,temporary,2007-09-05,Sanlitun,medical,3000 > app.csv
	run enrol -q --kind application app.csv
	assert_success
	[ "$(db_count journal)" = 3 ]
	assert_equal "$(stored_prev 1)" "$ZEROS"
	for e in 1 2 3; do
		assert_equal "$(recompute_hash $e)" "$(stored_hash $e)"
	done
	assert_equal "$(stored_prev 2)" "$(stored_hash 1)"
	assert_equal "$(stored_prev 3)" "$(stored_hash 2)"
}

@test "enrol: tampering with a journal row no longer matches its hash, nor the next entry's prev (quality.md security)" {
	run enrol -q --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	printf '%s\n' "$PERSON_HEADER" 110105198001010032,Zhao,H3,head,Sanlitun,urban,employed,0 > z.csv
	run enrol -q z.csv
	assert_success
	assert_equal "$(recompute_hash 1)" "$(stored_hash 1)"
	sqlite3 "$JIUZHU_DB" "UPDATE journal SET changes = replace(changes, '\"person\":2', '\"person\":1') WHERE entry = 1"
	run sqlite3 "$JIUZHU_DB" "SELECT json_extract(changes, '\$.person') FROM journal WHERE entry = 1"
	assert_output 1
	tampered=$(recompute_hash 1)
	assert_not_equal "$tampered" "$(stored_hash 1)"
	assert_not_equal "$tampered" "$(stored_prev 2)"
	# entry 2 itself is untouched and still hashes right
	assert_equal "$(recompute_hash 2)" "$(stored_hash 2)"
}

@test "enrol: --keep-going journals only the records it wrote (cli.md enrol)" {
	printf '%s\n' "$PERSON_HEADER" \
		110105198001010016,A,H1,head,Sanlitun,urban,employed,100 \
		110105198001010024,B,H2,head,Sanlitun,urban,employed,x \
		110105198001010032,C,H3,head,Sanlitun,urban,employed,300 > in.csv
	run -1 enrol -q --keep-going in.csv
	run sqlite3 "$JIUZHU_DB" "SELECT json_extract(changes, '\$.person') FROM journal"
	assert_output 2
	assert_equal "$(recompute_hash 1)" "$(stored_hash 1)"
}

# ---- concurrent runs ----

@test "enrol: two runs started at once on an existing registry both finish, both sets kept, journal chained (quality.md reliability)" {
	printf '%s\n' "$PERSON_HEADER" 110105198001010059,Zhou,H5,head,Dongba,rural,employed,0 > first.csv
	printf '%s\n' "$PERSON_HEADER" \
		110105198001010016,Wang,H1,head,Sanlitun,urban,employed,0 \
		110105198001010024,Li,H1,spouse,Sanlitun,urban,employed,0 > a.csv
	printf '%s\n' "$PERSON_HEADER" \
		110105198001010032,Zhao,H3,head,Chuiyangliu,urban,employed,0 \
		110105198001010040,Sun,H3,spouse,Chuiyangliu,urban,employed,0 > b.csv
	for i in 1 2 3 4 5; do
		db=$BATS_TEST_TMPDIR/run$i.db
		enrol --db "$db" -q first.csv > /dev/null
		enrol --db "$db" -q a.csv > a.out 2> a.err &
		pa=$!
		enrol --db "$db" -q b.csv > b.out 2> b.err &
		pb=$!
		wait $pa && ra=0 || ra=$?
		wait $pb && rb=0 || rb=$?
		assert_equal "$ra/$rb $(cat a.err b.err)" "0/0 "
		assert_equal "$(sqlite3 "$db" "SELECT count(*) FROM person")" 5
		assert_equal "$(sqlite3 "$db" "SELECT count(*) FROM journal")" 3
		for e in 1 2 3; do
			assert_equal "$(recompute_hash $e "$db")" "$(stored_hash $e "$db")"
		done
		assert_equal "$(stored_prev 2 "$db")" "$(stored_hash 1 "$db")"
		assert_equal "$(stored_prev 3 "$db")" "$(stored_hash 2 "$db")"
	done
}

@test "enrol: two runs started at once on a new database both finish, both sets kept, journal of 2 chained (quality.md reliability)" {
	printf '%s\n' "$PERSON_HEADER" \
		110105198001010016,Wang,H1,head,Sanlitun,urban,employed,0 \
		110105198001010024,Li,H1,spouse,Sanlitun,urban,employed,0 > a.csv
	printf '%s\n' "$PERSON_HEADER" \
		110105198001010032,Zhao,H3,head,Chuiyangliu,urban,employed,0 \
		110105198001010040,Sun,H3,spouse,Chuiyangliu,urban,employed,0 > b.csv
	# repeated, as the race is won or lost by timing
	for i in 1 2 3 4 5 6 7 8 9 10; do
		db=$BATS_TEST_TMPDIR/new$i.db
		enrol --db "$db" -q a.csv > a.out 2> a.err &
		pa=$!
		enrol --db "$db" -q b.csv > b.out 2> b.err &
		pb=$!
		wait $pa && ra=0 || ra=$?
		wait $pb && rb=0 || rb=$?
		# Whichever made the file says so; the other says nothing.
		assert_equal "$ra/$rb $(cat a.err b.err)" "0/0 enrol: created $db"
		run sqlite3 "$db" "SELECT national_id FROM person ORDER BY national_id"
		assert_output - <<-'EOF'
		110105198001010016
		110105198001010024
		110105198001010032
		110105198001010040
		EOF
		assert_equal "$(sqlite3 "$db" "SELECT count(*) FROM journal")" 2
		assert_equal "$(stored_prev 1 "$db")" "$ZEROS"
		assert_equal "$(stored_prev 2 "$db")" "$(stored_hash 1 "$db")"
		assert_equal "$(recompute_hash 2 "$db")" "$(stored_hash 2 "$db")"
		[ "$(stat -c %a "$db")" = 600 ]
	done
}

@test "enrol: a failing run that created the database does not delete what a concurrent run committed (quality.md reliability)" {
	# A: a slow intake that will fail (20000 rows, one ID with wrong check character)
	awk -v h="$PERSON_HEADER" 'BEGIN { print h; for (i = 1; i <= 20000; i++)
		print "110105198001010015,P" i ",H" i ",head,Sanlitun,urban,employed,0" }' > slow-bad.csv
	printf '%s\n' "$PERSON_HEADER" 110105198001010032,Zhao,H3,head,Chuiyangliu,urban,employed,0 > good.csv
	enrol -q slow-bad.csv > /dev/null 2> a.err &
	pa=$!
	# B starts once A has created the database and put it in WAL mode
	for _ in $(seq 1 500); do
		[ -e "$JIUZHU_DB-wal" ] && break
		sleep 0.01
	done
	run enrol -q good.csv
	assert_success
	wait $pa && ra=0 || ra=$?
	assert_equal "$ra" 65
	[ -e "$JIUZHU_DB" ]
	run sqlite3 "$JIUZHU_DB" "SELECT national_id FROM person"
	assert_output 110105198001010032
}

@test "enrol: --keep-going rejects a move that leaves the old household without a head (cli.md enrol)" {
	printf '%s\n' national_id,name,household_id,relation,street,hukou_type,employment,effective \
		110105198001010016,A,H1,head,S,urban,employed,2007-01-01 \
		110105198001010024,B,H1,spouse,S,urban,employed,2007-01-01 > h1.csv
	printf '%s\n' national_id,name,household_id,relation,street,hukou_type,employment,effective \
		110105198001010016,A,H2,head,S,urban,employed,2008-01-01 > move.csv
	enrol -q h1.csv > /dev/null
	run -1 enrol -q --keep-going --rejects r.csv move.csv
	assert_line 'enrol: move.csv:2: household_id: household H1: no head from 2008-01-01 (110105********0016 moved to household H2); give a member relation=head effective 2008-01-01 in the same intake'
	run cut -d, -f1,2,5 r.csv
	assert_output $'source,line,national_id\nmove.csv,2,110105198001010016'
	assert_equal "$(sqlite3 "$JIUZHU_DB" "SELECT count(*) FROM person")" 2
}

@test "enrol: --keep-going takes back rows until every household holds, not only the first failing one (cli.md enrol)" {
	# P heads A, Q is his spouse; R heads B.  P moves to head B and Q becomes
	# head of A: B gets two heads; taking P's row back would leave A with two.
	printf '%s\n' national_id,name,household_id,relation,street,hukou_type,employment,effective \
		110105198001010016,P,A,head,S,urban,employed,2007-01-01 \
		110105198001010024,Q,A,spouse,S,urban,employed,2007-01-01 \
		110105198001010032,R,B,head,S,urban,employed,2007-01-01 > base.csv
	printf '%s\n' national_id,name,household_id,relation,street,hukou_type,employment,effective \
		110105198001010016,P,B,head,S,urban,employed,2008-01-01 \
		110105198001010024,Q,A,head,S,urban,employed,2008-01-01 > move2.csv
	enrol -q base.csv > /dev/null
	run -1 enrol -q --keep-going --rejects r.csv move2.csv
	run cut -d, -f2,5 r.csv
	assert_output $'line,national_id\n2,110105198001010016\n3,110105198001010024'
	assert_equal "$(sqlite3 "$JIUZHU_DB" "SELECT count(*) FROM person")" 3
}

@test "enrol: a community centre enrolled again on a later day keeps its designation date (data.md institution)" {
	printf '%s\n' code,name,type,designated_from,designated_to XQ,Xinqiao,community,, > inst.csv
	enrol -q --kind institution --as-of 2008-01-01 inst.csv > /dev/null
	run -0 --separate-stderr enrol --kind institution --as-of 2008-01-02 inst.csv
	assert_equal "$stderr" 'enrol: nothing new: 1 record already in the registry'
	assert_equal "${#lines[@]}" 1 # the header alone (cli.md: every CSV has its header)
	assert_equal "$(sqlite3 "$JIUZHU_DB" "SELECT designated_from FROM institution WHERE code = 'XQ'")" 2008-01-01
}

@test "enrol: a policy whose institution is bad fails the run, also with --keep-going (policy.md)" {
	sed 's/"type": "hospital"/"type": "clinic"/' "$ROOT/policies/chaoyang-2007.json" > bad-policy.json
	printf '%s\n' "$PERSON_HEADER" 110105198001010016,A,H1,head,S,urban,employed,0 > p.csv
	run -65 enrol --policy bad-policy.json --keep-going --rejects r.csv p.csv
	assert_line --partial 'type: unknown code '"'"'clinic'"'"'; expected one of: community, hospital'
	[ ! -e r.csv ]
	run compgen -G 'r.csv.*'
	assert_failure
}
