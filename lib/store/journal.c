/* The journal's hash chain (see journal.h). */
#include "store/journal.h"

#include <assert.h>
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
		       const char *changes, const char *prev, char out[SHA256_HEX])
{
	size_t len = strlen(at) + strlen(user) + strlen(command) + strlen(inputs) +
		     strlen(policy) + strlen(changes) + strlen(prev) + 40;
	char *text = need(malloc(len));
	int n = snprintf(text, len, "%lld\n%s\n%s\n%s\n%s\n%s\n%s\n%s", entry, at, user,
			 command, inputs, policy, changes, prev);
	sha256_hex(text, (size_t)n, out);
	free(text);
}

const char *journal_user(void)
{
	struct passwd *pw = getpwuid(geteuid());
	return pw ? pw->pw_name : "unknown";
}

void journal_write(struct db *db, struct journal *j, const char *command, const char *policy)
{
	char at[32], prev[SHA256_HEX] = GENESIS, hash[SHA256_HEX];
	time_t now = time(NULL);
	struct tm tm;
	sqlite3_stmt *st;

	gmtime_r(&now, &tm);
	strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	st = db_prepare(db, "SELECT hash FROM journal ORDER BY entry DESC LIMIT 1");
	if (db_step(db, st) == SQLITE_ROW)
		text_copy(prev, sizeof prev, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);

	char *inputs = need(cJSON_PrintUnformatted(j->inputs));
	char *changes = need(cJSON_PrintUnformatted(j->changes));
	const char *user = journal_user();
	entry_hash(j->entry, at, user, command, inputs, policy, changes, prev, hash);
	st = db_prepare(db, "INSERT INTO journal (entry, at, user, command, inputs, policy, "
			    "changes, prev, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	sqlite3_bind_int64(st, 1, j->entry);
	const char *text[] = {at, user, command, inputs, policy, changes, prev, hash};
	for (int i = 0; i < 8; i++)
		db_bind_text(st, i + 2, text[i]);
	db_step(db, st);
	sqlite3_finalize(st);
	free(inputs);
	free(changes);
}

void journal_free(struct journal *j)
{
	cJSON_Delete(j->inputs);
	cJSON_Delete(j->changes);
	j->inputs = j->changes = NULL;
}

long journal_verify(struct db *db, journal_diff_fn fn, void *ctx)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT entry, at, user, command, inputs, policy, "
				      "changes, prev, hash FROM journal ORDER BY entry");
	char expect_prev[SHA256_HEX] = GENESIS, hash[SHA256_HEX];
	long diffs = 0;

	while (db_step(db, st) == SQLITE_ROW) {
		long long entry = sqlite3_column_int64(st, 0);
		const char *f[8];
		for (int i = 0; i < 8; i++)
			f[i] = (const char *)sqlite3_column_text(st, i + 1);
		if (strcmp(f[6], expect_prev) != 0) {
			fn(ctx, entry, "prev", f[6], expect_prev);
			diffs++;
		}
		entry_hash(entry, f[0], f[1], f[2], f[3], f[4], f[5], f[6], hash);
		if (strcmp(hash, f[7]) != 0) {
			fn(ctx, entry, "hash", f[7], hash);
			diffs++;
		}
		text_copy(expect_prev, sizeof expect_prev, f[7]);
	}
	sqlite3_finalize(st);
	return diffs;
}
