/*
 * table-dump.h - what the import tests read from a table (import/table.h):
 * its rows as one string to compare with the rows expected, and the check
 * of a reader's failure.  Include after <cmocka.h>, core/buf.h, core/err.h
 * and import/table.h.
 */
#ifndef HOSO_TEST_TABLE_DUMP_H
#define HOSO_TEST_TABLE_DUMP_H

/* How table_dump writes a cell that is not empty. */
enum table_dump_style {
	TABLE_DUMP_TEXT,  /* every cell must be text, written as it is */
	TABLE_DUMP_TYPED, /* each cell after its type: "t:", "n:", "d:", "b:", "e:" */
};

static inline void table_dump_cell(const struct table_cell *c, enum table_dump_style style,
                                   struct buf *out)
{
	if (style == TABLE_DUMP_TEXT) {
		assert_int_equal(c->type, TABLE_CELL_TEXT);
		buf_add(out, c->s, c->len);
		return;
	}
	switch (c->type) {
	case TABLE_CELL_TEXT:
		buf_adds(out, "t:");
		buf_add(out, c->s, c->len);
		break;
	case TABLE_CELL_NUMBER:
		buf_adds(out, "n:");
		buf_add(out, c->s, c->len);
		break;
	case TABLE_CELL_DATE:
		buf_addf(out, "d:%.15g", c->num);
		break;
	case TABLE_CELL_BOOL:
		buf_addf(out, "b:%g", c->num);
		break;
	case TABLE_CELL_ERROR:
		buf_adds(out, "e:");
		buf_add(out, c->s, c->len);
		break;
	default:
		fail();
	}
}

/*
 * Read every row of t into out (reset first) as "row:cell|cell\n", an
 * empty cell as "_" and the others in style; return table_next's last
 * result (0 at a clean end).  A typed row must not end with an empty cell.
 */
static inline int table_dump(struct table *t, enum table_dump_style style, struct buf *out,
                             struct err *e)
{
	struct table_row row;
	int r;

	buf_reset(out);
	while ((r = table_next(t, &row, e)) == 1) {
		buf_addf(out, "%ld:", row.number);
		if (style == TABLE_DUMP_TYPED) {
			assert_true(row.ncells > 0);
			assert_true(row.cells[row.ncells - 1].type != TABLE_CELL_EMPTY);
		}
		for (size_t i = 0; i < row.ncells; i++) {
			const struct table_cell *c = &row.cells[i];

			if (i)
				buf_addch(out, '|');
			if (c->type == TABLE_CELL_EMPTY) {
				assert_int_equal(c->len, 0);
				buf_addch(out, '_');
			} else {
				table_dump_cell(c, style, out);
			}
		}
		buf_addch(out, '\n');
	}
	return r;
}

/* e holds a reader's failure: code, at row, said in both languages. */
static inline void assert_table_error(const struct err *e, int code, long row)
{
	assert_int_equal(e->code, code);
	assert_int_equal(e->row, row);
	assert_true(e->msg_vi.len > 0 && e->msg_en.len > 0);
}

#endif
