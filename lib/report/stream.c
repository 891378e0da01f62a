/*
 * report lines (cli.md report: "aggregates a record stream without the
 * database"): settlement lines, as settle(1) prints them, in one file or
 * several (or stdin), summed together by institution, month, visit type or
 * status.  One pass; the memory is one entry per key.
 */
#include "report/report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/money.h"
#include "core/progress.h"
#include "io/kind.h"
#include "io/rec.h"

/* A settlement line: the claim's columns, then settle's. */
enum { LINE_COMPUTED = CLAIM_NCOLUMNS, LINE_APPROVED, LINE_STATUS, LINE_REASON, LINE_NCOLUMNS };
_Static_assert(LINE_NCOLUMNS <= KIND_MAX_FIELDS, "a settlement line fits KIND_MAX_FIELDS");
static const char *const statuses[] = {"approved", "adjusted", "rejected", NULL};
static struct field line_fields[KIND_MAX_FIELDS];
static int nline;

static void line_kind(void)
{
	static const struct field extra[] = {
		{"computed", FT_MONEY, F_REQUIRED, NULL, NULL},
		{"approved", FT_MONEY, F_REQUIRED, NULL, NULL},
		{"status", FT_CODE, F_REQUIRED, statuses, NULL},
		{"reason", FT_TEXT, 0, NULL, NULL},
	};
	if (nline)
		return;
	for (int i = 0; i < kind_claim.nfields; i++)
		line_fields[nline++] = kind_claim.fields[i];
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		line_fields[nline++] = extra[i];
}

struct sum {
	char key[104];
	long long lines, rejected, adjusted;
	jz_fen claimed, approved;
};

struct stream {
	int key;            /* the column summed by */
	struct sum *s;
	int n, cap;
	int *slot;          /* open addressing: 1 + index into s, 0 free */
	unsigned nslot;     /* a power of two, at least 2 * cap */
	long long bad;
	jz_date today;
};

static unsigned hash(const char *k, size_t n)
{
	unsigned h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)k[i]) * 16777619u;
	return h;
}

/* The sum of key k[0..n): found in one probe or two, or added. */
static struct sum *sum_of(struct stream *t, const char *k, size_t n)
{
	if (n >= sizeof t->s->key)
		n = sizeof t->s->key - 1;
	if ((unsigned)t->n * 2 >= t->nslot) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->nslot = 2 * (unsigned)t->cap;
		free(t->slot);
		if (!(t->s = realloc(t->s, t->cap * sizeof *t->s)) ||
		    !(t->slot = calloc(t->nslot, sizeof *t->slot)))
			diag_fatal(JZ_SOFTWARE, "out of memory");
		for (int i = 0; i < t->n; i++) {
			unsigned h = hash(t->s[i].key, strlen(t->s[i].key)) & (t->nslot - 1);
			while (t->slot[h])
				h = (h + 1) & (t->nslot - 1);
			t->slot[h] = i + 1;
		}
	}
	unsigned h = hash(k, n) & (t->nslot - 1);
	for (; t->slot[h]; h = (h + 1) & (t->nslot - 1)) {
		struct sum *s = &t->s[t->slot[h] - 1];
		if (strncmp(s->key, k, n) == 0 && s->key[n] == '\0')
			return s;
	}
	struct sum *s = memset(&t->s[t->n], 0, sizeof *s);
	memcpy(s->key, k, n);
	t->slot[h] = ++t->n;
	return s;
}

static void take(struct rec *rec, void *ctx)
{
	struct stream *t = ctx;
	struct value v[KIND_MAX_FIELDS];
	static long long lines;

	progress_tick("lines", ++lines);

	if (!rec->broken)
		for (int i = 0; i < nline; i++)
			field_parse(&line_fields[i], rec->val[i], t->today, &v[i], &rec->prob);
	if (rec->broken || rec->prob.count) {
		t->bad++;
		return;
	}
	const char *key = v[t->key].s;
	struct sum *s = sum_of(t, key, t->key == CLAIM_VISIT_DATE ? 7 : strlen(key)); /* a month */
	s->lines++;
	s->claimed += v[CLAIM_ADVANCE].i;
	s->approved += v[LINE_APPROVED].i;
	s->rejected += strcmp(v[LINE_STATUS].s, "rejected") == 0;
	s->adjusted += strcmp(v[LINE_STATUS].s, "adjusted") == 0;
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct sum *)a)->key, ((const struct sum *)b)->key);
}

const char *const *report_stream_columns(const char *by)
{
	static const char *cols[] = {NULL, "claims", "claimed", "approved", "rejected_claims",
				     "adjusted_claims"};
	cols[0] = by;
	return cols;
}

bool report_stream_by_ok(const char *by)
{
	return strcmp(by, "institution") == 0 || strcmp(by, "month") == 0 ||
	       strcmp(by, "visit_type") == 0 || strcmp(by, "status") == 0;
}

int report_stream(const struct jz_opts *o, const char *by, char **files, int nfiles,
		  struct rec_writer *w)
{
	struct stream t = {0};
	char *stdin_only[] = {"-"};
	bool ok = true;

	if (!nfiles) { /* no file named: stdin, the only input there is */
		files = stdin_only;
		nfiles = 1;
	}
	input_check_files(files, nfiles);

	line_kind();
	t.today = date_today();
	t.key = strcmp(by, "institution") == 0 ? CLAIM_INSTITUTION
		: strcmp(by, "month") == 0 ? CLAIM_VISIT_DATE
		: strcmp(by, "visit_type") == 0 ? CLAIM_VISIT_TYPE : LINE_STATUS;
	struct rec_source src = {line_fields, nline, NULL, o->input_format, o->encoding,
				 o->ignore_unknown};
	progress_start(o->quiet); /* no run_begin: no database */
	progress_files(files, nfiles);
	for (int i = 0; i < nfiles; i++)
		ok &= rec_read_file(files[i], &src, take, &t, NULL);
	progress_done();
	if (!ok || t.bad) {
		free(t.s);
		free(t.slot);
		if (t.bad)
			diag_warn("%lld bad line%s; nothing was reported", t.bad, t.bad == 1 ? "" : "s");
		else
			diag_warn("the input is not settlement lines; nothing was reported");
		return JZ_DATAERR;
	}
	qsort(t.s, t.n, sizeof *t.s, by_key);
	for (int i = 0; i < t.n; i++) {
		char n[24], rej[24], adj[24], claimed[MONEY_TEXT], approved[MONEY_TEXT];
		snprintf(n, sizeof n, "%lld", t.s[i].lines);
		snprintf(rej, sizeof rej, "%lld", t.s[i].rejected);
		snprintf(adj, sizeof adj, "%lld", t.s[i].adjusted);
		money_format(t.s[i].claimed, claimed);
		money_format(t.s[i].approved, approved);
		const char *row[] = {t.s[i].key, n, claimed, approved, rej, adj};
		rec_write(w, row);
	}
	free(t.s);
	free(t.slot);
	return JZ_OK;
}
