/*
 * The columns of a record kind (data.md) and the parsing of one cell into
 * a checked, canonical value.  Record kinds are tables of fields, so that
 * readers, validators, storage and writers all walk the same list.
 */
#ifndef JZ_FIELD_H
#define JZ_FIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"

enum ftype {
	FT_ID,    /* GB 11643 national ID, canonical 18 characters */
	FT_TEXT,  /* UTF-8 text */
	FT_DATE,  /* YYYY-MM-DD */
	FT_MONTH, /* YYYY-MM */
	FT_MONEY, /* yuan, stored as integer fen */
	FT_YESNO, /* yes/no, stored as 1/0 */
	FT_CODE,  /* one of the field's codes */
	FT_GRADE, /* disability grade 1-4 */
};

enum fflag {
	F_REQUIRED = 1, /* an empty cell is an error */
	F_DERIVED = 2,  /* checked on input, not stored (derived elsewhere) */
	F_KEY = 4,      /* part of the record's identity in its table */
	F_SHORT = 8,    /* an identifier: at most FIELD_SHORT_MAX bytes */
};

#define FIELD_SHORT_MAX 100

struct field {
	const char *name;          /* column name, as in data.md */
	enum ftype type;
	unsigned flags;            /* enum fflag bits */
	const char *const *codes;  /* FT_CODE: the allowed codes, NULL-ended */
	const char *deflt;         /* text used when the cell is empty, or NULL */
};

/* One checked cell.  s points into the record or into buf. */
struct value {
	bool given;   /* false: empty cell and no default */
	int64_t i;    /* money in fen, yes/no 1/0, grade, date day number */
	const char *s;/* canonical text */
	char buf[24]; /* room for a canonical ID, date or amount */
};

/* What is wrong with one record: every problem is printed at once on
 * stderr (GNU style) and the first column and all reasons are kept for
 * the rejects file. */
struct problems {
	const char *source; /* file name, "-" for stdin */
	long line;          /* line where the record starts */
	int count;          /* problems found so far */
	bool silent;        /* count them, tell none (a check to be told later) */
	char column[64];    /* column of the first problem */
	char reason[512];   /* the reasons, "; "-separated */
};

void problems_init(struct problems *p, const char *source, long line);
void problem(struct problems *p, const char *column, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Parse raw (NULL or "" = not given) as field f into v; today bounds the
 * birth dates of IDs.  On error reports to p and returns false. */
bool field_parse(const struct field *f, const char *raw, jz_date today,
		 struct value *v, struct problems *p);

/* Is s valid UTF-8 (no overlongs, no surrogates)?  *bad = offset of the
 * first bad byte. */
bool utf8_valid(const char *s, size_t n, size_t *bad);

/* The field named name in fields[0..n), or -1. */
int field_find(const struct field *fields, int n, const char *name);

/* The field name closest to name (for "did you mean"), or NULL. */
const char *field_suggest(const struct field *fields, int n, const char *name);

#endif
