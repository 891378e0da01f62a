/* Cells into checked values, and the problems of a record (see field.h). */
#include "core/field.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/diag.h"
#include "core/idn.h"
#include "core/money.h"
#include "core/text.h"

void problems_init(struct problems *p, const char *source, long line)
{
	p->source = source;
	p->line = line;
	p->count = 0;
	p->silent = false;
	p->column[0] = p->reason[0] = '\0';
}

/* The problems of one record told on stderr: the rest are only counted
 * (and kept for the rejects file as far as there is room). */
#define PROBLEMS_TOLD 10

void problem(struct problems *p, const char *column, const char *fmt, ...)
{
	va_list ap;
	char msg[320];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (p->silent)
		;
	else if (p->count < PROBLEMS_TOLD)
		diag_at(p->source, p->line, column, "%s", msg);
	else if (p->count == PROBLEMS_TOLD)
		diag_at(p->source, p->line, NULL, "and more problems, not told; mend these first");
	if (p->count++ == 0)
		text_copy(p->column, sizeof p->column, column ? column : "");
	size_t used = strlen(p->reason);
	snprintf(p->reason + used, sizeof p->reason - used, "%s%s%s%s",
		 used ? "; " : "", column && *column ? column : "",
		 column && *column ? ": " : "", msg);
}

bool utf8_valid(const char *str, size_t n, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i];
		size_t len;
		unsigned min, cp;

		if (c < 0x80) {
			/* Runs of ASCII, the most of any cell, eight bytes at a time. */
			uint64_t w;
			for (i++; i + 8 <= n && (memcpy(&w, s + i, 8), !(w & 0x8080808080808080u));)
				i += 8;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			len = 2, min = 0x80, cp = c & 0x1f;
		} else if ((c & 0xf0) == 0xe0) {
			len = 3, min = 0x800, cp = c & 0x0f;
		} else if ((c & 0xf8) == 0xf0) {
			len = 4, min = 0x10000, cp = c & 0x07;
		} else {
			goto fail;
		}
		if (i + len > n)
			goto fail;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				goto fail;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto fail;
		i += len;
	}
	return true;
fail:
	*bad = i;
	return false;
}

static const char *yes_words[] = {"yes", "y", "1", "true", NULL};
static const char *no_words[] = {"no", "n", "0", "false", NULL};

/* The first byte compared first: most codes differ there, and it runs
 * for every code cell read. */
static bool in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if ((*list)[0] == s[0] && strcmp(s, *list) == 0)
			return true;
	return false;
}

static void code_list(const char *const *codes, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (; *codes && used < len; codes++)
		used += snprintf(buf + used, len - used, "%s%s", used ? ", " : "", *codes);
}

bool field_parse(const struct field *f, const char *raw, jz_date today,
		 struct value *v, struct problems *p)
{
	char err[200], list[240];
	size_t bad;

	v->given = raw && *raw;
	v->i = 0;
	v->s = NULL;
	if (!v->given) {
		if (f->flags & F_REQUIRED) {
			problem(p, f->name, "is required");
			return false;
		}
		if (!f->deflt)
			return true;
		raw = f->deflt;
		v->given = true;
	}
	v->s = raw;
	switch (f->type) {
	case FT_TEXT: {
		size_t len = strlen(raw);
		if ((f->flags & F_SHORT) && len > FIELD_SHORT_MAX) {
			problem(p, f->name, "is %zu bytes long; an identifier has at most %d",
				len, FIELD_SHORT_MAX);
			return false;
		}
		if (!utf8_valid(raw, len, &bad)) {
			problem(p, f->name, "invalid UTF-8 at byte %zu; is the input GB18030? "
				"try --encoding GB18030", bad + 1);
			return false;
		}
		return true;
	}
	case FT_ID:
		if (!idn_parse(raw, today, v->buf, err, sizeof err))
			break;
		v->s = v->buf;
		return true;
	case FT_DATE:
		if (!date_parse(raw, &v->i, err, sizeof err))
			break;
		return true;
	case FT_MONTH:
		if (!date_parse_month(raw, &v->i, err, sizeof err))
			break;
		return true;
	case FT_MONEY:
		if (!money_read(raw, false, &v->i, v->buf, err, sizeof err))
			break;
		v->s = v->buf;
		return true;
	case FT_YESNO: {
		bool yes = in_list(raw, yes_words);
		if (yes || in_list(raw, no_words)) {
			v->i = yes;
			v->s = yes ? "yes" : "no";
			return true;
		}
	}
		snprintf(err, sizeof err, "'%.40s' is not yes or no", raw);
		break;
	case FT_CODE:
		if (in_list(raw, f->codes))
			return true;
		code_list(f->codes, list, sizeof list);
		snprintf(err, sizeof err, "unknown code '%.40s'; expected one of: %s", raw, list);
		break;
	case FT_GRADE:
		if (raw[0] >= '1' && raw[0] <= '4' && raw[1] == '\0') {
			v->i = raw[0] - '0';
			return true;
		}
		snprintf(err, sizeof err, "'%.40s' is not a grade; expected 1, 2, 3 or 4", raw);
		break;
	}
	problem(p, f->name, "%s", err);
	return false;
}

int field_find(const struct field *fields, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(fields[i].name, name) == 0)
			return i;
	return -1;
}

/* Levenshtein distance of two short ASCII strings, capped at 99. */
static int distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int row[64];

	if (la >= 64 || lb >= 64)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j];
			int best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

const char *field_suggest(const struct field *fields, int n, const char *name)
{
	const char *best = NULL;
	int bestd = strlen(name) >= 4 ? 3 : 2; /* suggest only near misses */

	for (int i = 0; i < n; i++) {
		int d = distance(fields[i].name, name);
		if (d < bestd)
			best = fields[i].name, bestd = d;
	}
	return best;
}
