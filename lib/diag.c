/* Diagnostics: one line each on stderr, GNU style (see diag.h). */
#include "diag.h"

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
