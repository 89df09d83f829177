/*
 * paper.h - the papers of a case (issue 15): the standard documents staff
 * write for each kind of case - the decision to inspect, the conclusion
 * notice, the discipline decision, the verification letter and its
 * reminder... - in the Party format of DOMAIN.md §7, filled from the case.
 *
 * A paper is one entry of the table in paper.c: its code, names, the kind
 * of case it belongs to, its flags and its default template.  A template
 * is the paper's parts (the header's two lines, the symbol of its number,
 * its type, summary, body, signature and recipients), each text with
 * named fields ("{{case.number}}", export/tpl.h).  An administrator of the
 * whole tree may change a paper's template (stored, audited); until then
 * the default is in force.  Every field a template may name is one entry
 * of the fields table, with the kinds that have it; a template naming a
 * field there is none of (or one its paper's kind lacks) is refused with
 * HOSO_E_UNKNOWN_FIELD naming it, and nothing is written.
 *
 * Protection: a field marked PAPER_FIELD_PROTECTED (a denunciation's
 * sender) never appears on a paper marked PAPER_TO_SUBJECT: such a
 * template is refused with HOSO_E_PROTECTED_FIELD, when it is saved and
 * again whenever it is rendered.
 *
 * A paper generated from a case is kept as one of its documents, a draft
 * (no number) with the text as generated; it is written as DOCX or PDF
 * with the number and date the document has when it is downloaded, so
 * filling them in (PATCH /api/documents/{id}) issues it.  Scope,
 * clearance and audit are checked here for every path: a case or document
 * the actor may not see is refused as a missing one.
 */
#ifndef HOSO_APP_PAPER_H
#define HOSO_APP_PAPER_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "app/case.h"
#include "core/arena.h"
#include "core/buf.h"

/* The papers; their table is in paper.c.  Adding one is a value here and
 * an entry there (docs/adding-a-case-kind.md, "Papers"). */
enum paper_id {
	PAPER_KT_QUYET_DINH, /* the decision to inspect, with the team */
	PAPER_KT_THONG_BAO,  /* the inspection's conclusion notice */
	PAPER_KL_QUYET_DINH, /* the discipline decision */
	PAPER_KL_DE_NGHI,    /* the request to the State body for its own discipline */
	PAPER_TTLL_XAC_MINH, /* a background check's verification letter */
	PAPER_TTLL_DON_DOC,  /* its reminder (văn bản đôn đốc) */
	PAPER_TD_KET_LUAN,   /* the appraisal's conclusion */
	PAPER_RNN_DONG_Y,    /* the approval of a trip */
	PAPER_TC_BI_TO_CAO,  /* a denunciation's result, to the denounced */
	PAPER_TC_TO_CAO,     /* a denunciation's result, to the denouncer */
	PAPER_KN_QUYET_DINH, /* the decision on a complaint */
	PAPER__MAX
};

/* The parts of a template, in the order of the document. */
enum paper_part {
	PAPER_SUPERIOR,   /* the body above, top left: "TỈNH ỦY ĐIỆN BIÊN" */
	PAPER_ISSUER,     /* the issuing body, bold: "ỦY BAN KIỂM TRA" */
	PAPER_SYMBOL,     /* after the number: "QĐ/UBKT" -> "Số 12-QĐ/UBKT" */
	PAPER_TYPE,       /* "QUYẾT ĐỊNH" (empty for a letter, công văn) */
	PAPER_SUMMARY,    /* "Về việc kiểm tra ...", "V/v ..." */
	PAPER_BODY,       /* lines (below) */
	PAPER_SIGN_FOR,   /* "T/M ỦY BAN KIỂM TRA" */
	PAPER_SIGN_TITLE, /* "CHỦ NHIỆM" */
	PAPER_SIGNER,     /* a name, or empty to leave the space */
	PAPER_RECIPIENTS, /* lines: "- Như Điều 3," */
	PAPER_PART__MAX
};

/* Flags of a paper. */
enum {
	PAPER_TO_SUBJECT = 1u << 0, /* sent to the subject: no protected field */
	PAPER_PER_LETTER = 1u << 1, /* one per outgoing letter of the case */
};

/* Flags of a field. */
enum {
	PAPER_FIELD_LIST = 1u << 0,      /* several values: a line naming it repeats */
	PAPER_FIELD_PROTECTED = 1u << 1, /* never on a PAPER_TO_SUBJECT paper */
	PAPER_FIELD_LETTER = 1u << 2,    /* of the letter: PAPER_PER_LETTER papers only */
};

/* A template: each part's text (NULL or "" when empty).  In the body and
 * the recipients every line is a paragraph; a body line starting with
 * "# " is a heading, "## " a smaller one, "> " a hint where staff write
 * (italic); a line naming a list field is repeated for each of its values
 * (and left out when it has none); elsewhere a list's values are joined
 * with ", ". */
struct paper_template {
	const char *part[PAPER_PART__MAX];
};

struct paper {
	enum paper_id id;
	const char *code; /* "kt_quyet_dinh" */
	const char *vi, *en;
	enum case_kind_id kind;
	unsigned flags;
	struct paper_template defaults;
};

struct paper_ctx;
/* A field's values: n of them (1 for a plain field). */
struct paper_values {
	const char **v;
	size_t n;
};
struct paper_field {
	const char *name; /* "case.number" */
	const char *vi, *en;
	unsigned kinds; /* bits (1u << enum case_kind_id); 0: every kind */
	unsigned flags; /* PAPER_FIELD_... */
	int (*get)(struct paper_ctx *c, struct paper_values *ret);
};

/* The tables: papers in the enum's order; fields; parts' codes and names. */
const struct paper *paper_get(enum paper_id id);
const struct paper *paper_find(const char *code);
const struct paper_field *paper_fields(size_t *ret_n);
const char *paper_part_code(enum paper_part part); /* "body" */

/*
 * Check one part's text of paper p against the fields fields[0..n): 0, or
 * HOSO_E_INVALID for a malformed field, HOSO_E_UNKNOWN_FIELD for a name
 * not in the table or not of the paper's kind (or of a letter, on a paper
 * that is not per letter), HOSO_E_PROTECTED_FIELD for a protected field on
 * a paper to the subject; e names the part and the message the field.
 */
int paper_check_text(const struct paper *p, const struct paper_field *fields, size_t n,
                     enum paper_part part, const char *text, struct err *e);

/* A template from JSON {"superior": "...", ...} (parts absent: empty),
 * NFC, each part at most PAPER_PART_MAX bytes and checked as above; in a. */
#define PAPER_PART_MAX 20000
int paper_template_parse(const struct paper *p, json_t *o, struct arena *a,
                         struct paper_template *ret, struct err *e);

/* GET /api/papers: the papers with their templates in force, defaults and
 * versions, the parts, and the fields; any signed-in user. */
int paper_catalogue(struct app *app, const struct actor *who, struct arena *a, json_t **ret,
                    struct err *e);

/* Change paper code's template to tpl (JSON as paper_template_parse
 * reads it; administrators of the whole tree); version as read (0: the
 * default is in force).  Everything is checked before anything is
 * written.  Audited with each part changed, before and after. */
int paper_template_set(struct app *app, const struct actor *who, const char *code, json_t *tpl,
                       int64_t version, struct err *e);

/* What to render: a paper, the letter for one per letter, and an
 * unsaved template to try (JSON as above; NULL: the one in force). */
struct paper_request {
	const char *paper;
	int64_t letter;
	json_t *tpl;
};

/* The paper rendered from case case_id, kept nowhere: its JSON (the parts
 * as filled, "body": [{kind, text}], "recipients": [...], "mark", "place",
 * "title").  Officers, leaders and administrators; the read of the case
 * is audited. */
int paper_preview(struct app *app, const struct actor *who, int64_t case_id,
                  const struct paper_request *rq, struct arena *a, json_t **ret, struct err *e);

/* The paper rendered from the template in force and kept as a draft
 * document of the case; its id in *ret_doc.  Officers and leaders, on an
 * open case; audited ("paper"). */
int paper_generate(struct app *app, const struct actor *who, int64_t case_id,
                   const struct paper_request *rq, int64_t *ret_doc, struct err *e);

/* A generated paper (document doc_id) written as format "docx" or "pdf"
 * to out, with its file name and MIME type (in a); audited ("export"). */
int paper_download(struct app *app, const struct actor *who, int64_t doc_id, const char *format,
                   struct arena *a, struct buf *out, const char **ret_name, const char **ret_type,
                   struct err *e);

#endif
