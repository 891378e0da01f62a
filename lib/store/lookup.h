/*
 * The registry behind the record kinds' cross-column checks: what
 * kind_env's lookup asks (io/kind.h, enum kind_lookup), answered from the
 * database inside the run's transaction, each statement prepared when
 * first needed and kept for the run.
 */
#ifndef JZ_LOOKUP_H
#define JZ_LOOKUP_H

#include "io/kind.h"
#include "store/db.h"

/* Make env's checks ask db; undo with lookup_close. */
void lookup_open(struct kind_env *env, struct db *db);
/* Finalize what the look-ups prepared; env asks nothing after. */
void lookup_close(struct kind_env *env);

#endif
