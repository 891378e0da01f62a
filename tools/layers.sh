#!/bin/sh
# make check: keep lib/'s arrows pointing down (issue 13; jiuzhu(7) LAYERS).
#   core/ -> io/ -> store/ -> rules/ -> enrol/ assess/ grant/ settle/ report/ -> cmd/
# A file may include its own folder's headers and those of the layers below
# it; rules/ only core/; a command's library not another's; cmd/ only its
# command's public header, io/opts.h and core/diag.h.  Only store/ names
# sqlite3_* or SQLITE_* or includes sqlite3.h.  Prints one "ok" or
# "not ok" line per rule, and each offending FILE:LINE under it.
#   layers.sh [ROOT]
cd "${1:-.}" || exit 2

rank() {
	case $1 in
	core) echo 0 ;; io) echo 1 ;; store) echo 2 ;; rules) echo 3 ;;
	enrol | assess | grant | settle | report) echo 4 ;;
	*) echo 9 ;;
	esac
}

bad=$(mktemp)
trap 'rm -f "$bad"' EXIT

# Every #include "dir/file.h" of lib/: FILE:LINE:dir/file.h
for f in lib/*.[ch]; do
	[ -e "$f" ] && echo "$f:1: a file of lib/ belongs in its layer's folder"
done > "$bad"
for f in lib/*/*.[ch]; do
	dir=${f#lib/}
	dir=${dir%%/*}
	mine=$(rank "$dir")
	[ "$mine" = 9 ] && { echo "$f:1: lib/$dir/ is no layer of jiuzhu(7)"; continue; }
	grep -n '^#include "' "$f" | sed 's/^\([0-9]*\):#include "\(.*\)".*/\1 \2/' |
	while read -r line inc; do
		to=${inc%%/*}
		[ "$to" = "$inc" ] && { echo "$f:$line: \"$inc\" names no folder" ; continue; }
		[ "$to" = "$dir" ] && continue
		theirs=$(rank "$to")
		if [ "$dir" = rules ] && [ "$to" != core ]; then
			echo "$f:$line: rules/ includes only core/, not $inc"
		elif [ "$theirs" -ge "$mine" ]; then
			echo "$f:$line: $dir/ may not include $inc (a layer at or above it)"
		fi
	done
done >> "$bad"
if [ -s "$bad" ]; then echo "not ok - layers: includes point down"; sed 's/^/#   /' "$bad"
else echo "ok - layers: includes point down"; fi

for f in cmd/*.c; do
	c=${f#cmd/}
	c=${c%.c}
	grep -n '^#include "' "$f" | grep -v -e "\"$c/$c.h\"" -e '"io/opts.h"' -e '"core/diag.h"' |
		sed "s|^\([0-9]*\):#include \"\(.*\)\".*|$f:\1: cmd/ includes only $c/$c.h, io/opts.h and core/diag.h, not \2|"
done > "$bad"
if [ -s "$bad" ]; then echo "not ok - layers: cmd/ sees its command's header, opts and diag"; sed 's/^/#   /' "$bad"
else echo "ok - layers: cmd/ sees its command's header, opts and diag"; fi

grep -n -e 'sqlite3_' -e 'SQLITE_' -e '<sqlite3\.h>' cmd/*.c $(ls lib/*/*.[ch] | grep -v '^lib/store/') |
	sed 's/^\([^:]*:[0-9]*\):.*/\1: SQLite outside store\//' > "$bad"
if [ -s "$bad" ]; then echo "not ok - layers: only store/ calls SQLite"; sed 's/^/#   /' "$bad"
else echo "ok - layers: only store/ calls SQLite"; fi
exit 0
