/*
 * Inside the record writer: what rec_write.c and the page formats in
 * rec_html.c share.
 */
#ifndef JZ_REC_INT_H
#define JZ_REC_INT_H

#include "io/rec.h"

struct rec_writer {
	FILE *fp;
	enum rec_format format;
	const char *const *columns;
	int n;
	long rows;
	bool header_due;  /* CSV and table: the header goes out with the first row
			   * or at close, so a run that fails first prints nothing */
	char *line;    /* CSV: the row being put together, written at once */
	size_t linecap;
	char **cells;  /* table, html: every cell, row-major */
	size_t ncells, capcells;
	const char *title; /* html */
	rec_page_fn page;  /* html: who makes the page; NULL: rec_print_html */
	void *page_ctx;
};

/* Is s a number as the writers print them (empty counts)? */
bool rec_numeric(const char *s);
/* REC_HTML: print the page of every row kept (the first is the header). */
void rec_print_html(struct rec_writer *w);

#endif
