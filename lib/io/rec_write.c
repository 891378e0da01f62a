/*
 * Record writers.  CSV: a cell is quoted, by libcsv, only when it needs it;
 * TSV escapes backslash, tab, newline and CR as \\ \t \n \r; JSON escapes
 * by hand because building a cJSON tree per row would cost more than the
 * rest of a bulk run, and writes each column as its type (rec_type.h); a
 * table is kept whole until closed so that its columns can be aligned by
 * display width (CJK counts two).  xlsx is rec_xlsx.c, html rec_html.c.
 */
#include "io/rec.h"
#include "io/rec_int.h"

#include <assert.h>
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/money.h"

/* --bom and --output-encoding, set once by the options (opts.c). */
static bool style_bom;
static const char *style_encoding;

void rec_writer_style(bool bom, const char *encoding)
{
	style_bom = bom;
	style_encoding = encoding;
}

void rec_writer_title(struct rec_writer *w, const char *title)
{
	w->title = title;
}

void rec_writer_page(struct rec_writer *w, rec_page_fn page, void *ctx)
{
	w->page = page;
	w->page_ctx = ctx;
}

struct rec_writer *rec_writer_open(FILE *fp, enum rec_format format,
				   const char *const *columns, int ncolumns)
{
	struct rec_writer *w = calloc(1, sizeof *w);

	assert(fp && columns && ncolumns > 0);
	if (!w)
		diag_fatal(JZ_SOFTWARE, "out of memory");
	w->fp = fp;
	w->format = format == REC_AUTO ? REC_CSV : format;
	w->columns = columns;
	w->n = ncolumns;
	/* Every format with a header has it even with no rows (cli.md). */
	w->header_due = w->format != REC_JSONL && w->format != REC_JSON;
	if (!(w->types = malloc(ncolumns * sizeof *w->types)) ||
	    !(w->cellat = malloc(ncolumns * sizeof *w->cellat)))
		diag_fatal(JZ_SOFTWARE, "out of memory");
	for (int i = 0; i < ncolumns; i++)
		w->types[i] = rec_column_type(columns[i]);
	if (w->format == REC_CSV || w->format == REC_TSV || w->format == REC_TABLE) {
		w->bom = style_bom && w->format != REC_TABLE;
		w->encoding = style_encoding;
	}
	if (w->encoding && (w->cd = iconv_open(w->encoding, "UTF-8")) == (iconv_t)-1)
		diag_fatal(JZ_USAGE, "--output-encoding %s: not an encoding iconv knows; expected "
			   "e.g. GB18030 or GBK", w->encoding);
	if (w->format == REC_XLSX)
		rec_xlsx_open(w);
	return w;
}

/* The bytes that make a CSV cell need quotes. */
static const bool csv_special[256] = {[','] = true, ['"'] = true, ['\r'] = true, ['\n'] = true};

/* Room for len more bytes of the row. */
static char *line_room(struct rec_writer *w, size_t used, size_t len)
{
	if (used + len > w->linecap) {
		size_t cap = w->linecap ? w->linecap : 1024;
		while (cap < used + len)
			cap *= 2;
		if (!(w->line = realloc(w->line, cap)))
			diag_fatal(JZ_SOFTWARE, "out of memory");
		w->linecap = cap;
	}
	return w->line + used;
}

/* Put one cell at w->line + used; the row's new length.  Quoted, by
 * libcsv's csv_write(), only when it must be.  The writers run once per
 * cell of every output row: the row is written with one call, not one per
 * cell. */
static size_t csv_cell(struct rec_writer *w, size_t used, const char *s)
{
	size_t n = 0;
	bool quote = false;
	for (; s[n]; n++)
		quote |= csv_special[(unsigned char)s[n]];
	if (!quote && !(n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'))) {
		memcpy(line_room(w, used, n), s, n);
		return used + n;
	}
	size_t len = csv_write(NULL, 0, s, n); /* its length, quotes doubled */
	return used + csv_write(line_room(w, used, len), len, s, n);
}

static void json_string(FILE *fp, const char *s)
{
	putc('"', fp);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\t': fputs("\\t", fp); break;
		default:
			if (*p < 0x20)
				fprintf(fp, "\\u%04x", *p);
			else
				putc(*p, fp);
		}
	}
	putc('"', fp);
}

/* Is s a JSON number: an integer, or with a fraction when frac? */
static bool json_number(const char *s, bool frac)
{
	if (*s == '-')
		s++;
	if (!(*s >= '0' && *s <= '9') || (s[0] == '0' && s[1] >= '0' && s[1] <= '9'))
		return false;
	s += strspn(s, "0123456789");
	if (frac && *s == '.' && s[1] >= '0' && s[1] <= '9')
		s += 1 + strspn(s + 1, "0123456789");
	return !*s;
}

/* One cell as its column's type; a cell that is not of it (which the
 * commands never print) stays a string, so that the JSON is still valid. */
static void json_value(FILE *fp, enum rec_type type, const char *s)
{
	char buf[MONEY_TEXT], err[80];
	jz_fen fen;

	switch (type) {
	case RT_INT:
	case RT_DECIMAL:
		if (json_number(s, type == RT_DECIMAL)) {
			fputs(s, fp);
			return;
		}
		break;
	case RT_MONEY: /* from fen, as text: always two decimals, never a double */
		if (money_parse(s, true, &fen, err, sizeof err)) {
			money_format(fen, buf);
			fputs(buf, fp);
			return;
		}
		break;
	case RT_BOOL:
		if (strcmp(s, "yes") == 0 || strcmp(s, "no") == 0) {
			fputs(*s == 'y' ? "true" : "false", fp);
			return;
		}
		break;
	case RT_TEXT:
	case RT_DATE:
		break;
	}
	json_string(fp, s);
}

static void json_object(struct rec_writer *w, const char *const *values)
{
	putc('{', w->fp);
	for (int i = 0; i < w->n; i++) {
		if (i)
			putc(',', w->fp);
		json_string(w->fp, w->columns[i]);
		putc(':', w->fp);
		if (values[i] && *values[i])
			json_value(w->fp, w->types[i], values[i]);
		else
			fputs("null", w->fp);
	}
	putc('}', w->fp);
}

/* Put one TSV cell at w->line + used, escaped; the row's new length. */
static size_t tsv_cell(struct rec_writer *w, size_t used, const char *s)
{
	for (; *s; s++) {
		const char *esc = *s == '\\' ? "\\\\" : *s == '\t' ? "\\t" : *s == '\n' ? "\\n"
				: *s == '\r' ? "\\r" : NULL;
		if (esc) {
			memcpy(line_room(w, used, 2), esc, 2);
			used += 2;
		} else {
			*line_room(w, used++, 1) = *s;
		}
	}
	return used;
}

/* s[0..n) in w->encoding, in w->conv; its length.  A character the
 * encoding lacks exits 65, naming the output line and the column (cell c
 * of the row, or the one of w->cellat where the line has cells). */
static size_t convert(struct rec_writer *w, const char *s, size_t n, long line, int c)
{
	size_t cap = 4 * n + 16; /* GB18030 takes at most 4 bytes per UTF-8 byte */
	if (cap > w->convcap) {
		if (!(w->conv = realloc(w->conv, cap)))
			diag_fatal(JZ_SOFTWARE, "out of memory");
		w->convcap = cap;
	}
	char *in = (char *)s, *out = w->conv;
	size_t inleft = n, outleft = cap;
	iconv(w->cd, NULL, NULL, NULL, NULL);
	if (iconv(w->cd, &in, &inleft, &out, &outleft) != (size_t)-1 &&
	    iconv(w->cd, NULL, NULL, &out, &outleft) != (size_t)-1)
		return (size_t)(out - w->conv);
	size_t bad = (size_t)(in - s), len = 1;
	if (c < 0)
		for (c = 0; c + 1 < w->n && w->cellat[c + 1] <= bad; c++)
			;
	while (bad + len < n && ((unsigned char)s[bad + len] & 0xc0) == 0x80)
		len++;
	diag_fatal(JZ_DATAERR, "output line %ld, column %s: '%.*s' cannot be written in %s; "
		   "write UTF-8 (drop --output-encoding; --bom for Excel) or use -f xlsx",
		   line, w->columns[c], (int)len, s + bad, w->encoding);
}

/* Write a row built in w->line, converted when an encoding was asked. */
static void put_line(struct rec_writer *w, size_t used)
{
	const char *out = w->line;

	if (w->encoding) {
		used = convert(w, w->line, used, w->rows + 1, -1);
		out = w->conv;
	}
	fwrite_unlocked(out, 1, used, w->fp);
}

/* One cell of a table, converted when an encoding was asked. */
static void put_cell(struct rec_writer *w, const char *s, size_t r, int c)
{
	if (!w->encoding) {
		fputs(s, w->fp);
		return;
	}
	size_t n = convert(w, s, strlen(s), (long)r + 1, c);
	fwrite(w->conv, 1, n, w->fp);
}

static void write_row(struct rec_writer *w, const char *const *values, bool header)
{
	switch (w->format) {
	case REC_XLSX:
		rec_xlsx_row(w, values, header);
		break;
	case REC_AUTO:
	case REC_TSV:
	case REC_CSV: {
		bool tsv = w->format == REC_TSV;
		size_t used = 0;
		if (header && w->bom) {
			memcpy(line_room(w, used, 3), "\xef\xbb\xbf", 3);
			used = 3;
		}
		for (int i = 0; i < w->n; i++) {
			if (i)
				*line_room(w, used++, 1) = tsv ? '\t' : ',';
			w->cellat[i] = used;
			used = (tsv ? tsv_cell : csv_cell)(w, used, values[i] ? values[i] : "");
		}
		*line_room(w, used++, 1) = '\n';
		put_line(w, used);
		break;
	}
	case REC_JSONL:
		json_object(w, values);
		putc('\n', w->fp);
		break;
	case REC_JSON:
		fputs(w->rows ? ",\n" : "[\n", w->fp);
		json_object(w, values);
		break;
	case REC_TABLE:
	case REC_HTML:
		if (w->ncells + w->n > w->capcells) {
			w->capcells = w->capcells ? 2 * w->capcells : 64 * (size_t)w->n;
			if (!(w->cells = realloc(w->cells, w->capcells * sizeof *w->cells)))
				diag_fatal(JZ_SOFTWARE, "out of memory");
		}
		for (int i = 0; i < w->n; i++)
			if (!(w->cells[w->ncells++] = strdup(values[i] ? values[i] : "")))
				diag_fatal(JZ_SOFTWARE, "out of memory");
		break;
	}
	w->rows++;
}

/* The header, when it is still due: before the first row, or at close. */
static void header(struct rec_writer *w)
{
	if (w->header_due) {
		w->header_due = false;
		write_row(w, w->columns, true);
	}
}

void rec_write(struct rec_writer *w, const char *const *values)
{
	assert(w && values);
	header(w);
	write_row(w, values, false);
}

/* Display width of UTF-8 text: East Asian wide characters count two. */
static size_t display_width(const char *s)
{
	size_t width = 0;
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned cp = *p, len = 1;
		if (cp >= 0xf0)
			cp &= 0x07, len = 4;
		else if (cp >= 0xe0)
			cp &= 0x0f, len = 3;
		else if (cp >= 0xc0)
			cp &= 0x1f, len = 2;
		for (unsigned k = 1; k < len && p[k]; k++)
			cp = cp << 6 | (p[k] & 0x3f);
		width += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
			 (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
			 (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
			 (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd) ? 2 : 1;
		for (unsigned k = 0; k < len && *p; k++)
			p++;
	}
	return width;
}

static void print_table(struct rec_writer *w)
{
	size_t rows = w->ncells / w->n, *width = calloc(w->n, sizeof *width);
	bool *right = calloc(w->n, sizeof *right);

	if (!width || !right)
		diag_fatal(JZ_SOFTWARE, "out of memory");
	for (int c = 0; c < w->n; c++) {
		right[c] = rows > 1;
		for (size_t r = 0; r < rows; r++) {
			size_t dw = display_width(w->cells[r * w->n + c]);
			if (dw > width[c])
				width[c] = dw;
			if (r > 0 && !rec_numeric(w->cells[r * w->n + c]))
				right[c] = false;
		}
	}
	for (size_t r = 0; r < rows; r++) {
		/* Empty cells at the end of a row print nothing: no line ends
		 * in blanks (a statement not signed yet, say). */
		int n = w->n;
		while (n > 1 && !*w->cells[r * w->n + n - 1])
			n--;
		for (int c = 0; c < n; c++) {
			const char *s = w->cells[r * w->n + c];
			size_t pad = width[c] - display_width(s);
			bool last = c == n - 1;
			if (right[c])
				fprintf(w->fp, "%*s", (int)pad, "");
			put_cell(w, s, r, c);
			if (!right[c] && !last)
				fprintf(w->fp, "%*s", (int)pad, "");
			fputs(last ? "\n" : "  ", w->fp);
		}
	}
	free(width);
	free(right);
}

bool rec_writer_close(struct rec_writer *w)
{
	bool ok = true;

	header(w);
	if (w->format == REC_XLSX)
		ok = rec_xlsx_close(w);
	if (w->format == REC_JSON)
		fputs(w->rows ? "\n]\n" : "[]\n", w->fp);
	if (w->format == REC_TABLE)
		print_table(w);
	if (w->format == REC_HTML && w->page)
		w->page(w->page_ctx, w->fp, w->cells, w->ncells / w->n, w->n);
	else if (w->format == REC_HTML)
		rec_print_html(w);
	ok = fflush(w->fp) == 0 && !ferror(w->fp) && ok;
	if (w->encoding)
		iconv_close(w->cd);
	free(w->conv);
	free(w->types);
	free(w->cellat);
	for (size_t i = 0; i < w->ncells; i++)
		free(w->cells[i]);
	free(w->cells);
	free(w->line);
	free(w);
	return ok;
}
