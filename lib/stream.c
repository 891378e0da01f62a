/*
 * report's stream mode (cli.md report: "aggregates a record stream on
 * stdin without the database"): settlement lines, as settle(1) prints
 * them, summed by institution, month, visit type or status.  One pass; the
 * memory is one entry per key.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "exitcode.h"
#include "kind.h"
#include "money.h"
#include "rec.h"

/* A settlement line: the claim's columns, then settle's. */
static const char *const statuses[] = {"approved", "adjusted", "rejected", NULL};
static struct field line_fields[16];
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
	long long bad;
};

static void take(struct rec *rec, void *ctx)
{
	struct stream *t = ctx;
	struct value v[16];

	if (!rec->broken)
		for (int i = 0; i < nline; i++)
			field_parse(&line_fields[i], rec->val[i], date_today(), &v[i], &rec->prob);
	if (rec->broken || rec->prob.count) {
		t->bad++;
		return;
	}
	char key[104];
	snprintf(key, sizeof key, "%.*s", t->key == 3 ? 7 : 100, v[t->key].s); /* a month of the date */
	struct sum *s = NULL;
	for (int i = 0; i < t->n && !s; i++)
		if (strcmp(t->s[i].key, key) == 0)
			s = &t->s[i];
	if (!s) {
		if (t->n == t->cap) {
			t->cap = t->cap ? 2 * t->cap : 16;
			if (!(t->s = realloc(t->s, t->cap * sizeof *t->s)))
				diag_fatal(JZ_SOFTWARE, "out of memory");
		}
		s = memset(&t->s[t->n++], 0, sizeof *s);
		snprintf(s->key, sizeof s->key, "%s", key);
	}
	s->lines++;
	s->claimed += v[8].i;
	s->approved += v[11].i;
	s->rejected += strcmp(v[12].s, "rejected") == 0;
	s->adjusted += strcmp(v[12].s, "adjusted") == 0;
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

int report_stream(const struct jz_opts *o, const char *by, struct rec_writer *w)
{
	struct stream t = {0};
	char sha[SHA256_HEX];

	line_kind();
	t.key = strcmp(by, "institution") == 0 ? 1 : strcmp(by, "month") == 0 ? 3
		: strcmp(by, "visit_type") == 0 ? 4 : 12;
	struct rec_source src = {line_fields, nline, NULL, o->input_format, o->encoding};
	bool ok = rec_read_file("-", &src, take, &t, sha);
	if (!ok || t.bad) {
		free(t.s);
		if (t.bad)
			diag_warn("%lld bad line%s; nothing was reported", t.bad, t.bad == 1 ? "" : "s");
		else
			diag_warn("standard input is not settlement lines; nothing was reported");
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
	return JZ_OK;
}
