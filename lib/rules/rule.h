/*
 * The rule layer: every programme of rules.md as a pure function of the
 * registry as of D, the applications and the policy as of D (core/facts.h,
 * core/policy.h).  A rule reads its parameters by name through rule_money()
 * and friends, which note each value and its effective date in the
 * decision's trace, and emits decisions; the rules that look back reach the
 * registry's history through the calls of struct history, filled by the
 * caller.  It does no I/O of its own.
 */
#ifndef JZ_RULE_H
#define JZ_RULE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/facts.h"
#include "core/money.h"
#include "core/policy.h"

struct decision {
	const char *programme;      /* rules.md code, e.g. "dibao" */
	const char *unit;           /* household, person or application */
	const char *household_id;
	const char *national_id;    /* NULL for a household decision */
	const char *application_id; /* NULL unless unit is application */
	bool eligible;
	jz_fen amount;              /* per period */
	const char *period;         /* month, year or once */
	const char *reason;         /* why not, or why this amount */
	const char *trace;          /* the rule, its parameters, the arithmetic */
	const char *occasion;       /* a one-off paid once per occasion: a festival's
				     * date, YYYY-MM-DD; NULL: none */
};

/* What several programmes need of a household (rules.md, Common
 * definitions), worked out once per household; or, for a unit of one
 * tested on their own (rule_own_facts), of that person alone. */
struct household_facts {
	const struct person *head;
	int n;                /* members, units of one left out (rule_unit_of_one) */
	jz_fen income;        /* I: their monthly incomes */
	jz_fen s;             /* S for the head's hukou type */
	bool below;           /* I < S.n with hukou here: the dibao means test */
	bool granted;         /* holds a household dibao grant in force on D */
	bool dibao;           /* a dibao household on D (see rule_facts) */
	bool edge;            /* hukou here, S.n <= I < edge multiplier . S.n,
			       * judged with AIDS members counted */
	bool aids_edge;       /* edge, with AIDS members: each is dibao (a) */
	bool wubao_member;    /* has a wubao person */
	bool hardship;        /* dibao, edge, or with a wubao member */
	jz_fen exit;          /* the gradual exit's amount, 0 none; -1: not
			       * looked for (rule_facts looks when it must) */
};

struct rule_ctx {
	const struct policy *pol;
	jz_date on;                 /* D */
	const char *missing;        /* a parameter with no value on D, once met */
	/* Where decisions go. */
	void (*emit)(const struct decision *d, void *sink);
	void *sink;
	struct household_facts facts; /* of the household being assessed */
	bool tracing;               /* build traces (--explain, --record) */
	struct history *history;    /* the registry's earlier versions, for the
				     * rules that look back; NULL: none */
	char trace[2048];           /* the trace of the decision being made */
	size_t tlen;
};

/* Start the trace of a decision with the rule's name. */
void rule_begin(struct rule_ctx *c, const char *rule);
/* Add to the trace. */
void rule_note(struct rule_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A parameter's value on D, noted in the trace as sym=value@from.  When it
 * has none, c->missing is set and 0 returned: the caller stops (exit 69). */
jz_fen rule_money(struct rule_ctx *c, const char *name, const char *sym);
jz_rate rule_rate(struct rule_ctx *c, const char *name, const char *sym);
long rule_count(struct rule_ctx *c, const char *name, const char *sym);
/* The working age of a person of sex 'm' or 'f': lo..hi. */
void rule_working_age(struct rule_ctx *c, char sex, int *lo, int *hi);

/* Work out c->facts for h (rules.md, Common definitions); the one place
 * that decides what a dibao household, an edge household and a unit of
 * one are.  A dibao household on D is one with a dibao grant in force on
 * D, looked up by h's household_id (also for persons given on assess's
 * input), or one that this same assessment finds eligible for household
 * dibao: below the standard with hukou here, or in its gradual exit.  So
 * a household found eligible on the 1st is a dibao household for that
 * month's other programmes, though grant(1) runs after assess. */
void rule_facts(struct rule_ctx *c, const struct household *h);

/* The means test alone (n, I, S, below, edge, the units of one), without
 * the history: for the amount a household had on an earlier day. */
void rule_means(struct rule_ctx *c, const struct household *h);

/* Is p, a member of the household whose facts c holds, a unit of one on
 * D: left out of n and I, in dibao on their own or in none (rules.md,
 * Common definitions)?  Which one, or UNIT_NONE (0): a wubao person
 * (dibao (b)); a released prisoner whose hukou is pending (dibao (c)),
 * whether or not his grant is in force; an AIDS patient of an edge
 * household (dibao (a)). */
enum unit_of_one { UNIT_NONE, UNIT_WUBAO, UNIT_RELEASED, UNIT_AIDS };
enum unit_of_one rule_unit_of_one(const struct rule_ctx *c, const struct person *p);

/* The facts of a unit of one p, a member of the household whose facts c
 * holds, for a test of hardship taken on their own (legal aid,
 * enforcement relief, temporary aid, home care): n = 1, I = own income,
 * S for their own hukou type; dibao when wubao or in a personal dibao on
 * D (rule_personal_dibao). */
void rule_own_facts(struct rule_ctx *c, const struct person *p, struct household_facts *own);

/* Is p, a member of the household whose facts c holds, in a personal
 * dibao on D (rules.md dibao (a), (b), (c)): one that this assessment
 * decides eligible?  A personal grant in force that it ends ends on D.
 * Worked out quietly: the trace being built is left as it was. */
bool rule_personal_dibao(struct rule_ctx *c, const struct person *p);

/* The amount h's dibao goes on at in its gradual exit on D, 0 when it is
 * in none (rules.md dibao, 渐退); noted in the trace. */
jz_fen rule_gradual_exit(struct rule_ctx *c, const struct household *h);

/* A decision's id: "as_of/programme/key", the key being the application,
 * national or household ID (data.md decision), and "/occasion" after it
 * when the decision has one (a festival: "2009-10-01/festival/ID/2009-10-03"). */
void rule_decision_id(char *buf, size_t len, const char *as_of, const struct decision *d);

/* The chain of grants of one unit and programme: "programme/unit/key",
 * where key is the application, national or household ID. */
void rule_chain(char *buf, size_t len, const char *programme, const char *unit, const char *key);

/* Is p of working age and able to work on D? */
bool rule_able_labourer(struct rule_ctx *c, const struct person *p);

/* Emit d with the current trace, unless a parameter was missing. */
void rule_emit(struct rule_ctx *c, struct decision *d);

/* Note the outcome ("-> 500.00" or "-> reason") and emit a decision of
 * programme for person p (NULL: for the household) of h. */
void rule_decide(struct rule_ctx *c, const char *programme, const struct household *h,
		 const struct person *p, bool eligible, jz_fen amount, const char *period,
		 const char *reason);

/* The same for an application. */
void rule_decide_application(struct rule_ctx *c, const char *programme,
			     const struct household *h, const struct person *p,
			     const char *application_id, bool eligible, jz_fen amount,
			     const char *period, const char *reason);

/* The programmes applied for (rules.md 1, 4, 5): decide apps[0..n), the
 * applications of h's members received by D, in the order received. */
void rule_applications(struct rule_ctx *c, const struct household *h,
		       const struct application *const *apps, int n);
extern const char *const rule_application_programmes[];

/* Decide the applications in set of h's members, in the order received
 * (rule_applications); *mine, of *cap, is a buffer kept between calls. */
void rule_applications_of(struct rule_ctx *c, const struct application_set *set,
			  const struct household *h, const struct application ***mine, int *cap);

/* Did p find work, and since when?  True when p is employed on D and was
 * not in an earlier version: *since is the day the employed versions
 * begin, *before the version in force the day before. */
bool rule_found_work(struct rule_ctx *c, const struct person *p, jz_date *since,
		     struct person *before);

/* The dibao amount household h had on day (0: none): the amount of its
 * grant then, or (no grants: see rule_facts) the rule's, worked out
 * quietly.  For gradual exit and the incentive. */
jz_fen rule_dibao_amount_on(struct rule_ctx *c, const struct household *h, jz_date day);

/* What a monthly grant of programme to unit (household or person) key is
 * due for the month that begins on c->on: the amount the rules decide on
 * the registry as c->history knows it, with the policy's values of that
 * day; 0 when not eligible, or when the unit is not in the registry then
 * (deceased, moved out).  c->missing is set when a parameter has no value:
 * the caller stops (exit 69).  c's emit, sink and tracing are kept. */
jz_fen rule_due(struct rule_ctx *c, const char *programme, const char *unit, const char *key);

/* The first day of D's month + months: the end of a run of monthly
 * payments that began in the month of since. */
jz_date rule_months_end(jz_date since, long months);

/* The working group (四) that leads a programme: basic_living, education,
 * medical, legal_aid or mutual_aid; NULL for an unknown code. */
const char *rule_group(const char *programme);

/* Age on D. */
int rule_age(const struct rule_ctx *c, const struct person *p);

/* The programmes whose rules exist, in the order assess runs them. */
struct programme {
	const char *code;
	void (*household)(struct rule_ctx *c, const struct household *h);
	const char *also[3]; /* the other programmes whose decisions it makes */
};
extern const struct programme rule_programmes[];
extern const int rule_nprogrammes;

/* The programmes, by group (rules.md 1-3). */
void rule_dibao(struct rule_ctx *c, const struct household *h);
void rule_zero_employment(struct rule_ctx *c, const struct household *h);
void rule_lowrent_housing(struct rule_ctx *c, const struct household *h);
void rule_rural_house_repair(struct rule_ctx *c, const struct household *h);
void rule_festival(struct rule_ctx *c, const struct household *h);
void rule_edu_hardship(struct rule_ctx *c, const struct household *h);
void rule_edu_vocational(struct rule_ctx *c, const struct household *h);
void rule_edu_disability(struct rule_ctx *c, const struct household *h);
void rule_medical(struct rule_ctx *c, const struct household *h);
void rule_premium_subsidy(struct rule_ctx *c, const struct household *h);
void rule_rehab_card(struct rule_ctx *c, const struct household *h);
void rule_after_work(struct rule_ctx *c, const struct household *h);

#endif
