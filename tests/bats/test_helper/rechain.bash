# What an attacker with write access to the file and this page of
# jiuzhu(7) can do: recompute the journal's hash chain from entry $1 on,
# so that the chain is consistent with itself again.  Each entry's hash is
# the SHA-256 of entry, at, user, command, inputs, policy, changes and
# prev joined by newlines, then a newline and digest when it has one.
rechain() {
	local from=$1 prev entry at user command inputs policy changes digest hash sep
	sep=$(printf '\037')
	prev=$(sqlite3 "$JIUZHU_DB" "SELECT coalesce((SELECT hash FROM journal WHERE entry = $from - 1), printf('%.64d', 0))")
	sqlite3 -separator "$sep" "$JIUZHU_DB" "SELECT entry, at, user, command, inputs, policy, changes,
	    coalesce(digest, '') || char(31) || (digest IS NULL) FROM journal WHERE entry >= $from ORDER BY entry" |
	while IFS="$sep" read -r entry at user command inputs policy changes digest nodigest; do
		if [ "$nodigest" = 1 ]; then
			hash=$(printf '%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s' "$entry" "$at" "$user" "$command" \
				"$inputs" "$policy" "$changes" "$prev" | sha256sum | cut -c1-64)
		else
			hash=$(printf '%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s' "$entry" "$at" "$user" "$command" \
				"$inputs" "$policy" "$changes" "$prev" "$digest" | sha256sum | cut -c1-64)
		fi
		sqlite3 "$JIUZHU_DB" "UPDATE journal SET prev = '$prev', hash = '$hash' WHERE entry = $entry"
		prev=$hash
	done
}
