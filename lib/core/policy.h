/*
 * Policy files (policy.md, jiuzhu-policy(5)): the numbers the rules use,
 * each a list of values dated by the day from which they hold.  A file is
 * validated whole (an unknown name or key, a bad date or value is an
 * error), and recorded as id@sha256 with every row a run writes.  Here a
 * file's bytes in memory, parsed and looked up; store/policy_store.h
 * reads them from --policy FILE or the database, and stores them.
 */
#ifndef JZ_POLICY_H
#define JZ_POLICY_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/sha256.h"

enum ptype {
	P_MONEY,    /* "330.00": fen */
	P_RATE,     /* "0.50": millionths */
	P_COUNT,    /* "12" */
	P_RANGE,    /* "16-59": lo, hi */
	P_MONTHDAY, /* "09-01": month * 100 + day */
	P_DATES,    /* ["2008-02-07", ...] */
};

struct param_def {
	const char *name;
	enum ptype type;
};

extern const struct param_def policy_params[];
extern const int policy_nparams;

struct pvalue {
	jz_date from;       /* holds from this day */
	bool null;          /* the parameter ends here */
	int64_t i, j;       /* the value (a range is i..j) */
	cJSON *dates;       /* P_DATES: the array */
	const char *text;   /* the value as written ("330.00") */
	const char *source; /* where it comes from */
	bool assumed;       /* no public source confirmed it */
};

struct policy {
	char *id;
	char sha256[SHA256_HEX];
	char ref[80];        /* "id@first 12 hex of sha256", as rows record it */
	char *bytes;         /* the file */
	size_t len;
	cJSON *root;
	struct pvalue **values; /* per policy_params[k]: values by date, latest first */
	int *nvalues;
	cJSON *institutions;    /* the "institutions" array, validated */
};

/* Parse and validate bytes (named name in messages).  Every problem is
 * reported; false when there was any. */
bool policy_parse(struct policy *p, const char *name, const char *bytes, size_t len);
void policy_free(struct policy *p);

/* The value of parameter name on date, or NULL when it has none then. */
const struct pvalue *policy_get(const struct policy *p, const char *name, jz_date on);

/* The same, for a run that cannot go on without it: none stops the run
 * (exit 69), naming the parameter, the date and the policy. */
const struct pvalue *policy_need(const struct policy *p, const char *name, jz_date on);

/* The default policy, built in from policies/chaoyang-2007.json. */
extern const char policy_default_name[];
extern const unsigned char policy_default_bytes[];
extern const size_t policy_default_len;

#endif
