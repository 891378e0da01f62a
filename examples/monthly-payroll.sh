#!/bin/sh
# monthly-payroll.sh [YYYY-MM]: the monthly cycle of jiuzhu, for cron on the
# first of the month (see examples/crontab, grant(1)):
#
#   1. assess every programme as of the first of the month and record the
#      decisions (decisions-YYYY-MM.csv);
#   2. grant them: grants start, change or end, and the one-off and yearly
#      grants are paid (grants-YYYY-MM.csv: the grant versions written);
#   3. the payroll of the month: one payment per monthly grant in force on
#      the first (payroll-YYYY-MM.csv);
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

# The summary.  The payroll's last five columns are amount, account,
# status, reason and paid_on; the ids before them are free text.
if [ "$p" -eq 0 ]; then
	pay="nothing to pay (nothing due, or paid before)"
else
	pay=$(awk -F, -v out="$payroll" 'NR > 1 {
		fen = $(NF - 4)
		sub(/\./, "", fen)
		if ($(NF - 2) == "paid") { paid++; sum += fen } else deferred++
	}
	END {
		printf "%d paid (%d.%02d yuan), %d deferred for want of funds (%s)",
		    paid, int(sum / 100), sum % 100, deferred, out
	}' "$payroll")
fi
if [ "$g" -eq 0 ]; then
	echo "payroll $month: grants: nothing new; payroll: $pay"
else
	echo "payroll $month: grants: $g versions written ($grants); payroll: $pay"
fi
