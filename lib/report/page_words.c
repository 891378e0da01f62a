/*
 * The words of the official's pages (page.h): each column's label, and the
 * Chinese names of the programmes, working groups, accounts and bureaus,
 * in the words of 京朝发〔2007〕13号 where it has them (the section is
 * noted).  One place for them, so that no page says a code.
 */
#include "report/page.h"

#include <stdio.h>
#include <string.h>

struct word {
	const char *code, *zh;
};

static const char *find(const struct word *w, const char *code)
{
	for (; w->code; w++)
		if (strcmp(w->code, code) == 0)
			return w->zh;
	return NULL;
}

static const struct word labels[] = {
	{"programme", "救助项目"}, {"street", "街道"}, {"group", "工作组"},
	{"institution", "定点医疗机构"}, {"month", "月份"}, {"households", "户数"},
	{"persons", "人数"}, {"payments", "笔数"}, {"amount", "金额（元）"},
	{"method", "类别（方法）"}, {"claims", "结算笔数"}, {"claimed", "垫付金额（元）"},
	{"approved", "核准金额（元）"}, {"rejected_claims", "拒付笔数"},
	{"adjusted_claims", "调整笔数"}, {"health", "区卫生局"}, {"labour", "区劳动保障局"},
	{"civil_affairs", "区民政局"}, {"finance", "区财政局"}, {"status", "状态"},
	{"account", "资金账户"}, {"opening", "期初余额（元）"}, {"in", "收入（元）"},
	{"out", "支出（元）"}, {"closing", "期末余额（元）"}, {"unit", "对象"},
	{"household_id", "户号（户主）"}, {"national_id", "身份证号"}, {"arrears", "补发（元）"},
	{"overpaid", "多发（元）"}, {"offset", "抵扣（元）"}, {"refunded", "退回（元）"},
	{"written_off", "核销（元）"}, {"to_recover", "待追回（元）"}, {NULL, NULL}
};

const char *page_label(enum page_kind kind, const char *column)
{
	/* In the heading, not in every row. */
	if (strcmp(column, "quarter") == 0 || strcmp(column, "from") == 0 ||
	    strcmp(column, "to") == 0)
		return NULL;
	if (kind == PAGE_ADJUSTMENTS && strcmp(column, "month") == 0)
		return "所属月份";
	const char *zh = find(labels, column);
	return zh ? zh : column;
}

bool page_money_column(const char *column)
{
	static const char *const money[] = {"amount", "claimed", "approved", "opening", "in", "out",
					    "closing", "arrears", "overpaid", "offset", "refunded",
					    "written_off", "to_recover", NULL};
	for (const char *const *m = money; *m; m++)
		if (strcmp(*m, column) == 0)
			return true;
	return false;
}

/* Counts that add up: a household paid by two programmes is one household,
 * so households and persons have no total. */
bool page_count_column(const char *column)
{
	return strcmp(column, "payments") == 0 || strcmp(column, "claims") == 0 ||
	       strcmp(column, "rejected_claims") == 0 || strcmp(column, "adjusted_claims") == 0;
}

static const struct word programmes[] = {
	{"dibao", "最低生活保障"},                         /* 三(一)1 */
	{"zero_employment", "零就业家庭扶持"},             /* 三(一)2 */
	{"employment_training", "免费培训"},
	{"employment_assistant", "就业助理帮扶"},
	{"employment_incentive", "促进就业奖励"},
	{"employment_insurance", "社会保险补贴"},
	{"employment_startup", "零就业家庭一次性补贴"},
	{"employment_retraining", "再次培训全额补助"},
	{"lowrent_housing", "城市廉租房"},                 /* 三(一)3 */
	{"rural_house_repair", "农村特困户危旧房改造"},
	{"temporary", "临时救助"},                         /* 三(一)4 */
	{"festival", "节日送温暖"},
	{"edu_hardship", "困难家庭学生教育资助"},          /* 三(二)1 */
	{"edu_vocational", "中等职业教育资助"},            /* 三(二)2 */
	{"edu_disability", "扶残助学补助"},                /* 三(二)3 */
	{"medical", "医疗救助"},                           /* 三(三)2 */
	{"medical_claim", "医疗救助（定点垫付）"},         /* 三(三)2-3 */
	{"premium_subsidy", "资助参加大病医疗统筹"},       /* 三(三)5,8 */
	{"rehab_card", "康复训练卡"},                      /* 三(三)7 */
	{"major_disease", "困难家庭重大疾病救助金"},       /* 三(三)8 */
	{"legal_aid", "法律援助"},                         /* 三(四)1 */
	{"enforcement_relief", "执行难案件临时救助金"},    /* 三(四)2 */
	{"home_care", "居家养老补贴"},                     /* 三(五)1 */
	{NULL, NULL}
};

const char *page_programme(const char *code)
{
	const char *zh = find(programmes, code);
	return zh ? zh : code;
}

/* The five working groups of 四(一). */
static const struct word groups[] = {
	{"basic_living", "基本生活保障"}, {"education", "教育救助"}, {"medical", "医疗救助"},
	{"legal_aid", "法律援助"}, {"mutual_aid", "社会互助服务"}, {NULL, NULL}
};

const char *page_group(const char *code)
{
	const char *zh = find(groups, code);
	return zh ? zh : code;
}

/* The four bureaus of the joint review, 三(三)3. */
static const struct word bureaus[] = {
	{"health", "区卫生局"}, {"labour", "区劳动保障局"}, {"civil_affairs", "区民政局"},
	{"finance", "区财政局"}, {NULL, NULL}
};

const char *page_bureau(const char *code)
{
	const char *zh = find(bureaus, code);
	return zh ? zh : code;
}

/* The accounts of grant(1): the funds by name, a street's own
 * temporary-aid account (六(一)), what units owe per programme. */
static const struct word accounts[] = {
	{"budget", "区财政预算"}, {"district", "区级临时救助资金"},
	{"donations", "社会捐赠"}, {"major_disease", "困难家庭重大疾病救助金"},
	{NULL, NULL}
};

void page_account(const char *name, char *buf, size_t len)
{
	const char *zh = find(accounts, name);
	if (zh)
		snprintf(buf, len, "%s", zh);
	else if (strncmp(name, "street:", 7) == 0)
		snprintf(buf, len, "%s临时救助资金", name + 7);
	else if (strncmp(name, "receivable:", 11) == 0)
		snprintf(buf, len, "应追回多发款（%s）", page_programme(name + 11));
	else if (strncmp(name, "paid:", 5) == 0)
		snprintf(buf, len, "已支付（%s）", page_programme(name + 5));
	else
		snprintf(buf, len, "%s", name);
}

void page_money(jz_fen fen, char *buf, size_t len)
{
	char digits[24];
	unsigned long long yuan = (unsigned long long)(fen < 0 ? -fen : fen) / 100;
	int cents = (int)((fen < 0 ? -fen : fen) % 100);
	int n = snprintf(digits, sizeof digits, "%llu", yuan);
	size_t k = 0;

	if (fen < 0 && k + 1 < len)
		buf[k++] = '-';
	for (int i = 0; i < n && k + 2 < len; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf[k++] = ',';
		buf[k++] = digits[i];
	}
	snprintf(buf + k, len - k, ".%02d", cents);
}
