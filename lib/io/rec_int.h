/*
 * Inside the record writer: what rec_write.c and the page formats in
 * rec_html.c share.
 */
#ifndef JZ_REC_INT_H
#define JZ_REC_INT_H

#include <iconv.h>

#include "io/rec.h"
#include "io/rec_type.h"

struct rec_xlsx;

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
	enum rec_type *types; /* each column's type (rec_type.h): JSON, xlsx */
	size_t *cellat;   /* CSV, TSV: where each cell of w->line starts */
	bool bom;         /* CSV, TSV: a UTF-8 BOM before the header */
	const char *encoding; /* --output-encoding, or NULL for UTF-8 */
	iconv_t cd;       /* from UTF-8 to encoding */
	char *conv;       /* the converted text */
	size_t convcap;
	struct rec_xlsx *xlsx; /* REC_XLSX: the workbook being written */
	rec_page_fn page;  /* html: who makes the page; NULL: rec_print_html */
	void *page_ctx;
};

/* Is s a number as the writers print them (empty counts)? */
bool rec_numeric(const char *s);
/* REC_XLSX (rec_xlsx.c): start the workbook, add a row (the first is the
 * header), write it out to w->fp; false when that failed. */
void rec_xlsx_open(struct rec_writer *w);
void rec_xlsx_row(struct rec_writer *w, const char *const *values, bool header);
bool rec_xlsx_close(struct rec_writer *w);
/* REC_HTML: print the page of every row kept (the first is the header). */
void rec_print_html(struct rec_writer *w);

#endif
