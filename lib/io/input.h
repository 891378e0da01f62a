/*
 * An input file as a stream of UTF-8 bytes: opened by name ("-" is stdin),
 * converted from --encoding with iconv(3), a UTF-8 byte-order mark dropped,
 * and the SHA-256 of its raw bytes kept for the journal.
 */
#ifndef JZ_INPUT_H
#define JZ_INPUT_H

#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>

#include "core/sha256.h"

#define INPUT_CHUNK 65536

struct input {
	const char *name;       /* as given; "-" for stdin */
	FILE *fp;
	iconv_t cd;             /* (iconv_t)-1 when the input is UTF-8 */
	void *sha;              /* EVP_MD_CTX * over the raw bytes */
	char raw[INPUT_CHUNK];  /* bytes read, not yet converted */
	size_t rawlen;
	bool eof;               /* no more raw bytes */
	bool started;           /* the BOM check is done */
	bool peek;              /* a look at the start: stdin's bytes kept for the read */
	long long peek_at;      /* a peek at a seekable stdin: where to seek back to, or -1 */
	long line;              /* lines converted so far (encoding errors) */
	char sha256[SHA256_HEX];/* hex digest, once input_close()d */
};

/* Open name for reading in encoding (NULL or "UTF-8" for none), keeping
 * the SHA-256 of its bytes when digest.  Exits 66 when the file does not
 * exist, 64 for an unknown encoding. */
void input_open(struct input *in, const char *name, const char *encoding, bool digest);

/* Read up to cap UTF-8 bytes into buf; 0 at the end.  A read error or bytes
 * that are not valid in the encoding exit with a message naming the file. */
size_t input_read(struct input *in, char *buf, size_t cap);

/* Open name to look at its start only (input_read as usual, no digest,
 * no progress): standard input's bytes so read are kept and read again by
 * the next input_open("-"), so that a pipe can be looked at too. */
void input_open_peek(struct input *in, const char *name, const char *encoding);

/* Finish the digest into in->sha256 and close. */
void input_close(struct input *in);

/* Read all of standard input now into an anonymous temporary file that
 * then stands in as standard input, so that a command may take the
 * database's write lock while the command before it in a pipeline (which
 * may wait for the same lock) has finished writing.  Returns the number
 * of bytes, or -1 when there is no standard input (closed, or a
 * terminal: nobody to wait for). */
long long input_spool_stdin(void);

/* Exit 66 (or 74) now, before any work, when one of the named inputs
 * cannot be read ("-" aside). */
void input_check_files(char **names, int n);

#endif
