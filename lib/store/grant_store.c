/* Grants and payments as stored (see grant_store.h). */
#include "store/grant_store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/text.h"
#include "store/sql.h"

/* How often each programme that assess decides is paid, and for what
 * unit (rules.md). */
static const struct { const char *programme, *period, *units; } programmes[] = {
	{"dibao", "month", "household person"}, {"employment_insurance", "month", "person"},
	{"medical", "month", "person"},
	{"edu_hardship", "year", "person"}, {"edu_vocational", "year", "person"},
	{"edu_disability", "year", "person"}, {"premium_subsidy", "year", "person"},
	{"rehab_card", "year", "person"},
	{"zero_employment", "once", "household"}, {"employment_training", "once", "person"},
	{"employment_assistant", "once", "person"}, {"employment_incentive", "once", "person"},
	{"lowrent_housing", "once", "household"}, {"rural_house_repair", "once", "household"},
	{"festival", "once", "person"}, {"temporary", "once", "application"},
	{"employment_startup", "once", "application"},
	{"employment_retraining", "once", "application"}, {"legal_aid", "once", "application"},
	{"enforcement_relief", "once", "application"}, {"home_care", "once", "application"},
};

static int programme_index(const char *programme)
{
	for (size_t i = 0; i < sizeof programmes / sizeof programmes[0]; i++)
		if (strcmp(programmes[i].programme, programme) == 0)
			return (int)i;
	return -1;
}

const char *grant_unit_key(const struct grant *g)
{
	return strcmp(g->unit, "household") == 0 ? g->household_id
	       : strcmp(g->unit, "person") == 0 ? g->national_id : g->application_id;
}

const char *grant_period(const char *programme)
{
	int i = programme_index(programme);
	return i < 0 ? NULL : programmes[i].period;
}

/* The time-limited kinds (rules.md 1).  A gradual exit is not here: it
 * runs for dibao.gradual_exit_months from the month of the change, a
 * month paid as ordinary dibao before the change was known, and assess
 * decides it by the same months; its grant gets its end when the exit
 * begins (grant/grant_decide.c). */
static const struct grant_limit limits[] = {
	/* dibao (c): "给予一年", counted from the first paid. */
	{"dibao", "released_prisoner", "dibao.released_months", true, "lifetime_limit"},
	/* zero_employment: the subsidy for so many payments of the work found. */
	{"employment_insurance", NULL, "employment.insurance_subsidy_months", false,
	 "subsidy_period_over"},
};

const struct grant_limit *grant_limit_of(const char *programme, const char *basis)
{
	for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++)
		if (strcmp(programme, limits[i].programme) == 0 &&
		    (!limits[i].basis || strcmp(basis, limits[i].basis) == 0))
			return &limits[i];
	return NULL;
}

bool grant_chain_done(struct db *db, const char *chain)
{
	db_stmt *st = db_prepare(db, "SELECT programme, basis, status, reason FROM \"grant\" "
				 "WHERE chain = ?1 ORDER BY start DESC, version DESC LIMIT 1");
	bool done = false;

	db_bind_text(st, 1, chain);
	if (db_step(db, st) == SQLITE_ROW) {
		const struct grant_limit *l = grant_limit_of(db_text(st, 0), db_text(st, 1));
		done = l && strcmp(db_text(st, 2), "ended") == 0 &&
		       strcmp(db_text(st, 3), l->reason) == 0;
	}
	db_finalize(st);
	return done;
}

bool grant_unit_ok(const char *programme, const char *unit)
{
	int i = programme_index(programme);
	if (i < 0)
		return false;
	size_t n = strlen(unit);
	for (const char *u = programmes[i].units; (u = strstr(u, unit)); u += n)
		if ((u == programmes[i].units || u[-1] == ' ') && (u[n] == ' ' || !u[n]))
			return true;
	return false;
}

const char *const grant_columns[] = {
	"grant_id", "decision_id", "programme", "household_id", "national_id", "start", "end",
	"amount", "period", "status", "account", "reason",
};
const int grant_ncolumns = sizeof grant_columns / sizeof grant_columns[0];

const char *const payment_columns[] = {
	"payment_id", "grant_id", "programme", "household_id", "national_id", "month", "amount",
	"account", "status", "reason", "paid_on", "kind", "transfer", "payee_id", "payee_name",
	"bank_account",
};
const int payment_ncolumns = sizeof payment_columns / sizeof payment_columns[0];

void grant_store_open(struct grant_store *s, struct db *db, long long entry)
{
	memset(s, 0, sizeof *s);
	s->db = db;
	s->entry = entry;
	ledger_open(&s->ledger, db, entry);
	s->latest = db_prepare(db, "SELECT " GRANT_COLUMNS " FROM \"grant\" WHERE chain = ?1 "
			       "ORDER BY start DESC, version DESC LIMIT 1");
	s->by_id = db_prepare(db, "SELECT " GRANT_COLUMNS " FROM \"grant\" WHERE grant_id = ?1 "
			      "ORDER BY version DESC LIMIT 1");
	s->insert = db_prepare(db, "INSERT INTO \"grant\" (" GRANT_COLUMNS ", entry) VALUES (?1, ?2, "
			       "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
			       "?18, ?19, ?20, ?21)");
	s->is_paid = db_prepare(db, "SELECT 1 FROM payment WHERE payment_id = ?1 AND status = 'paid'");
	s->is_deferred = db_prepare(db, "SELECT 1 FROM payment WHERE payment_id = ?1 "
				    "AND status = 'deferred'");
	s->pay = db_prepare(db, "INSERT INTO payment (payment_id, grant_id, month, amount, account, "
			    "status, reason, paid_on, entry, kind, payroll, payee_id, payee_name, "
			    "bank_account) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
			    "?13, ?14)");
	/* The version in force, whatever its status: a payee who is no
	 * longer active is told apart from one never enrolled. */
	s->person = db_prepare(db, "SELECT national_id, name, bank_account, status FROM person "
			       "WHERE national_id = ?1 AND effective <= ?2 " SQL_NEWEST_FIRST);
	s->head = db_prepare(db, "SELECT v.national_id, v.name, v.bank_account FROM person v WHERE "
			     "v.household_id = ?1 AND v.effective <= ?2 AND "
			     SQL_PERSON_IN_FORCE("v", "?2") " AND v.status = 'active' "
			     "ORDER BY v.relation <> 'head', v.national_id LIMIT 1");
	s->applicant = db_prepare(db, "SELECT national_id FROM application WHERE application_id = ?1");
	s->counted = db_prepare(db, "SELECT count(*), max(p.month) " SQL_CHAIN_PAYMENTS
				" AND (?2 IS NULL OR g.basis = ?2) AND (?3 IS NULL OR g.began = ?3)");
	s->street = db_prepare(db, "SELECT street FROM application WHERE application_id = ?1");
}

void grant_store_close(struct grant_store *s)
{
	sqlite3_stmt **all[] = {&s->latest, &s->by_id, &s->insert, &s->is_paid, &s->is_deferred,
				&s->pay, &s->counted, &s->street, &s->person, &s->head,
				&s->applicant};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		sqlite3_finalize(*all[i]);
		*all[i] = NULL;
	}
	ledger_close(&s->ledger);
}

static void text(sqlite3_stmt *st, int col, char *buf, size_t len)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	text_copy(buf, len, t ? t : "");
}

static jz_date date_col(sqlite3_stmt *st, int col)
{
	jz_date d = 0;
	char err[80];
	const char *t = (const char *)sqlite3_column_text(st, col);
	if (t && !date_parse(t, &d, err, sizeof err))
		diag_fatal(JZ_SOFTWARE, "grant table: bad date %s", t);
	return d;
}

void grant_read(sqlite3_stmt *st, struct grant *g)
{
	memset(g, 0, sizeof *g);
	text(st, 0, g->grant_id, sizeof g->grant_id);
	g->version = sqlite3_column_int(st, 1);
	text(st, 2, g->chain, sizeof g->chain);
	text(st, 3, g->decision_id, sizeof g->decision_id);
	text(st, 4, g->programme, sizeof g->programme);
	text(st, 5, g->unit, sizeof g->unit);
	text(st, 6, g->household_id, sizeof g->household_id);
	text(st, 7, g->national_id, sizeof g->national_id);
	text(st, 8, g->application_id, sizeof g->application_id);
	g->start = date_col(st, 9);
	g->end = date_col(st, 10);
	g->began = date_col(st, 11);
	g->amount = sqlite3_column_int64(st, 12);
	text(st, 13, g->period, sizeof g->period);
	text(st, 14, g->status, sizeof g->status);
	text(st, 15, g->account, sizeof g->account);
	text(st, 16, g->basis, sizeof g->basis);
	text(st, 17, g->reason, sizeof g->reason);
	g->since = date_col(st, 18);
	text(st, 19, g->policy, sizeof g->policy);
}

static bool load(struct grant_store *s, sqlite3_stmt *st, const char *key, struct grant *g)
{
	db_bind_text(st, 1, key);
	bool found = db_step(s->db, st) == SQLITE_ROW;
	if (found)
		grant_read(st, g);
	sqlite3_reset(st);
	return found;
}

bool grant_chain_latest(struct grant_store *s, const char *chain, struct grant *g)
{
	return load(s, s->latest, chain, g);
}

bool grant_load(struct grant_store *s, const char *grant_id, struct grant *g)
{
	return load(s, s->by_id, grant_id, g);
}

static const char *empty_null(const char *t)
{
	return *t ? t : NULL;
}

void grant_write(struct grant_store *s, struct grant *g)
{
	struct grant stored;
	char start[DATE_TEXT], end[DATE_TEXT], began[DATE_TEXT], since[DATE_TEXT];
	char amount[MONEY_TEXT];

	g->version = grant_load(s, g->grant_id, &stored) ? stored.version + 1 : 1;
	date_format(g->start, start);
	date_format(g->end, end);
	date_format(g->began, began);
	date_format(g->since, since);
	const char *text[] = {
		g->grant_id, NULL, g->chain, g->decision_id, g->programme, g->unit,
		empty_null(g->household_id), empty_null(g->national_id),
		empty_null(g->application_id), start, g->end ? end : NULL, began, NULL, g->period,
		g->status, empty_null(g->account), g->basis, g->reason, since, g->policy,
	};
	for (int i = 0; i < 20; i++)
		db_bind_text(s->insert, i + 1, text[i]);
	sqlite3_bind_int(s->insert, 2, g->version);
	sqlite3_bind_int64(s->insert, 13, g->amount);
	sqlite3_bind_int64(s->insert, 21, s->entry);
	db_step(s->db, s->insert);
	s->versions++;
	if (s->w) {
		money_format(g->amount, amount);
		const char *row[] = {
			g->grant_id, g->decision_id, g->programme, g->household_id, g->national_id,
			start, g->end ? end : "", amount, g->period, g->status, g->account, g->reason,
		};
		rec_write(s->w, row);
	}
}

/* The accounts that pay g, in the order they are asked (rules.md 1, 3, 5):
 * temporary aid from the street of the window, then the district (and
 * split across both when neither alone can pay); the major-disease fund's
 * premiums from the fund, topped up from the donations; everything else,
 * home care too (a government subsidy), from the budget. */
static int payers(struct grant_store *s, const struct grant *g, char acc[2][ACCOUNT_LEN])
{
	if (strcmp(g->programme, "temporary") == 0) {
		db_bind_text(s->street, 1, g->application_id);
		if (db_step(s->db, s->street) != SQLITE_ROW)
			diag_fatal(JZ_DATAERR, "application %s is not enrolled", g->application_id);
		snprintf(acc[0], ACCOUNT_LEN, "street:%s", (const char *)sqlite3_column_text(s->street, 0));
		sqlite3_reset(s->street);
		snprintf(acc[1], ACCOUNT_LEN, "district");
		return 2;
	}
	if (strcmp(g->programme, "premium_subsidy") == 0 &&
	    strcmp(g->basis, "edge_major_disease_fund") == 0) {
		snprintf(acc[0], ACCOUNT_LEN, "major_disease");
		snprintf(acc[1], ACCOUNT_LEN, "donations");
		return 2;
	}
	snprintf(acc[0], ACCOUNT_LEN, "budget");
	return 1;
}

static bool exists(struct grant_store *s, sqlite3_stmt *st, const char *key)
{
	db_bind_text(st, 1, key);
	bool found = db_step(s->db, st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

static void insert_payment(struct grant_store *s, const struct grant *g, const struct pay *p,
			   const char *account, const char *status, const char *reason)
{
	const char *text[] = {p->payment_id, g->grant_id, p->month, NULL, account, status, reason,
			      p->paid_on, NULL, p->kind, p->payroll, empty_null(p->payee.id),
			      empty_null(p->payee.name), empty_null(p->payee.bank_account)};
	for (int i = 0; i < 14; i++)
		db_bind_text(s->pay, i + 1, text[i]);
	sqlite3_bind_int64(s->pay, 4, p->amount);
	sqlite3_bind_int64(s->pay, 9, s->entry);
	db_step(s->db, s->pay);
	s->payments++;
}

static enum pay_result paid(struct grant_store *s, const struct grant *g, const struct pay *p)
{
	insert_payment(s, g, p, p->account, "paid", NULL);
	s->paid++;
	s->paid_fen += p->amount;
	return PAY_PAID;
}

enum pay_result grant_pay(struct grant_store *s, const struct grant *g, struct pay *p)
{
	char acc[2][ACCOUNT_LEN], out[64], ref[400];
	int n = payers(s, g, acc);
	jz_fen amount = p->amount;
	const char *paid_on = p->paid_on;

	snprintf(p->account, ACCOUNT_LEN, "%.299s", acc[0]);
	if (exists(s, s->is_paid, p->payment_id))
		return PAY_ALREADY;
	snprintf(out, sizeof out, "paid:%s", g->programme);
	snprintf(ref, sizeof ref, "payment:%s", p->payment_id);
	jz_fen first = ledger_balance(&s->ledger, acc[0]);
	jz_fen second = n == 2 ? ledger_balance(&s->ledger, acc[1]) : 0;
	if (strcmp(acc[0], "major_disease") == 0) {
		/* The donations flow into the fund and the fund pays (rules.md 3,
		 * 三(三)8): what the fund lacks is booked from the donations into
		 * the fund first, so that the fund's spending is all it paid. */
		if (first < amount && first + second >= amount)
			ledger_move(&s->ledger, acc[1], acc[0], amount - first, paid_on, ref);
		n = 1;
	}
	for (int i = 0; i < n; i++) {
		if (ledger_move(&s->ledger, acc[i], out, amount, paid_on, ref)) {
			snprintf(p->account, ACCOUNT_LEN, "%.299s", acc[i]);
			return paid(s, g, p);
		}
	}
	/* Temporary aid (rules.md 1, 六(一) two levels): when neither the
	 * street nor the district alone holds enough but both together do, the
	 * street pays all it holds and the district the rest, two bookings of
	 * one payment. */
	if (n == 2 && first > 0 && second > 0 && first + second >= amount) {
		ledger_move(&s->ledger, acc[0], out, first, paid_on, ref);
		ledger_move(&s->ledger, acc[1], out, amount - first, paid_on, ref);
		snprintf(p->account, ACCOUNT_LEN, "%.149s+%.149s", acc[0], acc[1]);
		return paid(s, g, p);
	}
	if (!exists(s, s->is_deferred, p->payment_id))
		insert_payment(s, g, p, acc[0], "deferred", "insufficient_funds");
	s->deferred++;
	return PAY_DEFERRED;
}

bool grant_book(struct grant_store *s, const struct grant *g, const struct pay *p,
		const char *from, const char *to)
{
	char ref[400];

	snprintf(ref, sizeof ref, "payment:%s", p->payment_id);
	if (!ledger_move(&s->ledger, from, to, p->amount < 0 ? -p->amount : p->amount, p->paid_on,
			 ref))
		return false;
	insert_payment(s, g, p, p->account[0] ? p->account : NULL, "paid", p->reason);
	return true;
}

/* The person's version in force on date into p; NULL when active. */
static const char *person_payee(struct grant_store *s, const char *id, const char *date,
				struct payee *p)
{
	const char *gone = "not_enrolled";

	db_bind_text(s->person, 1, id);
	db_bind_text(s->person, 2, date);
	if (db_step(s->db, s->person) == SQLITE_ROW) {
		text(s->person, 0, p->id, sizeof p->id);
		text(s->person, 1, p->name, sizeof p->name);
		text(s->person, 2, p->bank_account, sizeof p->bank_account);
		const char *status = (const char *)sqlite3_column_text(s->person, 3);
		gone = strcmp(status, "deceased") == 0 ? "deceased"
		       : strcmp(status, "moved_out") == 0 ? "moved_out" : NULL;
	}
	sqlite3_reset(s->person);
	return gone;
}

const char *grant_payee(struct grant_store *s, const struct grant *g, jz_date on, struct payee *p)
{
	char date[DATE_TEXT], applicant[IDN_LEN + 1] = "";
	const char *gone = "no_active_member";

	memset(p, 0, sizeof *p);
	date_format(on, date);
	if (strcmp(g->unit, "household") == 0) {
		db_bind_text(s->head, 1, g->household_id);
		db_bind_text(s->head, 2, date);
		if (db_step(s->db, s->head) == SQLITE_ROW) {
			text(s->head, 0, p->id, sizeof p->id);
			text(s->head, 1, p->name, sizeof p->name);
			text(s->head, 2, p->bank_account, sizeof p->bank_account);
			gone = NULL;
		}
		sqlite3_reset(s->head);
		return gone;
	}
	if (strcmp(g->unit, "person") == 0)
		return person_payee(s, g->national_id, date, p);
	db_bind_text(s->applicant, 1, g->application_id);
	if (db_step(s->db, s->applicant) == SQLITE_ROW)
		text(s->applicant, 0, applicant, sizeof applicant);
	sqlite3_reset(s->applicant);
	return person_payee(s, applicant, date, p);
}

void grant_payment_row(const struct grant *g, const struct pay *p, const char *status,
		       const char *reason, void (*write)(const char *const *row, void *ctx),
		       void *ctx)
{
	char amount[MONEY_TEXT], transfer[MONEY_TEXT];
	bool paid_out = strcmp(status, "paid") == 0;
	jz_fen moved = !paid_out ? 0
		       : strcmp(p->kind, "payment") == 0 || strcmp(p->kind, "arrears") == 0 ? p->amount
		       : strcmp(p->kind, "offset") == 0 ? -p->amount : 0;

	money_format(p->amount, amount);
	money_format(moved, transfer);
	const char *row[] = {
		p->payment_id, g->grant_id, g->programme, g->household_id, g->national_id, p->month,
		amount, p->account, status, reason ? reason : "", p->paid_on, p->kind, transfer,
		p->payee.id, p->payee.name, p->payee.bank_account,
	};
	write(row, ctx);
}

bool grant_is_paid(struct grant_store *s, const char *payment_id)
{
	return exists(s, s->is_paid, payment_id);
}

long grant_payments(struct grant_store *s, const char *chain, const char *basis, jz_date began,
		    char last_month[8])
{
	char day[DATE_TEXT];

	date_format(began, day);
	db_bind_text(s->counted, 1, chain);
	db_bind_text(s->counted, 2, basis);
	db_bind_text(s->counted, 3, began ? day : NULL);
	db_step(s->db, s->counted);
	long n = sqlite3_column_int(s->counted, 0);
	const char *last = (const char *)sqlite3_column_text(s->counted, 1);
	if (last_month)
		snprintf(last_month, 8, "%.7s", last ? last : "");
	sqlite3_reset(s->counted);
	return n;
}
