#!/usr/bin/env bats
# Files (issue 16; audit.md "Files: nothing clobbered, nothing planted" and
# "Error messages"; cli.md exit status 73, 74, 77): an output is never a
# symbolic link followed, the database or an input written over; the
# database and its -wal and -shm are the user's alone (or JIUZHU_GROUP's);
# a reader works on read-only storage; a writer refuses a damaged file;
# report backup makes a copy in one file; no message prints SQL.

bats_require_minimum_version 1.5.0

setup_file() {
	load 'test_helper/common-setup'
	_common_setup
	cd "$BATS_FILE_TMPDIR" || return 1
	export JIUZHU_DB="$BATS_FILE_TMPDIR/district.db"
	local d="$EXAMPLES"
	enrol -q --as-of 2007-09-01 "$d/persons.csv" > /dev/null
	assess -q --as-of 2007-10-01 --record > /dev/null
	grant -q --kind funding "$d/funding.csv" > /dev/null
	grant -q --recorded --as-of 2007-10-01 > /dev/null
	grant -q --period 2007-10 --as-of 2007-10-05 > /dev/null
	sqlite3 "$JIUZHU_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
	cp "$BATS_FILE_TMPDIR/district.db" "$JIUZHU_DB"
}

entries() {
	sqlite3 "${1:-$JIUZHU_DB}" 'SELECT count(*) FROM journal'
}

# Run "$@" with directory $1 read-only for it: for a user, by its mode; as
# root, whom a mode does not stop, on a read-only bind mount in a mount
# namespace of its own (skipped where there is none to be had).
on_readonly() {
	local dir=$1
	shift
	if [ "$(id -u)" != 0 ]; then
		chmod a-w "$dir"
		"$@"
		local rc=$?
		chmod u+w "$dir"
		return $rc
	fi
	unshare -m sh -c 'mount --bind -o ro "$1" "$1" && shift && exec "$@"' sh "$dir" "$@"
}

readonly_possible() {
	[ "$(id -u)" != 0 ] && return 0
	mkdir -p ro-probe && on_readonly ro-probe sh -c '! touch ro-probe/x' 2> /dev/null
}

@test "files: a symbolic link planted at -o or --rejects is refused, not followed; its target is untouched (audit.md Files)" {
	echo 'not yours' > target
	ln -s target out.csv
	run -73 report summary -o out.csv
	assert_output --partial 'out.csv: is a symbolic link, which is not followed'
	assert_equal "$(cat target)" 'not yours'
	[ -L out.csv ]
	printf '%s\n110105199001011234,x,H1,head,Chaoyang,urban,employed,oops\n' "$PERSON_HEADER" > bad.csv
	ln -s target rejects.csv
	run -73 enrol --keep-going --rejects rejects.csv bad.csv
	assert_output --partial 'rejects.csv: is a symbolic link'
	assert_equal "$(cat target)" 'not yours'
	assert_equal "$(entries)" "$(entries "$BATS_FILE_TMPDIR/district.db")"
}

@test "files: -o the database, its -wal or its -shm, by any name, exits 73 and leaves the database intact (audit.md Files)" {
	local before
	before=$(sha256sum < "$JIUZHU_DB")
	run -73 report summary -o "$JIUZHU_DB"
	assert_output --partial 'cannot write over the database'
	for f in "$JIUZHU_DB-wal" "$JIUZHU_DB-shm" ./test.db; do
		run -73 report summary -o "$f"
		assert_output --partial 'cannot write over the database'
	done
	ln "$JIUZHU_DB" hard.db
	run -73 report funds -o hard.db
	assert_output --partial 'cannot write over the database'
	run -73 grant --period 2007-11 --as-of 2007-11-05 -o "$JIUZHU_DB"
	assert_output --partial 'cannot write over the database'
	# report lines sums without the database: still not over it.
	run -73 sh -c 'echo x | report lines -o "$JIUZHU_DB"'
	assert_output --partial 'cannot write over the database'
	sqlite3 "$JIUZHU_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
	assert_equal "$(sha256sum < "$JIUZHU_DB")" "$before"
	run report audit
	assert_success
}

@test "files: -o one of the run's inputs exits 73 and writes nothing (audit.md Files)" {
	cp "$EXAMPLES/persons.csv" persons.csv
	cp "$EXAMPLES/funding.csv" funding.csv
	local before
	before=$(entries)
	run -73 enrol --as-of 2007-09-02 persons.csv -o persons.csv
	assert_output --partial 'persons.csv: cannot write over an input of this run'
	cmp persons.csv "$EXAMPLES/persons.csv"
	run -73 grant --kind funding funding.csv -o funding.csv
	assert_output --partial 'cannot write over an input'
	cmp funding.csv "$EXAMPLES/funding.csv"
	cp "$ROOT/policies/chaoyang-2007.json" pol.json
	run -73 report policy --as-of 2007-10-01 --policy pol.json -o pol.json
	assert_output --partial 'cannot write over an input'
	cmp pol.json "$ROOT/policies/chaoyang-2007.json"
	assert_equal "$(entries)" "$before"
}

@test "files: a database, -wal or -shm open to others exits 77 saying how to fix it (audit.md Files)" {
	chmod 666 "$JIUZHU_DB"
	run -77 report summary
	assert_output --partial "mode 0666 lets every user of this machine read or change it; chmod 600 $JIUZHU_DB"
	run -77 grant --period 2007-11 --as-of 2007-11-05
	chmod 600 "$JIUZHU_DB"
	assert_equal "$(entries)" "$(entries "$BATS_FILE_TMPDIR/district.db")"
	: > "$JIUZHU_DB-wal"
	chmod 644 "$JIUZHU_DB-wal"
	run -77 report summary
	assert_output --partial "$JIUZHU_DB-wal: mode 0644"
	rm "$JIUZHU_DB-wal"
	ln -s "$BATS_FILE_TMPDIR/district.db" "$JIUZHU_DB-shm"
	run -77 report summary
	assert_output --partial 'test.db-shm: is not a plain file'
	rm "$JIUZHU_DB-shm"
	chmod 640 "$JIUZHU_DB"
	run -77 report summary
	assert_output --partial 'chmod 600'
	assert_output --partial 'or set JIUZHU_GROUP='
}

@test "files: a database owned by another user exits 77 saying how to fix it (audit.md Files)" {
	if [ "$(id -u)" = 0 ]; then
		id nobody > /dev/null 2>&1 || skip 'no user nobody to give the file to'
		chown nobody "$JIUZHU_DB"
		run -77 report summary
		assert_output --partial "owned by nobody, not by you (root)"
		assert_output --partial "chown root $JIUZHU_DB"
		run -77 enrol --as-of 2007-09-01 "$EXAMPLES/persons.csv"
	else
		# A file of root's stands for another user's: refused before it is read.
		run -77 report --db /etc/passwd summary
		assert_output --partial 'owned by root, not by you'
	fi
}

@test "files: JIUZHU_GROUP shares the database with its group, 0660; a new one is made so (audit.md Files)" {
	local group other
	group=$(stat -c %G "$JIUZHU_DB")
	chmod 660 "$JIUZHU_DB"
	run -77 report summary
	assert_output --partial "or set JIUZHU_GROUP=$group"
	JIUZHU_GROUP=$group run -0 report -q summary
	other=$(($(stat -c %g "$JIUZHU_DB") + 4242))
	JIUZHU_GROUP=$other run -77 report summary
	assert_output --partial "chgrp $other"
	JIUZHU_GROUP=$group JIUZHU_DB=$PWD/shared.db run -0 enrol -q --as-of 2007-09-01 \
		"$EXAMPLES/persons.csv"
	assert_equal "$(stat -c '%a %G' shared.db)" "660 $group"
	JIUZHU_GROUP=no-such-group-16 run -64 report summary
	assert_output --partial 'JIUZHU_GROUP=no-such-group-16: no such group'
}

@test "files: a reader on read-only storage opens an immutable copy and says so once; a writer there is refused (audit.md Files)" {
	readonly_possible || skip 'no read-only storage to be had here (root without mount namespaces)'
	mkdir ro
	cp "$JIUZHU_DB" ro/copy.db
	report summary > expected.csv
	run --separate-stderr on_readonly ro report --db "$PWD/ro/copy.db" summary
	assert_success
	assert_equal "$output" "$(cat expected.csv)"
	on_stderr
	assert_equal "$(grep -c 'as an immutable copy' <<< "$output")" 1
	assert_output --partial "reading $PWD/ro/copy.db as an immutable copy: "
	run -0 on_readonly ro assess -q --db "$PWD/ro/copy.db" --as-of 2007-11-01
	run -0 on_readonly ro report -q --db "$PWD/ro/copy.db" audit
	run -74 on_readonly ro grant --db "$PWD/ro/copy.db" --period 2007-11 --as-of 2007-11-05
	assert_output --partial 'copy.db: cannot write it'
	[ ! -e ro/copy.db-wal ] && [ ! -e ro/copy.db-shm ]
}

@test "files: a corrupted index is refused by the next writer, exit 74 naming the damage (audit.md Files)" {
	local page size before
	page=$(sqlite3 "$JIUZHU_DB" "SELECT rootpage FROM sqlite_master WHERE name = 'payment_paid'")
	size=$(sqlite3 "$JIUZHU_DB" 'PRAGMA page_size')
	before=$(entries)
	# Garbage over the cell pointers of the index behind "nothing paid twice".
	head -c 64 /dev/zero | tr '\0' '\377' |
		dd of="$JIUZHU_DB" bs=1 seek=$(((page - 1) * size + 8)) conv=notrunc status=none
	run -74 grant --period 2007-11 --as-of 2007-11-05
	assert_output --regexp "test.db: the database is damaged \(.*page $page.*\); nothing was written"
	assert_equal "${#lines[@]}" 1
	assert_equal "$(entries)" "$before"
}

@test "files: report backup writes a copy, 0600, that the audit passes, with what the -wal holds (audit.md Files)" {
	umask 022
	run -0 report backup -o copy.db
	assert_equal "$(stat -c %a copy.db)" 600
	run -0 report --db copy.db audit
	assert_output --partial 'audit: 0 differences'
	run -0 report backup -o copy.db # over an older copy, renamed into place
	run -64 report backup
	assert_output --partial 'give -o FILE'
	run -73 report backup -o "$JIUZHU_DB"
	# A reader holds its view: the next run's pages stay in the -wal,
	# where a copy of the file alone misses them.
	mkfifo hold
	sqlite3 "$JIUZHU_DB" < hold > /dev/null 3>&- &
	exec 8> hold
	echo 'BEGIN; SELECT count(*) FROM journal;' >&8
	sleep 0.2
	enrol -q --kind institution "$EXAMPLES/institutions.csv" > /dev/null
	cp "$JIUZHU_DB" file-alone.db
	run -0 report -q backup -o wal.db
	exec 8>&-
	wait
	assert_equal "$(entries wal.db)" "$(entries)"
	assert_equal "$(entries file-alone.db)" "$(($(entries) - 1))"
}

@test "files: an error of SQLite names the file and says what failed in words, never the statement (audit.md Error messages)" {
	sqlite3 "$JIUZHU_DB" 'DROP TABLE ledger'
	run -74 report funds
	assert_output "report: $JIUZHU_DB: cannot read: no such table: ledger"
	refute_output --partial 'SELECT'
}
