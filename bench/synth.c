/*
 * synth: a synthetic district for make bench, the same files for the same
 * seed and size on any machine (its own 64-bit generator, no rand(3)).
 *
 *   synth [-s SEED] [-p PERSONS] [-c CLAIMS] DIR
 *
 * writes into DIR:
 *   persons.csv, persons.jsonl   the registry: households of 1 to 5 with a
 *                                head, valid IDs, ages, work and incomes
 *   institutions.csv             one community health centre per street
 *   applications.csv             temporary aid asked at the windows
 *   medical.csv                  medical entitlement decisions (grant input)
 *                                for the dibao-like tenth of the persons
 *   claims.csv, claims.jsonl     a quarter (2007Q4) of claims from every
 *                                centre and the policy's hospitals, mostly
 *                                by entitled persons, some to be rejected
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static uint64_t state;

/* splitmix64: small, fast, and the same everywhere. */
static uint64_t next(void)
{
	uint64_t z = (state += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static int below(int n)
{
	return (int)(next() % (uint64_t)n);
}

static const char *pick(const char *const *list, int n)
{
	return list[below(n)];
}

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *const streets[] = {
	"三里屯街道", "垂杨柳街道", "劲松街道", "八里庄街道", "麦子店街道", "团结湖街道",
	"六里屯街道", "呼家楼街道", "双井街道", "潘家园街道", "小关街道", "和平街街道",
	"安贞街道", "亚运村街道", "酒仙桥街道", "东坝地区", "南磨房地区", "高碑店地区",
	"将台地区", "太阳宫地区", "小红门地区", "十八里店地区", "王四营地区", "金盏地区",
};
static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
};
static const char *const given[] = {
	"建国", "秀英", "伟", "芳", "磊", "静", "德顺", "桂兰", "晓东", "丽", "强", "敏", "国庆",
	"淑珍", "海", "玉兰", "志刚", "红", "浩", "雪",
};
/* The policy's designated hospitals (policies/chaoyang-2007.json). */
static const char *const hospitals[] = {"CYL", "CYZY", "CYEY", "ZYSF", "HKZX", "SQYY", "DBYY"};
static const char *const regions[] = {"110105", "110101", "110102", "110106", "110108",
				      "130102", "370102", "410102", "510104", "220102"};

#define FIRST_YEAR 1920
#define DAYS (90 * 366)              /* birth days from 1920 on */
#define HALF 500                     /* 3-digit sequences of one sex */
static unsigned short *used;         /* [region][day][sex]: sequences taken */

static int days_in(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return d[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

static void check_char(char id[19])
{
	static const int w[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	int s = 0;
	for (int k = 0; k < 17; k++)
		s += (id[k] - '0') * w[k];
	id[17] = "10X98765432"[s % 11];
	id[18] = '\0';
}

/* A new valid ID born in year y (a random day), of sex male or not; unique
 * because each (region, day, sex) hands out its sequences in turn. */
static void new_id(char id[19], int y, int male, char birth[11])
{
	int m = 1 + below(12), d = 1 + below(days_in(y, m));
	int day = (y - FIRST_YEAR) * 366 + (m - 1) * 31 + (d - 1);
	for (int r = 0; r < COUNT(regions); r++) {
		unsigned short *u = &used[((size_t)r * DAYS + day) * 2 + male];
		if (*u < HALF) {
			int seq = *u * 2 + male;
			(*u)++;
			char tmp[48];
			snprintf(tmp, sizeof tmp, "%s%04d%02d%02d%03d", regions[r], y, m, d, seq);
			memcpy(id, tmp, 17);
			check_char(id);
			snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
			memcpy(birth, tmp, 11);
			return;
		}
	}
	fprintf(stderr, "synth: too many persons born on %04d-%02d-%02d\n", y, m, d);
	exit(1);
}

struct person {
	char id[19], birth[11], name[32];
	const char *relation, *employment, *sex;
	long income;                 /* fen */
	int disability_grade;        /* 0 none */
};

static FILE *csv_p, *json_p, *med, *claims_out, *claims_json, *apps;

static void person_out(const struct person *p, const char *hh, int street, int community,
		       int urban)
{
	const char *st = streets[street];
	char grade[2] = {p->disability_grade ? (char)('0' + p->disability_grade) : '\0', '\0'};
	/* The columns of the header in main(); the 15 empty ones are the
	 * flags and codes left at their defaults. */
	fprintf(csv_p, "%s,%s,%s,%s,%s,%s第%d社区,%s,,,%s,%s,%s,,%ld.%02ld,%s,%s,%s,"
		",,,,,,,,,,,,,,,2007-09-01\n",
		p->id, p->name, hh, p->relation, st, st, community, urban ? "urban" : "rural",
		p->sex, p->birth, p->employment, p->income / 100, p->income % 100,
		urban ? "resident" : "rural_coop", p->disability_grade ? "physical" : "", grade);
	fprintf(json_p, "{\"national_id\":\"%s\",\"name\":\"%s\",\"household_id\":\"%s\","
		"\"relation\":\"%s\",\"street\":\"%s\",\"community\":\"%s第%d社区\","
		"\"hukou_type\":\"%s\",\"sex\":\"%s\",\"birth_date\":\"%s\",\"employment\":\"%s\","
		"\"monthly_income\":\"%ld.%02ld\",\"insurance\":\"%s\"",
		p->id, p->name, hh, p->relation, st, st, community, urban ? "urban" : "rural",
		p->sex, p->birth, p->employment, p->income / 100, p->income % 100,
		urban ? "resident" : "rural_coop");
	if (p->disability_grade)
		fprintf(json_p, ",\"disability\":\"physical\",\"disability_grade\":%d",
			p->disability_grade);
	fputs(",\"effective\":\"2007-09-01\"}\n", json_p);
}

/* A member of age about `age` in 2007, working or not as ages go. */
static void make_person(struct person *p, const char *surname, const char *relation, int age)
{
	int male = below(2);
	if (age < 0)
		age = 0;
	if (age > 86)
		age = 86;
	new_id(p->id, 2007 - age - 1 + below(2) * (age > 0), male, p->birth);
	snprintf(p->name, sizeof p->name, "%s%s", surname, pick(given, COUNT(given)));
	p->relation = relation;
	p->sex = male ? "m" : "f";
	p->disability_grade = below(20) == 0 ? 1 + below(4) : 0;
	p->income = 0;
	if (age < 6)
		p->employment = "child";
	else if (age < 18)
		p->employment = "student";
	else if (age >= 60)
		p->employment = "retired", p->income = 20000 + below(120000);
	else if (p->disability_grade && p->disability_grade <= 2)
		p->employment = "unable";
	else if (below(3) == 0)
		p->employment = "employed", p->income = 50000 + below(250000);
	else
		p->employment = "unemployed", p->income = below(3) ? 0 : 10000 * below(40);
}

static long long claim_no;
static char last_csv[256], last_json[512]; /* the claim written last */

/* A claim of 2007Q4 by person id at a random institution. */
static void claim_out(const char *id, int ninst)
{
	int inst = below(ninst + COUNT(hospitals));
	char code[16];
	if (inst < ninst)
		snprintf(code, sizeof code, "SQ%02d", inst + 1);
	else
		snprintf(code, sizeof code, "%s", hospitals[inst - ninst]);
	int hospital = inst >= ninst;
	int inpatient = hospital && below(4) == 0;
	int mon = 10 + below(3), day = 1 + below(mon == 11 ? 30 : 31);
	long total = inpatient ? 100000 + below(2000000) : 2000 + below(60000);
	long insurance = inpatient ? total * below(50) / 100 : 0;
	long base = total - insurance;
	long advance = inpatient ? base * 6 / 10 : base / 2;
	const char *referral = hospital && !inpatient ? (below(10) ? "yes" : "no") : "no";
	const char *type = inpatient ? "inpatient" : "outpatient";
	claim_no++;
	snprintf(last_csv, sizeof last_csv, "C%08lld,%s,%s,2007-%02d-%02d,%s,%s,%ld.%02ld,%ld.%02ld,%ld.%02ld\n",
		claim_no, code, id, mon, day, type, referral, total / 100, total % 100,
		insurance / 100, insurance % 100, advance / 100, advance % 100);
	snprintf(last_json, sizeof last_json, "{\"claim_id\":\"C%08lld\",\"institution\":\"%s\",\"national_id\":\"%s\","
		"\"visit_date\":\"2007-%02d-%02d\",\"visit_type\":\"%s\",\"referral\":\"%s\","
		"\"total\":\"%ld.%02ld\",\"insurance_paid\":\"%ld.%02ld\",\"advance\":\"%ld.%02ld\"}\n",
		claim_no, code, id, mon, day, type, referral, total / 100, total % 100,
		insurance / 100, insurance % 100, advance / 100, advance % 100);
	fputs(last_csv, claims_out);
	fputs(last_json, claims_json);
}

/* IDs kept for the claims: the entitled, and some who are not. */
struct ids {
	char (*id)[19];
	size_t n, cap;
};

static void keep(struct ids *s, const char *id)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 4096;
		s->id = realloc(s->id, s->cap * sizeof *s->id);
		if (!s->id)
			exit(1);
	}
	memcpy(s->id[s->n++], id, 19);
}

static FILE *create(const char *dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "synth: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	return f;
}

static void finish(FILE *f)
{
	if (fflush(f) != 0 || ferror(f) || fclose(f) != 0) {
		fprintf(stderr, "synth: write failed: %s\n", strerror(errno));
		exit(1);
	}
}

int main(int argc, char **argv)
{
	uint64_t seed = 2007;
	long long npersons = 1000000, nclaims = 1000000;
	int c;
	while ((c = getopt(argc, argv, "s:p:c:")) != -1) {
		if (c == 's')
			seed = strtoull(optarg, NULL, 10);
		else if (c == 'p')
			npersons = strtoll(optarg, NULL, 10);
		else if (c == 'c')
			nclaims = strtoll(optarg, NULL, 10);
		else
			return 2;
	}
	if (optind != argc - 1 || npersons < 10 || nclaims < 0) {
		fprintf(stderr, "usage: synth [-s SEED] [-p PERSONS] [-c CLAIMS] DIR\n");
		return 2;
	}
	const char *dir = argv[optind];
	mkdir(dir, 0755);
	state = seed;
	used = calloc((size_t)COUNT(regions) * DAYS * 2, sizeof *used);
	if (!used)
		return 1;
	int nstreets = COUNT(streets);

	csv_p = create(dir, "persons.csv");
	json_p = create(dir, "persons.jsonl");
	med = create(dir, "medical.csv");
	claims_out = create(dir, "claims.csv");
	claims_json = create(dir, "claims.jsonl");
	apps = create(dir, "applications.csv");
	FILE *inst = create(dir, "institutions.csv");

	fputs("national_id,name,household_id,relation,street,community,hukou_type,hukou_local,"
	      "residence_since,sex,birth_date,employment,able_to_work,monthly_income,insurance,"
	      "disability,disability_grade,disability_cert,illness,cerebral_palsy,rehab_training,"
	      "student_level,wubao,released_on,hukou_pending,enterprise_hardship,one_child_hardship,"
	      "troop,returned_overseas,self_care,housing_need,dilapidated_house,effective\n", csv_p);
	fputs("decision_id,as_of,programme,unit,household_id,national_id,application_id,eligible,"
	      "amount,period,reason,policy\n", med);
	fputs("claim_id,institution,national_id,visit_date,visit_type,referral,total,"
	      "insurance_paid,advance\n", claims_out);
	fputs("application_id,national_id,programme,received_on,street,reason,case_type,"
	      "respondent_unable,requested\n", apps);
	fputs("code,name,type,designated_from,designated_to\n", inst);
	for (int s = 0; s < nstreets; s++)
		fprintf(inst, "SQ%02d,%s社区卫生服务中心,community,2007-07-03,\n", s + 1, streets[s]);
	finish(inst);

	/* A tenth of the households are entitled to medical aid. */
	struct ids entitled_ids = {0}, other_ids = {0};
	long long made = 0, households = 0, applications = 0;
	while (made < npersons) {
		int size = 1 + below(5);
		if (size > npersons - made)
			size = (int)(npersons - made);
		int street = below(nstreets), community = 1 + below(30), urban = below(5) != 0;
		const char *surname = pick(surnames, COUNT(surnames));
		char hh[32];
		snprintf(hh, sizeof hh, "HH-%07lld", ++households);
		int head_age = 25 + below(60);
		int entitled = below(10) == 0;
		for (int k = 0; k < size; k++) {
			struct person p;
			const char *rel = k == 0 ? "head" : k == 1 ? "spouse" : "child";
			int age = k == 0 ? head_age : k == 1 ? head_age - 5 + below(10)
							 : head_age - 22 - below(15);
			if (k >= 2 && age < 0)
				age = below(5);
			make_person(&p, surname, rel, age);
			person_out(&p, hh, street, community, urban);
			made++;
			if (entitled) {
				fprintf(med, "2007-07-01/medical/%s,2007-07-01,medical,person,%s,%s,,yes,"
					"0.00,month,dibao_member,\n", p.id, hh, p.id);
				keep(&entitled_ids, p.id);
			} else if (below(100) == 0) {
				keep(&other_ids, p.id);
			}
			if (k == 0 && below(20) == 0)
				fprintf(apps, "APP-%08lld,%s,temporary,2007-%02d-%02d,%s,%s,,,%d\n",
					++applications, p.id, 9 + below(3), 1 + below(28),
					streets[street],
					pick((const char *const[]){"medical", "education", "heating",
								   "emergency", "other"}, 5),
					500 + 100 * below(30));
		}
	}
	/* The claims in random order: one in a hundred by a person not
	 * entitled, one in a thousand sent twice (both to be rejected). */
	for (long long j = 0; j < nclaims && entitled_ids.n; j++) {
		if (j > 0 && below(1000) == 0) {
			fputs(last_csv, claims_out); /* the same claim again */
			fputs(last_json, claims_json);
			continue;
		}
		const struct ids *from = below(100) == 0 && other_ids.n ? &other_ids : &entitled_ids;
		claim_out(from->id[next() % from->n], nstreets);
	}
	finish(csv_p);
	finish(json_p);
	finish(med);
	finish(claims_out);
	finish(claims_json);
	finish(apps);
	fprintf(stderr, "synth: %lld persons in %lld households, %lld claims, %lld applications in %s\n",
		made, households, claim_no, applications, dir);
	return 0;
}
