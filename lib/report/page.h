/*
 * The official's pages (report -f html of summary, forecast, settlement,
 * funds and adjustments): one page a district official prints and signs.
 * The subjects write their machine rows as for any format; the record
 * writer keeps them and, at close, hands them to page_write, which says
 * them in Chinese (labels, programme, institution and bureau names, money
 * in 元 with thousands separators, the period in words), adds the totals,
 * a chart, the policy and its document number, the date made and the
 * lines to sign, with a stylesheet for A4.  Self-contained: inline CSS
 * and SVG, no script, nothing fetched.
 */
#ifndef JZ_REPORT_PAGE_H
#define JZ_REPORT_PAGE_H

#include <stdbool.h>
#include <stdio.h>

#include "core/money.h"

struct db;
struct policy;
struct report_opts;

enum page_kind { PAGE_SUMMARY, PAGE_FORECAST, PAGE_SETTLEMENT, PAGE_FUNDS, PAGE_ADJUSTMENTS };

struct page {
	enum page_kind kind;
	struct db *db;                /* for the institutions' names */
	const struct policy *pol;     /* its title, document number and id */
	const struct report_opts *r;  /* the period, --by, --horizon */
};

/* The kind of page of a subject; false: the subject has none. */
bool page_kind_of(const char *subject, enum page_kind *kind);

/* rec_page_fn (io/rec.h): the page of the rows, ctx a struct page. */
void page_write(void *ctx, FILE *fp, char *const *cells, size_t rows, int ncolumns);

/* The words of the pages (page_words.c). */
/* A machine column's label on the page, with its unit; NULL: not shown
 * (said in the heading instead, as the quarter). */
const char *page_label(enum page_kind kind, const char *column);
/* Is the column money (fen on the page as 元), or a count summed? */
bool page_money_column(const char *column);
bool page_count_column(const char *column);
/* Chinese names: a programme (the document's words), a working group, an
 * account, a bureau; the code itself when there is none. */
const char *page_programme(const char *code);
const char *page_group(const char *code);
const char *page_bureau(const char *code);
void page_account(const char *name, char *buf, size_t len);
/* 12,345.67 from fen. */
void page_money(jz_fen fen, char *buf, size_t len);

#endif
