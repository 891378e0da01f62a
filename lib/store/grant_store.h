/*
 * Grants and payments as stored (schemas/003-grant.sql): reading a grant's
 * newest version, writing a new one, and paying a payment once from the
 * account that pays its programme.  Shared by the decisions run and the
 * payroll run of grant(1).
 */
#ifndef JZ_GRANT_STORE_H
#define JZ_GRANT_STORE_H

#include <stdbool.h>

#include "core/date.h"
#include "core/idn.h"
#include "core/money.h"
#include "io/rec.h"
#include "store/db.h"
#include "store/ledger.h"

#define ACCOUNT_LEN 300 /* "street:" and a street's name */

struct grant {
	char grant_id[300];
	int version;             /* 0: not stored yet */
	char chain[240];         /* programme/unit/key */
	char decision_id[300];
	char programme[32], unit[12];
	char household_id[128], national_id[20], application_id[128];
	jz_date start, end;      /* [start, end); end 0: open */
	jz_date began;           /* start of the chain's unbroken run */
	jz_fen amount;
	char period[8];          /* month, year, once */
	char status[10];         /* active, ended, deferred */
	char account[ACCOUNT_LEN]; /* the account that paid it (or pays it) */
	char basis[104];         /* the decision's reason */
	char reason[104];        /* why this version */
	jz_date since;           /* as_of of the decision that wrote it */
	char policy[104];
};

/* The columns of a grant row, in the order grant_read() takes them. */
#define GRANT_COLUMNS "grant_id, version, chain, decision_id, programme, unit, household_id, " \
	"national_id, application_id, start, \"end\", began, amount, period, status, account, " \
	"basis, reason, since, policy"
/* A grant from a row of GRANT_COLUMNS. */
void grant_read(db_stmt *st, struct grant *g);

/* The unit's key in g's chain: household, national or application ID. */
const char *grant_unit_key(const struct grant *g);

/* How often a programme is paid: month, year or once; NULL: unknown. */
const char *grant_period(const char *programme);

/* Is unit (household, person, application) one the programme decides on? */
bool grant_unit_ok(const char *programme, const char *unit);

/* A time-limited kind of monthly grant (rules.md 1, Time-limited monthly
 * grants): it ends after its number of payments, not after a span of
 * dates.  grant(1)'s payroll counts them (grant/grant_int.h). */
struct grant_limit {
	const char *programme;
	const char *basis;    /* the decision's reason that started it; NULL: any */
	const char *param;    /* the policy parameter: how many payments */
	bool lifetime;        /* every payment of the chain of that basis, else the run's */
	const char *reason;   /* the reason of the version that ends it */
};
/* The limit of a grant of programme started for basis; NULL: none. */
const struct grant_limit *grant_limit_of(const char *programme, const char *basis);
/* Did chain's newest grant end with its payments all made? */
bool grant_chain_done(struct db *db, const char *chain);

struct grant_store {
	struct db *db;
	long long entry;
	struct ledger ledger;
	struct rec_writer *w;     /* each grant version written, or NULL */
	long long versions;       /* grant rows written */
	long long paid, deferred; /* payments made, and not made for want of money */
	long long payments;       /* payment rows written */
	jz_fen paid_fen;
	db_stmt *latest, *by_id, *insert, *is_paid, *is_deferred, *pay, *counted, *street;
	db_stmt *person, *head, *applicant; /* grant_payee */
};

extern const char *const grant_columns[];
extern const int grant_ncolumns;

void grant_store_open(struct grant_store *s, struct db *db, long long entry);
void grant_store_close(struct grant_store *s);

/* The chain's grant with the latest start, newest version; false: none. */
bool grant_chain_latest(struct grant_store *s, const char *chain, struct grant *g);
/* The newest version of grant_id; false: none. */
bool grant_load(struct grant_store *s, const char *grant_id, struct grant *g);
/* Store g as its next version, and print it. */
void grant_write(struct grant_store *s, struct grant *g);

/* Who is paid (lifecycle.md, The payroll pays someone). */
struct payee {
	char id[IDN_LEN + 1];
	char name[128];
	char bank_account[128];
};

/* The payee of g on day on: for a household grant the head of the
 * household then (or, lacking one, its first active member), for a
 * person's grant the person, for an application's the applicant.  NULL
 * when there is one, else why not: "deceased" or "moved_out" (the
 * person's version in force), "no_active_member" (a household), or
 * "not_enrolled". */
const char *grant_payee(struct grant_store *s, const struct grant *g, jz_date on, struct payee *p);

/* One row of the payment table, as grant_pay and grant_book write it
 * (schemas/005-lifecycle.sql). */
struct pay {
	const char *payment_id;
	const char *month;      /* YYYY-MM it is for, or corrects */
	const char *kind;       /* payment, arrears, overpayment, offset, refund, ... */
	const char *payroll;    /* the payroll's month (YYYY-MM), or NULL */
	const char *paid_on;    /* YYYY-MM-DD */
	const char *reason;     /* NULL, or a note */
	jz_fen amount;          /* as stored: see the migration for the signs */
	struct payee payee;
	char account[ACCOUNT_LEN]; /* grant_pay: the account(s) that paid */
};

enum pay_result { PAY_PAID, PAY_ALREADY, PAY_DEFERRED };

/* Pay p->amount of g as p->payment_id, once only, from the first of its
 * programme's accounts that can: temporary aid from the street of the
 * window, else the district, else split across both ("street:S+district":
 * the street all it holds, the district the rest); the major-disease
 * fund's premiums from the fund, topped up first from the donations with
 * what it lacks; the rest from the budget.  p->account gets the
 * account(s) that paid, or the first that was asked. */
enum pay_result grant_pay(struct grant_store *s, const struct grant *g, struct pay *p);

/* Book p (an overpayment, offset, refund, write-off or return: money that
 * is owed or comes back rather than goes out) as a paid row of g, and
 * move |p->amount| from one account to another.  False, and nothing
 * booked, when from is a fund account that holds too little. */
bool grant_book(struct grant_store *s, const struct grant *g, const struct pay *p,
		const char *from, const char *to);

/* Has payment_id been paid? */
bool grant_is_paid(struct grant_store *s, const char *payment_id);

/* The payments paid to chain: of its grants whose decision's reason was
 * basis (NULL: any), and whose run began on began (0: any); the month of
 * the last in last_month (YYYY-MM, "" for none) unless NULL.  What a
 * time-limited monthly grant counts (grant/grant_int.h). */
long grant_payments(struct grant_store *s, const char *chain, const char *basis, jz_date began,
		    char last_month[8]);

/* A row of the payroll's output: the payment's columns, its kind, what it
 * transfers to the payee (a payment or arrears its amount, an offset
 * minus what it keeps back, anything else nothing) and the payee; written
 * through write. */
extern const char *const payment_columns[];
extern const int payment_ncolumns;
void grant_payment_row(const struct grant *g, const struct pay *p, const char *status,
		       const char *reason, void (*write)(const char *const *row, void *ctx),
		       void *ctx);

#endif
