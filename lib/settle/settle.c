/*
 * Claims into settlement lines (settle(1); rules.md 3, Claims and the
 * quarterly settlement).  Each claim is checked in the order of rules.md,
 * the first failing check giving its reason; its aid is computed and
 * compared with the advance claimed; the line is stored and printed, in
 * the order the claims came.  The claims are staged (stage.c) so that
 * their entitlements are looked up in one ordered pass; while a rejection
 * may still be told on stderr they are settled as they come instead, so
 * that the messages keep the order of the file.
 */
#include "settle/settle_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/progress.h"
#include "core/text.h"
#include "rules/rule.h"

/* An institution as enrolled (its newest record). */
struct institution {
	char code[104];
	bool hospital;
	jz_date from, to;   /* designated on [from, to]; to 0: still */
	bool frozen;        /* its statement of this quarter is signed */
	char *lo, *hi;      /* its least and greatest claim id stored before the run; NULL: none */
};

/* The columns of a stored line (claims.stored): the claim's from
 * national_id on (column i - CLAIM_NATIONAL_ID), then the settlement's. */
enum { STORED_COMPUTED = CLAIM_NCOLUMNS - CLAIM_NATIONAL_ID, STORED_APPROVED, STORED_STATUS,
       STORED_REASON, STORED_ENTRY };

struct claims {
	struct settle_job *r;
	int src;
	struct institution *inst;
	int ninst;
	db_stmt *stored, *insert, *person, *cap, *target, *corrected, *seen, *given, *signed_by;
	long long messages;   /* rejections told on stderr */
	long long noted;      /* claims noted in claim_given (none: no need to look) */
	struct keyset met;    /* the claims this run stored or noted */
	struct stage stage;
	char *source;         /* the file of the claims staged */
};

static bool is(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

static struct institution *institution(struct claims *c, const char *code);

static void load_institutions(struct claims *c)
{
	struct db *db = &c->r->db;
	db_stmt *st = db_prepare(db, "SELECT i.code, i.type, i.designated_from, "
		"i.designated_to, (SELECT count(*) FROM signoff s WHERE s.quarter = ?1 AND "
		"s.institution = i.code) FROM institution i WHERE i.entry = (SELECT max(entry) FROM "
		"institution j WHERE j.code = i.code) ORDER BY i.code");
	char err[80];
	int cap = 0;

	db_bind_text(st, 1, c->r->s->quarter);
	while (db_step(db, st) == DB_ROW) {
		if (c->ninst == cap) {
			cap = cap ? 2 * cap : 16;
			if (!(c->inst = realloc(c->inst, cap * sizeof *c->inst)))
				diag_fatal(JZ_SOFTWARE, "out of memory");
		}
		struct institution *in = &c->inst[c->ninst++];
		const char *to = db_text(st, 3);
		text_copy(in->code, sizeof in->code, db_text(st, 0));
		in->hospital = is(db_text(st, 1), "hospital");
		in->to = 0;
		if (!date_parse(db_text(st, 2), &in->from, err, sizeof err) ||
		    (to && !date_parse(to, &in->to, err, sizeof err)))
			diag_fatal(JZ_SOFTWARE, "institution %s: %s", in->code, err);
		in->frozen = db_int(st, 4) > 0;
	}
	db_finalize(st);
	/* The policy's hospitals, for a --policy not stored before. */
	const cJSON *e;
	cJSON_ArrayForEach(e, c->r->pol.institutions) {
		const cJSON *code = cJSON_GetObjectItemCaseSensitive(e, "code");
		const cJSON *type = cJSON_GetObjectItemCaseSensitive(e, "type");
		const cJSON *from = cJSON_GetObjectItemCaseSensitive(e, "designated_from");
		const cJSON *to = cJSON_GetObjectItemCaseSensitive(e, "designated_to");
		if (!cJSON_IsString(code) || institution(c, code->valuestring))
			continue;
		if (c->ninst == cap) {
			cap = cap ? 2 * cap : 16;
			if (!(c->inst = realloc(c->inst, cap * sizeof *c->inst)))
				diag_fatal(JZ_SOFTWARE, "out of memory");
		}
		struct institution *in = &c->inst[c->ninst++];
		text_copy(in->code, sizeof in->code, code->valuestring);
		in->hospital = cJSON_IsString(type) && is(type->valuestring, "hospital");
		in->to = 0;
		in->frozen = false;
		if (!cJSON_IsString(from) || !date_parse(from->valuestring, &in->from, err, sizeof err) ||
		    (cJSON_IsString(to) && !date_parse(to->valuestring, &in->to, err, sizeof err)))
			diag_fatal(JZ_SOFTWARE, "policy institution %s: %s", in->code, err);
	}
}

static struct institution *institution(struct claims *c, const char *code)
{
	for (int i = 0; i < c->ninst; i++)
		if (is(c->inst[i].code, code))
			return &c->inst[i];
	return NULL;
}

/* Each institution's range of claim ids stored before the run: a claim id
 * outside it was not (ids compare as SQLite's BINARY does, as strcmp). */
static void load_ranges(struct claims *c)
{
	struct db *db = &c->r->db;
	db_stmt *st = db_prepare(db, "SELECT (SELECT min(claim_id) FROM claim WHERE institution = ?1), "
				 "(SELECT max(claim_id) FROM claim WHERE institution = ?1)");

	for (int i = 0; i < c->ninst; i++) {
		struct institution *in = &c->inst[i];
		db_bind_static(st, 1, in->code);
		db_step(db, st);
		in->lo = in->hi = NULL;
		if (!db_is_null(st, 0) && (!(in->lo = strdup(db_text(st, 0))) ||
					   !(in->hi = strdup(db_text(st, 1)))))
			diag_fatal(JZ_SOFTWARE, "out of memory");
		db_reset(st);
	}
	db_finalize(st);
}

/* May claim id of institution in (NULL: not one known) have been stored
 * before the run? */
static bool stored_before(const struct institution *in, const char *id)
{
	return !in || (in->lo && strcmp(id, in->lo) >= 0 && strcmp(id, in->hi) <= 0);
}

static bool found(struct db *db, db_stmt *st, const char *a, const char *b)
{
	db_bind_static(st, 1, a);
	if (b)
		db_bind_static(st, 2, b);
	bool yes = db_step(db, st) == DB_ROW;
	db_reset(st);
	return yes;
}

/* A rate or amount of the policy on the visit date; none stops the run. */
static int64_t param(struct settle_job *r, const char *name, jz_date on)
{
	return policy_need(&r->pol, name, on)->i;
}

/* Is the statement of the quarter and institution of claim id signed? */
static bool target_frozen(struct claims *c, const char *institution, const char *id)
{
	db_bind_static(c->target, 1, institution);
	db_bind_static(c->target, 2, id);
	bool frozen = db_step(&c->r->db, c->target) == DB_ROW && db_int(c->target, 1);
	db_reset(c->target);
	return frozen;
}

/* Does claim id of the institution exist, for this person? */
static bool target_of(struct claims *c, const char *institution, const char *id,
		      const char *national_id)
{
	db_bind_static(c->target, 1, institution);
	db_bind_static(c->target, 2, id);
	bool yes = db_step(&c->r->db, c->target) == DB_ROW &&
		   is(db_text(c->target, 0), national_id);
	db_reset(c->target);
	return yes;
}

/* The first reason of rules.md's checks 1-5 and 6a that the claim fails, or NULL;
 * duplicate is the caller's (it knows what was stored); entitled too when
 * it was looked up already (staged), else -1. */
static const char *check(struct claims *c, const struct value *v, const struct institution *in,
			 bool duplicate, int entitled_known)
{
	struct settle_job *r = c->r;
	jz_date visit = v[CLAIM_VISIT_DATE].i;
	char chain[160];

	if (!in || visit < in->from || (in->to && visit > in->to))
		return "not_designated";
	/* An entitlement is granted to an enrolled person only, so the
	 * registry is asked only for a claim without one. */
	if (entitled_known < 0)
		rule_chain(chain, sizeof chain, "medical", "person", v[CLAIM_NATIONAL_ID].s);
	bool entitled = entitled_known >= 0 ? entitled_known != 0 :
			history_grant(&r->hist, chain, visit, NULL);
	if (!entitled && !found(&r->db, c->person, v[CLAIM_NATIONAL_ID].s, NULL))
		return "unknown_person";
	if (!entitled)
		return "not_entitled";
	if (visit < r->s->first || visit >= r->s->end)
		return "out_of_period";
	if (in->frozen)
		return "period_closed";
	if (duplicate)
		return "duplicate";
	if (v[CLAIM_CORRECTS].given) {
		if (!target_of(c, v[CLAIM_INSTITUTION].s, v[CLAIM_CORRECTS].s,
			       v[CLAIM_NATIONAL_ID].s))
			return "corrects_unknown";
		if (target_frozen(c, v[CLAIM_INSTITUTION].s, v[CLAIM_CORRECTS].s))
			return "period_closed"; /* a signed line is corrected by nothing */
		if (found(&r->db, c->corrected, v[CLAIM_INSTITUTION].s, v[CLAIM_CORRECTS].s))
			return "already_corrected";
	}
	if (is(v[CLAIM_VISIT_TYPE].s, "outpatient") && in->hospital && !v[CLAIM_REFERRAL].i)
		return "no_referral";
	/* 6a: inpatient aid only after the scheme has paid; an insured
	 * person's claim that shows nothing paid by it is sent back. */
	if (is(v[CLAIM_VISIT_TYPE].s, "inpatient") && v[CLAIM_INSURANCE_PAID].i == 0) {
		struct person p;
		if (person_load(&r->hist, v[CLAIM_NATIONAL_ID].s, visit, &p) &&
		    !is(p.insurance, "none"))
			return "insurance_first";
	}
	return NULL;
}

/* The aid of rules.md check 6: outpatient half the base; inpatient the base
 * at the inpatient rate within what is left of the person's yearly cap
 * (approved inpatient aid of the calendar year, every institution and
 * quarter, corrected lines aside).  *capped when the cap cut it. */
static jz_fen aid(struct claims *c, const struct value *v, bool *capped)
{
	struct settle_job *r = c->r;
	jz_date visit = v[CLAIM_VISIT_DATE].i, jan1, next;
	jz_fen base = v[CLAIM_TOTAL].i - v[CLAIM_INSURANCE_PAID].i;
	int y, m, d;
	char from[DATE_TEXT], to[DATE_TEXT];

	*capped = false;
	if (is(v[CLAIM_VISIT_TYPE].s, "outpatient"))
		return money_times_rate(base, param(r, "medical.outpatient.aid_rate", visit));
	jz_fen want = money_times_rate(base, param(r, "medical.inpatient.aid_rate", visit));
	jz_fen cap = param(r, "medical.annual_cap_person", visit);
	date_to_ymd(visit, &y, &m, &d);
	date_from_ymd(y, 1, 1, &jan1);
	if (!date_from_ymd(y + 1, 1, 1, &next))
		next = jan1 + 366;
	date_format(jan1, from);
	date_format(next, to);
	db_bind_static(c->cap, 1, v[CLAIM_NATIONAL_ID].s);
	db_bind_static(c->cap, 2, from);
	db_bind_static(c->cap, 3, to);
	db_bind_static(c->cap, 4, v[CLAIM_INSTITUTION].s);
	db_bind_static(c->cap, 5, v[CLAIM_CORRECTS].given ? v[CLAIM_CORRECTS].s : NULL);
	db_step(&r->db, c->cap);
	jz_fen used = db_int64(c->cap, 0);
	db_reset(c->cap);
	jz_fen left = cap > used ? cap - used : 0;
	*capped = want > left;
	return *capped ? left : want;
}

const char *const settle_line_columns[] = {
	"claim_id", "institution", "national_id", "visit_date", "visit_type", "referral", "total",
	"insurance_paid", "advance", "corrects", "computed", "approved", "status", "reason",
};
const int settle_line_ncolumns = sizeof settle_line_columns / sizeof settle_line_columns[0];

static void print_line(struct settle_job *r, const char *const cells[CLAIM_NCOLUMNS],
		       jz_fen computed, jz_fen approved, const char *status, const char *reason)
{
	char comp[MONEY_TEXT], appr[MONEY_TEXT];
	const char *row[CLAIM_NCOLUMNS + 4];

	money_format(computed, comp);
	money_format(approved, appr);
	memcpy(row, cells, CLAIM_NCOLUMNS * sizeof *row);
	row[CLAIM_NCOLUMNS] = comp;
	row[CLAIM_NCOLUMNS + 1] = appr;
	row[CLAIM_NCOLUMNS + 2] = status;
	row[CLAIM_NCOLUMNS + 3] = reason;
	rec_write(r->w, row);
}

/* Tell a rejection on stderr, the first hundred of them. */
static void tell(struct claims *c, const char *source, long line, const struct value *v,
		 const char *reason)
{
	static const struct { const char *reason, *column, *what; } said[] = {
		{"not_designated", "institution", "not a designated institution on the visit date"},
		{"unknown_person", "national_id", "not enrolled"},
		{"not_entitled", "national_id", "no medical aid entitlement on the visit date"},
		{"out_of_period", "visit_date", NULL},
		{"period_closed", "institution", "its statement of the quarter is signed"},
		{"duplicate", "claim_id", "settled before with other values, or given twice"},
		{"corrects_unknown", "corrects", "no such claim of the institution"},
		{"already_corrected", "corrects", "that claim was corrected before"},
		{"no_referral", "referral", "an outpatient visit at a hospital needs a referral"},
		{"insurance_first", "insurance_paid",
		 "an insured person's inpatient stay is aided after the scheme has paid"},
	};
	if (++c->messages > 100 || c->r->o->quiet)
		return;
	for (size_t i = 0; i < sizeof said / sizeof said[0]; i++) {
		if (!is(said[i].reason, reason))
			continue;
		if (said[i].what)
			diag_at(source, line, said[i].column, "%s (%s)", said[i].what, reason);
		else
			diag_at(source, line, said[i].column, "%s is outside %s (%s)",
				v[CLAIM_VISIT_DATE].s, c->r->s->quarter, reason);
	}
}

/* Has the stored line of this claim the same claim values? */
static bool same_claim(db_stmt *st, const struct value *v)
{
	for (int i = CLAIM_NATIONAL_ID; i < CLAIM_NCOLUMNS; i++) {
		const char *t = db_text(st, i - CLAIM_NATIONAL_ID);
		bool money = i == CLAIM_TOTAL || i == CLAIM_INSURANCE_PAID || i == CLAIM_ADVANCE;
		if (money || i == CLAIM_REFERRAL) {
			if (db_int64(st, i - CLAIM_NATIONAL_ID) != v[i].i)
				return false;
		} else if (v[i].given ? !t || strcmp(t, v[i].s) != 0 : t != NULL) {
			return false;
		}
	}
	return true;
}

/* The line stored for a claim given again: printed as it was. */
static void print_stored(struct settle_job *r, db_stmt *st, const char *cells[CLAIM_NCOLUMNS])
{
	const char *status = db_text(st, STORED_STATUS);
	const char *reason = db_text(st, STORED_REASON);
	print_line(r, cells, db_int64(st, STORED_COMPUTED), db_int64(st, STORED_APPROVED), status,
		   reason ? reason : "");
}

/* Note a claim this run gave and did not store. */
static void note_given(struct claims *c, const struct value *v)
{
	db_bind_static(c->seen, 1, v[CLAIM_INSTITUTION].s);
	db_bind_static(c->seen, 2, v[CLAIM_CLAIM_ID].s);
	db_step(&c->r->db, c->seen);
	keyset_add(&c->met, v[CLAIM_INSTITUTION].s, v[CLAIM_CLAIM_ID].s);
	c->noted++;
}

/* Settle one claim (parsed, whole) of source at line; entitled as check's. */
static void settle_one(struct claims *c, const struct value *v, const char *source, long line,
		       int entitled)
{
	struct settle_job *r = c->r;
	const char *cells[KIND_MAX_FIELDS];

	for (int i = 0; i < CLAIM_NCOLUMNS; i++)
		cells[i] = v[i].given ? v[i].s : "";

	const struct institution *in = institution(c, v[CLAIM_INSTITUTION].s);
	jz_date visit = v[CLAIM_VISIT_DATE].i;
	/* Only a claim of this quarter, of a statement not signed, is settled
	 * and stored, whatever else it fails: another may come where it
	 * belongs, under the same id. */
	bool here = visit >= r->s->first && visit < r->s->end &&
		    !(in ? in->frozen : found(&r->db, c->signed_by, r->s->quarter,
					      v[CLAIM_INSTITUTION].s));

	/* Settled before; or given before in this run: stored by it, or
	 * noted in claim_given when it was not (only those are noted, so that
	 * a first settlement of many claims keeps no list of them).  Asked
	 * only of a claim that may be either. */
	bool met = keyset_maybe(&c->met, v[CLAIM_INSTITUTION].s, v[CLAIM_CLAIM_ID].s);
	bool stored = false;
	if (met || stored_before(in, v[CLAIM_CLAIM_ID].s)) {
		db_bind_static(c->stored, 1, v[CLAIM_INSTITUTION].s);
		db_bind_static(c->stored, 2, v[CLAIM_CLAIM_ID].s);
		stored = db_step(&r->db, c->stored) == DB_ROW;
	}
	bool seen = stored && db_int64(c->stored, STORED_ENTRY) == r->j.entry;
	bool same = stored && !seen && same_claim(c->stored, v);
	if (!seen && met && c->noted) {
		db_bind_static(c->given, 1, v[CLAIM_INSTITUTION].s);
		db_bind_static(c->given, 2, v[CLAIM_CLAIM_ID].s);
		seen = db_step(&r->db, c->given) == DB_ROW;
		db_reset(c->given);
	}
	if (here && same && !seen) {
		/* Given again as it was: the stored line stands. */
		print_stored(r, c->stored, cells);
		db_reset(c->stored);
		note_given(c, v);
		r->again++;
		return;
	}
	db_reset(c->stored);

	const char *reason = check(c, v, in, stored || seen, entitled);
	jz_fen computed = 0, approved = 0;
	const char *status = "rejected";
	bool capped = false;
	if (!reason) {
		computed = aid(c, v, &capped);
		if (v[CLAIM_ADVANCE].i > computed) {
			approved = computed;
			status = "adjusted";
			reason = capped ? "annual_cap" : "advance_above_aid";
		} else {
			approved = v[CLAIM_ADVANCE].i; /* equal, or lower: as claimed */
			status = "approved";
		}
	} else if (is(reason, "period_closed") && here) {
		if (++c->messages <= 100 && !r->o->quiet)
			diag_at(source, line, "corrects", "%s is in a signed statement (period_closed)",
				v[CLAIM_CORRECTS].s);
	} else {
		tell(c, source, line, v, reason);
	}
	print_line(r, cells, computed, approved, status, reason ? reason : "");
	if (!here || stored || seen || (reason && is(reason, "period_closed"))) {
		note_given(c, v);
		r->unsettled++;
		return;
	}
	r->rejected += is(status, "rejected");
	r->adjusted += is(status, "adjusted");
	r->approved += is(status, "approved");
	const char *text[] = {v[CLAIM_INSTITUTION].s, v[CLAIM_CLAIM_ID].s, r->s->quarter,
			      v[CLAIM_NATIONAL_ID].s, v[CLAIM_VISIT_DATE].s, v[CLAIM_VISIT_TYPE].s};
	for (int i = 0; i < 6; i++)
		db_bind_static(c->insert, i + 1, text[i]);
	db_bind_int64(c->insert, 7, (int)v[CLAIM_REFERRAL].i);
	db_bind_int64(c->insert, 8, v[CLAIM_TOTAL].i);
	db_bind_int64(c->insert, 9, v[CLAIM_INSURANCE_PAID].i);
	db_bind_int64(c->insert, 10, v[CLAIM_ADVANCE].i);
	db_bind_static(c->insert, 11, v[CLAIM_CORRECTS].given ? v[CLAIM_CORRECTS].s : NULL);
	db_bind_int64(c->insert, 12, computed);
	db_bind_int64(c->insert, 13, approved);
	db_bind_static(c->insert, 14, status);
	db_bind_static(c->insert, 15, reason);
	db_bind_static(c->insert, 16, r->pol.ref);
	db_bind_int64(c->insert, 17, r->j.entry);
	db_bind_int64(c->insert, 18, c->src);
	db_bind_int64(c->insert, 19, line);
	db_step(&r->db, c->insert);
	keyset_add(&c->met, v[CLAIM_INSTITUTION].s, v[CLAIM_CLAIM_ID].s);
	r->added++;
}

/* Parse a claim's cells as kind_parse does, telling nothing.  True when
 * it has no problem. */
static bool parse_quietly(struct claims *c, char *const *cells, struct value *v)
{
	const struct kind *k = &kind_claim;
	struct problems p = {.silent = true};

	for (int i = 0; i < k->nfields; i++)
		field_parse(&k->fields[i], cells[i], c->r->env.today, &v[i], &p);
	if (p.count == 0)
		k->check(&c->r->env, v, &p);
	return p.count == 0;
}

/* A claim staged, back in the order of the file. */
static void settle_staged(void *ctx, char *const *cells, long line, bool entitled)
{
	struct claims *c = ctx;
	struct value v[KIND_MAX_FIELDS];

	if (!parse_quietly(c, cells, v))
		diag_fatal(JZ_SOFTWARE, "%s:%ld: a staged claim no longer parses", c->source, line);
	settle_one(c, v, c->source, line, entitled);
}

/* Settle what is staged: before a problem is told, and at the end of a file. */
static void settle_stage(struct claims *c)
{
	stage_settle(&c->stage, &c->r->hist, settle_staged, c);
}

static void take(struct rec *rec, void *ctx)
{
	struct claims *c = ctx;
	struct settle_job *r = c->r;
	const struct kind *k = &kind_claim;
	struct value v[KIND_MAX_FIELDS];
	struct problems *p = &rec->prob;
	char visit[DATE_TEXT];

	progress_tick("claims", ++r->read);
	/* A claim with a problem: the claims before it are settled first, as
	 * they would have been before its problems were told. */
	if (rec->broken || p->count || r->bad || !parse_quietly(c, rec->val, v)) {
		settle_stage(c);
		if (rec->broken || !kind_parse(k, &r->env, rec->val, v, p))
			r->bad++;
		return; /* after one, nothing will be written: check the rest only */
	}
	if (!c->stage.n && !r->o->quiet && c->messages < 100) {
		settle_one(c, v, p->source, p->line, -1); /* what it says comes now */
		return;
	}
	if (!c->source && !(c->source = strdup(p->source)))
		diag_fatal(JZ_SOFTWARE, "out of memory");
	date_format(v[CLAIM_VISIT_DATE].i, visit);
	stage_add(&c->stage, rec->val, p->line, v[CLAIM_NATIONAL_ID].s, visit);
}

void settle_claims(struct settle_job *r)
{
	static char *stdin_only[] = {"-"};
	char **files = r->s->nfiles ? r->s->files : stdin_only;
	int nfiles = r->s->nfiles ? r->s->nfiles : 1;
	const struct kind *k = &kind_claim;
	struct rec_source src = {k->fields, k->nfields, NULL, r->o->input_format, r->o->encoding,
				 r->o->ignore_unknown};
	struct claims c = {.r = r};
	char sha[SHA256_HEX];

	load_institutions(&c);
	load_ranges(&c);
	keyset_open(&c.met);
	c.stored = db_prepare(&r->db, "SELECT national_id, visit_date, visit_type, referral, total, "
			      "insurance_paid, advance, corrects, computed, approved, status, reason, "
			      "entry FROM claim WHERE institution = ?1 AND claim_id = ?2");
	c.insert = db_prepare(&r->db, "INSERT INTO claim (institution, claim_id, quarter, "
			      "national_id, visit_date, visit_type, referral, total, insurance_paid, "
			      "advance, corrects, computed, approved, status, reason, policy, entry, "
			      "src, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
			      "?13, ?14, ?15, ?16, ?17, ?18, ?19)");
	c.person = db_prepare(&r->db, "SELECT 1 FROM person WHERE national_id = ?1 LIMIT 1");
	c.cap = db_prepare(&r->db, "SELECT coalesce(sum(approved), 0) FROM claim c WHERE "
			   "national_id = ?1 AND visit_type = 'inpatient' AND visit_date >= ?2 AND "
			   "visit_date < ?3 AND NOT (institution = ?4 AND claim_id IS ?5) AND NOT "
			   "EXISTS (SELECT 1 FROM claim d INDEXED BY claim_corrects WHERE d.institution = c.institution AND "
			   "d.corrects = c.claim_id AND d.status <> 'rejected')");
	c.target = db_prepare(&r->db, "SELECT national_id, EXISTS (SELECT 1 FROM signoff s WHERE "
			      "s.quarter = c.quarter AND s.institution = c.institution) FROM claim c "
			      "WHERE institution = ?1 AND claim_id = ?2");
	c.corrected = db_prepare(&r->db, "SELECT 1 FROM claim WHERE institution = ?1 AND corrects = ?2 "
				 "AND status <> 'rejected'");
	db_exec(&r->db, "CREATE TEMP TABLE IF NOT EXISTS claim_given (institution TEXT, "
		     "claim_id TEXT, PRIMARY KEY (institution, claim_id)) WITHOUT ROWID");
	c.seen = db_prepare(&r->db, "INSERT OR IGNORE INTO temp.claim_given VALUES (?1, ?2)");
	c.given = db_prepare(&r->db, "SELECT 1 FROM temp.claim_given WHERE institution = ?1 AND "
			     "claim_id = ?2");
	c.signed_by = db_prepare(&r->db, "SELECT 1 FROM signoff WHERE quarter = ?1 AND institution = ?2");
	stage_open(&c.stage, &r->db);
	for (int i = 0; i < nfiles; i++) {
		c.src = i;
		if (!rec_read_file(files[i], &src, take, &c, sha))
			r->spoiled = true;
		settle_stage(&c);
		free(c.source);
		c.source = NULL;
		journal_input(&r->j, files[i], sha);
	}
	stage_close(&c.stage);
	if (c.messages > 100 && !r->o->quiet)
		diag_warn("... and %lld more rejected claims (see the reason column)", c.messages - 100);
	db_stmt *all[] = {c.stored, c.insert, c.person, c.cap, c.target, c.corrected, c.seen,
			       c.given, c.signed_by};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		db_finalize(all[i]);
	for (int i = 0; i < c.ninst; i++) {
		free(c.inst[i].lo);
		free(c.inst[i].hi);
	}
	free(c.inst);
	keyset_close(&c.met);
}
