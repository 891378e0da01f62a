#!/usr/bin/env bats
# The official's pages (report -f html of summary, forecast, settlement,
# funds, adjustments): printed by headless Chromium to PDF, read back with
# pdftotext: every column header, the totals (worked out here by hand from
# the CSV of the same subject), Chinese names, A4, the header on every
# printed page.  Chromium and poppler-utils come with make deps: no skip.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	export JIUZHU_TODAY=2008-01-10
}

# print PAGE: PAGE.html printed to PAGE.pdf; its text in PAGE.txt.
print() {
	HOME=$BATS_TEST_TMPDIR chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--user-data-dir="$BATS_TEST_TMPDIR/chromium" --print-to-pdf="$PWD/$1.pdf" \
		"file://$PWD/$1.html" > /dev/null 2>&1
	[ -s "$1.pdf" ]
	pdftotext -layout "$1.pdf" "$1.txt"
}

# on PAGE TEXT...: each text is on the printed page (spaces as pdftotext
# lays them out aside).
on() {
	local page=$1 t
	shift
	for t in "$@"; do
		tr -d ' ' < "$page.txt" | grep -qF -- "$(printf '%s' "$t" | tr -d ' ')" ||
			fail "$page: '$t' is not on the page: $(cat "$page.txt")"
	done
}

# The sum of column $2 of the CSV $1, as fen, from the text (no floats).
fen_sum() {
	awk -F, -v c="$2" 'NR > 1 { split($c, p, "."); s += p[1] * 100 + substr(p[2] "00", 1, 2) }
		END { printf "%d\n", s }' "$1"
}
# fen as the page says it: 12,345.67.
yuan() {
	printf '%d.%02d\n' $(($1 / 100)) $(($1 % 100)) | sed -e ':a' -e 's/^\([0-9]\{1,\}\)\([0-9]\{3\}\)/\1,\2/; ta'
}

demo() {
	JIUZHU_DEMO_DIR=$PWD/demo sh "$ROOT/examples/demo.sh" "$ROOT/${JIUZHU_BUILD:-build/out}/bin" > /dev/null 2>&1
	export JIUZHU_DB=$PWD/demo/chaoyang.db
}

@test "report summary -f html: 救助汇总报告, Chinese labels and names, the period in words, the policy, the 合计" {
	demo
	report -q summary --quarter 2007Q4 -o summary.csv
	report -q summary --quarter 2007Q4 -f html -o summary.html
	run grep -ciE '<script|src=|href=|url\(|@import' summary.html
	assert_output 0
	print summary
	# The total: the payments and the amounts of every programme summed.
	local payments amount
	payments=$(awk -F, 'NR > 1 { s += $4 } END { print s }' summary.csv)
	amount=$(yuan "$(fen_sum summary.csv 5)")
	on summary 救助汇总报告 救助项目 户数 人数 笔数 '金额（元）' 合计 "$payments" "$amount" \
		'2007年第四季度' 京朝发〔2007〕13号 chaoyang-2007 '2008年1月10日' \
		最低生活保障 临时救助 节日送温暖 '医疗救助（定点垫付）' '负责人（签字）'
	run grep -E 'dibao|festival|medical_claim|programme' summary.txt
	assert_failure
	run pdfinfo summary.pdf
	assert_line --regexp '^Page size: +594.96 x 841.92 pts \(A4\)'
}

@test "report settlement -f html: 医疗救助结算表 on A4 landscape, institutions and signers by name, the totals" {
	demo
	report -q settlement --quarter 2007Q4 -o statement.csv
	report -q settlement --quarter 2007Q4 -f html -o statement.html
	print statement
	run pdfinfo statement.pdf
	assert_line --regexp '^Page size: +841.92 x 594.96 pts \(A4\)'
	# Claims, advanced and approved: each institution's summed.
	local claims
	claims=$(awk -F, 'NR > 1 { s += $3 } END { print s }' statement.csv)
	on statement 医疗救助结算表 定点医疗机构 结算笔数 '垫付金额（元）' '核准金额（元）' 拒付笔数 \
		调整笔数 区卫生局 区劳动保障局 区民政局 区财政局 状态 合计 "$claims" \
		"$(yuan "$(fen_sum statement.csv 4)")" "$(yuan "$(fen_sum statement.csv 5)")" \
		垂杨柳医院 东坝医院 王芳 李强 张敏 刘洋 已结算 '2007年第四季度' 京朝发〔2007〕13号
	run grep -E 'CYL|DBYY|SLTSQ|closed|journal' statement.txt
	assert_failure
}

@test "report forecast -f html: 救助预测报告 with the months it is made from, 实际 beside 预测, in table and chart" {
	demo
	report -q forecast --horizon 3 -o forecast.csv
	report -q forecast --horizon 3 -f html -o forecast.html
	print forecast
	# The forecast's total: its rows summed; the history's: the months
	# paid of the programmes paid by the month (report summary by month of
	# the same months, monthly grants only, is the cross-check by hand).
	on forecast 救助预测报告 救助项目 月份 户数 '金额（元）' '类别（方法）' 实际 预测 \
		预测合计 "$(yuan "$(fen_sum forecast.csv 4)")" 实际合计 '2007年10月' '2008年3月' 最低生活保障
	grep -q '<svg' forecast.html
	grep -q '>实际</text>' forecast.html
	grep -q '>预测</text>' forecast.html
	run grep -E 'linear|least|dibao' forecast.txt
	assert_failure
}

@test "report funds -f html: 资金收支表 with the accounts by name and the 合计 of the funds" {
	demo
	report -q funds --quarter 2007Q4 -o funds.csv
	report -q funds --quarter 2007Q4 -f html -o funds.html
	print funds
	local c t=()
	for c in 4 5 6 7; do
		t+=("$(yuan "$(grep -v '^receivable:' funds.csv | fen_sum /dev/stdin $c)")")
	done
	on funds 资金收支表 资金账户 '期初余额（元）' '收入（元）' '支出（元）' '期末余额（元）' 合计 \
		"${t[@]}" 区财政预算 区级临时救助资金 社会捐赠 困难家庭重大疾病救助金 三里屯街道临时救助资金
	run grep -E 'budget|donations|street:' funds.txt
	assert_failure
}

@test "report adjustments -f html: 调整明细表 on A4 landscape with the 合计 of each column" {
	# H6's dibao and R1's released prisoner's own, paid for 2007-10 and
	# 2007-11 out of 5000.00; then H6's 2007-10 paid 50.00 too little and
	# its 2007-11 200.00 too much, of which 60.00 offset, 40.00 refunded and
	# 30.00 written off; R1's 2007-11 100.00 too much (report-lifecycle.bats).
	adjust_district
	local h=dibao/household/H6 r=dibao/person/110105196006060013
	adjustment $h 2007-10 arrears 5000 2007-12 2007-12-05
	adjustment $h 2007-11 overpayment -20000 2007-12 2007-12-05
	adjustment $h 2007-11 offset 6000 2008-01 2008-01-05
	adjustment $h 2007-11 refund 4000 '' 2008-01-20
	adjustment $h 2007-11 write_off 3000 '' 2008-02-10
	adjustment $r 2007-11 overpayment -10000 2008-01 2008-01-05
	report -q adjustments -f html -o adjust.html
	print adjust
	run pdfinfo adjust.pdf
	assert_line --regexp '^Page size: +841.92 x 594.96 pts \(A4\)'
	# arrears 50.00; overpaid 200.00 + 100.00; offset 60.00; refunded
	# 40.00; written off 30.00; to recover 200.00 - 130.00 + 100.00.
	local head
	head=$(sqlite3 "$JIUZHU_DB" "SELECT name FROM person WHERE household_id = 'H6' AND relation = 'head'")
	[ -n "$head" ]
	on adjust "$head" 调整明细表 救助项目 对象 户号（户主） 身份证号 所属月份 '补发（元）' '多发（元）' '抵扣（元）' \
		'退回（元）' '核销（元）' '待追回（元）' 合计 \
		'合计 50.00 300.00 60.00 40.00 30.00 170.00' 最低生活保障 家庭 个人 '2007年11月'
	run grep -E '110105196006060013|household|person' adjust.txt
	assert_failure
}

@test "a long statement: the header row on every printed page, the total on the last" {
	# 90 institutions, one outpatient claim each of 100.00, 50.00 advanced
	# and approved (50%): 90 claims, 4,500.00 and 4,500.00.
	settle_registry 90
	awk 'BEGIN { print "code,name,type,designated_from,designated_to"
		for (i = 1; i <= 90; i++) printf "K%02d,第%d社区卫生服务中心,community,2007-07-03,\n", i, i }' > many.csv
	enrol -q --kind institution many.csv > /dev/null
	awk -F, 'NR > 1 { printf "L%d,K%02d,%s,2007-10-15,outpatient,,100.00,,50.00\n", NR - 1, NR - 1, $1 }
		BEGIN { print "claim_id,institution,national_id,visit_date,visit_type,referral,total,insurance_paid,advance" }' persons.csv > claims.csv
	settle -q --quarter 2007Q4 claims.csv > /dev/null
	report -q settlement --quarter 2007Q4 -f html -o long.html
	print long
	local pages p
	pages=$(pdfinfo long.pdf | awk '/^Pages:/ { print $2 }')
	[ "$pages" -ge 3 ] || fail "the statement is $pages pages, expected 3 or more"
	for p in $(seq 1 "$pages"); do
		pdftotext -layout -f "$p" -l "$p" long.pdf page.txt
		grep -q '定点医疗机构 *结算笔数' page.txt || fail "page $p has no header row: $(head -20 page.txt)"
	done
	grep -q '合计 *90 *4,500.00 *4,500.00' page.txt
	on long 第90社区卫生服务中心
}

@test "the pages escape a name once, in the table and in the chart: <, > and & are never HTML of their own" {
	demo
	# An institution renamed with HTML's characters, in a version of its own.
	printf 'code,name,type,designated_from,designated_to\nDBYY,"<b>A&B ""医院""</b>",hospital,2007-07-03,\n' > renamed.csv
	enrol -q --kind institution renamed.csv > /dev/null
	report -q settlement --quarter 2007Q4 -f html -o statement.html
	# In the table and in the chart's label: escaped once, never twice.
	[ "$(grep -c '&lt;b&gt;A&amp;B' statement.html)" -ge 2 ]
	run grep -c -e '<b>A' -e '&amp;lt;' -e '&amp;amp;' statement.html
	assert_output 0
}
