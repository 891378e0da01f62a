/*
 * Record readers.  CSV is fed to libcsv one line at a time so that each
 * record knows the line it starts on; JSON Lines are parsed line by line;
 * a JSON array is split into its elements by a small scanner, so it too is
 * read one element at a time, with line numbers.
 */
#include "io/rec.h"

#include <cjson/cJSON.h>
#include <csv.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/money.h"

bool rec_format_parse(const char *s, enum rec_format *out)
{
	static const struct { const char *name; enum rec_format f; } words[] = {
		{"csv", REC_CSV}, {"jsonl", REC_JSONL}, {"json", REC_JSON}, {"table", REC_TABLE},
		{"html", REC_HTML}, {"tsv", REC_TSV}, {"xlsx", REC_XLSX},
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

static void buf_grow(struct buf *b, size_t n)
{
	size_t cap = b->cap ? b->cap : 1024;
	while (cap < b->len + n + 1)
		cap *= 2;
	if (!(b->p = realloc(b->p, cap)))
		diag_fatal(JZ_SOFTWARE, "out of memory");
	b->cap = cap;
}

static inline void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
		buf_grow(b, n);
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
	bool broken;   /* the record being read has a cell that is no text */
	bool plain;    /* every byte the current cells come from is ASCII, no NUL */
	char **val;    /* a cell pointer per field */
	struct rec rec;   /* the record handed to fn; the CSV reader writes its
			   * problems straight into rec.prob (a copy per row costs) */
	struct buf cells; /* the cells' bytes, NUL-separated */
	size_t *off;   /* offset of each field's cell in cells, or SIZE_MAX */
	long records;  /* handed to fn */
	struct buf dropped; /* --ignore-unknown: the columns dropped, ", "-separated */
};

/* --ignore-unknown: column name is dropped; remember it once. */
/* May --ignore-unknown drop this column?  Not a near miss of a column the
 * kind knows (monthly_incme): dropped, that column would take its default
 * (an income of 0.00) without a word; it stays an error with its "did you
 * mean". */
static bool droppable(const struct reader *r, const char *name)
{
	return r->src->ignore_unknown &&
	       !field_suggest(r->src->fields, r->src->nfields, name);
}

static void reader_drop(struct reader *r, const char *name)
{
	size_t n = strlen(name);
	/* Once each: the list is "a, b, c"; a name is whole between ", ". */
	for (const char *p = r->dropped.p; p && (p = strstr(p, name)); p++)
		if ((p == r->dropped.p || (p - r->dropped.p >= 2 && p[-2] == ',' && p[-1] == ' ')) &&
		    (p[n] == ',' || p[n] == '\0'))
			return;
	if (r->dropped.len)
		buf_add(&r->dropped, ", ", 2);
	buf_add(&r->dropped, name, n);
}

static void reader_reset(struct reader *r)
{
	r->cells.len = 0;
	r->broken = false;
	for (int i = 0; i < r->src->nfields; i++)
		r->off[i] = SIZE_MAX;
}

static void reader_emit(struct reader *r, struct problems *prob, bool broken)
{
	struct rec *rec = &r->rec;

	if (prob != &rec->prob)
		rec->prob = *prob;
	rec->broken = broken || r->broken;
	rec->n = r->src->nfields;
	rec->val = r->val;
	for (int i = 0; i < rec->n; i++)
		r->val[i] = r->off[i] == SIZE_MAX ? NULL : r->cells.p + r->off[i];
	r->records++;
	r->fn(rec, r->ctx);
}

/* Is s[0..n) plain ASCII without a NUL?  Eight bytes at a time: a byte
 * of 0 borrows into its high bit, a byte of 0x80 or more has it set. */
static bool plain_ascii(const char *s, size_t n)
{
	const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
	uint64_t w, any = 0;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		any |= (w - ones) | w;
	}
	for (; i < n; i++)
		any |= (uint64_t)(((unsigned char)s[i] - 1u) | (unsigned char)s[i]) & 0x80u;
	return (any & high) == 0;
}

static inline void reader_keep(struct reader *r, int i, const char *s, size_t n)
{
	r->off[i] = r->cells.len;
	buf_add(&r->cells, s, n);
	r->cells.len++; /* keep the NUL */
}

/* A cell that may not be text: checked byte by byte. */
static void __attribute__((noinline)) reader_cell_checked(struct reader *r, int i,
							  const char *s, size_t n,
							  struct problems *prob)
{
	const char *name = r->src->fields[i].name, *nul;
	size_t bad;

	if (n > REC_FIELD_MAX) {
		problem(prob, name, "is %zu bytes long; a field has at most %d", n, REC_FIELD_MAX);
	} else if ((nul = memchr(s, '\0', n))) {
		problem(prob, name, "contains a NUL byte (byte %zu); text cannot hold one: is the file "
			"binary?", (size_t)(nul - s) + 1);
	} else if (!utf8_valid(s, n, &bad)) {
		problem(prob, name, "invalid UTF-8 at byte %zu; is the input GB18030? try --encoding "
			"GB18030", bad + 1);
	} else {
		reader_keep(r, i, s, n);
		return;
	}
	r->broken = true;
}

/* Store cell s[0..n) for field i.  A cell that cannot be text (too long,
 * a NUL byte, not UTF-8) breaks the record: that one problem is reported,
 * not what the columns' checks would make of the rest.  Inline, with the
 * checks out of line: it runs for every cell. */
static inline void reader_cell(struct reader *r, int i, const char *s, size_t n,
			       struct problems *prob)
{
	if (r->broken)
		return;
	if (n <= REC_FIELD_MAX && (r->plain || plain_ascii(s, n))) /* no check can fail */
		reader_keep(r, i, s, n);
	else
		reader_cell_checked(r, i, s, n, prob);
}

/* ---- CSV ---- */

/* A column of no field: one dropped, or one whose header cell is empty
 * (a spreadsheet's trailing commas), which must hold nothing. */
#define COL_NONE (-1)
#define COL_EMPTY (-2)

/* Up to so many unknown columns (of a CSV header, or members of a JSON
 * record) are told one by one; more are told in one line. */
#define CSV_UNKNOWN_SHOWN 5

struct csvread {
	struct reader *r;
	struct csv_parser parser;
	long line;       /* line being fed */
	long row_line;   /* line where the current row began */
	int col;         /* column of the next field */
	int ncols;       /* header width; 0 until the header is read */
	int *map;        /* column -> field index, COL_NONE or COL_EMPTY */
	int mapcap;
	int unknown;     /* unknown columns in the header */
	char shown[CSV_UNKNOWN_SHOWN][80]; /* the first of them, told when the header ends */
	struct problems *prob; /* the row's: r->rec.prob */
};

/* The name of column col, or NULL (the header itself, or a column that is
 * not one of the kind's). */
static const char *csv_column(const struct csvread *c, int col)
{
	return c->ncols && col < c->ncols && c->map[col] >= 0 ? c->r->src->fields[c->map[col]].name
							      : NULL;
}

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
	if (n == 0) {
		c->map[c->col] = COL_EMPTY;
		return;
	}
	int i = field_find(r->src->fields, r->src->nfields, name);
	c->map[c->col] = i;
	if (i < 0 && !ignored(r->src, name) && droppable(r, name)) {
		reader_drop(r, name);
	} else if (i < 0 && !ignored(r->src, name)) {
		if (c->unknown < CSV_UNKNOWN_SHOWN)
			snprintf(c->shown[c->unknown], sizeof c->shown[0], "%s", name);
		c->unknown++;
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
		problems_init(c->prob, c->r->in.name, c->row_line);
	if (c->ncols == 0)
		csv_header_cell(c, s, n);
	else if (c->col < c->ncols && c->map[c->col] >= 0)
		reader_cell(c->r, c->map[c->col], s, n, c->prob);
	else if (c->col < c->ncols && c->map[c->col] == COL_EMPTY && n)
		/* Dropping it would lose data nobody named: say where it is. */
		problem(c->prob, NULL, "field %d holds a value but its header cell is empty; name "
			"the column or empty the cell", c->col + 1);
	c->col++;
}

/* The header has ended: tell its unknown columns (or that it is none),
 * and the required columns it lacks. */
static void csv_header_end(struct csvread *c)
{
	struct reader *r = c->r;
	int known = 0;

	for (int k = 0; k < c->col; k++)
		known += c->map[k] >= 0;
	if (r->dropped.len)
		diag_warn("%s: ignored columns: %s",
			  strcmp(r->in.name, "-") == 0 ? "standard input" : r->in.name, r->dropped.p);
	if (known == 0 && c->unknown) {
		char want[240] = "";
		size_t used = 0;
		for (int i = 0; i < r->src->nfields && used < sizeof want; i++)
			if (r->src->fields[i].flags & F_REQUIRED)
				used += snprintf(want + used, sizeof want - used, "%s%s", used ? "," : "",
						 r->src->fields[i].name);
		diag_at(r->in.name, c->row_line, NULL, "not a header: none of its %d fields is a column "
			"name; the first line must name the columns, e.g. %s", c->col, want);
		return;
	}
	if (c->unknown > CSV_UNKNOWN_SHOWN) { /* not a typo or two: one line for all */
		char some[CSV_UNKNOWN_SHOWN * 82] = "";
		for (int k = 0, used = 0; k < CSV_UNKNOWN_SHOWN; k++)
			used += snprintf(some + used, sizeof some - used, "%s, ", c->shown[k]);
		diag_at(r->in.name, c->row_line, NULL, "%d unknown columns: %s...; is it the right kind "
			"of file?", c->unknown, some);
		return; /* what it lacks would say no more */
	}
	for (int k = 0; k < c->unknown && c->unknown <= CSV_UNKNOWN_SHOWN; k++) {
		const char *near = field_suggest(r->src->fields, r->src->nfields, c->shown[k]);
		diag_at(r->in.name, c->row_line, c->shown[k], "unknown column%s%s%s",
			near ? "; did you mean " : "", near ? near : "", near ? "?" : "");
	}
	for (int i = 0; i < r->src->nfields; i++)
		if (r->src->fields[i].flags & F_REQUIRED) {
			int k;
			for (k = 0; k < c->col && c->map[k] != i; k++)
				;
			if (k == c->col) {
				diag_at(r->in.name, c->row_line, r->src->fields[i].name,
					"required column is missing from the header");
				r->ok = false;
			}
		}
}

static void csv_on_row(int term, void *data)
{
	struct csvread *c = data;
	struct reader *r = c->r;

	if (c->ncols == 0) {
		csv_header_end(c);
		c->ncols = c->col;
	} else if (r->ok) {
		if (c->col == 0)
			problems_init(c->prob, r->in.name, c->row_line);
		if (c->col != c->ncols) {
			/* Its cells are not where the header says: checking them
			 * would only tell of the shift. */
			problem(c->prob, NULL, "row has %d fields; the header has %d%s", c->col, c->ncols,
				term == -1 && c->col < c->ncols ? ": the file ends inside the row; is it "
				"cut short?" : "");
			r->broken = true;
		}
		reader_emit(r, c->prob, false);
	}
	reader_reset(r);
	c->col = 0;
}

static void read_csv(struct reader *r, const char *first, size_t firstlen)
{
	struct csvread c = {.r = r, .line = 1, .row_line = 1, .prob = &r->rec.prob};
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
			/* One look at the line's bytes spares one per cell. */
			bool plain = plain_ascii(p, seg);
			if (c.parser.pstate == 0 && c.col == 0) {
				c.row_line = c.line; /* a row begins on this line */
				r->plain = plain;
			} else {
				r->plain = r->plain && plain; /* a cell may span lines */
			}
			if (csv_parse(&c.parser, p, seg, csv_on_field, csv_on_row, &c) != seg) {
				/* Strict mode: a quote in a field not quoted as a
				 * whole, or text after a closing quote. */
				diag_at(r->in.name, c.line, csv_column(&c, c.col), "a stray quote in "
					"field %d; a field with a quote in it must be quoted whole, each "
					"quote inside doubled", c.col + 1);
				r->ok = false;
				goto out;
			}
			if (c.parser.entry_pos > REC_FIELD_MAX) { /* the field being read */
				diag_at(r->in.name, c.row_line, csv_column(&c, c.col), "field %d is longer "
					"than %d bytes, the most a field may hold; is a quote not closed?",
					c.col + 1, REC_FIELD_MAX);
				r->ok = false;
				goto out;
			}
			if (nl)
				c.line++;
			p += seg;
		}
	} while ((n = input_read(&r->in, chunk, INPUT_CHUNK)) > 0);
	r->plain = false;
	if (csv_fini(&c.parser, csv_on_field, csv_on_row, &c) != 0) {
		diag_at(r->in.name, c.row_line, csv_column(&c, c.col), "a quoted field is not "
			"closed: the file ends inside field %d; is it cut short, or a quote not doubled?",
			c.col + 1);
		r->ok = false;
	}
out:
	csv_free(&c.parser);
	free(c.map);
	free(chunk);
}

/* ---- TSV ---- */

size_t rec_tsv_unescape(char *s, size_t n)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (ch == '\\' && i + 1 < n && strchr("\\tnr", s[i + 1])) {
			i++;
			ch = s[i] == 't' ? '\t' : s[i] == 'n' ? '\n' : s[i] == 'r' ? '\r' : '\\';
		}
		s[o++] = ch;
	}
	return o;
}

/* Call fn for every line of the input (TSV, JSON Lines) without its '\n',
 * the last one even without one, numbered from 1.  A line longer than a
 * record may be comes cut to REC_RECORD_MAX, with too_long: memory stays
 * bounded.  fn returns false to read no further. */
typedef bool (*line_fn)(struct reader *r, struct buf *line, bool too_long, long lineno,
			void *ctx);

static void each_line(struct reader *r, const char *first, size_t firstlen, line_fn fn,
		      void *ctx)
{
	struct buf line = {0};
	char *chunk = malloc(INPUT_CHUNK);
	size_t n = firstlen;
	long lineno = 1;
	bool too_long = false, go = true;

	if (!chunk)
		diag_fatal(JZ_SOFTWARE, "out of memory");
	memcpy(chunk, first, firstlen);
	do {
		char *p = chunk, *end = chunk + n;
		while (go && p < end) {
			char *nl = memchr(p, '\n', end - p);
			size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
			if (!too_long && line.len + len > REC_RECORD_MAX) {
				buf_add(&line, p, REC_RECORD_MAX - line.len);
				too_long = true;
			} else if (!too_long) {
				buf_add(&line, p, len);
			}
			if (!nl)
				break;
			go = fn(r, &line, too_long, lineno, ctx);
			too_long = false;
			line.len = 0;
			lineno++;
			p = nl + 1;
		}
	} while (go && (n = input_read(&r->in, chunk, INPUT_CHUNK)) > 0);
	if (go)
		fn(r, &line, too_long, lineno, ctx);
	free(line.p);
	free(chunk);
}

/* One line of TSV (without its end): its cells, unescaped, through the
 * CSV reader's callbacks, so that headers and rows are checked alike. */
static void tsv_line(struct csvread *c, char *p, size_t len)
{
	struct reader *r = c->r;

	if (len && p[len - 1] == '\r') /* a CR in a cell is written \r: this one ends the line */
		len--;
	if (len == 0)
		return; /* a blank line, as libcsv skips them */
	c->row_line = c->line;
	r->plain = plain_ascii(p, len);
	for (char *cell = p, *end = p + len;;) {
		char *tab = memchr(cell, '\t', (size_t)(end - cell));
		size_t n = tab ? (size_t)(tab - cell) : (size_t)(end - cell);
		csv_on_field(cell, rec_tsv_unescape(cell, n), c);
		if (!tab)
			break;
		cell = tab + 1;
	}
	csv_on_row(0, c);
}

/* A TSV line of each_line: a line too long for a record ends the file. */
static bool tsv_each(struct reader *r, struct buf *line, bool too_long, long lineno, void *ctx)
{
	struct csvread *c = ctx;

	if (too_long) {
		diag_at(r->in.name, lineno, NULL, "the line is longer than %d bytes, the most a "
			"record may hold", REC_RECORD_MAX);
		r->ok = false;
		return false;
	}
	c->line = lineno;
	tsv_line(c, line->p, line->len);
	return true;
}

static void read_tsv(struct reader *r, const char *first, size_t firstlen)
{
	struct csvread c = {.r = r, .line = 1, .row_line = 1, .prob = &r->rec.prob};

	each_line(r, first, firstlen, tsv_each, &c);
	r->plain = false;
	free(c.map);
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

/* The text of member key's value in the JSON object t[0..n) when it is a
 * number, into out: money is read from the digits as written (701.5 is
 * 70150 fen), never through cJSON's double.  False when not found (a key
 * written with escapes: number_text then serves). */
static bool number_of(const char *t, size_t n, const char *key, char *out, size_t cap)
{
	size_t keylen = strlen(key), from = 0;
	int depth = 0;
	bool in_string = false, escape = false, want_key = false, is_key = false, mine = false;

	for (size_t i = 0; i < n; i++) {
		char ch = t[i];
		if (in_string) {
			if (escape)
				escape = false;
			else if (ch == '\\')
				escape = true;
			else if (ch == '"') {
				in_string = false;
				if (is_key)
					mine = i - from == keylen && memcmp(t + from, key, keylen) == 0;
			}
		} else if (ch == '"') {
			in_string = true;
			is_key = want_key;
			want_key = false;
			from = i + 1;
		} else if (ch == '{' || ch == '[') {
			want_key = ++depth == 1 && ch == '{';
		} else if (ch == '}' || ch == ']') {
			depth--;
		} else if (ch == ',' && depth == 1) {
			want_key = true;
			mine = false;
		} else if (ch == ':' && depth == 1 && mine) {
			size_t j = i + 1, k;
			while (j < n && strchr(" \t\r\n", t[j]))
				j++;
			for (k = j; k < n && t[k] && strchr("+-.0123456789eE", t[k]); k++)
				;
			if (k == j || k - j >= cap)
				return false;
			memcpy(out, t + j, k - j);
			out[k - j] = '\0';
			return true;
		}
	}
	return false;
}

/* A JSON number for field i of the record's text: its own digits. */
static void json_number(struct reader *r, int i, const cJSON *m, const char *text,
			size_t textlen, struct problems *prob)
{
	const struct field *f = &r->src->fields[i];
	char num[40];

	if (!number_of(text, textlen, m->string, num, sizeof num)) {
		/* Its text not found (too long, or its key written with escapes):
		 * money is never taken from a double. */
		if (f->type == FT_MONEY) {
			problem(prob, f->name, "the amount's digits could not be read as written; "
				"write it with at most two decimals, e.g. 701.50, under a plain key");
			r->broken = true;
			return;
		}
		number_text(m->valuedouble, num, sizeof num);
	}
	if (f->type == FT_MONEY) {
		const char *point = strchr(num, '.');
		if (strpbrk(num, "eE")) {
			problem(prob, f->name, "%s is an amount in exponent form; write it in digits, "
				"with at most two decimals, e.g. 701.50", num);
			r->broken = true; /* that one problem, not "is required" as well */
			return;
		}
		if (point && strlen(point + 1) > 2) {
			problem(prob, f->name, "%s has %zu decimals; money has at most two decimals",
				num, strlen(point + 1));
			r->broken = true;
			return;
		}
	}
	reader_cell(r, i, num, strlen(num), prob);
}

/* Where in a JSON record's text something is, for a message. */
struct jwhere {
	size_t stop;  /* where the scan stopped: the end, or where it nested too deep */
	bool open;    /* the text ends inside a string, or before a bracket closes */
	char key[80]; /* the member whose value was being read there, or "" */
};

/* Scan t[0..n) as JSON, no deeper than max, into w. */
static void json_where(const char *t, size_t n, int max, struct jwhere *w)
{
	int depth = 0;
	bool in_string = false, escape = false, is_key = false, want_key = false;
	size_t from = 0;

	w->key[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char ch = t[i];
		if (in_string) {
			if (escape) {
				escape = false;
			} else if (ch == '\\') {
				escape = true;
			} else if (ch == '"') {
				in_string = false;
				if (is_key)
					snprintf(w->key, sizeof w->key, "%.*s",
						 (int)(i - from < 70 ? i - from : 70), t + from);
			}
		} else if (ch == '"') {
			in_string = true;
			is_key = want_key;
			want_key = false;
			from = i + 1;
			if (is_key)
				w->key[0] = '\0';
		} else if (ch == '{' || ch == '[') {
			if (++depth > max) {
				w->stop = i;
				w->open = true;
				return;
			}
			want_key = depth == 1 && ch == '{';
		} else if (ch == '}' || ch == ']') {
			depth--;
		} else if (ch == ',' && depth == 1) {
			want_key = true;
			w->key[0] = '\0'; /* that value has ended */
		}
	}
	w->stop = n;
	w->open = in_string || depth > 0;
}

/* The offset of the first \u0000 (a NUL once decoded) in t[0..n), or -1. */
static long escaped_nul(const char *t, size_t n)
{
	for (const char *u = t; (u = memmem(u, n - (size_t)(u - t), "u0000", 5)); u++) {
		size_t slashes = 0;
		while (u - slashes > t && u[-1 - (long)slashes] == '\\')
			slashes++;
		if (slashes % 2)
			return (long)(u - t) - 1;
	}
	return -1;
}

/* Say what is wrong with a JSON record's text that cJSON would not take,
 * or that holds a NUL.  The text is not quoted: it may hold an ID. */
static void json_trouble(const char *text, size_t textlen, const char *end, struct problems *prob)
{
	struct jwhere w;
	const char *nul = memchr(text, '\0', textlen);
	long esc = nul ? -1 : escaped_nul(text, textlen);

	if (nul || esc >= 0) {
		size_t at = nul ? (size_t)(nul - text) : (size_t)esc;
		json_where(text, at, INT_MAX, &w);
		problem(prob, w.key, "contains a NUL byte%s (byte %zu); text cannot hold one",
			nul ? "" : " as \\u0000", at + 1);
		return;
	}
	json_where(text, textlen, CJSON_NESTING_LIMIT, &w);
	if (w.stop < textlen) {
		problem(prob, w.key, "%s; this one is nested more than %d deep",
			*w.key ? "must be a string, number, true, false or null"
			       : "a record must be a JSON object", CJSON_NESTING_LIMIT);
	} else if (w.open) {
		problem(prob, w.key, "not valid JSON: the record ends before its closing bracket or quote; "
			"is it cut short?");
	} else {
		size_t at = end && end >= text && end <= text + textlen ? (size_t)(end - text) : 0;
		json_where(text, at, INT_MAX, &w);
		problem(prob, w.key, "not valid JSON at byte %zu of the record; a record is one JSON "
			"object", at + 1);
	}
}

/* A record longer than REC_RECORD_MAX (its first bytes in text): tell it,
 * naming the member being read where it passed the limit. */
static void json_too_long(struct reader *r, const char *text, size_t len, long line)
{
	struct problems *prob = &r->rec.prob; /* written in place, as CSV's */
	struct jwhere w;

	problems_init(prob, r->in.name, line);
	reader_reset(r);
	json_where(text, len, INT_MAX, &w);
	problem(prob, w.key, "the record is longer than %d bytes, the most one may hold (a field: "
		"%d)", REC_RECORD_MAX, REC_FIELD_MAX);
	reader_emit(r, prob, true);
}

/* Put one parsed JSON object's members into the record and emit it. */
static void json_record(struct reader *r, const char *text, size_t textlen, long line)
{
	struct problems *prob = &r->rec.prob; /* written in place, as CSV's */
	const char *end = NULL;
	bool nul = strlen(text) != textlen || escaped_nul(text, textlen) >= 0;
	cJSON *obj = nul ? NULL : cJSON_ParseWithOpts(text, &end, 1);
	bool broken = !cJSON_IsObject(obj);

	problems_init(prob, r->in.name, line);
	reader_reset(r);
	if (!obj) {
		json_trouble(text, textlen, end, prob);
	} else if (!cJSON_IsObject(obj)) {
		problem(prob, NULL, "a record must be a JSON object");
	} else {
		const char *unknown[CSV_UNKNOWN_SHOWN];
		int nunknown = 0;
		for (cJSON *m = obj->child; m; m = m->next) {
			int i = field_find(r->src->fields, r->src->nfields, m->string);
			if (i < 0 && ignored(r->src, m->string)) {
				continue;
			} else if (i < 0 && droppable(r, m->string)) {
				reader_drop(r, m->string);
			} else if (i < 0) {
				if (nunknown < CSV_UNKNOWN_SHOWN)
					unknown[nunknown] = m->string;
				nunknown++;
			} else if (r->off[i] != SIZE_MAX) {
				problem(prob, m->string, "column given twice");
			} else if (cJSON_IsString(m)) {
				reader_cell(r, i, m->valuestring, strlen(m->valuestring), prob);
			} else if (cJSON_IsNumber(m)) {
				json_number(r, i, m, text, textlen, prob);
			} else if (cJSON_IsBool(m)) {
				/* A yes/no column's text is yes or no, as the string form's. */
				bool yes_no = r->src->fields[i].type == FT_YESNO;
				const char *t = cJSON_IsTrue(m) ? (yes_no ? "yes" : "true")
								: (yes_no ? "no" : "false");
				reader_cell(r, i, t, strlen(t), prob);
			} else if (!cJSON_IsNull(m)) {
				problem(prob, m->string, "must be a string, number, true, false or null");
			}
		}
		if (nunknown > CSV_UNKNOWN_SHOWN) { /* as in a CSV header */
			problem(prob, NULL, "%d unknown columns: %s, %s, %s, %s, %s, ...; is it the right "
				"kind of file?", nunknown, unknown[0], unknown[1], unknown[2], unknown[3],
				unknown[4]);
			broken = true;
		}
		for (int k = 0; k < nunknown && nunknown <= CSV_UNKNOWN_SHOWN; k++) {
			const char *near = field_suggest(r->src->fields, r->src->nfields, unknown[k]);
			problem(prob, unknown[k], "unknown column%s%s%s", near ? "; did you mean " : "",
				near ? near : "", near ? "?" : "");
		}
	}
	cJSON_Delete(obj);
	reader_emit(r, prob, broken);
}

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr(" \t\r\n", s[i]))
			return false;
	return true;
}

/* One line of JSON Lines: a record, unless blank; too_long: only its
 * first REC_RECORD_MAX bytes are in line. */
/* A JSON Lines line of each_line: a record, unless blank. */
static bool json_line(struct reader *r, struct buf *line, bool too_long, long lineno, void *ctx)
{
	(void)ctx;
	if (too_long)
		json_too_long(r, line->p, line->len, lineno);
	else if (line->len && !blank(line->p, line->len))
		json_record(r, line->p, line->len, lineno);
	return true;
}

static void read_jsonl(struct reader *r, const char *first, size_t firstlen)
{
	each_line(r, first, firstlen, json_line, NULL);
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
			if (s.elem.len == REC_RECORD_MAX) {
				struct jwhere w;
				json_where(s.elem.p, s.elem.len, INT_MAX, &w);
				diag_at(r->in.name, s.elem_line, w.key, "the record is longer than %d bytes, "
					"the most one may hold (a field: %d)", REC_RECORD_MAX, REC_FIELD_MAX);
				r->ok = false;
				goto out;
			}
			buf_add(&s.elem, &ch, 1);
		}
	} while ((n = input_read(&r->in, chunk, INPUT_CHUNK)) > 0);
	if (s.state != J_AFTER)
		goto bad;
	goto out;
bad:
	diag_at(r->in.name, s.line, NULL, "not a JSON array of objects%s",
		s.state == J_AFTER ? ": text after the closing ]"
		: s.state == J_ELEMS && !n ? ": the file ends before the closing ]; is it cut short?" : "");
	r->ok = false;
out:
	free(s.elem.p);
	free(chunk);
}

enum rec_format rec_detect(const char *first, size_t n)
{
	size_t i = 0;

	while (i < n && strchr(" \t\r\n", first[i]))
		i++;
	if (i < n && first[i] == '{')
		return REC_JSONL;
	if (i < n && first[i] == '[')
		return REC_JSON;
	const char *nl = memchr(first, '\n', n);
	size_t line = nl ? (size_t)(nl - first) : n;
	if (memchr(first, '\t', line) && !memchr(first, ',', line))
		return REC_TSV;
	return REC_CSV;
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
	if (format == REC_AUTO)
		format = rec_detect(first, n);
	if (format == REC_JSONL)
		read_jsonl(&r, first, n);
	else if (format == REC_JSON)
		read_json_array(&r, first, n);
	else if (format == REC_TSV)
		read_tsv(&r, first, n);
	else
		read_csv(&r, first, n);
	input_close(&r.in);
	const char *shown = strcmp(name, "-") == 0 ? "standard input" : name;
	if (r.dropped.len && format != REC_CSV && format != REC_TSV) /* CSV's: with the header */
		diag_warn("%s: ignored columns: %s", shown, r.dropped.p);
	if (r.ok && r.records == 0) /* a warning, even under -q: cron mails it */
		diag_warn("%s: no records", shown);
	free(r.dropped.p);
	if (sha256)
		memcpy(sha256, r.in.sha256, SHA256_HEX);
	free(r.cells.p);
	free(r.val);
	free(r.off);
	return r.ok;
}
