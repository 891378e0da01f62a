#!/usr/bin/env bats
# enrol: the value types of data.md (id, money, yes/no, code, derived
# columns).  Every expected value is written out by hand.
#
# The IDs used here (GB 11643-1999, data.md "id"): weights
#   7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, S mod 11 -> "1 0 X 9 8 7 6 5 4 3 2".
# 1980-01-01 IDs share the first 15 digits 110105 19800101 0, which weigh
#   1*7+1*9+0*10+1*5+0*8+5*4 + 1*2+9*1+8*6+0*3 + 0*7+1*9+0*10+1*5 + 0*8
#   = 7+9+0+5+0+20 + 2+9+48+0 + 0+9+0+5 + 0 = 114
# then the 16th digit weighs 4 and the 17th 2:
#   110105198001010016: 114 + 0*4 + 1*2 = 116; 116 mod 11 = 6 -> '6' (17th 1: m)
#   110105198001010024: 114 + 0*4 + 2*2 = 118; 118 mod 11 = 8 -> '4' (17th 2: f)
#   110105198001010032: 114 + 0*4 + 3*2 = 120; 120 mod 11 = 10 -> '2' (m)
#   110105198001010040: 114 + 0*4 + 4*2 = 122; 122 mod 11 = 1 -> '0' (f)
#   110105198001010059: 114 + 0*4 + 5*2 = 124; 124 mod 11 = 3 -> '9' (m)
#   110105198001010067: 114 + 0*4 + 6*2 = 126; 126 mod 11 = 5 -> '7' (f)
#   11010519800101018X: 114 + 1*4 + 8*2 = 134; 134 mod 11 = 2 -> 'X' (17th 8: f)
# Others:
#   110105199003150025: 110105 -> 41; 1990 -> 1*2+9*1+9*6+0*3 = 65;
#     0315 -> 0*7+3*9+1*10+5*5 = 62; 002 -> 0*8+0*4+2*2 = 4;
#     41+65+62+4 = 172; 172 mod 11 = 7 -> '5' (f, born 1990-03-15)
#   110105198702300016 (1987-02-30 does not exist): 41 + (1*2+9*1+8*6+7*3 = 80)
#     + (0*7+2*9+3*10+0*5 = 48) + (0*8+0*4+1*2 = 2) = 171; 171 mod 11 = 6 -> '6'
#   110105202611300028 (born 2026-11-30, the day after JIUZHU_TODAY): 110105 -> 41;
#     2026 -> 2*2+0*1+2*6+6*3 = 34; 1130 -> 1*7+1*9+3*10+0*5 = 46; 002 -> 4;
#     41+34+46+4 = 125; 125 mod 11 = 4 -> '8'
#   110105202611290026 (born 2026-11-29, JIUZHU_TODAY): 41 + 34 + (1*7+1*9+2*10+9*5 = 81)
#     + 4 = 160; 160 mod 11 = 6 -> '6'

bats_require_minimum_version 1.5.0

setup() { load 'test_helper/common-setup'; _common_setup; }

# ---- id ----

@test "enrol: a wrong check character is reported with file, line and column (data.md id)" {
	# 11010519800101018 weighs 134, 134 mod 11 = 2 -> X, not 5
	person_csv ids.csv \
		110105198001010016,Wang,H1,head,Sanlitun,urban,employed,0 \
		110105198001010185,Qian,H2,head,Sanlitun,urban,employed,0
	run --separate-stderr -65 enrol ids.csv
	assert_output ''
	on_stderr
	assert_line 'enrol: ids.csv:3: national_id: check character is 5, expected X'
	assert_line --index -1 'enrol: 1 bad record; nothing was written'
	nothing_stored
}

@test "enrol: a wrong digit check character names the right one (data.md id)" {
	# 11010519800101001 weighs 116, 116 mod 11 = 6 -> '6', not 5
	person_csv ids.csv 110105198001010015,Wang,H1,head,Sanlitun,urban,employed,0
	run -65 enrol ids.csv
	assert_line 'enrol: ids.csv:2: national_id: check character is 5, expected 6'
}

@test "enrol: a 15-digit ID is converted to 18 digits with 19 and its check character (data.md id)" {
	# 110105 800101 001 -> 110105 19 800101 001 + check: weighs 116 -> '6'
	person_csv old.csv 110105800101001,Wang,H1,head,Sanlitun,urban,employed,0
	run --separate-stderr enrol -q --as-of 2007-09-01 old.csv
	assert_success
	# sex from the 17th digit 1 (odd: m), birth date 1980-01-01, age 27 on 2007-09-01
	assert_line --index 1 '110105198001010016,Wang,H1,head,Sanlitun,,urban,yes,,m,1980-01-01,employed,,0.00,none,none,,no,none,no,no,none,no,,no,no,no,no,no,full,no,no,active,,,2007-09-01,27'
	run sqlite3 "$JIUZHU_DB" "SELECT national_id FROM person"
	assert_output 110105198001010016
}

@test "enrol: the 15-digit and the 18-digit form of an ID are the same person (data.md id)" {
	person_csv new.csv 110105198001010016,Wang,H1,head,Sanlitun,urban,employed,0
	person_csv old.csv 110105800101001,Wang,H1,head,Sanlitun,urban,employed,0
	run enrol -q --as-of 2007-09-01 new.csv
	assert_success
	run --separate-stderr enrol --as-of 2007-09-01 old.csv
	assert_success
	on_stderr
	assert_output 'enrol: nothing new: 1 record already in the registry'
	[ "$(db_count person)" = 1 ]
}

@test "enrol: a lower-case x check character is stored upper-case (data.md id)" {
	# 11010519800101018 weighs 134 -> X
	person_csv x.csv 11010519800101018x,Li,H1,head,Sanlitun,urban,employed,0
	run --separate-stderr enrol -q x.csv
	assert_success
	assert_line --index 1 --partial '11010519800101018X,Li,H1,head,'
	run sqlite3 "$JIUZHU_DB" "SELECT national_id FROM person"
	assert_output 11010519800101018X
}

@test "enrol: an ID with an impossible birth date (19870230) is rejected (data.md id)" {
	# the check character 6 is right (weighs 171, 171 mod 11 = 6): only the date is wrong
	person_csv ids.csv 110105198702300016,Wang,H1,head,Sanlitun,urban,employed,0
	run -65 enrol ids.csv
	assert_line 'enrol: ids.csv:2: national_id: birth date 19870230 in the ID is not a real date'
	nothing_stored
}

@test "enrol: an ID born after today is rejected, one born today is accepted (data.md id)" {
	# JIUZHU_TODAY is 2026-11-29
	person_csv late.csv 110105202611300028,Baby,H1,head,Sanlitun,urban,child,0
	run -65 enrol late.csv
	assert_line 'enrol: late.csv:2: national_id: birth date 20261130 in the ID is after today'
	person_csv today.csv 110105202611290026,Baby,H1,head,Sanlitun,urban,child,0
	run --separate-stderr enrol -q today.csv
	assert_success
	# born today: f (17th digit 2), age 0, effective today
	assert_line --index 1 --partial ',f,2026-11-29,child,'
	assert_line --index 1 --partial ',2026-11-29,0'
}

@test "enrol: malformed IDs are rejected with what an ID looks like (data.md id)" {
	person_csv ids.csv \
		1101051980010100,A,H1,head,Sanlitun,urban,employed,0 \
		11010519800101001A,B,H2,head,Sanlitun,urban,employed,0 \
		,C,H3,head,Sanlitun,urban,employed,0
	run -65 enrol ids.csv
	assert_line --regexp '^enrol: ids\.csv:2: national_id: .*is not an ID.*; expected 17 digits and a check character \(0-9 or X\), or 15 digits$'
	assert_line --regexp '^enrol: ids\.csv:3: national_id: .*is not an ID'
	assert_line 'enrol: ids.csv:4: national_id: is required'
	assert_line --index -1 'enrol: 3 bad records; nothing was written'
}

@test "enrol: sex and birth_date given must agree with the ID (data.md person)" {
	cat > sex.csv <<-'EOF'
	national_id,name,household_id,relation,street,hukou_type,employment,sex,birth_date
	110105198001010016,Wang,H1,head,Sanlitun,urban,employed,m,1980-01-01
	110105198001010032,Zhao,H3,head,Sanlitun,urban,employed,f,1980-01-01
	110105198001010059,Zhou,H5,head,Sanlitun,urban,employed,m,1980-01-02
	EOF
	run -65 enrol sex.csv
	refute_line --partial 'sex.csv:2:'
	assert_line 'enrol: sex.csv:3: sex: is f but the ID says m'
	assert_line 'enrol: sex.csv:4: birth_date: is 1980-01-02 but the ID says 1980-01-01'
	assert_line --index -1 'enrol: 2 bad records; nothing was written'
}

@test "enrol: age is derived from the ID on --as-of, to the day (data.md person)" {
	# 110105199003150025: born 1990-03-15; on 2008-03-14 17 years, on 2008-03-15 18
	person_csv p.csv 110105199003150025,Xu,H1,head,Sanlitun,urban,student,0
	run --separate-stderr enrol -q --dry-run --as-of 2008-03-14 p.csv
	assert_success
	assert_line --index 1 --partial ',f,1990-03-15,student,'
	assert_line --index 1 --partial ',2008-03-14,17'
	run --separate-stderr enrol -q --as-of 2008-03-15 p.csv
	assert_success
	assert_line --index 1 --partial ',2008-03-15,18'
}

# ---- money ----

@test "enrol: money 330, 330.5, 330.50 and 0.01 are stored as exact integer fen (data.md money)" {
	person_csv money.csv \
		110105198001010016,A,H1,head,Sanlitun,urban,employed,330 \
		110105198001010024,B,H2,head,Sanlitun,urban,employed,330.5 \
		110105198001010032,C,H3,head,Sanlitun,urban,employed,330.50 \
		110105198001010040,D,H4,head,Sanlitun,urban,employed,0.01
	run --separate-stderr enrol -q money.csv
	assert_success
	run sqlite3 -separator , "$JIUZHU_DB" "SELECT national_id, monthly_income FROM person ORDER BY rowid"
	assert_output - <<-'EOF'
	110105198001010016,33000
	110105198001010024,33050
	110105198001010032,33050
	110105198001010040,1
	EOF
}

@test "enrol: money is printed back as 330.00, 330.50, 0.01 (data.md money)" {
	person_csv money.csv \
		110105198001010016,A,H1,head,Sanlitun,urban,employed,330 \
		110105198001010024,B,H2,head,Sanlitun,urban,employed,330.5 \
		110105198001010040,D,H4,head,Sanlitun,urban,employed,0.01
	run --separate-stderr enrol -q money.csv
	assert_success
	run cut -d, -f1,14 <<<"$output"
	assert_output - <<-'EOF'
	national_id,monthly_income
	110105198001010016,330.00
	110105198001010024,330.50
	110105198001010040,0.01
	EOF
}

@test "enrol: money with more than two decimals (1.005) is rejected (data.md money)" {
	person_csv money.csv 110105198001010016,A,H1,head,Sanlitun,urban,employed,1.005
	run -65 enrol money.csv
	assert_line "enrol: money.csv:2: monthly_income: '1.005' has more than 2 decimals"
}

@test "enrol: a huge amount (1000000000000) is rejected, 999999999999.99 is the largest (data.md money)" {
	person_csv huge.csv 110105198001010016,A,H1,head,Sanlitun,urban,employed,1000000000000
	run -65 enrol huge.csv
	assert_line "enrol: huge.csv:2: monthly_income: '1000000000000' is too large; the most is 999999999999.99"
	person_csv max.csv 110105198001010016,A,H1,head,Sanlitun,urban,employed,999999999999.99
	run --separate-stderr enrol -q max.csv
	assert_success
	run sqlite3 "$JIUZHU_DB" "SELECT monthly_income FROM person"
	assert_output 99999999999999
}

@test "enrol: a negative or malformed amount is rejected (data.md money)" {
	person_csv money.csv \
		110105198001010016,A,H1,head,Sanlitun,urban,employed,-1 \
		110105198001010024,B,H2,head,Sanlitun,urban,employed,abc \
		110105198001010032,C,H3,head,Sanlitun,urban,employed,'"1,000"' \
		110105198001010040,D,H4,head,Sanlitun,urban,employed,1.
	run -65 enrol money.csv
	assert_line "enrol: money.csv:2: monthly_income: '-1' is negative; a non-negative amount is needed"
	assert_line "enrol: money.csv:3: monthly_income: 'abc' is not an amount; expected e.g. 330 or 330.50"
	assert_line "enrol: money.csv:4: monthly_income: '1,000' is not an amount; expected e.g. 330 or 330.50"
	assert_line "enrol: money.csv:5: monthly_income: '1.' is not an amount; expected e.g. 330 or 330.50"
	assert_line --index -1 'enrol: 4 bad records; nothing was written'
}

@test "enrol: an empty monthly_income defaults to 0.00 (data.md person)" {
	person_csv money.csv 110105198001010016,A,H1,head,Sanlitun,urban,employed,
	run --separate-stderr enrol -q money.csv
	assert_success
	run sqlite3 "$JIUZHU_DB" "SELECT monthly_income FROM person"
	assert_output 0
}

# ---- yes/no, code, date ----

@test "enrol: yes/no accepts yes y 1 true and no n 0 false, written as yes/no (data.md yes/no)" {
	cat > yn.csv <<-'EOF'
	national_id,name,household_id,relation,street,hukou_type,employment,wubao,troop
	110105198001010016,A,H1,head,Sanlitun,urban,employed,yes,no
	110105198001010024,B,H2,head,Sanlitun,urban,employed,y,n
	110105198001010032,C,H3,head,Sanlitun,urban,employed,1,0
	110105198001010040,D,H4,head,Sanlitun,urban,employed,true,false
	EOF
	run --separate-stderr enrol -q yn.csv
	assert_success
	# wubao is column 23, troop column 28 of the output
	run cut -d, -f23,28 <<<"$output"
	assert_output - <<-'EOF'
	wubao,troop
	yes,no
	yes,no
	yes,no
	yes,no
	EOF
	run sqlite3 "$JIUZHU_DB" "SELECT group_concat(wubao || troop, ' ') FROM person"
	assert_output '10 10 10 10'
}

@test "enrol: a bad yes/no, an unknown code and a bad date are each reported (data.md)" {
	cat > bad.csv <<-'EOF'
	national_id,name,household_id,relation,street,hukou_type,employment,wubao,effective
	110105198001010016,A,H1,head,Sanlitun,town,employed,maybe,2007-02-30
	EOF
	run -65 enrol bad.csv
	assert_line "enrol: bad.csv:2: hukou_type: unknown code 'town'; expected one of: urban, rural"
	assert_line "enrol: bad.csv:2: wubao: 'maybe' is not yes or no"
	assert_line 'enrol: bad.csv:2: effective: 2007-02-30 is not a real date: 2007-02 has 28 days'
	assert_line --index -1 'enrol: 1 bad record; nothing was written'
}

@test "enrol: a required column left empty is reported (data.md person)" {
	person_csv req.csv 110105198001010016,,H1,head,,urban,,0
	run -65 enrol req.csv
	assert_line 'enrol: req.csv:2: name: is required'
	assert_line 'enrol: req.csv:2: street: is required'
	assert_line 'enrol: req.csv:2: employment: is required'
}

@test "enrol: disability_grade is required with a disability and refused without (data.md person)" {
	cat > dis.csv <<-'EOF'
	national_id,name,household_id,relation,street,hukou_type,employment,disability,disability_grade
	110105198001010016,A,H1,head,Sanlitun,urban,unable,physical,
	110105198001010024,B,H2,head,Sanlitun,urban,employed,,2
	110105198001010032,C,H3,head,Sanlitun,urban,unable,visual,5
	EOF
	run -65 enrol dis.csv
	assert_line 'enrol: dis.csv:2: disability_grade: is required when disability is physical; expected 1-4'
	assert_line 'enrol: dis.csv:3: disability_grade: is given but disability is none'
	assert_line "enrol: dis.csv:4: disability_grade: '5' is not a grade; expected 1, 2, 3 or 4"
}
