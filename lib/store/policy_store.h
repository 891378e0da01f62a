/*
 * Policies as stored (schemas/001-registry.sql, policy): the policy a run
 * uses, read from --policy FILE, the database or the built-in default; a
 * stored policy found again by the id@sha256 prefix its rows record; and
 * a run's policy stored under its journal entry.  What a policy holds,
 * and its values by date, are core/policy.h's.
 */
#ifndef JZ_POLICY_STORE_H
#define JZ_POLICY_STORE_H

#include <stdbool.h>

#include "core/policy.h"
#include "store/db.h"

/* The policy a run uses: --policy FILE when given (read and validated),
 * else the one most recently stored in the database, else the built-in
 * default.  Exits 65 for an invalid file. */
void policy_choose(struct policy *p, struct db *db, const char *file);

/* The stored policy of ref ("id@sha256 prefix"), as rows record it;
 * false when it is not stored or not valid. */
bool policy_load_ref(struct policy *p, struct db *db, const char *ref);

/* Store p in the database under entry when it is not there yet; true when
 * it was new. */
bool policy_store(struct policy *p, struct db *db, long long entry);

#endif
