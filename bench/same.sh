#!/bin/sh
# make same: are two builds' outputs byte-identical?  Runs the bench
# district's pipeline and the demo on the example district with the
# binaries of BASE and of NEW, each into a fresh database, then compares
# every output file with cmp and every stored table (the journal's
# columns that name the run's time, user and hashes left out: they differ
# between any two runs) row by row.  A speed-up must change none of them.
#   bench/same.sh BASE_BIN NEW_BIN DISTRICT_DIR [WORK_DIR]
# Exit 0 when everything is the same, 1 with the differences listed.
set -eu
base=$(cd "$1" && pwd)
new=$(cd "$2" && pwd)
district=$(cd "$3" && pwd)
work=${4:-build/same}
here=$(cd "$(dirname "$0")/.." && pwd)
export JIUZHU_TODAY=2026-11-29 LC_ALL=C.UTF-8
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)

say() { printf '%s\n' "$*" >&2; }

# The tables of a database as CSV, one file each, in their stored order;
# the journal without the columns a run's time and user decide, and the
# two sides' folders, which inputs named, masked.
dump() {
	for t in $(sqlite3 "$1" "SELECT name FROM sqlite_master WHERE type = 'table' AND
			name NOT LIKE 'sqlite_%' ORDER BY name"); do
		cols='*'
		[ "$t" = journal ] && cols='entry, inputs, policy, changes, digest'
		sqlite3 -csv -header "$1" "SELECT $cols FROM \"$t\"" |
			sed -e "s|$work/base|DIR|g" -e "s|$work/new|DIR|g" > "$2/table-$t.csv"
	done
}

# The bench pipeline on the district: enrol, a change of a tenth of the
# persons, assess with and without --record, the entitlements, settle,
# report's stream.  $1 = the binaries, $2 = where the outputs go.
pipeline() {
	b=$1 o=$2 db=$2/bench.db
	mkdir -p "$o"
	awk -F, -v OFS=, 'NR == 1 { print; next } NR % 10 == 2 {
		$14 = sprintf("%.2f", $14 + 100); $NF = "2007-12-01"; print }' \
		"$district/persons.csv" > "$work/changes.csv"
	"$b/enrol" -q --db "$db" "$district/persons.csv" > "$o/enrol.csv"
	"$b/assess" -q --db "$db" --as-of 2007-10-01 > "$o/assess.csv"
	"$b/assess" -q --db "$db" --as-of 2007-10-01 -f jsonl > "$o/assess.jsonl"
	"$b/enrol" -q --db "$db" "$work/changes.csv" > "$o/enrol-changes.csv"
	"$b/assess" -q --db "$db" --as-of 2007-12-01 --record > "$o/assess-record.csv"
	"$b/enrol" -q --db "$db" --kind institution "$district/institutions.csv" > "$o/institutions.csv"
	"$b/grant" -q --db "$db" "$district/medical.csv" > "$o/medical.csv"
	"$b/settle" -q --db "$db" --quarter 2007Q4 "$district/claims.csv" > "$o/lines.csv"
	"$b/settle" -q --db "$db" --quarter 2007Q4 "$district/claims.jsonl" > "$o/lines-again.csv"
	"$b/report" -q lines --by institution "$o/lines.csv" > "$o/report-stream.csv"
	"$b/report" -q --db "$db" audit > "$o/audit.csv"
	dump "$db" "$o"
	rm -f "$db" "$db-wal" "$db-shm"
}

# The demo on the example district; its database's path and the journal's
# hashes (which name the run's time) masked in what it prints.
demo() {
	mkdir -p "$2/demo"
	JIUZHU_DEMO_DIR=$2/demo sh "$here/examples/demo.sh" "$1" 2>&1 |
		sed "s|$2|DIR|g" | perl -pe 's/\b(?=[0-9]*[a-f])[0-9a-f]{12,64}\b/HASH/g' > "$2/demo.txt"
	dump "$2/demo/chaoyang.db" "$2"
	rm -f "$2"/demo/chaoyang.db*
}

for side in base new; do
	eval "bin=\$$side"
	say "same: the bench pipeline with $bin"
	pipeline "$bin" "$work/$side"
	say "same: the demo with $bin"
	demo "$bin" "$work/$side/example"
done

if diff -r -q "$work/base" "$work/new"; then
	echo "same: every output and every stored row of $(ls "$work/new" "$work/new/example" |
		grep -c '\.') files is identical"
else
	echo "same: outputs differ (diff -r $work/base $work/new)"
	exit 1
fi
