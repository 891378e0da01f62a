#!/usr/bin/env bats
# audit.md, "Who may sign": the four bureaus' sign-offs of the joint review
# (三(三)3) are made by named staff, enrolled with `enrol --kind staff`
# (user, the OS login; name; bureau; from; to, the last day, included).
# `settle --sign B` is refused (exit 77, nothing written) unless the OS user
# is staff of bureau B on the day (--as-of, default today); the sign-off
# stores the user and the name; the statement shows the name and, audit.md
# "The chain is anchored outside the file", the journal head at each
# signature: the entry of the run that signed and its hash's first 12 hex
# digits.
#
# The registry of tests/data/settle (as settle.bats): 2007Q3's claims of
# hospital H1 and community centre SQ1, settled.

bats_require_minimum_version 1.5.0

STAFF_HEADER=user,name,bureau,from,to

setup() {
	load 'test_helper/common-setup'
	_common_setup
	S="$DATA/settle"
	ME=$(id -un)
	enrol -q --policy "$S/policy.json" "$DATA/grant/household.csv" > /dev/null
	enrol -q --kind institution "$S/institutions.csv" > /dev/null
	grant -q "$S/entitlement.csv" > /dev/null
	settle -q --quarter 2007Q3 "$S/q3.csv" > /dev/null
}

staff() { # rows...
	printf '%s\n' "$STAFF_HEADER" "$@" | enrol -q --kind staff > /dev/null
}

journal_entries() {
	db_count journal
}

# The head of journal entry $1 as a statement shows it.
head_of() {
	echo "journal $1 $(sqlite3 "$JIUZHU_DB" "SELECT substr(hash, 1, 12) FROM journal WHERE entry = $1")"
}

@test "settle --sign: a user who is not staff is refused, exit 77, nothing written (audit.md Who may sign)" {
	local before
	before=$(journal_entries)
	run --separate-stderr settle --quarter 2007Q3 --as-of 2007-10-05 --sign health
	assert_failure 77
	assert_output ""
	on_stderr
	assert_output "settle: --sign health: user $ME is not staff of health on 2007-10-05 (no staff record of $ME for health); nothing was signed; the bureau's staff sign: enrol them with enrol --kind staff (user,name,bureau,from,to), as in $ME,<name>,health,2007-10-05,"
	run db_count signoff
	assert_output 0
	assert_equal "$(journal_entries)" "$before"
	# Nor as a dry run.
	run -77 settle -n --quarter 2007Q3 --as-of 2007-10-05 --sign health
	run db_count signoff
	assert_output 0
}

@test "settle --sign: staff of another bureau is refused, exit 77 (audit.md Who may sign)" {
	staff "$ME,李强,labour,2007-01-01,"
	run -77 settle --quarter 2007Q3 --as-of 2007-10-05 --sign health --institution H1
	assert_output --partial "user $ME is not staff of health on 2007-10-05 (staff of labour on that day, not of health)"
	run db_count signoff
	assert_output 0
	# The bureau they are staff of, they may sign for.
	run settle -q --quarter 2007Q3 --as-of 2007-10-05 --sign labour --institution H1
	assert_success
	run sqlite3 "$JIUZHU_DB" "SELECT bureau, user, name FROM signoff"
	assert_output "labour|$ME|李强"
}

@test "settle --sign: staff outside from and to is refused, exit 77; both days are included (audit.md Who may sign)" {
	staff "$ME,王芳,health,2007-10-01,2007-12-31"
	run -77 settle --quarter 2007Q3 --as-of 2007-09-30 --sign health
	assert_output --partial "user $ME is not staff of health on 2007-09-30 (staff of health only from 2007-10-01 to 2007-12-31)"
	run -77 settle --quarter 2007Q3 --as-of 2008-01-01 --sign health
	assert_output --partial "is not staff of health on 2008-01-01"
	# The default day is today (JIUZHU_TODAY in the tests).
	run -77 settle --quarter 2007Q3 --sign health
	assert_output --partial "is not staff of health on 2026-11-29"
	run db_count signoff
	assert_output 0
	# The last day is a day as staff.
	run settle -q --quarter 2007Q3 --as-of 2007-12-31 --sign health --institution H1
	assert_success
	# The latest record of a user and bureau is in force: staff until
	# 2007-10-15 now, and no longer on 2007-11-01.
	staff "$ME,王芳,health,2007-10-01,2007-10-15"
	run -77 settle --quarter 2007Q3 --as-of 2007-11-01 --sign health --institution SQ1
	assert_output --partial "(staff of health only from 2007-10-01 to 2007-10-15)"
	staff "$ME,王芳,health,2007-10-01,"
	run settle -q --quarter 2007Q3 --as-of 2027-01-01 --sign health --institution SQ1
	assert_success
	run db_count signoff
	assert_output 2
}

@test "settle --sign: staff sign; the sign-off keeps user and name; the statement shows the name and the journal head of the signing run (audit.md)" {
	staff "$ME,王芳,health,2007-01-01," "$ME,刘洋,finance,2007-01-01,"
	run --separate-stderr settle --quarter 2007Q3 --as-of 2007-10-05 --sign health --institution H1
	assert_success
	local health finance
	health=$(journal_entries)
	assert_output "quarter,institution,claims,claimed,approved,rejected_claims,adjusted_claims,signed_by,status,signatures
2007Q3,H1,6,2050.00,1850.00,4,0,health,open,health: 王芳 ($(head_of "$health"))"
	run sqlite3 "$JIUZHU_DB" "SELECT bureau, user, name, entry FROM signoff"
	assert_output "health|$ME|王芳|$health"
	settle -q --quarter 2007Q3 --as-of 2007-10-06 --sign finance --institution H1 > /dev/null
	finance=$(journal_entries)
	[ "$finance" -eq $((health + 1)) ]
	# The hash prefix is the journal's own, of the entry of each sign-off.
	local want
	want="health: 王芳 (journal $health $(sqlite3 "$JIUZHU_DB" "SELECT substr(hash, 1, 12) FROM journal WHERE entry = $health")); finance: 刘洋 (journal $finance $(sqlite3 "$JIUZHU_DB" "SELECT substr(hash, 1, 12) FROM journal WHERE entry = $finance"))"
	run settle --quarter 2007Q3 --summary --institution H1
	assert_line --index 1 "2007Q3,H1,6,2050.00,1850.00,4,0,health;finance,open,$want"
	run report settlement --quarter 2007Q3
	assert_line --index 1 "2007Q3,H1,6,2050.00,1850.00,4,0,王芳 ($(head_of "$health")),,,刘洋 ($(head_of "$finance")),open"
	# The name, not the login, unless the login is the name.
	[ "$ME" = 王芳 ] || refute_line --partial "$ME ("
	# -o: the statement as signed, with the head of the signing run.
	settle -q --quarter 2007Q3 --as-of 2007-10-06 --sign health --institution SQ1 -o signed.csv
	run cat signed.csv
	assert_line --index 1 "2007Q3,SQ1,3,130.63,120.63,0,1,health,open,health: 王芳 ($(head_of "$(journal_entries)"))"
	# A dry run stores nothing: its own signature has no hash.
	run settle -q -n --quarter 2007Q3 --as-of 2007-10-06 --sign finance --institution SQ1
	assert_line --index 1 "2007Q3,SQ1,3,130.63,120.63,0,1,health;finance,open,health: 王芳 ($(head_of "$(journal_entries)")); finance: 刘洋 (journal $(($(journal_entries) + 1)))"
	run report audit
	assert_success
}

@test "enrol --kind staff: stored with entry, src and line; again is nothing new; a bad bureau, login or period is exit 65 and nothing is written" {
	printf '%s\n' "$STAFF_HEADER" "$ME,王芳,health,2007-01-01," "$ME,刘洋,finance,2007-01-01,2008-12-31" > staff.csv
	run --separate-stderr enrol --kind staff staff.csv
	assert_success
	assert_output "$STAFF_HEADER
$ME,王芳,health,2007-01-01,
$ME,刘洋,finance,2007-01-01,2008-12-31"
	run sqlite3 "$JIUZHU_DB" "SELECT user, name, bureau, \"from\", coalesce(\"to\", '-'), entry = (SELECT max(entry) FROM journal), src, line FROM staff ORDER BY line"
	assert_output "$ME|王芳|health|2007-01-01|-|1|0|2
$ME|刘洋|finance|2007-01-01|2008-12-31|1|0|3"
	run --separate-stderr enrol --kind staff staff.csv
	assert_success
	on_stderr
	assert_output "enrol: nothing new: 2 records already in the registry"
	local before
	before=$(journal_entries)
	printf '%s\n' "$STAFF_HEADER" "zhao,赵敏,treasury,2007-01-01," "li si,李四,health,2007-01-01," \
		"wang,王五,labour,2007-05-01,2007-04-30" ",,,," > bad.csv
	run --separate-stderr enrol --kind staff bad.csv
	assert_failure 65
	assert_output ""
	on_stderr
	assert_line "enrol: bad.csv:2: bureau: unknown code 'treasury'; expected one of: health, labour, civil_affairs, finance"
	assert_line "enrol: bad.csv:3: user: 'li si' is not a login: the OS user's name (id -un), without blanks, ':' or '/'"
	assert_line "enrol: bad.csv:4: to: 2007-04-30 is before from 2007-05-01; to is the last day as staff"
	assert_line --partial "enrol: bad.csv:5: user:"
	assert_line "enrol: 4 bad records; nothing was written"
	assert_equal "$(journal_entries)" "$before"
	run db_count staff
	assert_output 2
}
