/* Unit tests for src/app/appraisal.c: outcome, position and documents of a
 * political-standard appraisal, and what a conclusion waits for. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/appraisal.h"
#include "app/patch.h"
#include "app/case.h"
#include "app/org.h"
#include "fixture.h"
#include "store/store.h"

static int step(struct app *app, const struct actor *who, int64_t id, const char *to, struct err *e)
{
	struct case_row c;
	struct arena a;
	int rc;

	arena_init(&a, 0);
	rc = case_fetch(app, who, id, &a, &c, e);
	if (rc == 0)
		rc = case_transition(app, who, id, to, date_days(2024, 6, 5), NULL, "Kết luận",
		                     c.version, e);
	arena_release(&a);
	return rc;
}

static void test_appraisal_outcome_and_documents(void **state)
{
	struct fixture *fx = *state;
	struct actor officer, leader, viewer;
	struct case_input in = {.kind = "tham_dinh",
	                        .subtype = "bo_nhiem",
	                        .title = "Thẩm định tiêu chuẩn chính trị",
	                        .opened = date_days(2024, 6, 3)};
	struct appraisal_input ap = {.requester = "Ban Tổ chức Tỉnh ủy"};
	struct appraisal_row got;
	struct appraisal_doc_list docs;
	int64_t id, other, doc, doc2;

	officer = fixture_actor(7, ROLE_OFFICER, fx->tu, CLEARANCE_NORMAL);
	leader = fixture_actor(8, ROLE_LEADER, fx->tu, CLEARANCE_NORMAL);
	viewer = fixture_actor(9, ROLE_VIEWER, fx->tu, CLEARANCE_NORMAL);
	fixture_case_and_inspection(fx, &officer, in, fx->tu, &id, &other);

	/* Only an appraisal, by officers and leaders; bad input named. */
	assert_int_equal(appraisal_set(fx->app, &officer, other, &ap, &fx->e), HOSO_E_CONFLICT);
	assert_int_equal(appraisal_set(fx->app, &viewer, id, &ap, &fx->e), HOSO_E_DENIED);
	ap.outcome = "dat_mot_phan";
	assert_int_equal(appraisal_set(fx->app, &officer, id, &ap, &fx->e), HOSO_E_BAD_ENUM);
	assert_string_equal(fx->e.field.buf, "outcome");
	ap.outcome = "dat"; /* met: for which position? */
	assert_int_equal(appraisal_set(fx->app, &officer, id, &ap, &fx->e), HOSO_E_MISSING);
	assert_string_equal(fx->e.field.buf, "position");
	assert_int_equal(appraisal_doc_put(fx->app, &officer, id, "  ", 0, &doc, &fx->e),
	                 HOSO_E_MISSING);

	/* No conclusion without an outcome; none while a document is missing. */
	ap.outcome = NULL;
	assert_int_equal(appraisal_set(fx->app, &officer, id, &ap, &fx->e), 0);
	assert_int_equal(step(fx->app, &leader, id, "ket_luan", &fx->e), HOSO_E_CONFLICT);
	assert_string_equal(fx->e.field.buf, "outcome");
	assert_int_equal(step(fx->app, &leader, id, "chuyen_cap_tren", &fx->e), HOSO_E_CONFLICT);
	assert_int_equal(
	    appraisal_doc_put(fx->app, &officer, id, "Bản tự kiểm điểm", 0, &doc, &fx->e), 0);
	assert_int_equal(
	    appraisal_doc_put(fx->app, &officer, id, "Sơ yếu lý lịch", 1, &doc2, &fx->e), 0);
	ap = (struct appraisal_input){"Ban Tổ chức Tỉnh ủy", "dat", "Phó Chủ tịch UBND xã"};
	assert_int_equal(appraisal_set(fx->app, &officer, id, &ap, &fx->e), 0);
	assert_int_equal(step(fx->app, &leader, id, "ket_luan", &fx->e), HOSO_E_CONFLICT);
	assert_string_equal(fx->e.field.buf, "documents");
	assert_non_null(strstr(err_text_en(&fx->e), "Bản tự kiểm điểm"));
	assert_null(strstr(err_text_en(&fx->e), "Sơ yếu lý lịch"));
	/* The same name again changes it, not a new row. */
	assert_int_equal(
	    appraisal_doc_put(fx->app, &officer, id, "Bản tự kiểm điểm", 1, &doc2, &fx->e), 0);
	assert_int_equal(doc2, doc);
	assert_int_equal(store_appraisal_docs(app_store(fx->app), id, &fx->a, &docs), 0);
	assert_int_equal(docs.n, 2);
	assert_int_equal(step(fx->app, &leader, id, "ket_luan", &fx->e), 0);
	assert_int_equal(store_appraisal_get(app_store(fx->app), id, &fx->a, &got), 0);
	assert_string_equal(got.outcome, "dat");
	assert_string_equal(got.position, "Phó Chủ tịch UBND xã");
	assert_string_equal(got.requester, "Ban Tổ chức Tỉnh ủy");
	assert_true(appraisal_outcome_valid("chuyen_cap_tren"));
	assert_false(appraisal_outcome_valid(NULL));
	/* A partial update: the requester only, with the version read; the
	 * outcome and the position stay.  A stale version changes nothing. */
	ap = (struct appraisal_input){.requester = "Ban Tổ chức Huyện ủy",
	                              .sent = PATCH_LISTED | 1u << APPRAISAL_REQUESTER,
	                              .version = got.version};
	assert_int_equal(appraisal_set(fx->app, &officer, id, &ap, &fx->e), 0);
	assert_int_equal(appraisal_set(fx->app, &officer, id, &ap, &fx->e), HOSO_E_CONFLICT);
	assert_int_equal(store_appraisal_get(app_store(fx->app), id, &fx->a, &got), 0);
	assert_string_equal(got.requester, "Ban Tổ chức Huyện ủy");
	assert_string_equal(got.outcome, "dat");
	assert_string_equal(got.position, "Phó Chủ tịch UBND xã");
	/* clearing the position of a met standard is refused */
	ap = (struct appraisal_input){.sent = PATCH_LISTED | 1u << APPRAISAL_POSITION};
	assert_int_equal(appraisal_set(fx->app, &officer, id, &ap, &fx->e), HOSO_E_MISSING);
	assert_string_equal(fx->e.field.buf, "position");
}

TEST_MAIN(FIXTURE_TEST(test_appraisal_outcome_and_documents, fixture_setup))
