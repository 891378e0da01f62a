#!/usr/bin/env bats
# Progress (cli.md, Conventions: "Progress"): on a terminal only, not with
# -q; records done, of how many when the input's size is known (a
# percentage and an ETA), on one line cleared before any other message.
# script(1) gives the command a terminal; JIUZHU_PROGRESS=now (jiuzhu(7),
# ENVIRONMENT) shows the line at once instead of after a second.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'
	_common_setup
	head -4 "$EXAMPLES/persons.csv" > small.csv
}

# Run the shell command $1 on a terminal (stdin, stdout and stderr).
on_tty() {
	script -qfec "$1" /dev/null
}

@test "a file's progress: records, the percentage of its size, on a terminal" {
	JIUZHU_PROGRESS=now run -0 on_tty "enrol --as-of 2007-09-01 small.csv > /dev/null"
	# the policy's institutions first (0% of the file), then the file's records
	[[ $output == *$'\r'"enrol: 1 records, 0% of 829 B"$'\e[K'* ]]
	[[ $output == *$'\r'"enrol: 10 records, 100% of 829 B"$'\e[K'* ]]
	# and gone before the messages: nothing is left on the line
	[[ $output == *$'\e[K\r\e[K'"enrol: created "* ]]
	local last=${output##*$'\r'}
	[[ $last != *"records,"* ]]
}

@test "several files: the percentage is of their sizes together" {
	enrol -q --as-of 2007-09-01 small.csv > /dev/null
	cp small.csv again.csv
	JIUZHU_PROGRESS=now run -0 on_tty "enrol -n --as-of 2007-09-01 small.csv again.csv > /dev/null"
	[[ $output == *$'\r'"enrol: 3 records, 50% of 1.7 kB"$'\e[K'* ]]
	[[ $output == *$'\r'"enrol: 6 records, 100% of 1.7 kB"$'\e[K'* ]]
}

@test "standard input through a pipe: a count, no percentage" {
	JIUZHU_PROGRESS=now run -0 on_tty "cat small.csv | enrol --as-of 2007-09-01 > /dev/null"
	[[ $output == *$'\r'"enrol: 10 records"$'\e[K'* ]]
	[[ $output != *%* ]]
}

@test "standard input from a file: its size is known" {
	JIUZHU_PROGRESS=now run -0 on_tty "enrol --as-of 2007-09-01 < small.csv > /dev/null"
	[[ $output == *$'\r'"enrol: 10 records, 100% of 829 B"$'\e[K'* ]]
}

@test "no progress with -q" {
	JIUZHU_PROGRESS=now run -0 on_tty "enrol -q --as-of 2007-09-01 small.csv > /dev/null"
	[[ $output != *records* ]]
	[[ $output != *$'\e[K'* ]]
}

@test "no progress when standard error is not a terminal" {
	JIUZHU_PROGRESS=now run -0 on_tty "enrol --as-of 2007-09-01 small.csv > /dev/null 2> err"
	[ -z "$output" ]
	run -0 cat err
	[[ $output != *"records,"* ]]
	[[ $output != *$'\r'* ]]
	assert_line --partial 'enrol: added 3 person records'
}

@test "no progress for a run of less than a second" {
	run -0 on_tty "enrol --as-of 2007-09-01 small.csv > /dev/null"
	[[ $output != *"records,"* ]]
	[[ $output != *$'\e[K'* ]]
	[[ $output == *"enrol: added 3 person records"* ]]
}

@test "an error mid-run starts a clean line: the progress is cleared first" {
	# the third record's national ID with a wrong check character
	sed '4s/^\(11010519[0-9]*\)\([0-9X]\),/\1Y,/' small.csv > bad.csv
	JIUZHU_PROGRESS=now run -65 on_tty "enrol --as-of 2007-09-01 bad.csv > /dev/null"
	local line
	line=$(printf '%s\n' "$output" | grep 'bad.csv:4:')
	# the progress was on that line, then cleared ...
	[[ $line == $'\r'"enrol: "*" records, "*$'\e[K\r\e[K'"enrol: bad.csv:4: national_id: "* ]]
	# ... so that after its last carriage return the message stands alone
	line=${line%$'\r'}
	line=${line##*$'\r'}
	[[ $line == $'\e[K'"enrol: bad.csv:4: national_id: "* ]]
	[[ $output == *"enrol: 1 bad record; nothing was written"* ]]
}

@test "the registry scan counts persons of the rows to go through (assess)" {
	enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null
	JIUZHU_PROGRESS=now run -0 on_tty "assess --as-of 2007-10-01 > /dev/null"
	[[ $output == *"assess: 1 of 80 persons, 1%"* ]]
	# and nothing left on the line at the end
	local last=${output##*$'\r'}
	[[ $last != *persons* ]]
}

@test "a long step without a count says its stage (report audit)" {
	enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null
	JIUZHU_PROGRESS=now run -0 on_tty "report audit > /dev/null"
	[[ $output == *$'\r'"report: audit 1/14: journal, 0:00"$'\e[K'* ]]
	[[ $output == *$'\r\e[K'"report: audit: 0 differences"* ]]
}

@test "settle --summary says its stage; grant's payroll counts grants" {
	enrol -q --as-of 2007-09-01 "$EXAMPLES/persons.csv" > /dev/null
	assess -q --as-of 2007-10-01 --record > /dev/null
	grant -q --kind funding "$EXAMPLES/funding.csv" > /dev/null
	grant -q --recorded --as-of 2007-10-01 > /dev/null
	JIUZHU_PROGRESS=now run -0 on_tty "grant --period 2007-10 --as-of 2007-10-05 > /dev/null"
	[[ $output == *$'\r'"grant: 1 grants"$'\e[K'* ]]
	JIUZHU_PROGRESS=now run -0 on_tty "settle --summary --quarter 2007Q4 > /dev/null"
	[[ $output == *$'\r'"settle: summing the quarter's claims, 0:00"$'\e[K'* ]]
}

@test "a narrow terminal: the line is cut to its width less one, so that it never wraps" {
	JIUZHU_PROGRESS=now run -0 on_tty "stty cols 20; enrol --as-of 2007-09-01 small.csv > /dev/null"
	[[ $output == *$'\r'"enrol: 10 records, "$'\e[K'* ]]
	[[ $output == *$'\r'"enrol: checking the"$'\e[K'* ]]
	[[ $output != *"% of"* ]]
}
