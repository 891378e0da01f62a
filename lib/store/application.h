/*
 * Applications received at the windows (data.md application), as of a
 * date, looked up by applicant.
 */
#ifndef JZ_APPLICATION_H
#define JZ_APPLICATION_H

#include <stdbool.h>

#include "core/date.h"
#include "core/field.h"
#include "store/db.h"
#include "core/idn.h"
#include "core/money.h"

struct application {
	char id[FIELD_SHORT_MAX + 1];
	char national_id[IDN_LEN + 1];
	char programme[24];
	jz_date received_on;
	char reason[16];        /* temporary */
	char case_type[20];     /* legal_aid */
	bool respondent_unable; /* enforcement_relief */
	jz_fen requested;       /* temporary, home_care, employment_retraining */
};

struct application_set {
	struct application *a; /* by national_id, received_on, id */
	int n;
};

/* Every application received on or before on (enrolled by journal entry
 * max_entry; 0: now). */
void application_load(struct db *db, jz_date on, struct application_set *set);
void application_load_until(struct db *db, jz_date on, long long max_entry,
			    struct application_set *set);
void application_free(struct application_set *set);

/* The applications of one applicant: *first and the count. */
int application_find(const struct application_set *set, const char *national_id,
		     const struct application **first);

/* Decide the applications in set of h's members, in the order received
 * (rule_applications); *mine, of *cap, is a buffer kept between calls. */
struct rule_ctx;
struct household;
void application_decide(struct rule_ctx *c, const struct application_set *set,
			const struct household *h, const struct application ***mine, int *cap);

#endif
