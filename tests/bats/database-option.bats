#!/usr/bin/env bats
# No default database (cli.md, Conventions): --db or JIUZHU_DB, else exit 64
# with the fix; "created FILE" when a writing run makes it.

bats_require_minimum_version 1.5.0

setup() { load 'test_helper/common-setup'; _common_setup; unset JIUZHU_DB; }

@test "cli.md: without --db or JIUZHU_DB every command exits 64, says how, and creates nothing" {
	for cmd in "enrol $EXAMPLES/persons.csv" "assess" "grant --period 2007-10" \
		"settle --quarter 2007Q4 --summary" "report summary"; do
		run -64 --separate-stderr $cmd
		assert_equal "$stderr" "${cmd%% *}: no database given: give --db FILE, or set JIUZHU_DB=FILE in the environment (there is no default)"
		assert_output ''
	done
	JIUZHU_DB= run -64 enrol "$EXAMPLES/persons.csv"
	! compgen -G '*.db*' || fail "made: $(ls -A)"
}

@test "cli.md: a writing run says 'created FILE' when it makes the database, and only then" {
	run -0 --separate-stderr enrol -q --db new.db --as-of 2007-09-01 "$EXAMPLES/persons.csv"
	assert_equal "${stderr_lines[0]}" "enrol: created new.db"
	assert_equal "$(stat -c %a new.db)" 600
	run -0 --separate-stderr enrol -q --db new.db --as-of 2007-09-01 "$EXAMPLES/persons.csv"
	[[ $stderr != *created* ]]
	JIUZHU_DB=$PWD/env.db run -0 --separate-stderr enrol -q --kind institution "$EXAMPLES/institutions.csv"
	assert_equal "${stderr_lines[0]}" "enrol: created $PWD/env.db"
}

@test "cli.md: a run that only reads creates nothing and says no such database" {
	run -66 --separate-stderr report --db none.db summary
	assert_equal "$stderr" "report: none.db: no such database; give --db"
	[ ! -e none.db ]
}

@test "cli.md: --help and --version need no database" {
	for cmd in enrol assess grant settle report; do
		run -0 $cmd --version
		run -0 $cmd --help
		assert_output --partial "--db=FILE              the database (else \$JIUZHU_DB; no default)"
	done
}
