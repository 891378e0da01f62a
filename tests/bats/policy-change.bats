#!/usr/bin/env bats
# A policy change as jiuzhu-policy(5) EXAMPLES does it: report --policy
# reads a new file and stores nothing; the first writing run given it
# stores it, and the runs after it use it without --policy (policy.md).

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	export JIUZHU_TODAY=2009-07-01
	enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null
	# The document's standard of 2008-07-01 (390.00), raised to 410.00 from 2009-07-01.
	jq '.id = "chaoyang-2009" | .parameters["dibao.standard.urban"] |=
		[{"from": "2009-07-01", "value": "410.00", "source": "test"}] + .' \
		"$ROOT/policies/chaoyang-2007.json" > chaoyang-2009.json
}

urban() { report --as-of 2009-07-01 "$@" policy | awk -F, '$1 == "dibao.standard.urban" { print $2 }'; }

@test "policy.md: report --policy shows the new standard and stores nothing" {
	assert_equal "$(urban --policy chaoyang-2009.json)" 410.00
	assert_equal "$(urban)" 390.00
	assert_equal "$(sqlite3 "$JIUZHU_DB" 'SELECT group_concat(id) FROM policy')" chaoyang-2007
}

@test "policy.md: assess --record --policy stores it; grant --period after it pays 410.00 less income" {
	assess -q --policy chaoyang-2009.json --as-of 2009-07-01 --programme dibao --record > /dev/null
	assert_equal "$(sqlite3 "$JIUZHU_DB" 'SELECT group_concat(id) FROM policy')" chaoyang-2007,chaoyang-2009
	assert_equal "$(urban)" 410.00
	# CYL-001 (three urban persons, the head earning 1100.00): 3 x 410.00 - 1100.00 = 130.00,
	# where the standard of 2008 gave 3 x 390.00 - 1100.00 = 70.00.
	run -0 grant -q --recorded --as-of 2009-07-01 --period 2009-07
	assert_equal "$(sqlite3 "$JIUZHU_DB" "SELECT amount FROM \"grant\" WHERE chain = 'dibao/household/CYL-001'")" 13000
	assert_equal "$(sqlite3 "$JIUZHU_DB" "SELECT DISTINCT substr(policy, 1, 13) FROM decision")" chaoyang-2009
}
