/* grant(1)'s correcting inputs (see kind_grant.h). */
#include "io/kind_grant.h"

#include <string.h>

#define KIND_FIELD(index, name, type, flags, codes, deflt) {name, type, flags, codes, deflt},

static const char *const recovery_units[] = {"household", "person", "application", NULL};
static const char *const recovery_actions[] = {"refund", "write_off", NULL};

static const struct field recovery_fields[] = {RECOVERY_COLUMNS(KIND_FIELD)};
static const struct field return_fields[] = {RETURN_COLUMNS(KIND_FIELD)};

static void check_recovery(struct kind_env *env, struct value *v, struct problems *p)
{
	(void)env;
	if (v[RECOVERY_AMOUNT].i <= 0)
		problem(p, "amount", "must be more than 0.00");
	/* Giving up public money is a decision someone must explain. */
	if (strcmp(v[RECOVERY_ACTION].s, "write_off") == 0 && !v[RECOVERY_NOTE].given)
		problem(p, "note", "a write_off needs a note saying why the money is given up");
}

static void check_return(struct kind_env *env, struct value *v, struct problems *p)
{
	(void)env;
	(void)v;
	(void)p;
}

const struct kind kind_recovery = {"recovery", recovery_fields, RECOVERY_NCOLUMNS, false, true,
				   check_recovery};
const struct kind kind_return = {"return", return_fields, RETURN_NCOLUMNS, false, true,
				 check_return};
