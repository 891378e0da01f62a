/*
 * report: reports from the database, or (report lines) of settlement
 * lines in files or on stdin (cli.md report).  See report(1).
 */
#include <argp.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "io/opts.h"
#include "report/report.h"

const char *argp_program_version = "report (jiuzhu) " JZ_VERSION;

enum { OPT_QUARTER = 2000, OPT_FROM, OPT_TO, OPT_BY, OPT_SHOW_IDS, OPT_DRAW, OPT_YEAR, OPT_SEED,
       OPT_HORIZON, OPT_PERIOD, OPT_EXPECT, OPT_ANCHORS };

static const struct argp_option options[] = {
	{"quarter", OPT_QUARTER, "YYYYQn", 0, "the period: a quarter, as in 2007Q3", 0},
	{"from", OPT_FROM, "DATE", 0, "the period's first day", 0},
	{"to", OPT_TO, "DATE", 0, "the period's last day", 0},
	{"by", OPT_BY, "KEY", 0, "by street, programme, group, institution, month; lines: "
	 "institution, month, visit_type, status", 0},
	{"show-ids", OPT_SHOW_IDS, 0, 0, "national IDs in full (masked by default)", 0},
	{"draw", OPT_DRAW, 0, 0, "survey: the year's sample (--year, --seed)", 0},
	{"year", OPT_YEAR, "YYYY", 0, "survey: the year", 0},
	{"seed", OPT_SEED, "N", 0, "survey --draw: the seed of the draw", 0},
	{"horizon", OPT_HORIZON, "N", 0, "forecast: months ahead (3)", 0},
	{"period", OPT_PERIOD, "YYYY-MM", 0, "adjustments: those booked in that month", 0},
	{"expect", OPT_EXPECT, "ENTRY:HASH", 0, "audit: the journal holds this head (repeatable)", 0},
	{"anchors", OPT_ANCHORS, "FILE", 0, "audit: every head of the log --anchor wrote", 0},
	{0}
};

struct args {
	struct jz_opts common;
	struct report_opts report;
};

static error_t parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;
	struct report_opts *r = &a->report;
	char err[80];
	const char *why;
	jz_date end;

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = &a->common;
		break;
	case OPT_QUARTER:
		if (!date_parse_quarter(arg, &r->from, &end, err, sizeof err))
			argp_error(state, "--quarter: %s", err);
		r->quarter = arg;
		r->to = end - 1;
		break;
	case OPT_FROM:
	case OPT_TO:
		if (!date_parse(arg, key == OPT_FROM ? &r->from : &r->to, err, sizeof err))
			argp_error(state, "--%s: %s", key == OPT_FROM ? "from" : "to", err);
		break;
	case OPT_BY:
		/* Checked against the subject at the end: the subject may come later. */
		if (!report_by_ok(arg) && !report_stream_by_ok(arg))
			argp_error(state, "--by %s: expected street, programme, group, institution or month "
				   "(or, for report lines, visit_type or status)", arg);
		r->by = arg;
		break;
	case OPT_SHOW_IDS:
		r->show_ids = true;
		break;
	case OPT_DRAW:
		r->draw = true;
		break;
	case OPT_YEAR:
		r->year = (int)parse_number(arg, 1000, 9998, &why);
		if (why && strcmp(why, "invalid") == 0)
			argp_error(state, "--year %s: expected a year, as in 2007", arg);
		if (why)
			argp_error(state, "--year %s: %s; expected a year, as in 2007", arg, why);
		break;
	case OPT_HORIZON:
		r->horizon = (int)parse_number(arg, 1, 120, &why);
		if (why) /* the message names the range: no "too large" needed */
			argp_error(state, "--horizon %s: expected months from 1 to 120", arg);
		break;
	case OPT_SEED:
		r->seed = (long)parse_number(arg, LONG_MIN, LONG_MAX, &why);
		if (why && strcmp(why, "invalid") == 0)
			argp_error(state, "--seed %s: expected a whole number", arg);
		if (why)
			argp_error(state, "--seed %s: %s; expected a whole number", arg, why);
		r->seed_given = true;
		break;
	case OPT_PERIOD: {
		jz_date month;
		if (!date_parse_month(arg, &month, err, sizeof err))
			argp_error(state, "--period %s: %s; expected YYYY-MM, as in 2007-10", arg, err);
		r->period = arg;
		break;
	}
	case OPT_EXPECT:
		/* Kept for the audit; the values are argv's and outlive it. */
		r->expect = realloc(r->expect, (r->nexpect + 1) * sizeof *r->expect);
		if (!r->expect)
			argp_failure(state, 70, 0, "out of memory");
		r->expect[r->nexpect++] = arg;
		break;
	case OPT_ANCHORS:
		r->anchors = arg;
		break;
	case ARGP_KEY_ARG: {
		/* report lines FILE...: the rest are its inputs. */
		if (r->subject && strcmp(r->subject, "lines") == 0) {
			r->files = realloc(r->files, (r->nfiles + 1) * sizeof *r->files);
			if (!r->files)
				argp_failure(state, 70, 0, "out of memory");
			r->files[r->nfiles++] = arg;
			break;
		}
		bool known = false;
		for (const char *const *s = report_subjects; *s; s++)
			known |= strcmp(*s, arg) == 0;
		if (r->subject || !known)
			argp_error(state, "%s: expected one subject: summary, forecast, gaps, funds, "
				   "settlement, survey, audit, policy, review, adjustments, backup or lines", arg);
		r->subject = arg;
		break;
	}
	case ARGP_KEY_END:
		if (!r->subject)
			r->subject = "summary";
		if (r->by && strcmp(r->subject, "lines") == 0 && !report_stream_by_ok(r->by))
			argp_error(state, "--by %s: report lines sums by institution, month, visit_type or "
				   "status", r->by);
		if (r->by && strcmp(r->subject, "lines") != 0 && !report_by_ok(r->by))
			argp_error(state, "--by %s: settlement lines are summed by report lines; report %s "
				   "is by street, programme, group, institution or month", r->by, r->subject);
		if (strcmp(r->subject, "lines") == 0 && (r->quarter || r->from || r->to))
			argp_error(state, "report lines takes no period: it sums the lines it is given");
		if (r->from && r->to && r->to < r->from)
			argp_error(state, "--to is before --from");
		if (a->common.format == REC_HTML && strcmp(r->subject, "summary") != 0 &&
		    strcmp(r->subject, "forecast") != 0 && strcmp(r->subject, "settlement") != 0 &&
		    strcmp(r->subject, "funds") != 0 && strcmp(r->subject, "adjustments") != 0)
			argp_error(state, "--format html is for summary, forecast, settlement, funds "
				   "and adjustments");
		if (r->draw && (strcmp(r->subject, "survey") != 0 || !r->year || !r->seed_given))
			argp_error(state, "--draw goes with survey, --year and --seed");
		if ((r->nexpect || r->anchors) && strcmp(r->subject, "audit") != 0)
			argp_error(state, "--expect and --anchors go with audit");
		if (r->period && strcmp(r->subject, "adjustments") != 0)
			argp_error(state, "--period goes with adjustments; other subjects take --quarter "
				   "or --from and --to");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, "[SUBJECT]\nlines [FILE...]",
	"Report from the database: summary, forecast, gaps, survey, policy, funds, "
	"settlement, audit (every check), review (who needs a home visit), adjustments "
	"(arrears and overpayments per unit), backup (a copy into -o FILE); lines: "
	"settle's lines in FILEs (or - or none: stdin) summed without the database.\v"
	"-f html: summary, forecast, settlement, funds or adjustments as a page to print "
	"and sign (A4). Nothing is written "
	"to the database. See report(1).",
	jz_common_children, 0, 0
};

int main(int argc, char **argv)
{
	struct args a = {0};

	diag_progname = "report";
	jz_opts_init(&a.common, argc, argv);
	a.common.html = true;
	argp_parse(&argp, argc, argv, 0, 0, &a);
	int status = report_run(&a.common, &a.report);
	free(a.common.command_line);
	free(a.report.expect);
	free(a.report.files);
	return status;
}
