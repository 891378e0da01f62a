/*
 * The journal checked against heads kept outside the file (audit.md, The
 * chain is anchored outside the file): report audit --expect ENTRY:HASH
 * and --anchors FILE, the log that --anchor and JIUZHU_ANCHOR append to.
 */
#ifndef JZ_ANCHORS_H
#define JZ_ANCHORS_H

#include "io/rec.h"
#include "store/db.h"

/* Check each ENTRY:HASH of expect[0..n) (a hash prefix of 12 or more hex
 * digits) and each line "ENTRY HASH ..." of file (NULL: none) against the
 * journal, writing a difference (audit's columns) for each anchored entry
 * the chain lacks or holds with another hash.  *checked gets how many
 * anchors there were, *after how many entries the journal holds after the
 * newest anchored one (each listed as "unanchored", not a difference);
 * returns the differences.  A bad --expect or an unreadable or malformed
 * file stops the run (exit 64, 66, 65). */
long anchors_check(struct db *db, const char *const *expect, int n, const char *file,
		   struct rec_writer *w, long *checked, long long *after);

#endif
