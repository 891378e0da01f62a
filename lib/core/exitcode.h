/*
 * The exit statuses of every jiuzhu command (sysexits.h values, cli.md).
 * One enum so that a command never exits with a bare number.
 */
#ifndef JZ_EXITCODE_H
#define JZ_EXITCODE_H

enum jz_exit {
	JZ_OK = 0,           /* done */
	JZ_NO = 1,           /* done, and the answer is "no", or records were rejected */
	JZ_USAGE = 64,       /* bad options */
	JZ_DATAERR = 65,     /* bad input data; nothing written */
	JZ_NOINPUT = 66,     /* an input file or the database does not exist */
	JZ_SOFTWARE = 70,    /* an internal error: a bug */
	JZ_UNAVAILABLE = 69, /* a policy parameter has no value on the date */
	JZ_CANTCREAT = 73,   /* cannot create the output or the database */
	JZ_IOERR = 74,       /* read or write failed */
	JZ_TEMPFAIL = 75,    /* the database stayed locked past the busy timeout */
	JZ_NOPERM = 77, /* EX_NOPERM: a file's owner or mode is not safe, or a user may not sign */
};

#endif
