/* Output files written whole or not at all (see output.h). */
#include "io/output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "io/guard.h"

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

/* What is at path now, looked at through a descriptor opened without
 * following a symbolic link, and checked against the files this run must
 * not write over (guard.h).  Returns false when nothing is there; exits 73
 * for a symbolic link, a directory, or a guarded file. */
static bool look(const char *path, struct stat *st)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t dirlen = slash ? (size_t)(slash - path) + (slash == path) : 1;
	char dir[PATH_MAX];
	struct stat dst;
	bool there;
	int fd;

	if (dirlen >= sizeof dir)
		diag_fatal(JZ_CANTCREAT, "%s: the name is too long", path);
	memcpy(dir, slash ? path : ".", dirlen);
	dir[dirlen] = '\0';
	int dfd = open(dir, GUARD_LOOK | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0 || fstat(dfd, &dst) != 0)
		diag_fatal(JZ_CANTCREAT, "%s: cannot create: %s: %s", path, dir, strerror(errno));
	if (!*base)
		diag_fatal(JZ_CANTCREAT, "%s: is a directory; name a file to write", path);
	fd = openat(dfd, base, GUARD_LOOK | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0 && fstat(fd, st) != 0)
		diag_fatal(JZ_CANTCREAT, "%s: %s", path, strerror(errno));
	if ((fd < 0 && errno == ELOOP) || (fd >= 0 && S_ISLNK(st->st_mode)))
		diag_fatal(JZ_CANTCREAT, "%s: is a symbolic link, which is not followed (it could "
			   "point at any file); name the file itself", path);
	if (fd < 0 && errno != ENOENT)
		diag_fatal(JZ_CANTCREAT, "%s: cannot create: %s", path, strerror(errno));
	there = fd >= 0;
	if (there && S_ISDIR(st->st_mode))
		diag_fatal(JZ_CANTCREAT, "%s: is a directory; name a file to write", path);
	guard_output(there ? st : NULL, &dst, base, path);
	if (fd >= 0)
		close(fd);
	close(dfd);
	return there;
}

/*
 * The race these checks close: a name checked and then opened by name can
 * be swapped between the two for a symbolic link to any file (the check
 * passes on the old file, the open follows the link, and a run as root has
 * overwritten /etc/shadow).  So the name is never trusted: what is at it
 * is looked at through a descriptor (O_NOFOLLOW, then fstat); a regular
 * file is never opened for writing at all: a new file is made beside it
 * (O_EXCL: not through a link) and renamed over the name, and rename(2)
 * replaces the name itself: a link swapped in meanwhile is replaced, not
 * followed, and a hard link to the database loses that name only.  The
 * look is taken again just before the rename, so that a name that became
 * the database or an input meanwhile is refused.  A device or FIFO is
 * opened with O_NOFOLLOW and checked to be the file looked at.
 */
void output_open(struct output *o, const char *path)
{
	struct stat st, now;

	memset(o, 0, sizeof *o);
	if (!path || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return;
	}
	o->path = path;
	bool there = look(path, &st);
	if (there && !S_ISREG(st.st_mode)) {
		int fd = open(path, O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
		if (fd < 0 || fstat(fd, &now) != 0)
			diag_fatal(JZ_CANTCREAT, "%s: %s", path, strerror(errno));
		if (now.st_dev != st.st_dev || now.st_ino != st.st_ino)
			diag_fatal(JZ_CANTCREAT, "%s: was replaced while it was opened; try again",
				   path);
		if (!(o->fp = fdopen(fd, "w")))
			diag_fatal(JZ_CANTCREAT, "%s: %s", path, strerror(errno));
		guard_output_at(&now, path);
		return;
	}
	if (there)
		guard_output_at(&st, path);
	size_t len = strlen(path) + 8;
	if (!(o->tmp = malloc(len)))
		diag_fatal(JZ_SOFTWARE, "out of memory");
	snprintf(o->tmp, len, "%s.XXXXXX", path);
	int fd = mkstemp(o->tmp); /* mode 0600, O_EXCL */
	if (fd < 0 || !(o->fp = fdopen(fd, "w")))
		diag_fatal(JZ_CANTCREAT, "%s: cannot create: %s", path, strerror(errno));
	track(o->tmp, true);
}

const char *output_tmp(const struct output *o)
{
	return o->tmp;
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
	struct stat st;

	if (o->tmp)
		look(o->path, &st); /* exits when the name became a guarded file */
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
	struct stat st;
	if (ok && o->tmp)
		look(o->path, &st);
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
