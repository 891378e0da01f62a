#!/bin/sh
# make crash: runs of enrol, grant --period and settle on large inputs,
# each killed with SIGKILL at moments drawn from a seed (quality.md
# reliability: "kill -9 at any moment leaves the database as it was before
# the run or as it is after it").  After each kill:
#   - PRAGMA integrity_check says ok;
#   - the database holds none of the run or all of it: the row count of
#     every table, the balance of every account and the last journal entry
#     (its number and the rows it says it added) are those of the database
#     before the run, or those left by the same run not killed;
#   - report audit verifies it (the journal chain, every amount): exit 0;
#   - the run again finishes what the kill left undone, or finds nothing
#     new: the database is then as the run not killed left it.
#   crash.sh BUILD_DIR
# Environment:
#   CRASH_KILLS     kills per command (20)
#   CRASH_SEED      the seed of the moments (drawn from the clock when
#                   unset); printed, and the same seed gives the same
#                   moments as fractions of the run's measured length
#   CRASH_SIZE      persons enrolled, households paid (100000); settle
#                   settles CRASH_SIZE claims of CRASH_SIZE/5 persons
#   CRASH_COMMANDS  the commands to kill ("enrol grant settle")
#   CRASH_DIR       work directory (a new one in /tmp, removed when every
#                   check passed)
# Prints one "ok"/"not ok" line a kill and ends with "N passed, N failed".
set -u
build=${1:-build/out}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "$build/bin" && pwd) || exit 2
PATH="$bin:$PATH"
kills=${CRASH_KILLS:-20}
seed=${CRASH_SEED:-$(($(date +%s) % 1000000))}
size=${CRASH_SIZE:-100000}
commands=${CRASH_COMMANDS:-enrol grant settle}
synthetic="$root/tests/bats/test_helper/synthetic.awk"
if [ -n "${CRASH_DIR:-}" ]; then
	dir=$CRASH_DIR
	keep=1
else
	dir=$(mktemp -d /tmp/jiuzhu-crash.XXXXXX) || exit 2
	keep=0
fi
export JIUZHU_TODAY=2026-11-29
unset LANG LC_ALL
pass=0
fail=0

echo "# crash: seed $seed, $kills kills per command, size $size, in $dir"

now_ms() {
	echo $(($(date +%s%N) / 1000000))
}

# The database's state: the row count of each table, the balance of each
# account, the last journal entry and the rows it added.
state() {
	sql=
	for t in $(sqlite3 "$1" "SELECT name FROM sqlite_master WHERE type = 'table'
	    AND name NOT LIKE 'sqlite_%' ORDER BY name"); do
		sql="$sql SELECT '$t', count(*) FROM \"$t\";"
	done
	sqlite3 "$1" "$sql SELECT name, balance FROM account ORDER BY name;
	  SELECT entry, changes FROM journal ORDER BY entry DESC LIMIT 1;"
}

# n moments for stream k of the seed: "fraction seconds" lines, the
# fraction uniform in [0, 1) of the run's length ms (Park-Miller, exact
# in awk's doubles).
moments() {
	awk -v seed="$seed" -v k="$1" -v n="$2" -v ms="$3" 'BEGIN {
		m = 2147483647
		r = (seed * 8 + k) % (m - 1) + 1
		for (i = 0; i < 3; i++)
			r = r * 16807 % m
		for (i = 0; i < n; i++) {
			r = r * 16807 % m
			printf "%.4f %.3f\n", r / m, r / m * ms / 1000
		}
	}'
}

# The base database and inputs of each command, and the run to kill (run_*
# exec the command: called in a subshell, in the background or not, so
# that $! is the command's own process).
setup_enrol() {
	awk -v n=100 -v what=persons -f "$synthetic" > small.csv
	awk -v n="$size" -v what=persons -f "$synthetic" > persons.csv
	enrol -q small.csv > /dev/null
}
run_enrol() {
	exec enrol -q persons.csv
}

setup_grant() {
	awk -v n="$size" -v what=persons -f "$synthetic" > persons.csv
	awk -v n="$size" -v what=decisions -f "$synthetic" > decisions.csv
	enrol -q persons.csv > /dev/null &&
	grant -q decisions.csv > /dev/null &&
	printf 'account,date,amount,source,note\nbudget,2007-09-30,%d,budget,\n' $((size * 200)) |
		grant -q --kind funding > /dev/null
}
run_grant() {
	exec grant -q --period 2007-10 --as-of 2007-10-05
}

setup_settle() {
	persons=$((size / 5 > 0 ? size / 5 : 1))
	awk -v n="$persons" -v what=persons -f "$synthetic" > persons.csv
	awk -v n="$persons" -v what=medical -f "$synthetic" > medical.csv
	awk -v n="$persons" -v m="$size" -v what=claims -f "$synthetic" > claims.csv
	enrol -q --policy "$root/tests/data/settle/policy.json" persons.csv > /dev/null &&
	enrol -q --kind institution "$root/tests/data/settle/institutions.csv" > /dev/null &&
	grant -q medical.csv > /dev/null
}
run_settle() {
	exec settle -q --quarter 2007Q4 claims.csv
}

fresh() {
	rm -f "$JIUZHU_DB" "$JIUZHU_DB-wal" "$JIUZHU_DB-shm"
	cp base.db "$JIUZHU_DB"
}

# Report a result; keep the database of a failed check.
result() {
	if [ "$1" = ok ]; then
		pass=$((pass + 1))
		echo "ok $((pass + fail)) - $2"
	else
		fail=$((fail + 1))
		echo "not ok $((pass + fail)) - $2"
		mkdir -p "failed-$((pass + fail))"
		cp "$JIUZHU_DB"* "failed-$((pass + fail))/" 2> /dev/null
		echo "# kept in $PWD/failed-$((pass + fail))"
	fi
}

stream=0
for cmd in $commands; do
	stream=$((stream + 1))
	mkdir -p "$dir/$cmd" && cd "$dir/$cmd" || exit 2
	export JIUZHU_DB="$dir/$cmd/base.db"
	rm -f base.db base.db-wal base.db-shm
	if ! "setup_$cmd"; then
		result fail "$cmd: the base database could not be made"
		continue
	fi
	sqlite3 base.db 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
	before=$(state base.db)
	export JIUZHU_DB="$dir/$cmd/test.db"

	# The run not killed: the state it leaves, and its length (the shorter
	# of two runs: the first may read a cold cache).
	length=
	for _ in 1 2; do
		fresh
		t0=$(now_ms)
		("run_$cmd") < /dev/null > /dev/null 2> err
		st=$?
		t=$(($(now_ms) - t0))
		[ -n "$length" ] && [ "$length" -le "$t" ] || length=$t
		[ "$st" -eq 0 ] || break
	done
	after=$(state "$JIUZHU_DB")
	if [ "$st" -ne 0 ] || [ "$after" = "$before" ] || ! report audit > /dev/null 2>&1; then
		result fail "$cmd: the run not killed: exit $st, $(head -c 300 err)"
		continue
	fi
	echo "# $cmd: the run not killed takes $length ms: $(echo "$after" | tail -1)"

	none=0 all=0 finished=0 i=0
	moments "$stream" "$kills" "$length" > moments.txt
	while read -r fraction seconds; do
		i=$((i + 1))
		fresh
		"run_$cmd" < /dev/null > /dev/null 2>&1 &
		pid=$!
		sleep "$seconds"
		kill -9 "$pid" 2> /dev/null
		wait "$pid" 2> /dev/null
		st=$?
		what="$cmd: kill $i at $seconds s ($fraction of $length ms), exit $st"
		check=$(sqlite3 "$JIUZHU_DB" 'PRAGMA integrity_check' 2>&1)
		if [ "$check" != ok ]; then
			result fail "$what: integrity_check: $check"
			continue
		fi
		now=$(state "$JIUZHU_DB")
		if [ "$now" = "$before" ] && [ "$st" -eq 137 ]; then
			left=none
		elif [ "$now" = "$after" ] && { [ "$st" -eq 137 ] || [ "$st" -eq 0 ]; }; then
			left=all
		else
			result fail "$what: neither none nor all of the run: $(echo "$now" | tr '\n' ' ')"
			continue
		fi
		if ! report audit > audit.out 2>&1; then
			result fail "$what: $left of the run, and report audit fails: $(tail -3 audit.out)"
			continue
		fi
		if ! ("run_$cmd") < /dev/null > /dev/null 2> err || [ "$(state "$JIUZHU_DB")" != "$after" ]; then
			result fail "$what: $left of the run; the run again: $(head -c 300 err)"
			continue
		fi
		case $left.$st in
		none.*) none=$((none + 1)) ;;
		all.137) all=$((all + 1)) ;;
		*) finished=$((finished + 1)) ;;
		esac
		result ok "$what: $left of the run; audit ok; the run again completes it"
	done < moments.txt
	echo "# $cmd: $i kills: $none left none of the run, $all all of it, $finished after it had finished"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] || exit 1
[ "$keep" = 1 ] || rm -rf "$dir"
