#!/usr/bin/env bats
# Privacy (issue 8; quality.md "security and privacy"; cli.md report: "IDs
# are masked in reports unless --show-ids"): no report prints a national
# ID in full unless asked; the database and every file written with -o (or
# --rejects) are mode 0600 whatever the umask; a message about a record
# says where it is and shows an ID only masked.

bats_require_minimum_version 1.5.0

# A national ID in full, standing alone.
FULL_ID='(^|[^0-9])[0-9]{17}[0-9X]([^0-9]|$)'

setup_file() {
	load 'test_helper/common-setup'
	_common_setup
	cd "$BATS_FILE_TMPDIR" || return 1
	export JIUZHU_DB="$BATS_FILE_TMPDIR/district.db"
	local d="$EXAMPLES"
	enrol -q --as-of 2007-09-01 "$d/persons.csv" > /dev/null
	enrol -q --kind institution --as-of 2007-09-01 "$d/institutions.csv" > /dev/null
	enrol -q --kind application "$d/applications.csv" > /dev/null
	enrol -q --kind survey "$d/survey.csv" > /dev/null
	assess -q --as-of 2007-10-01 --record > /dev/null
	grant -q --kind funding "$d/funding.csv" > /dev/null
	grant -q --recorded --as-of 2007-10-01 > /dev/null
	grant -q --period 2007-10 --as-of 2007-10-05 > /dev/null
	settle -q --quarter 2007Q4 "$d"/claims/2007Q4-*.csv > lines.csv
	sqlite3 "$JIUZHU_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
	cp "$BATS_FILE_TMPDIR/district.db" "$JIUZHU_DB"
}

# The mode of each file, as "octal name".
modes() {
	stat -c '%a %n' "$@"
}

# ---- reports ----

@test "privacy: no report prints a national ID in full without --show-ids, in any format" {
	# A payment by hand to one person: the audit names it in a subject.
	sqlite3 "$JIUZHU_DB" "INSERT INTO payment (payment_id, grant_id, month, amount, account, status, reason, paid_on, entry) VALUES ('dibao/person/110105200104096166/2007-11', 'x',
	  '2007-11', 100, 'budget', 'paid', NULL, '2007-11-05', 5)"
	local subjects=("summary --quarter 2007Q4" "summary --by street" "summary --by group"
		"summary --by institution --quarter 2007Q4" "summary --by month" "forecast --horizon 2"
		"gaps --as-of 2007-09-01" "funds --quarter 2007Q4" "settlement --quarter 2007Q4"
		"survey --year 2007" "survey --draw --year 2008 --seed 7" "audit" "policy --as-of 2007-10-01")
	local s f
	for s in "${subjects[@]}"; do
		for f in csv jsonl json table; do
			run report -q -f "$f" $s
			[ "$status" -le 1 ] # audit: 1, it found the payment
			[ -n "$output" ]
			refute_output --regexp "$FULL_ID"
		done
	done
	for s in "summary --quarter 2007Q4" "forecast --horizon 2" "settlement --quarter 2007Q4"; do
		run -0 report -q -f html $s
		refute_output --regexp "$FULL_ID"
	done
	# the stream of settlement lines has the IDs; what report makes of it not
	grep -Eq "$FULL_ID" "$BATS_FILE_TMPDIR/lines.csv"
	run -0 report -q lines --by institution "$BATS_FILE_TMPDIR/lines.csv"
	refute_output --regexp "$FULL_ID"
}

@test "privacy: report gaps masks the IDs (area code and the last four kept), --show-ids shows them" {
	# CYL-004, found eligible for dibao on the date, is a dibao household
	# then (rules.md Common definitions): its members' medical is missed.
	run -0 report -q gaps --as-of 2007-09-01
	assert_line 'missed,medical,person,CYL-004,110105********6166,0.00,dibao_member'
	refute_output --regexp "$FULL_ID"
	run -0 report -q gaps --as-of 2007-09-01 -f jsonl
	assert_line --partial '"national_id":"110105********6166"'
	run -0 report -q gaps --as-of 2007-09-01 --show-ids
	assert_line 'missed,medical,person,CYL-004,110105200104096166,0.00,dibao_member'
}

@test "privacy: report audit masks the IDs in its subjects, --show-ids shows them" {
	sqlite3 "$JIUZHU_DB" "INSERT INTO payment (payment_id, grant_id, month, amount, account, status, reason, paid_on, entry) VALUES ('dibao/person/110105200104096166/2007-11', 'x',
	  '2007-11', 100, 'budget', 'paid', NULL, '2007-11-05', 5)"
	run -1 report -q audit
	assert_line 'payment,dibao/person/110105********6166/2007-11,amount,1.00,no grant'
	refute_output --regexp "$FULL_ID"
	run -1 report -q audit --show-ids
	assert_line 'payment,dibao/person/110105200104096166/2007-11,amount,1.00,no grant'
}

# ---- files ----

@test "privacy: the database is created mode 0600 with umask 022 and with umask 000" {
	for mask in 022 000; do
		rm -f "$JIUZHU_DB" "$JIUZHU_DB-wal" "$JIUZHU_DB-shm"
		(umask "$mask" && enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null)
		run modes "$JIUZHU_DB"
		assert_output "600 $JIUZHU_DB"
		# While a reader holds it open, a run's write-ahead log stays
		# behind: it holds the same data, and is 0600 too.
		{ echo 'BEGIN; SELECT count(*) FROM person;'; sleep 3; } | sqlite3 "$JIUZHU_DB" > /dev/null &
		sleep 0.5
		(umask "$mask" && enrol -q --kind survey "$EXAMPLES/survey.csv" > /dev/null)
		run modes "$JIUZHU_DB-wal" "$JIUZHU_DB-shm"
		assert_output "600 $JIUZHU_DB-wal
600 $JIUZHU_DB-shm"
		wait
	done
}

@test "privacy: every -o FILE and --rejects FILE is mode 0600 with umask 022 and with umask 000" {
	local d="$EXAMPLES"
	printf '%s\n' national_id,name,household_id,relation,street,hukou_type,employment \
		110105198001010016,A,X1,head,S,urban,employed 110105198001010017,B,X2,head,S,urban,employed > more.csv
	for mask in 022 000; do
		rm -f "$JIUZHU_DB" "$JIUZHU_DB-wal" "$JIUZHU_DB-shm" ./*.out
		(
			umask "$mask"
			enrol -q --as-of 2007-09-01 "$d/persons.csv" -o enrol.out
			enrol -q --kind institution --as-of 2007-09-01 "$d/institutions.csv" > /dev/null
			run -1 enrol -q --keep-going --rejects rejects.out -o kept.out more.csv
			assess -q --as-of 2007-10-01 --record -o assess.out
			grant -q --kind funding "$d/funding.csv" -o funding.out
			grant -q --recorded --as-of 2007-10-01 -o grants.out
			settle -q --quarter 2007Q4 "$d"/claims/2007Q4-*.csv -o lines.out
			settle -q --quarter 2007Q4 --summary -o statement.out
			report -q summary --quarter 2007Q4 -o summary.out
			report -q gaps --as-of 2007-09-01 -o gaps.out
			report -q -f html settlement --quarter 2007Q4 -o page.out
			report -q lines lines.out -o stream.out
		)
		run modes ./*.out
		assert_output - <<-'EOF'
		600 ./assess.out
		600 ./enrol.out
		600 ./funding.out
		600 ./gaps.out
		600 ./grants.out
		600 ./kept.out
		600 ./lines.out
		600 ./page.out
		600 ./rejects.out
		600 ./statement.out
		600 ./stream.out
		600 ./summary.out
		EOF
	done
}

@test "privacy: a file given to -o that was there, mode 0644, is replaced by one of mode 0600" {
	echo old > policy.csv
	chmod 644 policy.csv
	(umask 022 && report -q policy --as-of 2007-10-01 -o policy.csv)
	run modes policy.csv
	assert_output '600 policy.csv'
	run head -1 policy.csv
	assert_output 'parameter,value,from,assumed,source'
}

# ---- messages ----

@test "privacy: enrol names the line and column of a bad national ID and does not show it" {
	printf '%s\n' national_id,name,household_id,relation,street,hukou_type,employment \
		110105198001010017,A,X1,head,S,urban,employed > ids.csv
	run --separate-stderr -65 enrol ids.csv
	on_stderr
	assert_line --index 0 'enrol: ids.csv:2: national_id: check character is 7, expected 6'
	refute_output --partial 110105198001010017
	refute_output --regexp "$FULL_ID"
}

@test "privacy: settle names the line and column of a claim for a person not enrolled and does not show the ID" {
	printf '%s\n' claim_id,institution,national_id,visit_date,visit_type,referral,total,insurance_paid,advance \
		MZ1,CYL,110105198310100023,2007-10-11,outpatient,yes,468.00,180.00,144.00 > claims.csv
	run --separate-stderr -0 settle --quarter 2007Q4 claims.csv
	assert_line --index 1 --partial ',rejected,unknown_person' # the line itself is data: in full
	on_stderr
	assert_line --index 0 'settle: claims.csv:2: national_id: not enrolled (unknown_person)'
	refute_output --regexp "$FULL_ID"
}

@test "privacy: an ID where another value belongs is masked in the message that quotes it" {
	# a row whose fields have shifted: the ID lands in relation and money
	printf '%s\n' national_id,name,household_id,relation,street,hukou_type,employment,monthly_income \
		110105198001010016,A,X1,110105198001010016,S,urban,employed,110105800101001 > shifted.csv
	run --separate-stderr -65 enrol shifted.csv
	on_stderr
	assert_line --index 0 --partial "enrol: shifted.csv:2: relation: unknown code '110105********0016'; expected one of:"
	assert_line --index 1 "enrol: shifted.csv:2: monthly_income: '110105*****1001' is too large; the most is 999999999999.99"
	refute_output --regexp "$FULL_ID"
	# a file without its header line: the first record is no header
	tail -n +2 shifted.csv > headless.csv
	run --separate-stderr -65 enrol headless.csv
	on_stderr
	assert_line --index 0 --partial 'enrol: headless.csv:1: not a header: none of its 8 fields is a column name;'
	refute_output --regexp "$FULL_ID"
	# a decision for a household that is not enrolled, named by an ID
	printf '%s\n' decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy \
		d1,2007-10-01,dibao,household,110105198001010016,,,yes,1.00,month,income_below_standard, > dec.csv
	run --separate-stderr -65 grant dec.csv
	on_stderr
	assert_line --index 0 'grant: dec.csv:2: household_id: no household 110105********0016 is enrolled'
	refute_output --regexp "$FULL_ID"
}
