#!/bin/sh
# quarterly-settlement.sh: the quarterly medical-aid settlement with the
# designated institutions, for cron (examples/crontab).
#
# Usage: quarterly-settlement.sh [YYYYQn [BUREAU]]
#
# Settles every claims file of the quarter, $CLAIMS_DIR/YYYYQn-*.csv (one
# per institution, as in examples/district/claims/; CLAIMS_DIR defaults to
# ./claims), with settle(1) into $SETTLE_DIR/settlement-YYYYQn.csv (the
# settlement lines; SETTLE_DIR defaults to the current directory), then
# prints the quarter's statement per institution as a table.  The quarter
# defaults to the one before today's (JIUZHU_TODAY, for tests, else the
# clock): run on 2008-01-05, it settles 2007Q4.
#
# Given a bureau of the joint review, as the second argument or in SIGN_AS
# (health, labour, civil_affairs or finance), it then signs the statement
# of every institution for that bureau, and prints it as signed, with the
# name of the signer and the journal head of the signature.  It never
# signs unless asked, and signs as the user who runs it: that user must be
# staff of the bureau (enrol --kind staff), or settle refuses (exit 77).
#
# The database is JIUZHU_DB, which must exist.  Run again, it settles
# nothing twice: only new claims are settled, and those settled before are
# printed as they were stored, all into settlement-YYYYQn.2.csv (then .3
# and so on); that file is removed when it is the same as the one before.
# The file of an institution whose statement a bureau has signed is left
# out: a signed statement takes no more claims.
# What settle says (each rejected claim, up to 100, and its summary line)
# goes to standard error; the exit status is that of the command that
# failed, as settle(1) says.
set -eu

me=quarterly-settlement.sh

# Today as the commands see it: JIUZHU_TODAY when it is a date, else the
# clock.
today=$(date +%Y-%m-%d)
case ${JIUZHU_TODAY:-} in
[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]) today=$JIUZHU_TODAY ;;
esac

# The quarter before today's.
year=${today%%-*}
month=${today#*-}
month=${month%-*}
month=${month#0}
q=$(((month - 1) / 3 + 1))
if [ "$q" -eq 1 ]; then
	previous=$((year - 1))Q4
else
	previous=${year}Q$((q - 1))
fi

quarter=${1:-$previous}
case $quarter in
[12][0-9][0-9][0-9]Q[1-4]) ;;
*)
	echo "$me: '$quarter' is not a quarter; expected YYYYQn, as in 2007Q4" >&2
	exit 64
	;;
esac
bureau=${2:-${SIGN_AS:-}}
case $bureau in
'' | health | labour | civil_affairs | finance) ;;
*)
	echo "$me: '$bureau' is not a bureau of the joint review; expected health, labour, civil_affairs or finance" >&2
	exit 64
	;;
esac
if [ -z "${JIUZHU_DB:-}" ]; then
	echo "$me: JIUZHU_DB is not set; it names the database" >&2
	exit 64
fi
if [ ! -f "$JIUZHU_DB" ]; then
	echo "$me: $JIUZHU_DB: no such database" >&2
	exit 66
fi
export JIUZHU_DB
claims=${CLAIMS_DIR:-claims}
dir=${SETTLE_DIR:-.}

# The quarter's claims files, one per institution: YYYYQn-<institution>.csv.
set -- "$claims/$quarter"-*.csv
if [ ! -f "$1" ]; then
	echo "$me: no claims file for $quarter: nothing matches $claims/$quarter-*.csv" >&2
	exit 66
fi

# A statement signed by a bureau takes no more claims (settle(1) would
# reject each as period_closed): the files of those institutions are left
# out.  The statement's institution is its second column, signed_by its
# eighth.
signed=$(settle --quarter "$quarter" --summary | awk -F, 'NR > 1 && $8 != "" { print $2 }')
left=
for file; do
	shift
	institution=${file##*/}
	institution=${institution#"$quarter"-}
	institution=${institution%.csv}
	if [ -n "$signed" ] && printf '%s\n' "$signed" | grep -qxF -- "$institution"; then
		left="$left $institution"
	else
		set -- "$@" "$file"
	fi
done
if [ -n "$left" ]; then
	echo "settlement $quarter: signed already, not settled again:$left"
fi

# 1: the claims, settled, into a file of this run's own: the first
# settlement-YYYYQn.csv, a later one settlement-YYYYQn.2.csv and so on; a
# file the same as the one before (nothing new settled) is removed.
# settle -o puts the file in place only when the run is complete, and
# set -e stops here if it is not.
if [ $# -gt 0 ]; then
	last=
	run=
	n=1
	while [ -e "$dir/settlement-$quarter$run.csv" ]; do
		last=$dir/settlement-$quarter$run.csv
		n=$((n + 1))
		run=.$n
	done
	lines=$dir/settlement-$quarter$run.csv
	settle --quarter "$quarter" -o "$lines" "$@"
	if [ $# -eq 1 ]; then files="1 claims file"; else files="$# claims files"; fi
	count=$(($(wc -l < "$lines") - 1))
	if [ -n "$last" ] && cmp -s "$last" "$lines"; then
		rm -f "$lines"
		echo "settlement $quarter: $files, $count lines, the same as in $last"
	else
		echo "settlement $quarter: $files, $count lines ($lines)"
	fi
fi

# 2: the statement, signed first if asked.
if [ -n "$bureau" ]; then
	settle --quarter "$quarter" --sign "$bureau" --format table
else
	settle --quarter "$quarter" --summary --format table
fi
