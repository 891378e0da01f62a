/* Unit tests of the output columns' types (io/rec_type.c) and of the typed
 * writers: JSON, TSV, and the row limit of an xlsx sheet. */
#include "unit.h"

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/exitcode.h"
#include "io/kind.h"
#include "io/kind_grant.h"
#include "io/rec.h"
#include "io/rec_type.h"

/* What w wrote to fp, from the start. */
static const char *written(FILE *fp)
{
	static char buf[4096];
	size_t n;

	rewind(fp);
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/* The exit status of a child that writes a header and n rows as xlsx. */
static int xlsx_rows(long n)
{
	static const char *const col[] = {"claims"};
	int status = -1;

	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		FILE *out = fopen("/dev/null", "w");
		if (!out || !freopen("/dev/null", "w", stderr))
			_exit(99);
		struct rec_writer *w = rec_writer_open(out, REC_XLSX, col, 1);
		for (long i = 0; i < n; i++)
			rec_write(w, (const char *const[]){"1"});
		_exit(rec_writer_close(w) ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(void)
{
	static const struct kind *const kinds[] = {
		&kind_person, &kind_application, &kind_institution, &kind_survey, &kind_staff,
		&kind_decision, &kind_funding, &kind_claim, &kind_recovery, &kind_return,
	};

	/* One type a name: no kind's field disagrees with the table or
	 * with another kind's field of the same name. */
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		for (int f = 0; f < kinds[k]->nfields; f++) {
			const struct field *fd = &kinds[k]->fields[f];
			CHECK(rec_column_type(fd->name) == rec_field_type(fd->type), "%s.%s: one type",
			      kinds[k]->name, fd->name);
		}
	CHECK(rec_column_type("amount") == RT_MONEY, "amount is money");
	CHECK(rec_column_type("approved") == RT_MONEY, "approved is money");
	CHECK(rec_column_type("claims") == RT_INT, "claims is a count");
	CHECK(rec_column_type("age") == RT_INT, "age is a number");
	CHECK(rec_column_type("disability_grade") == RT_INT, "a grade is a number");
	CHECK(rec_column_type("eligible") == RT_BOOL, "eligible is yes/no");
	CHECK(rec_column_type("as_of") == RT_DATE, "as_of is a date");
	CHECK(rec_column_type("month") == RT_TEXT, "a month is text");
	CHECK(rec_column_type("under_1.5") == RT_DECIMAL, "a ratio is a decimal");
	CHECK(rec_column_type("national_id") == RT_TEXT, "an ID is text");
	CHECK(rec_column_type("no such column") == RT_TEXT, "unknown is text");

	/* JSON: each cell as its type; money with two decimals from fen. */
	static const char *const cols[] = {"amount", "claims", "eligible", "name", "as_of",
					   "under_1.0", "monthly_income"};
	FILE *fp = tmpfile();
	struct rec_writer *w = rec_writer_open(fp, REC_JSONL, cols, 7);
	rec_write(w, (const char *const[]){"701.50", "3", "yes", "王芳", "2007-10-01", "0.125", ""});
	rec_write(w, (const char *const[]){"-0.01", "0", "no", "12", "", "1.000", "0.00"});
	rec_write(w, (const char *const[]){"oops", "007", "maybe", "a\"b", "x", "1e5", "1,0"});
	CHECK(rec_writer_close(w), "JSON Lines written");
	CHECK_STR(written(fp),
		  "{\"amount\":701.50,\"claims\":3,\"eligible\":true,\"name\":\"王芳\","
		  "\"as_of\":\"2007-10-01\",\"under_1.0\":0.125,\"monthly_income\":null}\n"
		  "{\"amount\":-0.01,\"claims\":0,\"eligible\":false,\"name\":\"12\","
		  "\"as_of\":null,\"under_1.0\":1.000,\"monthly_income\":0.00}\n"
		  "{\"amount\":\"oops\",\"claims\":\"007\",\"eligible\":\"maybe\",\"name\":\"a\\\"b\","
		  "\"as_of\":\"x\",\"under_1.0\":\"1e5\",\"monthly_income\":\"1,0\"}\n",
		  "JSON typed; a cell not of its type stays a string");

	/* JSON array with no rows; CSV and TSV with no rows: the header. */
	fp = tmpfile();
	CHECK(rec_writer_close(rec_writer_open(fp, REC_JSON, cols, 2)), "empty JSON array");
	CHECK_STR(written(fp), "[]\n", "an empty array");
	fp = tmpfile();
	CHECK(rec_writer_close(rec_writer_open(fp, REC_TSV, cols, 2)), "empty TSV");
	CHECK_STR(written(fp), "amount\tclaims\n", "TSV: the header alone");

	/* TSV: backslash, tab, newline and CR escaped. */
	fp = tmpfile();
	w = rec_writer_open(fp, REC_TSV, cols + 3, 2);
	rec_write(w, (const char *const[]){"a\\b\tc", "d\ne\rf"});
	CHECK(rec_writer_close(w), "TSV written");
	CHECK_STR(written(fp), "name\tas_of\na\\\\b\\tc\td\\ne\\rf\n", "TSV escapes");

	/* xlsx: a sheet full (the header and 1048575 rows) is written; the
	 * row after exits 73, saying to use csv. */
	CHECK(xlsx_rows(REC_XLSX_ROWS - 1) == 0, "xlsx: a full sheet is written");
	CHECK(xlsx_rows(REC_XLSX_ROWS) == JZ_CANTCREAT,
	      "xlsx: more rows than a sheet holds exits 73");
	UNIT_END();
}
