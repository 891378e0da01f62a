#!/usr/bin/env bats
# Runs started at once on one database (quality.md reliability: "WAL mode
# and a busy timeout: two enrols and a settle started at once all finish,
# nothing lost").  Each run finishes (exit 0) or, its --busy-timeout past,
# exits 75 having written nothing; the database stays intact, report audit
# verifies it, and the counts add up: every person of every enrol that
# finished is there, every claim of every settle, one journal entry a run
# that finished, and the rows of each table are those the entries say.

bats_require_minimum_version 1.5.0

setup_file() {
	load 'test_helper/common-setup'
	_common_setup
	cd "$BATS_FILE_TMPDIR" || return 1
	export JIUZHU_DB="$BATS_FILE_TMPDIR/base.db"
	local awk="$BATS_TEST_DIRNAME/test_helper/synthetic.awk" i
	for i in 1 2 3 4; do
		awk -v n=2000 -v first=$((i * 10000)) -v what=persons -f "$awk" > "e$i.csv"
	done
	awk -v n=2000 -v m=5000 -v what=claims -f "$awk" > c1.csv
	sed 's/^C/D/' c1.csv > c2.csv
	settle_registry 2000
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
	F=$BATS_FILE_TMPDIR
	cp "$F/base.db" "$JIUZHU_DB"
	BASE=$(sqlite3 "$JIUZHU_DB" 'SELECT count(*) FROM journal')
	# The runs, and a part of the command line that tells each one's
	# journal entry.
	RUNS=("enrol -q $F/e1.csv" "enrol -q $F/e2.csv" "enrol -q $F/e3.csv"
	      "assess -q --record --as-of 2007-10-01" "assess -q --record --as-of 2007-11-01"
	      "settle -q --quarter 2007Q4 $F/c1.csv" "settle -q --quarter 2007Q4 $F/c2.csv")
	MARKS=(e1.csv e2.csv e3.csv 2007-10-01 2007-11-01 c1.csv c2.csv)
}

# Start every run of RUNS at once with --busy-timeout $1 and wait for all:
# ST[i] is the exit status of run i, err.i its standard error.
start_all() {
	local i pids=()
	for i in "${!RUNS[@]}"; do
		# shellcheck disable=SC2086 # a command line of words
		${RUNS[$i]} --busy-timeout "$1" > /dev/null 2> "err.$i" &
		pids[i]=$!
	done
	ST=()
	for i in "${!RUNS[@]}"; do
		ST[i]=0
		wait "${pids[$i]}" || ST[i]=$?
	done
	echo "# exit statuses: ${ST[*]}" >&3
}

# The journal entry of run i ("" when it has none).
entry_of() {
	sqlite3 "$JIUZHU_DB" "SELECT entry FROM journal WHERE entry > $BASE
	  AND instr(command, '${MARKS[$1]}') > 0"
}

# Every run finished or exited 75 having written nothing; what each that
# finished wrote is all there; the tables hold just what the journal says.
nothing_lost() {
	local i e finished=0
	for i in "${!RUNS[@]}"; do
		e=$(entry_of "$i")
		case ${ST[$i]} in
		0)
			finished=$((finished + 1))
			[ -n "$e" ] || { echo "run $i (${RUNS[$i]}) finished with no journal entry"; return 1; }
			;;
		75)
			grep -q 'locked' "err.$i" || { cat "err.$i"; return 1; }
			[ -z "$e" ] || { echo "run $i exited 75 and has entry $e"; return 1; }
			continue
			;;
		*)
			echo "run $i (${RUNS[$i]}) exited ${ST[$i]}: $(cat "err.$i")"
			return 1
			;;
		esac
		case ${RUNS[$i]} in
		enrol*) [ "$(db_count "person WHERE entry = $e")" = 2000 ] ;;
		settle*) [ "$(db_count "claim WHERE entry = $e")" = 5000 ] ;;
		assess*) [ "$(db_count "decision WHERE entry = $e")" -gt 0 ] ;;
		esac || { echo "run $i (${RUNS[$i]}): entry $e lacks rows"; return 1; }
	done
	[ "$(db_count journal)" = $((BASE + finished)) ] || { echo "journal: $(db_count journal) entries"; return 1; }
	# Each table's rows of the new entries are those the entries counted.
	local wrong
	wrong=$(sqlite3 "$JIUZHU_DB" "SELECT name FROM sqlite_master m WHERE type = 'table' AND name <> 'journal' AND
	  EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'entry')" | while read -r t; do
		sqlite3 "$JIUZHU_DB" "SELECT '$t: ' || (SELECT count(*) FROM \"$t\" WHERE entry > $BASE)
		  || ' rows, the journal says ' || (SELECT coalesce(sum(json_extract(changes, '\$.$t')), 0)
		  FROM journal WHERE entry > $BASE) WHERE (SELECT count(*) FROM \"$t\" WHERE entry > $BASE) <>
		  (SELECT coalesce(sum(json_extract(changes, '\$.$t')), 0) FROM journal WHERE entry > $BASE)"
	done)
	[ -z "$wrong" ] || { echo "$wrong"; return 1; }
	[ "$(sqlite3 "$JIUZHU_DB" 'PRAGMA integrity_check')" = ok ] || return 1
	report audit > audit.out || { tail audit.out; return 1; }
}

@test "concurrency: 3 enrols, 2 assess --record and 2 settles at once all finish, nothing lost" {
	start_all 120
	run nothing_lost
	assert_success
	[ "${ST[*]}" = "0 0 0 0 0 0 0" ]
}

@test "concurrency: the same runs with --busy-timeout 0 finish or exit 75 having written nothing" {
	local round
	for round in 1 2 3; do
		rm -f "$JIUZHU_DB-wal" "$JIUZHU_DB-shm"
		cp "$F/base.db" "$JIUZHU_DB"
		start_all 0
		run nothing_lost
		assert_success
		[[ " ${ST[*]} " = *" 0 "* ]] # one at least took the lock
	done
}

@test "concurrency: 4 first enrols at once on a new database all finish; a report meanwhile finds nothing yet or reads" {
	rm -f "$JIUZHU_DB"
	RUNS=("enrol -q $F/e1.csv" "enrol -q $F/e2.csv" "enrol -q $F/e3.csv" "enrol -q $F/e4.csv")
	MARKS=(e1.csv e2.csv e3.csv e4.csv)
	BASE=0
	{ sleep 0.01; st=0; report audit > /dev/null 2> report.err || st=$?; echo "$st" > report.st; } &
	start_all 120
	wait
	run nothing_lost
	assert_success
	[ "${ST[*]}" = "0 0 0 0" ]
	run db_count person
	assert_output 8000
	# The file created and its schema not yet committed is no database yet.
	echo "# report audit meanwhile: exit $(cat report.st) $(cat report.err)" >&3
	[ "$(cat report.st)" = 0 ] || [ "$(cat report.st)" = 66 ]
}

# Hold the write lock of the database for $1 seconds, in the background.
hold_lock() {
	{ echo 'BEGIN IMMEDIATE;'; sleep "$1"; echo 'COMMIT;'; } | sqlite3 "$JIUZHU_DB" &
	HOLDER=$!
	until ! sqlite3 "$JIUZHU_DB" 'BEGIN IMMEDIATE; ROLLBACK' 2> /dev/null; do
		sleep 0.05
	done
}

now_ms() {
	echo $(($(date +%s%N) / 1000000))
}

@test "concurrency: a writer waits --busy-timeout for the lock, then exits 75 having written nothing" {
	local i t0 ms
	RUNS+=("grant -q --period 2007-10 --as-of 2007-10-05")
	MARKS+=(2007-10-05)
	hold_lock "${JIUZHU_VALGRIND:+1}3" # 13 s under valgrind, slow to start
	t0=$(now_ms)
	start_all 1
	ms=$(($(now_ms) - t0))
	echo "# all gave up after $ms ms" >&3
	for i in "${!RUNS[@]}"; do
		[ "${ST[$i]}" = 75 ] || { echo "${RUNS[$i]}: exit ${ST[$i]}"; false; }
		grep -q 'locked by another run' "err.$i"
	done
	[ "$ms" -ge 1000 ]
	kill -0 "$HOLDER" # still held: the runs did not wait for its end
	# Readers are not kept waiting by a writer (WAL).
	run -0 assess --busy-timeout 0 --as-of 2007-10-01 "$F/e1.csv"
	run -0 report --busy-timeout 0 audit
	wait "$HOLDER"
	run db_count journal
	assert_output "$BASE"
}

@test "concurrency: a writer with a longer --busy-timeout waits for the lock and finishes" {
	local t0 ms
	hold_lock 1.5
	t0=$(now_ms)
	run -0 enrol -q --busy-timeout 60 "$F/e1.csv"
	ms=$(($(now_ms) - t0))
	echo "# finished after $ms ms" >&3
	wait "$HOLDER"
	[ "$ms" -ge 1000 ]
	run db_count "person WHERE entry = $((BASE + 1))"
	assert_output 2000
}
