/* Output files written whole or not at all (see output.h). */
#include "io/output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/exitcode.h"

/* Temporary files not yet put in place: removed if the program exits. */
static char *pending[4];

static void remove_pending(void)
{
	for (int i = 0; i < 4; i++)
		if (pending[i])
			unlink(pending[i]);
}

static void track(char *tmp, bool on)
{
	static bool registered;
	for (int i = 0; i < 4; i++)
		if (on ? !pending[i] : pending[i] == tmp) {
			pending[i] = on ? tmp : NULL;
			break;
		}
	if (on && !registered)
		registered = !atexit(remove_pending);
}

void output_open(struct output *o, const char *path)
{
	struct stat st;

	memset(o, 0, sizeof *o);
	if (!path || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return;
	}
	o->path = path;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (!(o->fp = fopen(path, "w")))
			diag_fatal(JZ_CANTCREAT, "%s: %s", path, strerror(errno));
		return;
	}
	size_t len = strlen(path) + 8;
	if (!(o->tmp = malloc(len)))
		diag_fatal(JZ_SOFTWARE, "out of memory");
	snprintf(o->tmp, len, "%s.XXXXXX", path);
	int fd = mkstemp(o->tmp); /* mode 0600 */
	if (fd < 0 || !(o->fp = fdopen(fd, "w")))
		diag_fatal(JZ_CANTCREAT, "%s: cannot create: %s", path, strerror(errno));
	track(o->tmp, true);
}

void output_spool(struct output *o)
{
	if (o->tmp)
		return;
	FILE *spool = tmpfile();
	if (!spool)
		diag_fatal(JZ_CANTCREAT, "cannot create a temporary file: %s", strerror(errno));
	o->spool_to = o->fp;
	o->fp = spool;
}

bool output_rewind(struct output *o)
{
	return (o->tmp || o->spool_to) && fflush(o->fp) == 0 && ftruncate(fileno(o->fp), 0) == 0 &&
	       fseek(o->fp, 0, SEEK_SET) == 0;
}

/* Copy the spool to where it goes; false when a read or write failed. */
static bool unspool(struct output *o)
{
	char buf[1 << 16];
	size_t n;
	bool ok = fflush(o->fp) == 0 && !ferror(o->fp) && fseek(o->fp, 0, SEEK_SET) == 0;

	while (ok && (n = fread(buf, 1, sizeof buf, o->fp)) > 0)
		ok = fwrite(buf, 1, n, o->spool_to) == n;
	ok = ok && !ferror(o->fp);
	fclose(o->fp);
	o->fp = o->spool_to;
	o->spool_to = NULL;
	return ok;
}

bool output_ready(struct output *o)
{
	if (o->spool_to)
		return fflush(o->fp) == 0 && !ferror(o->fp);
	return fflush(o->fp) == 0 && !ferror(o->fp) && (o->fp == stdout || fsync(fileno(o->fp)) == 0 ||
							 !o->tmp);
}

void output_commit(struct output *o)
{
	if (o->spool_to && !unspool(o))
		diag_fatal(JZ_IOERR, "standard output: write failed after the run was committed: %s; "
			   "what was written is in the database", strerror(errno));
	if (o->fp == stdout) {
		if (fflush(stdout) != 0 || ferror(stdout))
			diag_fatal(JZ_IOERR, "standard output: write failed: %s", strerror(errno));
		return;
	}
	bool ok = fflush(o->fp) == 0 && !ferror(o->fp) && (!o->tmp || fsync(fileno(o->fp)) == 0);
	int saved = errno;
	ok = fclose(o->fp) == 0 && ok;
	o->fp = NULL;
	if (!ok || (o->tmp && rename(o->tmp, o->path) != 0)) {
		if (ok)
			saved = errno;
		output_abort(o);
		diag_fatal(JZ_IOERR, "%s: write failed: %s", o->path, strerror(saved));
	}
	track(o->tmp, false);
	free(o->tmp);
	o->tmp = NULL;
}

void output_abort(struct output *o)
{
	if (o->spool_to) {
		fclose(o->fp); /* the spool: nothing of it is shown */
		o->fp = o->spool_to;
		o->spool_to = NULL;
	}
	if (o->fp && o->fp != stdout)
		fclose(o->fp);
	o->fp = NULL;
	if (o->tmp) {
		unlink(o->tmp);
		track(o->tmp, false);
		free(o->tmp);
		o->tmp = NULL;
	}
}
