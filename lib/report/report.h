/*
 * report(1): what the joint meeting decides from and what auditors check,
 * read from the database, or from settlement lines on stdin (cli.md
 * report).  HTML output is not written yet.
 */
#ifndef JZ_REPORT_H
#define JZ_REPORT_H

#include <stdbool.h>

#include "core/date.h"
#include "io/opts.h"

struct report_opts {
	const char *subject;     /* summary (default), policy, funds, settlement, ... */
	const char *quarter;     /* --quarter YYYYQn */
	jz_date from, to;        /* the period: [from, to]; 0: open */
	const char *by;          /* --by: street, programme, group, institution, month */
	bool show_ids;           /* --show-ids: national IDs in full */
	bool draw;               /* survey --draw */
	int year;                /* --year */
	long seed;               /* --seed */
	bool seed_given;
	int horizon;             /* forecast --horizon: months */
};

struct db;
struct rec_writer;
/* Is by a --by key summary knows? */
bool report_by_ok(const char *by);
/* summary's columns for a --by key, and the report itself. */
const char *const *report_summary_columns(const char *by);
void report_summary(struct db *db, const struct report_opts *r, struct rec_writer *w);
/* gaps: missed and twice as of on; returns how many. */
struct policy;
extern const char *const report_gaps_columns[];
extern const int report_gaps_ncolumns;
/* survey: the draw of the year's sample, and the analysis of the rows. */
extern const char *const report_draw_columns[], *const report_survey_columns[];
extern const int report_survey_ncolumns;
void report_survey_draw(struct db *db, const struct policy *pol, int year, long seed,
			jz_date on, struct rec_writer *w);
void report_survey(struct db *db, const struct policy *pol, jz_date from, jz_date to,
		   struct rec_writer *w);

/* forecast: the next horizon months per programme. */
extern const char *const report_forecast_columns[];
extern const int report_forecast_ncolumns;
void report_forecast(struct db *db, const struct report_opts *r, int horizon,
		     struct rec_writer *w);

/* Stream mode: settlement lines on stdin summed by a column. */
bool report_stream_by_ok(const char *by);
const char *const *report_stream_columns(const char *by);
int report_stream(const struct jz_opts *o, const char *by, struct rec_writer *w);
long long report_gaps(struct db *db, const struct policy *pol, jz_date on, bool show_ids,
		      struct rec_writer *w);

/* The subjects there are, NULL-ended. */
extern const char *const report_subjects[];

/* Returns the exit status. */
int report_main(const struct jz_opts *o, const struct report_opts *r);

#endif
