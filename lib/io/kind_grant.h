/*
 * grant(1)'s inputs that correct what was paid (lifecycle.md): a refund or
 * write-off of what a unit owes (--kind recovery), and a payment the bank
 * sent back (--kind return).  Declared as io/kind.h declares the others.
 */
#ifndef JZ_KIND_GRANT_H
#define JZ_KIND_GRANT_H

#include "io/kind.h"

#define RECOVERY_COLUMNS(X) \
	X(RECOVERY_UNIT, "unit", FT_CODE, F_REQUIRED, recovery_units, NULL) \
	X(RECOVERY_KEY, "key", FT_TEXT, F_REQUIRED | F_SHORT, NULL, NULL) \
	X(RECOVERY_DATE, "date", FT_DATE, F_REQUIRED, NULL, NULL) \
	X(RECOVERY_ACTION, "action", FT_CODE, F_REQUIRED, recovery_actions, NULL) \
	X(RECOVERY_AMOUNT, "amount", FT_MONEY, F_REQUIRED, NULL, NULL) \
	X(RECOVERY_NOTE, "note", FT_TEXT, 0, NULL, NULL)

#define RETURN_COLUMNS(X) \
	X(RETURN_PAYMENT_ID, "payment_id", FT_TEXT, F_REQUIRED | F_KEY, NULL, NULL) \
	X(RETURN_DATE, "date", FT_DATE, F_REQUIRED, NULL, NULL) \
	X(RETURN_REASON, "reason", FT_TEXT, F_REQUIRED, NULL, NULL)

enum recovery_column { RECOVERY_COLUMNS(KIND_INDEX) RECOVERY_NCOLUMNS };
enum return_column { RETURN_COLUMNS(KIND_INDEX) RETURN_NCOLUMNS };
_Static_assert(RECOVERY_NCOLUMNS <= KIND_MAX_FIELDS, "recovery fits KIND_MAX_FIELDS");
_Static_assert(RETURN_NCOLUMNS <= KIND_MAX_FIELDS, "return fits KIND_MAX_FIELDS");

extern const struct kind kind_recovery, kind_return;

#endif
