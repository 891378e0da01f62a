/* Unit tests of the input conventions' small parts (cli.md, Conventions
 * users of Miller, jq and sqlite-utils expect): TSV's escapes undone, and
 * a format told by an input's first bytes. */
#include "unit.h"

#include "io/rec.h"

static void unescape(const char *in, const char *want)
{
	char buf[64];
	size_t n = strlen(in);

	memcpy(buf, in, n);
	buf[rec_tsv_unescape(buf, n)] = '\0';
	CHECK_STR(buf, want, "TSV cell '%s' unescaped", in);
}

int main(void)
{
	unescape("plain", "plain");
	unescape("a\\tb", "a\tb");
	unescape("a\\nb\\rc", "a\nb\rc");
	unescape("back\\\\slash", "back\\slash");
	unescape("\\\\t", "\\t"); /* an escaped backslash, then a t */
	unescape("odd\\x", "odd\\x"); /* not an escape: kept */
	unescape("end\\", "end\\");

	CHECK(rec_detect("a,b\n1,2\n", 8) == REC_CSV, "a comma: CSV");
	CHECK(rec_detect("a\tb\n1\t2\n", 8) == REC_TSV, "tabs and no comma: TSV");
	CHECK(rec_detect("a\tb,c\n", 6) == REC_CSV, "a tab and a comma: CSV");
	CHECK(rec_detect("name\n", 5) == REC_CSV, "one column: CSV");
	CHECK(rec_detect(" \n{\"a\":1}\n", 10) == REC_JSONL, "{ after blanks: JSON Lines");
	CHECK(rec_detect("[{}]", 4) == REC_JSON, "[: a JSON array");
	CHECK(rec_detect("", 0) == REC_CSV, "nothing: CSV");
	UNIT_END();
}
