#!/usr/bin/env bats
# report review, report adjustments and the receivables of report funds
# (lifecycle.md).  enrol does not take reviewed_on yet and no payroll books
# adjustments yet: the tests plant those rows with sqlite3 into databases
# made by enrol and grant, and check figures worked out by hand.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

DECISION_HEADER=decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy

# A new version of person $1 effective $2 with reviewed_on $3 and status
# $4 (default active), every other column as in the version in force then.
visit() {
	local id=$1 eff=$2 rev=$3 status=${4:-active} cols sel
	cols=$(sqlite3 "$JIUZHU_DB" "SELECT group_concat(name, ', ') FROM pragma_table_info('person')")
	sel=$(sqlite3 "$JIUZHU_DB" "SELECT group_concat(CASE name WHEN 'effective' THEN quote('$eff')
		WHEN 'reviewed_on' THEN quote('$rev') WHEN 'status' THEN quote('$status')
		WHEN 'entry' THEN '(SELECT max(entry) FROM journal)' ELSE name END, ', ')
		FROM pragma_table_info('person')")
	sqlite3 "$JIUZHU_DB" "INSERT INTO person ($cols) SELECT $sel FROM person
		WHERE national_id = '$id' AND effective <= '$eff' ORDER BY effective DESC, entry DESC LIMIT 1"
}

# The district of the review: households H1-H5 and persons on their own
# in R1 and R2, dibao granted from 2007-10-01 (H4's ended on 2008-06-01,
# H5's from 2008-11-01).
review_district() {
	printf '%s\n' national_id,name,household_id,relation,street,community,hukou_type,employment,monthly_income,effective \
		110105195001010012,A,H1,head,S2,C1,urban,unemployed,0,2007-09-01 \
		110105195202020022,B,H2,head,S1,C2,urban,unemployed,0,2007-09-01 \
		110105195403030032,C,H2,spouse,S1,C2,urban,unemployed,0,2007-09-01 \
		110105195604040042,D,H3,head,S1,C1,urban,unemployed,0,2007-09-01 \
		110105195805050052,E,H4,head,S1,C1,urban,unemployed,0,2007-09-01 \
		110105196006060064,F,R1,head,S3,,urban,unemployed,0,2007-09-01 \
		110105196207070074,G,R2,head,S1,C3,urban,unemployed,0,2007-09-01 \
		110105196408080084,H,H5,head,S1,C1,urban,unemployed,0,2007-09-01 > persons.csv
	enrol -q persons.csv > /dev/null
	local d=2007-10-01
	printf '%s\n' "$DECISION_HEADER" \
		$d/dibao/H1,$d,dibao,household,H1,,,yes,330.00,month,income_below_standard, \
		$d/dibao/H2,$d,dibao,household,H2,,,yes,660.00,month,income_below_standard, \
		$d/dibao/H3,$d,dibao,household,H3,,,yes,330.00,month,income_below_standard, \
		$d/dibao/H4,$d,dibao,household,H4,,,yes,330.00,month,income_below_standard, \
		$d/dibao/110105196006060064,$d,dibao,person,R1,110105196006060064,,yes,330.00,month,wubao, \
		$d/dibao/110105196207070074,$d,dibao,person,R2,110105196207070074,,yes,330.00,month,wubao, \
		2008-06-01/dibao/H4,2008-06-01,dibao,household,H4,,,no,0.00,month,income_above_standard, \
		2008-11-01/dibao/H5,2008-11-01,dibao,household,H5,,,yes,330.00,month,income_below_standard, |
		grant -q > /dev/null
}

@test "report review: who needs a home visit on --as-of, by street and household (lifecycle.md Review)" {
	review_district
	# H1 visited 2007-10-01: on 2008-10-01 exactly 12 months ago, not yet
	# older.  H2's spouse visited 2007-09-30: due since 2008-09-30.  H3's
	# visit of 2008-11-01 is not known on 2008-10-01.  R1 visited
	# 2008-02-01.  H3 and R2 never: due since their grants began.  H4's
	# grant has ended, H5's not begun.
	visit 110105195001010012 2007-10-01 2007-10-01
	visit 110105195403030032 2007-09-30 2007-09-30
	visit 110105195604040042 2008-11-01 2008-11-01
	visit 110105196006060064 2008-02-01 2008-02-01
	run --separate-stderr report review --as-of 2008-10-01
	assert_success
	assert_output "unit,household_id,national_id,street,community,last_reviewed,due_since
household,H2,,S1,C2,2007-09-30,2008-09-30
household,H3,,S1,C1,,2007-10-01
person,R2,110105********0074,S1,C3,,2007-10-01"
	on_stderr
	assert_output "report: review: 3 due"
	# A day later H1 is due too, after street S1; IDs in full on asking.
	run report -q review --as-of 2008-10-02 --show-ids
	assert_output "unit,household_id,national_id,street,community,last_reviewed,due_since
household,H2,,S1,C2,2007-09-30,2008-09-30
household,H3,,S1,C1,,2007-10-01
person,R2,110105196207070074,S1,C3,,2007-10-01
household,H1,,S2,C1,2007-10-01,2008-10-01"
	# On 2008-11-15 H3 has been visited; H5's new grant never was.
	run report -q review --as-of 2008-11-15
	assert_line --index 2 "household,H5,,S1,C1,,2008-11-01"
	refute_line --partial "household,H3,"
}

@test "report review: the visit of any active member counts; a member who died is out of the household (lifecycle.md Review, Life events)" {
	review_district
	visit 110105195403030032 2008-03-01 2008-03-01
	run report -q review --as-of 2008-10-01
	refute_line --partial "household,H2,"
	# The spouse who was visited dies: H2 is the head alone, never visited.
	visit 110105195403030032 2008-05-01 2008-03-01 deceased
	run report -q review --as-of 2008-10-01
	assert_line --index 1 "household,H2,,S1,C2,,2007-10-01"
	# Before the death, the visit still counts.
	run report -q review --as-of 2008-04-30
	refute_line --partial "household,H2,"
}

@test "report review: dibao.review_months from the policy; none on the date is exit 69 (lifecycle.md Review)" {
	review_district
	run report policy --as-of 2008-10-01
	assert_line --partial "dibao.review_months,12,2007-07-03,yes,"
	jq '.parameters["dibao.review_months"][0].value = "6"' "$ROOT/policies/chaoyang-2007.json" > six.json
	visit 110105195001010012 2008-03-01 2008-03-01
	visit 110105196006060064 2008-02-01 2008-02-01
	# Six months: H1 visited 2008-03-01 is due since 2008-09-01, R1
	# visited 2008-02-01 since 2008-08-01.
	run report -q review --as-of 2008-10-01 --policy six.json -f jsonl
	assert_line '{"unit":"household","household_id":"H1","national_id":null,"street":"S2","community":"C1","last_reviewed":"2008-03-01","due_since":"2008-09-01"}'
	assert_line '{"unit":"person","household_id":"R1","national_id":"110105********0064","street":"S3","community":null,"last_reviewed":"2008-02-01","due_since":"2008-08-01"}'
	run report -q review --as-of 2008-10-01
	refute_line --partial "household,H1,"
	refute_line --partial "person,R1,"
	run -69 report review --as-of 2008-10-01 --policy "$DATA/assess/policy.json"
	assert_output --partial "parameter dibao.review_months has no value on 2008-10-01"
}

# A booking on $1 of $4 fen from account $2 to $3 (a receivable made as
# it is first used).
book() {
	sqlite3 "$JIUZHU_DB" "INSERT OR IGNORE INTO account (name, fund) VALUES ('receivable:dibao', 0);
		INSERT INTO ledger (txn, date, account, amount, ref, entry) VALUES
		((SELECT max(txn) + 1 FROM ledger), '$1', '$2', -$4, 'test', (SELECT max(entry) FROM journal)),
		((SELECT max(txn) FROM ledger), '$1', '$3', $4, 'test', (SELECT max(entry) FROM journal));
		UPDATE account SET balance = balance - $4 WHERE name = '$2';
		UPDATE account SET balance = balance + $4 WHERE name = '$3'"
}

# What the payroll side will book: H6's 2007-10 paid 50.00 too little
# (arrears with the payroll of 2007-12), its 2007-11 200.00 too much
# (overpayment with 2007-12), recovered by 60.00 offset with 2008-01, a
# refund of 40.00 on 2008-01-20 and 30.00 written off on 2008-02-10; R1's
# 2007-11 100.00 too much (2008-01); H6's 2007-12 arrears of 25.00
# deferred; a payment of R1 returned by the bank.
adjustments() {
	local h=dibao/household/H6 r=dibao/person/110105196006060013
	adjustment $h 2007-10 arrears 5000 2007-12 2007-12-05
	adjustment $h 2007-11 overpayment -20000 2007-12 2007-12-05
	adjustment $h 2007-11 offset 6000 2008-01 2008-01-05
	adjustment $h 2007-11 refund 4000 '' 2008-01-20
	adjustment $h 2007-11 write_off 3000 '' 2008-02-10
	adjustment $r 2007-11 overpayment -10000 2008-01 2008-01-05
	adjustment $h 2007-12 arrears 2500 2008-01 2008-01-05 deferred
	adjustment $r 2007-10 returned -33000 '' 2008-01-10
	book 2007-12-05 budget paid:dibao 5000
	book 2007-12-05 paid:dibao receivable:dibao 20000
	book 2008-01-05 receivable:dibao budget 6000
	book 2008-01-20 receivable:dibao budget 4000
	book 2008-02-10 receivable:dibao paid:dibao 3000
	book 2008-01-05 paid:dibao receivable:dibao 10000
}

@test "report adjustments: arrears, overpaid, recovered and still to recover per unit and month (lifecycle.md Corrections reach back)" {
	adjust_district
	run report adjustments
	assert_success
	assert_output "programme,unit,household_id,national_id,month,arrears,overpaid,offset,refunded,written_off,to_recover"
	adjustments
	# H6 2007-11: 200.00 - 60.00 - 40.00 - 30.00 = 70.00 still to recover.
	# The deferred arrears and the returned payment are no adjustment.
	run report adjustments
	assert_success
	assert_output "programme,unit,household_id,national_id,month,arrears,overpaid,offset,refunded,written_off,to_recover
dibao,household,H6,,2007-10,50.00,0.00,0.00,0.00,0.00,0.00
dibao,household,H6,,2007-11,0.00,200.00,60.00,40.00,30.00,70.00
dibao,person,R1,110105********0013,2007-11,0.00,100.00,0.00,0.00,0.00,100.00"
	run report adjustments --show-ids -f jsonl
	assert_line --index 2 '{"programme":"dibao","unit":"person","household_id":"R1","national_id":"110105196006060013","month":"2007-11","arrears":0.00,"overpaid":100.00,"offset":0.00,"refunded":0.00,"written_off":0.00,"to_recover":100.00}'
}

@test "report adjustments --period: what the payroll of P booked or was dated in P, and what was still to recover at its end (lifecycle.md Corrections reach back)" {
	adjust_district
	adjustments
	run report adjustments --period 2007-12
	assert_output "programme,unit,household_id,national_id,month,arrears,overpaid,offset,refunded,written_off,to_recover
dibao,household,H6,,2007-10,50.00,0.00,0.00,0.00,0.00,0.00
dibao,household,H6,,2007-11,0.00,200.00,0.00,0.00,0.00,200.00"
	# The offset of the payroll of 2008-01 and the refund dated in it.
	run report adjustments --period 2008-01
	assert_output "programme,unit,household_id,national_id,month,arrears,overpaid,offset,refunded,written_off,to_recover
dibao,household,H6,,2007-11,0.00,0.00,60.00,40.00,0.00,100.00
dibao,person,R1,110105********0013,2007-11,0.00,100.00,0.00,0.00,0.00,100.00"
	run report adjustments --period 2008-02
	assert_output "programme,unit,household_id,national_id,month,arrears,overpaid,offset,refunded,written_off,to_recover
dibao,household,H6,,2007-11,0.00,0.00,0.00,0.00,30.00,70.00"
	run report adjustments --period 2008-03
	assert_success
	assert_output "programme,unit,household_id,national_id,month,arrears,overpaid,offset,refunded,written_off,to_recover"
	run -64 report adjustments --period 2008-13
	assert_line --partial "--period 2008-13:"
	run -64 report funds --period 2008-01
	assert_line --partial "--period goes with adjustments"
}

@test "report funds: the receivables after the fund accounts: overpayments in, recoveries out, what is still to recover (lifecycle.md Corrections reach back)" {
	adjust_district
	adjustments
	# budget: 5000.00 in on 2007-09-30; out 2 x (930.76 + 330.00) paid and
	# 50.00 arrears in 2007Q4; in 60.00 + 40.00 recovered in 2008Q1.
	run report funds --quarter 2007Q4
	assert_output "account,from,to,opening,in,out,closing
budget,2007-10-01,2007-12-31,5000.00,0.00,2571.52,2428.48
receivable:dibao,2007-10-01,2007-12-31,0.00,200.00,0.00,200.00"
	# 170.00 still to recover: the 70.00 and 100.00 of report adjustments.
	run report funds --quarter 2008Q1
	assert_output "account,from,to,opening,in,out,closing
budget,2008-01-01,2008-03-31,2428.48,100.00,0.00,2528.48
receivable:dibao,2008-01-01,2008-03-31,200.00,100.00,130.00,170.00"
}

@test "report: review and adjustments are subjects; --help names them and fits a screen (cli.md report)" {
	run --separate-stderr report --help
	assert_success
	assert_output --partial "review (who needs a home visit)"
	assert_output --partial "(arrears and overpayments per unit)"
	assert_output --partial "--period=YYYY-MM"
	assert_output --partial "-f html: summary, forecast, settlement, funds or adjustments as a page to print"
	[ "${#lines[@]}" -le 40 ]
	enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null
	run -64 report bogus
	assert_line --partial "bogus: expected one subject: summary, forecast, gaps, funds, settlement, survey, audit, policy, review, adjustments, backup or lines"
}
