#!/usr/bin/env bats
# What one command writes, the next reads (cli.md, Conventions): typed JSON
# and TSV out are the same records in when piped on, so an analyst's
# pipeline may use any format between its steps.  On the example district:
# the registry, its October decisions, grants and payroll, its claims.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

registry() {
	sqlite3 "$1" "SELECT national_id, name, household_id, monthly_income, hukou_local,
	  disability_grade, disability_cert, residence_since FROM person ORDER BY national_id"
}

@test "round trip: enrol's typed JSON Lines and TSV, enrolled again, store the same registry" {
	enrol -q --as-of 2007-09-01 -f jsonl "$EXAMPLES/persons.csv" > persons.jsonl
	JIUZHU_DB=$PWD/first.db enrol -q --as-of 2007-09-01 -f tsv -o persons.tsv \
		"$EXAMPLES/persons.csv"
	# Typed: money a number with two decimals, yes/no true/false, empty null.
	run jq -e -s 'length == 80 and (map(.monthly_income | type) | unique) == ["number"]
	  and (map(.hukou_local | type) | unique) == ["boolean"]' persons.jsonl
	assert_success
	JIUZHU_DB=$PWD/j.db enrol -q --as-of 2007-09-01 persons.jsonl > /dev/null
	JIUZHU_DB=$PWD/t.db enrol -q --as-of 2007-09-01 persons.tsv > /dev/null
	registry "$JIUZHU_DB" > csv.txt
	registry j.db > jsonl.txt
	registry t.db > tsv.txt
	assert_equal "$(wc -l < csv.txt)" 80
	run diff csv.txt jsonl.txt
	assert_success
	run diff csv.txt tsv.txt
	assert_success
}

@test "round trip: assess's typed JSON into grant pays what its CSV pays" {
	enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null
	grant -q --as-of 2007-09-30 "$EXAMPLES/funding.csv" > /dev/null
	cp "$JIUZHU_DB" json.db
	assess -q --as-of 2007-10-01 | grant -q --as-of 2007-10-01 > /dev/null
	JIUZHU_DB=$PWD/json.db assess -q --as-of 2007-10-01 -f jsonl |
		JIUZHU_DB=$PWD/json.db grant -q --as-of 2007-10-01 > /dev/null
	q='SELECT grant_id, amount, "end" FROM "grant" ORDER BY 1, 2, 3'
	run diff <(sqlite3 "$JIUZHU_DB" "$q") <(sqlite3 json.db "$q")
	assert_success
	# Some money was granted: the comparison is of something.
	run sqlite3 json.db 'SELECT count(*) > 100, sum(amount) > 0 FROM "grant"'
	assert_output "1|1"
}

@test "round trip: settle's lines as TSV and typed JSON sum in report lines as their CSV does" {
	enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null
	enrol -q --kind institution "$EXAMPLES/institutions.csv" > /dev/null
	assess -q --as-of 2007-10-01 --programme medical | grant -q --as-of 2007-10-01 > /dev/null
	settle -q --quarter 2007Q4 -n "$EXAMPLES"/claims/*.csv > lines.csv
	settle -q --quarter 2007Q4 -n -f tsv "$EXAMPLES"/claims/*.csv > lines.tsv
	settle -q --quarter 2007Q4 -n -f jsonl "$EXAMPLES"/claims/*.csv > lines.jsonl
	report lines lines.csv > by-csv.csv
	assert_equal "$(wc -l < by-csv.csv)" "$(($(cut -d, -f2 lines.csv | sort -u | wc -l)))"
	run diff by-csv.csv <(report lines lines.tsv)
	assert_success
	run diff by-csv.csv <(report lines - < lines.jsonl)
	assert_success
}
