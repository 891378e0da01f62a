/* The registry's households as of a date, in one ordered scan (see household.h). */
#include "store/household.h"

#include <limits.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/progress.h"
#include "core/text.h"
#include "io/kind.h"
#include "store/household_int.h"
#include "store/sql.h"

/* Every version that may be in force on ?1, of the entries up to ?2, in
 * household order: a person's version in force is their newest one, and
 * the scan picks it from the household's rows (no subquery per row).
 * Then each row's rowid and entry, after the person columns. */
static const char rows_sql[] =
	"SELECT %s, rowid, entry FROM person WHERE effective <= ?1 AND entry <= ?2 "
	"ORDER BY household_id";
enum { ROW_ROWID = PERSON_NCOLUMNS, ROW_ENTRY };

/* The persons with more than one such version: the versions' national
 * IDs in order (the index alone, no row read), those seen twice kept in
 * a temporary table (it spills to disk, as SQLite's tables do). */
static const char ids_sql[] =
	"SELECT national_id FROM person WHERE effective <= ?1 AND entry <= ?2 "
	"ORDER BY national_id";
/* And by the households they have one in, in the scan's order: only for
 * them may the newest version in a household not be the one in force
 * (they moved on, or back), which is asked of each (newest_sql). */
static const char several_sql[] =
	"SELECT household_id, national_id FROM person WHERE effective <= ?1 AND entry <= ?2 "
	"AND national_id IN (SELECT national_id FROM temp.jz_several) "
	"GROUP BY household_id, national_id ORDER BY household_id, national_id";
static const char newest_sql[] =
	"SELECT rowid FROM person WHERE national_id = ?1 AND effective <= ?2 AND entry <= ?3 "
	SQL_NEWEST_FIRST;

/* One row of the household being read. */
struct version {
	struct person p;
	char street[128];
	char effective[16]; /* as stored: ordered as the SQL orders it */
	long long rowid, entry;
	bool active;
};

struct scan {
	struct db *db;
	sqlite3_stmt *rows, *several, *newest;
	bool more;                  /* several is on a row */
	char several_hh[128];       /* its household */
	struct version *v;          /* the household's rows */
	int n, cap;
	int *order;                 /* of v, by person and version */
	char (*moved)[IDN_LEN + 1]; /* its persons of several versions */
	int nmoved, movedcap;
	struct household h;
	int hcap;
	struct registry_history *hist; /* told of the members of one version */
};

static void *grow(void *p, int *cap, int need, size_t size)
{
	if (need <= *cap)
		return p;
	*cap = need > 2 * *cap ? need : 2 * *cap;
	if (!(p = realloc(p, (size_t)*cap * size)))
		diag_fatal(JZ_SOFTWARE, "out of memory");
	return p;
}

static const struct version *by_version_of;

/* By national ID, then oldest version first (SQL_NEWEST_FIRST reversed). */
static int by_version(const void *x, const void *y)
{
	const struct version *a = &by_version_of[*(const int *)x], *b = &by_version_of[*(const int *)y];
	int c = strcmp(a->p.id, b->p.id);
	if (!c)
		c = strcmp(a->effective, b->effective);
	return c ? c : (a->entry > b->entry) - (a->entry < b->entry);
}

/* Step several past the households before id and take its persons of
 * id's household. */
static void several_of(struct scan *s, const char *id)
{
	s->nmoved = 0;
	while (s->more) {
		int c = strcmp(s->several_hh, id);
		if (c > 0)
			return;
		if (c == 0) {
			s->moved = grow(s->moved, &s->movedcap, s->nmoved + 1, sizeof *s->moved);
			household_text(s->several, 1, s->moved[s->nmoved++], IDN_LEN + 1);
		}
		s->more = db_step(s->db, s->several) == SQLITE_ROW;
		if (s->more)
			household_text(s->several, 0, s->several_hh, sizeof s->several_hh);
	}
}

static bool moved(const struct scan *s, const char *id)
{
	for (int i = 0; i < s->nmoved; i++)
		if (strcmp(s->moved[i], id) == 0)
			return true;
	return false;
}

/* Is v the version of its person in force (the newest of all of theirs)? */
static bool newest(struct scan *s, const struct version *v, const char *date, long long until)
{
	db_bind_static(s->newest, 1, v->p.id);
	db_bind_static(s->newest, 2, date);
	sqlite3_bind_int64(s->newest, 3, until);
	bool yes = db_step(s->db, s->newest) == SQLITE_ROW &&
		   sqlite3_column_int64(s->newest, 0) == v->rowid;
	sqlite3_reset(s->newest);
	return yes;
}

static void note_lone(struct registry_history *hist, const struct person *p)
{
	hist->lone = grow(hist->lone, &hist->lonecap, hist->nlone + 1, sizeof *hist->lone);
	memcpy(hist->lone[hist->nlone].id, p->id, sizeof p->id);
	hist->lone[hist->nlone++].effective = p->effective;
}

/* The household of the rows read: each person's newest version, when it
 * is theirs in force and active, in national ID order; fn called when it
 * has any member. */
static void household_done(struct scan *s, const char *date, long long until, household_fn fn,
			   void *ctx)
{
	by_version_of = s->v;
	for (int i = 0; i < s->n; i++)
		s->order[i] = i;
	qsort(s->order, s->n, sizeof *s->order, by_version);
	several_of(s, s->v[0].p.household_id);
	s->h.n = 0;
	if (s->hist)
		s->hist->nlone = 0;
	for (int i = 0; i < s->n; i++) {
		const struct version *v = &s->v[s->order[i]];
		if (i + 1 < s->n && strcmp(v->p.id, s->v[s->order[i + 1]].p.id) == 0)
			continue; /* an older version */
		bool several = moved(s, v->p.id);
		if (!v->active || (several && !newest(s, v, date, until)))
			continue;
		s->h.member = grow(s->h.member, &s->hcap, s->h.n + 1, sizeof *s->h.member);
		if (s->h.n == 0)
			memcpy(s->h.street, v->street, sizeof v->street);
		s->h.member[s->h.n++] = v->p;
		if (s->hist && !several)
			note_lone(s->hist, &v->p);
	}
	if (s->h.n) {
		memcpy(s->h.id, s->v[0].p.household_id, sizeof s->h.id);
		fn(&s->h, ctx);
	}
	if (s->hist)
		s->hist->nlone = 0;
	s->n = 0;
}

static void read_row(struct scan *s)
{
	s->v = grow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->order = realloc(s->order, (size_t)s->cap * sizeof *s->order);
	if (!s->order)
		diag_fatal(JZ_SOFTWARE, "out of memory");
	struct version *v = &s->v[s->n++];
	household_read_person(s->rows, &v->p);
	household_text(s->rows, PERSON_STREET, v->street, sizeof v->street);
	household_text(s->rows, PERSON_EFFECTIVE, v->effective, sizeof v->effective);
	v->rowid = sqlite3_column_int64(s->rows, ROW_ROWID);
	v->entry = sqlite3_column_int64(s->rows, ROW_ENTRY);
	v->active = household_active(s->rows);
}

/* Fill temp.jz_several with the persons of several versions; returns the
 * number of versions, which the scan then reads (its progress' total). */
static long long find_several(struct db *db, const char *date, long long until)
{
	db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS jz_several (national_id TEXT PRIMARY KEY) "
		"WITHOUT ROWID");
	db_exec(db, "DELETE FROM temp.jz_several");
	sqlite3_stmt *ids = db_prepare(db, ids_sql);
	sqlite3_stmt *add = db_prepare(db, "INSERT OR IGNORE INTO temp.jz_several VALUES (?1)");
	char last[64] = "";
	long long versions = 0;

	db_bind_static(ids, 1, date);
	sqlite3_bind_int64(ids, 2, until);
	while (db_step(db, ids) == SQLITE_ROW) {
		progress_tick("persons indexed", ++versions);
		const char *id = (const char *)sqlite3_column_text(ids, 0);
		if (!id)
			continue;
		/* One too long to keep is taken as of several: asking which
		 * of its versions is in force is never wrong. */
		if (strcmp(id, last) == 0 || strlen(id) >= sizeof last) {
			db_bind_static(add, 1, id);
			db_step(db, add);
		}
		text_copy(last, sizeof last, id);
	}
	sqlite3_finalize(ids);
	sqlite3_finalize(add);
	return versions;
}

static void each(struct db *db, struct registry_history *hist, jz_date on, long long max_entry,
		 household_fn fn, void *ctx)
{
	struct scan s = {.db = db, .hist = hist};
	char date[DATE_TEXT];
	long long until = max_entry ? max_entry : LLONG_MAX;
	long long rows = 0;

	date_format(on, date);
	progress_total(find_several(db, date, until));
	s.rows = household_prepare(db, rows_sql);
	s.several = db_prepare(db, several_sql);
	s.newest = db_prepare(db, newest_sql);
	db_bind_static(s.several, 1, date);
	sqlite3_bind_int64(s.several, 2, until);
	s.more = db_step(db, s.several) == SQLITE_ROW;
	if (s.more)
		household_text(s.several, 0, s.several_hh, sizeof s.several_hh);
	db_bind_static(s.rows, 1, date);
	sqlite3_bind_int64(s.rows, 2, until);
	while (db_step(db, s.rows) == SQLITE_ROW) {
		progress_tick("persons", ++rows);
		const char *id = (const char *)sqlite3_column_text(s.rows, PERSON_HOUSEHOLD_ID);
		char cut[128];
		text_copy(cut, sizeof cut, id ? id : "");
		if (s.n && strcmp(cut, s.v[0].p.household_id) != 0)
			household_done(&s, date, until, fn, ctx);
		read_row(&s);
	}
	if (s.n)
		household_done(&s, date, until, fn, ctx);
	sqlite3_finalize(s.rows);
	sqlite3_finalize(s.several);
	sqlite3_finalize(s.newest);
	free(s.v);
	free(s.order);
	free(s.moved);
	free(s.h.member);
}

void household_each(struct db *db, jz_date on, household_fn fn, void *ctx)
{
	each(db, NULL, on, 0, fn, ctx);
}

void household_each_until(struct db *db, jz_date on, long long max_entry, household_fn fn,
			  void *ctx)
{
	each(db, NULL, on, max_entry, fn, ctx);
}

void household_each_history(struct registry_history *hist, jz_date on, household_fn fn,
			    void *ctx)
{
	each(hist->db, hist, on, hist->max_entry, fn, ctx);
}
