/*
 * enrol: the one-window intake.  Reads persons (or applications,
 * institutions, survey rows, staff) and writes them into the registry, all
 * or nothing; see enrol(1).
 */
#include <argp.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "enrol/enrol.h"
#include "io/opts.h"

const char *argp_program_version = "enrol (jiuzhu) " JZ_VERSION;

enum { OPT_KIND = 2000, OPT_KEEP_GOING, OPT_REJECTS };

static const struct argp_option options[] = {
	{"kind", OPT_KIND, "KIND", 0, "person, change, application, institution, survey "
	 "or staff (default: by the header)", 0},
	{"keep-going", OPT_KEEP_GOING, 0, 0, "write the good records; reject the bad ones", 0},
	{"rejects", OPT_REJECTS, "FILE", 0, "with --keep-going: the bad records, as CSV", 0},
	{0}
};

struct args {
	struct jz_opts common;
	struct enrol_opts enrol;
	char **files;
	int nfiles;
};

static error_t parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = &a->common;
		break;
	case OPT_KIND:
		if (!(a->enrol.kind = kind_find(arg)))
			argp_error(state, "--kind %s: expected person, change, application, "
				   "institution, survey or staff", arg);
		break;
	case OPT_KEEP_GOING:
		a->enrol.keep_going = true;
		break;
	case OPT_REJECTS:
		a->enrol.rejects = arg;
		break;
	case ARGP_KEY_ARGS:
		a->files = state->argv + state->next;
		a->nfiles = state->argc - state->next;
		break;
	case ARGP_KEY_END:
		if (a->enrol.rejects && !a->enrol.keep_going)
			argp_error(state, "--rejects goes with --keep-going");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, "[FILE...]",
	"Enrol persons (or changes of persons, applications, institutions, survey rows, the "
	"staff who sign) into the registry.\v"
	"One bad record and nothing is written (exit 65), unless --keep-going. See enrol(1).",
	jz_input_children, 0, 0
};

int main(int argc, char **argv)
{
	struct args a = {0};

	diag_progname = "enrol";
	jz_opts_init(&a.common, argc, argv);
	argp_parse(&argp, argc, argv, 0, 0, &a);
	int status = enrol_run(&a.common, &a.enrol, a.files, a.nfiles);
	free(a.common.command_line);
	return status;
}
