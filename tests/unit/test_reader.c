/* Unit tests of the fast paths of the CSV record reader and writer and the value
 * checks: each compared with what it stands in for on many generated
 * inputs.  The reader's records (its checks of a line at once, its cells
 * copied without a call each) must be what libcsv alone, fed line by line,
 * makes of the same bytes. */
#include "unit.h"

#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/field.h"
#include "core/money.h"
#include "io/rec.h"

#define NF 4
#define MAXROWS 64

static const struct field fields[NF] = {
	{"a", FT_TEXT, 0, NULL, NULL}, {"b", FT_TEXT, 0, NULL, NULL},
	{"c", FT_TEXT, 0, NULL, NULL}, {"d", FT_TEXT, 0, NULL, NULL},
};

/* A row as seen: where it starts, whether it is broken, its cells. */
struct row {
	long line;
	bool broken;
	char cell[NF][64];
};

struct rows {
	struct row r[MAXROWS];
	int n;
};

static unsigned long long seed = 2007;

static unsigned rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(seed >> 33) % n;
}

/* ---- the oracle: libcsv alone, line by line ---- */

struct oracle {
	struct rows *out;
	long line, row_line;
	int col;
	bool header_done, bad_cell;
	char cell[NF][64];
};

static void o_field(void *s, size_t n, void *data)
{
	struct oracle *o = data;
	size_t bad;

	if (o->header_done && o->col < NF) {
		if (memchr(s, '\0', n) || !utf8_valid(s, n, &bad))
			o->bad_cell = true;
		else
			snprintf(o->cell[o->col], sizeof o->cell[0], "%.*s", (int)n, (char *)s);
	}
	o->col++;
}

static void o_row(int term, void *data)
{
	struct oracle *o = data;

	(void)term;
	if (!o->header_done) {
		o->header_done = true;
	} else if (o->out->n < MAXROWS) {
		struct row *r = &o->out->r[o->out->n++];
		r->line = o->row_line;
		r->broken = o->col != NF || o->bad_cell;
		memcpy(r->cell, o->cell, sizeof r->cell);
	}
	memset(o->cell, 0, sizeof o->cell);
	o->bad_cell = false;
	o->col = 0;
}

/* What the reader made of text before: false where it found the file bad. */
static bool oracle(const char *text, size_t len, struct rows *out)
{
	struct oracle o = {.out = out, .line = 1, .row_line = 1};
	struct csv_parser p;
	bool ok = true;

	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	for (const char *s = text, *end = text + len; s < end;) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t seg = nl ? (size_t)(nl - s + 1) : (size_t)(end - s);
		if (p.pstate == 0 && o.col == 0)
			o.row_line = o.line;
		if (csv_parse(&p, s, seg, o_field, o_row, &o) != seg) {
			ok = false;
			goto out;
		}
		if (nl)
			o.line++;
		s += seg;
	}
	ok = csv_fini(&p, o_field, o_row, &o) == 0;
out:
	csv_free(&p);
	return ok;
}

/* ---- the reader ---- */

static void take(struct rec *rec, void *ctx)
{
	struct rows *out = ctx;

	if (out->n == MAXROWS)
		return;
	struct row *r = &out->r[out->n++];
	memset(r, 0, sizeof *r);
	r->line = rec->prob.line;
	r->broken = rec->broken;
	for (int i = 0; i < NF && !r->broken; i++)
		snprintf(r->cell[i], sizeof r->cell[0], "%s", rec->val[i] ? rec->val[i] : "");
}

static bool reader(const char *text, size_t len, struct rows *out)
{
	char name[] = "/tmp/jz-test-reader-XXXXXX";
	int fd = mkstemp(name);
	struct rec_source src = {fields, NF, NULL, REC_CSV, NULL, false};

	if (fd < 0 || write(fd, text, len) != (ssize_t)len)
		return false;
	close(fd);
	bool ok = rec_read_file(name, &src, take, out, NULL);
	unlink(name);
	return ok;
}

static bool same(const struct rows *a, const struct rows *b)
{
	if (a->n != b->n)
		return false;
	for (int i = 0; i < a->n; i++) {
		if (a->r[i].line != b->r[i].line || a->r[i].broken != b->r[i].broken)
			return false;
		for (int k = 0; k < NF && !a->r[i].broken; k++)
			if (strcmp(a->r[i].cell[k], b->r[i].cell[k]) != 0)
				return false;
	}
	return true;
}

/* A random CSV of the header a,b,c,d and lines mostly simple, some with
 * what libcsv must see: quotes, blanks, CRs, quoted newlines, empty lines,
 * NULs, UTF-8 and bytes that are not. */
static size_t generate(char *buf, size_t cap, int lines)
{
	static const char *const tokens[] = {
		"", "x", "ab", "1234.50", "2007-12-11", "\xe4\xb8\x89", "\xff", "a\0b",
		"\"q\"", "\"q,\"\"r\"", " sp", "t\t", "\"multi\nline\"", "\"open", "x\"y",
		"\"a\" ", "\r",
	};
	size_t n = 0;

	memcpy(buf, "a,b,c,d\n", 8);
	n = 8;
	for (int l = 0; l < lines && n + 400 < cap; l++) {
		int simple = rnd(4) != 0, cols = rnd(3) ? NF : 1 + (int)rnd(6);
		for (int c = 0; c < cols; c++) {
			unsigned t = simple ? rnd(8) : rnd(sizeof tokens / sizeof tokens[0]);
			size_t len = t == 7 ? 3 : strlen(tokens[t]);
			if (c)
				buf[n++] = ',';
			memcpy(buf + n, tokens[t], len);
			n += len;
		}
		unsigned end = rnd(10);
		const char *eol = end == 0 ? "\r\n" : end == 1 ? "\n\n" : end == 2 && l == lines - 1 ? ""
				  : "\n";
		memcpy(buf + n, eol, strlen(eol));
		n += strlen(eol);
	}
	return n;
}

static void csv_lines(void)
{
	static char buf[300000];
	static struct rows want, got;
	int differ = 0, files = 3000;

	for (int i = 0; i < files; i++) {
		size_t n = generate(buf, sizeof buf, 1 + (int)rnd(12));
		want.n = got.n = 0;
		bool want_ok = oracle(buf, n, &want), got_ok = reader(buf, n, &got);
		if (want_ok != got_ok || !same(&want, &got)) {
			if (!differ++)
				printf("# first difference: file %d, of %zu bytes\n", i, n);
		}
	}
	CHECK(differ == 0, "CSV reader: %d generated files read as libcsv alone reads them", files);
	/* Files longer than a chunk: lines cut by the chunk's end. */
	differ = 0;
	for (int i = 0; i < 20; i++) {
		size_t n = generate(buf, sizeof buf, 4000);
		want.n = got.n = 0;
		bool want_ok = oracle(buf, n, &want), got_ok = reader(buf, n, &got);
		differ += want_ok != got_ok || !same(&want, &got);
	}
	CHECK(differ == 0, "CSV reader: files of several chunks read as libcsv alone reads them");
}

/* ---- money_read: money_parse and money_format, in one ---- */

static void amounts(void)
{
	static const char alphabet[] = "0123456789..-x ";
	char s[24], buf1[MONEY_TEXT], buf2[MONEY_TEXT], err1[200], err2[200];
	int differ = 0, tries = 300000;

	for (int i = 0; i < tries; i++) {
		size_t len = rnd(17);
		for (size_t k = 0; k < len; k++)
			s[k] = rnd(5) ? alphabet[rnd(10)] : alphabet[rnd(sizeof alphabet - 1)];
		s[len] = '\0';
		if (i % 3 == 0 && len > 3) /* many of the usual shape: digits.dd */
			s[len - 3] = '.';
		jz_fen f1 = -1, f2 = -1;
		bool neg = rnd(2);
		bool ok1 = money_parse(s, neg, &f1, err1, sizeof err1);
		if (ok1)
			money_format(f1, buf1);
		bool ok2 = money_read(s, neg, &f2, buf2, err2, sizeof err2);
		if (ok1 != ok2 || (ok1 && (f1 != f2 || strcmp(buf1, buf2))) ||
		    (!ok1 && strcmp(err1, err2))) {
			if (!differ++)
				printf("# first difference: '%s'\n", s);
		}
	}
	CHECK(differ == 0, "money_read: %d generated amounts as money_parse and money_format", tries);
	const char *edge[] = {"0.00", "00.00", "0.05", "012.34", "999999999999.99",
			      "1000000000000.00", "9999999999999.99", "1.5", "1.", ".50", "-1.00",
			      "1.005", "12", "0", "", NULL};
	differ = 0;
	for (int i = 0; edge[i]; i++) {
		jz_fen f1 = -1, f2 = -1;
		bool ok1 = money_parse(edge[i], false, &f1, err1, sizeof err1);
		if (ok1)
			money_format(f1, buf1);
		bool ok2 = money_read(edge[i], false, &f2, buf2, err2, sizeof err2);
		differ += ok1 != ok2 || (ok1 && (f1 != f2 || strcmp(buf1, buf2))) ||
			  (!ok1 && strcmp(err1, err2));
	}
	CHECK(differ == 0, "money_read: the edges (leading zeros, 12 and 13 digits, no decimals)");
}

/* ---- utf8_valid: its ASCII runs taken eight bytes at a time ---- */

/* utf8_valid as it was, one byte at a time. */
static bool utf8_slow(const char *str, size_t n, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i], min, cp;
		size_t len;
		if (c < 0x80) {
			i++;
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

static void utf8(void)
{
	static const char *const pieces[] = {"a", "abcdefgh", "\xe4\xb8\x89", "\xc3\xa9", "\xff",
					     "\xe4\xb8", "\xf0\x9f\x98\x80", "\xed\xa0\x80", "",
					     "0123456789012345", "\xc0\x80"};
	char s[200];
	int differ = 0, tries = 200000;

	for (int i = 0; i < tries; i++) {
		size_t n = 0;
		for (int k = (int)rnd(10); k > 0; k--) {
			const char *p = pieces[rnd(sizeof pieces / sizeof pieces[0])];
			memcpy(s + n, p, strlen(p));
			n += strlen(p);
		}
		size_t cut = n ? rnd((unsigned)n + 1) : 0; /* a character cut short, at times */
		size_t b1 = 0, b2 = 0;
		bool v1 = utf8_slow(s, cut, &b1), v2 = utf8_valid(s, cut, &b2);
		differ += v1 != v2 || (!v1 && b1 != b2);
	}
	CHECK(differ == 0, "utf8_valid: %d generated texts as byte by byte, same bad offset", tries);
}

/* ---- the CSV writer: a row put together and written at once ---- */

/* The cell as written before: libcsv's csv_fwrite when it needs quotes. */
static void old_cell(FILE *fp, const char *s)
{
	size_t n = 0;
	bool quote = false;
	for (; s[n]; n++)
		quote |= s[n] == ',' || s[n] == '"' || s[n] == '\r' || s[n] == '\n';
	if (quote || (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')))
		csv_fwrite(fp, s, n);
	else
		fwrite(s, 1, n, fp);
}

static void writer(void)
{
	static const char *const pieces[] = {"a", "330.50", "\"", ",", " ", "\t", "\r", "\n",
					     "\xe4\xb8\x89", "x y", ""};
	static const char *const columns[] = {"c1", "c2", "c3"};
	char cells[3][64], *got = NULL, *want = NULL;
	size_t gotlen = 0, wantlen = 0;
	FILE *g = open_memstream(&got, &gotlen), *o = open_memstream(&want, &wantlen);
	struct rec_writer *w = rec_writer_open(g, REC_CSV, columns, 3);

	fputs("c1,c2,c3\n", o);
	for (int row = 0; row < 20000; row++) {
		const char *values[3];
		for (int c = 0; c < 3; c++) {
			cells[c][0] = '\0';
			for (int k = (int)rnd(5); k > 0; k--)
				strcat(cells[c], pieces[rnd(sizeof pieces / sizeof pieces[0])]);
			values[c] = rnd(10) ? cells[c] : NULL;
			if (c)
				fputc(',', o);
			old_cell(o, values[c] ? values[c] : "");
		}
		fputc('\n', o);
		rec_write(w, values);
	}
	bool ok = rec_writer_close(w);
	fclose(g);
	fclose(o);
	CHECK(ok && gotlen == wantlen && memcmp(got, want, gotlen) == 0,
	      "CSV writer: 20000 generated rows byte for byte as written cell by cell with libcsv");
	free(got);
	free(want);
}

int main(void)
{
	/* The reader tells each bad row on stderr: thousands of them here. */
	if (!freopen("/dev/null", "w", stderr))
		return 1;
	csv_lines();
	amounts();
	utf8();
	writer();
	UNIT_END();
}
