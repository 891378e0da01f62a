#!/usr/bin/env bats
# make install: the commands, the man pages, the default policy and the
# schemas under PREFIX, staged in DESTDIR (quality.md set-up).

bats_require_minimum_version 1.5.0

setup() { load 'test_helper/common-setup'; _common_setup; }

@test "make install puts enrol, assess, their man pages, the policy and the schemas under DESTDIR/PREFIX" {
	run -0 make -s -C "$ROOT" install PREFIX=/opt/jz DESTDIR="$BATS_TEST_TMPDIR/stage"
	for f in bin/enrol bin/assess share/man/man1/enrol.1 share/man/man1/assess.1 \
		share/man/man5/jiuzhu-policy.5 share/man/man7/jiuzhu.7 \
		share/jiuzhu/policies/chaoyang-2007.json share/jiuzhu/schemas/person.schema.json; do
		[ -f "$BATS_TEST_TMPDIR/stage/opt/jz/$f" ] || fail "missing $f"
	done
	run -0 "$BATS_TEST_TMPDIR/stage/opt/jz/bin/enrol" --version
	assert_output --partial 'enrol (jiuzhu)'
}

@test "an installed enrol needs nothing from the source tree: the policy and schema are built in" {
	make -s -C "$ROOT" install PREFIX=/opt/jz DESTDIR="$BATS_TEST_TMPDIR/stage"
	cp "$EXAMPLES/persons.csv" .
	run -0 env -i PATH=/usr/bin:/bin "$BATS_TEST_TMPDIR/stage/opt/jz/bin/enrol" -q --db x.db --as-of 2007-09-01 persons.csv
	assert_equal "$(sqlite3 x.db "SELECT count(*) FROM person")" 80
	assert_equal "$(sqlite3 x.db "SELECT count(*) FROM institution")" 7
}
