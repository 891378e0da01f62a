# Synthetic households of one person each, for the tests that need many:
#   awk -v n=100000 -v what=persons   -f synthetic.awk   (enrol input)
#   awk -v n=100000 -v what=decisions -f synthetic.awk   (grant input: dibao 100.00 each)
# Person i has a valid GB 11643 ID (born 1950-1989, months 1-3) and household P<i>.
function check(s,    sum, k) {
	sum = 0
	for (k = 1; k <= 17; k++)
		sum += substr(s, k, 1) * w[k]
	return substr("10X98765432", sum % 11 + 1, 1)
}
BEGIN {
	split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
	if (what == "persons")
		print "national_id,name,household_id,relation,street,hukou_type,employment,monthly_income,effective"
	else
		print "decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy"
	for (i = 0; i < n; i++) {
		k = int(i / 1000)
		id = sprintf("110105%04d%02d01%03d", 1950 + k % 40, 1 + int(k / 40), i % 1000)
		id = id check(id)
		if (what == "persons")
			printf "%s,P%d,P%d,head,S,urban,unemployed,0,2007-09-01\n", id, i, i
		else
			printf "2007-10-01/dibao/P%d,2007-10-01,dibao,household,P%d,,,yes,100.00,month,income_below_standard,\n", i, i
	}
}
