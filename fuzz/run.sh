#!/bin/sh
# make fuzz: run each fuzz target for a while, one at a time (the machine
# is shared), and say which found something.
#   run.sh FUZZ_DIR SECONDS TARGET...
set -u
dir=$1 seconds=$2
shift 2
targets=$*
failed=
for t in $targets; do
	mkdir -p "$dir/corpus/$t" "$dir/crash/$t"
	set -- "$dir/corpus/$t" "$dir/seeds/$t"
	[ -d "tests/fuzz/$t" ] && set -- "$@" "tests/fuzz/$t"
	case $t in jsonl | policy) set -- -dict=fuzz/json.dict "$@" ;; esac
	echo "make fuzz: $t for $seconds s"
	# -close_fd_mask=2: the library's diagnostics would flood the log;
	# libFuzzer and the sanitizers still report on their own stderr.
	"$dir/fuzz-$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-close_fd_mask=2 -print_final_stats=1 -artifact_prefix="$dir/crash/$t/" "$@" ||
		failed="$failed $t"
done
if [ -n "$failed" ]; then
	echo "make fuzz: found something in:$failed (see $dir/crash/)" >&2
	exit 1
fi
echo "make fuzz: nothing found"
