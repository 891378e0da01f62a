/* Enrol's bulk path (see bulk.h). */
#include "enrol/bulk.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"

/* The filter: 2^18 blocks of 64 bytes (16 MiB, the same at any size of
 * input), 8 bits a key in one block, one cache line a row.  At 1M persons
 * a false "maybe taken" is about one in 10^8; one only ends the load
 * early. */
#define BLOOM_BLOCKS_LOG 18
#define BLOOM_BYTES ((size_t)64 << BLOOM_BLOCKS_LOG)
#define BLOOM_K 8

static const char *const indexes[] = {"person_version", "person_household"};

static void *need(void *p)
{
	if (!p)
		diag_fatal(JZ_SOFTWARE, "out of memory");
	return p;
}

bool bulk_begin(struct bulk *b, struct db *db)
{
	memset(b, 0, sizeof *b);
	db_stmt *any = db_prepare(db, "SELECT EXISTS (SELECT 1 FROM person)");
	db_step(db, any);
	bool empty = db_int(any, 0) == 0;
	db_finalize(any);
	if (!empty)
		return false;
	/* Dropped in the run's transaction, built again as they were (their
	 * own CREATE text): a crash or a rollback leaves them as they are. */
	db_stmt *sql = db_prepare(db, "SELECT sql FROM sqlite_master WHERE type = 'index' "
				  "AND tbl_name = 'person' AND name = ?1");
	for (int i = 0; i < 2; i++) {
		db_bind_static(sql, 1, indexes[i]);
		if (db_step(db, sql) != DB_ROW) { /* not the schema this path knows */
			db_finalize(sql);
			bulk_free(b);
			return false;
		}
		b->index_sql[i] = need(strdup(db_text(sql, 0)));
		db_reset(sql);
	}
	db_finalize(sql);
	db_exec(db, "DROP INDEX person_version; DROP INDEX person_household");
	b->db = db;
	b->bloom = need(calloc(1, BLOOM_BYTES));
	b->loading = b->single = true;
	return true;
}

static uint64_t mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

bool bulk_fresh(struct bulk *b, const char *national_id)
{
	uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a, then mixed */
	for (const unsigned char *p = (const unsigned char *)national_id; *p; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	h = mix(h);
	uint64_t bits = mix(h + 0x9e3779b97f4a7c15ULL);
	unsigned char *block = b->bloom + ((h >> (64 - BLOOM_BLOCKS_LOG)) << 6);
	bool fresh = false;
	for (int k = 0; k < BLOOM_K; k++, bits >>= 9) {
		unsigned bit = (unsigned)(bits & 511);
		unsigned char m = (unsigned char)(1u << (bit & 7));
		fresh |= !(block[bit >> 3] & m);
		block[bit >> 3] |= m;
	}
	return fresh;
}

void bulk_end(struct bulk *b)
{
	if (!b->loading)
		return;
	b->loading = false;
	free(b->bloom);
	b->bloom = NULL;
	b->owed = true;
	if (!b->single)
		bulk_touched(b);
	for (int i = 0; i < 2; i++)
		db_exec(b->db, b->index_sql[i]);
}

void bulk_touched(struct bulk *b)
{
	if (!b->owed)
		return;
	b->owed = false;
	/* Each row's own household on its date: a person new to the registry
	 * leaves none (store() in enrol.c). */
	db_exec(b->db, "INSERT INTO temp.touched SELECT household_id, effective, rowid, src, line "
		"FROM person WHERE household_id <> '' ORDER BY rowid");
}

static void clear(struct bulk *b)
{
	for (int i = 0; i < b->n; i++) {
		free(b->m[i].id);
		free(b->m[i].relation);
		free(b->m[i].street);
		free(b->m[i].effective);
	}
	b->n = 0;
	free(b->household);
	b->household = NULL;
}

void bulk_rewind(struct bulk *b)
{
	clear(b);
	db_finalize(b->rows);
	b->rows = NULL;
}

/* In household order, and within one in rowid order: the household
 * index's own order, no sort.  Of the households to check, or all. */
static void open_rows(struct bulk *b, bool all)
{
	char sql[400];
	snprintf(sql, sizeof sql, "SELECT household_id, national_id, relation, street, "
		 "housing_need, dilapidated_house, status = 'active', effective, src, line "
		 "FROM person WHERE %s ORDER BY household_id, rowid", all ? "household_id <> ''"
		 : "household_id IN (SELECT household_id FROM temp.tocheck)");
	b->rows = db_prepare(b->db, sql);
	b->more = db_step(b->db, b->rows) == DB_ROW;
}

/* The cursor's rows of household into b->m. */
static void load(struct bulk *b, const char *household)
{
	clear(b);
	b->household = need(strdup(household));
	while (b->more && strcmp(db_text(b->rows, 0), b->household) < 0)
		b->more = db_step(b->db, b->rows) == DB_ROW;
	while (b->more && strcmp(db_text(b->rows, 0), b->household) == 0) {
		if (b->n == b->cap) {
			b->cap = b->cap ? 2 * b->cap : 16;
			b->m = need(realloc(b->m, (size_t)b->cap * sizeof *b->m));
		}
		struct member *m = &b->m[b->n++];
		m->id = need(strdup(db_text(b->rows, 1)));
		m->relation = need(strdup(db_text(b->rows, 2)));
		m->street = need(strdup(db_text(b->rows, 3)));
		m->need = db_int(b->rows, 4);
		m->house = db_int(b->rows, 5);
		m->active = db_int(b->rows, 6);
		m->effective = need(strdup(db_text(b->rows, 7)));
		m->src = db_int(b->rows, 8);
		m->line = (long)db_int64(b->rows, 9);
		b->more = db_step(b->db, b->rows) == DB_ROW;
	}
}

const struct member *bulk_household(struct bulk *b, const char *household, int *n)
{
	if (!b->rows)
		open_rows(b, false);
	if (!b->household || strcmp(b->household, household) != 0)
		load(b, household);
	*n = b->n;
	return b->m;
}

bool bulk_next_household(struct bulk *b, const char **household, const struct member **rows,
			 int *n)
{
	if (!b->rows)
		open_rows(b, true);
	if (!b->more)
		return false;
	char *next = need(strdup(db_text(b->rows, 0)));
	load(b, next);
	free(next);
	*household = b->household;
	*rows = b->m;
	*n = b->n;
	return true;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int bulk_dates(struct bulk *b, const char *const **dates)
{
	b->dates = need(realloc(b->dates, (size_t)(b->n ? b->n : 1) * sizeof *b->dates));
	for (int i = 0; i < b->n; i++)
		b->dates[i] = b->m[i].effective;
	qsort(b->dates, (size_t)b->n, sizeof *b->dates, by_text);
	int n = 0;
	for (int i = 0; i < b->n; i++)
		if (!n || strcmp(b->dates[n - 1], b->dates[i]) != 0)
			b->dates[n++] = b->dates[i];
	*dates = b->dates;
	return n;
}

void bulk_free(struct bulk *b)
{
	bulk_rewind(b);
	free(b->m);
	free(b->dates);
	free(b->bloom);
	for (int i = 0; i < 2; i++)
		free(b->index_sql[i]);
	memset(b, 0, sizeof *b);
}
