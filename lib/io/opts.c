/* The shared options (see opts.h and jiuzhu(7)). */
#include "io/opts.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/exitcode.h"

enum { OPT_DB = 1000, OPT_POLICY, OPT_INPUT_FORMAT, OPT_ENCODING, OPT_AS_OF, OPT_BUSY,
       OPT_ANCHOR, OPT_BOM, OPT_OUTPUT_ENCODING, OPT_IGNORE_UNKNOWN };

static const struct argp_option options[] = {
	{"db", OPT_DB, "FILE", 0, "the database (else $JIUZHU_DB; no default)", -1},
	{"policy", OPT_POLICY, "FILE", 0, "use this policy file instead of the database's", -1},
	{"format", 'f', "FMT", 0, "csv (default), tsv, jsonl, json, table, xlsx", -1},
	{"input-format", OPT_INPUT_FORMAT, "FMT", 0, "csv, tsv, jsonl, json (default: detected)", -1},
	{"encoding", OPT_ENCODING, "ENC", 0, "input encoding, e.g. GB18030 (default UTF-8)", -1},
	{"output", 'o', "FILE", 0, "write to FILE, put in place only when done", -1},
	{"bom", OPT_BOM, 0, 0, "CSV/TSV: begin with a UTF-8 BOM (Excel)", -1},
	{"output-encoding", OPT_OUTPUT_ENCODING, "ENC", 0, "CSV/TSV/table: e.g. GB18030", -1},
	{"as-of", OPT_AS_OF, "DATE", 0, "the date rules apply as of (default today)", -1},
	{"dry-run", 'n', 0, 0, "do everything but write nothing to the database", -1},
	{"quiet", 'q', 0, 0, "no progress on stderr", -1},
	{"verbose", 'v', 0, 0, "the journal head's full hash in the summary", -1},
	{"anchor", OPT_ANCHOR, "FILE", 0, "append the journal's new head to FILE", -1},
	{"busy-timeout", OPT_BUSY, "SECONDS", 0, "wait this long for a locked database (10)", -1},
	{NULL, 'h', 0, OPTION_HIDDEN, "give this help list", -1},
	{0}
};

/* What -f, -o, --bom and --output-encoding say together, checked once all
 * are known; the writers get the last two (rec_writer_style()). */
static void output_checks(struct argp_state *state, const struct jz_opts *o)
{
	static const char *const names[] = {
		[REC_JSONL] = "jsonl", [REC_JSON] = "json", [REC_TABLE] = "table",
		[REC_HTML] = "html", [REC_XLSX] = "xlsx",
	};
	bool text = o->format == REC_CSV || o->format == REC_TSV || o->format == REC_TABLE;

	if (o->bom && o->format != REC_CSV && o->format != REC_TSV)
		argp_error(state, "--bom: -f %s is not read by Excel as text; a BOM goes with csv "
			   "or tsv", names[o->format]);
	if (o->output_encoding && !text)
		argp_error(state, "--output-encoding: -f %s is UTF-8 by its definition; it goes "
			   "with csv, tsv or table", names[o->format]);
	if (o->bom && o->output_encoding)
		argp_error(state, "--bom marks UTF-8 text; with --output-encoding %s leave it out",
			   o->output_encoding);
	if (o->output_encoding) {
		iconv_t cd = iconv_open(o->output_encoding, "UTF-8");
		if (cd == (iconv_t)-1)
			argp_error(state, "--output-encoding %s: not an encoding iconv knows; "
				   "expected e.g. GB18030 or GBK", o->output_encoding);
		/* Each line is converted alone: an encoding that writes ASCII as
		 * itself, with no BOM nor state (GB18030, GBK, Big5), not UTF-16,
		 * whose BOM would start every line. */
		char ascii[] = "a,\t\n", out[16], *in = ascii, *to = out;
		size_t inleft = 4, outleft = sizeof out;
		bool same = iconv(cd, &in, &inleft, &to, &outleft) != (size_t)-1 &&
			    iconv(cd, NULL, NULL, &to, &outleft) != (size_t)-1 &&
			    to - out == 4 && memcmp(out, ascii, 4) == 0;
		iconv_close(cd);
		if (!same)
			argp_error(state, "--output-encoding %s: not one that writes ASCII as it is; "
				   "expected e.g. GB18030, GBK or BIG5", o->output_encoding);
	}
	if (o->format == REC_XLSX && (!o->output || strcmp(o->output, "-") == 0) &&
	    isatty(STDOUT_FILENO))
		argp_error(state, "-f xlsx: standard output is a terminal; name a file with "
			   "-o FILE.xlsx or redirect to one");
	rec_writer_style(o->bom, o->output_encoding);
}

static error_t parse(int key, char *arg, struct argp_state *state)
{
	struct jz_opts *o = state->input;
	char err[120];
	const char *why;

	switch (key) {
	case OPT_DB:
		o->db = arg;
		break;
	case OPT_POLICY:
		o->policy = arg;
		break;
	case 'f':
		if (!rec_format_parse(arg, &o->format) || (o->format == REC_HTML && !o->html))
			argp_error(state, "--format %s: expected csv, tsv, jsonl, json, table%s or "
				   "xlsx", arg, o->html ? ", html" : "");
		break;
	case OPT_INPUT_FORMAT:
		if (!rec_format_parse(arg, &o->input_format) || o->input_format == REC_TABLE ||
		    o->input_format == REC_HTML || o->input_format == REC_XLSX)
			argp_error(state, "--input-format %s: expected csv, tsv, jsonl or json", arg);
		break;
	case OPT_ENCODING:
		o->encoding = arg;
		break;
	case 'o':
		o->output = arg;
		break;
	case OPT_BOM:
		o->bom = true;
		break;
	case OPT_OUTPUT_ENCODING:
		o->output_encoding = arg;
		break;
	case ARGP_KEY_END:
		output_checks(state, o);
		break;
	case OPT_AS_OF:
		if (!date_parse(arg, &o->as_of, err, sizeof err))
			argp_error(state, "--as-of: %s", err);
		o->as_of_given = true;
		break;
	case 'n':
		o->dry_run = true;
		break;
	case 'q':
		o->quiet = true;
		break;
	case 'v':
		o->verbose = true;
		break;
	case OPT_ANCHOR:
		o->anchor = arg;
		break;
	case 'h': /* cli.md promises -h as well as argp's -? */
		argp_state_help(state, stdout, ARGP_HELP_STD_HELP);
		break;
	case OPT_BUSY: {
		long long s = parse_number(arg, 0, 86400, &why);
		if (why) /* the message names the range: no "too large" needed */
			argp_error(state, "--busy-timeout %s: expected seconds from 0 to 86400", arg);
		o->busy_timeout_ms = (int)s * 1000;
		break;
	}
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

const struct argp jz_common_argp = {options, parse, 0, 0, 0, 0, 0};
const struct argp_child jz_common_children[] = {
	{&jz_common_argp, 0, "Options of every command:", 0}, {0}
};

/* The options of the commands that read records (cli.md, Extra columns):
 * the shared ones and these, which report would only list to no use. */
static const struct argp_option input_options[] = {
	{"ignore-unknown", OPT_IGNORE_UNKNOWN, 0, 0, "drop input columns the kind does not know", -1},
	{0}
};

static error_t parse_input(int key, char *arg, struct argp_state *state)
{
	struct jz_opts *o = state->input;

	(void)arg;
	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = o; /* the shared options' too */
		return 0;
	case OPT_IGNORE_UNKNOWN:
		o->ignore_unknown = true;
		return 0;
	default: /* the shared options, and the end's checks, are the child's */
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp_child input_children[] = {{&jz_common_argp, 0, 0, 0}, {0}};
const struct argp jz_input_argp = {input_options, parse_input, 0, 0, input_children, 0, 0};
const struct argp_child jz_input_children[] = {
	{&jz_input_argp, 0, "Options of every command:", 0}, {0}
};

/* Append s to buf (when buf is not NULL) as the shell would read it back:
 * plain, 'single-quoted', or $'...' with escapes when it holds control
 * characters, so that the journal's command line is one line.  Returns
 * the length. */
static size_t quote(char *buf, const char *s)
{
	static const char plain[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "0123456789-_./=:@,+%";
	char tmp[8];
	size_t n = 0;
	bool control = false;

	for (const char *p = s; *p; p++)
		control |= (unsigned char)*p < 0x20 || *p == 0x7f;
	if (*s && strspn(s, plain) == strlen(s)) {
		n = strlen(s);
		if (buf)
			memcpy(buf, s, n);
		return n;
	}
#define PUT(text, len) do { if (buf) memcpy(buf + n, text, len); n += len; } while (0)
	PUT(control ? "$'" : "'", control ? 2u : 1u);
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '\'')
			PUT(control ? "\\'" : "'\\''", control ? 2u : 4u);
		else if (control && ch == '\\')
			PUT("\\\\", 2u);
		else if (control && (ch < 0x20 || ch == 0x7f)) {
			snprintf(tmp, sizeof tmp, "\\x%02x", ch);
			PUT(tmp, 4u);
		} else
			PUT(s, 1u);
	}
	PUT("'", 1u);
#undef PUT
	return n;
}

void jz_opts_init(struct jz_opts *o, int argc, char **argv)
{
	size_t len = 1;

	memset(o, 0, sizeof *o);
	o->db = getenv("JIUZHU_DB");
	if (o->db && !*o->db)
		o->db = NULL; /* none: the command that needs one says so */
	o->anchor = getenv("JIUZHU_ANCHOR");
	if (o->anchor && !*o->anchor)
		o->anchor = NULL;
	o->format = REC_CSV;
	o->input_format = REC_AUTO;
	o->as_of = date_today();
	o->busy_timeout_ms = 10000;
	argp_err_exit_status = JZ_USAGE;
	/* -f FMT, --format=FMT: the argument with each name, so that argp need
	 * not add its three-line note about it and --help fits a screen (a
	 * user's own ARGP_HELP_FMT wins). */
	setenv("ARGP_HELP_FMT", "dup-args", 0);
	for (int i = 0; i < argc; i++)
		len += quote(NULL, argv[i]) + 1;
	if (!(o->command_line = malloc(len)))
		diag_fatal(JZ_SOFTWARE, "out of memory");
	char *p = o->command_line;
	for (int i = 0; i < argc; i++) {
		if (i)
			*p++ = ' ';
		p += quote(p, argv[i]);
	}
	*p = '\0';
}
