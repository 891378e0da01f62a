#!/usr/bin/env bats
# make crash in small (tools/crash.sh): enrol, grant --period and settle
# killed with SIGKILL at 3 moments each, drawn from a seed; after each kill
# the database is intact, holds none or all of the run, and report audit
# verifies it (quality.md reliability).  CRASH_SEED=S repeats a seed.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

@test "crash: enrol, grant --period and settle killed at 3 moments each leave none or all of the run" {
	[ -z "${JIUZHU_VALGRIND:-}" ] || skip "under valgrind the moments would fall in valgrind's start"
	local seed=${CRASH_SEED:-$(($(date +%s) % 1000000))}
	echo "# crash seed $seed" >&3
	run env CRASH_KILLS=3 CRASH_SIZE=3000 CRASH_SEED="$seed" CRASH_DIR="$BATS_TEST_TMPDIR/crash" \
		sh "$ROOT/tools/crash.sh" "$ROOT/${JIUZHU_BUILD:-build/out}"
	echo "$output"
	assert_success
	assert_line "9 passed, 0 failed"
}
