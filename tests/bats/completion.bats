#!/usr/bin/env bats
# Shell completion (cli.md, Conventions: "Shell completion for bash (and
# zsh), installed by make install").

bats_require_minimum_version 1.5.0

setup() { load 'test_helper/common-setup'; _common_setup; }

# complete WORD...: what bash would offer for the last word of the line.
complete_line() {
	bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_jiuzhu; printf "%s\n" "${COMPREPLY[@]}"' _ "$ROOT/completion/jiuzhu.bash" "$@"
}

@test "bash: the options come from the command's --help" {
	run -0 complete_line enrol --ke
	assert_output '--keep-going'
	run -0 complete_line grant --per
	assert_output '--period='
	run -0 complete_line settle --sig
	assert_output '--sign='
}

@test "bash: the values of --kind are the command's kinds, of --format the formats" {
	run -0 complete_line enrol --kind c
	assert_output 'change'
	run -0 complete_line grant --kind=re
	assert_output "$(printf 'recovery\nreturn')"
	run -0 complete_line settle --sign f
	assert_output 'finance'
	run -0 complete_line assess -f j
	assert_output "$(printf 'jsonl\njson')"
	run -0 complete_line grant --format x
	assert_output 'xlsx'
	run -0 complete_line report --format t
	assert_output "$(printf 'tsv\ntable')"
	run -0 complete_line settle --output-encoding G
	assert_output "$(printf 'GB18030\nGBK')"
	run -0 complete_line enrol --bo
	assert_output '--bom'
}

@test "bash: report's first word is a subject, enrol's a file" {
	run -0 complete_line report se
	assert_output "$(printf 'settlement\n')"
	run -0 complete_line report a
	assert_output "$(printf 'audit\nadjustments')"
	touch persons-2007.csv lines-2007Q4.csv
	run -0 complete_line enrol pers
	assert_output 'persons-2007.csv'
	run -0 complete_line report li
	assert_output 'lines'
	run -0 complete_line report lines li
	assert_output 'lines-2007Q4.csv'
}

@test "make install puts the completion where bash-completion and zsh look" {
	run -0 make -s -C "$ROOT" install PREFIX=/opt/jz DESTDIR="$BATS_TEST_TMPDIR/stage"
	for c in enrol assess grant settle report; do
		[ -f "$BATS_TEST_TMPDIR/stage/opt/jz/share/bash-completion/completions/$c" ] || fail "no $c"
	done
	[ -f "$BATS_TEST_TMPDIR/stage/opt/jz/share/zsh/site-functions/_jiuzhu" ]
	run -0 make -s -C "$ROOT" uninstall PREFIX=/opt/jz DESTDIR="$BATS_TEST_TMPDIR/stage"
	[ ! -e "$BATS_TEST_TMPDIR/stage/opt/jz/share/bash-completion/completions/enrol" ]
}

@test "zsh: compinit finds _jiuzhu for every command" {
	command -v zsh > /dev/null || skip "zsh is not installed (make deps installs it)"
	run -0 zsh -n "$ROOT/completion/_jiuzhu"
	run -0 zsh -f -c 'fpath=("$1" $fpath); autoload -U compinit; compinit -u -D
		print -r -- $_comps[enrol] $_comps[report]' _ "$ROOT/completion"
	assert_output '_jiuzhu _jiuzhu'
}
