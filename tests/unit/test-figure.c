/* Unit tests for src/core/figure.c: the table of the report figures has an
 * entry for every figure, codes are unique and parse back, and the
 * figures from deadlines are found by their outcome. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/err.h"
#include "core/figure.h"
#include "helpers.h"

static int filled(const char *s)
{
	return s && *s;
}

/* Every value of the enum has a whole entry: a table that misses one (a
 * designated initialiser left out) leaves it zeroed, which fails here. */
static void test_every_figure_has_an_entry(void **state)
{
	(void)state;
	for (int i = 0; i < FIGURE__MAX; i++) {
		const struct figure_def *d = figure_def((enum figure)i);
		enum figure back = FIGURE__MAX;

		assert_non_null(d);
		if (!filled(d->code))
			fail_msg("figure %d has no entry in the table", i);
		assert_true(filled(d->vi) && filled(d->en) && filled(d->unit_vi) &&
		            filled(d->unit_en) && filled(d->what));
		/* A column's heading is words, never the code. */
		if (!filled(d->short_vi) || !filled(d->short_en) || strchr(d->short_vi, '_'))
			fail_msg("figure %s has no short name", d->code);
		assert_int_equal(!d->distinct_vi, !d->distinct_en);
		assert_true((unsigned)d->source < FIGURE_SOURCE__MAX);
		assert_int_equal(d->source == FIGURE_COUNTED, d->timing == FIGURE_UNTIMED);
		assert_string_equal(figure_code((enum figure)i), d->code);
		assert_int_equal(figure_parse(d->code, &back), 0);
		assert_int_equal(back, i);
		for (int j = 0; j < i; j++)
			assert_string_not_equal(figure_code((enum figure)j), d->code);
	}
	assert_null(figure_def(FIGURE__MAX));
	assert_null(figure_code(FIGURE__MAX));
}

static void test_parse_refuses_unknown_codes(void **state)
{
	enum figure f = FIGURE_RNN_LUOT;

	(void)state;
	assert_int_equal(figure_parse("kt_to_chuc", &f), 0);
	assert_int_equal(f, FIGURE_KT_TO_CHUC);
	f = FIGURE_RNN_LUOT;
	assert_int_equal(figure_parse("kt_to_chuc ", &f), HOSO_E_BAD_ENUM);
	assert_int_equal(figure_parse("", &f), HOSO_E_BAD_ENUM);
	assert_int_equal(figure_parse(NULL, &f), HOSO_E_BAD_ENUM);
	assert_int_equal(f, FIGURE_RNN_LUOT);
}

/* Each figure from a deadline is the only one of its source and outcome;
 * an outcome no figure counts gives FIGURE__MAX. */
static void test_figures_from_deadlines(void **state)
{
	(void)state;
	for (int i = 0; i < FIGURE__MAX; i++) {
		const struct figure_def *d = figure_def((enum figure)i);

		if (d->source != FIGURE_COUNTED)
			assert_int_equal(figure_of_deadline(d->source, d->timing), i);
	}
	assert_int_equal(figure_of_deadline(FIGURE_TRAVELLER, FIGURE_LATE),
	                 FIGURE_RNN_BAO_CAO_TRE_HAN);
	assert_int_equal(figure_of_deadline(FIGURE_LETTER, FIGURE_OVERDUE), FIGURE_VB_QUA_HAN);
	assert_int_equal(figure_of_deadline(FIGURE_LETTER, FIGURE_ON_TIME), FIGURE__MAX);
	assert_int_equal(figure_of_deadline(FIGURE_DENUNCIATION, FIGURE_ON_TIME),
	                 FIGURE_TC_DUNG_HAN);
	assert_int_equal(figure_of_deadline(FIGURE_DENUNCIATION, FIGURE_LATE), FIGURE_TC_TRE_HAN);
	assert_int_equal(figure_of_deadline(FIGURE_COMPLAINT, FIGURE_OVERDUE), FIGURE_KNKL_QUA_HAN);
	assert_int_equal(figure_of_deadline(FIGURE_COUNTED, FIGURE_UNTIMED), FIGURE__MAX);
}

TEST_MAIN(cmocka_unit_test(test_every_figure_has_an_entry),
          cmocka_unit_test(test_parse_refuses_unknown_codes),
          cmocka_unit_test(test_figures_from_deadlines))
