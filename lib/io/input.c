/* Input files: encoding, BOM and digest (see input.h). */
#include "io/input.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/progress.h"
#include "io/guard.h"

/* An input as opened: no output of this run may be written over it. */
static void guard(int fd, const char *name)
{
	struct stat st;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		guard_input(&st, name);
}

void input_open(struct input *in, const char *name, const char *encoding, bool digest)
{
	memset(in, 0, sizeof *in);
	in->name = name;
	in->cd = (iconv_t)-1;
	if (strcmp(name, "-") == 0) {
		in->fp = stdin;
	} else if (!(in->fp = fopen(name, "rb"))) {
		diag_fatal(errno == ENOENT ? JZ_NOINPUT : JZ_IOERR, "%s: cannot read: %s", name,
			   strerror(errno));
	}
	guard(fileno(in->fp), in->fp == stdin ? "standard input" : name);
	if (encoding && strcasecmp(encoding, "UTF-8") != 0 && strcasecmp(encoding, "UTF8") != 0) {
		in->cd = iconv_open("UTF-8", encoding);
		if (in->cd == (iconv_t)-1)
			diag_fatal(JZ_USAGE, "--encoding %s: unknown encoding; try GB18030", encoding);
	}
	if (!digest)
		return; /* a stream read and forgotten: its digest is not kept */
	in->sha = EVP_MD_CTX_new();
	if (!in->sha || !EVP_DigestInit_ex(in->sha, EVP_sha256(), NULL))
		diag_fatal(JZ_SOFTWARE, "SHA-256 failed");
}

/* Standard input's bytes read by a peek, to be read again. */
static struct {
	char *p;
	size_t len, off;
} again;

void input_open_peek(struct input *in, const char *name, const char *encoding)
{
	if (again.off == again.len) /* what an earlier peek kept is read */
		again.len = again.off = 0;
	input_open(in, name, encoding, false);
	in->peek = true;
	/* A file as stdin is sought back, not kept: its size stays known
	 * (progress) from where it is read. */
	in->peek_at = in->fp == stdin ? (long long)ftello(stdin) : -1;
}

/* Read from in->fp, or from what a peek kept of stdin. */
static size_t get(struct input *in, char *buf, size_t cap)
{
	if (in->fp == stdin && again.off < again.len) {
		size_t n = again.len - again.off < cap ? again.len - again.off : cap;
		memcpy(buf, again.p + again.off, n);
		again.off += n;
		return n;
	}
	size_t n = fread(buf, 1, cap, in->fp);
	if (in->peek && in->fp == stdin && n) {
		if (!(again.p = realloc(again.p, again.len + n)))
			diag_fatal(JZ_SOFTWARE, "out of memory");
		memcpy(again.p + again.len, buf, n);
		again.len += n;
		again.off = again.len;
	}
	return n;
}

/* Top up in->raw from the file. */
static void fill(struct input *in)
{
	if (in->eof || in->rawlen == sizeof in->raw)
		return;
	size_t n = get(in, in->raw + in->rawlen, sizeof in->raw - in->rawlen);
	if (n == 0) {
		if (ferror(in->fp))
			diag_fatal(JZ_IOERR, "%s: read failed: %s", in->name, strerror(errno));
		in->eof = true;
	}
	if (in->sha)
		EVP_DigestUpdate(in->sha, in->raw + in->rawlen, n);
	if (!in->peek)
		progress_bytes(n); /* of the file's size, raw bytes before any conversion */
	in->rawlen += n;
}

static size_t convert(struct input *in, char *buf, size_t cap)
{
	char *src = in->raw, *dst = buf;
	size_t srclen = in->rawlen, dstlen = cap;

	if (iconv(in->cd, &src, &srclen, &dst, &dstlen) == (size_t)-1) {
		/* EINVAL: a character cut by the chunk end; E2BIG: buf is full. */
		if (errno == EILSEQ || (errno == EINVAL && in->eof)) {
			for (char *p = buf; p < dst; p++)
				in->line += *p == '\n';
			diag_fatal(JZ_DATAERR, "%s:%ld: byte %02x is not valid in the input encoding; "
				   "is --encoding right?", in->name, in->line + 1, (unsigned char)*src);
		}
	}
	for (char *p = buf; p < dst; p++)
		in->line += *p == '\n';
	memmove(in->raw, src, srclen);
	in->rawlen = srclen;
	return cap - dstlen;
}

size_t input_read(struct input *in, char *buf, size_t cap)
{
	size_t n;

	do {
		fill(in);
		if (in->cd != (iconv_t)-1) {
			n = convert(in, buf, cap);
		} else {
			n = in->rawlen < cap ? in->rawlen : cap;
			memcpy(buf, in->raw, n);
			memmove(in->raw, in->raw + n, in->rawlen - n);
			in->rawlen -= n;
		}
		if (!in->started) { /* fread fills the chunk unless at the end */
			in->started = true;
			if (n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
				memmove(buf, buf + 3, n - 3);
				n -= 3;
			}
		}
	} while (n == 0 && !(in->eof && in->rawlen == 0));
	return n;
}

void input_close(struct input *in)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned mdlen = 0;

	if (in->sha) {
		EVP_DigestFinal_ex(in->sha, md, &mdlen);
		sha256_text(md, mdlen, in->sha256);
		EVP_MD_CTX_free(in->sha);
		in->sha = NULL;
	}
	if (in->cd != (iconv_t)-1)
		iconv_close(in->cd);
	if (in->fp && in->fp != stdin)
		fclose(in->fp);
	if (in->peek && in->fp == stdin && in->peek_at >= 0 &&
	    fseeko(stdin, (off_t)in->peek_at, SEEK_SET) == 0)
		again.len = again.off = 0;
	else if (in->peek && in->fp == stdin)
		again.off = 0; /* the next reader starts with what was looked at */
	in->fp = NULL;
}

long long input_spool_stdin(void)
{
	char buf[INPUT_CHUNK];
	long long total = 0;
	ssize_t n;

	if (fcntl(0, F_GETFD) < 0 || isatty(0))
		return -1;
	guard(0, "standard input");
	FILE *spool = tmpfile();
	if (!spool)
		diag_fatal(JZ_CANTCREAT, "cannot create a temporary file: %s", strerror(errno));
	while ((n = read(0, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || fwrite(buf, 1, (size_t)n, spool) != (size_t)n)
			diag_fatal(JZ_IOERR, "standard input: %s", strerror(errno));
		total += n;
	}
	if (fflush(spool) != 0 || lseek(fileno(spool), 0, SEEK_SET) != 0 ||
	    dup2(fileno(spool), 0) < 0)
		diag_fatal(JZ_IOERR, "standard input: %s", strerror(errno));
	fclose(spool); /* fd 0 keeps the file */
	return total;
}

void input_check_files(char **names, int n)
{
	for (int i = 0; i < n; i++) {
		if (strcmp(names[i], "-") == 0)
			continue;
		/* Looked at, not opened: opening a FIFO would start its writer. */
		int fd = access(names[i], R_OK) == 0 ? open(names[i], GUARD_LOOK | O_CLOEXEC) : -1;
		if (fd < 0)
			diag_fatal(errno == ENOENT ? JZ_NOINPUT : JZ_IOERR, "%s: cannot read: %s; "
				   "nothing was read", names[i], strerror(errno));
		guard(fd, names[i]);
		close(fd);
	}
}
