/* The database as files: owner, mode, group (see dbfile.h). */
#include "store/dbfile.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "io/guard.h"

/* The group JIUZHU_GROUP names (a name or a number); false when unset. */
static bool share_group(gid_t *gid)
{
	const char *name = getenv("JIUZHU_GROUP");
	char *end;

	if (!name || !*name)
		return false;
	struct group *g = getgrnam(name);
	if (g) {
		*gid = g->gr_gid;
		return true;
	}
	errno = 0;
	unsigned long n = strtoul(name, &end, 10);
	if (*end || errno || n > (gid_t)-1 - 1)
		diag_fatal(JZ_USAGE, "JIUZHU_GROUP=%s: no such group; name the group that shares "
			   "the database, or unset it", name);
	*gid = (gid_t)n;
	return true;
}

/* A user's or a group's name (or number) in buf: getpwuid's and
 * getgrgid's own buffers are overwritten by the next call. */
static const char *user_name(uid_t uid, char buf[64])
{
	struct passwd *pw = getpwuid(uid);
	if (pw)
		snprintf(buf, 64, "%s", pw->pw_name);
	else
		snprintf(buf, 64, "%lu", (unsigned long)uid);
	return buf;
}

static const char *group_name(gid_t gid, char buf[64])
{
	struct group *g = getgrgid(gid);
	if (g)
		snprintf(buf, 64, "%s", g->gr_name);
	else
		snprintf(buf, 64, "%lu", (unsigned long)gid);
	return buf;
}

/* Exit 77 unless the file st (named name) is safe to read and write: this
 * user's, or of the shared group, and nobody else's. */
static void check(const struct stat *st, const char *name)
{
	char b1[64], b2[64];
	gid_t gid;
	bool share = share_group(&gid);
	bool shared = share && st->st_gid == gid;
	unsigned mode = st->st_mode & 0777;

	if (st->st_uid != geteuid() && !shared)
		diag_fatal(JZ_NOPERM, "%s: owned by %s, not by you (%s): another user could change "
			   "what this run reads and writes; chown %s %s, or work on a copy of your own",
			   name, user_name(st->st_uid, b1), user_name(geteuid(), b2), b2, name);
	if (mode & 0007)
		diag_fatal(JZ_NOPERM, "%s: mode %04o lets every user of this machine read or change "
			   "it; chmod %s %s", name, mode, share ? "660" : "600", name);
	if ((mode & 0070) && !share)
		diag_fatal(JZ_NOPERM, "%s: mode %04o lets group %s read or change it; chmod 600 %s, "
			   "or set JIUZHU_GROUP=%s to share it with that group", name, mode,
			   group_name(st->st_gid, b1), name, b1);
	if ((mode & 0070) && !shared)
		diag_fatal(JZ_NOPERM, "%s: mode %04o shares it with group %s, not with JIUZHU_GROUP's "
			   "%s; chgrp %s %s, or chmod 600 %s", name, mode, group_name(st->st_gid, b1),
			   group_name(gid, b2), b2, name, name);
}

/* The -wal or -shm beside the database (real: its full name) in the
 * directory dfd (dir, fstat'ed): checked when it is there, guarded by name
 * either way.  Returns its size. */
static off_t beside(const char *real, int dfd, const struct stat *dir, const char *suffix,
		    bool strict)
{
	struct stat st;
	char name[PATH_MAX + 8];

	snprintf(name, sizeof name, "%s%s", real, suffix);
	const char *base = strrchr(name, '/') + 1;
	guard_name(dir, base, name);
	int fd = openat(dfd, base, GUARD_LOOK | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 && (errno == ENOENT || !strict))
		return 0;
	if (fd < 0 && errno != ELOOP)
		diag_fatal(JZ_NOPERM, "%s: %s", name, strerror(errno));
	if (!strict && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
		close(fd);
		return 0;
	}
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		diag_fatal(JZ_NOPERM, "%s: is not a plain file (a symbolic link?), so SQLite did not "
			   "make it; remove it", name);
	if (strict)
		check(&st, name);
	guard_file(&st, GUARD_DATABASE, name);
	close(fd);
	return st.st_size;
}

/* The database's full name, as SQLite names its -wal and -shm after it (a
 * link followed), in real; its directory opened to look at (and fstat'ed
 * into dir), or exit 66. */
static int resolve(const char *path, char real[PATH_MAX], struct stat *dir)
{
	if (!realpath(path, real))
		diag_fatal(JZ_NOINPUT, "%s: %s", path, strerror(errno));
	char *slash = strrchr(real, '/');
	*slash = '\0';
	int dfd = open(slash == real ? "/" : real, GUARD_LOOK | O_DIRECTORY | O_CLOEXEC);
	*slash = '/';
	if (dfd < 0 || fstat(dfd, dir) != 0)
		diag_fatal(JZ_NOINPUT, "%s: %s", path, strerror(errno));
	return dfd;
}

/* dbfile_check, or when not strict dbfile_guard. */
static void look(const char *path, struct dbfile *f, bool strict)
{
	struct stat st, dir;
	char real[PATH_MAX];

	memset(f, 0, sizeof *f);
	int fd = open(path, GUARD_LOOK | O_CLOEXEC);
	if (fd < 0 && (errno == ENOENT || !strict))
		return;
	if (!strict && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || !realpath(path, real))) {
		close(fd);
		return;
	}
	if (fd < 0 || fstat(fd, &st) != 0)
		diag_fatal(JZ_NOINPUT, "%s: cannot open the database: %s", path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		diag_fatal(JZ_NOINPUT, "%s: is not a database file; give --db", path);
	f->exists = true;
	if (strict)
		check(&st, path);
	guard_file(&st, GUARD_DATABASE, path);
	close(fd);

	int dfd = resolve(path, real, &dir);
	f->wal_bytes = beside(real, dfd, &dir, "-wal", strict);
	beside(real, dfd, &dir, "-shm", strict);
	/* For the effective user; a read-only mount answers EROFS even to root. */
	f->writable = faccessat(dfd, ".", W_OK, AT_EACCESS) == 0 &&
		      faccessat(AT_FDCWD, real, W_OK, AT_EACCESS) == 0;
	f->write_errno = f->writable ? 0 : errno;
	close(dfd);
}

void dbfile_check(const char *path, struct dbfile *f)
{
	look(path, f, true);
}

void dbfile_guard(const char *path)
{
	struct dbfile f;

	if (path)
		look(path, &f, false);
}

bool dbfile_create(const char *path)
{
	gid_t gid;
	bool share = share_group(&gid);
	/* Made here, not by SQLite, so that its mode is ours whatever the
	 * umask; O_EXCL: never through a link planted at the name. */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

	if (fd < 0 && errno == EEXIST)
		return false;
	if (fd < 0)
		diag_fatal(JZ_CANTCREAT, "%s: cannot create the database: %s", path, strerror(errno));
	if (share && fchown(fd, (uid_t)-1, gid) != 0) {
		int saved = errno;
		unlink(path);
		diag_fatal(JZ_CANTCREAT, "%s: cannot give the new database to JIUZHU_GROUP's group: "
			   "%s; are you a member of it?", path, strerror(saved));
	}
	if (fchmod(fd, share ? 0660 : 0600) != 0)
		diag_fatal(JZ_CANTCREAT, "%s: cannot create the database: %s", path, strerror(errno));
	close(fd);
	return true;
}

void dbfile_share(const char *path)
{
	gid_t gid;
	struct stat st, dir;
	char real[PATH_MAX];

	if (!share_group(&gid))
		return;
	int dfd = resolve(path, real, &dir);
	const char *base = strrchr(real, '/') + 1;
	for (int i = 0; i < 2; i++) {
		char name[PATH_MAX + 8];
		snprintf(name, sizeof name, "%s%s", base, i ? "-shm" : "-wal");
		if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid() && st.st_gid != gid)
			fchownat(dfd, name, (uid_t)-1, gid, AT_SYMLINK_NOFOLLOW);
	}
	close(dfd);
}
