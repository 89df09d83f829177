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

/* Option opt's value v (when given) as field i: sent, "none" clearing. */
static int text_opt(const char *v, const char **ret, unsigned *sent, unsigned i)
{
	if (!v)
		return 0;
	*sent |= 1u << i;
	*ret = strcmp(v, "none") == 0 ? NULL : v;
	return 0;
}

static int date_opt(const char *opt, const char *v, int32_t *ret, unsigned *sent, unsigned i)
{
	if (!v)
		return 0;
	*sent |= 1u << i;
	*ret = DATE_NONE;
	return strcmp(v, "none") == 0 ? 0 : cli_date(opt, v, ret);
}

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
	struct case_edit_input in = {.opened = DATE_NONE, .sent = PATCH_LISTED};
	const char *title = NULL, *subtype = NULL, *opened = NULL, *org = NULL;
	const char *orgs[SUBJECTS_MAX], *persons[SUBJECTS_MAX];
	size_t norgs = 0, npersons = 0;
	const struct cli_opt opts[] = {
	    {"--title", &title},
	    {"--subtype", &subtype},
	    {"--opened", &opened},
	    {"--org", &org},
	    {"--subject-org", .list = orgs, .count = &norgs, .max = SUBJECTS_MAX},
	    {"--subject-person", .list = persons, .count = &npersons, .max = SUBJECTS_MAX},
	    {NULL},
	};
	int64_t id;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, NULL, 1, &id, "Cần ID", "ID is required")) !=
	        0 ||
	    (rc = date_opt("--opened", opened, &in.opened, &in.sent, CASE_OPENED)) != 0)
		return rc;
	text_opt(title, &in.title, &in.sent, CASE_TITLE);
	text_opt(subtype, &in.subtype, &in.sent, CASE_SUBTYPE);
	if ((rc = subjects_in(x, orgs, norgs, persons, npersons, &in)) != 0)
		return rc;
	if (org) {
		in.sent |= 1u << CASE_ORG;
		if ((rc = org_find(x->app, &x->who, org, &in.handling_org, &x->err)) < 0)
			return rc;
	}
	return case_edit(x->app, &x->who, id, &in, &x->err);
}

static int edit_finding_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct finding_input in = {.sent = PATCH_LISTED};
	const char *text = NULL, *conclusion = NULL, *subject = NULL;
	const struct cli_opt opts[] = {
	    {"--text", &text}, {"--conclusion", &conclusion}, {"--subject", &subject}, {NULL}};
	int64_t id;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, NULL, 1, &id, "Cần mã nội dung kết luận",
	                      "The finding is required")) != 0)
		return rc;
	text_opt(text, &in.text, &in.sent, FINDING_TEXT);
	text_opt(conclusion, &in.conclusion, &in.sent, FINDING_CONCLUSION);
	if (subject) {
		in.sent |= 1u << FINDING_SUBJECT;
		if (strcmp(subject, "none") != 0 && (rc = cli_id(subject, &in.subject)) != 0)
			return rc;
	}
	if ((rc = cli_sub_open(x)) != 0)
		return rc;
	return finding_edit(x->app, &x->who, id, &in, &x->err);
}

static int edit_remedy_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct remedy_input in = {.due = DATE_NONE, .done = DATE_NONE, .sent = PATCH_LISTED};
	const char *action = NULL, *owner = NULL, *due = NULL, *done = NULL, *result = NULL;
	const struct cli_opt opts[] = {{"--action", &action}, {"--owner", &owner},
	                               {"--due", &due},       {"--done", &done},
	                               {"--result", &result}, {NULL}};
	int64_t id;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, NULL, 1, &id, "Cần mã việc khắc phục",
	                      "The remedial action is required")) != 0 ||
	    (rc = date_opt("--due", due, &in.due, &in.sent, REMEDY_DUE)) != 0 ||
	    (rc = date_opt("--done", done, &in.done, &in.sent, REMEDY_DONE)) != 0)
		return rc;
	text_opt(action, &in.action, &in.sent, REMEDY_ACTION);
	text_opt(owner, &in.owner, &in.sent, REMEDY_OWNER);
	text_opt(result, &in.result, &in.sent, REMEDY_RESULT);
	if ((rc = cli_sub_open(x)) != 0)
		return rc;
	return remedy_edit(x->app, &x->who, id, &in, &x->err);
}

static int edit_document_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct document_input in = {.doc_date = DATE_NONE, .sent = PATCH_LISTED};
	const char *title = NULL, *date = NULL, *number = NULL, *issuer = NULL;
	const struct cli_opt opts[] = {{"--title", &title},
	                               {"--date", &date},
	                               {"--number", &number},
	                               {"--issuer", &issuer},
	                               {NULL}};
	int64_t id;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, NULL, 1, &id, "Cần mã văn bản",
	                      "The document is required")) != 0 ||
	    (rc = date_opt("--date", date, &in.doc_date, &in.sent, DOCUMENT_DATE)) != 0)
		return rc;
	text_opt(title, &in.title, &in.sent, DOCUMENT_TITLE);
	text_opt(number, &in.number_symbol, &in.sent, DOCUMENT_NUMBER);
	text_opt(issuer, &in.issuer, &in.sent, DOCUMENT_ISSUER);
	if ((rc = cli_sub_open(x)) != 0)
		return rc;
	return case_document_edit(x->app, &x->who, id, &in, &x->err);
}

static int edit_letter_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct letter_edit_input in = {.sent = DATE_NONE, .sent_fields = PATCH_LISTED};
	const char *to = NULL, *about = NULL, *number = NULL, *sent = NULL;
	const struct cli_opt opts[] = {
	    {"--to", &to}, {"--about", &about}, {"--number", &number}, {"--sent", &sent}, {NULL}};
	int64_t id;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, NULL, 1, &id, "Cần số văn bản",
	                      "The letter is required")) != 0 ||
	    (rc = date_opt("--sent", sent, &in.sent, &in.sent_fields, LETTER_F_SENT)) != 0)
		return rc;
	text_opt(to, &in.recipient, &in.sent_fields, LETTER_F_RECIPIENT);
	text_opt(about, &in.about, &in.sent_fields, LETTER_F_ABOUT);
	text_opt(number, &in.number_symbol, &in.sent_fields, LETTER_F_NUMBER);
	if ((rc = cli_sub_open(x)) != 0)
		return rc;
	return letter_edit(x->app, &x->who, id, &in, &x->err);
}

/* A yes/no option ("1" or "0") setting field i of sent. */
static int flag_opt(struct cli_sub *x, const char *v, int *ret, unsigned *sent, unsigned i)
{
	if (!v)
		return 0;
	if (strcmp(v, "1") != 0 && strcmp(v, "0") != 0)
		return cli_usage(x->cmd, "--leader, --commitment, --member: 1 (có) hoặc 0 (không)",
		                 "--leader, --commitment, --member: 1 (yes) or 0 (no)");
	*sent |= 1u << i;
	*ret = v[0] == '1';
	return 0;
}

/* case edit-traveller T [--leader 1|0] [--commitment 1|0] [--departed D|none]
 * [--returned D|none] [--report D|none] */
static int edit_traveller_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct traveller_input in = {.departed = DATE_NONE,
	                             .returned = DATE_NONE,
	                             .report_received = DATE_NONE,
	                             .sent = PATCH_LISTED};
	const char *leader = NULL, *commitment = NULL, *dep = NULL, *ret = NULL, *rep = NULL;
	const struct cli_opt opts[] = {{"--leader", &leader}, {"--commitment", &commitment},
	                               {"--departed", &dep},  {"--returned", &ret},
	                               {"--report", &rep},    {NULL}};
	int64_t id;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, NULL, 1, &id, "Cần số của người đi",
	                      "The traveller is required")) != 0 ||
	    (rc = flag_opt(x, leader, &in.leader, &in.sent, TRAVELLER_F_LEADER)) != 0 ||
	    (rc = flag_opt(x, commitment, &in.commitment, &in.sent, TRAVELLER_F_COMMITMENT)) != 0 ||
	    (rc = date_opt("--departed", dep, &in.departed, &in.sent, TRAVELLER_F_DEPARTED)) != 0 ||
	    (rc = date_opt("--returned", ret, &in.returned, &in.sent, TRAVELLER_F_RETURNED)) != 0 ||
	    (rc = date_opt("--report", rep, &in.report_received, &in.sent, TRAVELLER_F_REPORT)) !=
	        0 ||
	    (rc = cli_sub_open(x)) != 0)
		return rc;
	return traveller_edit(x->app, &x->who, id, &in, &x->err);
}

/* case edit-relative R [--relation C] [--name N] [--member 1|0] [--exempt R|none] */
static int edit_relative_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct relative_input in = {.sent = PATCH_LISTED};
	const char *relation = NULL, *name = NULL, *member = NULL, *exempt = NULL;
	const struct cli_opt opts[] = {{"--relation", &relation},
	                               {"--name", &name},
	                               {"--member", &member},
	                               {"--exempt", &exempt},
	                               {NULL}};
	int64_t id;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, NULL, 1, &id, "Cần số của người được thẩm tra",
	                      "The relative is required")) != 0 ||
	    (rc = flag_opt(x, member, &in.is_member, &in.sent, RELATIVE_F_MEMBER)) != 0)
		return rc;
	text_opt(relation, &in.relation, &in.sent, RELATIVE_F_RELATION);
	text_opt(name, &in.full_name, &in.sent, RELATIVE_F_NAME);
	text_opt(exempt, &in.exempt_reason, &in.sent, RELATIVE_F_EXEMPT);
	if ((rc = cli_sub_open(x)) != 0)
		return rc;
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
