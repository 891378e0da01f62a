/* The files a run must not write over (see guard.h). */
#include "io/guard.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"

struct guarded {
	dev_t dev;           /* the file's device and inode; for a name, its directory's */
	ino_t ino;
	const char *base;    /* a name in that directory, or NULL: the file itself */
	enum guard_what what;
	const char *name;    /* for messages */
};

/* The guarded files, and the outputs (what is GUARD_INPUT: unused). */
static struct guarded *files, *outputs;
static int nfiles, noutputs;

static void forget(void)
{
	for (int i = 0; i < nfiles; i++) {
		free((char *)files[i].base);
		free((char *)files[i].name);
	}
	for (int i = 0; i < noutputs; i++)
		free((char *)outputs[i].name);
	free(files);
	free(outputs);
	files = outputs = NULL;
	nfiles = noutputs = 0;
}

/* Add g to v, with copies of its names. */
static void add(struct guarded **v, int *n, struct guarded g)
{
	static bool registered;
	struct guarded *more = realloc(*v, (size_t)(*n + 1) * sizeof **v);

	if (!more || !(g.name = strdup(g.name)) || (g.base && !(g.base = strdup(g.base))))
		diag_fatal(JZ_SOFTWARE, "out of memory");
	*v = more;
	(*v)[(*n)++] = g;
	if (!registered)
		registered = atexit(forget) == 0;
}

static bool same(const struct stat *st, const struct guarded *g)
{
	return st->st_dev == g->dev && st->st_ino == g->ino;
}

static _Noreturn void refuse(const char *path, const struct guarded *g)
{
	if (g->what == GUARD_DATABASE)
		diag_fatal(JZ_CANTCREAT, "%s: cannot write over the database (%s); name another "
			   "file to write", path, g->name);
	diag_fatal(JZ_CANTCREAT, "%s: cannot write over an input of this run (%s); name another "
		   "file to write", path, g->name);
}

void guard_file(const struct stat *st, enum guard_what what, const char *name)
{
	for (int i = 0; i < nfiles; i++)
		if (!files[i].base && same(st, &files[i]))
			return;
	add(&files, &nfiles, (struct guarded){st->st_dev, st->st_ino, NULL, what, name});
}

void guard_name(const struct stat *dir, const char *base, const char *name)
{
	add(&files, &nfiles, (struct guarded){dir->st_dev, dir->st_ino, base, GUARD_DATABASE,
					      name});
}

void guard_input(const struct stat *st, const char *name)
{
	for (int i = 0; i < noutputs; i++)
		if (same(st, &outputs[i]))
			refuse(outputs[i].name, &(struct guarded){.what = GUARD_INPUT, .name = name});
	guard_file(st, GUARD_INPUT, name);
}

void guard_output(const struct stat *st, const struct stat *dir, const char *base,
		  const char *path)
{
	for (int i = 0; i < nfiles; i++) {
		const struct guarded *g = &files[i];
		if (g->base ? dir && same(dir, g) && strcmp(base, g->base) == 0 : st && same(st, g))
			refuse(path, g);
	}
}

void guard_output_at(const struct stat *st, const char *path)
{
	add(&outputs, &noutputs, (struct guarded){st->st_dev, st->st_ino, NULL, GUARD_INPUT, path});
}
