#!/usr/bin/env bats
# report audit's cross-checks (audit.md, The audit checks everything it can
# recompute; issue 16): the example district's months and quarter and a
# year of the major-disease fund, built by normal runs, then tampered with
# sqlite3 as an attacker with write access to the file would.  Each test
# asserts the difference row of the check that catches it, and exit 1.

bats_require_minimum_version 1.5.0

setup_file() {
	local root
	root="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
	mkdir -p "$BATS_FILE_TMPDIR/demo"
	JIUZHU_DEMO_DIR="$BATS_FILE_TMPDIR/demo" JIUZHU_TODAY=2026-11-29 \
		sh "$root/examples/demo.sh" "$root/${JIUZHU_BUILD:-build/out}/bin" > /dev/null 2>&1
	JIUZHU_DB="$BATS_FILE_TMPDIR/demo/chaoyang.db" \
		"$root/${JIUZHU_BUILD:-build/out}/bin/settle" -q --fund major_disease --year 2008 > /dev/null
	sqlite3 "$BATS_FILE_TMPDIR/demo/chaoyang.db" "VACUUM INTO '$BATS_FILE_TMPDIR/district.db'"
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
	cp "$BATS_FILE_TMPDIR/district.db" "$JIUZHU_DB"
	chmod 600 "$JIUZHU_DB" # the database is open to nobody else (audit.md)
}

@test "tamper: the district as its runs left it has no difference, exit 0" {
	run --separate-stderr report audit
	assert_success
	assert_output "check,subject,field,stored,recomputed"
	on_stderr
	assert_output "report: audit: 0 differences; the chain was checked only against itself (give --anchors or --expect)"
}

@test "tamper: a bit flipped in the index behind 'nothing paid twice' (integrity_check)" {
	local root size
	root=$(sqlite3 "$JIUZHU_DB" "SELECT rootpage FROM sqlite_schema WHERE name = 'payment_paid'")
	size=$(sqlite3 "$JIUZHU_DB" "PRAGMA page_size")
	printf 'Z' | dd of="$JIUZHU_DB" bs=1 seek=$(( root * size - 30 )) conv=notrunc 2> /dev/null
	run -1 report -q audit
	assert_line --regexp '^integrity,database,integrity_check,.*payment_paid,ok$'
}

@test "tamper: a stored policy swapped consistently, the 2008 standard 390 made 990 (refs resolve)" {
	sqlite3 "$JIUZHU_DB" "SELECT writefile('body.json', body) FROM policy" > /dev/null
	sed -i 's/"value": "390.00"/"value": "990.00"/' body.json
	sqlite3 "$JIUZHU_DB" "UPDATE policy SET body = readfile('body.json'),
	  sha256 = '$(sha256sum < body.json | cut -c1-64)'"
	# The bytes hash to the column: policies() has nothing to say.
	run -1 report -q audit
	refute_line --partial "policy,chaoyang-2007,sha256"
	assert_line "policy,chaoyang-2007@29e83171637e,resolves to,0 stored,1 stored"
	assert_line --regexp '^policy,entry 1,policy policy,chaoyang-2007@[0-9a-f]{12},chaoyang-2007@29e83171637e$'
}

@test "tamper: a grant inflated by 1000 a month with its payments, ledger and balances, its reason made another" {
	local g=dibao/household/CYL-004/2007-10-01
	sqlite3 "$JIUZHU_DB" "UPDATE \"grant\" SET amount = amount + 100000, reason = 'amount_corrected' WHERE grant_id = '$g';
	  UPDATE payment SET amount = amount + 100000 WHERE grant_id = '$g';
	  UPDATE ledger SET amount = amount + 100000 WHERE ref IN (SELECT 'payment:' || payment_id FROM payment WHERE grant_id = '$g') AND amount > 0;
	  UPDATE ledger SET amount = amount - 100000 WHERE ref IN (SELECT 'payment:' || payment_id FROM payment WHERE grant_id = '$g') AND amount < 0;
	  UPDATE account SET balance = balance - 300000 WHERE name = 'budget';
	  UPDATE account SET balance = balance + 300000 WHERE name = 'paid:dibao'"
	run -1 report -q audit
	# The ledger and the payments agree with the grant; the decision does not.
	refute_line --regexp "^ledger,"
	refute_line --regexp "^payment,"
	assert_line "grant,$g version 1,amount,1589.00,589.00"
	assert_line "grant,$g version 1,reason,amount_corrected,income_below_standard"
}

@test "tamper: a later grant version with another amount than the one before it" {
	local g=dibao/household/CYL-004/2007-10-01
	sqlite3 "$JIUZHU_DB" "INSERT INTO \"grant\" SELECT grant_id, 2, chain, decision_id, programme, unit,
	  household_id, national_id, application_id, start, \"end\", began, amount + 100000, period, status,
	  account, basis, 'deceased', since, policy, entry FROM \"grant\" WHERE grant_id = '$g'"
	run -1 report -q audit
	assert_line "grant,$g version 2,amount,1589.00,589.00"
	assert_line "grant,$g version 2,status,active,ended"
}

@test "tamper: a funding amount (funding booked once, by its amount)" {
	sqlite3 "$JIUZHU_DB" "UPDATE funding SET amount = amount + 100000 WHERE id = 7"
	run -1 report -q audit
	assert_line "funding,funding 7,amount,4000.00,3000.00"
	# And money booked under a funding record that is not there.
	sqlite3 "$JIUZHU_DB" "DELETE FROM funding WHERE id = 7"
	run -1 report -q audit
	assert_line "funding,funding:7,funding record,3000.00,none"
}

@test "tamper: an account the ledger names, removed; an outside account made a fund" {
	sqlite3 "$JIUZHU_DB" "DELETE FROM account WHERE name = 'paid:festival';
	  UPDATE account SET fund = 1 WHERE name = 'paid:dibao'"
	run -1 report -q audit
	assert_line "account,paid:festival,account,none,named by the ledger"
	assert_line "account,paid:dibao,fund,1,0"
}

@test "tamper: a sign-off's approved aid (sign-offs against their lines)" {
	sqlite3 "$JIUZHU_DB" "DROP TRIGGER signoff_never_changed;
	  UPDATE signoff SET approved = approved + 100000, claims = claims + 1 WHERE institution = 'CYL' AND bureau = 'finance'"
	run -1 report -q audit
	assert_line "signoff,2007Q4 CYL finance,claims,9,8"
	assert_line "signoff,2007Q4 CYL finance,approved,10436.60,9436.60"
}

@test "tamper: a fund year's finance (settle --fund recomputed)" {
	sqlite3 "$JIUZHU_DB" "DROP TRIGGER fund_year_never_changed;
	  UPDATE fund_year SET finance_in = 160000, spent_before = 320000"
	run -1 report -q audit
	assert_line "fund_year,major_disease 2008,spent_before,3200.00,1200.00"
	assert_line "fund_year,major_disease 2008,finance_in,1600.00,600.00"
}

@test "tamper: a rejected claim turned approved with correct arithmetic (lines re-checked in full)" {
	sqlite3 "$JIUZHU_DB" "DROP TRIGGER claim_never_updated;
	  UPDATE claim SET status = 'approved', reason = NULL, computed = 5600, approved = 5600
	  WHERE institution = 'CYL' AND claim_id = 'MZ20071120-0311'"
	run -1 report -q audit
	assert_line "settlement,CYL/MZ20071120-0311,status,approved,rejected"
	assert_line "settlement,CYL/MZ20071120-0311,reason,,not_entitled"
	# The statements signed before it say what they signed.
	assert_line "signoff,2007Q4 CYL civil_affairs,approved,9436.60,9492.60"
}

@test "tamper: a claim's referral flag set after a no_referral rejection, the line approved" {
	sqlite3 "$JIUZHU_DB" "DROP TRIGGER claim_never_updated;
	  UPDATE claim SET status = 'approved', reason = NULL, computed = 5500, approved = 5500
	  WHERE institution = 'CYL' AND claim_id = 'MZ20071106-0088'"
	run -1 report -q audit
	assert_line "settlement,CYL/MZ20071106-0088,status,approved,rejected"
	assert_line "settlement,CYL/MZ20071106-0088,reason,,no_referral"
}
