/*
 * csvparse: the parse floor of make bench.  A minimal libcsv loop (strict
 * mode, as the commands read) over a CSV file that counts rows and fields
 * and does nothing else.
 *
 *   csvparse FILE
 */
#include <csv.h>
#include <stdio.h>

static long long fields, rows;

static void on_field(void *s, size_t len, void *ctx)
{
	(void)s, (void)len, (void)ctx;
	fields++;
}

static void on_row(int c, void *ctx)
{
	(void)c, (void)ctx;
	rows++;
}

int main(int argc, char **argv)
{
	static char buf[1 << 16];
	struct csv_parser p;
	FILE *f = argc == 2 ? fopen(argv[1], "rb") : NULL;
	if (!f || csv_init(&p, CSV_STRICT | CSV_APPEND_NULL) != 0) {
		fprintf(stderr, "usage: csvparse FILE\n");
		return 2;
	}
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_row, NULL) != n) {
			fprintf(stderr, "csvparse: %s\n", csv_strerror(csv_error(&p)));
			return 1;
		}
	csv_fini(&p, on_field, on_row, NULL);
	csv_free(&p);
	printf("%lld rows, %lld fields\n", rows, fields);
	return 0;
}
