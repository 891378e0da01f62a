/*
 * Record readers.  CSV is fed to libcsv one line at a time so that each
 * record knows the line it starts on; JSON Lines are parsed line by line;
 * a JSON array is split into its elements by a small scanner, so it too is
 * read one element at a time, with line numbers.
 */
#include "rec.h"

#include <cjson/cJSON.h>
#include <csv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "exitcode.h"

bool rec_format_parse(const char *s, enum rec_format *out)
{
	static const struct { const char *name; enum rec_format f; } words[] = {
		{"csv", REC_CSV}, {"jsonl", REC_JSONL}, {"json", REC_JSON}, {"table", REC_TABLE},
		{"html", REC_HTML},
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(s, words[i].name) == 0) {
			*out = words[i].f;
			return true;
		}
	return false;
}

/* A growable byte buffer. */
struct buf {
	char *p;
	size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;
		while (cap < b->len + n + 1)
			cap *= 2;
		if (!(b->p = realloc(b->p, cap)))
			diag_fatal(JZ_SOFTWARE, "out of memory");
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* What every reader shares: the file, the kind, the callback. */
struct reader {
	const struct rec_source *src;
	struct input in;
	rec_fn fn;
	void *ctx;
	bool ok;       /* no file-level problem */
	char **val;    /* a cell pointer per field */
	struct buf cells; /* the cells' bytes, NUL-separated */
	size_t *off;   /* offset of each field's cell in cells, or SIZE_MAX */
};

static void reader_reset(struct reader *r)
{
	r->cells.len = 0;
	for (int i = 0; i < r->src->nfields; i++)
		r->off[i] = SIZE_MAX;
}

static void reader_emit(struct reader *r, struct problems *prob, bool broken)
{
	struct rec rec = {.prob = *prob, .broken = broken, .n = r->src->nfields, .val = r->val};

	for (int i = 0; i < rec.n; i++)
		r->val[i] = r->off[i] == SIZE_MAX ? NULL : r->cells.p + r->off[i];
	r->fn(&rec, r->ctx);
}

/* Store cell s[0..n) for field i, checking for NUL bytes. */
static void reader_cell(struct reader *r, int i, const char *s, size_t n,
			struct problems *prob)
{
	if (memchr(s, '\0', n)) {
		problem(prob, r->src->fields[i].name, "contains a NUL byte");
		return;
	}
	r->off[i] = r->cells.len;
	buf_add(&r->cells, s, n);
	r->cells.len++; /* keep the NUL */
}

/* ---- CSV ---- */

struct csvread {
	struct reader *r;
	struct csv_parser parser;
	long line;       /* line being fed */
	long row_line;   /* line where the current row began */
	int col;         /* column of the next field */
	int ncols;       /* header width; 0 until the header is read */
	int *map;        /* column -> field index, -1 for none */
	int mapcap;
	struct problems prob;
};

static bool ignored(const struct rec_source *src, const char *name)
{
	for (const char *const *p = src->ignore; p && *p; p++)
		if (strcmp(*p, name) == 0)
			return true;
	return false;
}

static void csv_header_cell(struct csvread *c, const char *s, size_t n)
{
	struct reader *r = c->r;
	char name[80];

	if (c->col >= c->mapcap) {
		c->mapcap = c->mapcap ? 2 * c->mapcap : 64;
		if (!(c->map = realloc(c->map, c->mapcap * sizeof *c->map)))
			diag_fatal(JZ_SOFTWARE, "out of memory");
	}
	snprintf(name, sizeof name, "%.*s", (int)(n < 70 ? n : 70), s);
	int i = field_find(r->src->fields, r->src->nfields, name);
	c->map[c->col] = i;
	if (i < 0 && !ignored(r->src, name)) {
		const char *near = field_suggest(r->src->fields, r->src->nfields, name);
		diag_at(r->in.name, c->row_line, name, "unknown column%s%s%s", near ? "; did you mean " : "",
			near ? near : "", near ? "?" : "");
		r->ok = false;
		return;
	}
	for (int k = 0; k < c->col && i >= 0; k++)
		if (c->map[k] == i) {
			diag_at(r->in.name, c->row_line, name, "column given twice");
			r->ok = false;
		}
}

static void csv_on_field(void *s, size_t n, void *data)
{
	struct csvread *c = data;

	if (c->col == 0 && c->ncols)
		problems_init(&c->prob, c->r->in.name, c->row_line);
	if (c->ncols == 0)
		csv_header_cell(c, s, n);
	else if (c->col < c->ncols && c->map[c->col] >= 0)
		reader_cell(c->r, c->map[c->col], s, n, &c->prob);
	c->col++;
}

static void csv_on_row(int term, void *data)
{
	struct csvread *c = data;
	struct reader *r = c->r;

	(void)term;
	if (c->ncols == 0) {
		c->ncols = c->col;
		for (int i = 0; i < r->src->nfields; i++)
			if (r->src->fields[i].flags & F_REQUIRED) {
				int k;
				for (k = 0; k < c->ncols && c->map[k] != i; k++)
					;
				if (k == c->ncols) {
					diag_at(r->in.name, c->row_line, r->src->fields[i].name,
						"required column is missing from the header");
					r->ok = false;
				}
			}
	} else if (r->ok) {
		if (c->col == 0)
			problems_init(&c->prob, r->in.name, c->row_line);
		if (c->col != c->ncols)
			problem(&c->prob, NULL, "row has %d fields; the header has %d", c->col, c->ncols);
		reader_emit(r, &c->prob, false);
	}
	reader_reset(r);
	c->col = 0;
}

static void read_csv(struct reader *r, const char *first, size_t firstlen)
{
	struct csvread c = {.r = r, .line = 1, .row_line = 1};
	char *chunk = malloc(INPUT_CHUNK);
	size_t n = firstlen;
	/* Lines end in LF (or CR LF); a file whose first chunk has CRs and no
	 * LF is of the old Mac kind, whose lines end in CR. */
	int eol = !memchr(first, '\n', firstlen) && memchr(first, '\r', firstlen) ? '\r' : '\n';

	if (!chunk || csv_init(&c.parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL))
		diag_fatal(JZ_SOFTWARE, "out of memory");
	memcpy(chunk, first, firstlen);
	do {
		char *p = chunk, *end = chunk + n;
		while (p < end) {
			char *nl = memchr(p, eol, end - p);
			size_t seg = nl ? (size_t)(nl - p + 1) : (size_t)(end - p);
			if (c.parser.pstate == 0 && c.col == 0)
				c.row_line = c.line; /* a row begins on this line */
			if (csv_parse(&c.parser, p, seg, csv_on_field, csv_on_row, &c) != seg) {
				diag_at(r->in.name, c.line, NULL, "CSV: %s; a quote inside a field "
					"must be doubled and the field quoted",
					csv_strerror(csv_error(&c.parser)));
				r->ok = false;
				goto out;
			}
			if (nl)
				c.line++;
			p += seg;
		}
	} while ((n = input_read(&r->in, chunk, INPUT_CHUNK)) > 0);
	if (csv_fini(&c.parser, csv_on_field, csv_on_row, &c) != 0) {
		diag_at(r->in.name, c.row_line, NULL, "CSV: a quoted field is not closed");
		r->ok = false;
	}
out:
	csv_free(&c.parser);
	free(c.map);
	free(chunk);
}

/* ---- JSON ---- */

/* The text of a JSON number exactly as short as it round-trips: cJSON
 * keeps only the double, and 330.1 must not become 330.10000000000002. */
static void number_text(double d, char *buf, size_t len)
{
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, len, "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	/* %g may write 1e+02 for 100; money wants plain digits when exact. */
	if (strchr(buf, 'e') && fabs(d) < 1e15 && d == (double)(long long)d)
		snprintf(buf, len, "%lld", (long long)d);
}

/* Put one parsed JSON object's members into the record and emit it. */
static void json_record(struct reader *r, const char *text, size_t textlen, long line)
{
	struct problems prob;
	const char *end = NULL;
	cJSON *obj = cJSON_ParseWithOpts(text, &end, 1);
	bool broken = !cJSON_IsObject(obj);

	problems_init(&prob, r->in.name, line);
	reader_reset(r);
	if (obj && (strlen(text) != textlen || strstr(text, "\\u0000"))) {
		problem(&prob, NULL, "contains a NUL byte");
		broken = true;
	} else if (!obj) {
		problem(&prob, NULL, "not valid JSON near '%.20s'", end && *end ? end : "the end");
	} else if (!cJSON_IsObject(obj)) {
		problem(&prob, NULL, "a record must be a JSON object");
	} else {
		for (cJSON *m = obj->child; m; m = m->next) {
			int i = field_find(r->src->fields, r->src->nfields, m->string);
			char num[40];
			if (i < 0 && ignored(r->src, m->string)) {
				continue;
			} else if (i < 0) {
				const char *near = field_suggest(r->src->fields, r->src->nfields, m->string);
				problem(&prob, m->string, "unknown column%s%s%s", near ? "; did you mean " : "",
					near ? near : "", near ? "?" : "");
			} else if (r->off[i] != SIZE_MAX) {
				problem(&prob, m->string, "column given twice");
			} else if (cJSON_IsString(m)) {
				reader_cell(r, i, m->valuestring, strlen(m->valuestring), &prob);
			} else if (cJSON_IsNumber(m)) {
				number_text(m->valuedouble, num, sizeof num);
				reader_cell(r, i, num, strlen(num), &prob);
			} else if (cJSON_IsBool(m)) {
				reader_cell(r, i, cJSON_IsTrue(m) ? "true" : "false",
					    cJSON_IsTrue(m) ? 4 : 5, &prob);
			} else if (!cJSON_IsNull(m)) {
				problem(&prob, m->string, "must be a string, number, true, false or null");
			}
		}
	}
	cJSON_Delete(obj);
	reader_emit(r, &prob, broken);
}

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr(" \t\r\n", s[i]))
			return false;
	return true;
}

static void read_jsonl(struct reader *r, const char *first, size_t firstlen)
{
	struct buf line = {0};
	char *chunk = malloc(INPUT_CHUNK);
	size_t n = firstlen;
	long lineno = 1;

	if (!chunk)
		diag_fatal(JZ_SOFTWARE, "out of memory");
	memcpy(chunk, first, firstlen);
	do {
		char *p = chunk, *end = chunk + n;
		while (p < end) {
			char *nl = memchr(p, '\n', end - p);
			buf_add(&line, p, nl ? (size_t)(nl - p) : (size_t)(end - p));
			if (!nl)
				break;
			if (!blank(line.p, line.len))
				json_record(r, line.p, line.len, lineno);
			line.len = 0;
			lineno++;
			p = nl + 1;
		}
	} while ((n = input_read(&r->in, chunk, INPUT_CHUNK)) > 0);
	if (line.len && !blank(line.p, line.len))
		json_record(r, line.p, line.len, lineno);
	free(line.p);
	free(chunk);
}

/* A JSON array, one element at a time: the scanner tracks strings and
 * nesting to find where each top-level element ends. */
struct jscan {
	int depth;       /* nesting inside the array; 0 between elements */
	bool in_string, escape;
	long line;
	long elem_line;  /* where the current element starts */
	bool comma;      /* a comma came before the current element */
	enum { J_BEFORE, J_ELEMS, J_AFTER } state;
	struct buf elem; /* the current element, from its first non-blank byte */
};

static void read_json_array(struct reader *r, const char *first, size_t firstlen)
{
	struct jscan s = {.line = 1, .state = J_BEFORE};
	char *chunk = malloc(INPUT_CHUNK);
	size_t n = firstlen;

	if (!chunk)
		diag_fatal(JZ_SOFTWARE, "out of memory");
	memcpy(chunk, first, firstlen);
	do {
		for (size_t i = 0; i < n; i++) {
			char ch = chunk[i];
			bool space = ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
			if (ch == '\n')
				s.line++;
			if (s.state == J_BEFORE) {
				if (ch == '[')
					s.state = J_ELEMS;
				else if (!space)
					goto bad;
				continue;
			}
			if (s.state == J_AFTER) {
				if (!space)
					goto bad;
				continue;
			}
			if (s.in_string) {
				if (s.escape)
					s.escape = false;
				else if (ch == '\\')
					s.escape = true;
				else if (ch == '"')
					s.in_string = false;
			} else if (ch == '"') {
				s.in_string = true;
			} else if (ch == '{' || ch == '[') {
				s.depth++;
			} else if ((ch == '}' || ch == ']') && s.depth > 0) {
				s.depth--;
			} else if ((ch == ',' || ch == ']') && s.depth == 0) {
				if (s.elem.len)
					json_record(r, s.elem.p, s.elem.len, s.elem_line);
				else if (ch == ',' || s.comma)
					goto bad; /* an empty element: [,] or [{...},] */
				s.elem.len = 0;
				s.comma = ch == ',';
				if (ch == ']')
					s.state = J_AFTER;
				continue;
			}
			if (s.elem.len == 0) {
				if (space)
					continue; /* blanks between elements are not kept */
				s.elem_line = s.line;
			}
			buf_add(&s.elem, &ch, 1);
		}
	} while ((n = input_read(&r->in, chunk, INPUT_CHUNK)) > 0);
	if (s.state != J_AFTER)
		goto bad;
	goto out;
bad:
	diag_at(r->in.name, s.line, NULL, "not a JSON array of objects%s",
		s.state == J_AFTER ? ": text after the closing ]" : "");
	r->ok = false;
out:
	free(s.elem.p);
	free(chunk);
}

bool rec_read_file(const char *name, const struct rec_source *src, rec_fn fn,
		   void *ctx, char sha256[SHA256_HEX])
{
	struct reader r = {.src = src, .fn = fn, .ctx = ctx, .ok = true};
	char first[INPUT_CHUNK];
	enum rec_format format = src->format;

	r.val = calloc(src->nfields, sizeof *r.val);
	r.off = calloc(src->nfields, sizeof *r.off);
	if (!r.val || !r.off)
		diag_fatal(JZ_SOFTWARE, "out of memory");
	reader_reset(&r);
	input_open(&r.in, name, src->encoding, sha256 != NULL);
	size_t n = input_read(&r.in, first, sizeof first);
	if (format == REC_AUTO) {
		size_t i = 0;
		while (i < n && strchr(" \t\r\n", first[i]))
			i++;
		format = i < n && first[i] == '{' ? REC_JSONL : i < n && first[i] == '[' ? REC_JSON : REC_CSV;
	}
	if (format == REC_JSONL)
		read_jsonl(&r, first, n);
	else if (format == REC_JSON)
		read_json_array(&r, first, n);
	else
		read_csv(&r, first, n);
	input_close(&r.in);
	if (sha256)
		memcpy(sha256, r.in.sha256, SHA256_HEX);
	free(r.cells.p);
	free(r.val);
	free(r.off);
	return r.ok;
}
