/*
 * The xlsx format: an Excel workbook of one sheet, written with
 * libxlsxwriter in constant_memory mode (each row goes to a temporary file
 * as it comes, so memory stays bounded).  libxlsxwriter writes a file by
 * name: the workbook is made in a temporary file and copied, at close, to
 * where the writer writes (stdout, a spool, or -o's temporary file).
 */
#include "io/rec_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/date.h"
#include "core/diag.h"
#include "core/exitcode.h"
#include "core/money.h"

struct rec_xlsx {
	char path[4096];     /* the temporary workbook */
	lxw_workbook *book;
	lxw_worksheet *sheet;
	lxw_format *bold, *money, *date;
	lxw_row_t row;       /* the next row */
};

/* The temporary workbook, removed however the program ends. */
static char pending[4096];

static void remove_pending(void)
{
	if (*pending)
		unlink(pending);
}

/* A column's width, in characters, before any row is known (constant
 * memory writes each row as it comes): the header's, or what the type
 * needs, whichever is wider; text gets room for a name or an ID. */
static double width(const char *name, enum rec_type type)
{
	static const double need[] = {
		[RT_TEXT] = 18, [RT_INT] = 8, [RT_DECIMAL] = 8, [RT_MONEY] = 13,
		[RT_BOOL] = 6, [RT_DATE] = 11,
	};
	double w = (double)strlen(name) + 2;
	return w > need[type] ? w : need[type];
}

void rec_xlsx_open(struct rec_writer *w)
{
	static bool registered;
	struct rec_xlsx *x = calloc(1, sizeof *x);
	const char *tmp = getenv("TMPDIR");

	if (!x)
		diag_fatal(JZ_SOFTWARE, "out of memory");
	snprintf(x->path, sizeof x->path, "%s/jiuzhu-XXXXXX.xlsx", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemps(x->path, 5); /* mode 0600: the name is ours */
	if (fd < 0)
		diag_fatal(JZ_CANTCREAT, "%s: cannot create a temporary workbook: %s", x->path,
			   strerror(errno));
	close(fd);
	memcpy(pending, x->path, sizeof pending);
	if (!registered)
		registered = !atexit(remove_pending);
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = (char *)tmp};
	if (!(x->book = workbook_new_opt(x->path, &opt)) ||
	    !(x->sheet = workbook_add_worksheet(x->book, NULL)))
		diag_fatal(JZ_CANTCREAT, "%s: cannot start a workbook", x->path);
	x->bold = workbook_add_format(x->book);
	format_set_bold(x->bold);
	x->money = workbook_add_format(x->book);
	format_set_num_format(x->money, "#,##0.00");
	x->date = workbook_add_format(x->book);
	format_set_num_format(x->date, "yyyy-mm-dd");
	for (int c = 0; c < w->n; c++)
		worksheet_set_column(x->sheet, c, c, width(w->columns[c], w->types[c]), NULL);
	worksheet_freeze_panes(x->sheet, 1, 0);
	w->xlsx = x;
}

/* A cell Excel cannot hold (text over 32,767 characters) is not dropped
 * without a word: the run stops, as for a character the encoding lacks. */
static void written(lxw_error e, const struct rec_writer *w, lxw_row_t row, lxw_col_t c)
{
	if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		diag_fatal(JZ_DATAERR, "-f xlsx: output line %lu, column %s: more than the "
			   "32,767 characters an Excel cell holds; use -f csv",
			   (unsigned long)row + 1, w->columns[c]);
	if (e != LXW_NO_ERROR)
		diag_fatal(JZ_CANTCREAT, "-f xlsx: output line %lu, column %s: %s",
			   (unsigned long)row + 1, w->columns[c], lxw_strerror(e));
}

/* One cell as its column's type; a cell not of it is written as text. */
static lxw_error cell(struct rec_xlsx *x, lxw_col_t c, enum rec_type type, const char *s)
{
	char err[80], *end;
	jz_fen fen;
	jz_date d;

	switch (type) {
	case RT_MONEY:
		/* The file holds a number as a double printed to 16 digits:
		 * exact for every amount below 10^14 fen. */
		if (money_parse(s, true, &fen, err, sizeof err))
			return worksheet_write_number(x->sheet, x->row, c, (double)fen / 100,
						      x->money);
		break;
	case RT_DATE:
		if (date_parse(s, &d, err, sizeof err)) {
			lxw_datetime dt = {0};
			int y, m, day;
			date_to_ymd(d, &y, &m, &day);
			dt.year = y, dt.month = m, dt.day = day;
			return worksheet_write_datetime(x->sheet, x->row, c, &dt, x->date);
		}
		break;
	case RT_INT:
	case RT_DECIMAL: {
		double v = strtod(s, &end);
		if (end != s && !*end)
			return worksheet_write_number(x->sheet, x->row, c, v, NULL);
		break;
	}
	case RT_TEXT:
	case RT_BOOL: /* yes/no, as the CSV says it: what staff filter on */
		break;
	}
	return worksheet_write_string(x->sheet, x->row, c, s, NULL);
}

void rec_xlsx_row(struct rec_writer *w, const char *const *values, bool header)
{
	struct rec_xlsx *x = w->xlsx;

	if (x->row >= REC_XLSX_ROWS)
		diag_fatal(JZ_CANTCREAT, "-f xlsx: more than %ld rows (the header's included) do not "
			   "fit in an Excel sheet; use -f csv", REC_XLSX_ROWS);
	for (int c = 0; c < w->n; c++) {
		const char *s = values[c] ? values[c] : "";
		if (header)
			written(worksheet_write_string(x->sheet, x->row, c, s, x->bold), w, x->row, c);
		else if (*s)
			written(cell(x, c, w->types[c], s), w, x->row, c);
	}
	x->row++;
}

bool rec_xlsx_close(struct rec_writer *w)
{
	struct rec_xlsx *x = w->xlsx;
	char buf[1 << 16];
	size_t n;
	bool ok;
	lxw_error e = workbook_close(x->book);
	FILE *in = e == LXW_NO_ERROR ? fopen(x->path, "rb") : NULL;

	if (e != LXW_NO_ERROR)
		diag_warn("%s: cannot write the workbook: %s", x->path, lxw_strerror(e));
	ok = in != NULL;
	while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
		ok = fwrite(buf, 1, n, w->fp) == n;
	if (in) {
		ok = ok && !ferror(in);
		fclose(in);
	}
	unlink(x->path);
	*pending = '\0';
	free(x);
	w->xlsx = NULL;
	return ok;
}
