/*
 * Applications received at the windows (data.md application), read from
 * the database as of a date (the structs are core/facts.h's).
 */
#ifndef JZ_APPLICATION_H
#define JZ_APPLICATION_H

#include "core/date.h"
#include "core/facts.h"
#include "store/db.h"

/* Every application received on or before on (enrolled by journal entry
 * max_entry; 0: now). */
void application_load(struct db *db, jz_date on, struct application_set *set);
void application_load_until(struct db *db, jz_date on, long long max_entry,
			    struct application_set *set);
void application_free(struct application_set *set);

#endif
