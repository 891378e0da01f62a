#!/usr/bin/env bats
# assess: the dibao rules of rules.md 1 (seed 三(一)1) with hand-computed
# amounts.  Parameters come from tests/data/assess/policy.json: S urban
# 330.00 (390.00 from 2008-07-01, none from 2009-01-01), S rural 200.00, edge multiplier 1.50,
# coefficients elderly 0.10, severe disability 0.30, serious illness 0.20,
# minor 0.1235, released 12 months.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	POLICY="$DATA/assess/policy.json"
	enrol -q "$DATA/assess/persons.csv" > /dev/null
}

# The eligible, amount and reason of one unit's dibao decision on a date.
decision() {
	assess --policy "$POLICY" --as-of "$2" --programme dibao -f jsonl |
		grep -F "\"$1\"" | grep -F "/dibao/$1\"" | decision_fields
}

@test "assess: income exactly S·n is not below the standard: an edge household, not dibao (三(一)1)" {
	# H1: n=2, I=330+330=660.00 = S·n = 2 x 330.00; 660 < 1.5 x 660 = 990: edge
	run decision H1 2007-10-01
	assert_output "no 0.00 edge_household"
}

@test "assess: one fen below S·n is dibao for that fen (三(一)1)" {
	# H2: S·n - I = 660.00 - (330.00 + 329.99) = 0.01
	run decision H2 2007-10-01
	assert_output "yes 0.01 income_below_standard"
}

@test "assess: a member in two categories gets the highest increment only (三(一)1)" {
	# H3: one person, 67, severe disability (grade 1, certified): 0.30 beats elderly 0.10
	# 330.00 - 100.00 + 330.00 x 0.30 = 230.00 + 99.00 = 329.00
	run decision H3 2007-10-01
	assert_output "yes 329.00 income_below_standard"
}

@test "assess: the elderly increment starts on the 60th birthday, not the day before (rules.md age)" {
	# H4: born 1947-10-01, income 0
	run decision H4 2007-09-30   # 59: 330.00
	assert_output "yes 330.00 income_below_standard"
	run decision H4 2007-10-01   # 60: 330.00 + 330.00 x 0.10 = 363.00
	assert_output "yes 363.00 income_below_standard"
}

@test "assess: an increment rounds half up to the fen, once (rules.md money)" {
	# H5: parent and a child of 7: 660.00 - 0 + 330.00 x 0.1235 = 660.00 + 40.755 -> 700.76
	run decision H5 2007-10-01
	assert_output "yes 700.76 income_below_standard"
}

@test "assess: the urban standard changes on 2008-07-01 and the amount with it (policy.md)" {
	# H4 (60 and over): 2008-06-30: 330.00 + 33.00 = 363.00; 2008-07-01: 390.00 + 39.00 = 429.00
	run decision H4 2008-06-30
	assert_output "yes 363.00 income_below_standard"
	run decision H4 2008-07-01
	assert_output "yes 429.00 income_below_standard"
}

@test "assess: a rural wubao person gets S - own income + S x the highest coefficient (三(一)1 b)" {
	# 200.00 - 50.00 + 200.00 x 0.30 = 150.00 + 60.00 = 210.00; no household decision for H6
	run decision 110105193006060132 2007-10-01
	assert_output "yes 210.00 rural_wubao"
	run decision H6 2007-10-01
	assert_output ""
}

@test "assess: AIDS in an edge household is dibao for the patient alone (三(一)1 a)" {
	# H7: I = 700.00; S·n = 660.00 <= 700.00 < 990.00: edge. Patient: 330.00 - 0 = 330.00
	run decision H7 2007-10-01
	assert_output "no 0.00 edge_household"
	run decision 110105196908080179 2007-10-01
	assert_output "yes 330.00 aids_edge_household"
}

@test "assess: a released prisoner without hukou gets S - own income, with no window from the release date (三(一)1 c)" {
	# released 2007-03-15: 330.00 - 80.00 = 250.00.  Twelve payments in a
	# lifetime from the first one paid (grant(1) counts them; none here),
	# so a year after the release he is still eligible.
	run decision 110105197409090190 2008-03-14
	assert_output "yes 250.00 released_prisoner"
	run decision 110105197409090190 2008-03-15
	assert_output "yes 250.00 released_prisoner"
	# A unit of one alone: his household H8 has no decision of its own.
	run decision H8 2008-03-15
	assert_output ""
}

@test "assess: a household whose hukou is not in the district is not dibao (三(一)1)" {
	run decision H9 2007-10-01
	assert_output "no 0.00 hukou_not_local"
}

@test "assess: --explain shows each parameter with its value and date, and the arithmetic (data.md decision)" {
	run -0 assess --policy "$POLICY" --as-of 2007-10-01 --explain -f jsonl
	assert_line --partial '"trace":"dibao: S=330.00@2007-07-01 m=1.50@2007-07-01 n=1 I=100.00 S*n=330.00 c1=0.30@2007-07-01 S*n-I+S*0.30=330.00-100.00+99.00 -> 329.00"'
}

@test "assess: a parameter with no value on the date is exit 69 naming it and the date (policy.md)" {
	# the test policy ends the urban standard on 2009-01-01
	run --separate-stderr -69 assess --policy "$POLICY" --as-of 2009-01-01
	assert_output ""   # H1, the first household, needs it: nothing is printed
	on_stderr
	assert_output "assess: parameter dibao.standard.urban has no value on 2009-01-01 in policy assess-test@$(sha256sum "$POLICY" | cut -c1-12) (household H1)"
}

@test "assess: the same registry, policy and date give byte-identical output (cli.md assess)" {
	assess --policy "$POLICY" --as-of 2007-10-01 --programme dibao --explain > a.csv
	assess --policy "$POLICY" --as-of 2007-10-01 --programme dibao --explain > b.csv
	cmp a.csv b.csv
	# header, 7 households (not H6, a wubao person alone, nor H8, a released
	# prisoner alone: units of one, left out of n), 3 persons
	[ "$(wc -l < a.csv)" -eq 11 ]
}

@test "assess: --as-of a past date after later enrolments reproduces the earlier decisions (data.md person)" {
	assess --policy "$POLICY" --as-of 2007-10-01 > before.csv
	# H2's second earner loses 100.00 of income from 2008-01-01
	printf '%s\n' "$PERSON_HEADER,effective" \
		"110105197004040048,Below-B,H2,spouse,Sanlitun,urban,employed,229.99,2008-01-01" > later.csv
	enrol -q later.csv > /dev/null
	assess --policy "$POLICY" --as-of 2007-10-01 > after.csv
	cmp before.csv after.csv
	run decision H2 2008-01-01   # 660.00 - 559.99 = 100.01
	assert_output "yes 100.01 income_below_standard"
}

@test "assess: an unknown programme or a missing database is refused (cli.md exit status)" {
	run -64 assess --programme nosuch
	assert_output --partial "--programme nosuch"
	run -66 assess --db nosuch.db
	assert_output --partial "nosuch.db: no such database"
}

@test "assess: --record stores the decisions once, journalled; recording again adds nothing (cli.md assess)" {
	run --separate-stderr -0 assess --policy "$POLICY" --as-of 2007-10-01 --programme dibao --record
	on_stderr
	# 7 households and 3 persons (H6 and H8 are units of one alone: no
	# household decision)
	assert_output --partial "assess: recorded 10 decisions (0 recorded already) as journal entry 2; journal 2 "
	assert_equal "$(sqlite3 "$JIUZHU_DB" "SELECT amount FROM decision WHERE decision_id = '2007-10-01/dibao/H2'")" 1
	run --separate-stderr -0 assess --policy "$POLICY" --as-of 2007-10-01 --programme dibao --record
	on_stderr
	assert_output "assess: nothing new: 0 decisions to record (10 recorded already)"
	assert_equal "$(sqlite3 "$JIUZHU_DB" "SELECT count(*) FROM journal")" 2
}

@test "assess: a decision that changes is recorded again as a new row, the old one kept (quality.md reliability)" {
	assess -q --policy "$POLICY" --as-of 2007-10-01 --programme dibao --record > /dev/null
	printf '%s\n' "$PERSON_HEADER,effective" \
		"110105197004040048,Below-B,H2,spouse,Sanlitun,urban,employed,229.99,2007-09-01" > fix.csv
	enrol -q fix.csv > /dev/null   # a correction of the same date
	assess -q --policy "$POLICY" --as-of 2007-10-01 --programme dibao --record > /dev/null
	run sqlite3 "$JIUZHU_DB" "SELECT entry, amount FROM decision WHERE decision_id = '2007-10-01/dibao/H2' ORDER BY entry"
	assert_output $'2|1\n4|10001'   # 0.01, then 660.00 - 559.99 = 100.01
}

@test "assess: persons given as input are assessed as if enrolled, and nothing is stored (cli.md assess)" {
	# W1: one person, income 100.00: 330.00 - 100.00 = 230.00
	printf '%s\n' "$PERSON_HEADER" 110105197001010011,A,W1,head,S,urban,unemployed,100 |
		assess --policy "$POLICY" --as-of 2007-10-01 --programme dibao -f jsonl - > out.jsonl
	run cat out.jsonl
	assert_output --partial '"household_id":"W1","national_id":null,"application_id":null,"eligible":true,"amount":230.00'
	[ "$(wc -l < out.jsonl)" -eq 1 ]
	assert_equal "$(sqlite3 "$JIUZHU_DB" "SELECT count(*) FROM person WHERE household_id = 'W1'")" 0
}

@test "assess: a bad input record is exit 65 and nothing is assessed (cli.md exit status)" {
	printf '%s\n' "$PERSON_HEADER" 110105197001010012,A,W1,head,S,urban,unemployed,100 > bad.csv
	run --separate-stderr -65 assess --policy "$POLICY" --as-of 2007-10-01 bad.csv
	assert_output ""
	on_stderr
	assert_line "assess: bad.csv:2: national_id: check character is 2, expected 1"
	assert_line "assess: 1 bad record; nothing was assessed"
}

@test "assess: a release date after the date assessed is not yet the released year (三(一)1 c)" {
	run decision 110105197409090190 2007-03-14
	assert_output ""   # not yet in the registry on that date
	printf '%s\n' "$PERSON_HEADER,released_on,hukou_pending,effective" \
		"110105197409090190,Released,H8,head,Sanlitun,urban,unemployed,80,2008-06-01,yes,2008-01-01" > later.csv
	enrol -q later.csv > /dev/null
	run decision 110105197409090190 2008-02-01
	assert_output "no 0.00 not_yet_released"
}

@test "assess: a huge income does not overflow the comparison with S.n (rules.md money)" {
	# 100,000,000,000.00 yuan a month: far above 1.5 x S.n, so not an edge household
	printf '%s\n' "$PERSON_HEADER,effective" "110105198010100216,Migrant,H9,head,Sanlitun,urban,employed,100000000000,2007-09-15" > rich.csv
	enrol -q rich.csv > /dev/null
	run decision H9 2007-10-01
	assert_output "no 0.00 income_not_below_standard"
}
