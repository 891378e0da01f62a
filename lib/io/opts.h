/*
 * The options every command shares (cli.md), as one argp child: each
 * command lists it in its own argp's children and gets them parsed into a
 * struct jz_opts.
 */
#ifndef JZ_OPTS_H
#define JZ_OPTS_H

#include <argp.h>
#include <stdbool.h>

#include "core/date.h"
#include "core/number.h" /* parse_number, for the commands' own numeric options */
#include "io/rec.h"

struct jz_opts {
	const char *db;            /* --db, else $JIUZHU_DB, else NULL: none */
	const char *policy;        /* --policy FILE, or NULL for the database's */
	enum rec_format format;    /* -f: output format */
	enum rec_format input_format; /* --input-format, REC_AUTO to detect */
	const char *encoding;      /* --encoding, NULL for UTF-8 */
	bool ignore_unknown;       /* --ignore-unknown: drop columns the kind does not know */
	const char *output;        /* -o FILE, NULL for stdout */
	bool bom;                  /* --bom: a UTF-8 BOM before CSV or TSV */
	const char *output_encoding; /* --output-encoding, NULL for UTF-8 */
	jz_date as_of;             /* --as-of, default today */
	bool as_of_given;          /* --as-of was on the command line */
	bool dry_run;              /* -n */
	bool quiet;                /* -q */
	bool verbose;              /* -v: the journal head's full hash */
	const char *anchor;        /* --anchor FILE, $JIUZHU_ANCHOR: the head's log */
	int busy_timeout_ms;       /* --busy-timeout seconds, in ms */
	char *command_line;        /* argv joined, shell-quoted, for the journal */
	bool html;                 /* the command takes -f html (set before argp) */
};

extern const struct argp jz_common_argp;
/* The children list of a command's argp: the shared options, headed.  The
 * command's parser hands them &opts as child input 0 on ARGP_KEY_INIT. */
extern const struct argp_child jz_common_children[];

/* The same, with the options of a command that reads records
 * (--ignore-unknown): enrol, assess, grant and settle. */
extern const struct argp jz_input_argp;
extern const struct argp_child jz_input_children[];

/* Set the defaults and remember argv for the journal; call before argp. */
void jz_opts_init(struct jz_opts *o, int argc, char **argv);

#endif
