/* The type of every output column, by name (see rec_type.h). */
#include "io/rec_type.h"

#include <string.h>

#include "io/kind.h"
#include "io/kind_grant.h"

/* The columns commands compute, not read from a kind.  A name means one
 * thing everywhere ("approved" is money in settle's lines and in report
 * settlement alike). */
static const struct {
	const char *name;
	enum rec_type type;
} computed[] = {
	/* counts, ages, years */
	{"age", RT_INT}, {"year", RT_INT}, {"households", RT_INT}, {"persons", RT_INT},
	{"payments", RT_INT}, {"claims", RT_INT}, {"rejected_claims", RT_INT},
	{"adjusted_claims", RT_INT}, {"rank", RT_INT}, {"of", RT_INT}, {"signatures", RT_INT},
	/* money */
	{"balance", RT_MONEY}, {"computed", RT_MONEY}, {"approved", RT_MONEY},
	{"claimed", RT_MONEY}, {"opening", RT_MONEY}, {"in", RT_MONEY}, {"out", RT_MONEY},
	{"closing", RT_MONEY}, {"spent_before", RT_MONEY}, {"finance_in", RT_MONEY},
	{"lacking", RT_MONEY}, {"donations_in", RT_MONEY}, {"arrears", RT_MONEY},
	{"overpaid", RT_MONEY}, {"offset", RT_MONEY}, {"refunded", RT_MONEY},
	{"written_off", RT_MONEY}, {"to_recover", RT_MONEY}, {"transfer", RT_MONEY},
	/* ratios: income and expense per head as multiples of the line, the
	 * share of households under a multiple of it */
	{"income_p25", RT_DECIMAL}, {"income_p50", RT_DECIMAL}, {"income_p75", RT_DECIMAL},
	{"expense_p50", RT_DECIMAL},
	{"under_1.0", RT_DECIMAL}, {"under_1.2", RT_DECIMAL}, {"under_1.5", RT_DECIMAL},
	{"under_2.0", RT_DECIMAL},
	/* dates */
	{"start", RT_DATE}, {"end", RT_DATE}, {"paid_on", RT_DATE}, {"last_reviewed", RT_DATE},
	{"due_since", RT_DATE},
	/* yes/no */
	{"assumed", RT_BOOL},
};

enum rec_type rec_field_type(enum ftype t)
{
	switch (t) {
	case FT_MONEY: return RT_MONEY;
	case FT_YESNO: return RT_BOOL;
	case FT_DATE: return RT_DATE;
	case FT_GRADE: return RT_INT;
	case FT_ID: case FT_TEXT: case FT_MONTH: case FT_CODE: break;
	}
	return RT_TEXT;
}

enum rec_type rec_column_type(const char *name)
{
	static const struct kind *const kinds[] = {
		&kind_person, &kind_application, &kind_institution, &kind_survey, &kind_staff,
		&kind_decision, &kind_funding, &kind_claim, &kind_recovery, &kind_return,
	};

	for (size_t i = 0; i < sizeof computed / sizeof computed[0]; i++)
		if (strcmp(computed[i].name, name) == 0)
			return computed[i].type;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		int f = kind_column(kinds[k], name);
		if (f >= 0)
			return rec_field_type(kinds[k]->fields[f].type);
	}
	return RT_TEXT;
}
