/*
 * Record writers.  CSV: a cell is quoted, by libcsv, only when it needs it;
 * JSON escapes by hand because building a cJSON tree per row would cost
 * more than the rest of a bulk run; a table is kept whole until closed so
 * that its columns can be aligned by display width (CJK counts two).
 */
#include "io/rec.h"
#include "io/rec_int.h"

#include <assert.h>
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/money.h"

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
	w->header_due = w->format == REC_CSV || w->format == REC_TABLE || w->format == REC_HTML;
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

static void json_object(struct rec_writer *w, const char *const *values)
{
	putc('{', w->fp);
	for (int i = 0; i < w->n; i++) {
		if (i)
			putc(',', w->fp);
		json_string(w->fp, w->columns[i]);
		putc(':', w->fp);
		if (values[i] && *values[i])
			json_string(w->fp, values[i]);
		else
			fputs("null", w->fp);
	}
	putc('}', w->fp);
}

void rec_write(struct rec_writer *w, const char *const *values)
{
	assert(w && values);
	if (w->header_due) {
		w->header_due = false;
		rec_write(w, w->columns);
	}
	switch (w->format) {
	case REC_TSV:  /* not yet: the options refuse them */
	case REC_XLSX:
	case REC_AUTO:
	case REC_CSV: {
		size_t used = 0;
		for (int i = 0; i < w->n; i++) {
			if (i)
				*line_room(w, used++, 1) = ',';
			used = csv_cell(w, used, values[i] ? values[i] : "");
		}
		*line_room(w, used++, 1) = '\n';
		fwrite_unlocked(w->line, 1, used, w->fp);
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
			fputs(s, w->fp);
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
	bool ok;

	if (w->header_due) {
		w->header_due = false;
		rec_write(w, w->columns);
	}
	if (w->format == REC_JSON)
		fputs(w->rows ? "\n]\n" : "[]\n", w->fp);
	if (w->format == REC_TABLE)
		print_table(w);
	if (w->format == REC_HTML && w->page)
		w->page(w->page_ctx, w->fp, w->cells, w->ncells / w->n, w->n);
	else if (w->format == REC_HTML)
		rec_print_html(w);
	ok = fflush(w->fp) == 0 && !ferror(w->fp);
	for (size_t i = 0; i < w->ncells; i++)
		free(w->cells[i]);
	free(w->cells);
	free(w->line);
	free(w);
	return ok;
}
