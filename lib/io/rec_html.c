/*
 * The html format of report(1): one self-contained page, kept whole by
 * the writer (rec_int.h) and printed at close.
 */
#include "io/rec_int.h"

#include <string.h>

#include "core/money.h"

bool rec_numeric(const char *s)
{
	if (!*s)
		return true;
	if (*s == '-')
		s++;
	return *s && strspn(s, "0123456789.") == strlen(s);
}

void rec_html_text(FILE *fp, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '&': fputs("&amp;", fp); break;
		case '"': fputs("&quot;", fp); break;
		default: putc(*s, fp);
		}
	}
}

/* A bar's label: the text columns before the first number, those that
 * differ between rows (the settlement's institution, not its quarter). */
static void html_label(FILE *fp, const struct rec_writer *w, size_t r)
{
	size_t rows = w->ncells / w->n;
	bool first = true;

	for (int c = 0; c < w->n && !rec_numeric(w->cells[w->n + c]); c++) {
		bool varies = rows <= 2;
		for (size_t k = 2; k < rows && !varies; k++)
			varies = strcmp(w->cells[k * w->n + c], w->cells[w->n + c]) != 0;
		if (!varies)
			continue;
		if (!first)
			putc(' ', fp);
		rec_html_text(fp, w->cells[r * w->n + c]);
		first = false;
	}
}

/* The column the chart shows: amount, else approved; -1: none. */
static int chart_column(const struct rec_writer *w)
{
	for (int c = 0; c < w->n; c++)
		if (strcmp(w->columns[c], "amount") == 0)
			return c;
	for (int c = 0; c < w->n; c++)
		if (strcmp(w->columns[c], "approved") == 0)
			return c;
	return -1;
}

/* One self-contained page: the title, an inline SVG bar chart of the money
 * column by the first column, and the table with a line of totals of the
 * money columns.  No script, nothing fetched; fit to print on A4. */
void rec_print_html(struct rec_writer *w)
{
	FILE *fp = w->fp;
	size_t rows = w->ncells / w->n;
	int chart = chart_column(w);
	jz_fen max = 1;
	char err[80], buf[MONEY_TEXT];

	fputs("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>", fp);
	rec_html_text(fp, w->title ? w->title : "jiuzhu");
	fputs("</title>\n<style>body{font-family:sans-serif;margin:2em;color:#222}"
	      "table{border-collapse:collapse;margin-top:1em}"
	      "th,td{border:1px solid #999;padding:.2em .6em}td.n{text-align:right}"
	      "tr.total td{font-weight:bold;border-top:2px solid #222}"
	      "@media print{body{margin:1cm}@page{size:A4}}</style></head><body>\n<h1>", fp);
	rec_html_text(fp, w->title ? w->title : "jiuzhu");
	fputs("</h1>\n", fp);
	if (chart >= 0 && rows > 1) {
		for (size_t r = 1; r < rows; r++) {
			jz_fen v;
			if (money_parse(w->cells[r * w->n + chart], true, &v, err, sizeof err) && v > max)
				max = v;
		}
		fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"%zu\" "
			"role=\"img\">\n", 24 * (rows - 1) + 8);
		for (size_t r = 1; r < rows; r++) {
			jz_fen v = 0;
			money_parse(w->cells[r * w->n + chart], true, &v, err, sizeof err);
			long len = v > 0 ? (long)((__int128)v * 400 / max) : 0;
			fprintf(fp, "<text x=\"0\" y=\"%zu\" font-size=\"12\">", 24 * (r - 1) + 17);
			html_label(fp, w, r);
			fprintf(fp, "</text><rect x=\"160\" y=\"%zu\" width=\"%ld\" height=\"18\" "
				"fill=\"#3366cc\"/><text x=\"%ld\" y=\"%zu\" font-size=\"12\">",
				24 * (r - 1) + 4, len, 166 + len, 24 * (r - 1) + 17);
			rec_html_text(fp, w->cells[r * w->n + chart]);
			fputs("</text>\n", fp);
		}
		fputs("</svg>\n", fp);
	}
	fputs("<table>\n", fp);
	for (size_t r = 0; r < rows; r++) {
		fputs("<tr>", fp);
		for (int c = 0; c < w->n; c++) {
			const char *s = w->cells[r * w->n + c];
			fputs(r == 0 ? "<th>" : rec_numeric(s) ? "<td class=\"n\">" : "<td>", fp);
			rec_html_text(fp, s);
			fputs(r == 0 ? "</th>" : "</td>", fp);
		}
		fputs("</tr>\n", fp);
	}
	/* Totals of the money columns (a money cell has two decimals). */
	if (rows > 1) {
		fputs("<tr class=\"total\">", fp);
		for (int c = 0; c < w->n; c++) {
			jz_fen sum = 0, v;
			bool money = true;
			for (size_t r = 1; r < rows && money; r++) {
				const char *s = w->cells[r * w->n + c], *dot = strchr(s, '.');
				money = dot && strlen(dot) == 3 && money_parse(s, true, &v, err, sizeof err);
				sum += money ? v : 0;
			}
			if (c == 0) {
				fputs("<td>total</td>", fp);
			} else if (money) {
				money_format(sum, buf);
				fprintf(fp, "<td class=\"n\">%s</td>", buf);
			} else {
				fputs("<td></td>", fp);
			}
		}
		fputs("</tr>\n", fp);
	}
	fputs("</table>\n</body></html>\n", fp);
}
