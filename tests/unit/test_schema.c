/*
 * The JSON Schemas in schemas/ and the C validators of lib/kind.c must say
 * the same (data.md): the same columns in the same order, the same
 * required ones, the same types and the same codes.  Run from the source
 * tree's top.
 */
#include "unit.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

#include "assess/assess.h"
#include "store/grant_store.h"
#include "io/kind.h"
#include "rules/rule.h"

static const char *type_word(enum ftype t)
{
	static const char *const words[] = {"id", "text", "date", "month", "money", "yesno",
					    "code", "grade"};
	return words[t];
}

static cJSON *load(const char *path)
{
	FILE *fp = fopen(path, "rb");
	static char buf[1 << 16];
	size_t n;

	if (!fp)
		return NULL;
	n = fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	return cJSON_Parse(buf);
}

static bool in_json_list(const cJSON *list, const char *s)
{
	const cJSON *item;
	cJSON_ArrayForEach(item, list)
		if (cJSON_IsString(item) && strcmp(item->valuestring, s) == 0)
			return true;
	return false;
}

static void agree(const struct kind *k)
{
	char path[128];
	snprintf(path, sizeof path, "schemas/%s.schema.json", k->name);
	cJSON *schema = load(path);
	CHECK(schema != NULL, "%s exists and is JSON", path);
	if (!schema)
		return;
	const cJSON *props = cJSON_GetObjectItemCaseSensitive(schema, "properties");
	const cJSON *required = cJSON_GetObjectItemCaseSensitive(schema, "required");
	CHECK(cJSON_GetArraySize(props) == k->nfields, "%s: %d columns in the schema and in C",
	      k->name, k->nfields);
	CHECK(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(schema, "additionalProperties")),
	      "%s: unknown columns are errors in the schema too", k->name);
	const cJSON *prop = props ? props->child : NULL;
	for (int i = 0; i < k->nfields; i++, prop = prop ? prop->next : NULL) {
		const struct field *f = &k->fields[i];
		bool ok = prop && strcmp(prop->string, f->name) == 0;
		const cJSON *t = ok ? cJSON_GetObjectItemCaseSensitive(prop, "x-jiuzhu-type") : NULL;
		ok = ok && cJSON_IsString(t) && strcmp(t->valuestring, type_word(f->type)) == 0;
		ok = ok && in_json_list(required, f->name) == !!(f->flags & F_REQUIRED);
		if (ok && f->type == FT_CODE) {
			const cJSON *en = cJSON_GetObjectItemCaseSensitive(prop, "enum"), *e;
			int n = 0;
			for (const char *const *c = f->codes; *c; c++, n++)
				ok = ok && in_json_list(en, *c);
			cJSON_ArrayForEach(e, en)
				n -= cJSON_IsString(e) && *e->valuestring; /* "" and null aside */
			ok = ok && n == 0;
		}
		CHECK(ok, "%s.%s: name, position, type, required and codes agree with the schema",
		      k->name, f->name);
	}
	cJSON_Delete(schema);
}

int main(void)
{
	agree(&kind_person);
	agree(&kind_change);
	agree(&kind_application);
	agree(&kind_institution);
	agree(&kind_survey);
	agree(&kind_staff);
	agree(&kind_decision);
	agree(&kind_funding);
	agree(&kind_claim);

	/* grant takes a decision of every programme assess decides, and knows
	 * how often each is paid. */
	const struct field *programme = &kind_decision.fields[DECISION_PROGRAMME];
	int n = 0;
	for (const char *const *c = programme->codes; *c; c++, n++)
		CHECK(assess_known_programme(*c) && grant_period(*c), "decision programme %s is "
		      "assess's and has a period", *c);
	for (int i = 0; i < rule_nprogrammes; i++)
		for (int k = -1; k < 3; k++) {
			const char *code = k < 0 ? rule_programmes[i].code : rule_programmes[i].also[k];
			bool listed = false;
			if (!code)
				continue;
			for (const char *const *c = programme->codes; *c; c++)
				listed |= strcmp(*c, code) == 0;
			CHECK(listed, "assess's programme %s is a decision programme", code);
		}
	for (const char *const *p = rule_application_programmes; *p; p++)
		CHECK(grant_period(*p) && strcmp(grant_period(*p), "once") == 0,
		      "applied-for programme %s is paid once", *p);
	CHECK(n == 21, "21 decision programmes (%d)", n);
	UNIT_END();
}
