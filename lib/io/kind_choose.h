/*
 * Which kind a file is, by its header (cli.md, Headers identify the kind):
 * the CSV or TSV header, or the keys of the first JSON record.  enrol and
 * grant both choose here, so that they choose alike.
 */
#ifndef JZ_KIND_CHOOSE_H
#define JZ_KIND_CHOOSE_H

#include "io/kind.h"
#include "io/rec.h"

/* The kind of file name (as rec_read_file would read it with src's
 * format, encoding, ignore list and ignore_unknown; src's fields are not
 * looked at) among kinds[0..n).  A kind fits when the header has all its
 * required columns and none it does not know; of several, the one with
 * more required columns; of none, the nearest, so that the reader's own
 * messages tell what is wrong.  given (--kind, or NULL) is kept when it
 * fits, or when no other does; when another fits, the header is that
 * kind's: said on one line, exit 65.  A file with no header is given's
 * kind, else kinds[0].  Standard input is looked at and read again. */
const struct kind *kind_choose(const char *name, const struct rec_source *src,
			       const struct kind *const *kinds, int n, const struct kind *given,
			       const char *like);

#endif
