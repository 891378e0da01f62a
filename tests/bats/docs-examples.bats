#!/usr/bin/env bats
# Every example of the README and of the man pages' EXAMPLES runs as written
# on the example district, in document order, and shows what the document
# says it shows (tests/docs-examples.sh; README.md, "Contributing").  A
# failure names the document's line, the block, the command and its output.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	# As a reader runs them: today is today, and the commands are on PATH.
	unset JIUZHU_TODAY
}

examples_run() {
	run "$ROOT/tests/docs-examples.sh" "$ROOT/$1"
	if [ "$status" -ne 0 ]; then
		fail "$output"
	fi
	assert_output --regexp "^$ROOT/$1: [1-9][0-9]* blocks run"
}

# The district's files where a man page's example names them: its
# directory is the current one (persons.csv, claims/2007Q4-*.csv...).
# The database is chaoyang.db, as in the pages that name it, and the
# source tree's examples/ and policies/ are there too.
district() {
	cp -r "$EXAMPLES"/. .
	ln -s "$ROOT/examples" examples
	ln -s "$ROOT/policies" policies
	export JIUZHU_DB=$PWD/chaoyang.db
}

# The district enrolled, as the examples of grant(1), settle(1) and
# report(1) begin; the signers of the joint review, all as you.
enrolled() {
	enrol -q --as-of 2007-09-01 persons.csv > /dev/null
	enrol -q --kind institution --as-of 2007-09-01 institutions.csv > /dev/null
	enrol -q --kind application applications.csv > /dev/null
	enrol -q --kind survey survey.csv > /dev/null
	sed "2,\$s/^[^,]*,/$(id -un),/" staff.csv | enrol -q --kind staff > /dev/null
}

# Its accounts funded for 2007Q4.
funded() {
	grant -q --kind funding funding.csv > /dev/null
}

# The monthly cycles of 2007-10 to 2007-12, each on the 1st of its month,
# as make demo runs them.
months() {
	local m
	for m in 10 11 12; do
		JIUZHU_TODAY=2007-$m-01 assess -q --record |
			JIUZHU_TODAY=2007-$m-01 grant -q --period 2007-$m > /dev/null
	done
}

@test "README.md: every example runs as written" {
	ln -s "$ROOT/examples" examples
	# The reader's own files the walk-through names: a street office's
	# intake in GB18030 whose line 17 has a wrong check character, and
	# records from another system as a JSON array.
	sed -n '1p;21,36p' "$EXAMPLES/persons.csv" |
		sed '17s/^11010519950115749X/110105199501157495/' | iconv -f UTF-8 -t GB18030 > intake.csv
	cp "$DATA/enrol/persons.json" persons.json
	unset JIUZHU_DB
	examples_run README.md
}

@test "enrol(1) EXAMPLES: every example runs as written" {
	district
	# The street offices' intakes of September: the district's persons by
	# street, Chuiyangliu's in GB18030, Dongba's with three mistakes (a
	# check character on line 4, an employment code on line 7, which
	# leaves household DB-003 without its head); and October's.
	mkdir -p intake/2007-09 intake/2007-10
	street() { head -1 persons.csv; awk -F, -v s="$1" '$5 == s' persons.csv; }
	street 三里屯街道 > intake/2007-09/sanlitun.csv
	street 垂杨柳街道 | iconv -f UTF-8 -t GB18030 > intake/2007-09/chuiyangliu.csv
	street 东坝地区 | sed -e '4s/^110105195704226100,/110105195704226101,/' \
		-e '7s/,unemployed,/,jobless,/' > intake/2007-09/dongba.csv
	cp applications.csv institutions.csv survey.csv intake/2007-09/
	sed 's/,2007-09-01$/,2007-10-01/' intake/2007-09/sanlitun.csv > intake/2007-10/sanlitun.csv
	# Its own staff.csv, shown with cat.
	rm staff.csv
	examples_run man/enrol.1
}

@test "assess(1) EXAMPLES: every example runs as written" {
	district
	enrolled
	examples_run man/assess.1
}

@test "grant(1) EXAMPLES: every example runs as written" {
	district
	enrolled
	examples_run man/grant.1
}

@test "settle(1) EXAMPLES: every example runs as written" {
	district
	enrolled
	funded
	months
	examples_run man/settle.1
}

@test "report(1) EXAMPLES: every example runs as written" {
	district
	enrolled
	funded
	months
	examples_run man/report.1
}

@test "jiuzhu(7) EXAMPLES: every example runs as written" {
	district
	# THE JOURNAL's script, saved as the example says.
	sed -n '/^\.Sh THE JOURNAL/,/^\.Ss ROW DIGESTS/p' "$ROOT/man/jiuzhu.7" |
		sed -n '/^\.Bd -literal/,/^\.Ed/p' | sed '1d;$d;s/\\e/\\/g' > verify-journal.sh
	grep -q 'sha256sum' verify-journal.sh
	examples_run man/jiuzhu.7
}

@test "jiuzhu-policy(5) EXAMPLES: every example runs as written" {
	district
	enrolled
	examples_run man/jiuzhu-policy.5
}

# The runner itself: a document of four blocks, one not run, one whose
# command fails without showing it, one whose output differs.
@test "docs-examples.sh: a broken example fails, naming its line, the command and its output" {
	cat > doc.md <<'DOC'
# A document

```sh
echo hello   # greets
# hello
false
echo $?
# 1
```

<!-- not run: it would fail -->
```sh
exit 3
```

```sh
echo "the journal 1 5f2c8a1b3c4d; journal 2 0e4b7d1c9a22"
# the journal 1 0123456789ab
```
DOC
	run "$ROOT/tests/docs-examples.sh" doc.md
	assert_success
	assert_output "doc.md: 2 blocks run (4 commands), 1 not run"
	printf '```sh\necho bye\n# hello\n```\n' > wrong.md
	run "$ROOT/tests/docs-examples.sh" wrong.md
	assert_failure 1
	assert_line --index 0 "wrong.md:2: the output does not show the line:  hello"
	assert_line --index -1 "bye"
	printf '```sh\ntrue\nsh -c "echo oops >&2; exit 65"\ntrue\n```\n' > fails.md
	run "$ROOT/tests/docs-examples.sh" fails.md
	assert_failure 1
	assert_line --index 0 "fails.md:2: exit 65, and no 'echo \$?' after it to show it"
	assert_line --index -1 "oops"
}

@test "docs-examples.sh: a man page's example, its wrapped output and a file shown with cat" {
	cat > page.1 <<'DOC'
.Sh DESCRIPTION
.Bd -literal
$ false
.Ed
.Sh EXAMPLES
.Bd -literal -offset indent
$ cat a.csv
x,y
1,
    2
$ cut -d, -f2 a.csv | tr '\en' ' '; echo
y 2
$ printf '%s\en' "a long line broken" \e
    "here"
a long
    line broken
here
.Ed
.\e" not run: shows a failure
.Bd -literal -offset indent
$ false
.Ed
DOC
	sed -i 's/\\e"/\\"/' page.1
	run "$ROOT/tests/docs-examples.sh" page.1
	assert_success
	assert_output "page.1: 1 blocks run (3 commands), 1 not run"
	assert_equal "$(cat a.csv)" "$(printf 'x,y\n1,2')"
}
