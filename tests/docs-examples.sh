#!/bin/bash
# Run every shell example of a document, as written, in the current
# directory, in document order (a later block may use what an earlier one
# made), and say which one broke (tests/bats/docs-examples.bats).
# Usage: docs-examples.sh DOCUMENT   (README.md, or a man page man/*.[157])
#
# The examples:
#   README.md: every ```sh fenced block.  A line that does not start with
#     '#' starts a command (continued while bash finds it incomplete); the
#     '# ' lines right after a command are its expected output.
#   man pages: every .Bd -literal block of the EXAMPLES section whose first
#     line starts with '$ ' (others show a file); '$ ' starts a command, the
#     lines up to the next '$ ' are its output, an indented one continuing
#     the line above (a line broken to fit).
# A block the line before which says '<!-- not run: WHY -->' (Markdown) or
# '.\" not run: WHY' (roff) is not run.  A command must exit 0, every part
# of a pipeline too (pipefail), unless the next command of its block is
# 'echo $?', which shows its status.  A file a
# block shows with '$ cat FILE' and that is not there is written from what
# the block shows (lines broken to fit joined again for .csv).
# Expected output is compared with the command's standard output and error
# together, blanks ignored: each line shown must be a line of the output
# (the journal head that ends a writing run's summary, '; journal N HASH',
# may be left out); '...' or '…' in it stands for any text (paths), and so
# does a hash's prefix of 12 hex digits; 'you' is the login running it.
# DOCS_KEEP_GOING=1: go on after a broken example (to see them all).
set -u
doc=$1
case $doc in
*.md) kind=md ;;
*) kind='man' ;;
esac

# Blocks as records: "B LINE MODE" then the block's lines, then "E".
extract() {
	if [ $kind = md ]; then
		awk '
		/^```/ && !inb { inb = 1; run = ($0 ~ /^```(sh|bash|console)? *$/) && prev !~ /^<!-- not run:/
			print "B", NR + 1, (run ? "run" : "norun"); prev = $0; next }
		/^```/ && inb { inb = 0; print "E"; prev = $0; next }
		inb { print "|" $0 }
		{ prev = $0 }' "$doc"
	else
		awk '
		/^\.Sh / { ex = ($0 == ".Sh EXAMPLES") }
		ex && /^\.Bd -literal/ { inb = 1; first = 1; start = NR + 1
			run = prev !~ /^\.\\" not run:/; prev = $0; next }
		inb && /^\.Ed/ { inb = 0; print "E"; prev = $0; next }
		inb { if (first) { print "B", start, (run && $0 ~ /^\$ / ? "run" : "norun"); first = 0 }
			gsub(/\\e/, "\\"); gsub(/\\&/, ""); gsub(/\\-/, "-"); print "|" $0 }
		{ prev = $0 }' "$doc"
	fi
}

# The glob that matches a line shown: blanks out, '...' any text, and a
# hash's 12 hex digits any hash.
pattern() {
	local s q p=''
	s=$(sed -E ':a; s/(^|[^0-9a-zA-Z])[0-9a-f]{12}([^0-9a-zA-Z]|$)/\1...\2/; ta' <<< "$1")
	s=${s//[[:space:]]/}
	s=${s//…/...}
	s=${s//\\/\\\\}
	s=${s//\*/\\*}
	s=${s//\?/\\?}
	s=${s//\[/\\[}
	while [[ $s == *...* ]]; do
		q=${s%%...*}
		p+=$q'*'
		s=${s#*...}
	done
	printf '%s' "$p$s"
}

# Does the output file $1 hold every expected line (array exp)?  Standard
# output and error are mixed in no set order, so not in order; a writing
# run's summary may be shown without the journal head it ends with.
compare() {
	local out=$1 e pat line
	local -a have=()
	while IFS= read -r line || [ -n "$line" ]; do
		line=${line//[[:space:]]/}
		have+=("$line")
		[[ $line == *\;journal[0-9]* ]] && have+=("${line%\;journal[0-9]*}")
	done < <(sed -E "s/(^|[^[:alnum:]_])$login([^[:alnum:]_]|\$)/\1you\2/g; s/(^|[^[:alnum:]_])$login([^[:alnum:]_]|\$)/\1you\2/g" "$out")
	for e in "${exp[@]}"; do
		pat=$(pattern "$e")
		for line in "${have[@]}"; do
			# shellcheck disable=SC2053
			[[ $line == $pat ]] && continue 2
		done
		missing=$e
		return 1
	done
}

# Say which example broke, and how, and stop.
broke() {
	printf '%s:%s: %s\n--- the block:\n%s\n--- the command:\n%s\n--- its output:\n%s\n' \
		"$doc" "$start" "$1" "$text" "$cmd" "$(cat "$work/out")" >&2
	broken=$((broken + 1))
	[ -n "${DOCS_KEEP_GOING:-}" ] || exit 1
}

login=$(id -un)
work=$(mktemp -d "${TMPDIR:-/tmp}/docs-examples.XXXXXX")
trap 'rm -rf "$work"' EXIT
extract > "$work/blocks"
blocks=0 skipped=0 commands=0 broken=0

# One block's commands, each with the output it shows, run in this shell.
run_block() {
	local -a lines=() cmds=() outs=() raws=()
	local l i=0 n c o r prompt=
	[ $kind = man ] && prompt='$ '
	while IFS= read -r l; do lines+=("$l"); done <<< "$text"
	n=${#lines[@]}
	while [ "$i" -lt "$n" ]; do
		l=${lines[$i]}
		if [ $kind = man ] && [[ $l != '$ '* ]]; then
			i=$((i + 1)); continue
		fi
		if [ $kind = md ] && { [[ $l == '#'* ]] || [[ -z ${l//[[:space:]]/} ]]; }; then
			i=$((i + 1)); continue
		fi
		c=${l#"$prompt"}
		i=$((i + 1))
		while { [[ $c == *\\ ]] || ! bash -n <<< "$c" 2> /dev/null; } && [ "$i" -lt "$n" ]; do
			c+=$'\n'${lines[$i]}
			i=$((i + 1))
		done
		o='' r=''
		while [ "$i" -lt "$n" ]; do
			l=${lines[$i]}
			[[ $kind == md || $l == '$ '* ]] || r+=$l$'\n'
			if [ $kind = man ]; then
				[[ $l == '$ '* ]] && break
				if [[ $l == [[:space:]]* ]] && [ -n "$o" ]; then
					o+=" ${l#"${l%%[![:space:]]*}"}"
				else
					[ -z "$o" ] || o+=$'\n'
					o+=$l
				fi
			else
				[[ $l == '# '* || $l == '#' ]] || break
				[ -z "$o" ] || o+=$'\n'
				o+=${l#'#'}
			fi
			i=$((i + 1))
		done
		cmds+=("$c")
		outs+=("$o")
		raws+=("$r")
	done
	local k status=0 next
	for k in "${!cmds[@]}"; do
		cmd=${cmds[$k]}
		commands=$((commands + 1))
		# A file shown with cat and not there: the block shows what it holds.
		shown=
		if [[ $cmd =~ ^cat\ ([^ |<>]+)$ ]] && [ ! -e "${BASH_REMATCH[1]}" ]; then
			shown=1
			if [[ ${BASH_REMATCH[1]} == *.csv ]]; then
				printf '%s' "${raws[$k]}" | awk '/^[[:space:]]/ { sub(/^[[:space:]]+/, ""); l = l $0; next }
					NR > 1 { print l } { l = $0 } END { print l }' > "${BASH_REMATCH[1]}"
			else
				printf '%s' "${raws[$k]}" > "${BASH_REMATCH[1]}"
			fi
		fi
		( exit $status )
		eval "$cmd" > "$work/out" 2>&1 < /dev/null
		status=$?
		next=${cmds[$((k + 1))]:-}
		if [ $status -ne 0 ] && [ "$next" != 'echo $?' ]; then
			broke "exit $status, and no 'echo \$?' after it to show it"
		fi
		exp=()
		if [ -n "${outs[$k]}" ] && [ -z "$shown" ]; then
			while IFS= read -r l; do exp+=("$l"); done <<< "${outs[$k]}"
		fi
		compare "$work/out" || broke "the output does not show the line: $missing"
	done
}

set -o pipefail
while read -r tag start mode; do
	[ "$tag" = B ] || continue
	text=
	while IFS= read -r l && [ "$l" != E ]; do
		text+=${l:1}$'\n'
	done
	text=${text%$'\n'}
	if [ "$mode" = norun ]; then
		skipped=$((skipped + 1)); continue
	fi
	blocks=$((blocks + 1))
	cmd=
	run_block
done < <(cat "$work/blocks")
echo "$doc: $blocks blocks run ($commands commands), $skipped not run"
[ "$broken" -eq 0 ]
