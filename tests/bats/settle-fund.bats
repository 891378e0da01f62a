#!/usr/bin/env bats
# settle --fund major_disease --year Y: the major-disease fund's annual
# funding (rules.md 3; seed 三(三)8): the district finance pays in 50% of
# the fund's spending of the year before (all it paid, also what the
# donations topped up); what the fund still lacks for the aid approved is
# paid from the charity association's donations.
#
# The fund gets 1000.00 on 2007-01-05.  In 2007 it pays a premium of 600.00
# (an edge member's, 三(三)8 (b)); a second premium of 800.00 is approved
# but deferred: the fund holds 400.00 and the donations 250.00.
# 2008: spent in 2007 600.00; finance pays in 600.00 x 0.50 = 300.00; the
# fund holds 700.00 and lacks 800.00 - 700.00 = 100.00, which the donations
# (250.00) pay; the fund then holds 800.00 and the deferred premium is paid.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	enrol -q --policy "$DATA/settle/policy.json" "$DATA/grant/household.csv" > /dev/null
}

teardown() {
	ledger_balanced
}

premium() { # as_of national_id amount
	printf '%s\n' "decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy" \
		"$1/premium_subsidy/$2,$1,premium_subsidy,person,H6,$2,,yes,$3,year,edge_major_disease_fund,"
}

@test "settle --fund major_disease: finance pays half of last year's spending, the donations what the fund lacks" {
	printf '%s\n' account,date,amount,source,note "major_disease,2007-01-05,1000,budget," |
		grant -q --kind funding > /dev/null
	premium 2007-10-01 110105197003030016 600.00 > a.csv
	premium 2007-10-01 110105197204040026 800.00 > b.csv
	grant -q --as-of 2007-10-01 a.csv > /dev/null
	printf '%s\n' account,date,amount,source,note "donations,2007-12-01,250,donation," |
		grant -q --kind funding > /dev/null
	run grant -q --as-of 2007-12-02 b.csv
	assert_line --index 1 --partial ",800.00,year,deferred,major_disease,insufficient_funds"
	run --separate-stderr settle --fund major_disease --year 2008
	assert_success
	assert_output "fund,year,spent_before,finance_in,lacking,donations_in,balance
major_disease,2008,600.00,300.00,100.00,100.00,800.00"
	run balance donations     # 250.00 - 100.00
	assert_output "150.00"
	run sqlite3 "$JIUZHU_DB" "SELECT date, account, amount FROM ledger WHERE ref LIKE 'fund:%' ORDER BY id"
	assert_output "2008-01-01|source:finance_match|-30000
2008-01-01|major_disease|30000
2008-01-01|donations|-10000
2008-01-01|major_disease|10000"
	# Once a year.
	run --separate-stderr settle --fund major_disease --year 2008
	assert_output "fund,year,spent_before,finance_in,lacking,donations_in,balance"
	on_stderr
	assert_line "settle: the major-disease fund of 2008 was funded already"
	# The deferred premium is paid when its decision is given again.
	run grant -q --as-of 2008-01-02 b.csv
	assert_line --index 1 --partial ",800.00,year,active,major_disease,edge_major_disease_fund"
	run balance major_disease
	assert_output "0.00"
}

@test "settle --fund major_disease: the fund's spending is all it paid, whatever the donations topped up (三(三)8)" {
	# rules.md 3: "Donations always flow into the fund and the fund pays: the
	# fund's spending is everything it paid out, whatever topped it up."
	# 2007: the fund holds 400.00, the donations 500.00; a premium of 600.00:
	# 200.00 flows from the donations into the fund, the fund pays 600.00.
	# 2008: spent in 2007 600.00 (not the 400.00 the fund held); finance
	# pays in 600.00 x 0.50 = 300.00; nothing is owed, nothing lacks; the fund
	# holds 0.00 + 300.00 = 300.00.
	printf '%s\n' account,date,amount,source,note "major_disease,2007-01-05,400,budget," \
		"donations,2007-01-05,500,donation," | grant -q --kind funding > /dev/null
	premium 2007-10-01 110105197003030016 600.00 > a.csv
	run grant -q --as-of 2007-10-01 a.csv
	assert_line --index 1 --partial ",600.00,year,active,major_disease,edge_major_disease_fund"
	run balance donations     # 500.00 - 200.00
	assert_output "300.00"
	run -0 settle -q --fund major_disease --year 2008
	assert_output "fund,year,spent_before,finance_in,lacking,donations_in,balance
major_disease,2008,600.00,300.00,0.00,0.00,300.00"
}

@test "settle --fund major_disease: a year without spending before pays in nothing" {
	run settle -q --fund major_disease --year 2007
	assert_output "fund,year,spent_before,finance_in,lacking,donations_in,balance
major_disease,2007,0.00,0.00,0.00,0.00,0.00"
}

@test "settle --fund: a --year out of range is a usage error, exit 64, naming which way; nothing is booked (issue 13)" {
	# 4294969304 is 2^32 + 2008: cut to an int it was taken as 2008.
	run -64 settle --fund major_disease --year 4294969304
	assert_line 'settle: --year 4294969304: too large; expected a year, as in 2008'
	run -64 settle --fund major_disease --year 10000
	assert_line 'settle: --year 10000: too large; expected a year, as in 2008'
	run -64 settle --fund major_disease --year 999
	assert_line 'settle: --year 999: too small; expected a year, as in 2008'
	run -64 settle --fund major_disease --year -2008
	assert_line 'settle: --year -2008: too small; expected a year, as in 2008'
	run -64 settle --fund major_disease --year 99999999999999999999
	assert_line 'settle: --year 99999999999999999999: too large; expected a year, as in 2008'
	# Not a number at all: as before.
	run -64 settle --fund major_disease --year 20O8
	assert_line 'settle: --year 20O8: expected a year, as in 2008'
	run -64 settle --fund major_disease --year ''
	assert_line 'settle: --year : expected a year, as in 2008'
	run db_count "ledger WHERE ref LIKE 'fund:%'"
	assert_output 0
	# The end of the range is a year.
	run -0 settle -q --fund major_disease --year 9999
}
