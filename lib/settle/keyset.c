/*
 * The claims a run has settled or noted, as a Bloom filter of fixed size
 * (see settle_int.h): asked whether it has met a claim id of an
 * institution, it says "no" only when it has not, so that the database is
 * asked only when it may have.  Its size does not grow with the claims: a
 * long run only makes it say "maybe" more often.
 */
#include "settle/settle_int.h"

#include <stdint.h>
#include <stdlib.h>

#include "core/diag.h"
#include "core/exitcode.h"

#define KEYSET_BITS (1u << 25) /* 4 MiB: under 3% "maybe" for 4M claims */

void keyset_open(struct keyset *k)
{
	if (!(k->bits = calloc(KEYSET_BITS / 64, sizeof *k->bits)))
		diag_fatal(JZ_SOFTWARE, "out of memory");
}

void keyset_close(struct keyset *k)
{
	free(k->bits);
	k->bits = NULL;
}

/* FNV-1a of institution, a NUL, and claim id: two halves, three bits. */
static uint64_t hash(const char *institution, const char *id)
{
	uint64_t h = 14695981039346656037u;
	for (const char *s = institution;; s++) {
		h = (h ^ (unsigned char)*s) * 1099511628211u;
		if (!*s)
			break;
	}
	for (const char *s = id; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h ^ (h >> 29);
}

static uint32_t bit(uint64_t h, int i)
{
	return (uint32_t)((h >> 32) + (uint64_t)i * (uint32_t)h) & (KEYSET_BITS - 1);
}

void keyset_add(struct keyset *k, const char *institution, const char *id)
{
	uint64_t h = hash(institution, id);
	for (int i = 0; i < 3; i++)
		k->bits[bit(h, i) / 64] |= (uint64_t)1 << (bit(h, i) % 64);
}

bool keyset_maybe(const struct keyset *k, const char *institution, const char *id)
{
	uint64_t h = hash(institution, id);
	for (int i = 0; i < 3; i++)
		if (!(k->bits[bit(h, i) / 64] & (uint64_t)1 << (bit(h, i) % 64)))
			return false;
	return true;
}
