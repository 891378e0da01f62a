/*
 * Record streams: the one interface through which every command reads and
 * writes records.  Input is CSV (libcsv, strict), TSV, JSON Lines or a
 * JSON array (cJSON, typed or strings), all read streaming, one record at a
 * time; output is CSV, TSV, JSON Lines, a JSON array (both typed:
 * rec_type.h), an Excel workbook or an aligned table for people.
 */
#ifndef JZ_REC_H
#define JZ_REC_H

#include <stdbool.h>
#include <stdio.h>

#include "core/field.h"
#include "io/input.h"

/* What a reader takes at most, so that memory stays bounded whatever the
 * input (jiuzhu(7), LIMITS): the bytes of one field, and of one JSON
 * record (a line, or an element of an array). */
#define REC_FIELD_MAX 65536
#define REC_RECORD_MAX 1048576

enum rec_format { REC_AUTO, REC_CSV, REC_JSONL, REC_JSON, REC_TABLE, REC_HTML, REC_TSV, REC_XLSX };

/* Parse a --format / --input-format word; false when unknown. */
bool rec_format_parse(const char *s, enum rec_format *out);

/* One record as read: a cell per field of the kind. */
struct rec {
	struct problems prob; /* where it starts; what the reader found wrong */
	bool broken;          /* not a record at all (bad JSON, not an object) */
	int n;                /* number of fields */
	char **val;           /* val[i]: the cell of field i, NULL when absent */
};

typedef void (*rec_fn)(struct rec *r, void *ctx);

struct rec_source {
	const struct field *fields; /* the kind's columns */
	int nfields;
	const char *const *ignore; /* other columns taken and dropped, NULL-ended */
	enum rec_format format;     /* REC_AUTO: see rec_detect */
	const char *encoding;       /* --encoding, or NULL for UTF-8 */
	bool ignore_unknown;        /* --ignore-unknown: other columns dropped, told once */
};

/* The format of input that starts with first[0..n): '{' is JSON Lines,
 * '[' a JSON array, a first line with tabs and no comma TSV, else CSV. */
enum rec_format rec_detect(const char *first, size_t n);

/* Undo TSV's escapes (\\ \t \n \r) in s[0..n) in place; the new length. */
size_t rec_tsv_unescape(char *s, size_t n);

/* Call fn for every record of the file name ("-" is stdin); a file of no
 * records is warned of (cron mails it).  Problems of a
 * single record are in its prob; a problem that spoils the whole file (a
 * bad header, a CSV quoting error, broken JSON array structure) is
 * reported here and makes it return false.  sha256 (unless NULL) gets
 * the digest of the file's bytes. */
bool rec_read_file(const char *name, const struct rec_source *src, rec_fn fn,
		   void *ctx, char sha256[SHA256_HEX]);

/* A writer of records with fixed columns. */
struct rec_writer;

struct rec_writer *rec_writer_open(FILE *fp, enum rec_format format,
				   const char *const *columns, int ncolumns);
/* --bom and --output-encoding (opts.c), for every CSV, TSV or table writer
 * opened after: a UTF-8 BOM before the header; the text converted from
 * UTF-8 to encoding (NULL: none), a character it lacks exiting 65. */
void rec_writer_style(bool bom, const char *encoding);
/* The rows an Excel sheet holds, the header's included. */
#define REC_XLSX_ROWS 1048576L
/* s on an HTML page: <, >, & and " escaped; NULL is nothing. */
void rec_html_text(FILE *fp, const char *s);
/* REC_HTML: the page's title (kept, not copied). */
void rec_writer_title(struct rec_writer *w, const char *title);
/* REC_HTML: the page is made at close by page(ctx, fp, cells, rows,
 * ncolumns) instead of the generic one: cells holds every row, row-major,
 * the header first (a report's own page: its labels, names, totals). */
typedef void (*rec_page_fn)(void *ctx, FILE *fp, char *const *cells, size_t rows,
			    int ncolumns);
void rec_writer_page(struct rec_writer *w, rec_page_fn page, void *ctx);
/* values[i] is the cell of column i; NULL or "" is empty. */
void rec_write(struct rec_writer *w, const char *const *values);
/* Flush (a table is printed here); false when a write failed. */
bool rec_writer_close(struct rec_writer *w);

#endif
