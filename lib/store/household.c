/* Households as of a date, read from the person versions (see household.h). */
#include "store/household.h"

#include <sqlite3.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/field.h"
#include "io/kind.h"
#include "core/exitcode.h"
#include "core/text.h"

/* Each person's version in force on ?1: the latest effective <= ?1, and of
 * those the latest entry. */
#define COLUMNS \
	"national_id, name, household_id, relation, street, hukou_type, hukou_local, " \
	"residence_since, employment, able_to_work, monthly_income, insurance, disability, " \
	"disability_grade, disability_cert, illness, cerebral_palsy, rehab_training, " \
	"student_level, wubao, released_on, hukou_pending, enterprise_hardship, " \
	"one_child_hardship, troop, returned_overseas, self_care, housing_need, " \
	"dilapidated_house, effective "

static const char in_force_sql[] =
	"SELECT " COLUMNS "FROM person p WHERE p.effective <= ?1 AND p.entry <= ?2 AND p.rowid = "
	"(SELECT q.rowid FROM person q WHERE q.national_id = p.national_id AND q.effective <= ?1 "
	"AND q.entry <= ?2 "
	"ORDER BY q.effective DESC, q.entry DESC LIMIT 1) "
	"ORDER BY p.household_id, p.national_id";

static void text(sqlite3_stmt *st, int col, char *buf, size_t len)
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

static void read_person(sqlite3_stmt *st, struct person *p)
{
	memset(p, 0, sizeof *p);
	text(st, 0, p->id, sizeof p->id);
	text(st, 1, p->name, sizeof p->name);
	text(st, 3, p->relation, sizeof p->relation);
	text(st, 5, p->hukou_type, sizeof p->hukou_type);
	p->hukou_local = sqlite3_column_int(st, 6);
	p->residence_since = date_col(st, 7, &p->has_residence_since);
	text(st, 8, p->employment, sizeof p->employment);
	p->able_to_work = sqlite3_column_type(st, 9) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 9);
	p->income = sqlite3_column_int64(st, 10);
	text(st, 11, p->insurance, sizeof p->insurance);
	text(st, 12, p->disability, sizeof p->disability);
	p->disability_grade = sqlite3_column_int(st, 13);
	p->disability_cert = sqlite3_column_int(st, 14);
	text(st, 15, p->illness, sizeof p->illness);
	p->cerebral_palsy = sqlite3_column_int(st, 16);
	p->rehab_training = sqlite3_column_int(st, 17);
	text(st, 18, p->student_level, sizeof p->student_level);
	p->wubao = sqlite3_column_int(st, 19);
	p->released_on = date_col(st, 20, &p->has_released_on);
	p->hukou_pending = sqlite3_column_int(st, 21);
	p->enterprise_hardship = sqlite3_column_int(st, 22);
	p->one_child_hardship = sqlite3_column_int(st, 23);
	p->troop = sqlite3_column_int(st, 24);
	p->returned_overseas = sqlite3_column_int(st, 25);
	text(st, 26, p->self_care, sizeof p->self_care);
	p->housing_need = sqlite3_column_int(st, 27);
	p->dilapidated_house = sqlite3_column_int(st, 28);
	bool given;
	p->effective = date_col(st, 29, &given);
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
		hist->person = db_prepare(hist->db, "SELECT " COLUMNS "FROM person WHERE national_id = ?1 "
					  "AND effective <= ?2 AND entry <= ?3 "
					  "ORDER BY effective DESC, entry DESC LIMIT 1");
	sqlite3_stmt *st = hist->person;
	char date[DATE_TEXT];

	date_format(on, date);
	db_bind_text(st, 1, national_id);
	db_bind_text(st, 2, date);
	sqlite3_bind_int64(st, 3, until(hist));
	bool found = db_step(hist->db, st) == SQLITE_ROW;
	if (found)
		read_person(st, p);
	sqlite3_reset(st);
	return found;
}

bool household_load(struct registry_history *hist, const char *household_id, jz_date on,
		    struct household *h)
{
	if (!hist->household)
		hist->household = db_prepare(hist->db, "SELECT " COLUMNS "FROM person v WHERE "
			"v.household_id = ?1 AND v.entry <= ?3 AND v.rowid = (SELECT w.rowid FROM person w "
			"WHERE w.national_id = v.national_id AND w.effective <= ?2 AND w.entry <= ?3 "
			"ORDER BY w.effective DESC, w.entry DESC LIMIT 1) ORDER BY v.national_id");
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
			text(st, 4, h->street, sizeof h->street);
		read_person(st, &h->member[h->n++]);
	}
	return h->n > 0;
}

void history_free(struct registry_history *hist)
{
	sqlite3_finalize(hist->person);
	sqlite3_finalize(hist->household);
	sqlite3_finalize(hist->grant);
	hist->person = hist->household = hist->grant = NULL;
	hist->grants_known = false;
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
		hist->grant = db_prepare(hist->db, "SELECT amount, status, \"end\" FROM \"grant\" "
					 "WHERE chain = ?1 AND start <= ?2 AND entry <= ?3 "
					 "ORDER BY start DESC, version DESC LIMIT 1");
	return hist->grants;
}

bool history_grant(struct registry_history *hist, const char *chain, jz_date on,
		   jz_fen *amount)
{
	char date[DATE_TEXT];
	bool in_force = false;

	if (!history_has_grants(hist))
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

struct history *history_for_rules(struct registry_history *hist)
{
	hist->rules = (struct history){.ctx = hist, .person = rules_person,
		.household = rules_household, .has_grants = rules_has_grants, .grant = rules_grant};
	return &hist->rules;
}

void household_each(struct db *db, jz_date on, household_fn fn, void *ctx)
{
	household_each_until(db, on, 0, fn, ctx);
}

void household_each_until(struct db *db, jz_date on, long long max_entry, household_fn fn,
			  void *ctx)
{
	sqlite3_stmt *st = db_prepare(db, in_force_sql);
	struct household h = {0};
	int cap = 0;
	char date[DATE_TEXT], id[128];

	date_format(on, date);
	db_bind_text(st, 1, date);
	sqlite3_bind_int64(st, 2, max_entry ? max_entry : LLONG_MAX);
	while (db_step(db, st) == SQLITE_ROW) {
		text(st, 2, id, sizeof id);
		if (h.n && strcmp(id, h.id) != 0) {
			fn(&h, ctx);
			h.n = 0;
		}
		if (h.n == 0) {
			memcpy(h.id, id, sizeof id);
			text(st, 4, h.street, sizeof h.street);
		}
		if (h.n == cap) {
			cap = cap ? 2 * cap : 8;
			if (!(h.member = realloc(h.member, cap * sizeof *h.member)))
				diag_fatal(JZ_SOFTWARE, "out of memory");
		}
		read_person(st, &h.member[h.n++]);
	}
	if (h.n)
		fn(&h, ctx);
	sqlite3_finalize(st);
	free(h.member);
}

static void copy(const struct value *v, char *buf, size_t len)
{
	text_copy(buf, len, v->given && v->s ? v->s : "");
}

void person_from_values(const struct value *v, struct person *p, char household_id[128])
{
	const struct kind *k = &kind_person;
#define V(name) (&v[kind_column(k, name)])
	memset(p, 0, sizeof *p);
	copy(V("national_id"), p->id, sizeof p->id);
	copy(V("name"), p->name, sizeof p->name);
	copy(V("household_id"), household_id, 128);
	copy(V("relation"), p->relation, sizeof p->relation);
	copy(V("hukou_type"), p->hukou_type, sizeof p->hukou_type);
	copy(V("employment"), p->employment, sizeof p->employment);
	copy(V("insurance"), p->insurance, sizeof p->insurance);
	copy(V("disability"), p->disability, sizeof p->disability);
	copy(V("illness"), p->illness, sizeof p->illness);
	copy(V("student_level"), p->student_level, sizeof p->student_level);
	copy(V("self_care"), p->self_care, sizeof p->self_care);
	p->hukou_local = V("hukou_local")->i;
	p->disability_cert = V("disability_cert")->i;
	p->cerebral_palsy = V("cerebral_palsy")->i;
	p->rehab_training = V("rehab_training")->i;
	p->wubao = V("wubao")->i;
	p->hukou_pending = V("hukou_pending")->i;
	p->enterprise_hardship = V("enterprise_hardship")->i;
	p->one_child_hardship = V("one_child_hardship")->i;
	p->troop = V("troop")->i;
	p->returned_overseas = V("returned_overseas")->i;
	p->housing_need = V("housing_need")->i;
	p->dilapidated_house = V("dilapidated_house")->i;
	p->able_to_work = V("able_to_work")->given ? (int)V("able_to_work")->i : -1;
	p->disability_grade = V("disability_grade")->given ? (int)V("disability_grade")->i : 0;
	p->income = V("monthly_income")->i;
	p->has_residence_since = V("residence_since")->given;
	p->residence_since = V("residence_since")->i;
	p->has_released_on = V("released_on")->given;
	p->released_on = V("released_on")->i;
	p->effective = V("effective")->i;
	p->birth = idn_birth(p->id);
	p->sex = idn_sex(p->id);
#undef V
}
