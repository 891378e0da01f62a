#!/usr/bin/env bats
# jiuzhu(7) DESCRIPTION, "Data flow": the block of commands, taken from the
# man page as written, runs on the example district and every command in it
# succeeds (a man page's example that fails misleads whoever copies it).

bats_require_minimum_version 1.5.0

setup() { load 'test_helper/common-setup'; _common_setup; }

@test "jiuzhu(7) Data flow: every command of the block runs on the example district" {
	mkdir -p intake/2007-09 claims
	cp "$EXAMPLES/persons.csv" intake/2007-09/
	cp "$EXAMPLES/institutions.csv" .
	cp "$EXAMPLES/funding.csv" funding-2007q4.csv
	cp "$EXAMPLES"/claims/2007Q4-*.csv claims/
	# The example's signers, each as the user who runs the test.
	sed "2,\$s/^[^,]*,/$(id -un),/" "$EXAMPLES/staff.csv" > staff.csv
	unset JIUZHU_DB
	export JIUZHU_TODAY=2008-01-05
	sed -n '/^\.Ss Data flow/,/^\.Ed/p' "$ROOT/man/jiuzhu.7" | sed '1,2d;$d' |
		sed 's/\\e$/\\/' > flow.sh
	[ "$(grep -c . flow.sh)" -ge 10 ] || fail "the block was not found: $(cat flow.sh)"
	run -0 sh -e flow.sh
	assert_line --regexp '^2007Q4,CYL,8,9606.40,9436.60,2,1,health,open,health: 王芳'
	assert_line 'major_disease,2008,0.00,0.00,0.00,0.00,8800.00'
	assert_line --partial 'report: audit: 0 differences'
	[ -s settlement-2007Q4.csv ]
	[ ! -e jiuzhu.db ]
}
