#!/bin/sh
# make demo: enrol the example district into a fresh database, run the
# monthly cycle of 2007-10 to 2007-12, then the quarterly medical-aid
# settlement of 2007Q4 on examples/district/claims/, the reports and the
# audit; it ends with the settlement statement and the five pages an
# official prints and signs (report -f html).
# Usage: demo.sh [BIN_DIR]   (without it, the commands found on PATH); the
# files go to $JIUZHU_DEMO_DIR, else to a new /tmp/jiuzhu-demo.XXXXXX.
set -eu
if [ -n "${1:-}" ]; then
  bin=$(cd "$1" && pwd)
  PATH="$bin:$PATH"
fi
here=$(cd "$(dirname "$0")" && pwd)
out=${JIUZHU_DEMO_DIR:-$(mktemp -d /tmp/jiuzhu-demo.XXXXXX)}
mkdir -p "$out"
export JIUZHU_DB="$out/chaoyang.db"
d=$here/district

echo "== enrol the example district into $JIUZHU_DB"
enrol --as-of 2007-09-01 "$d/persons.csv" -o "$out/persons.csv"
enrol --kind institution --as-of 2007-09-01 "$d/institutions.csv" -o "$out/institutions.csv"
enrol --kind application "$d/applications.csv" -o "$out/applications.csv"
enrol --kind survey "$d/survey.csv" -o "$out/survey.csv"
# The joint review's signers (settle --sign asks for the OS login): the
# example's staff, each as the user who runs the demo.
sed "2,\$s/^[^,]*,/$(id -un),/" "$d/staff.csv" | enrol --kind staff -o "$out/staff.csv"

echo "== the same intake again: nothing new"
enrol --as-of 2007-09-01 "$d/persons.csv"

echo "== the first persons as stored (age on 2007-09-01)"
head -8 "$out/persons.csv" | cut -d, -f1-5,7,10,11,14,34

echo "== households by street"
sqlite3 -column -header "$JIUZHU_DB" \
  "SELECT street, count(DISTINCT household_id) AS households, count(*) AS persons
   FROM person GROUP BY street ORDER BY street"

echo "== the dibao means test on 2007-10-01, explained (first households)"
assess --as-of 2007-10-01 --programme dibao --explain | cut -d, -f5,8,9,13 | head -6

echo "== every programme on 2007-10-01: eligible decisions by programme"
assess --as-of 2007-10-01 --record | awk -F, 'NR > 1 && $8 == "yes" { n[$3]++ }
  END { for (p in n) printf "%-22s %d\n", p, n[p] }' | sort

echo "== money into the accounts for 2007Q4"
grant --kind funding "$d/funding.csv" -o "$out/funding.csv"

echo "== the recorded decisions of 2007-10-01 become grants; one-off and yearly ones are paid"
grant --recorded --as-of 2007-10-01 -o "$out/grants-2007-10.csv"

echo "== the payroll of 2007-10, and again: nothing is paid twice"
grant --period 2007-10 --as-of 2007-10-05 -o "$out/payroll-2007-10.csv"
grant --period 2007-10 --as-of 2007-10-05 > /dev/null

echo "== the monthly cycles of 2007-11 and 2007-12 (examples/monthly-payroll.sh)"
JIUZHU_TODAY=2007-11-01 PAYROLL_DIR=$out PATH=$PATH sh "$here/monthly-payroll.sh" 2007-11
JIUZHU_TODAY=2007-12-01 PAYROLL_DIR=$out PATH=$PATH sh "$here/monthly-payroll.sh" 2007-12

# The medical entitlements granted from 2007-10-01 are in force all quarter:
# the designated institutions' claims of 2007Q4 can be settled.
echo "== the medical-aid settlement of 2007Q4 (examples/quarterly-settlement.sh)"
JIUZHU_TODAY=2008-01-05 CLAIMS_DIR=$d/claims SETTLE_DIR=$out PATH=$PATH \
  sh "$here/quarterly-settlement.sh" 2007Q4

echo "== the lines whose advance is not the aid computed: rejected, adjusted, or a lower advance approved"
awk -F, 'NR == 1 || $9 != $11' "$out/settlement-2007Q4.csv" |
  cut -d, -f1,2,5,9,11-14

echo "== the same claims again: nothing is settled twice"
JIUZHU_TODAY=2008-01-05 CLAIMS_DIR=$d/claims SETTLE_DIR=$out PATH=$PATH \
  sh "$here/quarterly-settlement.sh" 2007Q4

echo "== the joint review: the four bureaus sign, in any order; the statement is closed"
for bureau in civil_affairs health finance labour; do
  settle --quarter 2007Q4 --sign "$bureau" > /dev/null
done
settle --quarter 2007Q4 --summary --format table

echo "== the same claims once more, after the review: nothing is stored, the statement stays as signed"
settle --quarter 2007Q4 "$d"/claims/2007Q4-*.csv 2>&1 > /dev/null | tail -n 1
settle --quarter 2007Q4 --summary --format table

echo "== the fund accounts over 2007Q4 (report funds)"
report funds --quarter 2007Q4 --format table

echo "== what was paid in 2007Q4, by working group (report summary)"
report summary --quarter 2007Q4 --by group --format table

echo "== no one missed, nobody twice, on 2007-12-01 (report gaps)"
report gaps --as-of 2007-12-01 --format table

echo "== the auditor: the journal's chain, every run's rows, the ledger, every settlement line recomputed"
report audit

echo "== the journal"
sqlite3 -column -header "$JIUZHU_DB" \
  "SELECT entry, user, changes, substr(hash, 1, 12) AS hash FROM journal"

echo "== the settlement statement of 2007Q4, as the joint meeting sees it"
report settlement --quarter 2007Q4 --format table
report summary --quarter 2007Q4 --format html -o "$out/summary-2007Q4.html"
report forecast --format html -o "$out/forecast.html"
report settlement --quarter 2007Q4 --format html -o "$out/settlement-2007Q4.html"
report funds --quarter 2007Q4 --format html -o "$out/funds-2007Q4.html"
report adjustments --format html -o "$out/adjustments.html"
echo "== five pages to print and sign, in $out: summary-2007Q4.html forecast.html" \
  "settlement-2007Q4.html funds-2007Q4.html adjustments.html"
