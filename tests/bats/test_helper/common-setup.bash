# Loaded by every bats file: bats-support and bats-assert, the fresh build
# first on PATH, and a temporary directory with its own database per test.

_common_setup() {
	load '/usr/lib/bats/bats-support/load'
	load '/usr/lib/bats/bats-assert/load'
	ROOT="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
	PATH="$ROOT/${JIUZHU_BUILD:-build/out}/bin:$PATH"
	[ -z "${JIUZHU_VALGRIND:-}" ] || _valgrind_path
	EXAMPLES="$ROOT/examples/district"
	DATA="$ROOT/tests/data"
	cd "$BATS_TEST_TMPDIR" || return 1
	export JIUZHU_DB="$BATS_TEST_TMPDIR/test.db"
	export JIUZHU_TODAY=2026-11-29
	unset LANG LC_ALL
}

# Under make check VALGRIND=1 (JIUZHU_VALGRIND set): a directory first on
# PATH whose enrol, assess, grant, settle and report run the build's under
# valgrind (found on PATH, so that argv[0] and the journal's command line
# are as without it).  A valgrind error or leak exits 99, failing the test,
# and leaves a log in $JIUZHU_VALGRIND_LOG that tools/check.sh lists.
_valgrind_path() {
	local wrap="$BATS_RUN_TMPDIR/valgrind-bin" bin=$PATH c tmp
	bin=${bin%%:*}
	export JIUZHU_VALGRIND_LOG=${JIUZHU_VALGRIND_LOG:-$BATS_RUN_TMPDIR/valgrind-log}
	mkdir -p "$JIUZHU_VALGRIND_LOG"
	if [ ! -d "$wrap" ]; then
		tmp=$(mktemp -d "$BATS_RUN_TMPDIR/valgrind-bin.XXXXXX")
		for c in enrol assess grant settle report; do
			printf '#!/bin/sh\n[ -x "%s/%s" ] || exit 127\nPATH="%s:$PATH" exec valgrind --error-exitcode=99 --leak-check=full --log-file="%s/%%p.log" %s "$@"\n' \
				"$bin" "$c" "$bin" "$JIUZHU_VALGRIND_LOG" "$c" > "$tmp/$c"
			chmod +x "$tmp/$c"
		done
		mv "$tmp" "$wrap" 2> /dev/null || rm -rf "$tmp"
	fi
	PATH="$wrap:$PATH"
}

# The registry settle(1) needs, of $1 synthetic persons (synthetic.awk) in
# the current directory's persons.csv: the persons under tests/data/settle's
# policy, its institutions and a medical aid entitlement each; checkpointed,
# so that the database is one file to copy.
settle_registry() {
	local awk="$ROOT/tests/bats/test_helper/synthetic.awk"
	awk -v n="$1" -v what=persons -f "$awk" > persons.csv
	awk -v n="$1" -v what=medical -f "$awk" > medical.csv
	enrol -q --policy "$DATA/settle/policy.json" persons.csv > /dev/null
	enrol -q --kind institution "$DATA/settle/institutions.csv" > /dev/null
	grant -q medical.csv > /dev/null
	sqlite3 "$JIUZHU_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
}

# The signers of the joint review (audit.md, Who may sign): the OS user, as
# `id -un` says, enrolled as staff of each bureau from 2007-01-01 under the
# name given here, so that settle --sign may sign for any of them.
SIGNERS="health 王芳 labour 李强 civil_affairs 张敏 finance 刘洋"
enrol_signers() {
	local user
	user=$(id -un)
	{
		echo user,name,bureau,from,to
		# shellcheck disable=SC2086
		set -- $SIGNERS
		while [ $# -gt 1 ]; do
			echo "$user,$2,$1,2007-01-01,"
			shift 2
		done
	} | enrol -q --kind staff > /dev/null
}

# What a statement shows of the sign-off of bureau $1 for quarter $2 and
# institution $3: the staff name, and the journal head of the run that
# signed (its entry and the first 12 hex digits of its hash), read here
# from the journal itself.
signature() {
	sqlite3 "$JIUZHU_DB" "SELECT s.bureau || ': ' || s.name || ' (journal ' || j.entry || ' ' ||
	  substr(j.hash, 1, 12) || ')' FROM signoff s JOIN journal j ON j.entry = s.entry
	  WHERE s.bureau = '$1' AND s.quarter = '$2' AND s.institution = '$3'"
}

# The person header of data.md, for building small intakes in tests.
PERSON_HEADER=national_id,name,household_id,relation,street,hukou_type,employment,monthly_income

# Rows of a table: count the rows of SQL on the test database.
db_count() {
	sqlite3 "$JIUZHU_DB" "SELECT count(*) FROM $1"
}

# Nothing of any run is stored: no database, or one with no journal entry
# and no registry row (a failed first run leaves an empty database: removing
# a file another run may have opened meanwhile could lose its data).
nothing_stored() {
	[ ! -e "$JIUZHU_DB" ] && return 0
	[ "$(sqlite3 "$JIUZHU_DB" 'SELECT (SELECT count(*) FROM journal) + (SELECT count(*) FROM person)
	  + (SELECT count(*) FROM application) + (SELECT count(*) FROM institution)
	  + (SELECT count(*) FROM survey)')" = 0 ]
}

# After `run --separate-stderr`: assert on standard error instead.
on_stderr() {
	output=$stderr
	lines=("${stderr_lines[@]}")
}

# Write an intake file of PERSON_HEADER and the rows given.
person_csv() {
	local file=$1
	shift
	printf '%s\n' "$PERSON_HEADER" "$@" > "$file"
}

# Filter assess's JSON Lines down to "eligible amount reason" (eligible as
# yes or no, as in CSV).
decision_fields() {
	sed -E 's/.*"eligible":(true|false),"amount":([0-9.]+),"period":"[a-z]+","reason":"([a-z0-9_]+)".*/\1 \2 \3/; s/^true /yes /; s/^false /no /'
}

# The ledger balances (grant(1), settle(1)): each booking sums to zero;
# each account's balance is the sum of its rows; no fund account is below
# zero; the money booked in (from the sources: funding records, the
# finance's share of the major-disease fund) equals what the fund accounts
# hold plus what was paid out; what was paid out equals the payments made.
ledger_balanced() {
	[ -e "$JIUZHU_DB" ] || return 0
	local wrong
	wrong=$(sqlite3 "$JIUZHU_DB" "
	  SELECT 'booking ' || txn || ' sums to ' || sum(amount) FROM ledger GROUP BY txn HAVING sum(amount) <> 0;
	  SELECT 'account ' || name || ' balance is not its rows' FROM account a
	    WHERE balance <> (SELECT coalesce(sum(amount), 0) FROM ledger l WHERE l.account = a.name);
	  SELECT 'fund account ' || name || ' below zero' FROM account WHERE fund AND balance < 0;
	  SELECT 'booked in <> held + paid'
	    WHERE -(SELECT coalesce(sum(balance), 0) FROM account WHERE name LIKE 'source:%') <>
	          (SELECT coalesce(sum(balance), 0) FROM account WHERE fund OR name LIKE 'paid:%' OR name LIKE 'receivable:%');
	  SELECT 'funding records <> money from the sources they name'
	    WHERE (SELECT coalesce(sum(amount), 0) FROM funding) <>
	          -(SELECT coalesce(sum(amount), 0) FROM ledger WHERE ref LIKE 'funding:%' AND account LIKE 'source:%');
	  SELECT 'paid out <> payments made'
	    WHERE (SELECT coalesce(sum(balance), 0) FROM account WHERE name LIKE 'paid:%') <>
	          (SELECT coalesce(sum(amount), 0) FROM payment WHERE status = 'paid' AND kind NOT IN ('offset', 'refund'));") || return 1
	[ -z "$wrong" ] || { echo "ledger: $wrong" >&2; return 1; }
}

# The balance of an account in yuan.
balance() {
	sqlite3 "$JIUZHU_DB" "SELECT printf('%d.%02d', balance / 100, balance % 100) FROM account WHERE name = '$1'"
}

# The district of the adjustments (report-lifecycle.bats, report-pages.bats):
# H6's dibao and R1's released prisoner's own, paid for 2007-10 and 2007-11
# out of a budget of 5000.00.
adjust_district() {
	enrol -q "$DATA/grant/household.csv" "$DATA/grant/released.csv" > /dev/null
	printf '%s\n' account,date,amount,source,note budget,2007-09-30,5000,budget, |
		grant -q --kind funding > /dev/null
	printf '%s\n' "decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy" \
		2007-10-01/dibao/H6,2007-10-01,dibao,household,H6,,,yes,930.76,month,income_below_standard, \
		2007-10-01/dibao/110105196006060013,2007-10-01,dibao,person,R1,110105196006060013,,yes,330.00,month,released_prisoner, |
		grant -q --period 2007-10 --as-of 2007-10-05 > /dev/null
	grant -q --period 2007-11 --as-of 2007-11-05 > /dev/null
}

# A payment row of chain $1 for month $2, of kind $3, amount $4 fen,
# booked by the payroll of $5 (empty: none) on $6, status $7 (paid).
adjustment() {
	sqlite3 "$JIUZHU_DB" "INSERT INTO payment (payment_id, grant_id, month, amount, account, status,
		reason, paid_on, entry, kind, payroll) SELECT '$1/$2/$3/9', grant_id, '$2', $4, 'budget',
		'${7:-paid}', NULL, '$6', (SELECT max(entry) FROM journal), '$3', nullif('$5', '')
		FROM \"grant\" WHERE chain = '$1' AND version = 1 ORDER BY start DESC LIMIT 1"
}
