/* Choosing a file's kind by its header (see kind_choose.h). */
#include "io/kind_choose.h"

#include <cjson/cJSON.h>
#include <csv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/diag.h"
#include "core/exitcode.h"

/* A header's column names, as far as they matter: 200 is more columns
 * than any kind has, and the rest would only add to "unknown". */
#define NAMES_MAX 200

struct header {
	char *name[NAMES_MAX];
	int n;
	long line; /* where the header (or the first JSON record) is */
	bool done; /* the header is whole */
};

static void add_name(struct header *h, const char *s, size_t len)
{
	if (h->n == NAMES_MAX)
		return;
	if (!(h->name[h->n] = strndup(s, len)))
		diag_fatal(JZ_SOFTWARE, "out of memory");
	h->n++;
}

static void csv_cell(void *s, size_t len, void *data)
{
	struct header *h = data;

	if (!h->done)
		add_name(h, s, len);
}

static void csv_end(int term, void *data)
{
	(void)term;
	((struct header *)data)->done = true;
}

static void from_csv(struct header *h, const char *t, size_t len, bool eof)
{
	struct csv_parser p;

	if (csv_init(&p, CSV_APPEND_NULL))
		diag_fatal(JZ_SOFTWARE, "out of memory");
	csv_parse(&p, t, len, csv_cell, csv_end, h);
	if (eof && !h->done)
		csv_fini(&p, csv_cell, csv_end, h);
	csv_free(&p);
}

static void from_tsv(struct header *h, const char *t, size_t len, bool eof)
{
	const char *nl = memchr(t, '\n', len);

	if (!nl && !eof)
		return;
	size_t end = nl ? (size_t)(nl - t) : len;
	if (end && t[end - 1] == '\r')
		end--;
	char *line = strndup(t, end);
	if (!line)
		diag_fatal(JZ_SOFTWARE, "out of memory");
	for (char *cell = line, *tab;; cell = tab + 1) {
		tab = strchr(cell, '\t');
		size_t n = tab ? (size_t)(tab - cell) : strlen(cell);
		add_name(h, cell, rec_tsv_unescape(cell, n));
		if (!tab)
			break;
	}
	free(line);
	h->done = true;
}

/* The keys of the JSON object t[0..len). */
static void from_object(struct header *h, const char *t, size_t len)
{
	cJSON *obj = cJSON_ParseWithLength(t, len);

	for (cJSON *m = cJSON_IsObject(obj) ? obj->child : NULL; m; m = m->next)
		add_name(h, m->string, strlen(m->string));
	cJSON_Delete(obj);
	h->done = true;
}

/* The end of the JSON value that starts at t[0], or NULL when t ends
 * first. */
static const char *value_end(const char *t, const char *end)
{
	int depth = 0;
	bool in_string = false, escape = false;

	for (const char *p = t; p < end; p++) {
		if (in_string) {
			if (escape)
				escape = false;
			else if (*p == '\\')
				escape = true;
			else if (*p == '"')
				in_string = false;
		} else if (*p == '"') {
			in_string = true;
		} else if (*p == '{' || *p == '[') {
			depth++;
		} else if ((*p == '}' || *p == ']') && --depth == 0) {
			return p + 1;
		}
	}
	return NULL;
}

static long lines_before(const char *t, const char *p)
{
	long n = 1;
	for (; t < p; t++)
		n += *t == '\n';
	return n;
}

static void from_json(struct header *h, const char *t, size_t len, bool eof, bool array)
{
	const char *p = t, *end = t + len;

	while (p < end && strchr(" \t\r\n", *p))
		p++;
	if (array && p < end && *p == '[')
		for (p++; p < end && strchr(" \t\r\n", *p); p++)
			;
	if (p == end) {
		h->done = eof;
		return;
	}
	const char *stop = value_end(p, end);
	if (!stop && !eof)
		return;
	h->line = lines_before(t, p);
	from_object(h, p, (size_t)((stop ? stop : end) - p));
}

/* Read the header of name; false when it has none (no bytes, or a pipe
 * of the kind given). */
static bool read_header(const char *name, const struct rec_source *src, struct header *h,
			const struct kind *given)
{
	struct input in;
	char *buf;
	size_t len = 0, n;
	enum rec_format format = src->format;
	bool eof = false;

	struct stat st;

	/* A named pipe read twice would lose its start: such a file is read
	 * as the kind given (standard input is kept, and read again); with
	 * none given, there is no kind to read it as. */
	if (strcmp(name, "-") != 0 && stat(name, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (!given)
			diag_fatal(JZ_USAGE, "%s: not a file but a pipe, which cannot be looked at "
				   "and then read: give --kind, or give it on standard input", name);
		return false;
	}
	if (!(buf = malloc(REC_RECORD_MAX + INPUT_CHUNK)))
		diag_fatal(JZ_SOFTWARE, "out of memory");
	input_open_peek(&in, name, src->encoding);
	while (!h->done && len < REC_RECORD_MAX) {
		if ((n = input_read(&in, buf + len, INPUT_CHUNK)) == 0)
			eof = true;
		len += n;
		if (format == REC_AUTO)
			format = rec_detect(buf, len);
		for (int i = 0; i < h->n; i++)
			free(h->name[i]);
		h->n = 0;
		h->line = 1;
		if (format == REC_JSONL || format == REC_JSON)
			from_json(h, buf, len, eof, format == REC_JSON);
		else if (format == REC_TSV)
			from_tsv(h, buf, len, eof);
		else
			from_csv(h, buf, len, eof);
		if (eof)
			break;
	}
	input_close(&in);
	free(buf);
	return h->n > 0;
}

/* How well kind k fits the header: its required columns there, and the
 * header's columns it does not know. */
static void fit(const struct kind *k, const struct header *h, const struct rec_source *src,
		int *required, int *missing, int *unknown)
{
	*required = *missing = *unknown = 0;
	for (int i = 0; i < k->nfields; i++) {
		if (!(k->fields[i].flags & F_REQUIRED))
			continue;
		(*required)++;
		int c;
		for (c = 0; c < h->n && strcmp(h->name[c], k->fields[i].name) != 0; c++)
			;
		*missing += c == h->n;
	}
	for (int c = 0; c < h->n; c++) {
		bool known = !*h->name[c] || kind_column(k, h->name[c]) >= 0;
		for (const char *const *p = src->ignore; !known && p && *p; p++)
			known = strcmp(*p, h->name[c]) == 0;
		*unknown += !known && !src->ignore_unknown;
	}
}

const struct kind *kind_choose(const char *name, const struct rec_source *src,
			       const struct kind *const *kinds, int n, const struct kind *given,
			       const char *like)
{
	struct header h = {.line = 1};
	const struct kind *best = NULL, *near = NULL;
	int best_req = -1, near_have = -1, near_unknown = 0;

	if (!read_header(name, src, &h, given))
		return given ? given : kinds[0];
	for (int i = 0; i < n; i++) {
		int req, missing, unknown;
		fit(kinds[i], &h, src, &req, &missing, &unknown);
		bool kept = best && best == given; /* the given kind, once it fits, stays */
		if (!missing && !unknown && !kept && (kinds[i] == given || req > best_req)) {
			best = kinds[i];
			best_req = req;
		}
		int have = req - missing;
		if (have > near_have || (have == near_have && unknown < near_unknown)) {
			near = kinds[i];
			near_have = have;
			near_unknown = unknown;
		}
	}
	for (int i = 0; i < h.n; i++)
		free(h.name[i]);
	if (!given)
		return best ? best : near;
	if (best && best != given && like) {
		diag_at(name, h.line, NULL, "the header is %s %s file's, not %s %s file's as %s's; "
			"one run takes one kind: give them in runs of their own",
			strchr("aeiou", best->name[0]) ? "an" : "a", best->name,
			strchr("aeiou", given->name[0]) ? "an" : "a", given->name, like);
		exit(JZ_DATAERR);
	}
	if (best && best != given) {
		diag_at(name, h.line, NULL, "the header is %s %s file's, not %s %s file's; give "
			"--kind %s (or no --kind)", strchr("aeiou", best->name[0]) ? "an" : "a",
			best->name, strchr("aeiou", given->name[0]) ? "an" : "a", given->name,
			best->name);
		exit(JZ_DATAERR);
	}
	return given;
}
