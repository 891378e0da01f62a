/* report backup: the database copied into one file (audit.md). */
#include "report/report_int.h"

#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "io/output.h"
#include "store/backup.h"
#include "store/db.h"

int report_backup(const struct jz_opts *o)
{
	struct db db;
	struct output out;

	if (!o->output || strcmp(o->output, "-") == 0)
		diag_fatal(JZ_USAGE, "backup: give -o FILE: the copy is a database file, not a "
			   "stream on standard output");
	db_open(&db, o->db, DB_READ, o->busy_timeout_ms);
	output_open(&out, o->output);
	if (!output_tmp(&out))
		diag_fatal(JZ_CANTCREAT, "%s: is not a regular file; the copy is written to a new "
			   "file beside it and renamed into place", o->output);
	/* Into the empty temporary file (mode 0600) that output_commit renames
	 * over FILE, after syncing it: never a half copy under FILE's name. */
	db_backup(&db, output_tmp(&out), o->output);
	db_close(&db);
	output_commit(&out);
	if (!o->quiet)
		diag_warn("backup: %s copied into %s", o->db, o->output);
	return JZ_OK;
}
