#!/bin/sh
# monthly-payroll.sh [YYYY-MM]: the monthly cycle of jiuzhu, for cron on the
# first of the month (see examples/crontab, grant(1)):
#
#   1. assess every programme as of the first of the month and record the
#      decisions (decisions-YYYY-MM.csv);
#   2. grant them: grants start, change or end, and the one-off and yearly
#      grants are paid (grants-YYYY-MM.csv: the grant versions written);
#   3. the payroll of the month: first the corrections that reach back (a
#      death reported late, a corrected income: arrears paid, overpayments
#      booked and recovered from later payments), then one payment per
#      monthly grant in force on the first to its payee, the head of the
#      household on the first (payroll-YYYY-MM.csv, mode 0600: the file
#      finance hands to the bank);
#
# then one line of summary.  The month defaults to the current one.  The
# database is $JIUZHU_DB, which must exist; the files go to $PAYROLL_DIR
# (default: the current directory).  Run again for the same month, it pays
# nothing twice; what a later run writes (say, deferred payments paid after
# funding) goes to grants-YYYY-MM.2.csv and payroll-YYYY-MM.2.csv, then .3
# and so on, and a file with nothing in it is removed.  The exit status is
# that of the command that failed, as grant(1) and assess(1) say.
#
# The decisions go through a file, kept beside the payroll for whoever
# checks it later; assess -o puts the file in place only when the run is
# complete, and set -e stops here if it is not.  (A pipe would do too:
# assess --record | grant --period M grants and pays in one run.)
set -eu

# Today as the commands see it: JIUZHU_TODAY (for tests), else the clock.
today=${JIUZHU_TODAY:-$(date +%Y-%m-%d)}
month=${1:-${today%-*}}
case $month in
[12][0-9][0-9][0-9]-0[1-9] | [12][0-9][0-9][0-9]-1[0-2]) ;;
*)
	echo "monthly-payroll.sh: '$month' is not a month; expected YYYY-MM, as in 2007-10" >&2
	exit 64
	;;
esac
if [ -z "${JIUZHU_DB:-}" ]; then
	echo "monthly-payroll.sh: JIUZHU_DB is not set; it names the database" >&2
	exit 64
fi
if [ ! -f "$JIUZHU_DB" ]; then
	echo "monthly-payroll.sh: $JIUZHU_DB: no such database" >&2
	exit 66
fi
export JIUZHU_DB
dir=${PAYROLL_DIR:-.}

# Each run of a month writes files of its own: the first grants-YYYY-MM.csv
# and payroll-YYYY-MM.csv, a later one grants-YYYY-MM.2.csv and so on.
run=
n=1
while [ -e "$dir/grants-$month$run.csv" ] || [ -e "$dir/payroll-$month$run.csv" ]; do
	n=$((n + 1))
	run=.$n
done
grants=$dir/grants-$month$run.csv
payroll=$dir/payroll-$month$run.csv

# 1 and 2: the decisions of the first of the month, recorded, into grant.
assess --as-of "$month-01" --record --quiet -o "$dir/decisions-$month.csv"
grant --quiet -o "$grants" "$dir/decisions-$month.csv"

# 3: the payroll of the month.  No decisions on its standard input: with
# some there, grant --period would grant them first.
grant --quiet --period "$month" -o "$payroll" < /dev/null

# Rows below the header line; a file with none is removed.
rows() {
	r=$(($(wc -l < "$1") - 1))
	[ "$r" -gt 0 ] || rm -f "$1"
	echo "$r"
}
g=$(rows "$grants")
p=$(rows "$payroll")

# The summary, from the payroll's columns found by name in its header (a
# CSV field may be quoted and hold a comma: split with care).  Adjustments
# (grant(1) CORRECTIONS AND RECOVERY) are counted apart: arrears paid for
# months paid too little, overpayments booked as receivables, offsets kept
# back from this month's payments; "transfer" is what the bank moves.
if [ "$p" -eq 0 ]; then
	pay="nothing to pay (nothing due, or paid before)"
else
	pay=$(awk -v out="$payroll" '
	function split_csv(line, f,    n, c, i, q, cell) {
		n = 0; cell = ""; q = 0
		for (i = 1; i <= length(line); i++) {
			c = substr(line, i, 1)
			if (q && c == "\"" && substr(line, i + 1, 1) == "\"") { cell = cell c; i++ }
			else if (c == "\"") q = !q
			else if (c == "," && !q) { f[++n] = cell; cell = "" }
			else cell = cell c
		}
		f[++n] = cell
		return n
	}
	function fen(s) { sub(/\./, "", s); return s + 0 }
	NR == 1 { n = split_csv($0, h); for (i = 1; i <= n; i++) col[h[i]] = i; next }
	{
		split_csv($0, f)
		kind = f[col["kind"]]; status = f[col["status"]]
		if (status != "paid") deferred++
		else if (kind == "payment") { paid++; sum += fen(f[col["amount"]]) }
		else if (kind == "arrears") arrears++
		else if (kind == "overpayment") overpaid++
		else if (kind == "offset") offsets++
		if (status == "paid") transfer += fen(f[col["transfer"]])
	}
	END {
		printf "%d paid (%d.%02d yuan), %d deferred for want of funds", paid, int(sum / 100),
		    sum % 100, deferred
		if (arrears + overpaid + offsets)
			printf "; %d arrears, %d overpaid, %d offsets", arrears, overpaid, offsets
		printf "; to transfer %d.%02d yuan (%s)", int(transfer / 100), transfer % 100, out
	}' "$payroll")
fi
if [ "$g" -eq 0 ]; then
	echo "payroll $month: grants: nothing new; payroll: $pay"
else
	echo "payroll $month: grants: $g versions written ($grants); payroll: $pay"
fi
