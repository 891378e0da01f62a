/* The journal against its anchors (see anchors.h). */
#include "report/anchors.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "store/journal.h"

/* Is text ENTRY and a hash prefix of 12 to 64 hex digits, split at sep? */
static bool parse_anchor(const char *text, char sep, long long *entry, char hash[SHA256_HEX])
{
	char *end;
	size_t n = 0;

	errno = 0;
	*entry = strtoll(text, &end, 10);
	if (errno || end == text || *entry < 1 || *end != sep)
		return false;
	for (end++; isxdigit((unsigned char)end[n]) && n < 64; n++)
		hash[n] = (char)tolower((unsigned char)end[n]);
	hash[n] = '\0';
	return n >= 12 && (!end[n] || isspace((unsigned char)end[n]));
}

/* The newest entry an anchor named. */
static long long newest;

static long check_one(struct db *db, long long entry, const char *hash, struct rec_writer *w)
{
	if (entry > newest)
		newest = entry;
	char stored[SHA256_HEX], subject[40];

	snprintf(subject, sizeof subject, "entry %lld", entry);
	if (!journal_hash(db, entry, stored)) {
		const char *row[] = {"anchor", subject, "hash", hash, "no such entry (cut)"};
		rec_write(w, row);
		return 1;
	}
	if (strncmp(stored, hash, strlen(hash)) == 0)
		return 0;
	const char *row[] = {"anchor", subject, "hash", hash, stored};
	rec_write(w, row);
	return 1;
}

/* The entries after the newest anchored one, listed but not counted as
 * differences: a run that did not anchor its head, or one slipped in
 * after the last anchor; only the log can tell which. */
static long long unanchored(struct db *db, struct rec_writer *w)
{
	char hash[SHA256_HEX], subject[40];
	long long n = 0;

	for (long long e = newest + 1; journal_hash(db, e, hash); e++, n++) {
		snprintf(subject, sizeof subject, "entry %lld", e);
		const char *row[] = {"unanchored", subject, "hash", "", hash};
		rec_write(w, row);
	}
	return n;
}

long anchors_check(struct db *db, const char *const *expect, int n, const char *file,
		   struct rec_writer *w, long *checked, long long *after)
{
	char hash[SHA256_HEX];
	long long entry;
	long diffs = 0;

	*checked = 0;
	*after = 0;
	newest = 0;
	for (int i = 0; i < n; i++) {
		if (!parse_anchor(expect[i], ':', &entry, hash))
			diag_fatal(JZ_USAGE, "--expect %s: expected ENTRY:HASH, the hash 12 to 64 hex "
				   "digits, as in 19:5f2c8a1b3c4d", expect[i]);
		diffs += check_one(db, entry, hash, w);
		(*checked)++;
	}
	if (!file) {
		if (*checked)
			*after = unanchored(db, w);
		return diffs;
	}
	FILE *fp = fopen(file, "r");
	if (!fp)
		diag_fatal(JZ_NOINPUT, "%s: %s", file, strerror(errno));
	char line[512];
	long no = 0;
	while (fgets(line, sizeof line, fp)) {
		no++;
		if (line[0] == '\n' || line[0] == '#')
			continue;
		if (!parse_anchor(line, ' ', &entry, hash))
			diag_fatal(JZ_DATAERR, "%s:%ld: expected \"ENTRY HASH TIME USER\", as --anchor "
				   "writes it", file, no);
		diffs += check_one(db, entry, hash, w);
		(*checked)++;
	}
	fclose(fp);
	if (*checked)
		*after = unanchored(db, w);
	return diffs;
}
