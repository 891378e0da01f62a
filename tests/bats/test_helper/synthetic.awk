# Synthetic households of one person each, for the tests that need many:
#   awk -v n=100000 -v what=persons   -f synthetic.awk   (enrol input)
#   awk -v n=100000 -v what=decisions -f synthetic.awk   (grant input: dibao 100.00 each)
#   awk -v n=100000 -v what=medical -f synthetic.awk     (grant input: medical entitlement
#                                                        from 2007-07-01 each)
#   awk -v n=100000 -v m=1000000 -v what=claims -f synthetic.awk
#       (settle input: m claims of 2007Q4 by the n persons, from H0 and SQ1;
#       one in ten inpatient)
# Person i has a valid GB 11643 ID (born 1950-1989, months 1-3) and household P<i>;
# -v first=k starts at person k instead of 0 (persons, decisions, medical).
function check(s,    sum, k) {
	sum = 0
	for (k = 1; k <= 17; k++)
		sum += substr(s, k, 1) * w[k]
	return substr("10X98765432", sum % 11 + 1, 1)
}
BEGIN {
	split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
	if (what == "claims") {
		claims()
		exit
	}
	if (what == "persons")
		print "national_id,name,household_id,relation,street,hukou_type,employment,monthly_income,effective"
	else
		print "decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,amount,period,reason,policy"
	for (i = first; i < first + n; i++) {
		k = int(i / 1000)
		id = person(i)
		if (what == "persons")
			printf "%s,P%d,P%d,head,S,urban,unemployed,0,2007-09-01\n", id, i, i
		else if (what == "medical")
			printf "2007-07-01/medical/%s,2007-07-01,medical,person,P%d,%s,,yes,0.00,month,dibao_member,\n", id, i, id
		else
			printf "2007-10-01/dibao/P%d,2007-10-01,dibao,household,P%d,,,yes,100.00,month,income_below_standard,\n", i, i
	}
}

function person(i,    k, id) {
	k = int(i / 1000)
	id = sprintf("110105%04d%02d01%03d", 1950 + k % 40, 1 + int(k / 40), i % 1000)
	return id check(id)
}

# Claims: a fixed pseudo-random walk (the same file every time).
function claims(    j, r, p, d, mon, day, inpatient, total) {
	print "claim_id,institution,national_id,visit_date,visit_type,referral,total,insurance_paid,advance"
	r = 12345
	for (j = 0; j < m; j++) {
		r = (r * 1103515245 + 12345) % 2147483648
		p = r % n
		d = int(r / 7) % 92
		if (d < 31) { mon = 10; day = d + 1 } else if (d < 61) { mon = 11; day = d - 30 } else { mon = 12; day = d - 60 }
		inpatient = j % 10 == 0
		total = 100 + r % 900
		printf "C%d,%s,%s,2007-%02d-%02d,%s,no,%d.%02d,0,%d.00\n", j, inpatient ? "H0" : "SQ1",
		    person(p), mon, day, inpatient ? "inpatient" : "outpatient", total, r % 100,
		    int(total / 2)
	}
}
