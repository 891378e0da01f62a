/*
 * grant: decisions become grants; a payroll month pays the monthly grants;
 * funding books money into the accounts.  See grant(1).
 */
#include <argp.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "grant/grant.h"
#include "io/opts.h"

const char *argp_program_version = "grant (jiuzhu) " JZ_VERSION;

enum { OPT_PERIOD = 2000, OPT_KIND, OPT_RECORDED };

static const struct argp_option options[] = {
	{"period", OPT_PERIOD, "YYYY-MM", 0, "pay that month (after granting the input's decisions, if any)", 0},
	{"kind", OPT_KIND, "KIND", 0, "input: decision (default), funding, recovery or return", 0},
	{"recorded", OPT_RECORDED, 0, 0, "the decisions assess --record stored for --as-of", 0},
	{0}
};

struct args {
	struct jz_opts common;
	struct grant_opts grant;
};

/* Money is never paid ahead (lifecycle.md): --period may not be after
 * the month of today (JIUZHU_TODAY, for tests and late runs). */
static void not_ahead(struct argp_state *state, jz_date period)
{
	char today[DATE_TEXT], month[DATE_TEXT];
	int y, m, d;
	jz_date first;

	date_format(date_today(), today);
	date_to_ymd(date_today(), &y, &m, &d);
	date_from_ymd(y, m, 1, &first);
	if (period <= first)
		return;
	date_format(period, month);
	argp_error(state, "--period %.7s is after this month: money is never paid ahead (today is "
		   "%s; JIUZHU_TODAY sets another day)", month, today);
}

static error_t parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;
	char err[80];

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = &a->common;
		break;
	case OPT_PERIOD:
		if (!date_parse_month(arg, &a->grant.period, err, sizeof err))
			argp_error(state, "--period %s: %s; expected YYYY-MM, as in 2007-10", arg, err);
		break;
	case OPT_KIND:
		a->grant.kind_given = true;
		if (strcmp(arg, "decision") == 0)
			a->grant.kind = GRANT_DECISIONS;
		else if (strcmp(arg, "funding") == 0)
			a->grant.kind = GRANT_FUNDING;
		else if (strcmp(arg, "recovery") == 0)
			a->grant.kind = GRANT_RECOVERY;
		else if (strcmp(arg, "return") == 0)
			a->grant.kind = GRANT_RETURN;
		else
			argp_error(state, "--kind %s: expected decision, funding, recovery or return",
				   arg);
		break;
	case OPT_RECORDED:
		a->grant.recorded = true;
		break;
	case ARGP_KEY_ARGS:
		a->grant.files = state->argv + state->next;
		a->grant.nfiles = state->argc - state->next;
		break;
	case ARGP_KEY_END:
		if (a->grant.period && a->grant.kind != GRANT_DECISIONS)
			argp_error(state, "--period pays grants; --kind %s: one or the other",
				   a->grant.kind == GRANT_FUNDING ? "funding books money in"
				   : a->grant.kind == GRANT_RECOVERY ? "recovery books refunds and "
				   "write-offs" : "return books payments the bank sent back");
		if (a->grant.period)
			not_ahead(state, a->grant.period);
		if (a->grant.recorded && (a->grant.nfiles || a->grant.kind == GRANT_FUNDING))
			argp_error(state, "--recorded reads the database: give no FILE and no --kind");
		if (a->grant.recorded && !a->common.as_of_given)
			argp_error(state, "--recorded needs --as-of: the date the decisions were made for");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, "[FILE...]",
	"Turn decisions (FILEs, - for stdin) into grants and pay them; --period YYYY-MM pays "
	"a month of the monthly grants; --kind funding books money into the accounts.\v"
	"Each run is one transaction; a month paid twice pays nothing twice. See grant(1).",
	jz_input_children, 0, 0
};

int main(int argc, char **argv)
{
	struct args a = {0};

	diag_progname = "grant";
	jz_opts_init(&a.common, argc, argv);
	argp_parse(&argp, argc, argv, 0, 0, &a);
	int status = grant_run(&a.common, &a.grant);
	free(a.common.command_line);
	return status;
}
