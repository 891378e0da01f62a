/* The digests of the rows of each run (see digest.h). */
#include "store/digest.h"

#include <cjson/cJSON.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/sha256.h"

static void *need(void *p)
{
	if (!p)
		diag_fatal(JZ_SOFTWARE, "out of memory");
	return p;
}

/* Does table name have a column named entry? */
static bool has_entry(struct db *db, const char *name)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = 'entry'");
	db_bind_text(st, 1, name);
	bool yes = db_step(db, st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return yes;
}

int digest_tables(struct db *db, struct digest_table **out)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT name, sql LIKE '%WITHOUT ROWID%' FROM "
				      "sqlite_master WHERE type = 'table' AND name <> 'journal' AND "
				      "name NOT LIKE 'sqlite_%' ORDER BY name");
	int n = 0, cap = 0;

	*out = NULL;
	while (db_step(db, st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (!has_entry(db, name))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			*out = need(realloc(*out, cap * sizeof **out));
		}
		(*out)[n].name = need(strdup(name));
		(*out)[n].start = -1; /* without rowid: every row is looked at */
		if (!sqlite3_column_int(st, 1)) {
			char sql[200];
			snprintf(sql, sizeof sql, "SELECT coalesce(max(rowid), 0) FROM \"%s\"", name);
			sqlite3_stmt *max = db_prepare(db, sql);
			db_step(db, max);
			(*out)[n].start = sqlite3_column_int64(max, 0);
			sqlite3_finalize(max);
		}
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

void digest_tables_free(struct digest_table *t, int n)
{
	for (int i = 0; i < n; i++)
		free(t[i].name);
	free(t);
}

static void add_len(struct sha256 *s, char tag, const void *bytes, int len)
{
	char head[32];
	int n = snprintf(head, sizeof head, "%c%d:", tag, len);
	sha256_add(s, head, (size_t)n);
	sha256_add(s, bytes, (size_t)len);
}

static void add_table(struct sha256 *s, const char *name)
{
	add_len(s, 'T', name, (int)strlen(name));
}

/* A row's encoding gathered before it is hashed: one sha256_add per row
 * (or per buffer full), where one per piece cost more than the hashing. */
struct rowbuf {
	struct sha256 *s;
	size_t used;
	char b[4096];
};

static void put(struct rowbuf *w, const void *bytes, size_t len)
{
	if (w->used + len > sizeof w->b) {
		sha256_add(w->s, w->b, w->used);
		w->used = 0;
		if (len > sizeof w->b) {
			sha256_add(w->s, bytes, len);
			return;
		}
	}
	memcpy(w->b + w->used, bytes, len);
	w->used += len;
}

/* tag, then x in decimal, then end: "i-12;" or "t5:" */
static void put_number(struct rowbuf *w, char tag, int64_t x, char end)
{
	char num[24], *p = num + sizeof num;
	uint64_t u = x < 0 ? -(uint64_t)x : (uint64_t)x;

	*--p = end;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (x < 0)
		*--p = '-';
	*--p = tag;
	put(w, p, (size_t)(num + sizeof num - p));
}

/* One row, columns from first on. */
static void add_row(struct sha256 *s, sqlite3_stmt *st, int first)
{
	struct rowbuf w; /* not initialised whole: 4 KiB a row */
	char num[48];
	int n;

	w.s = s;
	w.b[0] = 'R';
	w.used = 1;

	for (int i = first; i < sqlite3_column_count(st); i++) {
		switch (sqlite3_column_type(st, i)) {
		case SQLITE_NULL:
			put(&w, "n", 1);
			break;
		case SQLITE_INTEGER:
			put_number(&w, 'i', (int64_t)sqlite3_column_int64(st, i), ';');
			break;
		case SQLITE_FLOAT:
			n = snprintf(num, sizeof num, "f%.17g;", sqlite3_column_double(st, i));
			put(&w, num, (size_t)n);
			break;
		case SQLITE_TEXT: {
			const unsigned char *t = sqlite3_column_text(st, i);
			n = sqlite3_column_bytes(st, i);
			put_number(&w, 't', n, ':');
			put(&w, t, (size_t)n);
			break;
		}
		default: {
			const void *b = sqlite3_column_blob(st, i);
			n = sqlite3_column_bytes(st, i);
			put_number(&w, 'b', n, ':');
			put(&w, b, (size_t)n);
			break;
		}
		}
	}
	sha256_add(s, w.b, w.used);
}

char *digest_entry(struct db *db, long long entry, const struct digest_table *t, int n)
{
	cJSON *o = need(cJSON_CreateObject());
	char sql[200], hex[SHA256_HEX];

	for (int i = 0; i < n; i++) {
		if (t[i].start < 0)
			snprintf(sql, sizeof sql, "SELECT * FROM \"%s\" WHERE entry = ?2", t[i].name);
		else
			snprintf(sql, sizeof sql, "SELECT * FROM \"%s\" WHERE rowid > ?1 AND entry = ?2 "
				 "ORDER BY rowid", t[i].name);
		sqlite3_stmt *st = db_prepare(db, sql);
		struct sha256 s = {0};
		if (t[i].start >= 0)
			sqlite3_bind_int64(st, 1, t[i].start);
		sqlite3_bind_int64(st, 2, entry);
		while (db_step(db, st) == SQLITE_ROW) {
			if (!s.md) {
				sha256_begin(&s);
				add_table(&s, t[i].name);
			}
			add_row(&s, st, 0);
		}
		sqlite3_finalize(st);
		if (s.md) {
			sha256_end(&s, hex);
			need(cJSON_AddStringToObject(o, t[i].name, hex));
		}
	}
	char *text = need(cJSON_PrintUnformatted(o));
	cJSON_Delete(o);
	return text;
}

void digest_each(struct db *db, digest_fn fn, void *ctx)
{
	struct digest_table *t;
	int n = digest_tables(db, &t);
	sqlite3_stmt *last = db_prepare(db, "SELECT coalesce(max(entry), 0) FROM journal");
	db_step(db, last);
	long long entries = sqlite3_column_int64(last, 0);
	sqlite3_finalize(last);
	char sql[200], hex[SHA256_HEX];

	for (int i = 0; i < n; i++) {
		/* One digest per entry, fed in rowid order; rows of an entry
		 * outside the journal's range go to the slot past its end. */
		struct sha256 *s = need(calloc((size_t)entries + 2, sizeof *s));
		snprintf(sql, sizeof sql, "SELECT entry, * FROM \"%s\"%s", t[i].name,
			 t[i].start < 0 ? "" : " ORDER BY rowid");
		sqlite3_stmt *st = db_prepare(db, sql);
		while (db_step(db, st) == SQLITE_ROW) {
			long long e = sqlite3_column_int64(st, 0);
			struct sha256 *d = &s[e >= 1 && e <= entries ? e : entries + 1];
			if (!d->md) {
				sha256_begin(d);
				add_table(d, t[i].name);
			}
			add_row(d, st, 1);
		}
		sqlite3_finalize(st);
		for (long long e = 1; e <= entries + 1; e++) {
			if (!s[e].md)
				continue;
			sha256_end(&s[e], hex);
			fn(ctx, e <= entries ? e : -1, t[i].name, hex);
		}
		free(s);
	}
	digest_tables_free(t, n);
}
