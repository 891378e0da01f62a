/* The journal's hash chain (see journal.h). */
#include "store/journal.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/text.h"
#include "io/input.h"

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

static void *need(void *p)
{
	if (!p)
		diag_fatal(JZ_SOFTWARE, "out of memory");
	return p;
}

void journal_start(struct db *db, struct journal *j)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT coalesce(max(entry), 0) + 1 FROM journal");
	db_step(db, st);
	j->entry = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	assert(j->entry > 0);
	j->inputs = need(cJSON_CreateArray());
	j->changes = need(cJSON_CreateObject());
	j->ntables = digest_tables(db, &j->tables);
}

int journal_input(struct journal *j, const char *name, const char *sha256)
{
	cJSON *o = need(cJSON_CreateObject());
	need(cJSON_AddStringToObject(o, "name", name));
	need(cJSON_AddStringToObject(o, "sha256", sha256));
	cJSON_AddItemToArray(j->inputs, o);
	return cJSON_GetArraySize(j->inputs) - 1;
}

void journal_count(struct journal *j, const char *table, long long rows)
{
	assert(j->changes && rows >= 0);
	cJSON *n = cJSON_GetObjectItemCaseSensitive(j->changes, table);
	if (n)
		cJSON_SetNumberValue(n, n->valuedouble + (double)rows);
	else
		need(cJSON_AddNumberToObject(j->changes, table, (double)rows));
}

long long journal_total(const struct journal *j)
{
	long long total = 0;
	for (cJSON *n = j->changes->child; n; n = n->next)
		total += (long long)n->valuedouble;
	return total;
}

static void entry_hash(long long entry, const char *at, const char *user,
		       const char *command, const char *inputs, const char *policy,
		       const char *changes, const char *prev, const char *digest,
		       char out[SHA256_HEX])
{
	size_t len = strlen(at) + strlen(user) + strlen(command) + strlen(inputs) +
		     strlen(policy) + strlen(changes) + strlen(prev) +
		     (digest ? strlen(digest) : 0) + 40;
	char *text = need(malloc(len));
	int n = snprintf(text, len, "%lld\n%s\n%s\n%s\n%s\n%s\n%s\n%s%s%s", entry, at, user,
			 command, inputs, policy, changes, prev, digest ? "\n" : "",
			 digest ? digest : "");
	sha256_hex(text, (size_t)n, out);
	free(text);
}

bool journal_anchor(const struct journal *j, const char *path)
{
	/* Appended, never truncated, never through a symlink planted in its
	 * place; created 0600 like the database. */
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return false;
	char line[256];
	int n = snprintf(line, sizeof line, "%lld %s %s %s\n", j->entry, j->hash, j->at,
			 journal_user());
	bool ok = write(fd, line, (size_t)n) == n;
	int saved = errno;
	ok &= close(fd) == 0;
	if (!ok && saved)
		errno = saved;
	return ok;
}

bool journal_hash(struct db *db, long long entry, char out[SHA256_HEX])
{
	sqlite3_stmt *st = db_prepare(db, "SELECT hash FROM journal WHERE entry = ?1");
	sqlite3_bind_int64(st, 1, entry);
	bool found = db_step(db, st) == SQLITE_ROW;
	if (found)
		text_copy(out, SHA256_HEX, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return found;
}

const char *journal_user(void)
{
	struct passwd *pw = getpwuid(geteuid());
	return pw ? pw->pw_name : "unknown";
}

/* Append an entry of these fields, chained to the last one. */
static void append(struct db *db, long long entry, const char *command, const char *inputs,
		   const char *policy, const char *changes, const char *digest,
		   char hash[SHA256_HEX], char at[32])
{
	char prev[SHA256_HEX] = GENESIS;
	time_t now = time(NULL);
	struct tm tm;
	sqlite3_stmt *st;

	gmtime_r(&now, &tm);
	strftime(at, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
	st = db_prepare(db, "SELECT hash FROM journal ORDER BY entry DESC LIMIT 1");
	if (db_step(db, st) == SQLITE_ROW)
		text_copy(prev, sizeof prev, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	const char *user = journal_user();
	entry_hash(entry, at, user, command, inputs, policy, changes, prev, digest, hash);
	st = db_prepare(db, "INSERT INTO journal (entry, at, user, command, inputs, policy, "
			    "changes, prev, hash, digest) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
			    "?9, ?10)");
	sqlite3_bind_int64(st, 1, entry);
	const char *text[] = {at, user, command, inputs, policy, changes, prev, hash, digest};
	for (int i = 0; i < 9; i++)
		db_bind_text(st, i + 2, text[i]);
	db_step(db, st);
	sqlite3_finalize(st);
}

void journal_write(struct db *db, struct journal *j, const char *command, const char *policy)
{
	char *inputs = need(cJSON_PrintUnformatted(j->inputs));
	char *changes = need(cJSON_PrintUnformatted(j->changes));
	char *digest = digest_entry(db, j->entry, j->tables, j->ntables);

	append(db, j->entry, command, inputs, policy, changes, digest, j->hash, j->at);
	free(inputs);
	free(changes);
	free(digest);
}

/* The digests of the entries before migration 6, gathered as JSON. */
struct seal {
	cJSON **by_entry;
	long long n;
};

static void gather(void *ctx, long long entry, const char *table, const char *hex)
{
	struct seal *s = ctx;
	if (entry < 1 || entry > s->n)
		return;
	if (!s->by_entry[entry])
		s->by_entry[entry] = need(cJSON_CreateObject());
	need(cJSON_AddStringToObject(s->by_entry[entry], table, hex));
}

void journal_seal(struct db *db)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT entry, policy FROM journal ORDER BY entry DESC "
				      "LIMIT 1");
	char policy[200] = "", command[160], changes[64], hash[SHA256_HEX], at[32];

	if (db_step(db, st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return; /* nothing written yet: nothing to seal */
	}
	struct seal s = {.n = sqlite3_column_int64(st, 0)};
	text_copy(policy, sizeof policy, (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	struct digest_table *t;
	int nt = digest_tables(db, &t);
	s.by_entry = need(calloc((size_t)s.n + 1, sizeof *s.by_entry));
	digest_each(db, gather, &s);
	long long seal = s.n + 1, rows = 0;
	st = db_prepare(db, "INSERT INTO entry_digest (of_entry, digest, entry) VALUES (?1, ?2, ?3)");
	for (long long e = 1; e <= s.n; e++) {
		cJSON *o = s.by_entry[e] ? s.by_entry[e] : need(cJSON_CreateObject());
		char *text = need(cJSON_PrintUnformatted(o));
		sqlite3_bind_int64(st, 1, e);
		db_bind_text(st, 2, text);
		sqlite3_bind_int64(st, 3, seal);
		db_step(db, st);
		sqlite3_reset(st);
		free(text);
		cJSON_Delete(o);
		rows++;
	}
	sqlite3_finalize(st);
	free(s.by_entry);
	snprintf(command, sizeof command, "jiuzhu migration 6: the row digests of entries 1 to %lld, "
		 "computed once from their rows as they were", s.n);
	snprintf(changes, sizeof changes, "{\"entry_digest\":%lld}", rows);
	char *digest = digest_entry(db, seal, t, nt);
	append(db, seal, command, "[]", policy, changes, digest, hash, at);
	free(digest);
	digest_tables_free(t, nt);
}

void journal_free(struct journal *j)
{
	cJSON_Delete(j->inputs);
	cJSON_Delete(j->changes);
	j->inputs = j->changes = NULL;
	digest_tables_free(j->tables, j->ntables);
	j->tables = NULL;
	j->ntables = 0;
}

/* The digests recomputed, compared with those the chain holds. */
struct check {
	struct db *db;
	sqlite3_stmt *stored;
	journal_diff_fn fn;
	void *ctx;
	long diffs;
	cJSON **seen;   /* per entry: the tables whose rows were found */
	long long n;
};

/* The digest entry holds: its own, or, written before migration 6, the
 * one its seal stored; NULL: none (a JSON object to free). */
static cJSON *stored_digest(struct check *c, long long entry)
{
	sqlite3_bind_int64(c->stored, 1, entry);
	cJSON *o = NULL;
	if (db_step(c->db, c->stored) == SQLITE_ROW && sqlite3_column_type(c->stored, 0) != SQLITE_NULL)
		o = cJSON_Parse((const char *)sqlite3_column_text(c->stored, 0));
	sqlite3_reset(c->stored);
	return o;
}

static void compare(void *ctx, long long entry, const char *table, const char *hex)
{
	struct check *c = ctx;
	char field[120];

	snprintf(field, sizeof field, "digest %s", table);
	if (entry < 1) {
		c->fn(c->ctx, 0, field, "no entry", "rows of no journal entry");
		c->diffs++;
		return;
	}
	if (!c->seen[entry])
		c->seen[entry] = need(cJSON_CreateObject());
	need(cJSON_AddStringToObject(c->seen[entry], table, hex));
}

static void check_digests(struct check *c)
{
	char field[120];

	for (long long e = 1; e <= c->n; e++) {
		cJSON *want = stored_digest(c, e), *got = c->seen[e];
		if (!want) {
			c->fn(c->ctx, e, "digest", "none", "the entry's rows were never sealed");
			c->diffs++;
			cJSON_Delete(got);
			continue;
		}
		cJSON *w;
		cJSON_ArrayForEach(w, want) {
			cJSON *g = got ? cJSON_GetObjectItemCaseSensitive(got, w->string) : NULL;
			snprintf(field, sizeof field, "digest %s", w->string);
			if (!cJSON_IsString(w) || !g || strcmp(w->valuestring, g->valuestring) != 0) {
				c->fn(c->ctx, e, field, cJSON_IsString(w) ? w->valuestring : "?",
				      g ? g->valuestring : "no rows (removed)");
				c->diffs++;
			}
		}
		cJSON *g;
		if (got)
			cJSON_ArrayForEach(g, got) {
				if (cJSON_GetObjectItemCaseSensitive(want, g->string))
					continue;
				snprintf(field, sizeof field, "digest %s", g->string);
				c->fn(c->ctx, e, field, "no rows", g->valuestring);
				c->diffs++;
			}
		cJSON_Delete(want);
		cJSON_Delete(got);
	}
}

long journal_verify(struct db *db, journal_diff_fn fn, void *ctx)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT entry, at, user, command, inputs, policy, "
				      "changes, prev, hash, digest FROM journal ORDER BY entry");
	char expect_prev[SHA256_HEX] = GENESIS, hash[SHA256_HEX];
	struct check c = {.db = db, .fn = fn, .ctx = ctx};

	while (db_step(db, st) == SQLITE_ROW) {
		long long entry = sqlite3_column_int64(st, 0);
		const char *f[9];
		for (int i = 0; i < 9; i++)
			f[i] = (const char *)sqlite3_column_text(st, i + 1);
		if (strcmp(f[6], expect_prev) != 0) {
			fn(ctx, entry, "prev", f[6], expect_prev);
			c.diffs++;
		}
		entry_hash(entry, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[8], hash);
		if (strcmp(hash, f[7]) != 0) {
			fn(ctx, entry, "hash", f[7], hash);
			c.diffs++;
		}
		text_copy(expect_prev, sizeof expect_prev, f[7]);
		c.n = entry;
	}
	sqlite3_finalize(st);
	/* The rows, against the digests the chain holds. */
	c.seen = need(calloc((size_t)c.n + 1, sizeof *c.seen));
	c.stored = db_prepare(db, "SELECT coalesce((SELECT digest FROM journal WHERE entry = ?1), "
			      "(SELECT digest FROM entry_digest WHERE of_entry = ?1))");
	digest_each(db, compare, &c);
	check_digests(&c);
	sqlite3_finalize(c.stored);
	free(c.seen);
	return c.diffs;
}
