#!/bin/sh
# Build the seed corpus of each fuzz target from the example and test
# data: whole files for the readers and the policy loader, single cells
# (IDs, amounts, dates) for the parsers.  Run from the top of the tree.
#   seed.sh DIR    writes DIR/<target>/, replacing what was there
set -eu
dir=$1
csvs="tests/data/*/*.csv examples/district/*.csv examples/district/claims/*.csv"
for t in csv jsonl policy idn money date; do
	rm -rf "$dir/$t"
	mkdir -p "$dir/$t"
done
# Named by their path: two folders have files of the same name.
for f in $csvs; do
	cp "$f" "$dir/csv/$(echo "$f" | tr / _)"
done
cp tests/data/enrol/persons.jsonl tests/data/enrol/persons.json "$dir/jsonl/"
for f in policies/*.json tests/data/*/policy.json; do
	cp "$f" "$dir/policy/$(echo "$f" | tr / _)"
done

# Each distinct cell (and each quoted JSON string of the policies) that
# looks like the target's input, one file each, named by its number.
cells() {
	# shellcheck disable=SC2086
	{ cat $csvs | tr ',' '\n'; cat policies/*.json | grep -o '"[^"]*"' | tr -d '"'; } |
		tr -d '\r' | grep -E "$1" | sort -u
}
split_cells() {
	n=0
	while IFS= read -r cell; do
		n=$((n + 1))
		printf '%s' "$cell" > "$dir/$1/$n"
	done
}
cells '^[0-9]{15}([0-9]{2}[0-9Xx])?$' | split_cells idn
cells '^-?[0-9]+(\.[0-9]+)?$' | split_cells money
{ cells '^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$'; echo 2007Q3; } | split_cells date
