#!/bin/sh
# make check: run the C unit tests, the bats tests, the man page lint and
# the layer check, print each result, and end with one line
# "N passed, N failed".
#   check.sh BUILD_DIR UNIT_TEST...
set -u
build=$1
shift
pass=0
fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Each source of results prints TAP-like "ok ..." / "not ok ..." lines.
tally() {
	while IFS= read -r line; do
		printf '%s\n' "$line"
		case $line in
		"not ok"*) fail=$((fail + 1)) ;;
		"ok"*) pass=$((pass + 1)) ;;
		esac
	done
}

# VALGRIND=1 (make check VALGRIND=1): the unit tests and every command the
# bats tests run go through valgrind (tests/bats/test_helper/common-setup.bash);
# an error or a leak fails its test (exit 99), and each log of one is listed.
vg=
if [ "${VALGRIND:-}" = 1 ]; then
	case $build in
	*san*) echo "check: VALGRIND=1 and SANITIZE=1 do not go together" >&2; exit 2 ;;
	esac
	JIUZHU_VALGRIND=1
	JIUZHU_VALGRIND_LOG=$(mktemp -d /tmp/jiuzhu-valgrind.XXXXXX)
	export JIUZHU_VALGRIND JIUZHU_VALGRIND_LOG
	vg="valgrind --error-exitcode=99 --leak-check=full --log-file=$JIUZHU_VALGRIND_LOG/%p.log"
fi

for t in "$@"; do
	$vg "$t" > "$log" 2>&1 || echo "not ok - $t exited $?" >> "$log"
	tally < "$log"
done

# The fuzz harnesses, without libFuzzer, over their seeds (one line) and
# over each input that once crashed them (fuzz/replay.c, fuzz/fuzz.mk).
sh fuzz/seed.sh "$build/fuzz/seeds"
for r in "$build"/fuzz/replay-*; do
	t=${r##*/replay-}
	set -- "$build/fuzz/seeds/$t"
	for f in tests/fuzz/"$t"/*; do
		[ -f "$f" ] && set -- "$@" "$f"
	done
	"$r" "$@" > "$log" 2>&1 || echo "not ok - $r exited $?" >> "$log"
	tally < "$log"
done

JIUZHU_BUILD=$build bats --tap tests/bats > "$log" 2>&1 || true
grep -q '^1\.\.' "$log" || echo "not ok - bats did not run" >> "$log"
tally < "$log"

if [ -n "$vg" ]; then
	for f in "$JIUZHU_VALGRIND_LOG"/*.log; do
		[ -e "$f" ] || continue
		if grep -q 'ERROR SUMMARY: 0 errors' "$f"; then
			rm -f "$f"
		else
			echo "not ok - valgrind: $(sed -n 's/^==[0-9]*== Command: //p' "$f") ($f)"
		fi
	done > "$log"
	tally < "$log"
	rmdir "$JIUZHU_VALGRIND_LOG" 2> /dev/null
fi

for m in man/*.[157]; do
	if out=$(mandoc -Tlint -W warning "$m" 2>&1) && [ -z "$out" ]; then
		echo "ok - mandoc -Tlint $m"
	else
		printf 'not ok - mandoc -Tlint %s\n%s\n' "$m" "$out"
	fi
done > "$log"
tally < "$log"

# The layers of lib/ (jiuzhu(7) LAYERS): includes point down, only store/
# calls SQLite, cmd/ sees its command's header, opts and diag.
sh tools/layers.sh > "$log"
tally < "$log"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
