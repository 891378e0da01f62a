/* Households as of a date, read from the person versions (see household.h). */
#include "store/household.h"

#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/field.h"
#include "core/text.h"
#include "io/kind.h"
#include "store/household_int.h"
#include "store/sql.h"

/* Is column i of the person kind one that no rule reads (struct person
 * has no place for it)?  Not fetched: each column costs a row read. */
static bool unread(int i)
{
	return i == PERSON_COMMUNITY || i == PERSON_REVIEWED_ON || i == PERSON_BANK_ACCOUNT;
}

/* The person kind's columns as a SELECT list, each in its place, so that
 * column PERSON_X of a row is the kind's column X: NULL for those derived
 * from the ID, which are not stored, and for those unread.  Built once. */
static const char *columns(void)
{
	static char cols[1024];
	size_t used = 0;

	if (cols[0])
		return cols;
	for (int i = 0; i < PERSON_NCOLUMNS; i++) {
		const struct field *f = &kind_person.fields[i];
		used += snprintf(cols + used, sizeof cols - used, "%s%s", i ? ", " : "",
				 f->flags & F_DERIVED || unread(i) ? "NULL" : f->name);
	}
	return cols;
}

/* Prepare sql, its %s the person columns. */
db_stmt *household_prepare(struct db *db, const char *sql)
{
	char text[2048];

	snprintf(text, sizeof text, sql, columns());
	return db_prepare(db, text);
}

/* Is the row's person still here (column PERSON_STATUS active)? */
bool household_active(sqlite3_stmt *st)
{
	const char *status = (const char *)sqlite3_column_text(st, PERSON_STATUS);
	return status && strcmp(status, "active") == 0;
}

void household_text(sqlite3_stmt *st, int col, char *buf, size_t len)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	text_copy(buf, len, s ? s : "");
}

static jz_date date_col(sqlite3_stmt *st, int col, bool *given)
{
	jz_date d = 0;
	char err[80];
	const char *s = (const char *)sqlite3_column_text(st, col);
	*given = s && date_parse(s, &d, err, sizeof err);
	return *given ? d : 0;
}

void household_read_person(sqlite3_stmt *st, struct person *p)
{
	memset(p, 0, sizeof *p);
	household_text(st, PERSON_NATIONAL_ID, p->id, sizeof p->id);
	household_text(st, PERSON_NAME, p->name, sizeof p->name);
	household_text(st, PERSON_HOUSEHOLD_ID, p->household_id, sizeof p->household_id);
	household_text(st, PERSON_RELATION, p->relation, sizeof p->relation);
	household_text(st, PERSON_HUKOU_TYPE, p->hukou_type, sizeof p->hukou_type);
	p->hukou_local = sqlite3_column_int(st, PERSON_HUKOU_LOCAL);
	p->residence_since = date_col(st, PERSON_RESIDENCE_SINCE, &p->has_residence_since);
	household_text(st, PERSON_EMPLOYMENT, p->employment, sizeof p->employment);
	p->able_to_work = sqlite3_column_type(st, PERSON_ABLE_TO_WORK) == SQLITE_NULL ? -1
			  : sqlite3_column_int(st, PERSON_ABLE_TO_WORK);
	p->income = sqlite3_column_int64(st, PERSON_MONTHLY_INCOME);
	household_text(st, PERSON_INSURANCE, p->insurance, sizeof p->insurance);
	household_text(st, PERSON_DISABILITY, p->disability, sizeof p->disability);
	p->disability_grade = sqlite3_column_int(st, PERSON_DISABILITY_GRADE);
	p->disability_cert = sqlite3_column_int(st, PERSON_DISABILITY_CERT);
	household_text(st, PERSON_ILLNESS, p->illness, sizeof p->illness);
	p->cerebral_palsy = sqlite3_column_int(st, PERSON_CEREBRAL_PALSY);
	p->rehab_training = sqlite3_column_int(st, PERSON_REHAB_TRAINING);
	household_text(st, PERSON_STUDENT_LEVEL, p->student_level, sizeof p->student_level);
	p->wubao = sqlite3_column_int(st, PERSON_WUBAO);
	p->released_on = date_col(st, PERSON_RELEASED_ON, &p->has_released_on);
	p->hukou_pending = sqlite3_column_int(st, PERSON_HUKOU_PENDING);
	p->enterprise_hardship = sqlite3_column_int(st, PERSON_ENTERPRISE_HARDSHIP);
	p->one_child_hardship = sqlite3_column_int(st, PERSON_ONE_CHILD_HARDSHIP);
	p->troop = sqlite3_column_int(st, PERSON_TROOP);
	p->returned_overseas = sqlite3_column_int(st, PERSON_RETURNED_OVERSEAS);
	household_text(st, PERSON_SELF_CARE, p->self_care, sizeof p->self_care);
	p->housing_need = sqlite3_column_int(st, PERSON_HOUSING_NEED);
	p->dilapidated_house = sqlite3_column_int(st, PERSON_DILAPIDATED_HOUSE);
	bool given;
	p->effective = date_col(st, PERSON_EFFECTIVE, &given);
	p->birth = idn_birth(p->id);
	p->sex = idn_sex(p->id);
}

/* The newest journal entry whose rows count. */
static long long until(const struct registry_history *hist)
{
	return hist->max_entry ? hist->max_entry : LLONG_MAX;
}

bool person_load(struct registry_history *hist, const char *national_id, jz_date on,
		 struct person *p)
{
	if (!hist->person)
		hist->person = household_prepare(hist->db, "SELECT %s FROM person WHERE "
					      "national_id = ?1 AND effective <= ?2 AND entry <= ?3 "
					      SQL_NEWEST_FIRST);
	sqlite3_stmt *st = hist->person;
	char date[DATE_TEXT];

	/* One version only, from after on: none was in force on on. */
	for (int i = 0; i < hist->nlone; i++)
		if (on < hist->lone[i].effective && strcmp(hist->lone[i].id, national_id) == 0)
			return false;
	date_format(on, date);
	db_bind_text(st, 1, national_id);
	db_bind_text(st, 2, date);
	sqlite3_bind_int64(st, 3, until(hist));
	/* The version in force, and only if it is active. */
	bool found = db_step(hist->db, st) == SQLITE_ROW && household_active(st);
	if (found)
		household_read_person(st, p);
	sqlite3_reset(st);
	return found;
}

bool household_load(struct registry_history *hist, const char *household_id, jz_date on,
		    struct household *h)
{
	if (!hist->household)
		hist->household = household_prepare(hist->db, "SELECT %s FROM person v WHERE "
			"v.household_id = ?1 AND v.entry <= ?3 AND v.status = 'active' AND "
			SQL_PERSON_IN_FORCE_UNTIL("v", "?2", "?3") " ORDER BY v.national_id");
	sqlite3_stmt *st = hist->household;
	struct db *db = hist->db;
	char date[DATE_TEXT];
	int cap = 0;

	memset(h, 0, sizeof *h);
	text_copy(h->id, sizeof h->id, household_id);
	date_format(on, date);
	db_bind_text(st, 1, household_id);
	db_bind_text(st, 2, date);
	sqlite3_bind_int64(st, 3, until(hist));
	while (db_step(db, st) == SQLITE_ROW) {
		if (h->n == cap) {
			cap = cap ? 2 * cap : 8;
			if (!(h->member = realloc(h->member, cap * sizeof *h->member)))
				diag_fatal(JZ_SOFTWARE, "out of memory");
		}
		if (h->n == 0)
			household_text(st, PERSON_STREET, h->street, sizeof h->street);
		household_read_person(st, &h->member[h->n++]);
	}
	return h->n > 0;
}

void history_free(struct registry_history *hist)
{
	sqlite3_finalize(hist->person);
	sqlite3_finalize(hist->household);
	sqlite3_finalize(hist->grant);
	sqlite3_finalize(hist->granted);
	sqlite3_finalize(hist->elsewhere);
	sqlite3_finalize(hist->paid);
	sqlite3_finalize(hist->chains);
	hist->chains = NULL;
	hist->nkinds = 0;
	hist->person = hist->household = hist->grant = NULL;
	hist->granted = hist->elsewhere = hist->paid = NULL;
	hist->grants_known = false;
	free(hist->lone);
	hist->lone = NULL;
	hist->nlone = hist->lonecap = 0;
}

static bool exists(struct db *db, const char *sql, long long bound)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	if (bound)
		sqlite3_bind_int64(st, 1, bound);
	bool yes = db_step(db, st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return yes;
}

bool history_has_grants(struct registry_history *hist)
{
	if (hist->grants_known)
		return hist->grants;
	hist->grants_known = true;
	/* A file that predates grant(1)'s tables, opened read-only, has none. */
	hist->grants = exists(hist->db, "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE "
			      "type = 'table' AND name = 'grant')", 0) &&
		       exists(hist->db, hist->max_entry ? "SELECT EXISTS (SELECT 1 FROM \"grant\" WHERE "
			      "entry <= ?1)" : "SELECT EXISTS (SELECT 1 FROM \"grant\")", until(hist));
	if (hist->grants)
		hist->grant = db_prepare(hist->db, "SELECT g.amount, g.status, g.\"end\" "
					 SQL_GRANT_ON("?1", "?2", "?3"));
	return hist->grants;
}

/* Might a grant of chain's programme and unit ("dibao/person/") be
 * recorded?  Asked once of each: the rules ask of every member whether a
 * personal grant is in force, and most programmes and units have none. */
static bool kind_granted(struct registry_history *hist, const char *chain)
{
	const char *unit = strchr(chain, '/');
	const char *key = unit ? strchr(unit + 1, '/') : NULL;
	size_t n = key ? (size_t)(key - chain) + 1 : 0;
	struct chain_kind *k = hist->kinds;

	if (!hist->grants_fixed || !key || n >= sizeof k->prefix)
		return true;
	for (; k < hist->kinds + hist->nkinds; k++)
		if (strncmp(k->prefix, chain, n) == 0 && k->prefix[n] == '\0')
			return k->any;
	if (hist->nkinds == (int)(sizeof hist->kinds / sizeof *hist->kinds))
		return true;
	char lo[sizeof k->prefix], hi[sizeof k->prefix];
	memcpy(lo, chain, n);
	lo[n] = '\0';
	memcpy(hi, lo, n + 1);
	hi[n - 1] = '0'; /* '0' follows '/': the range of the chain index */
	if (!hist->chains)
		hist->chains = db_prepare(hist->db, "SELECT EXISTS (SELECT 1 FROM \"grant\" "
					  "WHERE chain >= ?1 AND chain < ?2 AND entry <= ?3)");
	db_bind_static(hist->chains, 1, lo);
	db_bind_static(hist->chains, 2, hi);
	sqlite3_bind_int64(hist->chains, 3, until(hist));
	k->any = db_step(hist->db, hist->chains) == SQLITE_ROW &&
		 sqlite3_column_int(hist->chains, 0);
	sqlite3_reset(hist->chains);
	memcpy(k->prefix, lo, n + 1);
	hist->nkinds++;
	return k->any;
}

bool history_grant(struct registry_history *hist, const char *chain, jz_date on,
		   jz_fen *amount)
{
	char date[DATE_TEXT];
	bool in_force = false;

	if (!history_has_grants(hist) || !kind_granted(hist, chain))
		return false;
	date_format(on, date);
	db_bind_static(hist->grant, 1, chain);
	db_bind_static(hist->grant, 2, date);
	sqlite3_bind_int64(hist->grant, 3, until(hist));
	if (db_step(hist->db, hist->grant) == SQLITE_ROW) {
		const char *end = (const char *)sqlite3_column_text(hist->grant, 2);
		in_force = strcmp((const char *)sqlite3_column_text(hist->grant, 1), "deferred") != 0 &&
			   (!end || strcmp(end, date) > 0);
		if (in_force && amount)
			*amount = sqlite3_column_int64(hist->grant, 0);
	}
	sqlite3_reset(hist->grant);
	return in_force;
}

bool history_granted(struct registry_history *hist, const char *chain, jz_date on,
		     jz_fen *amount, char basis[FACT_BASIS])
{
	char date[DATE_TEXT];

	if (!history_has_grants(hist))
		return false;
	/* A once-grant's id is its chain (grant_decide.c); a retried
	 * deferred payment makes a new version of it, never a new grant. */
	if (!hist->granted)
		hist->granted = db_prepare(hist->db, "SELECT amount, basis FROM \"grant\" WHERE chain = ?1 "
					   "AND period = 'once' AND start <= ?2 AND entry <= ?3 "
					   "ORDER BY start DESC, version DESC LIMIT 1");
	date_format(on, date);
	db_bind_static(hist->granted, 1, chain);
	db_bind_static(hist->granted, 2, date);
	sqlite3_bind_int64(hist->granted, 3, until(hist));
	bool found = db_step(hist->db, hist->granted) == SQLITE_ROW;
	if (found && amount)
		*amount = sqlite3_column_int64(hist->granted, 0);
	if (found && basis)
		household_text(hist->granted, 1, basis, FACT_BASIS);
	sqlite3_reset(hist->granted);
	return found;
}

bool history_granted_elsewhere(struct registry_history *hist, const char *programme,
			       const char *national_id, const char *except, jz_date on)
{
	char date[DATE_TEXT], lo[64], hi[64];

	if (!history_has_grants(hist))
		return false;
	/* The programme's chains are those from "programme/" up to
	 * "programme0" ('0' follows '/'): a range of the chain index. */
	if (!hist->elsewhere)
		hist->elsewhere = db_prepare(hist->db, "SELECT EXISTS (SELECT 1 FROM \"grant\" "
					     "WHERE chain >= ?1 AND chain < ?2 AND programme = ?3 "
					     "AND national_id = ?4 AND chain <> ?5 AND start <= ?6 "
					     "AND entry <= ?7)");
	snprintf(lo, sizeof lo, "%s/", programme);
	snprintf(hi, sizeof hi, "%s0", programme);
	date_format(on, date);
	db_bind_static(hist->elsewhere, 1, lo);
	db_bind_static(hist->elsewhere, 2, hi);
	db_bind_static(hist->elsewhere, 3, programme);
	db_bind_static(hist->elsewhere, 4, national_id);
	db_bind_static(hist->elsewhere, 5, except);
	db_bind_static(hist->elsewhere, 6, date);
	sqlite3_bind_int64(hist->elsewhere, 7, until(hist));
	bool yes = db_step(hist->db, hist->elsewhere) == SQLITE_ROW &&
		   sqlite3_column_int(hist->elsewhere, 0);
	sqlite3_reset(hist->elsewhere);
	return yes;
}

long history_paid(struct registry_history *hist, const char *chain, const char *basis,
		  jz_date on)
{
	char month[DATE_TEXT];

	if (!history_has_grants(hist))
		return 0;
	/* As the payroll counts them (grant_payments), but only the months
	 * before on's: the month of on is the one being decided. */
	if (!hist->paid)
		hist->paid = db_prepare(hist->db, "SELECT count(*) " SQL_CHAIN_PAYMENTS
					" AND g.basis = ?2 AND p.month < ?3 AND p.entry <= ?4");
	date_format(on, month);
	month[7] = '\0';
	db_bind_static(hist->paid, 1, chain);
	db_bind_static(hist->paid, 2, basis);
	db_bind_static(hist->paid, 3, month);
	sqlite3_bind_int64(hist->paid, 4, until(hist));
	long n = db_step(hist->db, hist->paid) == SQLITE_ROW ? sqlite3_column_int(hist->paid, 0) : 0;
	sqlite3_reset(hist->paid);
	return n;
}

/* The interface's calls, each the function above on ctx. */
static bool rules_person(void *ctx, const char *national_id, jz_date on, struct person *p)
{
	return person_load(ctx, national_id, on, p);
}

static bool rules_household(void *ctx, const char *household_id, jz_date on, struct household *h)
{
	return household_load(ctx, household_id, on, h);
}

static bool rules_has_grants(void *ctx)
{
	return history_has_grants(ctx);
}

static bool rules_grant(void *ctx, const char *chain, jz_date on, jz_fen *amount)
{
	return history_grant(ctx, chain, on, amount);
}

static bool rules_granted(void *ctx, const char *chain, jz_date on, jz_fen *amount,
			  char basis[FACT_BASIS])
{
	return history_granted(ctx, chain, on, amount, basis);
}

static bool rules_granted_elsewhere(void *ctx, const char *programme, const char *national_id,
				    const char *except, jz_date on)
{
	return history_granted_elsewhere(ctx, programme, national_id, except, on);
}

static long rules_paid(void *ctx, const char *chain, const char *basis, jz_date on)
{
	return history_paid(ctx, chain, basis, on);
}

struct history *history_for_rules(struct registry_history *hist)
{
	hist->rules = (struct history){.ctx = hist, .person = rules_person,
		.household = rules_household, .has_grants = rules_has_grants, .grant = rules_grant,
		.granted = rules_granted, .granted_elsewhere = rules_granted_elsewhere,
		.paid = rules_paid};
	return &hist->rules;
}

static void copy(const struct value *v, char *buf, size_t len)
{
	text_copy(buf, len, v->given && v->s ? v->s : "");
}

void person_from_values(const struct value *v, struct person *p, char household_id[128])
{
	memset(p, 0, sizeof *p);
	copy(&v[PERSON_NATIONAL_ID], p->id, sizeof p->id);
	copy(&v[PERSON_NAME], p->name, sizeof p->name);
	copy(&v[PERSON_HOUSEHOLD_ID], household_id, 128);
	copy(&v[PERSON_HOUSEHOLD_ID], p->household_id, sizeof p->household_id);
	copy(&v[PERSON_RELATION], p->relation, sizeof p->relation);
	copy(&v[PERSON_HUKOU_TYPE], p->hukou_type, sizeof p->hukou_type);
	copy(&v[PERSON_EMPLOYMENT], p->employment, sizeof p->employment);
	copy(&v[PERSON_INSURANCE], p->insurance, sizeof p->insurance);
	copy(&v[PERSON_DISABILITY], p->disability, sizeof p->disability);
	copy(&v[PERSON_ILLNESS], p->illness, sizeof p->illness);
	copy(&v[PERSON_STUDENT_LEVEL], p->student_level, sizeof p->student_level);
	copy(&v[PERSON_SELF_CARE], p->self_care, sizeof p->self_care);
	p->hukou_local = v[PERSON_HUKOU_LOCAL].i;
	p->disability_cert = v[PERSON_DISABILITY_CERT].i;
	p->cerebral_palsy = v[PERSON_CEREBRAL_PALSY].i;
	p->rehab_training = v[PERSON_REHAB_TRAINING].i;
	p->wubao = v[PERSON_WUBAO].i;
	p->hukou_pending = v[PERSON_HUKOU_PENDING].i;
	p->enterprise_hardship = v[PERSON_ENTERPRISE_HARDSHIP].i;
	p->one_child_hardship = v[PERSON_ONE_CHILD_HARDSHIP].i;
	p->troop = v[PERSON_TROOP].i;
	p->returned_overseas = v[PERSON_RETURNED_OVERSEAS].i;
	p->housing_need = v[PERSON_HOUSING_NEED].i;
	p->dilapidated_house = v[PERSON_DILAPIDATED_HOUSE].i;
	const struct value *able = &v[PERSON_ABLE_TO_WORK], *grade = &v[PERSON_DISABILITY_GRADE];
	p->able_to_work = able->given ? (int)able->i : -1;
	p->disability_grade = grade->given ? (int)grade->i : 0;
	p->income = v[PERSON_MONTHLY_INCOME].i;
	p->has_residence_since = v[PERSON_RESIDENCE_SINCE].given;
	p->residence_since = v[PERSON_RESIDENCE_SINCE].i;
	p->has_released_on = v[PERSON_RELEASED_ON].given;
	p->released_on = v[PERSON_RELEASED_ON].i;
	p->effective = v[PERSON_EFFECTIVE].i;
	p->birth = idn_birth(p->id);
	p->sex = idn_sex(p->id);
}
