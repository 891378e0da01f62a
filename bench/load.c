/*
 * load: the minimal C loader of make bench.  One transaction, one prepared
 * INSERT of every field as text into a plain table, no checks: what SQLite
 * itself costs for a file, beside what the commands cost.
 *
 *   load DB TABLE FILE
 */
#include <csv.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct loader {
	sqlite3 *db;
	sqlite3_stmt *insert;
	const char *table;
	char *cols[256];
	int ncols, field;
	long long rows;
};

static void fail(sqlite3 *db, const char *what)
{
	fprintf(stderr, "load: %s: %s\n", what, sqlite3_errmsg(db));
	exit(1);
}

/* The header names the columns; every later row is one INSERT. */
static void on_field(void *s, size_t len, void *ctx)
{
	struct loader *l = ctx;
	if (!l->insert) {
		if (l->ncols < 256)
			l->cols[l->ncols++] = strndup(s, len);
		return;
	}
	if (++l->field <= l->ncols)
		sqlite3_bind_text(l->insert, l->field, s, (int)len, SQLITE_STATIC);
}

static void prepare(struct loader *l)
{
	char sql[8192] = "", vals[2048] = "";
	size_t u = 0, v = 0;
	u += snprintf(sql + u, sizeof sql - u, "CREATE TABLE %s (", l->table);
	for (int i = 0; i < l->ncols; i++) {
		u += snprintf(sql + u, sizeof sql - u, "%s\"%s\"", i ? ", " : "", l->cols[i]);
		v += snprintf(vals + v, sizeof vals - v, "%s?", i ? ", " : "");
	}
	snprintf(sql + u, sizeof sql - u, ")");
	if (sqlite3_exec(l->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail(l->db, "create");
	snprintf(sql, sizeof sql, "INSERT INTO %s VALUES (%s)", l->table, vals);
	if (sqlite3_prepare_v2(l->db, sql, -1, &l->insert, NULL) != SQLITE_OK)
		fail(l->db, "prepare");
}

static void on_row(int c, void *ctx)
{
	struct loader *l = ctx;
	(void)c;
	if (!l->insert) {
		prepare(l);
		return;
	}
	if (sqlite3_step(l->insert) != SQLITE_DONE)
		fail(l->db, "insert");
	sqlite3_reset(l->insert);
	sqlite3_clear_bindings(l->insert);
	l->field = 0;
	l->rows++;
}

int main(int argc, char **argv)
{
	static char buf[1 << 16];
	struct loader l = {.table = argc == 4 ? argv[2] : NULL};
	struct csv_parser p;
	FILE *f = argc == 4 ? fopen(argv[3], "rb") : NULL;
	if (!f || csv_init(&p, CSV_STRICT | CSV_APPEND_NULL) != 0 ||
	    sqlite3_open(argv[1], &l.db) != SQLITE_OK) {
		fprintf(stderr, "usage: load DB TABLE FILE\n");
		return 2;
	}
	sqlite3_exec(l.db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; BEGIN",
		     NULL, NULL, NULL);
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_row, &l) != n) {
			fprintf(stderr, "load: %s\n", csv_strerror(csv_error(&p)));
			return 1;
		}
	csv_fini(&p, on_field, on_row, &l);
	csv_free(&p);
	if (sqlite3_exec(l.db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		fail(l.db, "commit");
	sqlite3_finalize(l.insert);
	sqlite3_close(l.db);
	fprintf(stderr, "load: %lld rows\n", l.rows);
	return 0;
}
