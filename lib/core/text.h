/*
 * Bounded copies of text: snprintf(buf, len, "%s", s) without the cost of
 * a format, for the paths that run once per record.
 */
#ifndef JZ_TEXT_H
#define JZ_TEXT_H

#include <stddef.h>

/* Copy s into buf of len bytes (len > 0), cut to len - 1 bytes, always
 * ended by a NUL. */
void text_copy(char *buf, size_t len, const char *s);

#endif
