/*
 * settle: the quarterly medical-aid settlement with the designated
 * institutions: claims into settlement lines, the statement, the joint
 * review's sign-offs, and the major-disease fund's annual funding.  See
 * settle(1).
 */
#include <argp.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "io/opts.h"
#include "settle/settle.h"

const char *argp_program_version = "settle (jiuzhu) " JZ_VERSION;

enum { OPT_QUARTER = 2000, OPT_SUMMARY, OPT_SIGN, OPT_INSTITUTION, OPT_FUND, OPT_YEAR };

static const struct argp_option options[] = {
	{"quarter", OPT_QUARTER, "YYYYQn", 0, "the quarter settled, as in 2007Q3", 0},
	{"summary", OPT_SUMMARY, 0, 0, "print the quarter's statement per institution", 0},
	{"sign", OPT_SIGN, "BUREAU", 0, "sign the statement: health, labour, civil_affairs, finance", 0},
	{"institution", OPT_INSTITUTION, "CODE", 0, "with --summary or --sign: that institution only", 0},
	{"fund", OPT_FUND, "FUND", 0, "the annual funding of a fund: major_disease (with --year)", 0},
	{"year", OPT_YEAR, "YYYY", 0, "the year funded", 0},
	{0}
};

struct args {
	struct jz_opts common;
	struct settle_opts settle;
	bool summary;
};

static error_t parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;
	struct settle_opts *s = &a->settle;
	char err[80];
	const char *why;

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = &a->common;
		break;
	case OPT_QUARTER:
		if (!date_parse_quarter(arg, &s->first, &s->end, err, sizeof err))
			argp_error(state, "--quarter: %s", err);
		s->quarter = arg;
		break;
	case OPT_SUMMARY:
		a->summary = true;
		break;
	case OPT_SIGN: {
		bool known = false;
		for (const char *const *b = settle_bureaus; *b; b++)
			known |= strcmp(*b, arg) == 0;
		if (!known)
			argp_error(state, "--sign %s: expected health, labour, civil_affairs or finance", arg);
		s->bureau = arg;
		break;
	}
	case OPT_INSTITUTION:
		s->institution = arg;
		break;
	case OPT_FUND:
		if (strcmp(arg, "major_disease") != 0)
			argp_error(state, "--fund %s: the fund settle funds is major_disease", arg);
		s->fund = arg;
		break;
	case OPT_YEAR:
		s->year = (int)parse_number(arg, 1000, 9999, &why);
		if (why && strcmp(why, "invalid") == 0)
			argp_error(state, "--year %s: expected a year, as in 2008", arg);
		if (why)
			argp_error(state, "--year %s: %s; expected a year, as in 2008", arg, why);
		break;
	case ARGP_KEY_ARGS:
		s->files = state->argv + state->next;
		s->nfiles = state->argc - state->next;
		break;
	case ARGP_KEY_END:
		if (s->fund) {
			if (!s->year)
				argp_error(state, "--fund needs --year");
			if (s->quarter || a->summary || s->bureau || s->nfiles || s->institution)
				argp_error(state, "--fund --year reads no claims: give it alone");
			s->mode = SETTLE_FUND;
			break;
		}
		if (s->year)
			argp_error(state, "--year goes with --fund");
		if (!s->quarter)
			argp_error(state, "--quarter is needed, as in --quarter 2007Q3");
		if (a->summary && s->bureau)
			argp_error(state, "--summary or --sign: one or the other");
		if ((a->summary || s->bureau) && s->nfiles)
			argp_error(state, "--%s reads no claims: give no FILE", a->summary ? "summary" : "sign");
		if (s->institution && !a->summary && !s->bureau)
			argp_error(state, "--institution goes with --summary or --sign");
		s->mode = a->summary ? SETTLE_SUMMARY : s->bureau ? SETTLE_SIGN : SETTLE_CLAIMS;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, "[FILE...]",
	"Settle the claims of designated institutions (FILEs, - for stdin) for --quarter; "
	"--summary prints the statement; --sign BUREAU signs it; --fund major_disease --year Y "
	"funds the major-disease fund.\v"
	"Each claim is settled once; a claim given again as it was changes nothing. See settle(1).",
	jz_input_children, 0, 0
};

int main(int argc, char **argv)
{
	struct args a = {0};

	diag_progname = "settle";
	jz_opts_init(&a.common, argc, argv);
	argp_parse(&argp, argc, argv, 0, 0, &a);
	int status = settle_run(&a.common, &a.settle);
	free(a.common.command_line);
	return status;
}
