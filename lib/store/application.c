/* Applications received by a date, read from the database (see application.h). */
#include "store/application.h"

#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/text.h"

static void text(sqlite3_stmt *st, int col, char *buf, size_t len)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	text_copy(buf, len, s ? s : "");
}

void application_load(struct db *db, jz_date on, struct application_set *set)
{
	application_load_until(db, on, 0, set);
}

void application_load_until(struct db *db, jz_date on, long long max_entry,
			    struct application_set *set)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT application_id, national_id, programme, received_on, reason, case_type, "
		"respondent_unable, requested FROM application WHERE received_on <= ?1 AND entry <= ?2 "
		"ORDER BY national_id, received_on, application_id");
	char date[DATE_TEXT], err[80];
	int cap = 0;

	set->a = NULL;
	set->n = 0;
	date_format(on, date);
	db_bind_text(st, 1, date);
	sqlite3_bind_int64(st, 2, max_entry ? max_entry : LLONG_MAX);
	while (db_step(db, st) == SQLITE_ROW) {
		if (set->n == cap) {
			cap = cap ? 2 * cap : 64;
			if (!(set->a = realloc(set->a, cap * sizeof *set->a)))
				diag_fatal(JZ_SOFTWARE, "out of memory");
		}
		struct application *a = &set->a[set->n++];
		memset(a, 0, sizeof *a);
		text(st, 0, a->id, sizeof a->id);
		text(st, 1, a->national_id, sizeof a->national_id);
		text(st, 2, a->programme, sizeof a->programme);
		date_parse((const char *)sqlite3_column_text(st, 3), &a->received_on, err, sizeof err);
		text(st, 4, a->reason, sizeof a->reason);
		text(st, 5, a->case_type, sizeof a->case_type);
		a->respondent_unable = sqlite3_column_int(st, 6);
		a->requested = sqlite3_column_int64(st, 7);
	}
	sqlite3_finalize(st);
}

void application_free(struct application_set *set)
{
	free(set->a);
	set->a = NULL;
	set->n = 0;
}
