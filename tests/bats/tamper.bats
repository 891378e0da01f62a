#!/usr/bin/env bats
# The auditor's proof cannot be forged (audit.md, Every row is in the chain;
# The chain is anchored outside the file): edits made with sqlite3 by
# someone with write access to the file, each caught by report audit.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	load 'test_helper/rechain'
	_common_setup
}

# The example district through its first month and quarter, signed by
# health: a row in every table that carries an entry.  The journal's heads
# go to anchors.log, as a bureau's cron would keep them.
district() {
	export JIUZHU_ANCHOR=$BATS_TEST_TMPDIR/anchors.log
	enrol -q "$EXAMPLES/persons.csv" > /dev/null
	enrol -q --kind application "$EXAMPLES/applications.csv" > /dev/null
	enrol -q --kind institution "$EXAMPLES/institutions.csv" > /dev/null
	enrol -q --kind survey "$EXAMPLES/survey.csv" > /dev/null
	grant -q --kind funding "$EXAMPLES/funding.csv" > /dev/null
	assess -q --as-of 2007-10-01 --record | grant -q --period 2007-10 --as-of 2007-10-05 > /dev/null
	settle -q --quarter 2007Q4 "$EXAMPLES"/claims/2007Q4-*.csv > /dev/null
	enrol_signers
	settle -q --quarter 2007Q4 --sign health --as-of 2008-01-10 > /dev/null
	settle -q --fund major_disease --year 2008 > /dev/null
	unset JIUZHU_ANCHOR
	cp "$JIUZHU_DB" pristine.db
}

@test "tamper: an untouched district passes, checked against its anchors (audit.md)" {
	district
	run --separate-stderr report audit --anchors anchors.log
	assert_success
	on_stderr
	assert_output "report: audit: 0 differences; the chain checked against 11 anchors"
}

@test "tamper: one byte changed in one row of any table is caught by its entry's digest (audit.md, Every row is in the chain)" {
	district
	local edits=(
		"person|UPDATE person SET name = name || 'x' WHERE rowid = 1"
		"application|UPDATE application SET street = street || 'x' WHERE rowid = 1"
		"institution|UPDATE institution SET name = name || 'x' WHERE rowid = 1"
		"survey|UPDATE survey SET income = income + 1 WHERE rowid = 1"
		"policy|UPDATE policy SET body = CAST(replace(CAST(body AS TEXT), '\"390.00\"', '\"990.00\"') AS BLOB)"
		"decision|UPDATE decision SET amount = amount + 1 WHERE rowid = 1"
		"grant|UPDATE \"grant\" SET amount = amount + 100000 WHERE rowid = 1"
		"payment|UPDATE payment SET amount = amount + 1 WHERE rowid = 1"
		"ledger|UPDATE ledger SET date = '2007-10-06' WHERE rowid = 1"
		"funding|UPDATE funding SET note = 'x' WHERE rowid = 1"
		"claim|DROP TRIGGER claim_never_updated; UPDATE claim SET approved = approved + 1 WHERE claim_id = (SELECT min(claim_id) FROM claim)"
		"fund_year|DROP TRIGGER fund_year_never_changed; UPDATE fund_year SET donations_in = donations_in + 1"
		"signoff|DROP TRIGGER signoff_never_changed; UPDATE signoff SET name = 'x' WHERE rowid = 1"
		"staff|UPDATE staff SET \"to\" = '2099-12-31' WHERE rowid = 1"
	)
	local e table caught=0
	for e in "${edits[@]}"; do
		table=${e%%|*}
		cp pristine.db "$JIUZHU_DB"
		rm -f "$JIUZHU_DB-wal" "$JIUZHU_DB-shm"
		sqlite3 "$JIUZHU_DB" "${e#*|}"
		run -1 report -q audit
		assert_line --partial ",digest $table,"
		caught=$((caught + 1))
	done
	assert_equal "$caught" 14
}

@test "tamper: a row deleted, the journal's count fixed and the chain re-hashed, is caught by the digest (audit.md)" {
	district
	local entry
	entry=$(sqlite3 "$JIUZHU_DB" "SELECT entry FROM payment LIMIT 1")
	sqlite3 "$JIUZHU_DB" "DELETE FROM payment WHERE rowid = (SELECT min(rowid) FROM payment);
	  UPDATE journal SET changes = json_set(changes, '$.payment', json_extract(changes, '$.payment') - 1) WHERE entry = $entry"
	rechain "$entry"
	run -1 report -q audit
	assert_line --partial "journal,entry $entry,digest payment,"
	refute_line --partial "journal,entry $entry,hash"
	refute_line --partial ",rows,"
}

@test "tamper: a re-chained journal passes on its own, and is caught by --expect with the head printed before (audit.md, anchors)" {
	district
	# The head as the last run printed it, and as a bureau would note it.
	local head
	head=$(printf 'account,date,amount,source,note\nbudget,2007-12-01,5.00,budget,\n' |
		grant --kind funding 2>&1 >/dev/null | sed -n 's/.*; journal \([0-9]*\) \([0-9a-f]*\)$/\1:\2/p')
	[ -n "$head" ]
	# Who ran entry 2 is rewritten, and the chain re-hashed after it.
	sqlite3 "$JIUZHU_DB" "UPDATE journal SET user = 'someone_else' WHERE entry = 2"
	rechain 2
	run report -q audit
	assert_success
	run -1 report -q audit --expect "$head"
	assert_line --partial "anchor,entry ${head%%:*},hash,${head#*:},"
}

@test "tamper: a cut tail passes on its own, and is caught by --anchors (audit.md, anchors)" {
	district
	local last
	last=$(sqlite3 "$JIUZHU_DB" "SELECT max(entry) FROM journal")
	sqlite3 "$JIUZHU_DB" "DROP TRIGGER fund_year_never_removed; DELETE FROM fund_year WHERE entry = $last;
	  DELETE FROM ledger WHERE entry = $last; DELETE FROM journal WHERE entry = $last"
	run --separate-stderr report audit
	on_stderr
	assert_output --partial "checked only against itself"
	run -1 report -q audit --anchors anchors.log
	assert_line "anchor,entry $last,hash,$(tail -1 anchors.log | cut -d' ' -f2),no such entry (cut)"
}

@test "tamper: entries after the newest anchored one are listed, checked only against themselves (audit.md, anchors)" {
	district
	# A run that kept no anchor, as one slipped in by hand would look.
	printf 'account,date,amount,source,note\nbudget,2007-12-01,5.00,budget,\n' | grant -q --kind funding > /dev/null
	local last
	last=$(sqlite3 "$JIUZHU_DB" "SELECT max(entry) FROM journal")
	run --separate-stderr report audit --anchors anchors.log
	assert_success
	assert_line "unanchored,entry $last,hash,,$(sqlite3 "$JIUZHU_DB" "SELECT hash FROM journal WHERE entry = $last")"
	on_stderr
	assert_output "report: audit: 0 differences; the chain checked against 11 anchors; 1 entry after the newest anchored one, checked only against itself"
}

@test "tamper: every writing run ends its summary with the head, and --anchor appends it (audit.md, anchors)" {
	run --separate-stderr enrol --anchor heads.log "$EXAMPLES/persons.csv"
	assert_success
	local hash
	hash=$(sqlite3 "$JIUZHU_DB" "SELECT hash FROM journal WHERE entry = 1")
	on_stderr
	assert_output "enrol: created $JIUZHU_DB
enrol: added 80 person records (0 already in the registry) as journal entry 1; journal 1 ${hash:0:12}"
	run cut -d' ' -f1,2,4 heads.log
	assert_output "1 $hash $(id -un)"
	run stat -c %a heads.log
	assert_output 600
	# With -v, the full hash; a run that writes nothing has no new head.
	run --separate-stderr enrol -v "$EXAMPLES/institutions.csv" --kind institution
	on_stderr
	assert_output --regexp '; journal 2 [0-9a-f]{64}$'
	run --separate-stderr enrol "$EXAMPLES/persons.csv"
	on_stderr
	assert_output "enrol: nothing new: 80 records already in the registry"
	run report audit --expect 1:nothex
	assert_failure 64
}

@test "tamper: a file from before migration 6 is sealed once by an entry of its own, and its rows are checked (audit.md)" {
	# A file at schema 5 with one entry: the digests did not exist.
	enrol -q "$EXAMPLES/persons.csv" > /dev/null
	# Back to schema 5: what migrations 6 (digests), 7 (staff) and 8 (an index) added, gone.
	sqlite3 "$JIUZHU_DB" "DROP TABLE entry_digest; DROP TABLE staff; DROP INDEX funding_key;
	  UPDATE journal SET digest = NULL;
	  PRAGMA user_version = 5"
	rechain 1
	sqlite3 "$JIUZHU_DB" "ALTER TABLE journal DROP COLUMN digest; ALTER TABLE signoff DROP COLUMN name"
	run report -q audit
	assert_success
	run sqlite3 "$JIUZHU_DB" "SELECT entry, command, changes FROM journal WHERE entry = 2"
	assert_output "2|jiuzhu migration 6: the row digests of entries 1 to 1, computed once from their rows as they were|{\"entry_digest\":1}"
	sqlite3 "$JIUZHU_DB" "UPDATE person SET name = 'x' WHERE rowid = 5"
	run -1 report -q audit
	assert_line --partial "journal,entry 1,digest person,"
}
