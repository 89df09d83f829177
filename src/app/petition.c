/*
 * petition.c - the register of incoming letters and their classification
 * (petition.h).
 */
#include "app/petition.h"
#include "app/petitionInt.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "app/audit.h"
#include "app/complaint.h"
#include "app/gate.h"
#include "app/person.h"
#include "app/scope.h"
#include "core/date.h"

#include "core/banned.h"

#define READ_ROLES        GATE_RECORD_READERS
#define WRITE_ROLES       CASE_OFFICER
#define NAME_MAX_CHARS    200
#define ADDRESS_MAX_CHARS 500

static const struct code_name channels[] = {
    {"truc_tiep", "Nhận trực tiếp", "In person"},
    {"buu_dien", "Qua bưu điện", "By post"},
    {"chuyen_den", "Cơ quan khác chuyển đến", "Transferred by another body"},
    {"hop_thu", "Hòm thư của cơ quan", "The body's mailbox"},
};

static const struct code_name kinds[] = {
    {"to_cao", "Tố cáo", "Denunciation"},
    {"khieu_nai", "Khiếu nại kỷ luật đảng", "Complaint about a discipline"},
    {"khieu_nai_to_cao", "Vừa khiếu nại vừa tố cáo", "Both complaint and denunciation"},
    {"kien_nghi", "Kiến nghị, phản ánh", "Petition or report"},
};

static const struct code_name senders[] = {
    {"ro_ten", "Có họ tên, địa chỉ rõ ràng", "Named, with an address"},
    {"khong_dia_chi", "Có họ tên, không rõ địa chỉ", "Named, no address"},
    {"giau_ten", "Giấu tên", "Anonymous"},
    {"mao_ten", "Mạo tên", "False name"},
};

static const struct code_name reasons[] = {
    {"giau_ten", "Đơn giấu tên", "Anonymous"},
    {"mao_ten", "Đơn mạo tên", "False name"},
    {"khong_dia_chi", "Không rõ địa chỉ người gửi", "No address"},
    {"trung_lap", "Gửi lại, không có nội dung mới", "Repeated with nothing new"},
    {"da_giai_quyet", "Đã được giải quyết", "Already settled"},
    {"khong_cu_the", "Nội dung không cụ thể, không có căn cứ xác minh",
     "Not specific enough to verify"},
    {"khac", "Lý do khác (ghi rõ)", "Another reason (stated)"},
};

static const struct code_name states[] = {
    {"moi", "Mới nhận, chờ phân loại", "New, to be classified"},
    {"thu_ly", "Đã thụ lý (mở hồ sơ)", "Handled here (case opened)"},
    {"chuyen", "Đã chuyển cơ quan có thẩm quyền", "Transferred"},
    {"luu", "Lưu, không giải quyết", "Kept without handling"},
};

/* The state each action leaves a letter in. */
static const char *const action_state[PETITION_ACTION__MAX] = {
    [PETITION_HANDLE] = "thu_ly", [PETITION_TRANSFER] = "chuyen", [PETITION_KEEP] = "luu"};

const struct code_set petition_channels = CODE_SET(channels);
const struct code_set petition_kinds = CODE_SET(kinds);
const struct code_set petition_senders = CODE_SET(senders);
const struct code_set petition_reasons = CODE_SET(reasons);
const struct code_set petition_states = CODE_SET(states);

int petition_action_parse(const char *s, enum petition_action *ret)
{
	for (int i = 0; s && i < PETITION_ACTION__MAX; i++)
		if (strcmp(action_state[i], s) == 0) {
			*ret = (enum petition_action)i;
			return 0;
		}
	return HOSO_E_BAD_ENUM;
}

/* Whether the letter is about a complaint (handled as one). */
static int is_complaint(const char *kind)
{
	return strcmp(kind, "khieu_nai") == 0 || strcmp(kind, "khieu_nai_to_cao") == 0;
}

/* ---- registering ---- */

/* The sender as the status says: a name for a named letter, none for an
 * anonymous one, an address for a letter said to have one. */
static int check_sender(const struct petition_input *in, struct arena *a, struct petition_row *r,
                        struct err *e)
{
	int rc;

	if (!code_find(senders, CASE_N(senders), in->sender_status))
		return code_refuse(e, "sender_status", "Người gửi", "The sender", senders,
		                   CASE_N(senders));
	r->sender_status = in->sender_status;
	if ((rc = app_text_clean(a, in->sender_name, "sender_name", NAME_MAX_CHARS, &r->sender_name,
	                         e)) < 0 ||
	    (rc = app_text_clean(a, in->sender_address, "sender_address", ADDRESS_MAX_CHARS,
	                         &r->sender_address, e)) < 0)
		return rc;
	if (strcmp(r->sender_status, "giau_ten") == 0 && (r->sender_name || r->sender_address))
		return err_set(e, HOSO_E_INVALID, "sender_name",
		               "Đơn giấu tên thì không ghi họ tên, địa chỉ người gửi",
		               "An anonymous letter has no sender's name or address");
	if ((strcmp(r->sender_status, "ro_ten") == 0 ||
	     strcmp(r->sender_status, "khong_dia_chi") == 0) &&
	    !r->sender_name)
		return err_set(e, HOSO_E_MISSING, "sender_name", "Thiếu họ tên người gửi",
		               "The sender's name is missing");
	if (strcmp(r->sender_status, "ro_ten") == 0 && !r->sender_address)
		return err_set(e, HOSO_E_MISSING, "sender_address", "Thiếu địa chỉ người gửi",
		               "The sender's address is missing");
	return 0;
}

/* The contested discipline of a complaint: a discipline case the actor
 * may see, whose decisions include one about a subject of the letter. */
static int check_contested(struct app *app, const struct actor *who,
                           const struct petition_input *in, struct arena *a, struct err *e)
{
	struct discipline_list d;
	struct case_row c;
	int rc;

	if (!in->contested_case)
		return err_set(e, HOSO_E_MISSING, "contested_case",
		               "Đơn khiếu nại cần chỉ rõ quyết định kỷ luật bị khiếu nại",
		               "A complaint names the discipline decision it contests");
	if (case_fetch(app, who, in->contested_case, a, &c, NULL) < 0 ||
	    !case_is(&c, KIND_DISCIPLINE))
		return err_set(e, HOSO_E_NOT_FOUND, "contested_case",
		               "Không tìm thấy hồ sơ kỷ luật bị khiếu nại",
		               "The contested discipline case is not found");
	if ((rc = store_disciplines_of_case(app_store(app), c.id, a, &d)) < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	for (size_t i = 0; i < d.n; i++) {
		for (size_t j = 0; j < in->norgs; j++)
			if (d.v[i].org_id && d.v[i].org_id == in->orgs[j])
				return 0;
		for (size_t j = 0; j < in->npersons; j++)
			if (d.v[i].person_id && d.v[i].person_id == in->persons[j])
				return 0;
	}
	return err_set(e, HOSO_E_INVALID, "contested_case",
	               "Hồ sơ kỷ luật này không có quyết định kỷ luật người (tổ chức) khiếu nại",
	               "That case decided no discipline of the complainant");
}

static int check_dates(const struct petition_input *in, struct err *e)
{
	int32_t today = date_today();

	if (in->received == DATE_NONE)
		return err_set(e, HOSO_E_MISSING, "received", "Thiếu ngày nhận đơn",
		               "The date received is missing");
	if (in->received > today)
		return err_set(e, HOSO_E_BAD_DATE, "received",
		               "Ngày nhận đơn không được sau hôm nay",
		               "The date received cannot be after today");
	if (in->decision_received != DATE_NONE && in->decision_received > in->received)
		return err_set(e, HOSO_E_BAD_DATE, "decision_received",
		               "Ngày nhận quyết định kỷ luật phải trước ngày gửi đơn khiếu nại",
		               "The decision must have been received before the complaint");
	return 0;
}

/* The letter's row from in, checked whole. */
static int check_input(struct app *app, const struct actor *who, const struct petition_input *in,
                       struct arena *a, struct petition_row *r, struct err *e)
{
	int rc;

	*r = (struct petition_row){.org_id = in->org,
	                           .received = in->received,
	                           .confidentiality = in->confidentiality,
	                           .decision_received = in->decision_received,
	                           .created_by = who->user_id};
	if (!in->org || scope_contains(app, who, in->org) != 1)
		return gate_not_found(e, "org", NOUN_ORG);
	if ((rc = check_dates(in, e)) < 0)
		return rc;
	if (!(r->channel = in->channel, code_find(channels, CASE_N(channels), in->channel)))
		return code_refuse(e, "channel", "Cách nhận", "The channel", channels,
		                   CASE_N(channels));
	if (!(r->kind = in->kind, code_find(kinds, CASE_N(kinds), in->kind)))
		return code_refuse(e, "kind", "Loại đơn", "The kind of letter", kinds,
		                   CASE_N(kinds));
	if ((rc = check_sender(in, a, r, e)) < 0 ||
	    (rc = app_text_clean(a, in->summary, "summary", PETITION_SUMMARY_MAX, &r->summary, e)) <
	        0)
		return rc;
	if (!r->summary)
		return err_set(e, HOSO_E_MISSING, "summary", "Thiếu tóm tắt nội dung đơn",
		               "The summary of the letter is missing");
	if (in->confidentiality < 0 || in->confidentiality >= CLEARANCE__MAX)
		return err_set(e, HOSO_E_BAD_ENUM, "confidentiality", "Độ mật không hợp lệ",
		               "Invalid confidentiality level");
	if ((rc = gate_clearance(who, in->confidentiality, e)) < 0)
		return rc;
	if (in->norgs + in->npersons == 0)
		return err_set(e, HOSO_E_MISSING, "subjects",
		               "Cần ít nhất một tổ chức hoặc đảng viên bị tố cáo, khiếu nại",
		               "At least one organisation or member the letter is about is needed");
	if (in->norgs + in->npersons > PETITION_SUBJECTS_MAX)
		return err_set(e, HOSO_E_TOO_BIG, "subjects", "Quá %d đối tượng",
		               "More than %d subjects", PETITION_SUBJECTS_MAX);
	if (is_complaint(in->kind)) {
		r->contested_case = in->contested_case;
		return check_contested(app, who, in, a, e);
	}
	return 0;
}

/* The subjects, each one the actor may see. */
static int write_subjects(struct app *app, const struct actor *who, const struct petition_input *in,
                          int64_t id, struct arena *a, struct err *e)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < in->norgs; i++) {
		if (scope_contains(app, who, in->orgs[i]) != 1)
			return err_set(e, HOSO_E_NOT_FOUND, "subject_orgs",
			               "Không tìm thấy tổ chức là đối tượng",
			               "A subject organisation is not found");
		rc = store_petition_subject_add(app_store(app), id, in->orgs[i], 0);
	}
	for (size_t i = 0; rc == 0 && i < in->npersons; i++) {
		struct person_row p;

		if (person_get(app, who, in->persons[i], a, &p, NULL) < 0)
			return err_set(e, HOSO_E_NOT_FOUND, "subject_persons",
			               "Không tìm thấy người là đối tượng",
			               "A subject person is not found");
		rc = store_petition_subject_add(app_store(app), id, 0, in->persons[i]);
	}
	return rc;
}

/* "[1,2]" of ids in a. */
static const char *ids_json(struct arena *a, const int64_t *v, size_t n)
{
	json_t *arr = json_array();
	char *text;
	const char *copy;

	/* a list short of an id for want of memory would search and audit
	 * other subjects than the letter's: none at all instead */
	for (size_t i = 0; arr && i < n; i++)
		if (json_array_append_new(arr, json_integer(v[i])) < 0) {
			json_decref(arr);
			arr = NULL;
		}
	if (!arr)
		return NULL;
	text = app_json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	copy = text ? arena_strdup(a, text) : NULL;
	free(text);
	return copy;
}

struct adding {
	const struct actor *who;
	const struct petition_input *in;
	struct petition_row r;
	struct arena *a;
};

static int write_petition(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	struct adding *x = arg;
	const char *orgs = ids_json(x->a, x->in->orgs, x->in->norgs);
	const char *persons = ids_json(x->a, x->in->persons, x->in->npersons);
	int rc;

	if (!orgs || !persons)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	/* the same sender about the same subjects before: flagged */
	if (x->r.sender_name &&
	    (rc = store_petition_same(app_store(app), x->r.sender_name, x->r.org_id, orgs, persons,
	                              &x->r.duplicate_of)) < 0)
		return rc;
	if ((rc = store_petition_insert(app_store(app), &x->r, &w->object_id)) < 0 ||
	    (rc = write_subjects(app, x->who, x->in, w->object_id, x->a, e)) < 0)
		return rc;
	/* never the sender: the trail is read by auditors */
	w->detail =
	    json_pack("{s:I,s:s,s:s,s:s,s:s,s:i,s:s,s:s,s:I}", "org", (json_int_t)x->r.org_id,
	              "received", code_date_text(x->a, x->r.received), "channel", x->r.channel,
	              "kind", x->r.kind, "sender_status", x->r.sender_status, "confidentiality",
	              x->r.confidentiality, "subject_orgs", orgs, "subject_persons", persons,
	              "duplicate_of", (json_int_t)x->r.duplicate_of);
	return 0;
}

int petition_add(struct app *app, const struct actor *who, const struct petition_input *in,
                 int64_t *ret_id, struct err *e)
{
	struct gate_write w = {"create", "petition", 0, NULL, NOUN_RECORD};
	struct adding x = {.who = who, .in = in};
	struct arena a;
	int rc;

	arena_init(&a, 1 << 14);
	x.a = &a;
	if ((rc = gate_role(who, WRITE_ROLES, e)) == 0 &&
	    (rc = check_input(app, who, in, &a, &x.r, e)) == 0 &&
	    (rc = gate_write(app, who, &w, write_petition, &x, e)) == 0)
		*ret_id = w.object_id;
	arena_release(&a);
	return rc;
}

/* ---- reading ---- */

int petition_fetch(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                   struct petition_row *ret, struct err *e)
{
	int rc = store_petition_get(app_store(app), id, a, ret);

	if (rc == HOSO_E_NOT_FOUND || (rc == 0 && (scope_contains(app, who, ret->org_id) != 1 ||
	                                           ret->confidentiality > (int)who->clearance)))
		return gate_not_found(e, "id", NOUN_RECORD);
	return rc < 0 ? gate_store_error(e, rc, NOUN_RECORD) : 0;
}

int petition_sender_gate(struct app *app, const struct actor *who, const struct petition_row *r,
                         struct arena *a, struct err *e)
{
	if (petition_may_read_sender(app, who, r, a))
		return 0;
	return err_set(e, HOSO_E_DENIED, "sender",
	               "Chỉ lãnh đạo cơ quan nhận đơn và người được giao giải quyết mới xem "
	               "được người gửi",
	               "Only the leaders of the receiving body and those assigned the case "
	               "may see the sender");
}

int petition_may_read_sender(struct app *app, const struct actor *who, const struct petition_row *r,
                             struct arena *a)
{
	struct id_list assigned;

	if (!who->user_id)
		return 1;
	if (actor_has_role(who, ROLE_LEADER) && who->scope_org == r->org_id)
		return 1;
	if (!r->case_id || store_case_assignees(app_store(app), r->case_id, a, &assigned) < 0)
		return 0;
	for (size_t i = 0; i < assigned.n; i++)
		if (assigned.v[i] == who->user_id)
			return 1;
	return 0;
}

static json_t *subjects_json(struct app *app, const struct actor *who, int64_t id, int32_t day,
                             struct arena *a)
{
	struct petition_subject_list l;
	json_t *arr = json_array();

	if (store_petition_subjects(app_store(app), id, a, &l) < 0)
		return arr;
	for (size_t i = 0; i < l.n; i++) {
		struct case_name n;
		int person = l.v[i].person_id != 0;

		if (person)
			case_person_name(app, who, l.v[i].person_id, a, &n);
		else
			case_org_name(app, who, l.v[i].org_id, day, a, &n);
		json_array_append_new(
		    arr,
		    n.name
		        ? json_pack("{s:s,s:I,s:s?,s:s}", "kind", person ? "person" : "org", "id",
		                    (json_int_t)(person ? l.v[i].person_id : l.v[i].org_id), "code",
		                    n.code, "name", n.name)
		        : json_pack("{s:s,s:n}", "kind", person ? "person" : "org", "name"));
	}
	return arr;
}

/* A case linked from a letter, as its brief, or null when hidden. */
static json_t *case_json(struct app *app, const struct actor *who, int64_t id, struct arena *a)
{
	struct case_row c;

	return id && case_fetch(app, who, id, a, &c, NULL) == 0 ? case_brief_json(app, who, &c, a)
	                                                        : json_null();
}

static json_t *row_json(struct app *app, const struct actor *who, const struct petition_row *r,
                        struct arena *a, int with_subjects)
{
	struct case_name org;
	json_t *o;

	case_org_name(app, who, r->org_id, r->received, a, &org);
	o = json_pack("{s:I,s:s?,s:s?,s:o,s:s,s:s,s:s,s:s,s:i,s:o,s:s,s:o,s:s?,s:o,s:s?,s:s?,"
	              "s:s?,s:o,s:I}",
	              "id", (json_int_t)r->id, "org", org.code, "org_name", org.name, "received",
	              code_date_json(r->received), "channel", r->channel, "kind", r->kind,
	              "sender_status", r->sender_status, "summary", r->summary, "confidentiality",
	              r->confidentiality, "decision_received", code_date_json(r->decision_received),
	              "state", r->state, "transfer_date", code_date_json(r->transfer_date),
	              "transfer_to", r->transfer_to, "case", case_json(app, who, r->case_id, a),
	              "transfer_number", r->transfer_number, "reason", r->reason, "note", r->note,
	              "duplicate_of", r->duplicate_of ? json_integer(r->duplicate_of) : json_null(),
	              "version", (json_int_t)r->version);
	if (!o)
		return NULL;
	json_object_set_new(o, "contested_case", case_json(app, who, r->contested_case, a));
	json_object_set_new(o, "may_read_sender",
	                    json_boolean(petition_may_read_sender(app, who, r, a)));
	if (with_subjects) {
		json_object_set_new(o, "subjects", subjects_json(app, who, r->id, r->received, a));
		json_object_set_new(o, "scans", petition_scans_json(app, r->id, a));
	}
	return o;
}

int petition_get(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                 json_t **ret, struct err *e)
{
	struct petition_row r;
	int rc;

	*ret = NULL;
	if ((rc = gate_role(who, READ_ROLES, e)) < 0 ||
	    (rc = petition_fetch(app, who, id, a, &r, e)) < 0)
		return rc;
	if ((rc = audit_record(app, who, &(struct audit_entry){"read", "petition", id, NULL, 0},
	                       e)) < 0)
		return rc;
	if (!(*ret = row_json(app, who, &r, a, 1)))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	return 0;
}

int petition_sender(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                    const char **ret_name, const char **ret_address, struct err *e)
{
	struct petition_row r;
	int rc;

	*ret_name = *ret_address = NULL;
	if ((rc = gate_role(who, READ_ROLES, e)) < 0 ||
	    (rc = petition_fetch(app, who, id, a, &r, e)) < 0)
		return rc;
	if ((rc = petition_sender_gate(app, who, &r, a, e)) < 0)
		return rc;
	if ((rc = audit_record(
	         app, who, &(struct audit_entry){"read_sender", "petition", id, NULL, 0}, e)) < 0)
		return rc;
	*ret_name = r.sender_name;
	*ret_address = r.sender_address;
	return 0;
}

int petition_case_sender(struct app *app, const struct actor *who, int64_t case_id, struct arena *a,
                         const char **ret_name, const char **ret_address, struct err *e)
{
	int64_t id = 0;
	int rc = store_petition_of_case(app_store(app), case_id, &id);

	*ret_name = *ret_address = NULL;
	if (rc < 0)
		return gate_store_error(e, rc, NOUN_RECORD);
	return petition_sender(app, who, id, a, ret_name, ret_address, e);
}

int petition_list(struct app *app, const struct actor *who, const struct petition_filter *f,
                  struct arena *a, json_t **ret, struct err *e)
{
	const char *orgs = NULL;
	struct petition_list l;
	json_t *arr;
	size_t n = 0;
	int rc;

	*ret = NULL;
	if ((rc = gate_role(who, READ_ROLES, e)) < 0)
		return rc;
	if (f->limit < 1 || f->limit > 500)
		return err_set(e, HOSO_E_RANGE, "limit", "Mỗi trang từ 1 đến 500 đơn",
		               "A page has 1 to 500 letters");
	if (f->org && scope_contains(app, who, f->org) != 1)
		return gate_not_found(e, "org", NOUN_ORG);
	if (f->state && !code_find(states, CASE_N(states), f->state))
		return code_refuse(e, "state", "Tình trạng", "The state", states, CASE_N(states));
	{
		struct actor within = *who;

		if (f->org)
			within.scope_org = f->org; /* the subtree asked for, inside the scope */
		if ((rc = scope_orgs_json(app, &within, a, &orgs, &n)) < 0)
			return err_set(e, rc, NULL, NULL, NULL);
	}
	if ((rc = store_petitions(app_store(app), orgs, (int)who->clearance, f->from, f->to,
	                          f->state, f->before, f->limit + 1, a, &l)) < 0)
		return gate_store_error(e, rc, NOUN_RECORD);
	arr = json_array();
	for (size_t i = 0; i < l.n && i < f->limit; i++)
		json_array_append_new(arr, row_json(app, who, &l.v[i], a, 0));
	*ret = json_pack("{s:o,s:o}", "petitions", arr, "next",
	                 l.n > f->limit ? json_integer(l.v[f->limit - 1].id) : json_null());
	return audit_record_json(app, who, (struct audit_entry){"search", "petition", 0, NULL, 0},
	                         json_pack("{s:I,s:I}", "org", (json_int_t)f->org, "results",
	                                   (json_int_t)(l.n < f->limit ? l.n : f->limit)),
	                         e);
}

/* ---- classifying ---- */

struct classifying {
	const struct actor *who;
	const struct petition_classify_input *in;
	struct petition_row r;
	struct arena *a;
};

static int write_classify(struct app *app, struct classifying *x, json_t *detail, struct err *e)
{
	int rc = store_petition_classify(app_store(app), &x->r);

	if (rc < 0)
		return gate_store_error(e, rc, NOUN_RECORD);
	/* the entry names the letter, or the change fails */
	if (!detail || json_object_set_new(detail, "petition", json_integer(x->r.id)) < 0 ||
	    json_object_set_new(detail, "classify", json_string(x->r.state)) < 0)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	return 0;
}

/* After the case a letter opened is written, in its transaction. */
static int note_case(struct app *app, void *arg, int64_t case_id, json_t *detail, struct err *e)
{
	struct classifying *x = arg;

	x->r.case_id = case_id;
	return write_classify(app, x, detail, e);
}

static int write_other(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	struct classifying *x = arg;

	w->object_id = x->r.id;
	w->detail = json_pack("{s:s?,s:s?,s:s?}", "transfer_to", x->r.transfer_to, "reason",
	                      x->r.reason, "note", x->r.note);
	return write_classify(app, x, w->detail, e);
}

/* A complaint is handled within its window from the decision's receipt. */
static int check_window(const struct petition_row *r, struct err *e)
{
	if (r->decision_received == DATE_NONE)
		return err_set(e, HOSO_E_MISSING, "decision_received",
		               "Cần ngày người khiếu nại nhận quyết định kỷ luật để tính thời hạn "
		               "khiếu nại",
		               "The day the complainant received the decision is needed for the "
		               "filing window");
	if (r->received - r->decision_received > COMPLAINT_WINDOW_DAYS)
		return err_set(
		    e, HOSO_E_INVALID, "received",
		    "Đơn khiếu nại gửi sau %d ngày kể từ khi nhận quyết định kỷ luật: quá "
		    "thời hạn khiếu nại, lưu đơn với lý do",
		    "The complaint came more than %d days after the decision was "
		    "received: past the filing window, keep it with the reason",
		    COMPLAINT_WINDOW_DAYS);
	return 0;
}

/* HANDLE: open the case, the letter noting it in the same transaction. */
static int open_case(struct app *app, struct classifying *x, int64_t *ret_case, struct err *e)
{
	struct petition_subject_list l;
	struct case_input c = {.handling_org = x->r.org_id,
	                       .opened = x->r.received,
	                       .confidentiality = x->r.confidentiality,
	                       .then = note_case,
	                       .then_arg = x};
	int64_t *orgs, *persons;
	char title[200], day[DATE_BUF];
	int rc, complaint = is_complaint(x->r.kind);

	if (strcmp(x->r.kind, "kien_nghi") == 0)
		return err_set(
		    e, HOSO_E_INVALID, "action",
		    "Kiến nghị, phản ánh không mở hồ sơ tố cáo hay khiếu nại: chuyển cơ "
		    "quan có thẩm quyền hoặc lưu đơn",
		    "A petition opens no denunciation or complaint case: transfer or keep "
		    "it");
	if (complaint && (rc = check_window(&x->r, e)) < 0)
		return rc;
	if ((rc = store_petition_subjects(app_store(app), x->r.id, x->a, &l)) < 0)
		return gate_store_error(e, rc, NOUN_RECORD);
	orgs = arena_alloc(x->a, (l.n + 1) * sizeof(*orgs));
	persons = arena_alloc(x->a, (l.n + 1) * sizeof(*persons));
	if (!orgs || !persons)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < l.n; i++) {
		if (l.v[i].org_id)
			orgs[c.nsubject_orgs++] = l.v[i].org_id;
		else
			persons[c.nsubject_persons++] = l.v[i].person_id;
	}
	c.subject_orgs = orgs;
	c.subject_persons = persons;
	date_format_vn(x->r.received, day);
	snprintf(title, sizeof(title), "%s (đơn nhận ngày %s)",
	         complaint ? "Giải quyết khiếu nại kỷ luật" : "Giải quyết tố cáo", day);
	c.kind = case_kind_code(complaint ? KIND_COMPLAINT : KIND_DENUNCIATION);
	c.title = title;
	c.linked_case = complaint ? x->r.contested_case : 0;
	/* a letter that both complains and denounces: a complaint, and the
	 * sender told how to denounce (Hướng dẫn 02-HD/TW) */
	if (!x->r.note && strcmp(x->r.kind, "khieu_nai_to_cao") == 0)
		x->r.note = "Xử lý theo khiếu nại; đã hướng dẫn người gửi cách gửi đơn tố cáo";
	return case_create(app, x->who, &c, x->a, ret_case, NULL, e);
}

/* TRANSFER and KEEP: what goes with them, checked. */
static int check_other(struct classifying *x, struct err *e)
{
	const struct petition_classify_input *in = x->in;
	int rc;

	if (in->action == PETITION_KEEP) {
		if (!in->reason || !code_find(reasons, CASE_N(reasons), in->reason))
			return code_refuse(e, "reason", "Lý do lưu đơn", "The reason", reasons,
			                   CASE_N(reasons));
		x->r.reason = in->reason;
		if (strcmp(in->reason, "khac") == 0 && !x->r.note)
			return err_set(e, HOSO_E_MISSING, "note", "Ghi rõ lý do khác",
			               "State the other reason");
		return 0;
	}
	if ((rc = app_text_clean(x->a, in->transfer_to, "transfer_to", NAME_MAX_CHARS,
	                         &x->r.transfer_to, e)) < 0 ||
	    (rc = app_text_clean(x->a, in->transfer_number, "transfer_number", 100,
	                         &x->r.transfer_number, e)) < 0)
		return rc;
	if (!x->r.transfer_to)
		return err_set(e, HOSO_E_MISSING, "transfer_to", "Thiếu nơi chuyển đơn đến",
		               "The receiving body is missing");
	x->r.transfer_date = in->transfer_date == DATE_NONE ? date_today() : in->transfer_date;
	if (x->r.transfer_date < x->r.received || x->r.transfer_date > date_today())
		return err_set(e, HOSO_E_BAD_DATE, "transfer_date",
		               "Ngày chuyển đơn phải từ ngày nhận đơn đến hôm nay",
		               "The transfer date must be between the date received and today");
	return 0;
}

int petition_classify(struct app *app, const struct actor *who, int64_t id,
                      const struct petition_classify_input *in, int64_t *ret_case, struct err *e)
{
	struct gate_write w = {"classify", "petition", 0, NULL, NOUN_RECORD};
	struct classifying x = {.who = who, .in = in};
	struct arena a;
	int rc;

	*ret_case = 0;
	if ((rc = gate_role(who, 1u << ROLE_LEADER, e)) < 0)
		return rc;
	if ((unsigned)in->action >= PETITION_ACTION__MAX)
		return err_set(e, HOSO_E_BAD_ENUM, "action",
		               "Cách xử lý là thu_ly, chuyen hoặc luu",
		               "The action is thu_ly, chuyen or luu");
	arena_init(&a, 1 << 14);
	x.a = &a;
	if ((rc = petition_fetch(app, who, id, &a, &x.r, e)) == 0 && strcmp(x.r.state, "moi") != 0)
		rc = err_set(e, HOSO_E_CONFLICT, "state", "Đơn đã được phân loại",
		             "The letter is already classified");
	if (rc == 0 && in->version != x.r.version)
		rc = gate_store_error(e, HOSO_E_CONFLICT, NOUN_RECORD);
	if (rc == 0) {
		x.r.state = action_state[in->action];
		x.r.classified_by = who->user_id;
		rc = app_text_clean(&a, in->note, "note", 2000, &x.r.note, e);
	}
	if (rc == 0 && in->action == PETITION_HANDLE)
		rc = open_case(app, &x, ret_case, e);
	else if (rc == 0 && (rc = check_other(&x, e)) == 0)
		rc = gate_write(app, who, &w, write_other, &x, e);
	arena_release(&a);
	return rc;
}
