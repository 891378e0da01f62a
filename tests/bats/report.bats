#!/usr/bin/env bats
# report: the subjects of this release: policy, funds, settlement (cli.md
# report).  The others say they are not here yet.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

@test "report policy: the parameters in force on --as-of, with their dates, the assumed ones marked (policy.md)" {
	enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null
	run report policy --as-of 2008-06-30
	assert_line --partial "dibao.standard.urban,330.00,2007-07-01,yes,"
	run report policy --as-of 2008-07-01
	assert_line --partial "dibao.standard.urban,390.00,2008-07-01,no,"
	assert_line --partial "medical.outpatient.aid_rate,0.50,2007-07-03,no,"
	run report policy --as-of 2006-01-01 --policy "$DATA/assess/policy.json"
	assert_line "dibao.standard.urban,,,,no value on this date"
	run report policy --as-of 2007-10-01 --policy "$DATA/assess/policy.json"
	assert_line "festival.dates,2007-10-01 2008-02-07,2007-07-01,no,test"
}

@test "report funds: each account's opening, in, out and closing over the period" {
	enrol -q --policy "$DATA/assess/policy.json" "$DATA/grant/household.csv" > /dev/null
	printf '%s\n' account,date,amount,source,note budget,2007-09-30,1000,budget, |
		grant -q --kind funding > /dev/null
	printf '%s\n' decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy \
		2007-10-01/dibao/H6,2007-10-01,dibao,household,H6,,,yes,930.76,month,income_below_standard, |
		grant -q --period 2007-10 --as-of 2007-10-05 > /dev/null
	run report funds --quarter 2007Q3
	assert_output "account,from,to,opening,in,out,closing
budget,2007-07-01,2007-09-30,0.00,1000.00,0.00,1000.00"
	# 1000.00 - 930.76 paid on 2007-10-05
	run report funds --quarter 2007Q4
	assert_output "account,from,to,opening,in,out,closing
budget,2007-10-01,2007-12-31,1000.00,0.00,930.76,69.24"
	run report funds --from 2007-10-06
	assert_line --index 1 "budget,2007-10-06,,69.24,0.00,0.00,69.24"
}

@test "report settlement: the quarter's statements with who signed for each bureau (三(三)3), and the journal head of each signature (audit.md)" {
	enrol -q --policy "$DATA/settle/policy.json" "$DATA/grant/household.csv" > /dev/null
	enrol -q --kind institution "$DATA/settle/institutions.csv" > /dev/null
	grant -q "$DATA/settle/entitlement.csv" > /dev/null
	enrol_signers
	settle -q --quarter 2007Q3 "$DATA/settle/q3.csv" > /dev/null
	settle -q --quarter 2007Q3 --sign health --institution H1 > /dev/null
	settle -q --quarter 2007Q3 --sign finance --institution H1 > /dev/null
	# Entries 1-5: the household, institutions, grant, staff, claims.
	local health finance
	health=$(sqlite3 "$JIUZHU_DB" "SELECT substr(hash, 1, 12) FROM journal WHERE entry = 6")
	finance=$(sqlite3 "$JIUZHU_DB" "SELECT substr(hash, 1, 12) FROM journal WHERE entry = 7")
	run report settlement --quarter 2007Q3
	assert_output "quarter,institution,claims,claimed,approved,rejected_claims,adjusted_claims,health,labour,civil_affairs,finance,status
2007Q3,H1,6,2050.00,1850.00,4,0,王芳 (journal 6 $health),,,刘洋 (journal 7 $finance),open
2007Q3,SQ1,3,130.63,120.63,0,1,,,,,open"
	# A sign-off made before staff were enrolled (migration 7) has no
	# name: its login is shown.
	sqlite3 "$JIUZHU_DB" "DROP TRIGGER signoff_never_changed; UPDATE signoff SET name = NULL WHERE bureau = 'finance'"
	run report settlement --quarter 2007Q3
	assert_line --index 1 "2007Q3,H1,6,2050.00,1850.00,4,0,王芳 (journal 6 $health),,,$(id -un) (journal 7 $finance),open"
}

@test "report: bad subjects and options are usage errors; no database is an error" {
	run -66 report policy
	assert_output --partial "no such database"
	enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null
	run -64 report bogus
	assert_line --partial "bogus: expected one subject"
	run -64 report settlement
	assert_output --partial "report settlement needs --quarter"
	run -64 report forecast --horizon 0
	assert_line --partial "--horizon 0: expected months from 1 to 120"
}

@test "report: --year, --horizon and --seed out of range are usage errors, exit 64, not numbers cut to fit (issue 13)" {
	enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null
	# 2^32 + 2007 and 2^32 + 2: cut to an int they were taken as 2007 and 2.
	run -64 report survey --year 4294969303
	assert_line 'report: --year 4294969303: too large; expected a year, as in 2007'
	run -64 report survey --year 9999
	assert_line 'report: --year 9999: too large; expected a year, as in 2007'
	run -64 report survey --year 999
	assert_line 'report: --year 999: too small; expected a year, as in 2007'
	run -64 report survey --year 2007x
	assert_line 'report: --year 2007x: expected a year, as in 2007'
	run -64 report forecast --horizon 4294967298
	assert_line 'report: --horizon 4294967298: expected months from 1 to 120'
	run -64 report forecast --horizon 121
	assert_line 'report: --horizon 121: expected months from 1 to 120'
	run -64 report forecast --horizon 2m
	assert_line 'report: --horizon 2m: expected months from 1 to 120'
	# A seed is any whole number a long holds; past that it was cut to the largest.
	run -64 report survey --draw --year 2008 --seed 9223372036854775808
	assert_line 'report: --seed 9223372036854775808: too large; expected a whole number'
	run -64 report survey --draw --year 2008 --seed -9223372036854775809
	assert_line 'report: --seed -9223372036854775809: too small; expected a whole number'
	run -64 report survey --draw --year 2008 --seed 7.5
	assert_line 'report: --seed 7.5: expected a whole number'
	run -0 report forecast --horizon 120
	run -0 report survey --draw --year 2008 --seed 9223372036854775807
	run -0 report survey --draw --year 2008 --seed -9223372036854775808
}

AUDIT_HEADER=check,subject,field,stored,recomputed

# A database that has been through every command: enrol, grant (funding,
# decisions, payroll), settle (claims, a sign-off).
everything() {
	enrol -q --policy "$DATA/settle/policy.json" "$DATA/grant/household.csv" > /dev/null
	enrol -q --kind institution "$DATA/settle/institutions.csv" > /dev/null
	grant -q "$DATA/settle/entitlement.csv" > /dev/null
	printf '%s\n' account,date,amount,source,note budget,2007-09-30,1000,budget, |
		grant -q --kind funding > /dev/null
	printf '%s\n' decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy \
		2007-10-01/dibao/H6,2007-10-01,dibao,household,H6,,,yes,930.76,month,income_below_standard, |
		grant -q --period 2007-10 --as-of 2007-10-05 > /dev/null
	enrol_signers
	settle -q --quarter 2007Q3 "$DATA/settle/q3.csv" > /dev/null
	settle -q --quarter 2007Q3 --sign health --institution H1 > /dev/null
}

@test "report audit: an untouched database has no difference, exit 0" {
	everything
	run --separate-stderr report audit
	assert_success
	assert_output "$AUDIT_HEADER"
	on_stderr
	assert_output "report: audit: 0 differences; the chain was checked only against itself (give --anchors or --expect)"
}

@test "report audit: a settlement line changed by hand is caught, and what it changed after it (exit 1)" {
	everything
	sqlite3 "$JIUZHU_DB" "DROP TRIGGER claim_never_updated; UPDATE claim SET approved = 99999 WHERE claim_id = 'A8'"
	run -1 report -q audit
	# The row's digest (audit.md), the line recomputed, and the health
	# bureau's sign-off of the lines as they were all say so.
	assert_line --index 1 --partial "journal,entry 7,digest claim,"
	assert_line --index 2 "settlement,H1/A8,approved,999.99,1800.00"
	assert_line --index 3 "signoff,2007Q3 H1 health,approved,1850.00,1049.99"
	assert_equal "${#lines[@]}" 4
}

@test "report audit: a journal entry changed is caught by the hash chain" {
	everything
	sqlite3 "$JIUZHU_DB" "UPDATE journal SET command = 'enrol other.csv' WHERE entry = 2"
	run -1 report -q audit
	assert_line --index 1 --regexp '^journal,entry 2,hash,[0-9a-f]{64},[0-9a-f]{64}$'
	# A forged hash does not help: the next entry's prev gives it away.
	sqlite3 "$JIUZHU_DB" "UPDATE journal SET hash = '$(printf '0%.0s' $(seq 64))' WHERE entry = 2"
	run -1 report -q audit
	assert_line --partial "journal,entry 3,prev,"
}

@test "report audit: money moved by hand, and a payment added by hand, are caught" {
	everything
	sqlite3 "$JIUZHU_DB" "UPDATE ledger SET amount = amount - 100 WHERE account = 'budget' AND ref LIKE 'payment:%';
	  INSERT INTO payment (payment_id, grant_id, month, amount, account, status, reason, paid_on, entry) VALUES ('dibao/household/H6/2007-11', 'dibao/household/H6/2007-10-01', '2007-11', 93076, 'budget', 'paid', NULL, '2007-11-05', 5)"
	run -1 report -q audit
	assert_line "ledger,budget,balance,69.24,68.24"
	assert_line --regexp '^ledger,booking [0-9]+,sum,-1.00,0.00$'
	assert_line "rows,entry 5,payment rows,1,2"
	assert_line "payment,dibao/household/H6/2007-11,booked,930.76,0.00"
}

@test "report audit: national IDs in the subjects are masked unless --show-ids" {
	everything
	sqlite3 "$JIUZHU_DB" "INSERT INTO payment (payment_id, grant_id, month, amount, account, status, reason, paid_on, entry) VALUES ('dibao/person/110105197003030016/2007-11', 'x', '2007-11', 100, 'budget', 'paid', NULL, '2007-11-05', 5)"
	run -1 report -q audit
	assert_line "payment,dibao/person/110105********0016/2007-11,amount,1.00,no grant"
	run -1 report -q audit --show-ids
	assert_line "payment,dibao/person/110105197003030016/2007-11,amount,1.00,no grant"
}

@test "report summary: caseload and money by programme, group, institution, street and month (救助汇总报告)" {
	everything
	# 2007Q3: the lines approved: A1 40.63, A3 50.00, A8 1800.00, A9 30.00, A10 50.00.
	run report summary --quarter 2007Q3
	assert_output "programme,households,persons,payments,amount
medical_claim,1,1,5,1970.63"
	# 2007Q4: H6's dibao of October, a household of three.
	run report summary --quarter 2007Q4
	assert_output "programme,households,persons,payments,amount
dibao,1,3,1,930.76"
	run report summary --by group
	assert_output "group,households,persons,payments,amount
basic_living,1,3,1,930.76
medical,1,1,5,1970.63"
	run report summary --by institution --quarter 2007Q3
	assert_output "institution,households,persons,payments,amount
H1,1,1,2,1850.00
SQ1,1,1,3,120.63"
	run report summary --by street
	assert_output "street,households,persons,payments,amount
S1,1,3,6,2901.39"
	run report summary --by month
	assert_output "month,households,persons,payments,amount
2007-07,1,1,2,90.63
2007-08,1,1,3,1880.00
2007-10,1,3,1,930.76"
	run -64 report summary --by household
	assert_line --partial "--by household: expected street, programme, group, institution or month"
	run -64 report summary --by status
	assert_line --partial "--by status: settlement lines are summed by report lines; report summary is by street, programme, group"
	# A member who came later is not counted in the months before.
	printf '%s\n' "$PERSON_HEADER,effective" "110105200801010014,Baby,H6,child,S1,urban,unemployed,0,2008-03-01" > baby.csv
	enrol -q baby.csv > /dev/null
	run report summary --quarter 2007Q4
	assert_line --index 1 "dibao,1,3,1,930.76"
}

@test "report gaps: eligible without a grant (missed), and paid dibao twice (rules.md 五: no one missed, nobody twice)" {
	enrol -q --policy "$DATA/assess/policy.json" "$DATA/grant/household.csv" "$DATA/grant/temporary.csv" \
		"$DATA/grant/released.csv" > /dev/null
	# H6 is granted dibao; T1, as far below the standard, is not.  The
	# released prisoner of R1 holds a grant of his own, and R1 one too.
	printf '%s\n' decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy \
		2007-10-01/dibao/H6,2007-10-01,dibao,household,H6,,,yes,930.76,month,income_below_standard, \
		2007-10-01/dibao/R1,2007-10-01,dibao,household,R1,,,yes,100.00,month,income_below_standard, \
		2007-10-01/dibao/110105196006060013,2007-10-01,dibao,person,R1,110105196006060013,,yes,330.00,month,released_prisoner, |
		grant -q > /dev/null
	run --separate-stderr report gaps --as-of 2007-10-01
	# Missed: T1's dibao (330.00 - 0.00) and, T1 being a dibao household on
	# the date (found eligible: rules.md Common definitions), its member's
	# medical entitlement; the medical entitlement of every member of a
	# dibao household (H6, R1) and of the released prisoner in his own
	# dibao, none granted; H6's son's premium (under 16: 50.00).  The
	# released prisoner, his hukou pending, is a unit of one left out of
	# R1: his own grant beside R1's is not dibao twice.
	assert_output "gap,programme,unit,household_id,national_id,amount,reason
missed,medical,person,H6,110105********0016,0.00,dibao_member
missed,medical,person,H6,110105********0026,0.00,dibao_member
missed,medical,person,H6,110105********0037,0.00,dibao_member
missed,premium_subsidy,person,H6,110105********0037,50.00,dibao_budget
missed,medical,person,R1,110105********0013,0.00,personal_dibao
missed,medical,person,R1,110105********001X,0.00,dibao_member
missed,dibao,household,T1,,330.00,income_below_standard
missed,medical,person,T1,110105********0022,0.00,dibao_member"
	on_stderr
	assert_output "report: gaps: 8"
	# His hukou registered from 2007-09-20, he is counted in R1 again while
	# his own grant is still in force: twice.
	printf '%s\n' "$PERSON_HEADER,released_on,hukou_pending,effective" \
		"110105196006060013,Released,R1,head,S1,urban,unemployed,0,2007-07-15,no,2007-09-20" > registered.csv
	enrol -q registered.csv > /dev/null
	run report -q gaps --as-of 2007-10-01 --show-ids
	assert_line "missed,medical,person,R1,110105196006060013,0.00,dibao_member"
	assert_line "twice,dibao,person,R1,110105196006060013,330.00,own_grant_and_household_grant"
}

@test "report lines: settlement lines are summed without the database (cli.md: reading streams)" {
	enrol -q --policy "$DATA/settle/policy.json" "$DATA/grant/household.csv" > /dev/null
	enrol -q --kind institution "$DATA/settle/institutions.csv" > /dev/null
	grant -q "$DATA/settle/entitlement.csv" > /dev/null
	settle -q --quarter 2007Q3 "$DATA/settle/q3.csv" > lines.csv
	rm "$JIUZHU_DB"
	# Every line settle printed, the ones not stored too (A7, the second A10):
	# H1: 6 x 50.00 + 1800.00 claimed, 50.00 + 1800.00 approved;
	# SQ1: 40.63 + 30.00 + 60.00 + 50.00 claimed, 40.63 + 30.00 + 50.00 approved.
	run report lines lines.csv
	assert_output "institution,claims,claimed,approved,rejected_claims,adjusted_claims
H1,7,2100.00,1850.00,5,0
SQ1,4,180.63,120.63,1,1"
	run sh -c 'report lines --by status -f jsonl < lines.csv'
	assert_line --index 0 '{"status":"adjusted","claims":1,"claimed":60.00,"approved":50.00,"rejected_claims":0,"adjusted_claims":1}'
	printf 'claim_id,institution\nX,H1\n' > bad.csv
	run -65 report lines bad.csv
}

@test "report survey: per street and hukou type, income and expense per head relative to S (三(一)5)" {
	enrol -q --policy "$DATA/assess/policy.json" "$DATA/grant/household.csv" "$DATA/grant/temporary.csv" \
		"$DATA/grant/released.csv" > /dev/null
	printf '%s\n' household_id,month,income,expense,note H6,2007-10,600,900, H6,2007-11,900,1200, \
		T1,2007-10,300,400, R1,2007-10,2000,1000, R1,2006-10,1,1,before > survey.csv
	enrol -q --kind survey survey.csv > /dev/null
	# S = 330.00.  H6, three persons, two months: 1500.00 / (2 x 3 x 330.00) =
	# 0.758, expense 2100.00 / 1980.00 = 1.061; R1, one person (its released
	# prisoner, hukou pending, is a unit of one, left out of n): 2000.00 /
	# 330.00 = 6.061, 1000.00 / 330.00 = 3.030; T1, one: 300/330 = 0.909,
	# 400/330 = 1.212.  Nearest-rank quantiles; shares of households under
	# 1.0, 1.2, 1.5 and 2.0 x S.
	run report survey --year 2007
	assert_output "street,hukou_type,households,income_p25,income_p50,income_p75,expense_p50,under_1.0,under_1.2,under_1.5,under_2.0
S1,urban,2,0.758,0.758,6.061,1.061,0.500,0.500,0.500,0.500
S2,urban,1,0.909,0.909,0.909,1.212,1.000,1.000,1.000,1.000"
}

@test "report survey --draw: the year's sample of low-income households, by street, the same for the same seed" {
	enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null
	report survey --draw --year 2008 --seed 7 > a.csv
	report survey --draw --year 2008 --seed 7 > b.csv
	diff a.csv b.csv
	report survey --draw --year 2008 --seed 8 > c.csv
	! diff -q a.csv c.csv > /dev/null
	# survey.sample_rate 0.10: each street's low-income households x 0.10,
	# rounded up: one of each street's.  (DB-007 is not low-income: its
	# released prisoner, hukou pending, is a unit of one, and 钱秀兰 alone
	# has 450.00 >= 1.5 x 200.00.)
	run sh -c 'cut -d, -f2,5,6 a.csv'
	assert_output "street,rank,of
三里屯街道,1,6
东坝地区,1,7
垂杨柳街道,1,6"
	run -64 report survey --draw --year 2008
	assert_line --partial "--draw goes with survey, --year and --seed"
}

@test "report forecast: the next months per programme by a linear trend, the method named (救助预测报告)" {
	enrol -q --policy "$DATA/assess/policy.json" "$DATA/grant/household.csv" > /dev/null
	printf '%s\n' account,date,amount,source,note budget,2007-09-30,10000,budget, |
		grant -q --kind funding > /dev/null
	# H6 paid 100.00, 200.00 and 300.00 in three months: the trend goes on
	# by 100.00 a month.
	for m in 10:100 11:200 12:300; do
		printf '%s\n' decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy \
			"2007-${m%:*}-01/dibao/H6,2007-${m%:*}-01,dibao,household,H6,,,yes,${m#*:}.00,month,income_below_standard," |
			grant -q --period "2007-${m%:*}" --as-of "2007-${m%:*}-05" > /dev/null
	done
	run report forecast --horizon 2
	assert_output "programme,month,households,amount,method
dibao,2008-01,1,400.00,linear trend of 3 months (least squares)
dibao,2008-02,1,500.00,linear trend of 3 months (least squares)"
	# Two months: 100.00 and 300.00 (2007-11 left out): 500.00 next.
	run report forecast --horizon 1 --from 2007-10-01 --to 2007-10-31
	assert_output "programme,month,households,amount,method
dibao,2007-11,1,100.00,linear trend of 1 month (least squares)"
}

# A page as headless Chromium shows it: its text, and a screenshot.
chromium_dom() {
	chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$PWD/$1" 2> /dev/null
}
chromium_png() {
	chromium --headless --no-sandbox --disable-gpu --window-size=900,700 \
		--screenshot="$PWD/$2" "file://$PWD/$1" > /dev/null 2>&1
}

@test "report -f html: one self-contained page with a chart, rendered by Chromium, its totals the CSV's" {
	everything
	report summary --quarter 2007Q3 --by institution -f html -o page.html
	# Self-contained: no script, nothing fetched.
	! grep -Eq '<script|src=|href=' page.html
	grep -q '<svg' page.html
	# The totals on the page are those of the CSV report (1,970.63 on the
	# page: report-pages.bats prints the pages and reads them back).
	total=$(report summary --quarter 2007Q3 --by institution |
		awk -F, 'NR > 1 { sub(/\./, "", $5); t += $5 } END { printf "%d.%02d", t / 100, t % 100 }')
	[ "$total" = "1970.63" ]
	run chromium_dom page.html
	assert_output --partial "<td>合计</td><td></td><td></td><td class=\"n\">5</td><td class=\"n\">1,970.63</td>"
	assert_output --partial '<td>Hospital one</td>'
	# Not blank: the screenshot holds far more than that of an empty page.
	printf '<!DOCTYPE html><html><body></body></html>' > blank.html
	chromium_png blank.html blank.png
	chromium_png page.html page.png
	[ "$(stat -c %s page.png)" -gt $((5 * $(stat -c %s blank.png))) ]
	# The forecast and the settlement have pages too; the others do not.
	report forecast -f html > /dev/null
	report settlement --quarter 2007Q3 -f html | grep -q '<td>合计</td>'
	report funds -f html | grep -q '资金收支表'
	report adjustments -f html | grep -q '调整明细表'
	run -64 report policy -f html
	assert_line --partial "--format html is for summary, forecast, settlement, funds and adjustments"
	run -64 enrol -f html "$DATA/grant/household.csv"
}

@test "report audit: every recorded decision recomputed with the registry as it stood when recorded" {
	enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null
	enrol -q --kind application --as-of 2007-09-01 "$EXAMPLES/applications.csv" > /dev/null
	assess -q --as-of 2007-10-01 --record > /dev/null
	run report -q audit
	assert_output "$AUDIT_HEADER"
	# A correction of the registry afterwards changes nothing of what was
	# decided then: the audit reads the rows of the entries up to the run's.
	printf '%s\n' "$PERSON_HEADER,effective" \
		"110105195903120130,Zhang,SLT-001,head,三里屯街道,urban,employed,9999,2007-09-01" > fix.csv
	enrol -q fix.csv > /dev/null
	run report -q audit
	assert_output "$AUDIT_HEADER"
	# A recorded amount changed by hand is caught (SLT-001: 701.50).
	sqlite3 "$JIUZHU_DB" "UPDATE decision SET amount = 70151 WHERE decision_id = '2007-10-01/dibao/SLT-001'"
	run -1 report -q audit
	assert_line --index 1 --partial "journal,entry 3,digest decision,"
	assert_line --index 2 "decision,2007-10-01/dibao/SLT-001,amount,701.51,701.50"
	assert_equal "${#lines[@]}" 3
}

@test "report audit: each grant carries the amount of the recorded decision that made it" {
	enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null
	assess -q --as-of 2007-10-01 --programme dibao --record > /dev/null
	grant -q --recorded --as-of 2007-10-01 > /dev/null
	run report -q audit
	assert_output "$AUDIT_HEADER"
	sqlite3 "$JIUZHU_DB" "UPDATE \"grant\" SET amount = 80150 WHERE grant_id = 'dibao/household/SLT-001/2007-10-01'"
	run -1 report -q audit
	assert_line --index 1 --partial "journal,entry 3,digest grant,"
	assert_line --index 2 "grant,dibao/household/SLT-001/2007-10-01 version 1,amount,801.50,701.50"
	assert_equal "${#lines[@]}" 3
}
