/* Policies read from a file or the database, and stored (see policy_store.h). */
#include "store/policy_store.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "io/guard.h"

static char *read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *data = NULL;
	size_t cap = 0, n = 0, got;

	if (!fp)
		diag_fatal(errno == ENOENT ? JZ_NOINPUT : JZ_IOERR, "%s: %s", path, strerror(errno));
	struct stat st;
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode))
		guard_input(&st, path); /* an input of the run: no -o over it */
	do {
		if (n == cap && !(data = realloc(data, cap = cap ? 2 * cap : 65536)))
			diag_fatal(JZ_SOFTWARE, "out of memory");
		got = fread(data + n, 1, cap - n, fp);
		n += got;
	} while (got > 0);
	if (ferror(fp))
		diag_fatal(JZ_IOERR, "%s: read failed", path);
	fclose(fp);
	*len = n;
	return data;
}

void policy_choose(struct policy *p, struct db *db, const char *file)
{
	bool ok;

	if (file) {
		size_t len;
		char *bytes = read_file(file, &len);
		ok = policy_parse(p, file, bytes, len);
		free(bytes);
	} else {
		sqlite3_stmt *st = db_prepare(db, "SELECT id, body FROM policy "
					      "ORDER BY entry DESC, rowid DESC LIMIT 1");
		if (db_step(db, st) == SQLITE_ROW) {
			char name[96];
			snprintf(name, sizeof name, "policy %s in %s", sqlite3_column_text(st, 0), db->path);
			ok = policy_parse(p, name, sqlite3_column_blob(st, 1), sqlite3_column_bytes(st, 1));
		} else {
			ok = policy_parse(p, policy_default_name, (const char *)policy_default_bytes,
					  policy_default_len);
		}
		sqlite3_finalize(st);
	}
	if (!ok)
		diag_fatal(JZ_DATAERR, "the policy is not valid; nothing was done");
}

bool policy_load_ref(struct policy *p, struct db *db, const char *ref)
{
	const char *at = strchr(ref, '@');
	bool ok = false;

	if (!at)
		return false;
	sqlite3_stmt *st = db_prepare(db, "SELECT body FROM policy WHERE id = ?1 AND "
				      "substr(sha256, 1, length(?2)) = ?2");
	sqlite3_bind_text(st, 1, ref, (int)(at - ref), SQLITE_TRANSIENT);
	db_bind_text(st, 2, at + 1);
	if (db_step(db, st) == SQLITE_ROW)
		ok = policy_parse(p, ref, sqlite3_column_blob(st, 0), sqlite3_column_bytes(st, 0));
	sqlite3_finalize(st);
	return ok;
}

bool policy_store(struct policy *p, struct db *db, long long entry)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT OR IGNORE INTO policy (id, sha256, entry, body) "
				      "VALUES (?1, ?2, ?3, ?4)");
	db_bind_text(st, 1, p->id);
	db_bind_text(st, 2, p->sha256);
	sqlite3_bind_int64(st, 3, entry);
	sqlite3_bind_blob(st, 4, p->bytes, (int)p->len, SQLITE_TRANSIENT);
	db_step(db, st);
	sqlite3_finalize(st);
	return sqlite3_changes(db->h) > 0;
}
