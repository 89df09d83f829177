/*
 * paper.c - the tables of papers (paper.h): each paper with its default
 * template, and each field a template may name with where its values come
 * from.  A new paper is one entry of papers[]; a new field one entry of
 * fields[] (with its kinds, and PAPER_FIELD_PROTECTED when it must never
 * reach the subject).
 */
#include "app/paper.h"

#include <string.h>

#include "app/appraisal.h"
#include "app/denunciation.h"
#include "app/discipline.h"
#include "app/paperInt.h"
#include "app/petition.h"
#include "app/trip.h"
#include "core/date.h"
#include "export/tpl.h"

#include "core/banned.h"

#define K(kind) (1u << (kind))

/* ---- the papers ---- */

/* Parts most papers of a committee share. */
#define COMMITTEE_HEADER                                                                           \
	.part[PAPER_SUPERIOR] = "{{org.superior}}",                                                \
	.part[PAPER_ISSUER] = "{{org.committee_upper}}",                                           \
	.part[PAPER_SIGN_FOR] = "{{org.sign_for}}", .part[PAPER_SIGN_TITLE] = "BÍ THƯ"
/* Those of the inspection commission. */
#define UBKT_HEADER                                                                                \
	.part[PAPER_SUPERIOR] = "{{org.committee_upper}}",                                         \
	.part[PAPER_ISSUER] = "ỦY BAN KIỂM TRA", .part[PAPER_SIGN_FOR] = "T/M ỦY BAN KIỂM TRA",    \
	.part[PAPER_SIGN_TITLE] = "CHỦ NHIỆM"

static const struct paper papers[PAPER__MAX] = {
    [PAPER_KT_QUYET_DINH] =
        {PAPER_KT_QUYET_DINH,
         "kt_quyet_dinh",
         "Quyết định kiểm tra",
         "Decision to inspect",
         KIND_INSPECTION,
         PAPER_TO_SUBJECT,
         {UBKT_HEADER, .part[PAPER_SYMBOL] = "QĐ/UBKT", .part[PAPER_TYPE] = "QUYẾT ĐỊNH",
          .part[PAPER_SUMMARY] = "Về việc kiểm tra {{subjects}}",
          .part[PAPER_BODY] =
              "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;\n"
              "- Căn cứ các quy định của Ban Chấp hành Trung ương về công tác kiểm tra, giám "
              "sát và kỷ luật của Đảng;\n"
              "- Căn cứ chương trình kiểm tra, giám sát của Ủy ban Kiểm tra {{org.committee}},\n"
              "# ỦY BAN KIỂM TRA {{org.committee_upper}} QUYẾT ĐỊNH\n"
              "Điều 1. Kiểm tra {{subjects}} về nội dung: {{case.title}} (hồ sơ số "
              "{{case.number}}).\n"
              "Điều 2. Thành lập Đoàn kiểm tra gồm các đồng chí:\n"
              "- Đồng chí {{team.name}};\n"
              "Đoàn kiểm tra xây dựng kế hoạch, tiến hành kiểm tra và báo cáo kết quả với Ủy "
              "ban Kiểm tra.\n"
              "Điều 3. Đoàn kiểm tra, {{subjects}} và các tổ chức, cá nhân có liên quan chịu "
              "trách nhiệm thi hành Quyết định này.",
          .part[PAPER_RECIPIENTS] = "- Như Điều 3,\n- Thường trực {{org.committee}} (để báo "
                                    "cáo),\n- Lưu hồ sơ {{case.number}}."}},
    [PAPER_KT_THONG_BAO] =
        {PAPER_KT_THONG_BAO,
         "kt_thong_bao",
         "Thông báo kết luận kiểm tra",
         "Inspection conclusion notice",
         KIND_INSPECTION,
         PAPER_TO_SUBJECT,
         {UBKT_HEADER, .part[PAPER_SYMBOL] = "TB/UBKT", .part[PAPER_TYPE] = "THÔNG BÁO",
          .part[PAPER_SUMMARY] = "Kết luận kiểm tra đối với {{subjects}}",
          .part[PAPER_BODY] =
              "Thực hiện Quyết định kiểm tra về nội dung {{case.title}} (hồ sơ số "
              "{{case.number}}), Đoàn kiểm tra gồm các đồng chí {{team}} đã tiến hành kiểm tra "
              "{{subjects}}.\n"
              "Xét báo cáo của Đoàn kiểm tra, Ủy ban Kiểm tra {{org.committee}} kết luận như "
              "sau:\n"
              "# I. KẾT LUẬN\n"
              "{{case.conclusion}}\n"
              "> (Cán bộ soạn thảo: nêu ưu điểm; vi phạm, khuyết điểm và nguyên nhân.)\n"
              "# II. YÊU CẦU\n"
              "> (Cán bộ soạn thảo: nêu yêu cầu khắc phục và thời hạn.)",
          .part[PAPER_RECIPIENTS] = "- {{subjects}},\n- Thường trực {{org.committee}} (để báo "
                                    "cáo),\n- Lưu hồ sơ {{case.number}}."}},
    [PAPER_KL_QUYET_DINH] =
        {PAPER_KL_QUYET_DINH,
         "kl_quyet_dinh",
         "Quyết định thi hành kỷ luật",
         "Discipline decision",
         KIND_DISCIPLINE,
         PAPER_TO_SUBJECT,
         {UBKT_HEADER, .part[PAPER_SYMBOL] = "QĐ/UBKT", .part[PAPER_TYPE] = "QUYẾT ĐỊNH",
          .part[PAPER_SUMMARY] = "Về việc thi hành kỷ luật đối với {{discipline.subjects}}",
          .part[PAPER_BODY] =
              "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;\n"
              "- Căn cứ các quy định của Ban Chấp hành Trung ương, Bộ Chính trị về xử lý kỷ "
              "luật tổ chức đảng, đảng viên vi phạm;\n"
              "- Xét hồ sơ số {{case.number}}: {{case.title}},\n"
              "# ỦY BAN KIỂM TRA {{org.committee_upper}} QUYẾT ĐỊNH\n"
              "Điều 1. Thi hành kỷ luật bằng hình thức {{discipline.form}} đối với "
              "{{discipline.subject}} (vi phạm ngày {{discipline.violation}}).\n"
              "Điều 2. Quyết định có hiệu lực kể từ ngày ký. Trong thời hạn một tháng kể từ "
              "ngày nhận Quyết định, nếu không đồng ý thì có quyền khiếu nại lên tổ chức đảng "
              "cấp trên.\n"
              "Điều 3. {{discipline.subjects}} và các tổ chức, cá nhân có liên quan chịu trách "
              "nhiệm thi hành Quyết định này.",
          .part[PAPER_RECIPIENTS] = "- Như Điều 3,\n- Thường trực {{org.committee}} (để báo "
                                    "cáo),\n- Lưu hồ sơ {{case.number}}."}},
    [PAPER_KL_DE_NGHI] =
        {PAPER_KL_DE_NGHI,
         "kl_de_nghi",
         "Đề nghị xử lý kỷ luật hành chính, đoàn thể",
         "Request for the State body's own discipline",
         KIND_DISCIPLINE,
         0,
         {COMMITTEE_HEADER, .part[PAPER_SYMBOL] = "CV/{{org.initials}}",
          .part[PAPER_SUMMARY] = "V/v đề nghị xử lý kỷ luật về hành chính (chính quyền, đoàn "
                                 "thể) đối với {{discipline.subjects}}",
          .part[PAPER_BODY] =
              "Kính gửi: Cơ quan, đơn vị quản lý {{discipline.subjects}}\n"
              "Ngày {{discipline.decided}}, {{org.committee}} đã thi hành kỷ luật bằng hình "
              "thức {{discipline.form}} đối với {{discipline.subject}}.\n"
              "Theo quy định, trong thời hạn 30 ngày làm việc kể từ ngày công bố quyết định kỷ "
              "luật về Đảng, cơ quan, đơn vị có thẩm quyền phải xem xét, xử lý kỷ luật về hành "
              "chính (chính quyền, đoàn thể). {{org.committee}} đề nghị quý cơ quan, đơn vị xem "
              "xét, xử lý theo thẩm quyền và thông báo kết quả về {{org.committee}}.",
          .part[PAPER_RECIPIENTS] = "- Như trên,\n- Lưu hồ sơ {{case.number}}."}},
    [PAPER_TTLL_XAC_MINH] =
        {PAPER_TTLL_XAC_MINH,
         "ttll_xac_minh",
         "Công văn thẩm tra, xác minh lý lịch",
         "Verification letter",
         KIND_ADMISSION,
         PAPER_PER_LETTER,
         {COMMITTEE_HEADER, .part[PAPER_SYMBOL] = "CV/{{org.initials}}",
          .part[PAPER_SUMMARY] = "V/v thẩm tra, xác minh lý lịch người vào Đảng",
          .part[PAPER_BODY] =
              "Kính gửi: {{letter.recipient}}\n"
              "{{org.committee}} đang thẩm tra lý lịch của quần chúng {{subjects}} để xem xét "
              "kết nạp vào Đảng (hồ sơ số {{case.number}}).\n"
              "Đề nghị {{letter.recipient}} thẩm tra, xác minh và cho ý kiến về: "
              "{{letter.about}}.\n"
              "Văn bản trả lời xin gửi về {{org.committee}} trước ngày {{letter.due}}.",
          .part[PAPER_RECIPIENTS] = "- Như trên,\n- Lưu hồ sơ {{case.number}}."}},
    [PAPER_TTLL_DON_DOC] =
        {PAPER_TTLL_DON_DOC,
         "ttll_don_doc",
         "Văn bản đôn đốc trả lời thẩm tra, xác minh",
         "Reminder of a verification letter",
         KIND_ADMISSION,
         PAPER_PER_LETTER,
         {COMMITTEE_HEADER, .part[PAPER_SYMBOL] = "CV/{{org.initials}}",
          .part[PAPER_SUMMARY] = "V/v đôn đốc trả lời văn bản thẩm tra, xác minh lý lịch",
          .part[PAPER_BODY] =
              "Kính gửi: {{letter.recipient}}\n"
              "Ngày {{letter.sent}}, {{org.committee}} đã có văn bản số {{letter.number}} đề "
              "nghị {{letter.recipient}} thẩm tra, xác minh về: {{letter.about}} (quần chúng "
              "{{subjects}}, hồ sơ số {{case.number}}).\n"
              "Đến nay đã quá thời hạn trả lời (ngày {{letter.due}}) nhưng {{org.committee}} "
              "chưa nhận được văn bản trả lời. Đề nghị {{letter.recipient}} khẩn trương thẩm "
              "tra, xác minh và trả lời để việc kết nạp đảng viên được xem xét đúng quy định.",
          .part[PAPER_RECIPIENTS] = "- Như trên,\n- Lưu hồ sơ {{case.number}}."}},
    [PAPER_TD_KET_LUAN] =
        {PAPER_TD_KET_LUAN,
         "td_ket_luan",
         "Kết luận tiêu chuẩn chính trị",
         "Appraisal conclusion",
         KIND_APPRAISAL,
         0,
         {COMMITTEE_HEADER, .part[PAPER_SYMBOL] = "KL/{{org.initials}}",
          .part[PAPER_TYPE] = "KẾT LUẬN",
          .part[PAPER_SUMMARY] = "Về tiêu chuẩn chính trị của {{subjects}}",
          .part[PAPER_BODY] =
              "Theo đề nghị của {{appraisal.requester}} về việc thẩm định tiêu chuẩn chính "
              "trị (hồ sơ số {{case.number}}: {{case.title}}), sau khi xem xét "
              "hồ sơ và kết quả thẩm tra, xác minh, {{org.committee}} kết luận như sau:\n"
              "Đồng chí {{subjects}}: {{appraisal.outcome}} {{appraisal.position}}.\n"
              "{{case.conclusion}}",
          .part[PAPER_RECIPIENTS] = "- {{appraisal.requester}},\n- Lưu hồ sơ "
                                    "{{case.number}}."}},
    [PAPER_RNN_DONG_Y] =
        {PAPER_RNN_DONG_Y,
         "rnn_dong_y",
         "Văn bản đồng ý cho đi nước ngoài",
         "Approval of a trip abroad",
         KIND_TRIP,
         PAPER_TO_SUBJECT,
         {COMMITTEE_HEADER, .part[PAPER_SYMBOL] = "CV/{{org.initials}}",
          .part[PAPER_SUMMARY] = "V/v đồng ý cho đảng viên đi nước ngoài",
          .part[PAPER_BODY] =
              "Xét đơn đề nghị và ý kiến của chi bộ (hồ sơ số {{case.number}}: {{case.title}}), "
              "{{org.committee}} đồng ý để các đồng chí có tên sau đi nước ngoài:\n"
              "- Đồng chí {{traveller.name}};\n"
              "Nơi đến: {{trip.countries}}. Mục đích: {{trip.purpose}}. Thời gian: từ ngày "
              "{{trip.depart}} đến ngày {{trip.come_back}}. Kinh phí: {{trip.funding}}.\n"
              "Trong thời gian ở nước ngoài, đề nghị các đồng chí chấp hành nghiêm quy định của "
              "Đảng, pháp luật của Nhà nước và nước sở tại; trong 07 ngày làm việc kể từ ngày "
              "về nước phải báo cáo bằng văn bản với chi bộ, cấp ủy về chuyến đi.",
          .part[PAPER_RECIPIENTS] = "- Các đồng chí có tên trên,\n- Chi bộ nơi sinh hoạt,\n- "
                                    "Lưu hồ sơ {{case.number}}."}},
    [PAPER_TC_BI_TO_CAO] =
        {
            PAPER_TC_BI_TO_CAO,
            "tc_bi_to_cao",
            "Thông báo kết quả giải quyết tố cáo (gửi người bị tố cáo)",
            "Result of a denunciation, to the denounced",
            KIND_DENUNCIATION,
            PAPER_TO_SUBJECT,
            {UBKT_HEADER, .part[PAPER_SYMBOL] = "TB/UBKT", .part[PAPER_TYPE] = "THÔNG BÁO",
             .part[PAPER_SUMMARY] = "Kết quả giải quyết tố cáo đối với {{subjects}}",
             .part[PAPER_BODY] =
                 "Ủy ban Kiểm tra {{org.committee}} đã giải quyết tố cáo đối với {{subjects}} "
                 "(hồ sơ số {{case.number}}). Kết quả đối với từng nội dung tố cáo:\n"
                 "- {{point.result}}\n"
                 "# KẾT LUẬN\n"
                 "{{case.conclusion}}\n"
                 "> (Cán bộ soạn thảo: nêu yêu cầu đối với người bị tố cáo, nếu có.)",
             .part[PAPER_RECIPIENTS] = "- {{subjects}},\n- Thường trực {{org.committee}} (để báo "
                                       "cáo),\n- Lưu hồ sơ {{case.number}}."}},
    [PAPER_TC_TO_CAO] =
        {PAPER_TC_TO_CAO,
         "tc_to_cao",
         "Thông báo kết quả giải quyết tố cáo (gửi người tố cáo)",
         "Result of a denunciation, to the denouncer",
         KIND_DENUNCIATION,
         0,
         {UBKT_HEADER, .part[PAPER_SYMBOL] = "TB/UBKT", .part[PAPER_TYPE] = "THÔNG BÁO",
          .part[PAPER_SUMMARY] = "Kết quả giải quyết đơn tố cáo",
          .part[PAPER_BODY] =
              "Kính gửi: {{sender.name}} ({{sender.address}}).\n"
              "Ủy ban Kiểm tra {{org.committee}} đã nhận đơn tố cáo của ông (bà) và đã giải "
              "quyết theo quy định (hồ sơ số {{case.number}}). Kết quả đối với từng nội dung tố "
              "cáo:\n"
              "- {{point.result}}\n"
              "Ủy ban Kiểm tra thông báo để ông (bà) biết.",
          .part[PAPER_RECIPIENTS] = "- Người tố cáo,\n- Lưu hồ sơ {{case.number}}."}},
    [PAPER_KN_QUYET_DINH] =
        {PAPER_KN_QUYET_DINH,
         "kn_quyet_dinh",
         "Quyết định giải quyết khiếu nại kỷ luật",
         "Decision on a discipline complaint",
         KIND_COMPLAINT,
         PAPER_TO_SUBJECT,
         {UBKT_HEADER, .part[PAPER_SYMBOL] = "QĐ/UBKT", .part[PAPER_TYPE] = "QUYẾT ĐỊNH",
          .part[PAPER_SUMMARY] = "Về việc giải quyết khiếu nại kỷ luật của {{subjects}}",
          .part[PAPER_BODY] =
              "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;\n"
              "- Căn cứ các quy định của Ban Chấp hành Trung ương về công tác kiểm tra, giám "
              "sát và kỷ luật của Đảng;\n"
              "- Xét đơn khiếu nại của {{subjects}} đối với quyết định kỷ luật (hồ sơ số "
              "{{complaint.contested}}) và hồ sơ số {{case.number}},\n"
              "# ỦY BAN KIỂM TRA {{org.committee_upper}} QUYẾT ĐỊNH\n"
              "Điều 1. {{case.type}}.\n"
              "Điều 2. {{case.conclusion}}\n"
              "Điều 3. {{subjects}} và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi "
              "hành Quyết định này.",
          .part[PAPER_RECIPIENTS] = "- Như Điều 3,\n- Thường trực {{org.committee}} (để báo "
                                    "cáo),\n- Lưu hồ sơ {{case.number}}."}},
};

const struct paper *paper_get(enum paper_id id)
{
	return (unsigned)id < PAPER__MAX ? &papers[id] : NULL;
}

const struct paper *paper_find(const char *code)
{
	for (size_t i = 0; code && i < PAPER__MAX; i++)
		if (strcmp(papers[i].code, code) == 0)
			return &papers[i];
	return NULL;
}

static const char *const part_codes[PAPER_PART__MAX] = {
    [PAPER_SUPERIOR] = "superior", [PAPER_ISSUER] = "issuer",
    [PAPER_SYMBOL] = "symbol",     [PAPER_TYPE] = "type",
    [PAPER_SUMMARY] = "summary",   [PAPER_BODY] = "body",
    [PAPER_SIGN_FOR] = "sign_for", [PAPER_SIGN_TITLE] = "sign_title",
    [PAPER_SIGNER] = "signer",     [PAPER_RECIPIENTS] = "recipients",
};

const char *paper_part_code(enum paper_part part)
{
	return (unsigned)part < PAPER_PART__MAX ? part_codes[part] : NULL;
}

/* ---- the fields' values ---- */

static int one(struct paper_ctx *c, struct paper_values *ret, const char *s)
{
	ret->v = arena_alloc(c->a, sizeof(*ret->v));
	if (!ret->v)
		return HOSO_E_NOMEM;
	ret->v[0] = s ? s : "";
	ret->n = 1;
	return 0;
}

static int day(struct paper_ctx *c, struct paper_values *ret, int32_t d)
{
	char s[DATE_BUF];
	const char *v;

	if (d == DATE_NONE || d == DATE_OPEN)
		return one(c, ret, "");
	date_format_vn(d, s);
	return (v = arena_strdup(c->a, s)) ? one(c, ret, v) : HOSO_E_NOMEM;
}

/* A list of at most n values (NULLs left out). */
static int list_new(struct paper_ctx *c, struct paper_values *ret, size_t n)
{
	ret->n = 0;
	ret->v = arena_calloc(c->a, n + 1, sizeof(*ret->v));
	return ret->v ? 0 : HOSO_E_NOMEM;
}

static void list_add(struct paper_values *l, const char *s)
{
	if (s && *s)
		l->v[l->n++] = s;
}

static int f_number(struct paper_ctx *c, struct paper_values *r)
{
	return one(c, r, c->v.c.number);
}

static int f_title(struct paper_ctx *c, struct paper_values *r)
{
	return one(c, r, c->v.c.title);
}

static int f_type(struct paper_ctx *c, struct paper_values *r)
{
	const struct code_name *t =
	    c->v.kind ? code_find(c->v.kind->subtypes, c->v.kind->nsubtypes, c->v.c.subtype) : NULL;

	return one(c, r, t ? t->vi : NULL);
}

static int f_opened(struct paper_ctx *c, struct paper_values *r)
{
	return day(c, r, c->v.c.opened);
}

static int f_conclusion(struct paper_ctx *c, struct paper_values *r)
{
	return one(c, r, c->v.c.conclusion);
}

static int f_today(struct paper_ctx *c, struct paper_values *r)
{
	return day(c, r, date_today());
}

static int f_org_name(struct paper_ctx *c, struct paper_values *r)
{
	return one(c, r, c->v.org.name ? c->v.org.name : c->w.o.name);
}

static int f_committee(struct paper_ctx *c, struct paper_values *r)
{
	return one(c, r, c->w.issuer);
}

static int f_committee_upper(struct paper_ctx *c, struct paper_values *r)
{
	return one(c, r, c->w.issuer_upper);
}

static int f_superior(struct paper_ctx *c, struct paper_values *r)
{
	return one(c, r, c->w.superior_upper);
}

static int f_place(struct paper_ctx *c, struct paper_values *r)
{
	return one(c, r, c->w.place);
}

static int f_initials(struct paper_ctx *c, struct paper_values *r)
{
	return one(c, r, c->w.initials);
}

static int f_sign_for(struct paper_ctx *c, struct paper_values *r)
{
	return one(c, r, c->w.sign_for);
}

static int f_subject(struct paper_ctx *c, struct paper_values *r)
{
	int rc = list_new(c, r, c->v.subjects.n);

	for (size_t i = 0; rc == 0 && i < c->v.subjects.n; i++)
		if (!c->v.subjects.v[i].withdrawn.at && c->v.subject_names)
			list_add(r, c->v.subject_names[i].name);
	return rc;
}

static int f_team(struct paper_ctx *c, struct paper_values *r)
{
	int rc = list_new(c, r, c->v.assignees.n);

	for (size_t i = 0; rc == 0 && i < c->v.assignees.n; i++)
		list_add(r, c->v.assignee_names[i].name ? c->v.assignee_names[i].name
		                                        : c->v.assignee_names[i].code);
	return rc;
}

static const struct discipline_part *disciplines(struct paper_ctx *c)
{
	return case_is(&c->v.c, KIND_DISCIPLINE) ? c->v.part : NULL;
}

/* One value per decision: what of it (0 subject, 1 form, 2 violation, 3
 * decided). */
static int decisions(struct paper_ctx *c, struct paper_values *r, int what)
{
	const struct discipline_part *d = disciplines(c);
	size_t n = d ? d->n : 0;
	int rc = list_new(c, r, n);

	for (size_t i = 0; rc == 0 && i < n; i++) {
		const struct discipline_detail *x = &d->v[i];
		char s[DATE_BUF];

		if (what >= 2) {
			const char *v;

			date_format_vn(what == 2 ? x->d.violation : x->d.decided, s);
			if (!(v = arena_strdup(c->a, s)))
				return HOSO_E_NOMEM;
			list_add(r, v);
		} else {
			list_add(r, what == 0 ? x->subject.name : x->form_name);
		}
	}
	return rc;
}

static int f_disc_subject(struct paper_ctx *c, struct paper_values *r)
{
	return decisions(c, r, 0);
}

static int f_disc_form(struct paper_ctx *c, struct paper_values *r)
{
	return decisions(c, r, 1);
}

static int f_disc_violation(struct paper_ctx *c, struct paper_values *r)
{
	return decisions(c, r, 2);
}

static int f_disc_decided(struct paper_ctx *c, struct paper_values *r)
{
	return decisions(c, r, 3);
}

static const struct appraisal_part *appraisal(struct paper_ctx *c)
{
	const struct appraisal_part *p = case_is(&c->v.c, KIND_APPRAISAL) ? c->v.part : NULL;

	return p && p->has ? p : NULL;
}

static int f_requester(struct paper_ctx *c, struct paper_values *r)
{
	const struct appraisal_part *p = appraisal(c);

	return one(c, r, p ? p->ap.requester : NULL);
}

static int f_outcome(struct paper_ctx *c, struct paper_values *r)
{
	const struct appraisal_part *p = appraisal(c);
	const struct code_name *o =
	    p ? code_find(appraisal_outcomes.codes, appraisal_outcomes.n, p->ap.outcome) : NULL;

	return one(c, r, o ? o->vi : NULL);
}

static int f_position(struct paper_ctx *c, struct paper_values *r)
{
	const struct appraisal_part *p = appraisal(c);

	return one(c, r, p ? p->ap.position : NULL);
}

static const struct trip_part *trip(struct paper_ctx *c)
{
	return case_is(&c->v.c, KIND_TRIP) ? c->v.part : NULL;
}

static int f_trip_purpose(struct paper_ctx *c, struct paper_values *r)
{
	const struct trip_part *t = trip(c);
	const struct code_name *p =
	    t && t->has_trip ? code_find(trip_purposes.codes, trip_purposes.n, t->trip.purpose)
	                     : NULL;

	return one(c, r, p ? p->vi : NULL);
}

static int f_trip_countries(struct paper_ctx *c, struct paper_values *r)
{
	const struct trip_part *t = trip(c);

	return one(c, r, t && t->has_trip ? t->trip.countries : NULL);
}

static int f_trip_depart(struct paper_ctx *c, struct paper_values *r)
{
	const struct trip_part *t = trip(c);

	return day(c, r, t && t->has_trip ? t->trip.depart : DATE_NONE);
}

static int f_trip_back(struct paper_ctx *c, struct paper_values *r)
{
	const struct trip_part *t = trip(c);

	return day(c, r, t && t->has_trip ? t->trip.come_back : DATE_NONE);
}

static int f_trip_funding(struct paper_ctx *c, struct paper_values *r)
{
	const struct trip_part *t = trip(c);

	return one(c, r, t && t->has_trip ? t->trip.funding : NULL);
}

static int f_traveller(struct paper_ctx *c, struct paper_values *r)
{
	const struct trip_part *t = trip(c);
	size_t n = t ? t->ntravellers : 0;
	int rc = list_new(c, r, n);

	for (size_t i = 0; rc == 0 && i < n; i++)
		if (!t->travellers[i].t.withdrawn.at)
			list_add(r, t->travellers[i].full_name);
	return rc;
}

static int f_letter_recipient(struct paper_ctx *c, struct paper_values *r)
{
	return one(c, r, c->letter ? c->letter->l.recipient : NULL);
}

static int f_letter_about(struct paper_ctx *c, struct paper_values *r)
{
	return one(c, r, c->letter ? c->letter->l.about : NULL);
}

static int f_letter_number(struct paper_ctx *c, struct paper_values *r)
{
	return one(c, r, c->letter ? c->letter->l.number_symbol : NULL);
}

static int f_letter_sent(struct paper_ctx *c, struct paper_values *r)
{
	return day(c, r, c->letter ? c->letter->l.sent : DATE_NONE);
}

static int f_letter_due(struct paper_ctx *c, struct paper_values *r)
{
	return day(c, r, c->letter ? c->letter->d.due : DATE_NONE);
}

static int f_letter_reminders(struct paper_ctx *c, struct paper_values *r)
{
	const char *n = c->letter ? arena_printf(c->a, "%d", c->letter->l.reminders) : "";

	return n ? one(c, r, n) : HOSO_E_NOMEM;
}

/* A denunciation's points standing, each "content: conclusion". */
static int f_points(struct paper_ctx *c, struct paper_values *r)
{
	const struct denunciation_part *p = case_is(&c->v.c, KIND_DENUNCIATION) ? c->v.part : NULL;
	size_t n = 0;
	int rc = list_new(c, r, p ? p->points.n : 0);

	for (size_t i = 0; rc == 0 && p && i < p->points.n; i++) {
		const struct point_row *x = &p->points.v[i];
		const struct code_name *k =
		    code_find(point_conclusions.codes, point_conclusions.n, x->conclusion);

		if (x->withdrawn.at)
			continue;
		list_add(r, arena_printf(c->a, "%s: %s", x->content, k ? k->vi : "chưa kết luận"));
		n++;
	}
	return rc == 0 && r->n < n ? HOSO_E_NOMEM : rc;
}

/* The denouncer, read as petition_sender allows it (and audited). */
static int sender(struct paper_ctx *c, struct paper_values *r, int address)
{
	const char *name = NULL, *addr = NULL;
	struct err e;
	int rc;

	err_init(&e);
	rc = petition_case_sender(c->app, c->who, c->v.c.id, c->a, &name, &addr, &e);
	err_release(&e);
	if (rc < 0 && rc != HOSO_E_NOT_FOUND)
		return rc;
	return one(c, r, address ? addr : name);
}

static int f_sender_name(struct paper_ctx *c, struct paper_values *r)
{
	return sender(c, r, 0);
}

static int f_sender_address(struct paper_ctx *c, struct paper_values *r)
{
	return sender(c, r, 1);
}

static int f_contested(struct paper_ctx *c, struct paper_values *r)
{
	struct case_row k;

	if (!c->v.c.linked_case ||
	    store_case_get(app_store(c->app), c->v.c.linked_case, c->a, &k) < 0)
		return one(c, r, NULL);
	return one(c, r, k.number);
}

/* A list field is repeated line by line; the same values under a plural
 * name ("subjects") are always joined: "A, B". */
#define LIST   PAPER_FIELD_LIST
#define LETTER PAPER_FIELD_LETTER

static const struct paper_field fields[] = {
    {"case.number", "Số hồ sơ", "Case number", 0, 0, f_number},
    {"case.title", "Tên hồ sơ", "Case title", 0, 0, f_title},
    {"case.type", "Loại (hình thức) của hồ sơ", "Case type", 0, 0, f_type},
    {"case.opened", "Ngày mở hồ sơ", "Opening date", 0, 0, f_opened},
    {"case.conclusion", "Kết luận", "Conclusion", 0, 0, f_conclusion},
    {"today", "Ngày hôm nay", "Today", 0, 0, f_today},
    {"org.name", "Tên tổ chức xử lý", "Handling organisation", 0, 0, f_org_name},
    {"org.committee", "Cấp ủy ban hành (Đảng ủy xã ...)", "Issuing committee", 0, 0, f_committee},
    {"org.committee_upper", "Cấp ủy ban hành, chữ in hoa", "Issuing committee, upper case", 0, 0,
     f_committee_upper},
    {"org.superior", "Cấp trên trực tiếp, chữ in hoa", "The body above, upper case", 0, 0,
     f_superior},
    {"org.place", "Địa danh ghi ngày tháng", "Place of the date line", 0, 0, f_place},
    {"org.initials", "Chữ viết tắt của cấp ủy (ĐU, HU, TU)", "Committee initials", 0, 0,
     f_initials},
    {"org.sign_for", "Thẩm quyền ký (T/M BAN THƯỜNG VỤ)", "Signing for", 0, 0, f_sign_for},
    {"subject.name", "Đối tượng (mỗi người, tổ chức một dòng)", "Subject (a line each)", 0, LIST,
     f_subject},
    {"subjects", "Các đối tượng", "Subjects", 0, 0, f_subject},
    {"team.name", "Thành viên đoàn (mỗi người một dòng)", "Team member (a line each)", 0, LIST,
     f_team},
    {"team", "Các thành viên đoàn (người được phân công)", "Team (the assignees)", 0, 0, f_team},
    {"discipline.subject", "Người, tổ chức bị kỷ luật (mỗi quyết định một dòng)",
     "Disciplined (a line each)", K(KIND_DISCIPLINE), LIST, f_disc_subject},
    {"discipline.subjects", "Những người, tổ chức bị kỷ luật", "Those disciplined",
     K(KIND_DISCIPLINE), 0, f_disc_subject},
    {"discipline.form", "Hình thức kỷ luật", "Discipline form", K(KIND_DISCIPLINE), LIST,
     f_disc_form},
    {"discipline.violation", "Ngày vi phạm", "Violation date", K(KIND_DISCIPLINE), LIST,
     f_disc_violation},
    {"discipline.decided", "Ngày quyết định kỷ luật", "Decision date", K(KIND_DISCIPLINE), LIST,
     f_disc_decided},
    {"appraisal.requester", "Cơ quan đề nghị thẩm định", "Requester", K(KIND_APPRAISAL), 0,
     f_requester},
    {"appraisal.outcome", "Kết quả thẩm định", "Outcome", K(KIND_APPRAISAL), 0, f_outcome},
    {"appraisal.position", "Chức danh, cấp được kết luận", "Position", K(KIND_APPRAISAL), 0,
     f_position},
    {"trip.purpose", "Mục đích chuyến đi", "Purpose", K(KIND_TRIP), 0, f_trip_purpose},
    {"trip.countries", "Nước đến", "Countries", K(KIND_TRIP), 0, f_trip_countries},
    {"trip.depart", "Ngày đi", "Departure", K(KIND_TRIP), 0, f_trip_depart},
    {"trip.come_back", "Ngày về", "Return", K(KIND_TRIP), 0, f_trip_back},
    {"trip.funding", "Kinh phí", "Funding", K(KIND_TRIP), 0, f_trip_funding},
    {"traveller.name", "Người đi (mỗi người một dòng)", "Traveller (a line each)", K(KIND_TRIP),
     LIST, f_traveller},
    {"travellers", "Những người đi", "Travellers", K(KIND_TRIP), 0, f_traveller},
    {"letter.recipient", "Nơi nhận văn bản xác minh", "Letter recipient", K(KIND_ADMISSION), LETTER,
     f_letter_recipient},
    {"letter.about", "Nội dung đề nghị xác minh", "What the letter asks about", K(KIND_ADMISSION),
     LETTER, f_letter_about},
    {"letter.number", "Số văn bản xác minh", "Letter number", K(KIND_ADMISSION), LETTER,
     f_letter_number},
    {"letter.sent", "Ngày gửi văn bản", "Date sent", K(KIND_ADMISSION), LETTER, f_letter_sent},
    {"letter.due", "Hạn trả lời", "Answer due", K(KIND_ADMISSION), LETTER, f_letter_due},
    {"letter.reminders", "Số lần đã đôn đốc", "Reminders sent", K(KIND_ADMISSION), LETTER,
     f_letter_reminders},
    {"point.result", "Nội dung tố cáo và kết luận (mỗi nội dung một dòng)",
     "Denunciation point and its conclusion (a line each)", K(KIND_DENUNCIATION), LIST, f_points},
    {"sender.name", "Họ tên người tố cáo (không in trên giấy gửi người bị tố cáo)",
     "The denouncer's name (never on a paper to the denounced)", K(KIND_DENUNCIATION),
     PAPER_FIELD_PROTECTED, f_sender_name},
    {"sender.address", "Địa chỉ người tố cáo (không in trên giấy gửi người bị tố cáo)",
     "The denouncer's address (never on a paper to the denounced)", K(KIND_DENUNCIATION),
     PAPER_FIELD_PROTECTED, f_sender_address},
    {"complaint.contested", "Số hồ sơ kỷ luật bị khiếu nại", "The contested discipline case",
     K(KIND_COMPLAINT), 0, f_contested},
};

const struct paper_field *paper_fields(size_t *ret_n)
{
	*ret_n = CASE_N(fields);
	return fields;
}

/* ---- checking a template ---- */

int paper_field_allowed(const struct paper *p, const struct paper_field *fv, size_t n,
                        const char *name, const char *part, const struct paper_field **ret,
                        struct err *e)
{
	const struct paper_field *f = NULL;

	for (size_t i = 0; !f && i < n; i++)
		if (strcmp(fv[i].name, name) == 0)
			f = &fv[i];
	if (!f)
		return err_set(
		    e, HOSO_E_UNKNOWN_FIELD, part, "Mẫu \"%s\" (%s) dùng trường không có: {{%s}}",
		    "Template \"%s\" (%s) uses an unknown field: {{%s}}", p->code, part, name);
	if ((f->kinds && !(f->kinds & K(p->kind))) ||
	    ((f->flags & PAPER_FIELD_LETTER) && !(p->flags & PAPER_PER_LETTER)))
		return err_set(e, HOSO_E_UNKNOWN_FIELD, part,
		               "Trường {{%s}} không có trong giấy tờ \"%s\" (%s)",
		               "Field {{%s}} is not available on paper \"%s\" (%s)", name, p->code,
		               part);
	if ((f->flags & PAPER_FIELD_PROTECTED) && (p->flags & PAPER_TO_SUBJECT))
		return err_set(
		    e, HOSO_E_PROTECTED_FIELD, part,
		    "Trường {{%s}} được bảo vệ, không được in trên giấy tờ \"%s\" gửi đối "
		    "tượng (%s)",
		    "Field {{%s}} is protected and may not be printed on paper \"%s\", which "
		    "is sent to the subject (%s)",
		    name, p->code, part);
	*ret = f;
	return 0;
}

struct check {
	const struct paper *p;
	const struct paper_field *fields;
	size_t n;
	const char *part;
};

static int check_field(void *arg, const char *name, struct err *e)
{
	const struct check *c = arg;
	const struct paper_field *f;

	return paper_field_allowed(c->p, c->fields, c->n, name, c->part, &f, e);
}

int paper_check_text(const struct paper *p, const struct paper_field *fv, size_t n,
                     enum paper_part part, const char *text, struct err *e)
{
	struct check c = {p, fv, n, paper_part_code(part)};
	struct tpl_walker w = {NULL, check_field, &c};

	return text ? tpl_walk(text, strlen(text), c.part, &w, e) : 0;
}
