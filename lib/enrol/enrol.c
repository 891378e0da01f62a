/*
 * Enrolment (enrol(1)).  One transaction: every record is parsed and
 * checked, compared with the version in force on its date and added when
 * it differs; then each household touched is checked as a whole (one head,
 * the household facts agree).  Bad records are all reported; without
 * --keep-going any one of them rolls the whole run back.  What was added is
 * printed as it is added, from the values bound to the INSERT, into a spool
 * shown after the commit; when the household checks take rows back, it is
 * all printed again, read back from the database.  Either way the output
 * is what was stored.  A first load, into a registry with no person yet,
 * takes the bulk path (bulk.h): the same results, the indexes built once.
 */
#include "enrol/enrol.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/idn.h"
#include "core/money.h"
#include "core/progress.h"
#include "core/text.h"
#include "enrol/bulk.h"
#include "io/kind_choose.h"
#include "io/output.h"
#include "store/journal.h"
#include "store/lookup.h"
#include "store/policy_store.h"
#include "store/run.h"
#include "store/sql.h"

struct run {
	const struct jz_opts *o;
	const struct enrol_opts *e;
	const struct kind *k;    /* the kind stored */
	const struct kind *in;   /* the kind read: k, or kind_change for persons */
	struct kind_env env;
	struct db db;
	struct journal j;
	char **sources;          /* name of each src index */
	int src;                 /* index of the input being read; -1 the policy */
	db_stmt *current;   /* the stored record in force for a key */
	db_stmt *first;     /* a change's person: the first effective date */
	db_stmt *insert;
	db_stmt *touch;     /* (household, date) to check afterwards */
	long long read, added, same, bad;
	bool spoiled;            /* a file could not be read as a whole */
	struct rec_writer *rejects;
	struct output rejects_out;
	/* What was added, printed as it is added (the values bound are the
	 * values stored); printed again from the database when the household
	 * checks took rows back. */
	FILE *out;
	struct rec_writer *printed;
	const char *out_cols[KIND_MAX_FIELDS + 1];
	int out_ncols;
	bool taken_back;
	struct bulk bulk;        /* a first load's bulk path (bulk.h) */
};

static const char *source_name(const struct run *r, int src)
{
	return src >= 0 ? r->sources[src] : "policy";
}

/* Stored columns: every field but the derived ones. */
static bool stored(const struct field *f)
{
	return !(f->flags & F_DERIVED);
}

/* Position of field i among the stored columns of a row. */
static int stored_index(const struct kind *k, int i)
{
	int c = 0;
	for (int f = 0; f < i; f++)
		c += stored(&k->fields[f]);
	return c;
}

static bool integer_type(enum ftype t)
{
	return t == FT_MONEY || t == FT_YESNO || t == FT_GRADE;
}

/* Build "a", "b", "c" of the stored columns, quoted: a column may be
 * named by an SQL word (staff's from and to). */
static void column_list(const struct kind *k, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < k->nfields; i++)
		if (stored(&k->fields[i]))
			used += snprintf(buf + used, len - used, "%s\"%s\"", used ? ", " : "",
					 k->fields[i].name);
}

static void prepare(struct run *r)
{
	const struct kind *k = r->k;
	char cols[1024], sql[4096], where[256] = "", params[512] = "";
	size_t used = 0;
	int n = 0;

	column_list(k, cols, sizeof cols);
	for (int i = 0; i < k->nfields; i++)
		if (k->fields[i].flags & F_KEY) {
			n++;
			used += snprintf(where + used, sizeof where - used, "%s\"%s\" = ?%d",
					 n > 1 ? " AND " : "", k->fields[i].name, n);
		}
	snprintf(sql, sizeof sql, "SELECT %s, entry, src, line FROM %s WHERE %s%s %s", cols, k->name,
		 where, k->dated ? " AND effective <= ?9" : "",
		 k->dated ? SQL_NEWEST_FIRST : "ORDER BY entry DESC LIMIT 1");
	r->current = db_prepare(&r->db, sql);
	used = 0;
	n = 0;
	for (int i = 0; i < k->nfields; i++)
		if (stored(&k->fields[i]))
			used += snprintf(params + used, sizeof params - used, "?%d, ", ++n);
	snprintf(sql, sizeof sql, "INSERT INTO %s (%s, entry, src, line) VALUES (%s?%d, ?%d, ?%d)",
		 k->name, cols, params, n + 1, n + 2, n + 3);
	r->insert = db_prepare(&r->db, sql);
	if (k == &kind_person) {
		/* Each household a row added or left, on the row's date: what
		 * is checked afterwards, and what a rejected row takes back.
		 * Its indexes are built after the load (check_households). */
		db_exec(&r->db, "CREATE TEMP TABLE IF NOT EXISTS touched (household_id TEXT, "
			     "date TEXT, row INTEGER, src INTEGER, line INTEGER)");
		r->touch = db_prepare(&r->db, "INSERT INTO temp.touched VALUES (?1, ?2, ?3, ?4, ?5)");
	}
}

/* Does the stored row (columns from 0) hold the same values as v? */
static bool same_as_stored(const struct kind *k, db_stmt *st, const struct value *v)
{
	int c = 0;
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		if (!stored(f))
			continue;
		if (k->dated && strcmp(f->name, "effective") == 0) {
			c++;
			continue; /* a later date with the same facts is no new version */
		}
		bool null = db_is_null(st, c);
		if (!v[i].given) {
			if (!null)
				return false;
		} else if (null) {
			return false;
		} else if (integer_type(f->type)) {
			if (db_int64(st, c) != v[i].i)
				return false;
		} else if (strcmp(db_text(st, c), v[i].s) != 0) {
			return false;
		}
		c++;
	}
	return true;
}

static void bind_values(const struct kind *k, db_stmt *st, const struct value *v)
{
	int n = 0;
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		if (!stored(f))
			continue;
		n++;
		if (!v[i].given)
			db_bind_null(st, n);
		else if (integer_type(f->type))
			db_bind_int64(st, n, v[i].i);
		else
			db_bind_static(st, n, v[i].s);
	}
}

static void reject(struct run *r, const struct rec *rec, const struct problems *p)
{
	char line[24];
	const char *row[4 + KIND_MAX_FIELDS];

	r->bad++;
	if (!r->rejects || r->src < 0)
		return; /* the policy's institutions: they spoil the run instead */
	snprintf(line, sizeof line, "%ld", p->line);
	row[0] = p->source;
	row[1] = line;
	row[2] = p->column;
	row[3] = p->reason;
	for (int i = 0; i < r->k->nfields; i++)
		row[4 + i] = rec->val[i];
	rec_write(r->rejects, row);
}

static void print_added(struct run *r, const struct value *v);
static void row_text(const struct run *r, db_stmt *st, char cells[][64], const char **row);

/* Why a change's person has no version in force on its date, said on p. */
static void no_version(struct run *r, const struct value *c, struct problems *p)
{
	if (!r->first)
		r->first = db_prepare(&r->db, "SELECT min(effective) FROM person "
				      "WHERE national_id = ?1");
	db_bind_static(r->first, 1, c[PERSON_NATIONAL_ID].s);
	const char *from = db_step(&r->db, r->first) == DB_ROW ? db_text(r->first, 0) : NULL;
	if (from)
		problem(p, "national_id", "has no version in force on %s (enrolled from %s); "
			"a change takes effect on or after the person's first effective date",
			c[PERSON_EFFECTIVE].s, from);
	else
		problem(p, "national_id", "is not enrolled; a change needs the person in the "
			"registry: enrol the whole record first (--kind person)");
	db_reset(r->first);
}

/* A change (--kind change) parsed into c: the person record it makes, into
 * v, checked as a person.  Each column is the change's cell when given, else
 * the version in force on effective's (the registry as it is now, this
 * run's rows included).  The stored texts are copied into owned (free each):
 * the values point into them. */
static bool change_to_person(struct run *r, struct rec *rec, const struct value *c,
			     struct value *v, char **owned)
{
	char cells[KIND_MAX_FIELDS + 1][64], *merged[KIND_MAX_FIELDS];
	const char *row[KIND_MAX_FIELDS + 1];
	struct problems *p = &rec->prob;

	db_bind_static(r->current, 1, c[PERSON_NATIONAL_ID].s);
	db_bind_static(r->current, 9, c[PERSON_EFFECTIVE].s);
	if (db_step(&r->db, r->current) != DB_ROW) {
		db_reset(r->current);
		no_version(r, c, p);
		return false;
	}
	row_text(r, r->current, cells, row);
	for (int i = 0; i < PERSON_NCOLUMNS; i++) {
		const char *raw = rec->val[i];
		merged[i] = NULL;
		if (raw && *raw)
			merged[i] = (char *)raw;
		else if (stored(&kind_person.fields[i]) && *row[i] &&
			 !(owned[i] = merged[i] = strdup(row[i])))
			diag_fatal(JZ_SOFTWARE, "out of memory");
	}
	db_reset(r->current);
	merged[PERSON_NATIONAL_ID] = (char *)c[PERSON_NATIONAL_ID].s; /* canonical */
	/* A grade belongs to a disability: none given, none carried over. */
	if (c[PERSON_DISABILITY].given && strcmp(c[PERSON_DISABILITY].s, "none") == 0 &&
	    !c[PERSON_DISABILITY_GRADE].given)
		merged[PERSON_DISABILITY_GRADE] = NULL;
	return kind_parse(&kind_person, &r->env, merged, v, p);
}

/* Parse and check one record as the person (or other kind) to store,
 * into v; owned as change_to_person's.  False when it is bad. */
static bool parse(struct run *r, struct rec *rec, struct value *v, char **owned)
{
	struct value c[KIND_MAX_FIELDS];

	if (r->in != &kind_change)
		return kind_parse(r->k, &r->env, rec->val, v, &rec->prob);
	return kind_parse(r->in, &r->env, rec->val, c, &rec->prob) &&
	       change_to_person(r, rec, c, v, owned);
}

static void store(struct run *r, struct rec *rec, struct value *v);

/* Check one record and add it unless the registry has it already. */
static void take(struct rec *rec, void *ctx)
{
	struct run *r = ctx;
	struct value v[KIND_MAX_FIELDS];
	char *owned[KIND_MAX_FIELDS] = {0};

	progress_tick("records", ++r->read);
	if (rec->broken || !parse(r, rec, v, owned))
		reject(r, rec, &rec->prob);
	else
		store(r, rec, v);
	for (int i = 0; i < KIND_MAX_FIELDS; i++)
		free(owned[i]);
}

/* Add the checked record v unless the version in force holds it already. */
static void store(struct run *r, struct rec *rec, struct value *v)
{
	const struct kind *k = r->k;
	struct problems *p = &rec->prob;
	int key = 0;

	for (int i = 0; i < k->nfields; i++)
		if (k->fields[i].flags & F_KEY)
			db_bind_static(r->current, ++key, v[i].s);
	int eff = kind_column(k, "effective");
	if (k->dated) /* ?9 in prepare()'s SELECT */
		db_bind_static(r->current, 9, v[eff].s);
	int ncols = db_ncolumns(r->current) - 3;
	char previous_household[256] = "";
	/* A person surely new to an empty registry has no version to ask for;
	 * one that may not be ends the bulk load (bulk.h). */
	bool fresh = r->bulk.loading && r->src >= 0 && bulk_fresh(&r->bulk, v[PERSON_NATIONAL_ID].s);
	if (r->bulk.loading && !fresh) {
		r->bulk.single = false;
		bulk_end(&r->bulk);
	}
	if (!fresh && db_step(&r->db, r->current) == DB_ROW) {
		bool same = same_as_stored(k, r->current, v);
		long long entry = db_int64(r->current, ncols);
		if (k == &kind_person)
			snprintf(previous_household, sizeof previous_household, "%s",
				 db_text(r->current, stored_index(k, PERSON_HOUSEHOLD_ID)));
		bool this_run_same_date = entry == r->j.entry &&
			(!k->dated || strcmp(db_text(r->current, stored_index(k, eff)),
				v[eff].s) == 0);
		int first_src = db_int(r->current, ncols + 1);
		long line = (long)db_int64(r->current, ncols + 2);
		db_reset(r->current);
		if (same) {
			r->same++;
			return;
		}
		if (this_run_same_date) {
			problem(p, k->fields[0].name, "given again with other values (first at %s:%ld); "
				"one record per %s%s", source_name(r, first_src), line, k->fields[0].name,
				k->dated ? " and date" : "");
			reject(r, rec, p);
			return;
		}
		if (k->immutable) {
			problem(p, k->fields[0].name, "already enrolled with other values; "
				"a correction is a new %s with its own %s", k->name, k->fields[0].name);
			reject(r, rec, p);
			return;
		}
	}
	bind_values(k, r->insert, v);
	int n = db_nparams(r->insert);
	db_bind_int64(r->insert, n - 2, r->j.entry);
	db_bind_int64(r->insert, n - 1, r->src);
	db_bind_int64(r->insert, n, p->line);
	db_step(&r->db, r->insert);
	long long row = db_last_rowid(&r->db);
	r->added++;
	if (r->src >= 0)
		print_added(r, v);
	if (r->touch && !fresh) { /* the bulk load's: bulk_end */
		const char *hh[] = {v[PERSON_HOUSEHOLD_ID].s, previous_household};
		for (int i = 0; i < 2; i++) {
			if (!*hh[i] || (i == 1 && strcmp(hh[0], hh[1]) == 0))
				continue;
			db_bind_static(r->touch, 1, hh[i]);
			db_bind_static(r->touch, 2, v[eff].s);
			db_bind_int64(r->touch, 3, row);
			db_bind_int64(r->touch, 4, r->src);
			db_bind_int64(r->touch, 5, p->line);
			db_step(&r->db, r->touch);
		}
	}
}

/* The policy's institutions go into the registry like enrolled ones. */
static void enrol_policy_institutions(struct run *r, const struct policy *pol)
{
	const struct kind *saved = r->k, *saved_in = r->in;
	db_stmt *cur = r->current, *ins = r->insert, *touch = r->touch;
	char *val[KIND_MAX_FIELDS];
	char name[120];
	int line = 0;

	snprintf(name, sizeof name, "policy %s", pol->ref);
	r->k = r->in = &kind_institution;
	r->touch = NULL;
	prepare(r);
	r->src = -1;
	for (const cJSON *inst = pol->institutions ? pol->institutions->child : NULL; inst;
	     inst = inst->next) {
		struct rec rec = {.n = kind_institution.nfields, .val = val};
		problems_init(&rec.prob, name, ++line);
		for (int i = 0; i < rec.n; i++) {
			const cJSON *m = cJSON_GetObjectItemCaseSensitive(inst, kind_institution.fields[i].name);
			val[i] = cJSON_IsString(m) ? m->valuestring : NULL;
		}
		long long bad = r->bad;
		take(&rec, r);
		if (r->bad > bad)
			r->spoiled = true; /* a bad policy institution spoils the run */
	}
	db_finalize(r->current);
	db_finalize(r->insert);
	r->k = saved;
	r->in = saved_in;
	r->current = cur;
	r->insert = ins;
	r->touch = touch;
}

/* ---- households ---- */

static bool reject_failing(struct run *r);

/* ---- households ---- */

/* A household left without a head on date: who headed it the day before
 * and on date no longer does (died, moved out, left it or is no longer
 * head), said in why with how to fix it; false when it was not that. */
static bool head_gone(struct run *r, db_stmt *gone, const char *household, const char *date,
		      char *column, char *why, size_t whylen)
{
	char masked[32], what[200];

	db_bind_text(gone, 1, household);
	db_bind_text(gone, 2, date);
	bool found = db_step(&r->db, gone) == DB_ROW;
	if (found) {
		const char *status = db_text(gone, 1), *hh = db_text(gone, 2);
		if (strcmp(status, "active") != 0) {
			strcpy(column, "status");
			snprintf(what, sizeof what, "%s", strcmp(status, "moved_out") == 0
				 ? "moved out" : status);
		} else if (strcmp(hh, household) != 0) {
			strcpy(column, "household_id");
			snprintf(what, sizeof what, "moved to household %s", hh);
		} else {
			strcpy(column, "relation");
			snprintf(what, sizeof what, "now %s", db_text(gone, 3));
		}
		snprintf(why, whylen, "household %s: no head from %s (%s %s); give a member "
			 "relation=head effective %s in the same intake", household, date,
			 diag_mask_id(db_text(gone, 0), masked), what, date);
	}
	db_reset(gone);
	return found;
}

/* The next member of household on date into m: from members, or, on the
 * bulk path, from the household's rows (*i the next one), those in force
 * then (every person has one row there).  False after the last. */
static bool next_member(struct run *r, db_stmt *members, const struct member *rows, int nrows,
			int *i, const char *date, struct member *m)
{
	if (!rows) {
		if (db_step(&r->db, members) != DB_ROW)
			return false;
		m->id = (char *)db_text(members, 0);
		m->relation = (char *)db_text(members, 1);
		m->street = (char *)db_text(members, 2);
		m->need = db_int(members, 3);
		m->house = db_int(members, 4);
		return true;
	}
	while (*i < nrows && (!rows[*i].active || strcmp(rows[*i].effective, date) > 0))
		(*i)++;
	if (*i == nrows)
		return false;
	*m = rows[(*i)++];
	return true;
}

/* Check one household on one date: exactly one head, and the household
 * facts the same on every member's row, of its active members (members
 * gives them; one who died or moved out is no longer one).  A household
 * with none is over, not wrong.  On a problem, say why in why (IDs
 * masked) and which column in column.  rows: the household's rows, when
 * every person has one (bulk.h), else NULL and members asks. */
static bool check_household(struct run *r, db_stmt *members, const struct member *rows,
			    int nrows, db_stmt *gone, const char *household, const char *date,
			    char *column, char *why, size_t whylen)
{
	int n = 0, heads = 0, i = 0;
	char first_id[IDN_LEN + 1] = "", *first_street = NULL, a[32], b[32];
	int first_need = 0, first_house = 0;
	struct member m;

	why[0] = '\0';
	if (!rows) {
		db_bind_text(members, 1, household);
		db_bind_text(members, 2, date);
	}
	while (next_member(r, members, rows, nrows, &i, date, &m)) {
		const char *id = m.id;
		const char *street = m.street;
		int need = m.need, house = m.house;
		heads += strcmp(m.relation, "head") == 0;
		if (n++ == 0) {
			text_copy(first_id, sizeof first_id, id);
			if (!(first_street = strdup(street)))
				diag_fatal(JZ_SOFTWARE, "out of memory");
			first_need = need;
			first_house = house;
			continue;
		}
		const char *fact = strcmp(street, first_street) ? "street"
			: need != first_need ? "housing_need"
			: house != first_house ? "dilapidated_house" : NULL;
		if (fact && !*why) {
			strcpy(column, fact);
			snprintf(why, whylen, "differs between %s and %s in household %s on %s; every "
				 "member's row must agree", diag_mask_id(first_id, a), diag_mask_id(id, b),
				 household, date);
		}
	}
	free(first_street);
	if (n && !heads && !*why && head_gone(r, gone, household, date, column, why, whylen))
		return false;
	if (n && heads != 1 && !*why) {
		strcpy(column, "relation");
		snprintf(why, whylen, "household %s has %d heads on %s; exactly one member must be head",
			 household, heads, date);
	}
	return !*why;
}

/* Every household of a first load where each person has one row (bulk.h),
 * checked as find_failing does, from each household's rows read once: on
 * each date of its rows, told at the first row in force then (the
 * earliest of the rows touching it on or before that date). */
static int find_failing_whole(struct run *r, db_stmt *gone, db_stmt *fail)
{
	const char *hh, *const *dates;
	const struct member *rows;
	char why[400], column[32];
	int n, failing = 0;

	while (bulk_next_household(&r->bulk, &hh, &rows, &n)) {
		int ndates = bulk_dates(&r->bulk, &dates);
		for (int d = 0; d < ndates; d++) {
			if (check_household(r, NULL, rows, n, gone, hh, dates[d], column, why, sizeof why))
				continue;
			int at = 0;
			while (strcmp(rows[at].effective, dates[d]) > 0)
				at++;
			db_bind_text(fail, 1, hh);
			db_bind_text(fail, 2, why);
			db_step(&r->db, fail);
			failing++;
			diag_at(source_name(r, rows[at].src), rows[at].line, column, "%s", why);
			break; /* one problem per household is enough */
		}
	}
	return failing;
}

/* Check every household in temp.tocheck, on each date the run touched it
 * and on every later date one of its members' versions begins; each that
 * does not hold is reported once and put in temp.failing. */
static int find_failing(struct run *r)
{
	db_stmt *list = db_prepare(&r->db,
		"WITH t AS (SELECT household_id, date, src, line, min(rowid) FROM temp.touched "
		"WHERE household_id IN (SELECT household_id FROM temp.tocheck) "
		"GROUP BY household_id, date) "
		"SELECT household_id, date, src, line FROM t UNION "
		"SELECT t.household_id, p.effective, t.src, t.line FROM t "
		"JOIN person p ON p.household_id = t.household_id AND p.effective > t.date "
		"ORDER BY 1, 2");
	/* The members on a date: each person's version in force then, if it
	 * names this household and the person is still here.  (No DISTINCT or
	 * ORDER BY: a temporary b-tree per household would cost more than the
	 * lookups.) */
	db_stmt *members = db_prepare(&r->db,
		"SELECT v.national_id, v.relation, v.street, v.housing_need, v.dilapidated_house "
		"FROM person v WHERE v.household_id = ?1 AND v.status = 'active' AND "
		SQL_PERSON_IN_FORCE("v", "?2"));
	/* Who headed the household the day before, and their version from
	 * the date on (head_gone). */
	db_stmt *gone = db_prepare(&r->db,
		"SELECT o.national_id, n.status, n.household_id, n.relation FROM person o "
		"JOIN person n ON n.national_id = o.national_id AND n.effective = ?2 AND "
		SQL_PERSON_IN_FORCE("n", "?2") " WHERE o.household_id = ?1 AND o.relation = 'head' "
		"AND o.status = 'active' AND " SQL_PERSON_IN_FORCE("o", "date(?2, '-1 day')")
		" LIMIT 1");
	db_stmt *fail = db_prepare(&r->db, "INSERT OR IGNORE INTO temp.failing VALUES (?1, ?2)");
	char why[400], column[32];
	int failing = 0;

	db_exec(&r->db, "DELETE FROM temp.failing");
	if (r->bulk.owed) /* every household, none of temp.touched yet */
		failing = find_failing_whole(r, gone, fail);
	while (!r->bulk.owed && db_step(&r->db, list) == DB_ROW) {
		const char *hh = db_text(list, 0);
		const char *date = db_text(list, 1);
		int nrows = 0;
		const struct member *rows = r->bulk.single ? bulk_household(&r->bulk, hh, &nrows) : NULL;
		if (check_household(r, members, rows, nrows, gone, hh, date, column, why, sizeof why))
			continue;
		db_bind_text(fail, 1, hh);
		db_bind_text(fail, 2, why);
		db_step(&r->db, fail);
		if (db_changes(&r->db) == 0)
			continue; /* one problem per household is enough */
		failing++;
		diag_at(source_name(r, db_int(list, 2)), (long)db_int64(list, 3),
			column, "%s", why);
	}
	db_finalize(list);
	bulk_rewind(&r->bulk); /* before any row is taken back */
	db_finalize(members);
	db_finalize(gone);
	db_finalize(fail);
	return failing;
}

/* temp.touched's indexes, and every household in it to check. */
static void touched_ready(struct run *r)
{
	/* Built once, after the load: a sort, where an index kept during the
	 * load cost two B-tree inserts per row. */
	db_exec(&r->db, "CREATE INDEX IF NOT EXISTS temp.touched_household ON touched "
		     "(household_id); CREATE INDEX IF NOT EXISTS temp.touched_row ON touched (row); "
		     "INSERT OR IGNORE INTO temp.tocheck SELECT household_id FROM temp.touched");
}

/* Check the households the run touched.  Without --keep-going a household
 * that does not hold is a bad record.  With it, every row the run added
 * that touched such a household goes to the rejects, and the households
 * those rows touched are checked again, until all hold. */
static void check_households(struct run *r)
{
	db_exec(&r->db, "CREATE TEMP TABLE IF NOT EXISTS tocheck (household_id TEXT PRIMARY KEY) "
		     "WITHOUT ROWID; CREATE TEMP TABLE IF NOT EXISTS failing (household_id TEXT "
		     "PRIMARY KEY, why TEXT) WITHOUT ROWID; DELETE FROM temp.tocheck");
	if (!r->bulk.owed) /* else the first check is of every household */
		touched_ready(r);
	int failing;
	while ((failing = find_failing(r)) > 0) {
		if (!r->e->keep_going) {
			r->bad += failing;
			return;
		}
		if (r->bulk.owed) {
			bulk_touched(&r->bulk);
			touched_ready(r);
		}
		/* Take back each row that touched a failing household; check
		 * again every household such a row touched. */
		db_exec(&r->db, "DELETE FROM temp.tocheck; INSERT OR IGNORE INTO temp.tocheck "
			     "SELECT t.household_id FROM temp.touched t WHERE t.row IN (SELECT row FROM "
			     "temp.touched WHERE household_id IN (SELECT household_id FROM temp.failing))");
		if (!reject_failing(r)) {
			r->spoiled = true; /* it did not hold before this run either */
			return;
		}
	}
}

/* ---- output ---- */

/* ---- output ---- */

static int out_columns(const struct kind *k, const char **cols)
{
	int n = 0;
	for (int i = 0; i < k->nfields; i++)
		cols[n++] = k->fields[i].name;
	if (k == &kind_person)
		cols[n++] = "age";
	return n;
}

static void person_extras(const struct run *r, char cells[][64], const char **row);

/* Text of a stored row (columns as prepare()'s SELECT) into cells. */
static void row_text(const struct run *r, db_stmt *st, char cells[][64], const char **row)
{
	const struct kind *k = r->k;
	int c = 0;

	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		row[i] = "";
		if (!stored(f))
			continue;
		if (db_is_null(st, c)) {
			c++;
			continue;
		}
		long long x = db_int64(st, c);
		if (f->type == FT_MONEY)
			money_format(x, cells[i]), row[i] = cells[i];
		else if (f->type == FT_YESNO)
			row[i] = x ? "yes" : "no";
		else if (f->type == FT_GRADE)
			snprintf(cells[i], 64, "%lld", x), row[i] = cells[i];
		else
			row[i] = db_text(st, c);
		c++;
	}
	person_extras(r, cells, row);
}

/* A person's columns that come from the ID, and the age on --as-of. */
static void person_extras(const struct run *r, char cells[][64], const char **row)
{
	const struct kind *k = r->k;
	if (k != &kind_person)
		return;
	jz_date birth = idn_birth(row[PERSON_NATIONAL_ID]);
	row[PERSON_SEX] = idn_sex(row[PERSON_NATIONAL_ID]) == 'm' ? "m" : "f";
	date_format(birth, cells[PERSON_BIRTH_DATE]);
	row[PERSON_BIRTH_DATE] = cells[PERSON_BIRTH_DATE];
	row[PERSON_NCOLUMNS] = ""; /* age */
	if (r->o->as_of >= birth) {
		snprintf(cells[PERSON_NCOLUMNS], 64, "%d", date_age(birth, r->o->as_of));
		row[PERSON_NCOLUMNS] = cells[PERSON_NCOLUMNS];
	}
}

/* The row of a record as added: each stored value in its canonical text,
 * which is what row_text() reads back. */
static void print_added(struct run *r, const struct value *v)
{
	const char *row[KIND_MAX_FIELDS + 1];
	char cells[KIND_MAX_FIELDS + 1][64];

	for (int i = 0; i < r->k->nfields; i++)
		row[i] = stored(&r->k->fields[i]) && v[i].given ? v[i].s : "";
	person_extras(r, cells, row);
	if (!r->printed)
		r->printed = rec_writer_open(r->out, r->o->format, r->out_cols, r->out_ncols);
	rec_write(r->printed, row);
}

static db_stmt *select_added(struct run *r, const char *extra)
{
	char cols[1024], sql[1400];
	column_list(r->k, cols, sizeof cols);
	snprintf(sql, sizeof sql, "SELECT %s, entry, src, line, rowid FROM %s WHERE entry = ?1%s "
		 "ORDER BY rowid", cols, r->k->name, extra);
	db_stmt *st = db_prepare(&r->db, sql);
	db_bind_int64(st, 1, r->j.entry);
	return st;
}
/* Take every row this run added that touched a failing household back
 * out, into the rejects; false when there was none to take. */
static bool reject_failing(struct run *r)
{
	char cols[1024], sql[1600], cells[KIND_MAX_FIELDS + 1][64], line[24];
	const char *row[KIND_MAX_FIELDS + 1], *out[4 + KIND_MAX_FIELDS];
	bool any = false;

	column_list(r->k, cols, sizeof cols);
	snprintf(sql, sizeof sql, "SELECT %s, entry, src, line, rid, why FROM (SELECT p.*, "
		 "p.rowid AS rid, f.why AS why FROM person p JOIN (SELECT row, min(household_id) "
		 "AS hh FROM temp.touched WHERE household_id IN (SELECT household_id FROM "
		 "temp.failing) GROUP BY row) t ON p.rowid = t.row JOIN temp.failing f ON "
		 "f.household_id = t.hh) ORDER BY rid", cols);
	db_stmt *st = db_prepare(&r->db, sql);
	int nstored = db_ncolumns(st) - 5;
	while (db_step(&r->db, st) == DB_ROW) {
		row_text(r, st, cells, row);
		snprintf(line, sizeof line, "%lld", db_int64(st, nstored + 2));
		out[0] = source_name(r, db_int(st, nstored + 1));
		out[1] = line;
		out[2] = "household_id";
		out[3] = db_text(st, nstored + 4);
		for (int i = 0; i < r->k->nfields; i++)
			out[4 + i] = row[i];
		if (r->rejects)
			rec_write(r->rejects, out);
		r->added--;
		r->bad++;
		any = true;
		r->taken_back = true;
	}
	db_finalize(st);
	/* Only now, with no statement reading them, delete the rows. */
	db_exec(&r->db, "CREATE TEMP TABLE IF NOT EXISTS gone (row INTEGER PRIMARY KEY); "
		     "DELETE FROM temp.gone; INSERT OR IGNORE INTO temp.gone SELECT row FROM "
		     "temp.touched WHERE household_id IN (SELECT household_id FROM temp.failing); "
		     "DELETE FROM person WHERE rowid IN (SELECT row FROM temp.gone); "
		     "DELETE FROM temp.touched WHERE row IN (SELECT row FROM temp.gone)");
	return any;
}

/* Finish printing what the run added: as printed while it was added, or,
 * when rows were taken back, all again as read back from the database;
 * false when writing failed. */
static bool emit(struct run *r, struct output *out)
{
	const char *row[KIND_MAX_FIELDS + 1];
	char cells[KIND_MAX_FIELDS + 1][64];

	if (!r->taken_back)
		return rec_writer_close(r->printed ? r->printed
			: rec_writer_open(out->fp, r->o->format, r->out_cols, r->out_ncols));
	if (r->printed)
		rec_writer_close(r->printed);
	r->printed = NULL;
	if (!output_rewind(out))
		return false;
	struct rec_writer *w = rec_writer_open(out->fp, r->o->format, r->out_cols, r->out_ncols);
	db_stmt *st = select_added(r, " AND src >= 0"); /* not the policy's */
	while (db_step(&r->db, st) == DB_ROW) {
		row_text(r, st, cells, row);
		rec_write(w, row);
	}
	db_finalize(st);
	return rec_writer_close(w);
}

/* The rejects' writer, on the file run_begin opened. */
static void open_rejects(struct run *r)
{
	static const char *cols[4 + KIND_MAX_FIELDS] = {"source", "line", "column", "reason"};

	if (!r->e->rejects)
		return;
	for (int i = 0; i < r->k->nfields; i++)
		cols[4 + i] = r->k->fields[i].name;
	r->rejects = rec_writer_open(r->rejects_out.fp, REC_CSV, cols, 4 + r->k->nfields);
}

/* Finish the rejects and check they were written, before the commit; the
 * file is put in place after it.  Exits 74 (rolling back) when it fails. */
static void rejects_ready(struct run *r)
{
	if (!r->rejects)
		return;
	bool ok = rec_writer_close(r->rejects) && output_ready(&r->rejects_out);
	r->rejects = NULL;
	if (!ok) {
		db_rollback(&r->db);
		output_abort(&r->rejects_out);
		diag_fatal(JZ_IOERR, "%s: write failed; nothing was written", r->e->rejects);
	}
}

/* Columns that enrol prints but does not take in: its own output can be
 * fed back to it. */
static const char *const output_only[] = {"age", NULL};

/* The run's summary (see run_finish).  Nothing new, and a dry run, are
 * said even with -q. */
static void say_done(const void *ctx, const char *verb)
{
	const struct run *r = ctx;
	const struct jz_opts *o = r->o;

	if (journal_total(&r->j) == 0)
		diag_warn("nothing new: %lld record%s already in the registry%s", r->same,
			  r->same == 1 ? "" : "s", o->dry_run ? " (dry run)" : "");
	else if (*verb)
		diag_warn("dry run: would add %lld %s record%s (%lld already in the registry); "
			  "nothing was written", r->added, r->k->name, r->added == 1 ? "" : "s", r->same);
	else if (!o->quiet)
		diag_warn("added %lld %s record%s (%lld already in the registry) as journal "
			  "entry %lld", r->added, r->k->name, r->added == 1 ? "" : "s", r->same,
			  r->j.entry);
}

int enrol_run(const struct jz_opts *o, const struct enrol_opts *e, char **files, int nfiles)
{
	static char *stdin_only[] = {"-"};
	struct run r = {.o = o, .e = e};
	struct policy pol;
	struct output out;
	char sha[SHA256_HEX];
	/* A missing database is created: enrolment starts the registry. */
	struct run_frame f = {.o = o, .db = &r.db, .j = &r.j, .pol = &pol, .out = &out,
			      .also = e->keep_going && e->rejects ? &r.rejects_out : NULL,
			      .also_path = e->rejects};

	if (nfiles == 0) {
		files = stdin_only;
		nfiles = 1;
	}
	/* The kind by the header: each file's must be the same. */
	static const struct kind *const kinds[] = {&kind_person, &kind_change, &kind_application,
						   &kind_institution, &kind_survey, &kind_staff};
	struct rec_source look = {.ignore = output_only, .format = o->input_format,
				  .encoding = o->encoding, .ignore_unknown = o->ignore_unknown};
	r.in = kind_choose(files[0], &look, kinds, 6, e->kind, NULL);
	for (int i = 1; i < nfiles; i++)
		kind_choose(files[i], &look, kinds, 6, r.in, e->kind ? NULL : files[0]);
	/* A change is stored as the person version it makes. */
	r.k = r.in == &kind_change ? &kind_person : r.in;
	r.sources = files;
	r.env.today = date_today();
	r.env.as_of = o->as_of;
	run_begin(&f); /* rows are printed as they are added, shown after the commit */
	progress_files(files, nfiles);
	lookup_open(&r.env, &r.db);
	r.out = out.fp;
	r.out_ncols = out_columns(r.k, r.out_cols);
	if (e->keep_going)
		open_rejects(&r);
	if (f.policy_stored) {
		long long before = r.added;
		enrol_policy_institutions(&r, &pol);
		journal_count(&r.j, "institution", r.added - before);
		r.added = before;
	}
	if (r.k == &kind_person && r.in == &kind_person)
		bulk_begin(&r.bulk, &r.db);
	prepare(&r);
	struct rec_source src = {r.in->fields, r.in->nfields, output_only, o->input_format,
				 o->encoding, o->ignore_unknown};
	for (int i = 0; i < nfiles; i++) {
		r.src = i;
		if (!rec_read_file(files[i], &src, take, &r, sha))
			r.spoiled = true;
		journal_input(&r.j, files[i], sha);
	}
	bulk_end(&r.bulk);
	progress_stage("checking the households");
	if (r.k == &kind_person && r.added)
		check_households(&r);
	bulk_free(&r.bulk);
	progress_done();
	db_finalize(r.current);
	db_finalize(r.first);
	db_finalize(r.insert);
	db_finalize(r.touch);
	lookup_close(&r.env);
	journal_count(&r.j, r.k->name, r.added);

	/* Before run_finish: the writers closed, and when the run goes on,
	 * the rejects made ready and what was added printed: again from the
	 * database when the household checks took rows back, not at all when
	 * every row was. */
	bool failed = r.spoiled || (r.bad && !e->keep_going);
	bool written = true;
	if (failed) {
		if (r.printed)
			rec_writer_close(r.printed); /* frees it; the spool goes in run_finish */
		if (r.rejects)
			rec_writer_close(r.rejects); /* frees it; the file goes below */
	} else {
		rejects_ready(&r);
		if (journal_total(&r.j) == 0) {
			if (r.printed) { /* every row added was taken back */
				rec_writer_close(r.printed);
				output_rewind(&out);
			}
			/* Nothing new: the header alone (cli.md: every CSV
			 * output has its header, even with no rows). */
			written = rec_writer_close(rec_writer_open(out.fp, o->format, r.out_cols,
								   r.out_ncols));
		} else {
			/* Printed inside the transaction, put in place after the
			 * commit: an output that cannot be written stores nothing. */
			written = emit(&r, &out);
		}
	}
	int status = run_finish(&f, written, failed ? r.bad : 0, r.spoiled, say_done, &r);
	if (failed) {
		if (e->keep_going && e->rejects)
			output_abort(&r.rejects_out);
		return status;
	}
	if (r.bad) {
		diag_warn("%lld bad record%s rejected%s%s", r.bad, r.bad == 1 ? "" : "s",
			  e->rejects ? " to " : "", e->rejects ? e->rejects : "");
		status = JZ_NO;
	}
	if (e->keep_going && e->rejects)
		output_commit(&r.rejects_out);
	return status;
}
