/* Bounded copies of text (text.h). */
#include "core/text.h"

#include <string.h>

void text_copy(char *buf, size_t len, const char *s)
{
	size_t n = strnlen(s, len - 1);
	memcpy(buf, s, n);
	buf[n] = '\0';
}
