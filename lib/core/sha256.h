/*
 * SHA-256 digests as hex text: of a file's bytes for the journal, of a
 * policy file for the id@sha256 its rows record.
 */
#ifndef JZ_SHA256_H
#define JZ_SHA256_H

#include <stddef.h>

#define SHA256_HEX 65 /* 64 hex digits and a NUL */

/* The SHA-256 of a memory buffer as hex. */
void sha256_hex(const void *data, size_t len, char out[SHA256_HEX]);

/* A digest of len bytes (32 are used) as hex. */
void sha256_text(const unsigned char *md, unsigned len, char out[SHA256_HEX]);

/* A digest taken piece by piece: begin, add as often as needed, end (which
 * frees it). */
struct sha256 {
	void *md;
};
void sha256_begin(struct sha256 *s);
void sha256_add(struct sha256 *s, const void *data, size_t len);
void sha256_end(struct sha256 *s, char out[SHA256_HEX]);

#endif
