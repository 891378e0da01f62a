/* Looking up the facts the rules read (see facts.h). */
#include "core/facts.h"

#include <string.h>

const struct person *household_head(const struct household *h)
{
	for (int i = 0; i < h->n; i++)
		if (strcmp(h->member[i].relation, "head") == 0)
			return &h->member[i];
	return h->n ? &h->member[0] : NULL;
}

int application_find(const struct application_set *set, const char *national_id,
		     const struct application **first)
{
	int lo = 0, hi = set->n;

	while (lo < hi) { /* the first with national_id >= the one sought */
		int mid = lo + (hi - lo) / 2;
		if (strcmp(set->a[mid].national_id, national_id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	int end = lo;
	while (end < set->n && strcmp(set->a[end].national_id, national_id) == 0)
		end++;
	*first = set->a + lo;
	return end - lo;
}
