/* A copy of the database in one file (see backup.h). */
#include "store/backup.h"

#include <sqlite3.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "store/db.h"

void db_backup(struct db *db, const char *to, const char *name)
{
	/* VACUUM INTO reads one view of the database, through the -wal, and
	 * writes it compacted: no page of the copy is from another moment. */
	sqlite3_stmt *st = db_prepare(db, "VACUUM INTO ?1");

	sqlite3_bind_text(st, 1, to, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		db_fail(db, rc, "cannot read");
	if (rc != SQLITE_DONE)
		diag_fatal(JZ_IOERR, "%s: cannot write the copy of %s: %s", name, db->path,
			   sqlite3_errmsg(db->h));
	sqlite3_finalize(st);
}
