/*
 * What the values of an output column are, by the column's name: one
 * table for every command, so that typed formats (JSON, xlsx) write a
 * column the same way wherever it appears.  A kind's input column has its
 * field's type (io/kind.h); the columns commands compute (decisions,
 * grants, payments, settlement lines, report rows) are listed in
 * rec_type.c.  tests/unit/test_rec_type.c holds the two in agreement.
 */
#ifndef JZ_REC_TYPE_H
#define JZ_REC_TYPE_H

#include "core/field.h"

enum rec_type {
	RT_TEXT,    /* text, codes, IDs, months: a JSON string */
	RT_INT,     /* a count, an age, a year: a JSON number */
	RT_DECIMAL, /* a ratio, as printed: a JSON number */
	RT_MONEY,   /* yuan with two decimals, from fen: a JSON number */
	RT_BOOL,    /* yes/no: true/false */
	RT_DATE,    /* YYYY-MM-DD: a JSON string, an Excel date */
};

/* The type of the output column name (RT_TEXT when not listed). */
enum rec_type rec_column_type(const char *name);

/* The output type of a kind's field type. */
enum rec_type rec_field_type(enum ftype t);

#endif
