/* SQLite's check of the whole file (see integrity.h). */
#include "store/integrity.h"

#include <string.h>

long db_integrity(struct db *db, integrity_fn *fn, void *ctx)
{
	/* Up to 100 problems: a file damaged beyond that says so already. */
	db_stmt *st = db_prepare(db, "PRAGMA integrity_check(100)");
	long n = 0;

	while (db_step(db, st) == DB_ROW) {
		const char *what = db_text(st, 0);
		if (what && strcmp(what, "ok") == 0)
			continue;
		fn(what ? what : "", ctx);
		n++;
	}
	db_finalize(st);
	return n;
}
