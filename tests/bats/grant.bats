#!/usr/bin/env bats
# grant: options, decisions into grants, the payroll month, funding and the
# accounts (cli.md grant; data.md decision, grant, funding; rules.md 1
# temporary "六(一): two levels").  After every test the ledger balances.

bats_require_minimum_version 1.5.0

DECISION_HEADER=decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy
GRANT_HEADER=grant_id,decision_id,programme,household_id,national_id,start,end,amount,period,status,account,reason
PAYMENT_HEADER=payment_id,grant_id,programme,household_id,national_id,month,amount,account,status,reason,paid_on,kind,transfer,payee_id,payee_name,bank_account
T=110105198108080022

setup() {
	load 'test_helper/common-setup'
	_common_setup
	POLICY="$DATA/assess/policy.json"
}

teardown() {
	ledger_balanced
}

# Enrol T1 (street S2, with three temporary-aid applications) and H6.
registry() {
	enrol -q --policy "$POLICY" "$DATA/grant/temporary.csv" "$DATA/grant/household.csv" > /dev/null
	enrol -q --kind application "$DATA/grant/applications.csv" > /dev/null
}

fund() { # account date amount
	printf 'account,date,amount,source,note\n%s,%s,%s,budget,\n' "$1" "$2" "$3" |
		grant -q --kind funding > /dev/null
}

# A decision file of the rows given.
decisions() {
	local file=$1
	shift
	printf '%s\n' "$DECISION_HEADER" "$@" > "$file"
}

dibao() { # as_of amount [eligible reason]
	echo "$1/dibao/H6,$1,dibao,household,H6,,,${3:-yes},$2,month,${4:-income_below_standard},"
}

# ---- options ----

@test "grant: --help fits a screen and names --period, --kind and --recorded (cli.md grant)" {
	run --separate-stderr grant --help
	assert_success
	assert_output --partial '--period=YYYY-MM'
	assert_output --partial '--kind=KIND'
	assert_output --partial '--recorded'
	[ "${#lines[@]}" -le 40 ]
	run grant --version
	assert_output --regexp '^grant \(jiuzhu\) [0-9]'
}

@test "grant: bad options are usage errors, exit 64, and write nothing (cli.md exit status)" {
	run -64 grant --period 2007-13
	assert_line --partial "grant: --period 2007-13:"
	run -64 grant --period 2007-10 --kind funding
	assert_line --partial "--period pays grants; --kind funding books money in: one or the other"
	run -64 grant --kind payments
	assert_line --partial "--kind payments: expected decision, funding, recovery or return"
	run -64 grant --recorded
	assert_line --partial "--recorded needs --as-of"
	[ ! -e "$JIUZHU_DB" ]
	run -66 grant --period 2007-10 < /dev/null
	assert_output "grant: $JIUZHU_DB: no such database; enrol the registry first, or give --db"
	[ ! -e "$JIUZHU_DB" ]
}

# ---- decisions ----

@test "grant: an eligible monthly decision starts a grant; the same again changes nothing" {
	registry
	decisions d.csv "$(dibao 2007-10-01 930.76)"
	run --separate-stderr grant d.csv
	assert_success
	assert_output "$GRANT_HEADER
dibao/household/H6/2007-10-01,2007-10-01/dibao/H6,dibao,H6,,2007-10-01,,930.76,month,active,budget,income_below_standard"
	run --separate-stderr grant d.csv
	assert_success
	assert_output "$GRANT_HEADER"
	on_stderr
	assert_output --partial "nothing new: 1 decision read: 0 grant versions written"
	assert_output --partial "1 changed nothing"
}

@test "grant: a new amount ends the grant on the decision's date and starts another; an older decision is skipped" {
	registry
	decisions oct.csv "$(dibao 2007-10-01 930.76)"
	decisions nov.csv "$(dibao 2007-11-01 730.76)"
	grant -q oct.csv > /dev/null
	run grant -q nov.csv
	assert_output "$GRANT_HEADER
dibao/household/H6/2007-10-01,2007-11-01/dibao/H6,dibao,H6,,2007-10-01,2007-11-01,930.76,month,ended,budget,amount_changed
dibao/household/H6/2007-11-01,2007-11-01/dibao/H6,dibao,H6,,2007-11-01,,730.76,month,active,budget,income_below_standard"
	run --separate-stderr grant oct.csv
	assert_output "$GRANT_HEADER"
	on_stderr
	assert_output --partial "1 older than their grant"
}

@test "grant: an ineligible decision ends the grant from its date; a second one does nothing" {
	registry
	decisions oct.csv "$(dibao 2007-10-01 930.76)"
	decisions dec.csv "$(dibao 2007-12-01 0.00 no hukou_not_local)"
	grant -q oct.csv > /dev/null
	run grant -q dec.csv
	assert_output "$GRANT_HEADER
dibao/household/H6/2007-10-01,2007-12-01/dibao/H6,dibao,H6,,2007-10-01,2007-12-01,930.76,month,ended,budget,hukou_not_local"
	run grant -q dec.csv
	assert_output "$GRANT_HEADER"
}

@test "grant: a yearly education grant is paid once per school year from 09-01 (rules.md 2)" {
	registry
	fund budget 2007-09-30 5000
	edu() { echo "$1/edu_hardship/110105199705050037,$1,edu_hardship,person,H6,110105199705050037,,yes,500.00,year,hardship_compulsory,"; }
	decisions a.csv "$(edu 2007-10-01)" "$(edu 2008-03-01)" "$(edu 2008-08-31)" "$(edu 2008-09-01)"
	run grant -q a.csv
	assert_output "$GRANT_HEADER
edu_hardship/person/110105199705050037/2007-09-01,2007-10-01/edu_hardship/110105199705050037,edu_hardship,H6,110105199705050037,2007-10-01,2008-09-01,500.00,year,active,budget,hardship_compulsory
edu_hardship/person/110105199705050037/2008-09-01,2008-09-01/edu_hardship/110105199705050037,edu_hardship,H6,110105199705050037,2008-09-01,2009-09-01,500.00,year,active,budget,hardship_compulsory"
	# 5000.00 - 2 x 500.00
	run balance budget
	assert_output "4000.00"
}

@test "grant: a medical entitlement is a monthly grant of 0.00: in force, never paid" {
	registry
	decisions m.csv "2007-10-01/medical/$T,2007-10-01,medical,person,T1,$T,,yes,0.00,month,dibao_member,"
	run grant -q m.csv
	assert_output "$GRANT_HEADER
medical/person/$T/2007-10-01,2007-10-01/medical/$T,medical,T1,$T,2007-10-01,,0.00,month,active,,dibao_member"
	run grant -q --period 2007-10 --as-of 2007-10-05
	assert_output "$PAYMENT_HEADER"
}

@test "grant: bad decisions are all reported, exit 65, and nothing is stored or printed (cli.md error messages)" {
	registry
	decisions bad.csv "$(dibao 2007-10-01 930.76)" \
		"2007-10-01/dibao/H9,2007-10-01,dibao,household,H9,,,yes,100.00,month,income_below_standard," \
		"2007-10-01/edu_hardship/$T,2007-10-01,edu_hardship,person,T1,$T,,yes,500.00,month,x," \
		"2007-10-01/temporary/X,2007-10-01,temporary,application,T1,$T,,yes,1.00,once,medical," \
		"2007-10-01/dibao/H6,2007-10-01,dibao,household,H6,,,maybe,1.001,month,x," \
		"2007-10-01/temporary/$T,2007-10-01,temporary,person,T1,$T,,yes,1.00,once,medical," \
		"2007-10-01/dibao/$T,2007-10-01,dibao,person,H6,$T,,yes,1.00,month,x," \
		"2007-10-01/temporary/APP-T1,2007-10-01,temporary,application,T1,110105197003030016,APP-T1,yes,1.00,once,medical,"
	run --separate-stderr grant bad.csv
	[ "$status" -eq 65 ]
	assert_output ""
	on_stderr
	assert_line "grant: bad.csv:3: household_id: no household H9 is enrolled"
	assert_line "grant: bad.csv:4: period: edu_hardship is paid yearly, not monthly"
	assert_line "grant: bad.csv:5: application_id: is required for a decision of unit application"
	assert_line --partial "grant: bad.csv:6: eligible:"
	assert_line --partial "grant: bad.csv:6: amount:"
	assert_line "grant: bad.csv:7: unit: temporary is not decided per person"
	assert_line "grant: bad.csv:8: national_id: the person was never a member of that household"
	assert_line "grant: bad.csv:9: national_id: the person was never a member of that household"
	assert_line "grant: bad.csv:9: application_id: is not the application of national_id"
	assert_line "grant: 7 bad records; nothing was written"
	run db_count '"grant"'
	assert_output 0
}

@test "grant: --dry-run says what it would write and writes nothing" {
	registry
	decisions d.csv "$(dibao 2007-10-01 930.76)"
	run --separate-stderr grant -n d.csv
	assert_success
	assert_line --index 1 --partial "dibao/household/H6/2007-10-01"
	on_stderr
	assert_output --partial "dry run, nothing written"
	run db_count '"grant"'
	assert_output 0
}

@test "grant: --recorded takes the decisions assess --record stored for --as-of" {
	registry
	assess -q --as-of 2007-10-01 --programme dibao --record > /dev/null
	run --separate-stderr grant --recorded --as-of 2007-10-01
	assert_success
	assert_line --index 1 "dibao/household/H6/2007-10-01,2007-10-01/dibao/H6,dibao,H6,,2007-10-01,,930.76,month,active,budget,income_below_standard"
	assert_line --index 2 --partial "dibao/household/T1/2007-10-01,2007-10-01/dibao/T1,dibao,T1,,2007-10-01,,330.00,"
	run --separate-stderr grant --recorded --as-of 2007-11-01
	on_stderr
	assert_output --partial "no decision recorded as of 2007-11-01"
}

# ---- the payroll ----

@test "grant --period with decisions on stdin: grants them, then pays the month, in one run (spec README: the shape)" {
	registry
	fund budget 2007-09-30 3000
	run --separate-stderr sh -c 'assess --as-of 2007-10-01 --programme dibao | grant --period 2007-10 --as-of 2007-10-05'
	assert_success
	assert_output "$PAYMENT_HEADER
dibao/household/H6/2007-10,dibao/household/H6/2007-10-01,dibao,H6,,2007-10,930.76,budget,paid,,2007-10-05,payment,930.76,110105197003030016,Head,
dibao/household/T1/2007-10,dibao/household/T1/2007-10-01,dibao,T1,,2007-10,330.00,budget,paid,,2007-10-05,payment,330.00,110105198108080022,Applicant,"
	on_stderr
	assert_line "grant: 2 decisions read: 2 grant versions written, 0 payments (0.00 yuan), 0 deferred; 0 changed nothing, 0 older than their grant"
	assert_line --partial "grant: payroll 2007-10: 2 paid (1260.76 yuan), 0 paid before, 0 deferred for want of funds, 0 ended at their number of payments; journal "
	run sqlite3 "$JIUZHU_DB" "SELECT count(*) FROM journal WHERE command LIKE 'grant%'"
	assert_output 2 # the funding, and this one run
	# With no input (a terminal, /dev/null, cron's empty pipe): the payroll alone.
	run --separate-stderr sh -c 'printf "" | grant --period 2007-11 --as-of 2007-11-05'
	assert_success
	assert_line --index 1 --partial "dibao/household/H6/2007-11,"
	on_stderr
	assert_output --partial "grant: payroll 2007-11: 2 paid (1260.76 yuan), 0 paid before, 0 deferred for want of funds, 0 ended at their number of payments; journal 5 "
}

@test "grant: assess --record piped into grant does not wait on grant for the database's lock" {
	registry
	# grant reads its input whole before it opens the database; assess,
	# holding the write lock while it prints, finishes first.
	run --separate-stderr sh -c 'assess --as-of 2007-10-01 --programme dibao --record | grant --busy-timeout 2 -q'
	assert_success
	assert_line --index 1 --partial "dibao/household/H6/2007-10-01,"
	run sqlite3 "$JIUZHU_DB" "SELECT count(*) FROM decision"
	assert_output 2
}

@test "assess: a run stopped by a missing parameter prints nothing, so a pipe into grant grants nothing" {
	registry
	# The test policy has no standard after 2009-01-01.
	run --separate-stderr sh -c 'assess --as-of 2009-02-01 --programme dibao | grant'
	assert_success
	assert_output "$GRANT_HEADER"
	run db_count '"grant"'
	assert_output 0
}

@test "grant: the payroll pays each monthly grant once; run twice, the month pays nothing twice and says so" {
	registry
	fund budget 2007-09-30 2000
	decisions d.csv "$(dibao 2007-10-01 930.76)"
	grant -q d.csv > /dev/null
	run --separate-stderr grant --period 2007-10 --as-of 2007-10-05
	assert_success
	assert_output "$PAYMENT_HEADER
dibao/household/H6/2007-10,dibao/household/H6/2007-10-01,dibao,H6,,2007-10,930.76,budget,paid,,2007-10-05,payment,930.76,110105197003030016,Head,"
	on_stderr
	assert_output --partial "grant: payroll 2007-10: 1 paid (930.76 yuan), 0 paid before, 0 deferred for want of funds, 0 ended at their number of payments; journal "
	run --separate-stderr grant --period 2007-10 --as-of 2007-10-06
	assert_success
	assert_output "$PAYMENT_HEADER"
	on_stderr
	assert_output "grant: nothing new: payroll 2007-10: 0 paid (0.00 yuan), 1 paid before, 0 deferred for want of funds, 0 ended at their number of payments"
	run balance budget        # 2000.00 - 930.76
	assert_output "1069.24"
	run db_count payment
	assert_output 1
}

@test "grant: a month run late is paid at the amount then in force and carries its month" {
	registry
	fund budget 2007-09-30 5000
	decisions d.csv "$(dibao 2007-10-01 930.76)" "$(dibao 2007-11-01 730.76)"
	grant -q d.csv > /dev/null
	run grant -q --period 2007-11 --as-of 2007-12-03
	assert_line --index 1 "dibao/household/H6/2007-11,dibao/household/H6/2007-11-01,dibao,H6,,2007-11,730.76,budget,paid,,2007-12-03,payment,730.76,110105197003030016,Head,"
	run grant -q --period 2007-10 --as-of 2007-12-03
	assert_line --index 1 "dibao/household/H6/2007-10,dibao/household/H6/2007-10-01,dibao,H6,,2007-10,930.76,budget,paid,,2007-12-03,payment,930.76,110105197003030016,Head,"
	run grant -q --period 2007-09 --as-of 2007-12-03
	assert_output "$PAYMENT_HEADER"
}

@test "grant: a payroll the budget cannot pay is deferred, never below zero, and paid when run again after funding" {
	registry
	fund budget 2007-09-30 900
	decisions d.csv "$(dibao 2007-10-01 930.76)"
	grant -q d.csv > /dev/null
	run grant -q --period 2007-10 --as-of 2007-10-05
	assert_line --index 1 "dibao/household/H6/2007-10,dibao/household/H6/2007-10-01,dibao,H6,,2007-10,930.76,budget,deferred,insufficient_funds,2007-10-05,payment,0.00,110105197003030016,Head,"
	run balance budget
	assert_output "900.00"
	fund budget 2007-10-06 100
	run grant -q --period 2007-10 --as-of 2007-10-07
	assert_line --index 1 "dibao/household/H6/2007-10,dibao/household/H6/2007-10-01,dibao,H6,,2007-10,930.76,budget,paid,,2007-10-07,payment,930.76,110105197003030016,Head,"
	run balance budget        # 1000.00 - 930.76
	assert_output "69.24"
}

# ---- accounts ----

@test "grant: an edge household's premium is paid by the major-disease fund, topped up from the donations with what it lacks (三(三)8)" {
	# rules.md 3: the donations flow into the fund and the fund pays.  The
	# fund holds 30.00, the donations 40.00; the premium is 50.00: 20.00 is
	# booked from the donations into the fund, then the fund pays 50.00.
	registry
	fund major_disease 2007-09-30 30
	fund donations 2007-09-30 40
	prem() { echo "$1/premium_subsidy/$T,$1,premium_subsidy,person,T1,$T,,yes,50.00,year,edge_major_disease_fund,"; }
	decisions p.csv "$(prem 2007-10-01)"
	run grant -q p.csv
	assert_line --index 1 "premium_subsidy/person/$T/2007-01-01,2007-10-01/premium_subsidy/$T,premium_subsidy,T1,$T,2007-10-01,2008-01-01,50.00,year,active,major_disease,edge_major_disease_fund"
	run balance major_disease # 30.00 + 20.00 - 50.00
	assert_output "0.00"
	run balance donations     # 40.00 - 20.00
	assert_output "20.00"
	run sqlite3 "$JIUZHU_DB" "SELECT account, amount FROM ledger WHERE ref = 'payment:premium_subsidy/person/$T/2007-01-01' ORDER BY id"
	assert_output "donations|-2000
major_disease|2000
major_disease|-5000
paid:premium_subsidy|5000"
	# Next year: the fund is empty and the donations hold 20.00 of 50.00:
	# nothing moves, the premium is deferred.
	decisions q.csv "$(prem 2008-10-01)"
	run grant -q q.csv
	assert_line --index 1 --partial ",50.00,year,deferred,major_disease,insufficient_funds"
	run balance donations
	assert_output "20.00"
	# With the donations funded, they pay it all, through the fund.
	fund donations 2008-10-02 100
	run grant -q q.csv
	assert_line --index 1 --partial ",50.00,year,active,major_disease,edge_major_disease_fund"
	run balance donations     # 120.00 - 50.00
	assert_output "70.00"
	run balance major_disease
	assert_output "0.00"
}

@test "grant: temporary aid is paid by the street, then the district, else split across both; deferred when both together cannot, no account below zero (三(一)4, 六(一))" {
	# rules.md temporary: "split across both when neither alone holds enough".
	registry
	fund street:S2 2007-09-30 1000
	fund district 2007-09-30 1300
	# 800.00 from the street (200.00 left); 700.00: the street cannot, the
	# district can (600.00 left); 900.00: neither alone, and together
	# 200.00 + 600.00 = 800.00 < 900.00: deferred, nothing moved.
	run grant -q "$DATA/grant/temporary-decisions.csv"
	assert_output "$GRANT_HEADER
temporary/application/APP-T1,2007-10-01/temporary/APP-T1,temporary,T1,$T,2007-10-01,2007-10-02,800.00,once,ended,street:S2,medical
temporary/application/APP-T2,2007-10-01/temporary/APP-T2,temporary,T1,$T,2007-10-01,2007-10-02,700.00,once,ended,district,medical
temporary/application/APP-T3,2007-10-01/temporary/APP-T3,temporary,T1,$T,2007-10-01,2007-10-02,900.00,once,deferred,street:S2,insufficient_funds"
	run balance street:S2
	assert_output "200.00"
	run balance district
	assert_output "600.00"
	# The district gets 100.00 (700.00): still neither alone, but together
	# 200.00 + 700.00 = 900.00: the street pays all it holds, the district
	# the rest, one payment of two bookings.
	fund district 2007-10-15 100
	run grant -q "$DATA/grant/temporary-decisions.csv"
	assert_output "$GRANT_HEADER
temporary/application/APP-T3,2007-10-01/temporary/APP-T3,temporary,T1,$T,2007-10-01,2007-10-02,900.00,once,ended,street:S2+district,medical"
	run balance street:S2     # 200.00 - 200.00
	assert_output "0.00"
	run balance district      # 700.00 - 700.00
	assert_output "0.00"
	# Two bookings (each sums to zero: teardown's ledger_balanced).
	run sqlite3 "$JIUZHU_DB" "SELECT account, amount FROM ledger WHERE ref = 'payment:temporary/application/APP-T3' ORDER BY id"
	assert_output "street:S2|-20000
paid:temporary|20000
district|-70000
paid:temporary|70000"
	run sqlite3 "$JIUZHU_DB" "SELECT count(DISTINCT txn) FROM ledger WHERE ref = 'payment:temporary/application/APP-T3'"
	assert_output 2
	# One payment row, paid once, naming both accounts; booked on the day
	# of the run that paid it, for the month decided.
	run sqlite3 "$JIUZHU_DB" "SELECT month, paid_on, amount, account, status FROM payment WHERE payment_id LIKE '%APP-T3' ORDER BY rowid"
	assert_output "2007-10|2026-11-29|90000|street:S2|deferred
2007-10|2026-11-29|90000|street:S2+district|paid"
	run sqlite3 "$JIUZHU_DB" "SELECT sum(amount) FROM payment WHERE status = 'paid'"
	assert_output 240000
}

@test "grant: home care is a government subsidy, paid from the budget, not from the donations (三(五))" {
	# rules.md home_care: "A government subsidy (政府补贴): paid from budget".
	registry
	printf '%s\n' "application_id,national_id,programme,received_on,street,requested" \
		"HC-1,$T,home_care,2007-09-20,S2,600" > hc.csv
	enrol -q --kind application hc.csv > /dev/null
	fund budget 2007-09-30 1000
	fund donations 2007-09-30 500
	# 600.00 x 0.50 = 300.00, from the budget.
	decisions d.csv "2007-10-01/home_care/HC-1,2007-10-01,home_care,application,T1,$T,HC-1,yes,300.00,once,dibao_member_elderly,"
	run grant -q d.csv
	assert_output "$GRANT_HEADER
home_care/application/HC-1,2007-10-01/home_care/HC-1,home_care,T1,$T,2007-10-01,2007-10-02,300.00,once,ended,budget,dibao_member_elderly"
	run balance budget        # 1000.00 - 300.00
	assert_output "700.00"
	run balance donations     # untouched
	assert_output "500.00"
}

@test "grant --kind funding: books money in, prints the balance, and a second run books nothing" {
	registry
	printf '%s\n' "account,date,amount,source,note" "budget,2007-09-30,1000.50,budget,Q4" \
		"street:S2,2007-09-30,300,lottery," "budget,2007-10-31,99.50,finance_match,Q4 more" \
		"donations,2007-09-30,20,donation," "major_disease,2007-09-30,10,budget," > f.csv
	run --separate-stderr grant --kind funding f.csv
	assert_success
	assert_output "account,date,amount,source,note,balance
budget,2007-09-30,1000.50,budget,Q4,1000.50
street:S2,2007-09-30,300.00,lottery,,300.00
budget,2007-10-31,99.50,finance_match,Q4 more,1100.00
donations,2007-09-30,20.00,donation,,20.00
major_disease,2007-09-30,10.00,budget,,10.00"
	run --separate-stderr grant --kind funding f.csv
	assert_output "account,date,amount,source,note,balance"
	on_stderr
	assert_output "grant: nothing new: 0 funding records booked, 5 booked before"
	run sqlite3 "$JIUZHU_DB" "SELECT account, amount FROM ledger WHERE txn = 1"
	assert_output "source:budget|-100050
budget|100050"
}

@test "grant --kind funding: the same record is booked as often as it is given, over all runs" {
	registry
	printf '%s\n' "account,date,amount,source,note" "budget,2007-09-30,100,budget,R" > one.csv
	printf '%s\n' "account,date,amount,source,note" "budget,2007-09-30,100,budget,R" \
		"budget,2007-09-30,100,budget,R" > two.csv
	grant -q --kind funding one.csv > /dev/null
	run --separate-stderr grant --kind funding two.csv
	assert_output "account,date,amount,source,note,balance
budget,2007-09-30,100.00,budget,R,200.00"
	on_stderr
	assert_output --partial "grant: 1 funding record booked, 1 booked before; journal "
	run --separate-stderr grant --kind funding two.csv
	on_stderr
	assert_output "grant: nothing new: 0 funding records booked, 2 booked before"
}

@test "grant --kind funding: a bad record writes nothing and prints nothing, exit 65" {
	registry
	printf '%s\n' "account,date,amount,source,note" "budget,2007-09-30,1000,budget," \
		"street:Nowhere,2007-09-30,5,lottery," "bank,2007-09-30,5,lottery," \
		"district,2007-09-30,0,budget," "district,2007-09-30,5,gift," > f.csv
	run --separate-stderr grant --kind funding f.csv
	[ "$status" -eq 65 ]
	assert_output ""
	on_stderr
	assert_line "grant: f.csv:3: account: no person or application is enrolled in street Nowhere"
	assert_line "grant: f.csv:4: account: unknown account bank; expected district, budget, major_disease, donations or street:<name>"
	assert_line "grant: f.csv:5: amount: must be more than 0.00"
	assert_line "grant: f.csv:6: source: unknown code 'gift'; expected one of: budget, lottery, donation, finance_match"
	run db_count funding
	assert_output 0
}

@test "grant: every run is journalled with its input's SHA-256 and the rows it added" {
	registry
	fund budget 2007-09-30 2000
	decisions d.csv "$(dibao 2007-10-01 930.76)"
	grant -q d.csv > /dev/null
	grant -q --period 2007-10 --as-of 2007-10-05 > /dev/null
	run sqlite3 "$JIUZHU_DB" "SELECT command, changes FROM journal ORDER BY entry DESC LIMIT 2"
	assert_line --index 0 --partial 'grant -q --period 2007-10 --as-of 2007-10-05|{"payment":1,"ledger":2}'
	assert_line --index 1 --partial 'grant -q d.csv|{"grant":1}'
	run sqlite3 "$JIUZHU_DB" "SELECT inputs FROM journal ORDER BY entry DESC LIMIT 1 OFFSET 1"
	assert_output --partial "\"sha256\":\"$(sha256sum d.csv | cut -d' ' -f1)\""
}
