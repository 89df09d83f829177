/*
 * person.c - persons: validation, keys, membership, search (see person.h).
 */
#include "app/person.h"

#include <jansson.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/codes.h"
#include "app/gate.h"
#include "app/scope.h"
#include "core/parse.h"
#include "vi/vi.h"

#include "core/banned.h"

#define NAME_MAX_BYTES 200
/* Roles that may write person records. */
#define WRITE_ROLES    (1u << ROLE_ADMIN | 1u << ROLE_OFFICER)
#define TEXT_MAX_BYTES 500

static const struct code_name statuses[PERSON_STATUS__MAX] = {
    [PERSON_APPLICANT] = {"quan_chung", "Quần chúng", "Non-member"},
    [PERSON_PROBATIONARY] = {"du_bi", "Dự bị", "Probationary member"},
    [PERSON_FULL] = {"chinh_thuc", "Chính thức", "Full member"},
    [PERSON_TRANSFERRED] = {"chuyen_di", "Chuyển đi", "Transferred out"},
    [PERSON_STRUCK_OFF] = {"xoa_ten", "Xóa tên", "Struck off"},
    [PERSON_EXPELLED] = {"khai_tru", "Khai trừ", "Expelled"},
    [PERSON_DECEASED] = {"tu_tran", "Từ trần", "Deceased"},
};

json_t *person_status_codes_json(void)
{
	return code_list_json(statuses, PERSON_STATUS__MAX);
}

const char *person_status_code(enum person_status s)
{
	return s < PERSON_STATUS__MAX ? statuses[s].code : NULL;
}

int person_status_parse(const char *s, enum person_status *ret)
{
	/* "Đảng viên chính thức", "ĐV dự bị" */
	const struct code_name *c = code_parse(statuses, PERSON_STATUS__MAX, s, 1);

	if (!c)
		return HOSO_E_BAD_ENUM;
	*ret = (enum person_status)(c - statuses);
	return 0;
}

const char *person_status_label(const char *code)
{
	enum person_status s;

	if (code && person_status_parse(code, &s) == 0)
		return statuses[s].vi;
	return code ? code : "";
}

/* NFC and collapse whitespace into a fresh arena string; NULL when blank. */
/* Keep digits only, dropping spaces, dots and dashes users type. */
static int digits_only(const char *s, struct buf *out)
{
	int rc;

	buf_reset(out);
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if ((rc = buf_addch(out, *s)) < 0)
				return rc;
		} else if (*s != ' ' && *s != '.' && *s != '-') {
			return HOSO_E_INVALID;
		}
	}
	return 0;
}

int person_check_cccd(const char *s, struct buf *out, struct err *e)
{
	int rc = digits_only(s, out);

	if (rc == HOSO_E_NOMEM)
		return err_set(e, rc, "cccd", NULL, NULL); /* not the number's fault */
	if (rc < 0 || out->len != 12)
		return err_set(e, HOSO_E_BAD_CCCD, "cccd", "Số CCCD '%s' phải gồm đúng 12 chữ số",
		               "Citizen ID '%s' must be exactly 12 digits", s);
	return 0;
}

int person_check_party_file(const char *s, struct buf *out, struct err *e)
{
	size_t digits = 0, letters = 0;
	int rc = 0;

	buf_reset(out);
	for (const unsigned char *p = (const unsigned char *)s; *p && rc == 0; p++) {
		if (*p == ' ' || *p == '-' || *p == '/' || *p == '.')
			continue;
		if (*p >= '0' && *p <= '9' && letters == 0) {
			digits++;
			rc = buf_addch(out, (char)*p);
		} else if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
			letters++;
			rc = buf_addch(out, (char)(*p >= 'a' ? *p - 32 : *p));
		} else if ((p[0] == 0xC4 && (p[1] == 0x90 || p[1] == 0x91))) {
			/* Đ/đ in a provincial code: store it as D. */
			letters++;
			rc = buf_addch(out, 'D');
			p++;
		} else {
			digits = 99;
			break;
		}
	}
	/* A character that did not go in would shorten the stored number. */
	if (rc == HOSO_E_NOMEM)
		return err_set(e, rc, "party_file_no", NULL, NULL);
	if (digits != 6 || letters < 2 || letters > 3)
		return err_set(e, HOSO_E_BAD_PARTY_FILE, "party_file_no",
		               "Số lý lịch '%s' phải gồm 6 chữ số và mã tỉnh 2–3 chữ cái "
		               "(ví dụ 012345DB)",
		               "Party file number '%s' must be 6 digits and a 2–3 letter "
		               "provincial code (e.g. 012345DB)",
		               s);
	return 0;
}

int person_check_party_card(const char *s, struct buf *out, struct err *e)
{
	int rc = digits_only(s, out);

	if (rc == HOSO_E_NOMEM)
		return err_set(e, rc, "party_card_no", NULL, NULL);
	if (rc < 0 || out->len < 6 || out->len > 12)
		return err_set(e, HOSO_E_INVALID, "party_card_no",
		               "Số thẻ đảng viên '%s' phải gồm 6–12 chữ số",
		               "Party card number '%s' must be 6–12 digits", s);
	return 0;
}

/* The code set "sex": what parse_sex stores. */
static const struct code_name sexes[] = {{"nam", "Nam", "Male"}, {"nu", "Nữ", "Female"}};

json_t *person_sex_codes_json(void)
{
	return code_list_json(sexes, sizeof(sexes) / sizeof(sexes[0]));
}

static int parse_sex(const char *s, const char **ret, struct err *e)
{
	struct buf k = BUF_INIT(64);
	int rc = 0;

	*ret = NULL;
	if (app_text_blank(s))
		return 0;
	if ((rc = vi_search_key(s, strlen(s), &k)) == HOSO_E_NOMEM) {
		buf_release(&k);
		return err_set(e, rc, "sex", NULL, NULL);
	}
	if (rc < 0)
		rc = HOSO_E_BAD_ENUM;
	else if (!strcmp(k.buf, "nam") || !strcmp(k.buf, "male") || !strcmp(k.buf, "m"))
		*ret = sexes[0].code;
	else if (!strcmp(k.buf, "nu") || !strcmp(k.buf, "female") || !strcmp(k.buf, "f"))
		*ret = sexes[1].code;
	else
		rc = HOSO_E_BAD_ENUM;
	buf_release(&k);
	if (rc < 0)
		return err_set(e, rc, "sex", "Giới tính '%s' không hợp lệ (Nam hoặc Nữ)",
		               "Sex '%s' is invalid (Nam or Nữ)", s);
	return 0;
}

static int parse_full_date(const char *s, const char *field, const char *label_vi,
                           const char *label_en, int32_t *ret, struct err *e)
{
	struct pdate p;

	*ret = DATE_NONE;
	if (app_text_blank(s))
		return 0;
	if (pdate_parse(s, strlen(s), &p) < 0) {
		err_set(e, HOSO_E_BAD_DATE, field, "%s '%s' không hợp lệ (dạng dd/mm/yyyy)", NULL,
		        label_vi, s);
		err_en(e, "%s '%s' is not a valid date (dd/mm/yyyy)", label_en, s);
		return HOSO_E_BAD_DATE;
	}
	if (!pdate_is_full(&p)) {
		err_set(e, HOSO_E_BAD_DATE, field, "%s '%s' cần đủ ngày, tháng, năm", NULL,
		        label_vi, s);
		err_en(e, "%s '%s' needs day, month and year", label_en, s);
		return HOSO_E_BAD_DATE;
	}
	*ret = date_days(p.y, p.m, p.d);
	return 0;
}

/* The full name, its split (given, or derived) and the keys built from
 * them. */
static int prepare_name(const struct person_input *in, struct arena *a, struct person_row *r,
                        struct err *e)
{
	struct buf fam = BUF_INIT(1024), mid = BUF_INIT(1024), giv = BUF_INIT(1024);
	struct buf key = BUF_INIT(4096), tmp = BUF_INIT(256);
	int rc;

	if ((rc = app_text_need(a, in->full_name, "full_name", NAME_MAX_BYTES, &r->full_name,
	                        "Thiếu họ và tên", "The full name is missing", e)) < 0)
		goto out;
	rc = vi_name_split(r->full_name, strlen(r->full_name), &fam, &mid, &giv);
	if (rc == HOSO_E_NOMEM) {
		err_set(e, rc, "full_name", NULL, NULL); /* not the name's fault */
		goto out;
	}
	if (rc < 0) {
		rc = err_set(e, HOSO_E_BAD_NAME, "full_name",
		             "Họ tên '%s' không hợp lệ (chỉ gồm chữ cái, dấu cách, '-' và ''')",
		             "Name '%s' is invalid (letters, spaces, '-' and ''' only)",
		             r->full_name);
		goto out;
	}
	if (!app_text_blank(in->given_name) || !app_text_blank(in->family_name) ||
	    !app_text_blank(in->middle_name)) {
		/* An edited split: the parts must spell the full name. */
		const char *f, *m, *g;

		if ((rc = app_text_clean(a, in->family_name, "family_name", NAME_MAX_BYTES, &f,
		                         e)) < 0 ||
		    (rc = app_text_clean(a, in->middle_name, "middle_name", NAME_MAX_BYTES, &m,
		                         e)) < 0 ||
		    (rc = app_text_clean(a, in->given_name, "given_name", NAME_MAX_BYTES, &g, e)) <
		        0)
			goto out;
		buf_reset(&tmp);
		buf_addf(&tmp, "%s%s%s%s%s", f ? f : "", f && (m || g) ? " " : "", m ? m : "",
		         m && g ? " " : "", g ? g : "");
		if (!g || strcmp(tmp.buf, r->full_name) != 0) {
			rc =
			    err_set(e, HOSO_E_INVALID, "given_name",
			            "Họ, tên đệm và tên phải ghép lại đúng họ và tên '%s'",
			            "Family, middle and given names must spell '%s'", r->full_name);
			goto out;
		}
		r->family_name = f ? f : "";
		r->middle_name = m ? m : "";
		r->given_name = g;
		r->name_manual = 1;
	} else {
		r->family_name = arena_strndup(a, fam.buf, fam.len);
		r->middle_name = arena_strndup(a, mid.buf, mid.len);
		r->given_name = arena_strndup(a, giv.buf, giv.len);
	}
	if ((rc = vi_search_key(r->full_name, strlen(r->full_name), &key)) < 0 ||
	    (rc = vi_person_sort_key(r->family_name, r->middle_name, r->given_name, &tmp)) < 0) {
		err_set(e, rc, "full_name", NULL, NULL);
		goto out;
	}
	r->search_key = arena_strndup(a, key.buf, key.len);
	r->sort_key = arena_alloc(a, tmp.len ? tmp.len : 1);
	if (!r->search_key || !r->sort_key) {
		rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		goto out;
	}
	memcpy((void *)r->sort_key, tmp.buf, tmp.len);
	r->sort_key_len = tmp.len;
out:
	buf_release(&fam);
	buf_release(&mid);
	buf_release(&giv);
	buf_release(&key);
	buf_release(&tmp);
	return rc;
}

/* One identifier through its validator, into the arena (blank: none). */
static int prepare_id(const char *s, int (*check)(const char *, struct buf *, struct err *),
                      struct arena *a, const char **ret, struct err *e)
{
	struct buf tmp = BUF_INIT(256);
	int rc = 0;

	*ret = NULL;
	if (!app_text_blank(s) && (rc = check(s, &tmp, e)) == 0 &&
	    !(*ret = arena_strndup(a, tmp.buf, tmp.len)))
		rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	buf_release(&tmp);
	return rc;
}

/* Sex, birth date (partial), places, identifiers. */
static int prepare_identity(const struct person_input *in, struct arena *a, struct person_row *r,
                            struct pdate *birth, struct err *e)
{
	int rc;

	if ((rc = parse_sex(in->sex, &r->sex, e)) < 0)
		return rc;
	if (!app_text_blank(in->birth_date)) {
		char iso[DATE_BUF];

		if (pdate_parse(in->birth_date, strlen(in->birth_date), birth) < 0 ||
		    birth->y < 1900 ||
		    date_days(birth->y, birth->m ? birth->m : 1, birth->d ? birth->d : 1) >
		        date_today())
			return err_set(
			    e, HOSO_E_BAD_DATE, "birth_date",
			    "Ngày sinh '%s' không hợp lệ (dd/mm/yyyy, mm/yyyy hoặc yyyy)",
			    "Birth date '%s' is invalid (dd/mm/yyyy, mm/yyyy or yyyy)",
			    in->birth_date);
		pdate_format_iso(birth, iso);
		if (!(r->birth_date = arena_strdup(a, iso)))
			return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	if ((rc = app_text_clean(a, in->home_town, "home_town", TEXT_MAX_BYTES, &r->home_town, e)) <
	        0 ||
	    (rc = app_text_clean(a, in->residence, "residence", TEXT_MAX_BYTES, &r->residence, e)) <
	        0 ||
	    (rc = app_text_clean(a, in->ethnicity, "ethnicity", 100, &r->ethnicity, e)) < 0 ||
	    (rc = app_text_clean(a, in->management_level, "management_level", 100,
	                         &r->management_level, e)) < 0)
		return rc;
	if ((rc = prepare_id(in->cccd, person_check_cccd, a, &r->cccd, e)) < 0 ||
	    (rc = prepare_id(in->party_file_no, person_check_party_file, a, &r->party_file_no, e)) <
	        0)
		return rc;
	return prepare_id(in->party_card_no, person_check_party_card, a, &r->party_card_no, e);
}

/* Admission and full-membership dates, and the status they imply unless
 * one is given. */
static int prepare_membership(const struct person_input *in, const struct pdate *birth,
                              struct person_row *r, struct err *e)
{
	int32_t today = date_today(), joined;
	enum person_status st;
	int rc;

	if ((rc = parse_full_date(in->admission_date, "admission_date", "Ngày vào Đảng",
	                          "Admission date", &r->admission_date, e)) < 0 ||
	    (rc = parse_full_date(in->full_member_date, "full_member_date", "Ngày chính thức",
	                          "Full membership date", &r->full_member_date, e)) < 0 ||
	    (rc = parse_full_date(in->joined, "joined", "Ngày sinh hoạt", "Joining date", &joined,
	                          e)) < 0)
		return rc;
	if (r->admission_date != DATE_NONE && r->admission_date > today)
		return err_set(e, HOSO_E_BAD_DATE, "admission_date", "Ngày vào Đảng ở tương lai",
		               "Admission date is in the future");
	if (r->admission_date != DATE_NONE && birth->y &&
	    r->admission_date <
	        date_days(birth->y + 18, birth->m ? birth->m : 12, birth->d ? birth->d : 1))
		return err_set(e, HOSO_E_BAD_DATE, "admission_date",
		               "Ngày vào Đảng trước khi đủ 18 tuổi",
		               "Admission date is before the person turned 18");
	if (r->full_member_date != DATE_NONE &&
	    (r->admission_date == DATE_NONE || r->full_member_date <= r->admission_date ||
	     r->full_member_date > today))
		return err_set(e, HOSO_E_BAD_DATE, "full_member_date",
		               "Ngày chính thức phải sau ngày vào Đảng và không ở tương lai",
		               "Full membership date must follow the admission date and not be "
		               "in the future");
	if (!app_text_blank(in->status)) {
		if (person_status_parse(in->status, &st) < 0)
			return err_set(
			    e, HOSO_E_BAD_ENUM, "status",
			    "Trạng thái '%s' không hợp lệ (Dự bị, Chính thức, Chuyển đi, "
			    "Xóa tên, Khai trừ, Từ trần, Quần chúng)",
			    "Status '%s' is invalid", in->status);
	} else if (r->full_member_date != DATE_NONE) {
		st = PERSON_FULL;
	} else if (r->admission_date != DATE_NONE) {
		st = PERSON_PROBATIONARY;
	} else {
		st = PERSON_APPLICANT;
	}
	r->status = statuses[st].code;
	return 0;
}

int person_prepare(struct app *app, const struct person_input *in, struct arena *a,
                   struct person_row *r, struct err *e)
{
	struct pdate birth = {0};
	int rc;

	(void)app;
	memset(r, 0, sizeof(*r));
	r->admission_date = r->full_member_date = DATE_NONE;
	if ((rc = prepare_name(in, a, r, e)) < 0 ||
	    (rc = prepare_identity(in, a, r, &birth, e)) < 0 ||
	    (rc = prepare_membership(in, &birth, r, e)) < 0)
		return rc;
	if (in->confidentiality < 0 || in->confidentiality >= CLEARANCE__MAX)
		return err_set(e, HOSO_E_RANGE, "confidentiality", "Độ mật không hợp lệ",
		               "Invalid confidentiality level");
	r->confidentiality = in->confidentiality;
	r->org_id = in->org_id;
	return 0;
}

/* May who see this person?  Out of scope or above clearance: not found. */
static int visible(struct app *app, const struct actor *who, const struct person_row *p)
{
	if ((int)who->clearance < p->confidentiality)
		return 0;
	if (who->scope_org == 0)
		return 1;
	return p->org_id && scope_contains(app, who, p->org_id) == 1;
}

static int check_org(struct app *app, const struct actor *who, int64_t org, int32_t day,
                     struct err *e)
{
	struct arena a;
	struct org_row r;
	int rc;

	if (!org)
		return 0;
	if (scope_contains(app, who, org) != 1)
		return gate_not_found(e, "org", NOUN_ORG);
	arena_init(&a, 1 << 20);
	rc = store_org_at(app_store(app), org, day, &a, &r);
	arena_release(&a);
	if (rc == HOSO_E_NOT_FOUND)
		return err_set(e, HOSO_E_ORG_STATE, "org", "Tổ chức không hoạt động vào ngày này",
		               "The organisation is not active on that date");
	return rc < 0 ? err_set(e, rc, "org", NULL, NULL) : 0;
}

int person_insert_prepared(struct app *app, struct person_row *row, int32_t joined, int64_t *ret_id,
                           struct err *e)
{
	int64_t id;
	int rc = store_person_insert(app_store(app), row, &id, e);

	if (rc < 0)
		return rc;
	scope_members_changed();
	if (row->org_id) {
		struct membership_row m = {
		    .person_id = id,
		    .org_id = row->org_id,
		    .valid_from = joined,
		    .valid_to = DATE_OPEN,
		    .status = row->status,
		};

		rc = store_membership_insert(app_store(app), &m, NULL);
		if (rc < 0)
			return err_set(e, rc, NULL, NULL, NULL);
	}
	if (ret_id)
		*ret_id = id;
	return 0;
}

static int32_t joined_day(const struct person_row *r, const struct person_input *in)
{
	struct pdate p;

	if (in->joined && pdate_parse(in->joined, strlen(in->joined), &p) == 0 && pdate_is_full(&p))
		return date_days(p.y, p.m, p.d);
	if (r->admission_date != DATE_NONE)
		return r->admission_date;
	return date_today();
}

/* The text fields of a person an audit entry compares. */
static const struct {
	const char *name;
	size_t off;
} person_texts[] = {
    {"full_name", offsetof(struct person_row, full_name)},
    {"sex", offsetof(struct person_row, sex)},
    {"birth_date", offsetof(struct person_row, birth_date)},
    {"home_town", offsetof(struct person_row, home_town)},
    {"residence", offsetof(struct person_row, residence)},
    {"ethnicity", offsetof(struct person_row, ethnicity)},
    {"cccd", offsetof(struct person_row, cccd)},
    {"party_file_no", offsetof(struct person_row, party_file_no)},
    {"party_card_no", offsetof(struct person_row, party_card_no)},
    {"status", offsetof(struct person_row, status)},
    {"management_level", offsetof(struct person_row, management_level)},
};

static const char *text_at(const struct person_row *p, size_t off)
{
	return p ? *(const char *const *)((const char *)p + off) : NULL;
}

/* The fields that differ between before and after (either may be NULL: a
 * creation has no before), as {"field": {"before", "after"}}; NULL when
 * out of memory. */
static json_t *person_diff(const struct person_row *b, const struct person_row *a)
{
	const struct {
		const char *name;
		int64_t before, after;
		int is_date;
	} nums[] = {
	    {"admission_date", b ? b->admission_date : DATE_NONE, a ? a->admission_date : DATE_NONE,
	     1},
	    {"full_member_date", b ? b->full_member_date : DATE_NONE,
	     a ? a->full_member_date : DATE_NONE, 1},
	    {"org", b ? b->org_id : 0, a ? a->org_id : 0, 0},
	    {"confidentiality", b ? b->confidentiality : 0, a ? a->confidentiality : 0, 0},
	};
	json_t *d = json_object();

	for (size_t i = 0; i < sizeof(person_texts) / sizeof(person_texts[0]); i++) {
		const char *x = text_at(b, person_texts[i].off),
		           *y = text_at(a, person_texts[i].off);

		if ((x == NULL) != (y == NULL) || (x && y && strcmp(x, y) != 0))
			d = audit_detail_set(d, person_texts[i].name,
			                     json_pack("{s:s?,s:s?}", "before", x, "after", y));
	}
	for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		if (b && a && nums[i].before == nums[i].after)
			continue;
		if (nums[i].is_date)
			d = audit_detail_set(
			    d, nums[i].name,
			    json_pack("{s:o,s:o}", "before",
			              b ? code_date_json((int32_t)nums[i].before) : json_null(),
			              "after",
			              a ? code_date_json((int32_t)nums[i].after) : json_null()));
		else
			d = audit_detail_set(
			    d, nums[i].name,
			    json_pack("{s:o,s:o}", "before",
			              b ? json_integer(nums[i].before) : json_null(), "after",
			              a ? json_integer(nums[i].after) : json_null()));
	}
	return d; /* NULL when out of memory */
}

/*
 * The identifiers of r (id: its own record, 0 for a new one) against the
 * records that already hold them.  Held by a record the actor may see:
 * HOSO_E_DUPLICATE naming it.  Held only by records hidden from the actor:
 * r is kept, flagged as a possible duplicate of the first (r->dup_of), so
 * that the answer does not tell the actor that a hidden record exists.
 */
static int check_identifiers(struct app *app, const struct actor *who, struct person_row *r,
                             struct arena *a, struct err *e)
{
	const struct {
		const char *field, *vi, *en, *value;
	} ids[] = {
	    {"cccd", "Số CCCD", "Citizen ID", r->cccd},
	    {"party_file_no", "Số lý lịch", "Party file number", r->party_file_no},
	    {"party_card_no", "Số thẻ đảng viên", "Party card number", r->party_card_no},
	};

	r->dup_of = 0;
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		struct id_list h = {0};
		int rc;

		if (!ids[i].value)
			continue;
		if ((rc = store_person_holders(app_store(app), ids[i].field, ids[i].value, a, &h)) <
		    0)
			return gate_store_error(e, rc, NOUN_RECORD);
		for (size_t k = 0; k < h.n; k++) {
			struct person_row o;

			if (h.v[k] == r->id || store_person_get(app_store(app), h.v[k], a, &o) < 0)
				continue;
			if (visible(app, who, &o)) {
				err_set(e, HOSO_E_DUPLICATE, ids[i].field,
				        "%s %s đã có trong hồ sơ của %s (mã %lld)", NULL, ids[i].vi,
				        ids[i].value, o.full_name, (long long)o.id);
				return err_en(e, "%s %s is already on the record of %s (id %lld)",
				              ids[i].en, ids[i].value, o.full_name,
				              (long long)o.id);
			}
			if (!r->dup_of)
				r->dup_of = o.dup_of ? o.dup_of : o.id;
		}
	}
	return 0;
}

struct person_write {
	struct person_row row;
	int32_t joined;
	const struct person_row *before;
};

static int create_write(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	struct person_write *x = arg;
	int rc = person_insert_prepared(app, &x->row, x->joined, &w->object_id, e);

	if (rc == 0)
		w->detail = person_diff(NULL, &x->row);
	return rc;
}

int person_create(struct app *app, const struct actor *who, const struct person_input *in,
                  int64_t *ret_id, struct err *e)
{
	struct person_write x = {0};
	struct gate_write w = {"create", "person", 0, NULL, NOUN_RECORD};
	struct arena a;
	int rc;

	if ((rc = gate_role(who, WRITE_ROLES, e)) < 0)
		return rc;
	if (who->scope_org && !in->org_id)
		return err_set(e, HOSO_E_MISSING, "org", "Thiếu tổ chức sinh hoạt",
		               "The organisation is missing");
	arena_init(&a, 1 << 20);
	if ((rc = person_prepare(app, in, &a, &x.row, e)) < 0 ||
	    (rc = gate_clearance(who, x.row.confidentiality, e)) < 0)
		goto out;
	x.joined = joined_day(&x.row, in);
	if ((rc = check_org(app, who, x.row.org_id, x.joined, e)) < 0 ||
	    (rc = check_identifiers(app, who, &x.row, &a, e)) < 0)
		goto out;
	if ((rc = gate_write(app, who, &w, create_write, &x, e)) == 0 && ret_id)
		*ret_id = w.object_id;
out:
	arena_release(&a);
	return rc;
}

int person_get(struct app *app, const struct actor *who, int64_t id, struct arena *a,
               struct person_row *ret, struct err *e)
{
	int rc = store_person_get(app_store(app), id, a, ret);

	if (rc == 0 && !visible(app, who, ret))
		rc = HOSO_E_NOT_FOUND;
	if (rc == HOSO_E_NOT_FOUND)
		return gate_not_found(e, "id", NOUN_RECORD);
	return rc < 0 ? err_set(e, rc, NULL, NULL, NULL) : 0;
}

/* Roles that may read person records (auditors read the trail only). */
#define READ_ROLES (1u << ROLE_ADMIN | 1u << ROLE_OFFICER | 1u << ROLE_LEADER | 1u << ROLE_VIEWER)

/* The person id as it is, for a change by who (an administrator or an
 * officer who may see it): the refusals of gate_role, then of person_get. */
static int person_to_change(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                            struct person_row *ret, struct err *e)
{
	int rc = gate_role(who, WRITE_ROLES, e);

	return rc < 0 ? rc : person_get(app, who, id, a, ret, e);
}

int person_read(struct app *app, const struct actor *who, int64_t id, const char *reason,
                struct arena *a, struct person_row *ret, struct membership_list *ret_ms,
                struct position_list *ret_ps, struct err *e)
{
	struct audit_entry en = {"read", "person", id, NULL, 0};
	struct actor glass;
	int rc = gate_role(who, READ_ROLES, e);

	if (rc < 0)
		return rc;
	rc = store_person_get(app_store(app), id, a, ret);

	if (rc == 0 && !visible(app, who, ret)) {
		/* Breaking the glass: leaders and administrators may read outside
		 * their scope (never above their clearance) with a stated reason;
		 * the read is flagged for review. */
		int allowed = reason && strlen(reason) >= 10 && strlen(reason) <= 500 &&
		              (who->roles & (1u << ROLE_LEADER | 1u << ROLE_ADMIN)) &&
		              (int)who->clearance >= ret->confidentiality;

		if (!allowed)
			rc = HOSO_E_NOT_FOUND;
		en.flagged = 1;
	}
	if (rc == HOSO_E_NOT_FOUND)
		return gate_not_found(e, "id", NOUN_RECORD);
	if (rc < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if (ret_ms && (rc = store_membership_of(app_store(app), id, a, ret_ms)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if (ret_ps && (rc = store_position_of(app_store(app), id, a, ret_ps)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	glass = *who;
	if (en.flagged)
		glass.purpose = reason;
	return audit_record(app, &glass, &en, e);
}

/*
 * What an update makes of a record: the fields sent (in: NULL keeps the
 * stored value, "" clears it) over those stored (cur).  A status not sent
 * follows changed membership dates when it is one the dates imply.
 */
static void merge_input(const struct person_row *cur, const struct person_input *in,
                        struct arena *a, struct person_input *out)
{
	int named = in->full_name || in->family_name || in->middle_name || in->given_name;
	int derived = strcmp(cur->status, statuses[PERSON_APPLICANT].code) == 0 ||
	              strcmp(cur->status, statuses[PERSON_PROBATIONARY].code) == 0 ||
	              strcmp(cur->status, statuses[PERSON_FULL].code) == 0;

	memset(out, 0, sizeof(*out));
	out->full_name = in->full_name ? in->full_name : cur->full_name;
	if (named) {
		out->family_name = in->family_name;
		out->middle_name = in->middle_name;
		out->given_name = in->given_name;
	} else if (cur->name_manual) {
		out->family_name = cur->family_name;
		out->middle_name = cur->middle_name;
		out->given_name = cur->given_name;
	}
	out->sex = in->sex ? in->sex : cur->sex;
	out->birth_date = in->birth_date ? in->birth_date : cur->birth_date;
	out->home_town = in->home_town ? in->home_town : cur->home_town;
	out->residence = in->residence ? in->residence : cur->residence;
	out->ethnicity = in->ethnicity ? in->ethnicity : cur->ethnicity;
	out->cccd = in->cccd ? in->cccd : cur->cccd;
	out->party_file_no = in->party_file_no ? in->party_file_no : cur->party_file_no;
	out->party_card_no = in->party_card_no ? in->party_card_no : cur->party_card_no;
	out->admission_date =
	    in->admission_date ? in->admission_date : code_date_text(a, cur->admission_date);
	out->full_member_date =
	    in->full_member_date ? in->full_member_date : code_date_text(a, cur->full_member_date);
	out->management_level = in->management_level ? in->management_level : cur->management_level;
	if (in->status)
		out->status = in->status;
	else if (!(derived && (in->admission_date || in->full_member_date)))
		out->status = cur->status;
	out->confidentiality = cur->confidentiality;
	out->org_id = cur->org_id;
}

static int update_write(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	struct person_write *x = arg;
	int rc = store_person_update(app_store(app), &x->row, e);

	if (rc == 0)
		w->detail = person_diff(x->before, &x->row);
	return rc;
}

int person_update(struct app *app, const struct actor *who, int64_t id, int64_t version,
                  const struct person_input *in, struct err *e)
{
	struct person_write x = {0};
	struct gate_write w = {"update", "person", id, NULL, NOUN_RECORD};
	struct person_input merged;
	struct person_row cur;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 20);
	if ((rc = person_to_change(app, who, id, &a, &cur, e)) < 0)
		goto out;
	merge_input(&cur, in, &a, &merged);
	if ((rc = person_prepare(app, &merged, &a, &x.row, e)) < 0)
		goto out;
	x.row.id = id;
	x.row.version = version;
	x.before = &cur;
	if ((rc = check_identifiers(app, who, &x.row, &a, e)) < 0)
		goto out;
	rc = gate_write(app, who, &w, update_write, &x, e);
out:
	arena_release(&a);
	return rc;
}

static int classify_write(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	struct person_write *x = arg;

	w->detail = person_diff(x->before, &x->row);
	return store_person_update(app_store(app), &x->row, e);
}

int person_set_confidentiality(struct app *app, const struct actor *who, int64_t id, int level,
                               int64_t version, const char *reason, struct err *e)
{
	struct person_write x = {0};
	struct gate_write w = {"confidentiality", "person", id, NULL, NOUN_RECORD};
	struct actor why = *who;
	struct person_row cur;
	struct arena a;
	int rc;

	if ((rc = gate_role(who, 1u << ROLE_ADMIN | 1u << ROLE_LEADER, e)) < 0)
		return rc;
	if (level < 0 || level >= CLEARANCE__MAX)
		return err_set(e, HOSO_E_RANGE, "confidentiality", "Độ mật là 0, 1 hoặc 2",
		               "Confidentiality is 0, 1 or 2");
	arena_init(&a, 1 << 20);
	/* person_get refuses a record above the actor's clearance as missing. */
	if ((rc = person_get(app, who, id, &a, &cur, e)) < 0 ||
	    (rc = gate_clearance(who, level, e)) < 0)
		goto out;
	x.row = cur;
	x.row.confidentiality = level;
	x.row.version = version;
	x.before = &cur;
	why.purpose = reason && *reason ? reason : who->purpose;
	rc = gate_write(app, &why, &w, classify_write, &x, e);
out:
	arena_release(&a);
	return rc;
}

int person_memberships(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                       struct membership_list *ret, struct err *e)
{
	struct person_row p;
	int rc = person_get(app, who, id, a, &p, e);

	if (rc == 0 && (rc = store_membership_of(app_store(app), id, a, ret)) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	return rc;
}

/* Position pos of a person, titled title (cleaned into a): a title, an
 * end after its start, an organisation (when one is named) in the actor's
 * scope. */
static int check_position(struct app *app, const struct actor *who, struct position_row *pos,
                          const char *title, struct arena *a, struct err *e)
{
	int rc = app_text_need(a, title, "title", 200, &pos->title, "Thiếu tên chức vụ",
	                       "The title is missing", e);

	if (rc < 0)
		return rc;
	if (pos->valid_from == DATE_NONE ||
	    (pos->valid_to != DATE_OPEN && pos->valid_to <= pos->valid_from))
		return err_set(e, HOSO_E_BAD_DATE, "to", "Ngày kết thúc phải sau ngày bắt đầu",
		               "The end date must follow the start date");
	if (pos->org_id && scope_contains(app, who, pos->org_id) != 1)
		return gate_not_found(e, "org", NOUN_ORG);
	return 0;
}

int person_add_position(struct app *app, const struct actor *who, int64_t id, int64_t org_id,
                        const char *title, int32_t from, int32_t to, int64_t *ret_id, struct err *e)
{
	struct position_row pos = {
	    .person_id = id, .org_id = org_id, .valid_from = from, .valid_to = to};
	struct gate_write w = {"position", "person", id, NULL, NOUN_RECORD};
	struct person_row p;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 20);
	if ((rc = person_to_change(app, who, id, &a, &p, e)) < 0 ||
	    (rc = check_position(app, who, &pos, title, &a, e)) < 0 ||
	    (rc = gate_begin(app, e)) < 0)
		goto out;
	w.detail = json_pack("{s:s,s:I}", "title", pos.title, "org", (json_int_t)org_id);
	rc = gate_end(app, who, store_position_insert(app_store(app), &pos, ret_id), &w, e);
out:
	arena_release(&a);
	return rc;
}

/* Person p may move to organisation to_org on day: another organisation,
 * alive then in the actor's scope, and after the current membership began. */
static int check_transfer(struct app *app, const struct actor *who, const struct person_row *p,
                          int64_t to_org, int32_t day, struct arena *a, struct err *e)
{
	struct membership_list ms;
	int rc;

	if (p->org_id == to_org)
		return err_set(e, HOSO_E_INVALID, "org", "Đảng viên đã sinh hoạt tại tổ chức này",
		               "The member already belongs to this organisation");
	if ((rc = check_org(app, who, to_org, day, e)) < 0)
		return rc;
	if ((rc = store_membership_of(app_store(app), p->id, a, &ms)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	for (size_t i = 0; i < ms.n; i++)
		if (ms.v[i].valid_to == DATE_OPEN && ms.v[i].valid_from >= day)
			return err_set(e, HOSO_E_BAD_DATE, "date",
			               "Ngày chuyển phải sau ngày bắt đầu sinh hoạt hiện tại",
			               "The transfer date must follow the start of the current "
			               "membership");
	return 0;
}

int person_transfer(struct app *app, const struct actor *who, int64_t id, int64_t to_org,
                    int32_t day, const char *note, struct err *e)
{
	struct arena a;
	struct person_row p;
	int rc;

	arena_init(&a, 1 << 20);
	if ((rc = person_to_change(app, who, id, &a, &p, e)) < 0 ||
	    (rc = check_transfer(app, who, &p, to_org, day, &a, e)) < 0 ||
	    (rc = gate_begin(app, e)) < 0)
		goto out;
	rc = store_membership_close(app_store(app), id, day);
	if (rc == 0) {
		struct membership_row m = {
		    .person_id = id,
		    .org_id = to_org,
		    .valid_from = day,
		    .valid_to = DATE_OPEN,
		    .status = p.status,
		    .note = note,
		};

		rc = store_membership_insert(app_store(app), &m, NULL);
	}
	if (rc == 0)
		rc = store_person_set_org(app_store(app), id, to_org);
	scope_members_changed();
	{
		struct gate_write w = {"transfer", "person", id, NULL, NOUN_RECORD};
		char iso[DATE_BUF];

		date_format_iso(day, iso);
		w.detail = json_pack("{s:I,s:I,s:s,s:s?}", "org_before", (json_int_t)p.org_id,
		                     "org_after", (json_int_t)to_org, "date", iso, "note", note);
		rc = gate_end(app, who, rc, &w, e);
	}
out:
	arena_release(&a);
	return rc;
}

int person_list_by_org(struct app *app, const struct actor *who, int64_t org_id, size_t limit,
                       size_t offset, struct arena *a, struct person_list *ret, struct err *e)
{
	size_t keep = 0;
	int rc;

	if ((rc = gate_role(who, READ_ROLES, e)) < 0)
		return rc;
	if (scope_contains(app, who, org_id) != 1)
		return gate_not_found(e, "org", NOUN_ORG);
	if (limit == 0 || limit > 10000)
		limit = 10000;
	rc = store_person_list_by_org(app_store(app), org_id, limit, offset, a, ret);
	if (rc < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	for (size_t i = 0; i < ret->n; i++)
		if ((int)who->clearance >= ret->v[i].confidentiality)
			ret->v[keep++] = ret->v[i];
	ret->n = keep;
	return 0;
}

int person_search_match(const char *query, enum match_stage stage, struct buf *key,
                        struct buf *match)
{
	const char *p;
	int words = 0, nwords = 0, rc;

	buf_reset(match);
	rc = vi_search_key(query, strlen(query), key);
	if (rc < 0)
		return rc;
	for (p = key->buf; *p; p++)
		nwords += *p != ' ' && (p == key->buf || p[-1] == ' ');
	if (nwords > 8)
		nwords = 8;
	/* Keys are [a-z0-9] words separated by single spaces: safe to quote. */
	for (p = key->buf; *p && words < nwords;) {
		const char *w = p;
		int prefix;

		while (*p && *p != ' ')
			p++;
		prefix = stage == MATCH_ALL_PREFIX ||
		         (stage == MATCH_LAST_PREFIX && words == nwords - 1);
		if ((rc = buf_addf(match, "%s\"%.*s\"%s", words ? " " : "", (int)(p - w), w,
		                   prefix ? "*" : "")) < 0)
			return rc;
		words++;
		while (*p == ' ')
			p++;
	}
	return 0;
}

int person_search_start(const char *query, enum match_stage stage, size_t max, size_t *limit,
                        struct buf *key, struct buf *match, struct err *e)
{
	int rc = person_search_match(query, stage, key, match);

	if (*limit == 0 || *limit > max)
		*limit = *limit ? max : 20;
	return rc < 0 ? err_set(e, rc, "q", NULL, NULL) : 0;
}

static int ieq(const char *a, const char *b)
{
	if (!a)
		return 0;
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;

		if (x != y)
			return 0;
	}
	return *a == *b;
}

/* The primary and secondary levels of an ICU sort key (letters and
 * diacritics, not case): up to the second level separator 0x01. */
static size_t key_levels2(const char *k, size_t n)
{
	int seps = 0;

	for (size_t i = 0; i < n; i++)
		if (k[i] == 0x01 && ++seps == 2)
			return i;
	return n;
}

/*
 * Rank: 0 the name exactly as typed (diacritics too, case aside), 1 the
 * same folded name or an identifier, 2 every word whole, 3 prefix only.
 * qsort_key is the query's vi_sort_key (empty when not computed).
 */
static int rank_of(const struct person_row *p, const char *key, const char *id,
                   const struct buf *qsort_key)
{
	const char *q = key;

	if (strcmp(p->search_key, key) == 0) {
		struct buf k = BUF_INIT(4096);
		int same = 0;

		if (qsort_key->len && vi_sort_key(p->full_name, strlen(p->full_name), &k) == 0) {
			size_t a = key_levels2(k.buf, k.len),
			       b = key_levels2(qsort_key->buf, qsort_key->len);

			same = a == b && memcmp(k.buf, qsort_key->buf, a) == 0;
		}
		buf_release(&k);
		return same ? 0 : 1;
	}
	if (*id && (ieq(p->cccd, id) || ieq(p->party_file_no, id) || ieq(p->party_card_no, id)))
		return 1;
	while (*q) {
		size_t wl = strcspn(q, " ");
		const char *s = p->search_key;
		int found = 0;

		while (*s) {
			size_t sl = strcspn(s, " ");

			if (sl == wl && memcmp(s, q, wl) == 0) {
				found = 1;
				break;
			}
			s += sl;
			while (*s == ' ')
				s++;
		}
		if (!found)
			return 3;
		q += wl;
		while (*q == ' ')
			q++;
	}
	return 2;
}

/*
 * The query as an identifier prefix: ASCII letters and digits once spaces,
 * dots and dashes are dropped, starting with a digit, at least 3 long.
 * Empty when the query does not look like one.
 */
static void id_prefix(const char *q, char *out, size_t outsz)
{
	size_t n = 0;

	for (; *q && n + 1 < outsz; q++) {
		if (*q == ' ' || *q == '.' || *q == '-')
			continue;
		if (!((*q >= '0' && *q <= '9') || (*q >= 'A' && *q <= 'Z') ||
		      (*q >= 'a' && *q <= 'z'))) {
			n = 0;
			break;
		}
		out[n++] = *q;
	}
	if (*q || n < 3 || out[0] < '0' || out[0] > '9')
		n = 0;
	out[n] = '\0';
}

struct ranked {
	const struct person_row *p;
	int rank;
};

static int cmp_ranked(const void *x, const void *y)
{
	const struct ranked *a = x, *b = y;
	size_t n;
	int c;

	if (a->rank != b->rank)
		return a->rank - b->rank;
	n = a->p->sort_key_len < b->p->sort_key_len ? a->p->sort_key_len : b->p->sort_key_len;
	c = n ? memcmp(a->p->sort_key, b->p->sort_key, n) : 0;
	if (c)
		return c;
	if (a->p->sort_key_len != b->p->sort_key_len)
		return a->p->sort_key_len < b->p->sort_key_len ? -1 : 1;
	return (a->p->id > b->p->id) - (a->p->id < b->p->id);
}

/*
 * A scope of at most this many organisations is searched by reading its
 * members' names (store_scope.scan); a larger one by filtering the
 * full-text candidates.  A commune committee after 2025 holds a few dozen
 * organisations, a province a few thousand: bench/README.md has the
 * figures behind the choice.
 */
#define SEARCH_SCAN_ORGS 300

/* Where the candidates are looked for: in->orgs NULL for the whole tree,
 * else the actor's scope (and clearance) inside each query. */
static int search_scope(struct app *app, const struct actor *who, struct arena *a,
                        struct store_scope *in)
{
	size_t n;
	int rc = scope_orgs_json(app, who, a, &in->orgs, &n);

	in->clearance = (int)who->clearance;
	in->scan = n <= SEARCH_SCAN_ORGS;
	in->lo = 0;
	in->hi = INT64_MAX;
	if (rc == 0 && in->orgs && !in->scan)
		rc = scope_member_ids(app, who, &in->lo, &in->hi);
	return rc;
}

/* The candidates of one stage of person_search_unaudited: -3 the exact
 * folded name, -2 an identifier prefix, -1 (in a scope) the names that
 * start with the folded query, else a match_stage. */
static int stage_rows(struct app *app, const struct store_scope *in, int stage, const char *query,
                      const char *id, struct buf *key, struct buf *match, size_t want,
                      struct arena *a, struct person_list *l)
{
	struct store *s = app_store(app);
	int rc;

	if (stage == -3 || stage == -1)
		return in->orgs
		           ? store_person_search_exact_in(s, key->buf, stage == -1, in, want, a, l)
		           : store_person_search_exact(s, key->buf, want, a, l);
	if (stage == -2)
		return in->orgs ? store_person_search_ids_in(s, id, in, want, a, l)
		                : store_person_search_ids(s, id, want, a, l);
	if (stage > 0 && (rc = person_search_match(query, (enum match_stage)stage, key, match)) < 0)
		return rc;
	return in->orgs ? store_person_search_fts_in(s, match->buf, in, want, a, l)
	                : store_person_search_fts(s, match->buf, want, a, l);
}

int person_search_unaudited(struct app *app, const struct actor *who, const char *query,
                            size_t limit, struct arena *a, struct person_list *ret, struct err *e)
{
	struct buf key = BUF_INIT(4096), match = BUF_INIT(8192), qkey = BUF_INIT(4096);
	struct person_list lists[3 + MATCH__MAX] = {{0}};
	struct ranked *r = NULL;
	struct store_scope in;
	size_t n = 0, want, seen_cap = 4096;
	int64_t *seen = NULL;
	char id[40];
	int rc;

	ret->v = NULL;
	ret->n = 0;
	rc = person_search_start(query, MATCH_WHOLE, PERSON_SEARCH_MAX, &limit, &key, &match, e);
	if (rc < 0 || match.len == 0)
		goto out;
	if ((rc = search_scope(app, who, a, &in)) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	id_prefix(query, id, sizeof(id));
	vi_sort_key(query, strlen(query), &qkey); /* empty on failure: no tie-break */
	/* Fetch more candidates than asked so ranking has something to order. */
	want = limit * 4 < 200 ? 200 : limit * 4;
	seen = arena_calloc(a, seen_cap, sizeof(*seen));
	r = arena_calloc(a, (3 + MATCH__MAX) * want + limit + 1, sizeof(*r));
	if (!seen || !r) {
		rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		goto out;
	}
	/*
	 * Candidates, cheapest first: the whole folded name (b-tree), an
	 * identifier prefix (b-trees), within a scope the names that start with
	 * the query (b-tree: the family name first, as users type), then FTS5
	 * with every word whole, the last word a prefix, every word a prefix.  A later stage runs
	 * only while fewer than limit visible candidates are known: whole-word matches always rank
	 * above prefix ones, so a full page of them is the answer. Every stage iterates lazily and
	 * stops at want rows - rows within the actor's scope and clearance (in), so that the many
	 * namesakes elsewhere never crowd out the actor's own.  visible() still checks each one.
	 */
	for (int stage = -3; stage < MATCH__MAX && n < limit; stage++) {
		struct person_list *l = &lists[stage + 3];

		if ((stage == -2 && !*id) || (stage == -1 && !in.orgs))
			continue;
		if ((rc = stage_rows(app, &in, stage, query, id, &key, &match, want, a, l)) < 0)
			break;
		for (size_t i = 0; i < l->n; i++) {
			const struct person_row *p = &l->v[i];
			size_t h = (size_t)(p->id * 2654435761u) % seen_cap;
			int dup = 0;

			while (seen[h] && !dup) {
				dup = seen[h] == p->id;
				h = (h + 1) % seen_cap;
			}
			if (dup || !visible(app, who, p))
				continue;
			seen[h] = p->id;
			r[n++] = (struct ranked){p, rank_of(p, key.buf, id, &qkey)};
		}
	}
	if (rc < 0) {
		err_set(e, rc, "q", NULL, NULL);
		goto out;
	}
	qsort(r, n, sizeof(*r), cmp_ranked);
	if (n > limit)
		n = limit;
	ret->v = arena_calloc(a, n + 1, sizeof(*ret->v));
	if (!ret->v) {
		rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		ret->v[i] = *r[i].p;
	ret->n = n;
out:
	buf_release(&key);
	buf_release(&match);
	buf_release(&qkey);
	return rc;
}

int person_search(struct app *app, const struct actor *who, const char *query, size_t limit,
                  struct arena *a, struct person_list *ret, struct err *e)
{
	int rc = gate_role(who, READ_ROLES, e);

	if (rc == 0)
		rc = person_search_unaudited(app, who, query, limit, a, ret, e);

	if (rc == 0) {
		/* The search is recorded (the words searched and how many were
		 * shown), not the people found. */
		json_t *d = json_pack("{s:s,s:I}", "q", query, "results", (json_int_t)ret->n);
		char *text = app_json_dumps(d, JSON_COMPACT);
		struct audit_entry en = {"search", "person", 0, text, 0};

		rc = audit_record(app, who, &en, e);
		free(text);
		json_decref(d);
	}
	return rc;
}

int person_duplicates(struct app *app, const struct actor *who, struct arena *a,
                      struct person_dup_pair **ret, size_t *ret_n, struct err *e)
{
	struct person_list l;
	struct person_dup_pair *v;
	size_t n = 0;
	int rc;

	if ((rc = gate_role(who, 1u << ROLE_ADMIN, e)) < 0)
		return rc;
	if ((rc = store_person_flagged(app_store(app), a, &l)) < 0)
		return gate_store_error(e, rc, NOUN_RECORD);
	if (!(v = arena_alloc(a, (l.n ? l.n : 1) * sizeof(*v))))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < l.n; i++)
		if (visible(app, who, &l.v[i]) &&
		    store_person_get(app_store(app), l.v[i].dup_of, a, &v[n].of) == 0 &&
		    visible(app, who, &v[n].of))
			v[n++].p = l.v[i];
	*ret = v;
	*ret_n = n;
	return audit_record_json(
	    app, who, (struct audit_entry){"search", "person", 0, NULL, 0},
	    json_pack("{s:s,s:I}", "duplicates", "list", "results", (json_int_t)n), e);
}
