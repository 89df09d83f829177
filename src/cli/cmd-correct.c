/*
 * cmd-correct.c - "hoso case" subcommands that correct what was entered
 * (src/app/correct.c, case-edit.c, and each noun's edit): only the
 * options given change; "none" clears an optional text or date.  The
 * operator acts on the record as it is now (no version check).
 *
 *   case edit ID [--title T] [--subtype S] [--opened D] [--org CODE]
 *                [--subject-org CODE]... [--subject-person ID]...
 *   case edit-finding FINDING [--text T] [--conclusion C] [--subject S|none]
 *   case edit-remedy REMEDY [--action A] [--owner O] [--due D]
 *                [--done D|none] [--result R|none]
 *   case edit-document DOC [--title T] [--date D] [--number N|none] [--issuer I|none]
 *   case edit-letter LETTER [--to R] [--about A|none] [--number N|none] [--sent D]
 *   case withdraw-<finding|remedy|document|note|traveller|relative|letter|
 *                subject|attachment> ID --reason R
 */
#include <stdio.h>
#include <string.h>

#include "app/admission.h"
#include "app/case.h"
#include "app/correct.h"
#include "app/finding.h"
#include "app/letter.h"
#include "app/org.h"
#include "app/trip.h"
#include "cli/cmd-case.h"

#include "core/banned.h"

#define SUBJECTS_MAX 200

static int subjects_in(struct cli_sub *x, const char **orgs, size_t norgs, const char **persons,
                       size_t npersons, struct case_edit_input *in)
{
	int64_t *o = arena_alloc(&x->a, (norgs + 1) * sizeof(*o));
	int64_t *p = arena_alloc(&x->a, (npersons + 1) * sizeof(*p));
	int rc;

	if (!o || !p)
		return err_set(&x->err, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < npersons; i++)
		if ((rc = cli_id(persons[i], &p[i])) != 0)
			return rc;
	if ((rc = cli_sub_open(x)) != 0)
		return rc;
	for (size_t i = 0; i < norgs; i++)
		if ((rc = org_find(x->app, &x->who, orgs[i], &o[i], &x->err)) < 0)
			return rc;
	in->subject_orgs = o;
	in->nsubject_orgs = norgs;
	in->subject_persons = p;
	in->nsubject_persons = npersons;
	return 0;
}

static int edit_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct case_edit_input in = {.opened = DATE_NONE};
	const char *opened = NULL, *org = NULL;
	const char *orgs[SUBJECTS_MAX], *persons[SUBJECTS_MAX];
	size_t norgs = 0, npersons = 0;
	/* in the order of enum case_field; the subjects are additions */
	const struct cli_opt opts[] = {
	    [CASE_TITLE] = {"--title", &in.title, .none = 1},
	    [CASE_SUBTYPE] = {"--subtype", &in.subtype, .none = 1},
	    [CASE_OPENED] = {"--opened", &opened, .day = &in.opened, .none = 1},
	    [CASE_ORG] = {"--org", &org},
	    {"--subject-org", .list = orgs, .count = &norgs, .max = SUBJECTS_MAX},
	    {"--subject-person", .list = persons, .count = &npersons, .max = SUBJECTS_MAX},
	    {NULL},
	};
	int64_t id;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, NULL, 1, &id, "Cần ID", "ID is required")) != 0)
		return rc;
	in.sent = cli_cleared(opts);
	if ((rc = subjects_in(x, orgs, norgs, persons, npersons, &in)) != 0 ||
	    (org && (rc = org_find(x->app, &x->who, org, &in.handling_org, &x->err)) < 0))
		return rc;
	return case_edit(x->app, &x->who, id, &in, &x->err);
}

static int edit_finding_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct finding_input in = {0};
	const char *subject = NULL;
	/* in the order of enum finding_field */
	const struct cli_opt opts[] = {
	    [FINDING_TEXT] = {"--text", &in.text, .none = 1},
	    [FINDING_CONCLUSION] = {"--conclusion", &in.conclusion, .none = 1},
	    [FINDING_SUBJECT] = {"--subject", &subject, .none = 1},
	    {NULL},
	};
	int64_t id;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, NULL, 1, &id, "Cần mã nội dung kết luận",
	                      "The finding is required")) != 0)
		return rc;
	in.sent = cli_cleared(opts);
	if ((subject && (rc = cli_id(subject, &in.subject)) != 0) || (rc = cli_sub_open(x)) != 0)
		return rc;
	return finding_edit(x->app, &x->who, id, &in, &x->err);
}

static int edit_remedy_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct remedy_input in = {.due = DATE_NONE, .done = DATE_NONE};
	const char *due = NULL, *done = NULL;
	/* in the order of enum remedy_field */
	const struct cli_opt opts[] = {
	    [REMEDY_ACTION] = {"--action", &in.action, .none = 1},
	    [REMEDY_OWNER] = {"--owner", &in.owner, .none = 1},
	    [REMEDY_DUE] = {"--due", &due, .day = &in.due, .none = 1},
	    [REMEDY_DONE] = {"--done", &done, .day = &in.done, .none = 1},
	    [REMEDY_RESULT] = {"--result", &in.result, .none = 1},
	    {NULL},
	};
	int64_t id;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Cần mã việc khắc phục",
	                      "The remedial action is required")) != 0)
		return rc;
	in.sent = cli_cleared(opts);
	return remedy_edit(x->app, &x->who, id, &in, &x->err);
}

static int edit_document_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct document_input in = {.doc_date = DATE_NONE};
	const char *date = NULL;
	/* in the order of enum document_field */
	const struct cli_opt opts[] = {
	    [DOCUMENT_NUMBER] = {"--number", &in.number_symbol, .none = 1},
	    [DOCUMENT_DATE] = {"--date", &date, .day = &in.doc_date, .none = 1},
	    [DOCUMENT_ISSUER] = {"--issuer", &in.issuer, .none = 1},
	    [DOCUMENT_TITLE] = {"--title", &in.title, .none = 1},
	    {NULL},
	};
	int64_t id;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Cần mã văn bản",
	                      "The document is required")) != 0)
		return rc;
	in.sent = cli_cleared(opts);
	return case_document_edit(x->app, &x->who, id, &in, &x->err);
}

static int edit_letter_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct letter_edit_input in = {.sent = DATE_NONE};
	const char *sent = NULL;
	/* in the order of enum letter_field */
	const struct cli_opt opts[] = {
	    [LETTER_F_RECIPIENT] = {"--to", &in.recipient, .none = 1},
	    [LETTER_F_ABOUT] = {"--about", &in.about, .none = 1},
	    [LETTER_F_NUMBER] = {"--number", &in.number_symbol, .none = 1},
	    [LETTER_F_SENT] = {"--sent", &sent, .day = &in.sent, .none = 1},
	    {NULL},
	};
	int64_t id;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Cần số văn bản",
	                      "The letter is required")) != 0)
		return rc;
	in.sent_fields = cli_cleared(opts);
	return letter_edit(x->app, &x->who, id, &in, &x->err);
}

/* A yes/no option ("1" or "0"), when given. */
static int flag_opt(struct cli_sub *x, const char *v, int *ret)
{
	if (!v)
		return 0;
	if (strcmp(v, "1") != 0 && strcmp(v, "0") != 0)
		return cli_usage(x->cmd, "--leader, --commitment, --member: 1 (có) hoặc 0 (không)",
		                 "--leader, --commitment, --member: 1 (yes) or 0 (no)");
	*ret = v[0] == '1';
	return 0;
}

/* A date option that "none" clears (*ret stays DATE_NONE), when given:
 * edit-traveller's, read after its yes/no options. */
static int day_opt(const char *opt, const char *v, int32_t *ret)
{
	return !v || strcmp(v, "none") == 0 ? 0 : cli_date(opt, v, ret);
}

/* case edit-traveller T [--leader 1|0] [--commitment 1|0] [--departed D|none]
 * [--returned D|none] [--report D|none] */
static int edit_traveller_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct traveller_input in = {
	    .departed = DATE_NONE, .returned = DATE_NONE, .report_received = DATE_NONE};
	const char *leader = NULL, *commitment = NULL, *dep = NULL, *ret = NULL, *rep = NULL;
	/* in the order of enum traveller_field */
	const struct cli_opt opts[] = {
	    [TRAVELLER_F_LEADER] = {"--leader", &leader},
	    [TRAVELLER_F_COMMITMENT] = {"--commitment", &commitment},
	    [TRAVELLER_F_DEPARTED] = {"--departed", &dep},
	    [TRAVELLER_F_RETURNED] = {"--returned", &ret},
	    [TRAVELLER_F_REPORT] = {"--report", &rep},
	    {NULL},
	};
	int64_t id;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, NULL, 1, &id, "Cần số của người đi",
	                      "The traveller is required")) != 0 ||
	    (rc = flag_opt(x, leader, &in.leader)) != 0 ||
	    (rc = flag_opt(x, commitment, &in.commitment)) != 0 ||
	    (rc = day_opt("--departed", dep, &in.departed)) != 0 ||
	    (rc = day_opt("--returned", ret, &in.returned)) != 0 ||
	    (rc = day_opt("--report", rep, &in.report_received)) != 0 ||
	    (rc = cli_sub_open(x)) != 0)
		return rc;
	in.sent = cli_sent(opts);
	return traveller_edit(x->app, &x->who, id, &in, &x->err);
}

/* case edit-relative R [--relation C] [--name N] [--member 1|0] [--exempt R|none] */
static int edit_relative_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct relative_input in = {0};
	const char *member = NULL;
	/* in the order of enum relative_field */
	const struct cli_opt opts[] = {
	    [RELATIVE_F_RELATION] = {"--relation", &in.relation, .none = 1},
	    [RELATIVE_F_NAME] = {"--name", &in.full_name, .none = 1},
	    [RELATIVE_F_MEMBER] = {"--member", &member},
	    [RELATIVE_F_EXEMPT] = {"--exempt", &in.exempt_reason, .none = 1},
	    {NULL},
	};
	int64_t id;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, NULL, 1, &id, "Cần số của người được thẩm tra",
	                      "The relative is required")) != 0 ||
	    (rc = flag_opt(x, member, &in.is_member)) != 0 || (rc = cli_sub_open(x)) != 0)
		return rc;
	in.sent = cli_cleared(opts);
	return relative_edit(x->app, &x->who, id, &in, &x->err);
}

/* withdraw-<record>: the record named after the dash of argv[1]. */
static int withdraw_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *reason = NULL, *noun = strchr(argv[1], '-') + 1;
	const struct cli_opt opts[] = {{"--reason", &reason, .need = 1}, {NULL}};
	int k = 0;
	int64_t id;
	int rc;

	while (k < STORE_REC__MAX && strcmp(correct_record_name((enum store_record)k), noun) != 0)
		k++;
	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Cần ID và --reason",
	                      "ID and --reason are required")) != 0)
		return rc;
	return correct_withdraw(x->app, &x->who, (enum store_record)k, id, reason, 0, &x->err);
}

const struct cli_subcmd cmd_case_correct[] = {
    {"edit", edit_cmd,
     "edit ID [--title T] [--subtype S] [--opened D] [--org CODE] [--subject-org CODE]... "
     "[--subject-person ID]..."},
    {"edit-finding", edit_finding_cmd,
     "edit-finding F [--text T] [--conclusion C] [--subject S|none]"},
    {"edit-remedy", edit_remedy_cmd,
     "edit-remedy R [--action A] [--owner O] [--due D] [--done D|none] [--result R|none]"},
    {"edit-document", edit_document_cmd,
     "edit-document DOC [--title T] [--date D] [--number N|none] [--issuer I|none]"},
    {"edit-letter", edit_letter_cmd,
     "edit-letter L [--to R] [--about A|none] [--number N|none] [--sent D]"},
    {"edit-traveller", edit_traveller_cmd,
     "edit-traveller T [--leader 1|0] [--commitment 1|0] [--departed D|none] [--returned D|none] "
     "[--report D|none]"},
    {"edit-relative", edit_relative_cmd,
     "edit-relative R [--relation C] [--name N] [--member 1|0] [--exempt R|none]"},
    {"withdraw-finding", withdraw_cmd,
     "withdraw-<finding|remedy|document|note|traveller|relative|letter|subject|attachment> ID "
     "--reason R"},
    {"withdraw-remedy", withdraw_cmd},
    {"withdraw-document", withdraw_cmd},
    {"withdraw-note", withdraw_cmd},
    {"withdraw-traveller", withdraw_cmd},
    {"withdraw-relative", withdraw_cmd},
    {"withdraw-letter", withdraw_cmd},
    {"withdraw-subject", withdraw_cmd},
    {"withdraw-attachment", withdraw_cmd},
    {NULL},
};
