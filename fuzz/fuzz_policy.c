/*
 * Fuzz target: the policy loader (policy_parse, the in-memory entry point
 * that policy_choose and policy_load_ref use), and looking up every
 * parameter of a valid policy.
 */
#include "fuzz.h"
#include "core/policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct policy p;

	if (policy_parse(&p, "fuzz", (const char *)data, size))
		for (int k = 0; k < policy_nparams; k++)
			policy_get(&p, policy_params[k].name, fuzz_today());
	policy_free(&p);
	return 0;
}
