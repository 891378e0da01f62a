/*
 * The official's page (page.h): heading, chart, table with its totals and
 * the lines to sign, from the machine rows the subject wrote.  Money is
 * read back from its cells into fen and said again with separators; no
 * floating point.
 */
#include "report/page.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "core/date.h"
#include "core/money.h"
#include "core/policy.h"
#include "io/rec.h"
#include "report/report.h"
#include "store/db.h"

bool page_kind_of(const char *subject, enum page_kind *kind)
{
	static const char *const subjects[] = {"summary", "forecast", "settlement", "funds",
					       "adjustments"};
	for (int k = 0; k < 5; k++)
		if (strcmp(subject, subjects[k]) == 0) {
			*kind = (enum page_kind)k;
			return true;
		}
	return false;
}

/* A signer's cell, "NAME (journal N HASH)": the length of its name. */
static int name_length(const char *s)
{
	const char *j = strstr(s, " (journal ");
	return j ? (int)(j - s) : (int)strlen(s);
}

static void text_n(FILE *fp, const char *s, int len)
{
	char buf[320];
	snprintf(buf, sizeof buf, "%.*s", len, s);
	rec_html_text(fp, buf);
}

static jz_fen fen_of(const char *s)
{
	jz_fen v = 0;
	char err[80];
	if (!money_parse(s, true, &v, err, sizeof err))
		v = 0;
	return v;
}

/* "2007-10" as 2007年10月. */
static void month_words(const char *m, char *buf, size_t len)
{
	if (strlen(m) == 7 && m[4] == '-')
		snprintf(buf, len, "%.4s年%d月", m, atoi(m + 5));
	else
		snprintf(buf, len, "%s", m);
}

/* The period in words: 2007年第四季度（2007-10-01至2007-12-31）. */
static void period_words(const struct page *pg, char *buf, size_t len)
{
	static const char *const q[] = {"一", "二", "三", "四"};
	const struct report_opts *r = pg->r;
	char from[DATE_TEXT] = "", to[DATE_TEXT] = "";

	if (r->from)
		date_format(r->from, from);
	if (r->to)
		date_format(r->to, to);
	if (pg->kind == PAGE_ADJUSTMENTS) {
		if (r->period)
			month_words(r->period, buf, len), strncat(buf, "记账", len - strlen(buf) - 1);
		else
			snprintf(buf, len, "全部记账月份");
	} else if (r->quarter && strlen(r->quarter) == 6 && r->quarter[5] >= '1' &&
		   r->quarter[5] <= '4') {
		snprintf(buf, len, "%.4s年第%s季度（%s至%s）", r->quarter, q[r->quarter[5] - '1'],
			 from, to);
	} else if (r->from || r->to) {
		snprintf(buf, len, "%s至%s", r->from ? from : "最早", r->to ? to : "最近");
	} else {
		snprintf(buf, len, pg->kind == PAGE_FORECAST ? "全部已支付月份" : "全部期间");
	}
}

static const char *title(const struct page *pg)
{
	static char buf[120];
	const char *by = pg->r->by ? pg->r->by : "programme";
	const char *words = strcmp(by, "street") == 0 ? "按街道"
		: strcmp(by, "group") == 0 ? "按工作组"
		: strcmp(by, "institution") == 0 ? "按定点医疗机构"
		: strcmp(by, "month") == 0 ? "按月份" : "按救助项目";

	switch (pg->kind) {
	case PAGE_SUMMARY:
		snprintf(buf, sizeof buf, "救助汇总报告（%s）", words);
		return buf;
	case PAGE_FORECAST: return "救助预测报告";
	case PAGE_SETTLEMENT: return "医疗救助结算表";
	case PAGE_FUNDS: return "资金收支表";
	default: return "调整明细表";
	}
}

/* The name the query sql (of one parameter, key) finds in the register,
 * into buf; buf is left as it is when it finds none. */
static void name_of(const struct page *pg, const char *sql, const char *key, char *buf,
		    size_t len)
{
	if (!pg->db || !*key)
		return;
	db_stmt *st = db_prepare(pg->db, sql);
	db_bind_text(st, 1, key);
	if (db_step(pg->db, st) == DB_ROW)
		snprintf(buf, len, "%s", db_text(st, 0));
	db_finalize(st);
}

/* The institution's name in the register, newest first; else its code. */
static void institution_name(const struct page *pg, const char *code, char *buf, size_t len)
{
	snprintf(buf, len, "%s", code);
	name_of(pg, "SELECT name FROM institution WHERE code = ?1 ORDER BY entry DESC LIMIT 1",
		code, buf, len);
}

/* The household's head by name, as the registry has it last (after a
 * death or a move, the successor); "" when there is none. */
static void head_name(const struct page *pg, const char *household, char *buf, size_t len)
{
	buf[0] = '\0';
	name_of(pg, "SELECT name FROM person WHERE household_id = ?1 AND relation = 'head' "
		"ORDER BY effective DESC, entry DESC LIMIT 1", household, buf, len);
}

/* A cell as the page says it. */
static void say(const struct page *pg, const char *column, const char *cell, FILE *fp)
{
	char buf[400];

	if (!cell || !*cell) {
		return;
	} else if (page_money_column(column)) {
		page_money(fen_of(cell), buf, sizeof buf);
		fputs(buf, fp);
	} else if (strcmp(column, "programme") == 0) {
		rec_html_text(fp, page_programme(cell));
	} else if (strcmp(column, "group") == 0) {
		rec_html_text(fp, page_group(cell));
	} else if (strcmp(column, "institution") == 0) {
		institution_name(pg, cell, buf, sizeof buf);
		rec_html_text(fp, buf);
	} else if (strcmp(column, "account") == 0) {
		page_account(cell, buf, sizeof buf);
		rec_html_text(fp, buf);
	} else if (strcmp(column, "household_id") == 0) {
		/* Whom the official signs for: the household and its head. */
		rec_html_text(fp, cell);
		head_name(pg, cell, buf, sizeof buf);
		if (*buf) {
			fputs("<br>", fp);
			rec_html_text(fp, buf);
		}
	} else if (strcmp(column, "month") == 0) {
		month_words(cell, buf, sizeof buf);
		rec_html_text(fp, buf);
	} else if (strcmp(column, "unit") == 0) {
		fputs(strcmp(cell, "household") == 0 ? "家庭" : "个人", fp);
	} else if (strcmp(column, "status") == 0) {
		fputs(strcmp(cell, "closed") == 0 ? "已结算" : "待签字", fp);
	} else if (strcmp(column, "method") == 0) {
		/* "linear trend of N months (least squares)", or "actual". */
		if (strcmp(cell, "actual") == 0)
			fputs("实际", fp);
		else
			fprintf(fp, "预测（%d个月线性趋势）", atoi(cell + strlen("linear trend of ")));
	} else if (page_bureau(column) != column) {
		/* A signer: "NAME (journal N HASH)": the name, and the entry small. */
		const char *j = strstr(cell, " (journal ");
		text_n(fp, cell, name_length(cell));
		if (j)
			fprintf(fp, "<br><small>日志 %d</small>", atoi(j + strlen(" (journal ")));
	} else {
		rec_html_text(fp, cell);
	}
}

static const char style[] =
	"body{font-family:\"WenQuanYi Micro Hei\",\"Noto Sans CJK SC\",sans-serif;margin:1.5em;"
	"color:#000;font-size:11pt}"
	"h1{text-align:center;font-size:18pt;margin:0 0 .3em}"
	"p.meta{margin:.1em 0;font-size:10pt}"
	"table{border-collapse:collapse;width:100%;table-layout:fixed;margin-top:.6em;font-size:9pt}"
	"th,td{border:1px solid #333;padding:2px 4px;word-break:break-all;overflow-wrap:anywhere}"
	"th{background:#eee;font-weight:bold}td.n{text-align:right;white-space:nowrap}"
	"thead{display:table-header-group}tr{page-break-inside:avoid;break-inside:avoid}"
	"tr.total td{font-weight:bold;border-top:2px solid #000}"
	"tr.forecast td{font-style:italic;background:#f6f6f6}"
	"small{font-size:7pt;color:#444}svg{display:block;margin:.5em 0;break-inside:avoid}"
	"span.id{white-space:nowrap}"
	"div.sign{margin-top:1.5em;font-size:10pt;page-break-inside:avoid}"
	"div.sign span{display:inline-block;min-width:14em;margin:0 1.5em .8em 0}";

static void heading(const struct page *pg, FILE *fp)
{
	char period[160], today[DATE_TEXT];
	const cJSON *root = pg->pol ? pg->pol->root : NULL;
	const cJSON *doc = cJSON_GetObjectItemCaseSensitive(root, "document");
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(root, "title");
	bool wide = pg->kind == PAGE_SETTLEMENT || pg->kind == PAGE_ADJUSTMENTS;

	period_words(pg, period, sizeof period);
	date_format(date_today(), today);
	fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>", fp);
	rec_html_text(fp, title(pg));
	fprintf(fp, "</title>\n<style>%s@page{size:A4%s;margin:12mm}</style></head><body>\n<h1>",
		style, wide ? " landscape" : "");
	rec_html_text(fp, title(pg));
	fputs("</h1>\n<p class=\"meta\">期间：", fp);
	rec_html_text(fp, period);
	if (pg->kind == PAGE_FORECAST)
		fprintf(fp, "（实际），预测其后%d个月", pg->r->horizon ? pg->r->horizon : 3);
	fputs("</p>\n<p class=\"meta\">政策依据：", fp);
	if (cJSON_IsString(name))
		rec_html_text(fp, name->valuestring);
	if (cJSON_IsString(doc)) {
		fputs("（", fp);
		rec_html_text(fp, doc->valuestring);
		fputs("）", fp);
	}
	fprintf(fp, "</p>\n<p class=\"meta\">制表日期：%.4s年%d月%d日　金额单位：元", today,
		atoi(today + 5), atoi(today + 8));
	if (pg->pol && pg->pol->id) { /* the version exactly as the journal records it */
		fputs("　政策版本：<span class=\"id\">", fp);
		rec_html_text(fp, pg->pol->ref[0] ? pg->pol->ref : pg->pol->id);
		fputs("</span>", fp);
	}
	fputs("</p>\n", fp);
}

/* A bar chart: one bar per label (HTML, as say() writes a cell), the
 * forecast ones grey. */
static void chart(FILE *fp, char **labels, const jz_fen *values, const bool *forecast, size_t n)
{
	jz_fen max = 1;
	char buf[MONEY_TEXT + 8];

	if (!n)
		return;
	for (size_t i = 0; i < n; i++)
		if (values[i] > max)
			max = values[i];
	fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"680\" height=\"%zu\" "
		"role=\"img\" font-size=\"11\">\n", 22 * n + (forecast ? 26 : 4));
	for (size_t i = 0; i < n; i++) {
		long len = values[i] > 0 ? (long)((__int128)values[i] * 360 / max) : 0;
		size_t y = 22 * i + 2;
		fprintf(fp, "<text x=\"196\" y=\"%zu\" text-anchor=\"end\">", y + 13);
		fputs(labels[i], fp); /* as say() wrote it: escaped already */
		fprintf(fp, "</text><rect x=\"202\" y=\"%zu\" width=\"%ld\" height=\"16\" fill=\"%s\"/>",
			y, len, forecast && forecast[i] ? "#aaaaaa" : "#2f5f9f");
		page_money(values[i], buf, sizeof buf);
		fprintf(fp, "<text x=\"%ld\" y=\"%zu\">%s%s</text>\n", 208 + len, y + 13, buf,
			forecast ? (forecast[i] ? " 预测" : " 实际") : "");
	}
	if (forecast)
		fprintf(fp, "<rect x=\"202\" y=\"%zu\" width=\"12\" height=\"12\" fill=\"#2f5f9f\"/>"
			"<text x=\"218\" y=\"%zu\">实际</text><rect x=\"262\" y=\"%zu\" width=\"12\" "
			"height=\"12\" fill=\"#aaaaaa\"/><text x=\"278\" y=\"%zu\">预测</text>\n",
			22 * n + 8, 22 * n + 19, 22 * n + 8, 22 * n + 19);
	fputs("</svg>\n", fp);
}

static int column(char *const *cells, int n, const char *name)
{
	for (int c = 0; c < n; c++)
		if (strcmp(cells[c], name) == 0)
			return c;
	return -1;
}

/* The chart of the page: summary, the amount per row; settlement, the aid
 * approved per institution; forecast, each month's amount over every
 * programme, actual then forecast.  Funds and adjustments have none, nor
 * a page of more than CHART_MAX bars: the table says it better. */
#define CHART_MAX 24
static void page_chart(const struct page *pg, FILE *fp, char *const *cells, size_t rows, int n)
{
	int key = 0, val = column(cells, n, pg->kind == PAGE_SETTLEMENT ? "approved" : "amount");
	size_t k = 0;

	if (pg->kind == PAGE_FUNDS || pg->kind == PAGE_ADJUSTMENTS || val < 0 || rows < 2 ||
	    (pg->kind != PAGE_FORECAST && rows - 1 > CHART_MAX))
		return;
	char **labels = calloc(rows, sizeof *labels);
	jz_fen *values = calloc(rows, sizeof *values);
	bool *fc = calloc(rows, sizeof *fc);
	if (!labels || !values || !fc)
		goto out;
	if (pg->kind == PAGE_FORECAST) {
		int month = column(cells, n, "month"), method = column(cells, n, "method");
		for (size_t r = 1; r < rows; r++) {
			const char *m = cells[r * n + month];
			size_t i = 0;
			while (i < k && strcmp(labels[i] + 64, m) != 0)
				i++;
			if (i == k) {
				labels[k] = calloc(1, 80);
				if (!labels[k])
					goto out;
				month_words(m, labels[k], 64);
				snprintf(labels[k] + 64, 16, "%s", m);
				fc[k++] = strcmp(cells[r * n + method], "actual") != 0;
			}
			values[i] += fen_of(cells[r * n + val]);
		}
	} else {
		key = pg->kind == PAGE_SETTLEMENT ? column(cells, n, "institution") : 0;
		for (size_t r = 1; r < rows; r++, k++) {
			char buf[400] = "";
			FILE *m = fmemopen(buf, sizeof buf - 1, "w");
			if (m) {
				say(pg, cells[key], cells[r * n + key], m);
				fclose(m);
			}
			labels[k] = strdup(buf);
			values[k] = fen_of(cells[r * n + val]);
		}
	}
	chart(fp, labels, values, pg->kind == PAGE_FORECAST ? fc : NULL, k);
out:
	for (size_t i = 0; labels && i < rows; i++)
		free(labels[i]);
	free(labels);
	free(values);
	free(fc);
}

/* A total row of the rows for which take(row) says yes. */
static void total(const struct page *pg, FILE *fp, char *const *cells, size_t rows, int n,
		  const char *name, bool (*take)(char *const *row, int n, char *const *head))
{
	bool first = true;
	char buf[MONEY_TEXT + 8];

	fputs("<tr class=\"total\">", fp);
	for (int c = 0; c < n; c++) {
		if (!page_label(pg->kind, cells[c]))
			continue;
		bool money = page_money_column(cells[c]), count = page_count_column(cells[c]);
		jz_fen sum = 0;
		for (size_t r = 1; r < rows; r++)
			if (take(cells + r * n, n, cells))
				sum += money ? fen_of(cells[r * n + c]) : atoll(cells[r * n + c]);
		if (first)
			fprintf(fp, "<td>%s</td>", name);
		else if (money)
			page_money(sum, buf, sizeof buf), fprintf(fp, "<td class=\"n\">%s</td>", buf);
		else if (count)
			fprintf(fp, "<td class=\"n\">%lld</td>", (long long)sum);
		else
			fputs("<td></td>", fp);
		first = false;
	}
	fputs("</tr>\n", fp);
}

static bool every(char *const *row, int n, char *const *head)
{
	(void)row, (void)n, (void)head;
	return true;
}

/* Funds: the money the bureau holds; what units owe is not in it. */
static bool fund(char *const *row, int n, char *const *head)
{
	int c = column(head, n, "account");
	return c < 0 || strncmp(row[c], "receivable:", 11) != 0;
}

static bool actual(char *const *row, int n, char *const *head)
{
	int c = column(head, n, "method");
	return c >= 0 && strcmp(row[c], "actual") == 0;
}

static bool predicted(char *const *row, int n, char *const *head)
{
	return !actual(row, n, head);
}

/* The lines to sign: the statement's four bureaus, each with who signed
 * it in the database; every page, who made it and who approved it. */
static void signatures(const struct page *pg, FILE *fp, char *const *cells, size_t rows, int n)
{
	static const char *const bureaus[] = {"health", "labour", "civil_affairs", "finance"};

	fputs("<div class=\"sign\">", fp);
	if (pg->kind == PAGE_SETTLEMENT) {
		fputs("<p>联合审核（区卫生局、区劳动保障局、区民政局、区财政局按季度联合审核结算）：</p>", fp);
		for (int b = 0; b < 4; b++) {
			int c = column(cells, n, bureaus[b]);
			fprintf(fp, "<span>%s：", page_bureau(bureaus[b]));
			const char *shown = NULL;
			for (size_t r = 1; c >= 0 && r < rows; r++) {
				const char *s = cells[r * n + c];
				int len = name_length(s);
				if (!*s || (shown && strncmp(shown, s, (size_t)len) == 0))
					continue;
				fputs(shown ? "、" : "", fp);
				text_n(fp, s, len);
				shown = s;
			}
			fputs(shown ? "" : "＿＿＿＿＿＿", fp);
			fputs("</span>", fp);
		}
	}
	fputs("<p><span>制表人：＿＿＿＿＿＿</span><span>审核人：＿＿＿＿＿＿</span>"
	      "<span>负责人（签字）：＿＿＿＿＿＿</span><span>日期：＿＿＿＿年＿＿月＿＿日</span></p>"
	      "</div>\n", fp);
}

static bool numeric(const char *column)
{
	return page_money_column(column) || page_count_column(column) ||
	       strcmp(column, "households") == 0 || strcmp(column, "persons") == 0;
}

/* Every column on the page (table-layout fixed): names and words twice as
 * wide as numbers; a count narrower than money. */
static void widths(const struct page *pg, FILE *fp, char *const *cells, int n)
{
	int weight[64], sum = 0;

	for (int c = 0; c < n && c < 64; c++) {
		const char *col = cells[c];
		weight[c] = !page_label(pg->kind, col) ? 0
			: page_money_column(col) ? 11
			: numeric(col) ? 6
			: strcmp(col, "method") == 0 ? 22
			: page_bureau(col) != col || strcmp(col, "status") == 0 ? 8
			: strcmp(col, "unit") == 0 ? 6
			: strcmp(col, "month") == 0 ? 12
			: strcmp(col, "household_id") == 0 ? 12 /* and its head below */
			: strcmp(col, "national_id") == 0 ? 20 : 16;
		sum += weight[c];
	}
	fputs("<table>\n<colgroup>", fp);
	for (int c = 0; c < n && c < 64; c++)
		if (weight[c])
			fprintf(fp, "<col style=\"width:%d.%d%%\">", weight[c] * 100 / sum,
				weight[c] * 1000 / sum % 10);
	fputs("</colgroup>\n", fp);
}

void page_write(void *ctx, FILE *fp, char *const *cells, size_t rows, int n)
{
	const struct page *pg = ctx;
	int method = column(cells, n, "method");

	heading(pg, fp);
	page_chart(pg, fp, cells, rows, n);
	widths(pg, fp, cells, n);
	fputs("<thead><tr>", fp);
	for (int c = 0; c < n; c++)
		if (page_label(pg->kind, cells[c])) {
			fputs("<th>", fp);
			rec_html_text(fp, page_label(pg->kind, cells[c]));
			fputs("</th>", fp);
		}
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (size_t r = 1; r < rows; r++) {
		bool fc = method >= 0 && strcmp(cells[r * n + method], "actual") != 0;
		fputs(fc ? "<tr class=\"forecast\">" : "<tr>", fp);
		for (int c = 0; c < n; c++) {
			if (!page_label(pg->kind, cells[c]))
				continue;
			fputs(numeric(cells[c]) ? "<td class=\"n\">" : "<td>", fp);
			say(pg, cells[c], cells[r * n + c], fp);
			fputs("</td>", fp);
		}
		fputs("</tr>\n", fp);
	}
	if (rows < 2) {
		int shown = 0;
		for (int c = 0; c < n; c++)
			shown += page_label(pg->kind, cells[c]) != NULL;
		fprintf(fp, "<tr><td colspan=\"%d\">本期无记录</td></tr>\n", shown);
	} else if (pg->kind == PAGE_FORECAST) {
		total(pg, fp, cells, rows, n, "实际合计", actual);
		total(pg, fp, cells, rows, n, "预测合计", predicted);
	} else {
		total(pg, fp, cells, rows, n, pg->kind == PAGE_FUNDS ? "合计（不含应追回款）" : "合计",
		      pg->kind == PAGE_FUNDS ? fund : every);
	}
	fputs("</tbody></table>\n", fp);
	signatures(pg, fp, cells, rows, n);
	fputs("</body></html>\n", fp);
}
