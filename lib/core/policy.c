/* Checking policy files, and their values by date (see policy.h). */
#include "core/policy.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/money.h"

const struct param_def policy_params[] = {
	{"labour.working_age.male", P_RANGE},
	{"labour.working_age.female", P_RANGE},
	{"dibao.standard.urban", P_MONEY},
	{"dibao.standard.rural", P_MONEY},
	{"dibao.edge_multiplier", P_RATE},
	{"dibao.class.elderly", P_RATE},
	{"dibao.class.severe_disability", P_RATE},
	{"dibao.class.serious_illness", P_RATE},
	{"dibao.class.minor", P_RATE},
	{"dibao.gradual_exit_months", P_COUNT},
	{"dibao.released_months", P_COUNT},
	{"dibao.review_months", P_COUNT},
	{"employment.incentive", P_MONEY},
	{"employment.startup_subsidy", P_MONEY},
	{"employment.insurance_subsidy", P_MONEY},
	{"employment.insurance_subsidy_months", P_COUNT},
	{"housing.lowrent_multiplier", P_RATE},
	{"housing.rural_repair_subsidy", P_MONEY},
	{"temporary.cap.medical", P_MONEY},
	{"temporary.cap.education", P_MONEY},
	{"temporary.cap.heating", P_MONEY},
	{"temporary.cap.emergency", P_MONEY},
	{"temporary.cap.other", P_MONEY},
	{"temporary.annual_cap_household", P_MONEY},
	{"festival.dates", P_DATES},
	{"festival.amount.dibao", P_MONEY},
	{"festival.amount.wubao", P_MONEY},
	{"festival.amount.edge", P_MONEY},
	{"survey.sample_rate", P_RATE},
	{"education.hardship.preschool", P_MONEY},
	{"education.hardship.compulsory", P_MONEY},
	{"education.hardship.general_high", P_MONEY},
	{"education.hardship.vocational_high", P_MONEY},
	{"education.vocational", P_MONEY},
	{"education.disability.high", P_MONEY},
	{"education.disability.university", P_MONEY},
	{"education.school_year_start", P_MONTHDAY},
	{"medical.outpatient.aid_rate", P_RATE},
	{"medical.inpatient.aid_rate", P_RATE},
	{"medical.annual_cap_person", P_MONEY},
	{"medical.premium.elderly", P_MONEY},
	{"medical.premium.young", P_MONEY},
	{"medical.rehab_card", P_MONEY},
	{"major_disease.finance_rate", P_RATE},
	{"legal.hardship_multiplier", P_RATE},
	{"legal.enforcement_relief_months", P_COUNT},
	{"home_care.subsidy_rate", P_RATE},
	{"recovery.offset_share", P_RATE},
};
const int policy_nparams = sizeof policy_params / sizeof policy_params[0];

/* Errors of one file: each printed as "file: path: message". */
struct perr {
	const char *name;
	int count;
};

static void bad(struct perr *e, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void bad(struct perr *e, const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vat(e->name, 0, path, fmt, ap);
	va_end(ap);
	e->count++;
}

/* Every key of obj is one of keys, and none is given twice (cJSON keeps
 * both and finds the first: the second would be ignored unsaid). */
static bool only_keys(struct perr *e, const cJSON *obj, const char *path,
		      const char *const *keys)
{
	bool ok = true;
	for (const cJSON *m = obj->child; m; m = m->next) {
		const char *const *k;
		for (k = keys; *k && strcmp(*k, m->string); k++)
			;
		if (!*k) {
			bad(e, path, "unknown key '%s'", m->string);
			ok = false;
		}
		for (const cJSON *before = obj->child; before != m; before = before->next)
			if (strcmp(before->string, m->string) == 0) {
				bad(e, path, "key '%s' given twice", m->string);
				ok = false;
				break;
			}
	}
	return ok;
}

static const char *string_member(struct perr *e, const cJSON *obj, const char *key,
				 const char *path, bool required)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!m) {
		if (required)
			bad(e, path, "'%s' is required", key);
		return NULL;
	}
	if (!cJSON_IsString(m) || !*m->valuestring) {
		bad(e, path, "'%s' must be a non-empty string", key);
		return NULL;
	}
	return m->valuestring;
}

static bool parse_value(struct perr *e, enum ptype type, const cJSON *v, struct pvalue *out,
			const char *path)
{
	char err[160];
	const char *s = cJSON_IsString(v) ? v->valuestring : NULL;
	char *end;

	if (type == P_DATES) {
		if (!cJSON_IsArray(v)) {
			bad(e, path, "value must be an array of dates");
			return false;
		}
		for (const cJSON *d = v->child; d; d = d->next) {
			jz_date day;
			if (!cJSON_IsString(d) || !date_parse(d->valuestring, &day, err, sizeof err)) {
				bad(e, path, "value: %s", cJSON_IsString(d) ? err : "dates must be strings");
				return false;
			}
		}
		out->dates = (cJSON *)v;
		out->text = "[dates]";
		return true;
	}
	if (!s) {
		bad(e, path, "value must be a string (or null to end the parameter)");
		return false;
	}
	out->text = s;
	switch (type) {
	case P_MONEY:
		if (money_parse(s, false, &out->i, err, sizeof err))
			return true;
		break;
	case P_RATE:
		if (rate_parse(s, &out->i, err, sizeof err))
			return true;
		break;
	case P_COUNT:
		errno = 0;
		out->i = strtol(s, &end, 10);
		if (*s >= '0' && *s <= '9' && !*end && !errno && out->i <= 1200)
			return true;
		snprintf(err, sizeof err, "'%s' is not a count; expected e.g. 12", s);
		break;
	case P_RANGE:
		out->i = strtol(s, &end, 10);
		if (*s >= '0' && *s <= '9' && *end == '-' && end[1] >= '0' && end[1] <= '9') {
			out->j = strtol(end + 1, &end, 10);
			if (!*end && out->i <= out->j && out->j < 150)
				return true;
		}
		snprintf(err, sizeof err, "'%s' is not an age range; expected e.g. 16-59", s);
		break;
	case P_MONTHDAY: {
		jz_date day;
		char full[16];
		snprintf(full, sizeof full, "2000-%.5s", s);
		if (strlen(s) == 5 && date_parse(full, &day, err, sizeof err)) {
			out->i = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[3] - '0') * 10 + (s[4] - '0');
			return true;
		}
		snprintf(err, sizeof err, "'%s' is not a day of the year; expected MM-DD", s);
		break;
	}
	case P_DATES:
		break;
	}
	bad(e, path, "value: %s", err);
	return false;
}

static int by_date_desc(const void *a, const void *b)
{
	const struct pvalue *x = a, *y = b;
	return x->from < y->from ? 1 : x->from > y->from ? -1 : 0;
}

static void parse_parameters(struct perr *e, struct policy *p, const cJSON *params)
{
	static const char *const value_keys[] = {"from", "value", "source", "assumed", NULL};
	char path[200], err[160];

	for (const cJSON *m = params->child; m; m = m->next) {
		int k;
		for (k = 0; k < policy_nparams && strcmp(policy_params[k].name, m->string); k++)
			;
		if (k == policy_nparams) {
			bad(e, m->string, "unknown parameter (see jiuzhu-policy(5) for the names)");
			continue;
		}
		if (p->values[k]) { /* cJSON keeps both of a key given twice */
			bad(e, m->string, "given twice");
			continue;
		}
		if (!cJSON_IsArray(m) || cJSON_GetArraySize(m) == 0) {
			bad(e, m->string, "must be a non-empty array of dated values");
			continue;
		}
		int n = cJSON_GetArraySize(m), i = 0;
		p->values[k] = calloc(n, sizeof *p->values[k]);
		if (!p->values[k])
			diag_fatal(JZ_SOFTWARE, "out of memory");
		for (const cJSON *v = m->child; v; v = v->next, i++) {
			struct pvalue *pv = &p->values[k][i];
			snprintf(path, sizeof path, "%s[%d]", m->string, i);
			if (!cJSON_IsObject(v)) {
				bad(e, path, "must be an object with from, value and source");
				continue;
			}
			only_keys(e, v, path, value_keys);
			const char *from = string_member(e, v, "from", path, true);
			if (from && !date_parse(from, &pv->from, err, sizeof err))
				bad(e, path, "from: %s", err);
			pv->source = string_member(e, v, "source", path, true);
			const cJSON *a = cJSON_GetObjectItemCaseSensitive(v, "assumed");
			if (a && !cJSON_IsBool(a))
				bad(e, path, "assumed must be true or false");
			pv->assumed = cJSON_IsTrue(a);
			const cJSON *val = cJSON_GetObjectItemCaseSensitive(v, "value");
			if (!val)
				bad(e, path, "'value' is required (null ends the parameter)");
			else if (cJSON_IsNull(val))
				pv->null = true;
			else
				parse_value(e, policy_params[k].type, val, pv, path);
		}
		qsort(p->values[k], n, sizeof *p->values[k], by_date_desc);
		for (i = 1; i < n; i++)
			if (p->values[k][i].from == p->values[k][i - 1].from)
				bad(e, m->string, "two values from the same date");
		p->nvalues[k] = n;
	}
}

static void parse_institutions(struct perr *e, const cJSON *list)
{
	static const char *const keys[] = {"code", "name", "type", "designated_from",
					   "designated_to", "source", "assumed", NULL};
	char path[64];
	int i = 0;

	if (!cJSON_IsArray(list)) {
		bad(e, "institutions", "must be an array");
		return;
	}
	/* Their values are checked as institution records when enrolled. */
	for (const cJSON *inst = list->child; inst; inst = inst->next, i++) {
		snprintf(path, sizeof path, "institutions[%d]", i);
		if (!cJSON_IsObject(inst)) {
			bad(e, path, "must be an object");
			continue;
		}
		only_keys(e, inst, path, keys);
		string_member(e, inst, "code", path, true);
		string_member(e, inst, "source", path, false);
		for (const cJSON *m = inst->child; m; m = m->next)
			if (strcmp(m->string, "assumed") && !cJSON_IsString(m))
				bad(e, path, "'%s' must be a string", m->string);
	}
}

bool policy_parse(struct policy *p, const char *name, const char *bytes, size_t len)
{
	static const char *const top_keys[] = {"id", "title", "document", "parameters",
					       "institutions", NULL};
	struct perr e = {name, 0};
	const char *end = NULL;

	memset(p, 0, sizeof *p);
	sha256_hex(bytes, len, p->sha256);
	p->values = calloc(policy_nparams, sizeof *p->values);
	p->nvalues = calloc(policy_nparams, sizeof *p->nvalues);
	if (!p->values || !p->nvalues || !(p->bytes = malloc(len + 1)))
		diag_fatal(JZ_SOFTWARE, "out of memory");
	memcpy(p->bytes, bytes, len);
	p->bytes[len] = '\0';
	p->len = len;
	p->root = cJSON_ParseWithOpts(p->bytes, &end, 1);
	if (!p->root || !cJSON_IsObject(p->root)) {
		bad(&e, NULL, "not a JSON object (error near byte %ld)",
		    end ? (long)(end - p->bytes) + 1 : 1L);
		return false;
	}
	only_keys(&e, p->root, "policy", top_keys);
	const char *id = string_member(&e, p->root, "id", "policy", true);
	string_member(&e, p->root, "title", "policy", false);
	string_member(&e, p->root, "document", "policy", false);
	if (id && strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-_.") != strlen(id))
		bad(&e, "id", "'%s': use lower-case letters, digits, '-', '_' and '.'", id);
	const cJSON *params = cJSON_GetObjectItemCaseSensitive(p->root, "parameters");
	if (!cJSON_IsObject(params))
		bad(&e, "parameters", "is required and must be an object");
	else
		parse_parameters(&e, p, params);
	p->institutions = cJSON_GetObjectItemCaseSensitive(p->root, "institutions");
	if (p->institutions)
		parse_institutions(&e, p->institutions);
	if (id) {
		p->id = strdup(id);
		snprintf(p->ref, sizeof p->ref, "%.60s@%.12s", id, p->sha256);
	}
	return e.count == 0 && p->id;
}

void policy_free(struct policy *p)
{
	for (int k = 0; p->values && k < policy_nparams; k++)
		free(p->values[k]);
	free(p->values);
	free(p->nvalues);
	cJSON_Delete(p->root);
	free(p->bytes);
	free(p->id);
	memset(p, 0, sizeof *p);
}

/* The index of parameter name, or -1.  The rules ask for a handful of
 * names, mostly literals, many times per household: the index last found
 * for the same pointer is tried first. */
static int param_index(const char *name)
{
	static struct { const char *name; int k; } seen[64];
	unsigned slot = (unsigned)((uintptr_t)name >> 3) & 63u;

	if (seen[slot].name == name && strcmp(policy_params[seen[slot].k].name, name) == 0)
		return seen[slot].k;
	for (int k = 0; k < policy_nparams; k++)
		if (strcmp(policy_params[k].name, name) == 0) {
			seen[slot].name = name;
			seen[slot].k = k;
			return k;
		}
	return -1;
}

const struct pvalue *policy_get(const struct policy *p, const char *name, jz_date on)
{
	int k = param_index(name);
	if (k < 0)
		return NULL;
	for (int i = 0; i < p->nvalues[k]; i++)
		if (p->values[k][i].from <= on)
			return p->values[k][i].null ? NULL : &p->values[k][i];
	return NULL;
}

const struct pvalue *policy_need(const struct policy *p, const char *name, jz_date on)
{
	const struct pvalue *v = policy_get(p, name, on);
	if (!v) {
		char d[DATE_TEXT];
		date_format(on, d);
		diag_fatal(JZ_UNAVAILABLE, "parameter %s has no value on %s in policy %s; nothing was "
			   "written", name, d, p->ref);
	}
	return v;
}
