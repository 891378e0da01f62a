/* Diagnostics: one line each on stderr, GNU style (see diag.h). */
#include "core/diag.h"
#include "core/progress.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *diag_progname = "jiuzhu";

static const char *mask_ids(const char *text, char *buf, size_t len, bool fifteen);

/* Print "prog: " and the message, with every national ID in it masked: a
 * message may quote a cell, and a cell may hold an ID (a file without its
 * header, a row whose fields have shifted). */
/* While held (diag_hold), the last line waits for its end (diag_release). */
static bool holding;
static char held[2048];

static void flush_held(const char *tail)
{
	if (held[0]) {
		progress_clear(); /* a message starts a clean line */
		fprintf(stderr, "%s: %s%s\n", diag_progname, held, tail);
	}
	held[0] = '\0';
}

static void say(const char *fmt, va_list ap)
{
	char text[2048], masked[2048];

	vsnprintf(text, sizeof text, fmt, ap);
	const char *line = mask_ids(text, masked, sizeof masked, true);
	flush_held("");
	if (holding) {
		snprintf(held, sizeof held, "%s", line);
	} else {
		progress_clear(); /* a message starts a clean line */
		fprintf(stderr, "%s: %s\n", diag_progname, line);
	}
}

void diag_hold(void)
{
	holding = true;
}

void diag_release(const char *tail)
{
	flush_held(tail ? tail : "");
	holding = false;
}

void diag_fatal(int status, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	va_start(ap, fmt);
	say(fmt, ap);
	va_end(ap);
	exit(status);
}

void diag_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(fmt, ap);
	va_end(ap);
}

void diag_vat(const char *source, long line, const char *column,
	      const char *fmt, va_list ap)
{
	char where[600], msg[1400];

	if (line > 0)
		snprintf(where, sizeof where, "%s:%ld: ", source ? source : "-", line);
	else
		snprintf(where, sizeof where, "%s: ", source ? source : "-");
	vsnprintf(msg, sizeof msg, fmt, ap);
	diag_warn("%s%s%s%s", where, column && *column ? column : "", column && *column ? ": " : "",
		  msg);
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

/* text with each national ID in it masked: 18 characters (17 digits and
 * a digit or X), and with fifteen also the 15 digits of a first-generation
 * ID, standing alone (no letter or digit either side). */
static const char *mask_ids(const char *text, char *buf, size_t len, bool fifteen)
{
	size_t n = strlen(text), o = 0;

	for (size_t i = 0; i < n && o + 1 < len; ) {
		size_t d = 0;
		while (i + d < n && d < 18 && (isdigit((unsigned char)text[i + d]) ||
					       (d == 17 && text[i + d] == 'X')))
			d++;
		bool alone = (i + d == n || !isalnum((unsigned char)text[i + d])) &&
			     (i == 0 || !isalnum((unsigned char)text[i - 1]));
		if (alone && (d == 18 || (fifteen && d == 15)) && o + d < len) {
			char masked[32], one[19];
			memcpy(one, text + i, d);
			one[d] = '\0';
			memcpy(buf + o, diag_mask_id(one, masked), d);
			o += d;
			i += d;
		} else {
			buf[o++] = text[i++];
		}
	}
	buf[o] = '\0';
	return buf;
}

const char *diag_mask_ids_in(const char *text, char *buf, size_t len)
{
	return mask_ids(text, buf, len, false);
}
