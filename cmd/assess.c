/*
 * assess: the rules of every programme, as of a date, over the registry;
 * prints one decision per unit and programme.  See assess(1).
 */
#include <argp.h>
#include <stdlib.h>

#include "assess/assess.h"
#include "core/diag.h"
#include "io/opts.h"

const char *argp_program_version = "assess (jiuzhu) " JZ_VERSION;

enum { OPT_PROGRAMME = 2000, OPT_EXPLAIN, OPT_RECORD };

static const struct argp_option options[] = {
	{"programme", OPT_PROGRAMME, "P", 0, "only programme P (repeatable; default all)", 0},
	{"explain", OPT_EXPLAIN, 0, 0, "add the trace: rule, parameters with dates, arithmetic", 0},
	{"record", OPT_RECORD, 0, 0, "store the decisions in the database (journalled)", 0},
	{0}
};

struct args {
	struct jz_opts common;
	struct assess_opts assess;
};

static error_t parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = &a->common;
		break;
	case OPT_PROGRAMME:
		if (!assess_known_programme(arg))
			argp_error(state, "--programme %s: not a programme assess knows (see assess(1))", arg);
		if (a->assess.nprogrammes == 32)
			argp_error(state, "--programme: at most 32");
		a->assess.programmes[a->assess.nprogrammes++] = arg;
		break;
	case OPT_EXPLAIN:
		a->assess.explain = true;
		break;
	case OPT_RECORD:
		a->assess.record = true;
		break;
	case ARGP_KEY_ARGS:
		a->assess.files = state->argv + state->next;
		a->assess.nfiles = state->argc - state->next;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, "[FILE...]",
	"Assess the registry (or the persons in FILEs, - for stdin) as of --as-of.\v"
	"Same registry, policy and date: byte-identical output. See assess(1).",
	jz_input_children, 0, 0
};

int main(int argc, char **argv)
{
	struct args a = {0};

	diag_progname = "assess";
	jz_opts_init(&a.common, argc, argv);
	argp_parse(&argp, argc, argv, 0, 0, &a);
	int status = assess_run(&a.common, &a.assess);
	free(a.common.command_line);
	return status;
}
