/* The look-ups of the record kinds' checks, in SQL (see lookup.h). */
#include "store/lookup.h"

#include <stdlib.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/text.h"

/* What each look-up runs: ?1 the key, ?2 the second key; a row when found,
 * its first column the text found. */
static const char *const sql[LOOKUP_N] = {
	[LOOKUP_PERSON] = "SELECT 1 FROM person WHERE national_id = ?1 LIMIT 1",
	[LOOKUP_HOUSEHOLD] = "SELECT 1 FROM person WHERE household_id = ?1 LIMIT 1",
	[LOOKUP_STREET] = "SELECT 1 FROM person WHERE street = ?1 UNION ALL "
			  "SELECT 1 FROM application WHERE street = ?1 LIMIT 1",
	[LOOKUP_MEMBER] = "SELECT 1 FROM person WHERE national_id = ?1 AND household_id = ?2 "
			  "LIMIT 1",
	[LOOKUP_APPLICANT] = "SELECT national_id FROM application WHERE application_id = ?1",
	[LOOKUP_DESIGNATED] = "SELECT designated_from FROM institution WHERE code = ?1 "
			      "ORDER BY entry DESC LIMIT 1",
};

struct lookup {
	struct db *db;
	db_stmt *st[LOOKUP_N]; /* prepared when first needed */
};

static bool ask(void *ctx, enum kind_lookup what, const char *key, const char *key2,
		char *found, size_t len)
{
	struct lookup *l = ctx;
	db_stmt **st = &l->st[what];

	if (!*st)
		*st = db_prepare(l->db, sql[what]);
	db_bind_text(*st, 1, key);
	if (key2)
		db_bind_text(*st, 2, key2);
	bool yes = db_step(l->db, *st) == DB_ROW;
	if (yes && found) {
		const char *t = db_text(*st, 0);
		text_copy(found, len, t ? t : "");
	}
	db_reset(*st);
	return yes;
}

void lookup_open(struct kind_env *env, struct db *db)
{
	struct lookup *l = calloc(1, sizeof *l);

	if (!l)
		diag_fatal(JZ_SOFTWARE, "out of memory");
	l->db = db;
	env->lookup = ask;
	env->ctx = l;
}

void lookup_close(struct kind_env *env)
{
	struct lookup *l = env->ctx;

	if (!l)
		return;
	for (int i = 0; i < LOOKUP_N; i++)
		db_finalize(l->st[i]);
	free(l);
	env->lookup = NULL;
	env->ctx = NULL;
}
