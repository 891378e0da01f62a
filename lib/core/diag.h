/*
 * Diagnostics: GNU-style one-line messages on stderr.
 *
 *   enrol: persons.csv:17: national_id: check character is 5, expected X
 *
 * A fatal error exits at once with its status; a data error names where it
 * happened (source, line, column) and lets the caller go on to find the next.
 * A national ID in any message is masked (110105********002X), for a
 * message may quote a cell that holds one.
 */
#ifndef JZ_DIAG_H
#define JZ_DIAG_H

#include <stddef.h>

#include <stdarg.h>

extern const char *diag_progname; /* set once by each command's main() */

/* Print "prog: message" and exit with status. */
_Noreturn void diag_fatal(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Print "prog: message" and go on. */
void diag_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "prog: source:line: column: message". line <= 0 omits the line,
 * a NULL or empty column omits the column. */
void diag_at(const char *source, long line, const char *column,
	     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void diag_vat(const char *source, long line, const char *column,
	      const char *fmt, va_list ap);

/* Copy a national ID into buf with its birth date and sequence masked
 * (110105********002X), so that messages and reports do not expose it.
 * Anything that is not 15 or 18 characters long is masked whole. */
const char *diag_mask_id(const char *id, char buf[32]);
/* text with each 18-character national ID in it masked, in buf. */
const char *diag_mask_ids_in(const char *text, char *buf, size_t len);

/* Hold the last line of what is said from now on, until diag_release
 * prints it with tail at its end (a run's summary line, ended by the
 * journal's head). */
void diag_hold(void);
void diag_release(const char *tail);

#endif
