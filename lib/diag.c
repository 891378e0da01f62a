/* Diagnostics: one line each on stderr, GNU style (see diag.h). */
#include "diag.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *diag_progname = "jiuzhu";

void diag_fatal(int status, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", diag_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(status);
}

void diag_warn(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", diag_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void diag_vat(const char *source, long line, const char *column,
	      const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: %s", diag_progname, source ? source : "-");
	if (line > 0)
		fprintf(stderr, ":%ld", line);
	fputs(": ", stderr);
	if (column && *column)
		fprintf(stderr, "%s: ", column);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void diag_at(const char *source, long line, const char *column,
	     const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(source, line, column, fmt, ap);
	va_end(ap);
}

const char *diag_mask_id(const char *id, char buf[32])
{
	size_t n = id ? strlen(id) : 0;

	if (n == 18 || n == 15) {
		memcpy(buf, id, 6);
		memset(buf + 6, '*', n - 10);
		memcpy(buf + n - 4, id + n - 4, 4);
		buf[n] = '\0';
	} else {
		strcpy(buf, "********");
	}
	return buf;
}

const char *diag_mask_ids_in(const char *text, char *buf, size_t len)
{
	size_t n = strlen(text), o = 0;

	for (size_t i = 0; i < n && o + 1 < len; ) {
		size_t d = 0;
		while (i + d < n && d < 18 && (isdigit((unsigned char)text[i + d]) ||
					       (d == 17 && text[i + d] == 'X')))
			d++;
		bool id = d == 18 && (i + d == n || !isalnum((unsigned char)text[i + d])) &&
			  (i == 0 || !isalnum((unsigned char)text[i - 1]));
		if (id && o + 18 < len) {
			char masked[32], one[19];
			memcpy(one, text + i, 18);
			one[18] = '\0';
			memcpy(buf + o, diag_mask_id(one, masked), 18);
			o += 18;
			i += 18;
		} else {
			buf[o++] = text[i++];
		}
	}
	buf[o] = '\0';
	return buf;
}
