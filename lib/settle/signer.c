/*
 * Who may sign (audit.md, Who may sign): a bureau's sign-off of the joint
 * review (三(三)3) is made by one of its staff, enrolled with `enrol --kind
 * staff`.  The OS user the run is journalled as must be staff of that
 * bureau on the day (--as-of, default today); otherwise the run stops
 * with exit 77 before it writes anything, saying why and how to fix it.
 */
#include "settle/settle_int.h"

#include <stdio.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/text.h"

/* The staff record in force of user ?1 and bureau ?2: the latest entry
 * (kind.h, STAFF_COLUMNS). */
static const char staff_sql[] =
	"SELECT name, \"from\", \"to\" FROM staff s WHERE user = ?1 AND bureau = ?2 AND "
	"entry = (SELECT max(entry) FROM staff t WHERE t.user = s.user AND t.bureau = s.bureau)";

/* The bureaus user ?1 is staff of on day ?2, for the message of one who
 * signs for another. */
static const char bureaus_sql[] =
	"SELECT group_concat(bureau, ', ') FROM staff s WHERE user = ?1 AND "
	"entry = (SELECT max(entry) FROM staff t WHERE t.user = s.user AND t.bureau = s.bureau) "
	"AND \"from\" <= ?2 AND (\"to\" IS NULL OR \"to\" >= ?2)";

/* Why user is not staff of bureau on day, into why: staff of it on other
 * days, of other bureaus that day, or of none. */
static void why_not(struct settle_job *r, const char *user, const char *day, const char *from,
		    const char *to, char *why, size_t len)
{
	const char *bureau = r->s->bureau;

	if (from) {
		snprintf(why, len, "staff of %s only from %s%s%s", bureau, from,
			 to ? " to " : " on", to ? to : "");
		return;
	}
	db_stmt *st = db_prepare(&r->db, bureaus_sql);
	db_bind_text(st, 1, user);
	db_bind_text(st, 2, day);
	const char *others = db_step(&r->db, st) == DB_ROW ? db_text(st, 0) : NULL;
	if (others)
		snprintf(why, len, "staff of %s on that day, not of %s", others, bureau);
	else
		snprintf(why, len, "no staff record of %s for %s", user, bureau);
	db_finalize(st);
}

void settle_signer(struct settle_job *r, char *name, size_t len)
{
	const char *user = journal_user(), *bureau = r->s->bureau;
	char day[DATE_TEXT], from[DATE_TEXT] = "", to[DATE_TEXT] = "", why[300];
	bool staff = false;

	date_format(r->o->as_of, day);
	db_stmt *st = db_prepare(&r->db, staff_sql);
	db_bind_text(st, 1, user);
	db_bind_text(st, 2, bureau);
	if (db_step(&r->db, st) == DB_ROW) {
		text_copy(name, len, db_text(st, 0));
		text_copy(from, sizeof from, db_text(st, 1));
		if (!db_is_null(st, 2))
			text_copy(to, sizeof to, db_text(st, 2));
		/* ISO dates compare as text; to is the last day, included. */
		staff = strcmp(from, day) <= 0 && (!*to || strcmp(day, to) <= 0);
	}
	db_finalize(st);
	if (staff)
		return;
	why_not(r, user, day, *from ? from : NULL, *to ? to : NULL, why, sizeof why);
	diag_fatal(JZ_NOPERM, "--sign %s: user %s is not staff of %s on %s (%s); nothing was "
		   "signed; the bureau's staff sign: enrol them with enrol --kind staff "
		   "(user,name,bureau,from,to), as in %s,<name>,%s,%s,", bureau, user, bureau, day,
		   why, user, bureau, day);
}
