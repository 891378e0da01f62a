#!/usr/bin/env bats
# settle: a settlement of 200,000 claims killed with SIGKILL at several
# moments leaves either none or all of its lines, and an intact database
# (quality.md reliability).

bats_require_minimum_version 1.5.0

setup_file() {
	[ -z "${JIUZHU_VALGRIND:-}" ] || return 0 # the test is skipped
	load 'test_helper/common-setup'
	_common_setup
	cd "$BATS_FILE_TMPDIR" || return 1
	export JIUZHU_DB="$BATS_FILE_TMPDIR/base.db"
	awk -v n=20000 -v m=200000 -v what=claims -f "$BATS_TEST_DIRNAME/test_helper/synthetic.awk" > claims.csv
	settle_registry 20000
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

@test "settle: kill -9 while settling 200,000 claims leaves none or all of the lines" {
	[ -z "${JIUZHU_VALGRIND:-}" ] || skip "under valgrind: a kill at a moment of valgrind's start, not of the run"
	local killed=0 claims="$BATS_FILE_TMPDIR/claims.csv"
	for moment in 0.05 0.3 0.7 1.2 1.8 2.5; do
		rm -f "$JIUZHU_DB" "$JIUZHU_DB-wal" "$JIUZHU_DB-shm"
		cp "$BATS_FILE_TMPDIR/base.db" "$JIUZHU_DB"
		settle -q --quarter 2007Q4 "$claims" > lines.csv 2> /dev/null &
		local pid=$!
		sleep "$moment"
		kill -9 "$pid" 2> /dev/null || true
		local st=0
		wait "$pid" || st=$?
		[ "$st" -eq 137 ] && killed=$((killed + 1))
		run sqlite3 "$JIUZHU_DB" 'PRAGMA integrity_check'
		assert_output ok
		run db_count claim
		echo "# killed at ${moment}s (exit $st): $output lines stored" >&3
		[ "$output" = 0 ] || [ "$output" = 200000 ]
		[ "$st" -eq 137 ] || [ "$output" = 200000 ]
		# Nothing is shown before the commit: a run killed before it
		# shows no line.  (Killed after it, while its lines were being
		# shown, it shows some: they are stored.)
		[ "$st" -ne 137 ] || [ "$output" = 200000 ] || [ ! -s lines.csv ]
	done
	[ "$killed" -ge 1 ]
	settle -q --quarter 2007Q4 "$claims" > /dev/null
	run db_count claim
	assert_output 200000
}
