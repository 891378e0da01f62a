#!/usr/bin/env bats
# Output formats (cli.md, Conventions users of Miller, jq and sqlite-utils
# expect; report, xlsx): typed JSON, TSV, xlsx, --bom, --output-encoding,
# and a header on every headed output, even with no rows.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

# "column types" of the JSON Lines on stdin: each key with the JSON types
# its values take (null included), keys sorted.
json_types() {
	jq -rs '[.[] | to_entries[]] | group_by(.key) | .[] |
		"\(.[0].key) \([.[].value | type] | unique | join("/"))"'
}

# The registry of tests/bats/settle.bats: H1's household, the designated
# institutions, medical aid entitlements.
settle_fixture() {
	S="$DATA/settle"
	enrol -q --policy "$S/policy.json" "$DATA/grant/household.csv" > /dev/null
	enrol -q --kind institution "$S/institutions.csv" > /dev/null
}

# The number format of style index $2 of workbook $1 ("bold" for the
# header's font): what Excel shows a cell of that style as.
cell_format() {
	local xf id
	xf=$(unzip -p "$1" xl/styles.xml | grep -o '<cellXfs.*</cellXfs>' | grep -o '<xf [^>]*' |
		sed -n "$(($2 + 1))p")
	id=$(printf '%s' "$xf" | sed -E 's/.*numFmtId="([0-9]+)".*/\1/')
	if [ "$id" = 0 ]; then
		case $xf in *'fontId="1"'*) echo bold ;; *) echo general ;; esac
		return
	fi
	unzip -p "$1" xl/styles.xml | grep -o "<numFmt numFmtId=\"$id\" formatCode=\"[^\"]*\"" |
		sed -E 's/.*formatCode="([^"]*)"/\1/'
}

assess_fixture() {
	POLICY="$DATA/assess/policy.json"
	enrol -q "$DATA/assess/persons.csv" > /dev/null
}

@test "formats: jq selects money as a number: the dibao decisions above 300.00 are H3, H4, H5, H7 (hand-counted in assess.bats)" {
	assess_fixture
	run --separate-stderr sh -c "assess -q --policy '$POLICY' --as-of 2007-10-01 --programme dibao -f jsonl |
		jq -r 'select(.amount > 300) | .household_id'"
	assert_success
	assert_output "$(printf '%s\n' H3 H4 H5 H7)"
	# Two decimals always, from fen: 0.00 and 700.76, not 0 and 700.76000001.
	run --separate-stderr assess -q --policy "$POLICY" --as-of 2007-10-01 --programme dibao -f jsonl
	assert_line --partial '"household_id":"H5","national_id":null,"application_id":null,"eligible":true,"amount":700.76,"period":"month"'
	assert_line --partial '"household_id":"H1","national_id":null,"application_id":null,"eligible":false,"amount":0.00,'
}

@test "formats: assess and enrol JSON: every column of its type" {
	assess_fixture
	run --separate-stderr assess -q --policy "$POLICY" --as-of 2007-10-01 -f jsonl
	assert_success
	printf '%s\n' "$output" > a.jsonl
	run json_types < a.jsonl
	assert_output "$(printf '%s\n' 'amount number' 'application_id null' 'as_of string' \
		'decision_id string' 'eligible boolean' 'household_id string' 'national_id null/string' \
		'period string' 'policy string' 'programme string' 'reason string' 'unit string')"
	rm -f "$JIUZHU_DB"
	run --separate-stderr enrol -q -f json --as-of 2007-09-01 "$DATA/enrol/household.csv"
	assert_success
	printf '%s\n' "$output" | jq -c '.[]' > e.jsonl
	run json_types < e.jsonl
	assert_line 'age number'
	assert_line 'monthly_income number'
	assert_line 'hukou_local boolean'
	assert_line 'wubao boolean'
	assert_line 'birth_date string'
	assert_line 'national_id string'
	assert_line 'community null'
	# Nothing but these: strings, numbers, booleans and nulls, no column left as "yes".
	run jq -e -s 'all(.[] | to_entries[] | select(.value == "yes" or .value == "no"); false)' e.jsonl
	assert_success
}

@test "formats: grant, settle and report JSON: every column of its type" {
	settle_fixture
	run --separate-stderr grant -q -f jsonl "$S/entitlement.csv"
	assert_success
	printf '%s\n' "$output" > g.jsonl
	run json_types < g.jsonl
	assert_output "$(printf '%s\n' 'account null' 'amount number' 'decision_id string' 'end null' \
		'grant_id string' 'household_id string' 'national_id string' 'period string' \
		'programme string' 'reason string' 'start string' 'status string')"
	run --separate-stderr settle -q --quarter 2007Q3 -f jsonl "$S/q3.csv"
	assert_success
	printf '%s\n' "$output" > s.jsonl
	run json_types < s.jsonl
	assert_output "$(printf '%s\n' 'advance number' 'approved number' 'claim_id string' \
		'computed number' 'corrects null' 'institution string' 'insurance_paid number' \
		'national_id string' 'reason null/string' 'referral boolean' 'status string' \
		'total number' 'visit_date string' 'visit_type string')"
	run jq -e -s 'map(select(.claim_id == "A1"))[0] | .total == 81.25 and .advance == 40.63' s.jsonl
	assert_success
	run --separate-stderr settle -q --quarter 2007Q3 --summary -f jsonl
	printf '%s\n' "$output" > sum.jsonl
	run json_types < sum.jsonl
	assert_output "$(printf '%s\n' 'adjusted_claims number' 'approved number' 'claimed number' \
		'claims number' 'institution string' 'quarter string' 'rejected_claims number' \
		'signatures null' 'signed_by null' 'status string')"
	run --separate-stderr report -q summary -f jsonl
	printf '%s\n' "$output" > r.jsonl
	run json_types < r.jsonl
	assert_output "$(printf '%s\n' 'amount number' 'households number' 'payments number' \
		'persons number' 'programme string')"
	run --separate-stderr report -q policy -f json
	run jq -e 'map(select(.assumed != null)) | length > 0 and all(.assumed | type == "boolean")' <<< "$output"
	assert_success
}

@test "formats: -f tsv: a header and rows, backslash, tab, newline and CR escaped" {
	printf '%s\n' 'national_id,name,household_id,relation,street,hukou_type,employment' \
		'110105198001010016,"A\B	C",H1,head,"S1' 'x",urban,employed' > w.csv
	run --separate-stderr enrol -q -f tsv --as-of 2007-09-01 w.csv
	assert_success
	assert_equal "${#lines[@]}" 2
	assert_line --index 0 --regexp $'^national_id\tname\thousehold_id\trelation\tstreet\tcommunity\t'
	assert_line --index 1 --regexp $'^110105198001010016\tA\\\\\\\\B\\\\tC\tH1\thead\tS1\\\\nx\t\turban\t'
}

@test "formats: -f xlsx: a workbook with a bold frozen header, money and dates as numbers of their formats" {
	assess_fixture
	run --separate-stderr assess -q --policy "$POLICY" --as-of 2007-10-01 --programme dibao -f xlsx -o book.xlsx
	assert_success
	sheet=$(unzip -p book.xlsx xl/worksheets/sheet1.xml)
	styles=$(unzip -p book.xlsx xl/styles.xml)
	# The header, bold, frozen below its row.
	[[ $sheet == *'<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'* ]]
	[[ $sheet == *'<c r="A1" s="1" t="inlineStr"><is><t>decision_id</t></is></c>'* ]]
	[[ $sheet == *'<c r="I1" s="1" t="inlineStr"><is><t>amount</t></is></c>'* ]]
	[ "$(cell_format book.xlsx 1)" = bold ]
	# H5's 700.76 on row 6 (the header, H1..H5): a number in #,##0.00.
	money=$(printf '%s' "$sheet" | grep -o '<c r="I6" s="[0-9]*"><v>700.76</v></c>')
	[ "$(cell_format book.xlsx "$(printf '%s' "$money" | sed -E 's/.* s="([0-9]+)".*/\1/')")" = '#,##0.00' ]
	# as_of 2007-10-01: Excel's day 39356, in yyyy-mm-dd.
	date=$(printf '%s' "$sheet" | grep -o '<c r="B2" s="[0-9]*"><v>39356</v></c>')
	[ "$(cell_format book.xlsx "$(printf '%s' "$date" | sed -E 's/.* s="([0-9]+)".*/\1/')")" = 'yyyy-mm-dd' ]
	# yes/no stays the text the CSV has, which staff filter on.
	[[ $sheet == *'<c r="H6" t="inlineStr"><is><t>yes</t></is></c>'* ]]
	# Columns wide enough: none left at Excel's default.
	[[ $sheet == *'<cols><col min="1" max="1" width='* ]]
	# Written to stdout when it is a file or a pipe: the same workbook.
	assess -q --policy "$POLICY" --as-of 2007-10-01 --programme dibao -f xlsx > piped.xlsx
	cmp <(unzip -p piped.xlsx xl/worksheets/sheet1.xml) <(printf '%s' "$sheet")
	assess -q --policy "$POLICY" --as-of 2007-10-01 --programme dibao -f xlsx | cat > pipe.xlsx
	unzip -tq pipe.xlsx
}

@test "formats: -f xlsx to a terminal is refused, exit 64" {
	command -v script > /dev/null || skip "script(1) is not installed"
	assess_fixture
	run script -qec "assess -q --policy '$POLICY' -f xlsx" /dev/null
	assert_equal "$status" 64
	assert_output --partial 'assess: -f xlsx: standard output is a terminal; name a file with -o FILE.xlsx or redirect to one'
}

@test "formats: --bom starts CSV and TSV with a UTF-8 BOM; refused with json, xlsx and table" {
	enrol -q "$DATA/enrol/chinese.csv" > /dev/null
	run --separate-stderr report -q policy --bom
	assert_success
	run sh -c 'report -q policy --bom | head -c 12 | od -An -tx1 | tr -d " \n"'
	assert_output "efbbbf706172616d65746572"
	run sh -c 'report -q policy --bom -f tsv | head -c 3 | od -An -tx1 | tr -d " \n"'
	assert_output "efbbbf"
	run sh -c 'report -q policy | head -c 3 | od -An -tx1 | tr -d " \n"'
	assert_output "706172"
	run -64 report -q policy --bom -f jsonl
	assert_line 'report: --bom: -f jsonl is not read by Excel as text; a BOM goes with csv or tsv'
	run -64 report -q policy --bom -f xlsx -o b.xlsx
	assert_line --partial 'report: --bom: -f xlsx'
	run -64 report -q summary --bom -f html
	assert_line --partial 'report: --bom: -f html'
	run -64 report -q policy --bom --output-encoding GB18030
	assert_line 'report: --bom marks UTF-8 text; with --output-encoding GB18030 leave it out'
}

@test "formats: --output-encoding GB18030 converts CSV, TSV and table; a character GBK lacks is exit 65 naming line and column" {
	run --separate-stderr enrol -q --as-of 2007-09-01 -o utf8.csv "$DATA/enrol/chinese.csv"
	assert_success
	rm -f "$JIUZHU_DB"
	run --separate-stderr enrol -q --as-of 2007-09-01 --output-encoding GB18030 -o gb.csv "$DATA/enrol/chinese.csv"
	assert_success
	iconv -f GB18030 -t UTF-8 gb.csv | cmp - utf8.csv
	! cmp -s gb.csv utf8.csv
	run --separate-stderr report -q policy -f table --output-encoding GBK
	assert_success
	run -64 report -q policy -f json --output-encoding GB18030
	assert_line 'report: --output-encoding: -f json is UTF-8 by its definition; it goes with csv, tsv or table'
	run -64 report -q policy --output-encoding KLINGON
	assert_line 'report: --output-encoding KLINGON: not an encoding iconv knows; expected e.g. GB18030 or GBK'
	printf '%s\n' 'national_id,name,household_id,relation,street,hukou_type,employment' \
		'110105198001010016,王建国,H1,head,三里屯,urban,employed' \
		'110105198203030023,李𠀀,H1,spouse,三里屯,urban,employed' > rare.csv
	rm -f "$JIUZHU_DB"
	run -65 --separate-stderr enrol -q -o out.csv --output-encoding GBK rare.csv
	assert_equal "$stderr" "enrol: output line 3, column name: '𠀀' cannot be written in GBK; write UTF-8 (drop --output-encoding; --bom for Excel) or use -f xlsx"
	[ ! -e out.csv ]
	# In GB18030, which holds all of Unicode, it is written.
	rm -f "$JIUZHU_DB"
	run --separate-stderr enrol -q -f tsv --output-encoding GB18030 rare.csv
	assert_success
}

@test "formats: every CSV has its header, even with no rows: enrol nothing new, assess, grant, settle, report" {
	enrol -q "$DATA/enrol/household.csv" > /dev/null
	run --separate-stderr enrol -q -o new.csv "$DATA/enrol/household.csv"
	assert_success
	assert_equal "$(cat new.csv)" "$(enrol -q -f csv "$DATA/enrol/household.csv" 2> /dev/null | head -1)"
	head -1 new.csv | grep -q '^national_id,name,household_id,'
	run --separate-stderr enrol -q -f tsv "$DATA/enrol/household.csv"
	assert_output --regexp $'^national_id\tname\t'
	run --separate-stderr assess -q --programme legal_aid
	assert_output 'decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy'
	printf 'decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy\n' > none.csv
	run --separate-stderr grant -q none.csv
	assert_output 'grant_id,decision_id,programme,household_id,national_id,start,end,amount,period,status,account,reason'
	printf 'claim_id,institution,national_id,visit_date,visit_type,referral,total,insurance_paid,advance,corrects\n' > claims.csv
	run --separate-stderr settle -q --quarter 2007Q3 claims.csv
	assert_output 'claim_id,institution,national_id,visit_date,visit_type,referral,total,insurance_paid,advance,corrects,computed,approved,status,reason'
	run --separate-stderr settle -q --quarter 2007Q3 --summary
	assert_output 'quarter,institution,claims,claimed,approved,rejected_claims,adjusted_claims,signed_by,status,signatures'
	run --separate-stderr report -q summary
	assert_output 'programme,households,persons,payments,amount'
	run --separate-stderr report -q funds
	assert_output 'account,from,to,opening,in,out,closing'
	run --separate-stderr report -q settlement --quarter 2007Q3
	assert_output 'quarter,institution,claims,claimed,approved,rejected_claims,adjusted_claims,health,labour,civil_affairs,finance,status'
	# xlsx too: a workbook of the header alone.
	run --separate-stderr report -q funds -f xlsx -o funds.xlsx
	assert_success
	run unzip -p funds.xlsx xl/worksheets/sheet1.xml
	assert_output --partial '<row r="1"'
	refute_output --partial '<row r="2"'
}

@test "formats: the payroll's transfer and the survey's ratios are JSON numbers (what a transfer order sums, what jq compares)" {
	enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null
	grant -q --as-of 2007-09-30 "$EXAMPLES/funding.csv" > /dev/null
	assess -q --as-of 2007-10-01 --programme dibao | grant -q --as-of 2007-10-01 > /dev/null
	run --separate-stderr grant -q --period 2007-10 --as-of 2007-10-05 -f jsonl
	assert_success
	printf '%s\n' "$output" > pay.jsonl
	# The transfer order: the money summed per payee, as grant(1) says; a
	# string would be joined by jq's add, not summed.
	run jq -e -s 'length > 0 and all(.transfer | type == "number")
	  and all(.amount | type == "number") and (map(.transfer) | add) > 0' pay.jsonl
	assert_success
	enrol -q --kind survey "$EXAMPLES/survey.csv" > /dev/null
	run --separate-stderr report -q survey --year 2007 -f jsonl
	assert_success
	printf '%s\n' "$output" > survey.jsonl
	run jq -e -s 'length > 0 and all(.income_p50, .expense_p50, ."under_1.0" | type == "number")' \
		survey.jsonl
	assert_success
}

@test "formats: -f xlsx stops, exit 65, on a cell longer than Excel holds; nothing is written" {
	# A name of 40,000 characters: the reader takes 65,536 bytes a field,
	# an Excel cell 32,767 characters; a dropped cell would go unseen.
	long=$(printf 'x%.0s' $(seq 40000))
	printf 'national_id,name,household_id,relation,street,hukou_type,employment\n' > long.csv
	printf '110105198001010016,%s,H1,head,S,urban,employed\n' "$long" >> long.csv
	run --separate-stderr -65 enrol -q -f xlsx -o out.xlsx long.csv
	assert_equal "$stderr" 'enrol: -f xlsx: output line 2, column name: more than the 32,767 characters an Excel cell holds; use -f csv'
	[ ! -e out.xlsx ]
	nothing_stored
}

@test "formats: --output-encoding refuses UTF-16, whose BOM each converted line would begin with, exit 64" {
	run --separate-stderr -64 report policy --as-of 2007-10-01 --output-encoding UTF-16
	assert_output ''
	assert_equal "${stderr%%$'\n'*}" 'report: --output-encoding UTF-16: not one that writes ASCII as it is; expected e.g. GB18030, GBK or BIG5'
}
