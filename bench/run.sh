#!/bin/sh
# make bench: each command beside its floor and its peers on the same
# synthetic district, in one run (quality.md, Speed and memory).
#   bench/run.sh BUILD_DIR BENCH_BIN_DIR
# Environment: BENCH_SCALE (1: 1M persons and 1M claims; 4: 4M, and the
# memory compared with 1M), BENCH_RUNS (3), BENCH_SEED (2007), BENCH_DIR
# (build/bench), BENCH_UNIT (1000000 rows; smaller to try the script).
# Prints a table and writes it as CSV to bench/results/.
set -eu
bin=$1/bin
tools=$2
scale=${BENCH_SCALE:-1}
runs=${BENCH_RUNS:-3}
seed=${BENCH_SEED:-2007}
unit=${BENCH_UNIT:-1000000}
work=${BENCH_DIR:-build/bench}
results=bench/results/$(date -u +%Y-%m-%dT%H%M%SZ)-$(uname -n).csv
mkdir -p "$work" bench/results
export JIUZHU_TODAY=2026-11-29 LC_ALL=C.UTF-8

say() { printf '%s\n' "$*" >&2; }

# The district of n units of persons and claims, made once per size and seed.
district() {
	d=$work/district-$(($1 * unit))-$seed
	if [ ! -f "$d/done" ]; then
		say "bench: generating $d"
		"$tools/synth" -s "$seed" -p $(($1 * unit)) -c $(($1 * unit)) "$d"
		touch "$d/done"
	fi
	echo "$d"
}

# measure NAME ROWS SETUP COMMAND: one table row's figures in $secs $kib.
measure() {
	say "bench: $1"
	figures=$("$tools/measure" "$runs" "$3" "$4") # a failed run stops the bench
	set -- $figures
	secs=$1
	kib=$2
}

printf 'command,input,rows,seconds,rows_per_s,peak_rss_mib,compared_with,ratio,target,holds\n' > "$results"

# row NAME INPUT ROWS [PEER PEER_SECS TARGET HOLDS]: print and record one row.
row() {
	rate=$(awk -v r="$3" -v s="$secs" 'BEGIN { printf "%d", (s > 0 ? r / s : 0) }')
	mib=$(awk -v k="$kib" 'BEGIN { printf "%.1f", k / 1024 }')
	ratio=
	[ -n "${5:-}" ] && ratio=$(awk -v a="$secs" -v b="$5" 'BEGIN { printf "%.2f", a / b }')
	printf '%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n' "$1" "$2" "$3" "$secs" "$rate" "$mib" \
		"${4:-}" "$ratio" "${6:-}" "${7:-}" >> "$results"
}

# holds EXPR: yes or no, from awk.
holds() { awk "BEGIN { print ($1) ? \"yes\" : \"no\" }"; }

# One size: every command and its floor and peers.  $1 = units (BENCH_UNIT rows).
size() {
	m=$1
	d=$(district "$m")
	db=$work/bench.db
	n=$((m * unit))
	tag=$(awk -v n=$n 'BEGIN { print (n >= 1000000 ? n / 1000000 "M" : n / 1000 "k") }')

	# enrol: the parse floor, sqlite3 .import, a minimal loader.
	measure "csv parse persons ($tag)" $n true "'$tools/csvparse' '$d/persons.csv' > /dev/null"
	row "libcsv parse (floor)" "persons.csv $tag" $n
	measure "sqlite3 .import persons ($tag)" $n "rm -f '$work/imp.db'" \
		"sqlite3 '$work/imp.db' '.import --csv $d/persons.csv person'"
	import_p=$secs; row "sqlite3 .import (peer)" "persons.csv $tag" $n
	measure "minimal loader persons ($tag)" $n "rm -f '$work/imp.db'*" \
		"'$tools/load' '$work/imp.db' person '$d/persons.csv' 2> /dev/null"
	row "minimal C loader" "persons.csv $tag" $n
	measure "enrol persons.csv ($tag)" $n "rm -f '$db' '$db-wal' '$db-shm'" \
		"'$bin/enrol' -q --db '$db' '$d/persons.csv' > /dev/null"
	enrol_s=$secs
	row enrol "persons.csv $tag" $n "sqlite3 .import" "$import_p" "<= 1.2" \
		"$(holds "$secs <= 1.2 * $import_p && $kib < 65536")"
	assess_in=$db
	sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null

	# An incremental intake: a tenth of the persons with a new income from
	# 2007-12-01, into the registry just loaded (a copy, fresh each run).
	changes=$work/changes-$n.csv
	awk -F, -v OFS=, 'NR == 1 { print; next } NR % 10 == 2 {
		$14 = sprintf("%.2f", $14 + 100); $NF = "2007-12-01"; print }' \
		"$d/persons.csv" > "$changes"
	nc=$(($(wc -l < "$changes") - 1))
	measure "sqlite3 .import changes ($tag)" $nc "rm -f '$work/imp.db'*" \
		"sqlite3 '$work/imp.db' '.import --csv $changes person'"
	import_x=$secs; row "sqlite3 .import (peer)" "changes $nc" $nc
	measure "enrol changes into $tag" $nc "rm -f '$work/inc.db'*; cp '$db' '$work/inc.db'" \
		"'$bin/enrol' -q --db '$work/inc.db' '$changes' > /dev/null"
	row enrol "changes $nc into $tag" $nc "sqlite3 .import" "$import_x"

	if [ "$m" = "$scale" ]; then
		measure "enrol persons.jsonl ($tag)" $n "rm -f '$work/j.db'*" \
			"'$bin/enrol' -q --db '$work/j.db' '$d/persons.jsonl' > /dev/null"
		row enrol "persons.jsonl $tag" $n "enrol of the CSV" "$enrol_s"
		# assess: the whole registry, read only.
		measure "assess ($tag)" $n true \
			"'$bin/assess' -q --db '$assess_in' --as-of 2007-10-01 > /dev/null"
		assess_s=$secs
		row assess "registry $tag" $n "" "" ">= 500000/s" \
			"$(holds "$n / $secs >= 500000 && $kib < 65536")"
		measure "assess --record ($tag)" $n "rm -f '$work/rec.db'*; cp '$db' '$work/rec.db'" \
			"'$bin/assess' -q --db '$work/rec.db' --as-of 2007-10-01 --record > /dev/null"
		row "assess --record" "registry $tag" $n "assess" "$assess_s"
	fi

	# settle: the registry with the institutions and entitlements, copied
	# fresh before each run.
	base=$work/settle-base.db
	rm -f "$base" "$base-wal" "$base-shm"
	cp "$db" "$base"
	"$bin/enrol" -q --db "$base" --kind institution "$d/institutions.csv" > /dev/null
	"$bin/grant" -q --db "$base" "$d/medical.csv" > /dev/null
	sqlite3 "$base" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
	measure "csv parse claims ($tag)" $n true "'$tools/csvparse' '$d/claims.csv' > /dev/null"
	row "libcsv parse (floor)" "claims.csv $tag" $n
	measure "sqlite3 .import claims ($tag)" $n "rm -f '$work/imp.db'*" \
		"sqlite3 '$work/imp.db' '.import --csv $d/claims.csv claim'"
	import_c=$secs; row "sqlite3 .import (peer)" "claims.csv $tag" $n
	measure "settle claims.csv ($tag)" $n "rm -f '$db'*; cp '$base' '$db'" \
		"'$bin/settle' -q --db '$db' --quarter 2007Q4 '$d/claims.csv' > '$work/lines.csv'"
	settle_s=$secs
	row settle "claims.csv $tag" $n "sqlite3 .import" "$import_c" "<= 2" \
		"$(holds "$secs <= 2 * $import_c && $kib < 65536")"
	if [ "$m" = "$scale" ]; then
		measure "settle claims.jsonl ($tag)" $n "rm -f '$db'*; cp '$base' '$db'" \
			"'$bin/settle' -q --db '$db' --quarter 2007Q4 '$d/claims.jsonl' > /dev/null"
		row settle "claims.jsonl $tag" $n "settle of the CSV" "$settle_s"
	fi

	# report: settlement lines summed by institution, from a stream.
	lines=$work/lines.csv
	measure "csv parse lines ($tag)" $n true "'$tools/csvparse' '$lines' > /dev/null"
	floor_l=$secs; row "libcsv parse (floor)" "lines.csv $tag" $n
	measure "mlr stats1 ($tag)" $n true "mlr --icsv --ocsv stats1 -a count,sum \
		-f advance,approved -g institution '$lines' > /dev/null"
	mlr_s=$secs; row "mlr stats1 (peer)" "lines.csv $tag" $n
	measure "sqlite3 SQL ($tag)" $n true "sqlite3 :memory: '.import --csv $lines l' \
		'SELECT institution, count(*), sum(advance), sum(approved) FROM l GROUP BY 1' > /dev/null"
	row "sqlite3 SQL (peer)" "lines.csv $tag" $n
	measure "report stream ($tag)" $n true "'$bin/report' -q lines --by institution '$lines' > /dev/null"
	row report "lines.csv $tag" $n "mlr stats1" "$mlr_s" "<= 0.25; <= 2 x floor" \
		"$(holds "$secs <= 0.25 * $mlr_s && $secs <= 2 * $floor_l && $kib < 65536")"
}

[ "$scale" -gt 1 ] && size 1
size "$scale"

# Memory does not grow with the input: the same +-10% at 1M and at 4M.
if [ "$scale" -gt 1 ]; then
	for c in enrol settle report; do
		a=$(awk -F, -v c="$c" 'c == $1 && !a { a = $6 } END { print a }' "$results")
		b=$(awk -F, -v c="$c" 'c == $1 && $2 ~ /\.csv/ { b = $6 } END { print b }' "$results")
		printf '%s,peak RSS at 1x and %dx,,,,%s -> %s,1x,%s,0.9 to 1.1,%s\n' "$c" "$scale" \
			"$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }')" \
			"$(holds "$b <= 1.1 * $a && $b >= 0.9 * $a")" >> "$results"
	done
fi

# The table, aligned.
echo
echo "make bench on $(uname -n), $(nproc) cores, $(date -u +%Y-%m-%d); median of $runs runs"
awk -F, 'NR == FNR { for (i = 1; i <= NF; i++) if (length($i) > w[i]) w[i] = length($i); next }
	{ for (i = 1; i <= NF; i++) printf("%-" w[i] "s%s", $i, i < NF ? "  " : "\n") }' \
	"$results" "$results"
echo
echo "written to $results"
