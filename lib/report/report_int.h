/*
 * Inside report(1)'s library (see report.h): the subjects, each written by
 * its own file, for report.c to run.  Not for cmd/.
 */
#ifndef JZ_REPORT_INT_H
#define JZ_REPORT_INT_H

#include <stdbool.h>

#include "core/date.h"
#include "io/opts.h"
#include "report/report.h"

struct db;
struct policy;
struct rec_writer;

/* summary's columns for a --by key, and the report itself. */
const char *const *report_summary_columns(const char *by);
void report_summary(struct db *db, const struct report_opts *r, struct rec_writer *w);
/* gaps: missed and twice as of on; returns how many. */
extern const char *const report_gaps_columns[];
extern const int report_gaps_ncolumns;
long long report_gaps(struct db *db, const struct policy *pol, jz_date on, bool show_ids,
		      struct rec_writer *w);

/* survey: the draw of the year's sample, and the analysis of the rows. */
extern const char *const report_draw_columns[], *const report_survey_columns[];
extern const int report_survey_ncolumns;
void report_survey_draw(struct db *db, const struct policy *pol, int year, long seed,
			jz_date on, struct rec_writer *w);
void report_survey(struct db *db, const struct policy *pol, jz_date from, jz_date to,
		   struct rec_writer *w);

/* forecast: the next horizon months per programme; with history, each
 * programme's months paid first, their method "actual" (the page). */
extern const char *const report_forecast_columns[];
extern const int report_forecast_ncolumns;
void report_forecast(struct db *db, const struct report_opts *r, int horizon, bool history,
		     struct rec_writer *w);

/* review: who needs a home visit on on (lifecycle.md Review); returns how
 * many. */
extern const char *const report_review_columns[];
extern const int report_review_ncolumns;
long long report_review(struct db *db, const struct policy *pol, jz_date on, bool show_ids,
			struct rec_writer *w);

/* adjustments: per unit and month corrected, booked in period (YYYY-MM)
 * or, NULL, ever. */
extern const char *const report_adjust_columns[];
extern const int report_adjust_ncolumns;
void report_adjustments(struct db *db, const char *period, bool show_ids,
			struct rec_writer *w);

/* backup: the database copied into -o FILE (VACUUM INTO), mode 0600;
 * returns the exit status. */
int report_backup(const struct jz_opts *o);

/* report lines: settlement lines in files (none: stdin; "-" is stdin)
 * summed together by a column; returns the exit status. */
const char *const *report_stream_columns(const char *by);
int report_stream(const struct jz_opts *o, const char *by, char **files, int nfiles,
		  struct rec_writer *w);

#endif
