/*
 * import.c - importing organisations and persons from CSV/XLSX (import.h).
 */
#include "app/import.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "app/codes.h"
#include "app/gate.h"
#include "app/org.h"
#include "app/person.h"
#include "app/scope.h"
#include "import/table.h"
#include "store/store.h"
#include "vi/vi.h"

#include "core/banned.h"

enum col_type { COL_TEXT, COL_DATE, COL_ID12 };

struct col_def {
	const char *field;   /* field name used in errors */
	const char *keys[5]; /* folded header names that match */
	enum col_type type;
	int required;
};

enum pcol {
	PC_NAME,
	PC_BIRTH,
	PC_SEX,
	PC_CCCD,
	PC_FILE,
	PC_CARD,
	PC_ADMIT,
	PC_FULL,
	PC_ORG,
	PC_HOME,
	PC_RES,
	PC_ETH,
	PC_STATUS,
	PC_JOINED,
	PC__MAX
};

static const struct col_def pcols[PC__MAX] = {
    [PC_NAME] = {"full_name", {"ho va ten", "ho ten", "ten day du", "full name"}, COL_TEXT, 1},
    [PC_BIRTH] = {"birth_date", {"ngay sinh", "ngay thang nam sinh", "nam sinh"}, COL_DATE, 0},
    [PC_SEX] = {"sex", {"gioi tinh", "gioi"}, COL_TEXT, 0},
    [PC_CCCD] = {"cccd", {"so cccd", "cccd", "so can cuoc cong dan", "so can cuoc"}, COL_ID12, 0},
    [PC_FILE] = {"party_file_no", {"so ly lich", "so ly lich dang vien"}, COL_TEXT, 0},
    [PC_CARD] = {"party_card_no", {"so the dang vien", "so the dv", "so the"}, COL_TEXT, 0},
    [PC_ADMIT] = {"admission_date", {"ngay vao dang", "ngay ket nap"}, COL_DATE, 0},
    [PC_FULL] = {"full_member_date", {"ngay chinh thuc", "ngay cong nhan chinh thuc"}, COL_DATE, 0},
    [PC_ORG] = {"org", {"ma to chuc", "ma chi bo", "ma to chuc dang"}, COL_TEXT, 0},
    [PC_HOME] = {"home_town", {"que quan"}, COL_TEXT, 0},
    [PC_RES] = {"residence", {"noi o hien nay", "noi o", "cho o hien nay"}, COL_TEXT, 0},
    [PC_ETH] = {"ethnicity", {"dan toc"}, COL_TEXT, 0},
    [PC_STATUS] = {"status", {"trang thai"}, COL_TEXT, 0},
    [PC_JOINED] = {"joined", {"ngay sinh hoat", "ngay chuyen den"}, COL_DATE, 0},
};

enum ocol { OC_CODE, OC_NAME, OC_KIND, OC_PARENT, OC_FROM, OC_DOC, OC__MAX };

static const struct col_def ocols[OC__MAX] = {
    [OC_CODE] = {"code", {"ma", "ma to chuc"}, COL_TEXT, 1},
    [OC_NAME] = {"name", {"ten", "ten to chuc"}, COL_TEXT, 1},
    [OC_KIND] = {"kind", {"loai", "loai to chuc"}, COL_TEXT, 1},
    [OC_PARENT] = {"parent", {"ma cap tren", "cap tren"}, COL_TEXT, 0},
    [OC_FROM] = {"from", {"tu ngay", "ngay thanh lap"}, COL_DATE, 1},
    [OC_DOC] = {"document", {"van ban", "quyet dinh"}, COL_TEXT, 0},
};

struct importer {
	struct app *app;
	const struct actor *who;
	const struct import_opts *opts;
	struct import_stats *st;
	const struct col_def *cols;
	int ncols;
	int64_t mark; /* persons with a higher id came from this file */
	int bulk;     /* indexes dropped for this load (store_person_bulk_*) */
	struct {
		int64_t id;
		long number; /* row in the file */
	} * loaded;          /* every person inserted, in id order */
	size_t nloaded, caploaded;
	int map[TABLE_MAX_COLUMNS]; /* file column -> our column, -1 unknown */
	char *header[PC__MAX];      /* header text as found, per our column */
	size_t report_lines;
	/* org code -> id cache (codes repeat across thousands of rows) */
	struct {
		char *code;
		int64_t id;
		int32_t from;
	} cache[256];
};

int import_kind_parse(const char *s, enum import_kind *ret)
{
	if (s && strcmp(s, "orgs") == 0)
		*ret = IMPORT_ORGS;
	else if (s && strcmp(s, "persons") == 0)
		*ret = IMPORT_PERSONS;
	else
		return HOSO_E_BAD_ENUM;
	return 0;
}

static void report(struct importer *im, long row, int col, const struct err *e)
{
	FILE *f = im->opts->report;
	const char *h = col >= 0 && im->header[col] ? im->header[col] : NULL;

	if (!f || (im->opts->max_report_lines && im->report_lines >= im->opts->max_report_lines))
		return;
	im->report_lines++;
	if (h)
		fprintf(f, "Dòng %ld, cột \"%s\": %s | Row %ld, column \"%s\": %s [%s]\n", row, h,
		        err_text_vi(e), row, h, err_text_en(e), err_name(e->code));
	else
		fprintf(f, "Dòng %ld: %s | Row %ld: %s [%s]\n", row, err_text_vi(e), row,
		        err_text_en(e), err_name(e->code));
}

static int col_of_field(const struct importer *im, const char *field)
{
	for (int i = 0; i < im->ncols; i++)
		if (strcmp(im->cols[i].field, field) == 0)
			return i;
	return -1;
}

static int map_header(struct importer *im, const struct table_row *r, struct err *e)
{
	struct buf key = BUF_INIT(4096);
	int found[PC__MAX] = {0}, rc = 0;

	for (size_t c = 0; c < TABLE_MAX_COLUMNS; c++)
		im->map[c] = -1;
	for (size_t c = 0; c < r->ncells && c < TABLE_MAX_COLUMNS; c++) {
		const struct table_cell *cell = &r->cells[c];

		if (cell->type != TABLE_CELL_TEXT)
			continue;
		rc = vi_check(cell->s, cell->len);
		if (rc < 0) {
			buf_release(&key);
			err_set(e, rc, NULL,
			        "Dòng tiêu đề: %s. Hãy lưu tệp ở dạng CSV UTF-8 hoặc XLSX", NULL,
			        err_message_vi(rc));
			err_en(e, "Header row: %s. Save the file as CSV UTF-8 or XLSX",
			       err_message_en(rc));
			return rc;
		}
		if (vi_search_key(cell->s, cell->len, &key) < 0)
			continue;
		for (int k = 0; k < im->ncols; k++)
			for (int a = 0; a < 5 && im->cols[k].keys[a]; a++)
				if (!found[k] && strcmp(key.buf, im->cols[k].keys[a]) == 0) {
					im->map[c] = k;
					found[k] = 1;
					struct buf nfc = BUF_INIT(4096);

					if (vi_nfc(cell->s, cell->len, &nfc) == 0)
						im->header[k] = buf_detach(&nfc, NULL);
					buf_release(&nfc);
				}
	}
	buf_release(&key);
	for (int k = 0; k < im->ncols; k++)
		if (im->cols[k].required && !found[k])
			return err_set(e, HOSO_E_MISSING, im->cols[k].field,
			               "Thiếu cột bắt buộc '%s' trong dòng tiêu đề (dòng %ld)",
			               "The header (row %2$ld) lacks the required column '%1$s'",
			               im->cols[k].keys[0], r->number);
	return 0;
}

/*
 * The text of one cell for a column of the given type, in a (NULL when
 * empty).  Numbers are what Excel makes of typed text: a CCCD loses its
 * leading zero, a year becomes a number, a date becomes a serial day.
 */
static int cell_text(const struct table_cell *c, enum col_type type, struct arena *a,
                     const char **ret)
{
	char tmp[64];

	*ret = NULL;
	switch (c->type) {
	case TABLE_CELL_EMPTY:
		return 0;
	case TABLE_CELL_TEXT:
		*ret = arena_strndup(a, c->s, c->len);
		return *ret ? 0 : HOSO_E_NOMEM;
	case TABLE_CELL_NUMBER:
	case TABLE_CELL_DATE:
		if (type == COL_DATE) {
			int32_t d;

			if (c->type == TABLE_CELL_NUMBER && c->num == floor(c->num) &&
			    c->num >= 1800 && c->num <= 2200) {
				snprintf(tmp, sizeof(tmp), "%.0f", c->num); /* a year */
			} else {
				if (date_from_excel_serial(c->num, &d) < 0)
					return HOSO_E_BAD_DATE;
				date_format_vn(d, tmp);
			}
		} else if (type == COL_ID12 && c->num == floor(c->num) && c->num >= 0 &&
		           c->num < 1e12) {
			snprintf(tmp, sizeof(tmp), "%012.0f", c->num);
		} else if (c->num == floor(c->num) && fabs(c->num) < 1e15) {
			snprintf(tmp, sizeof(tmp), "%.0f", c->num);
		} else {
			*ret = arena_strndup(a, c->s, c->len);
			return *ret ? 0 : HOSO_E_NOMEM;
		}
		*ret = arena_strdup(a, tmp);
		return *ret ? 0 : HOSO_E_NOMEM;
	case TABLE_CELL_BOOL:
		*ret = arena_strdup(a, c->num ? "1" : "0");
		return *ret ? 0 : HOSO_E_NOMEM;
	default:
		return HOSO_E_INVALID;
	}
}

/* Gather the row's cells into vals[] by our column index. */
static int row_values(struct importer *im, const struct table_row *r, struct arena *a,
                      const char **vals, struct err *e)
{
	for (int k = 0; k < im->ncols; k++)
		vals[k] = NULL;
	for (size_t c = 0; c < r->ncells && c < TABLE_MAX_COLUMNS; c++) {
		int k = im->map[c], rc;

		if (k < 0)
			continue;
		rc = cell_text(&r->cells[c], im->cols[k].type, a, &vals[k]);
		if (rc == HOSO_E_NOMEM) {
			err_set(e, rc, NULL, NULL, NULL); /* not the cell's fault */
			return k;
		}
		if (rc < 0) {
			err_set(e, rc == HOSO_E_BAD_DATE ? rc : HOSO_E_INVALID, im->cols[k].field,
			        "Ô có giá trị không dùng được (%.*s)", "Unusable cell value (%.*s)",
			        (int)(r->cells[c].len > 40 ? 40 : r->cells[c].len),
			        r->cells[c].s ? r->cells[c].s : "");
			return k;
		}
	}
	return -1;
}

/* Resolve an organisation code (in scope) and its founding day, with a
 * small cache: codes repeat across thousands of rows. */
static int find_org_from(struct importer *im, const char *code, int64_t *ret, int32_t *ret_from,
                         struct err *e)
{
	unsigned h = 5381;
	struct arena a;
	struct org_row o;
	int rc;

	for (const char *p = code; *p; p++)
		h = h * 33 + (unsigned char)*p;
	h %= 256;
	if (im->cache[h].code && strcmp(im->cache[h].code, code) == 0) {
		*ret = im->cache[h].id;
		if (ret_from)
			*ret_from = im->cache[h].from;
		return 0;
	}
	rc = org_find(im->app, im->who, code, ret, e);
	if (rc < 0)
		return rc;
	arena_init(&a, 1 << 16);
	rc = org_get(im->app, im->who, *ret, DATE_OPEN, &a, &o, e);
	arena_release(&a);
	if (rc < 0)
		return rc;
	free(im->cache[h].code);
	im->cache[h].code = strdup(code);
	im->cache[h].id = *ret;
	im->cache[h].from = o.valid_from;
	if (ret_from)
		*ret_from = o.valid_from;
	return 0;
}

static int find_org(struct importer *im, const char *code, int64_t *ret, struct err *e)
{
	return find_org_from(im, code, ret, NULL, e);
}

/* Update an existing person with the row's non-empty cells. */
static int update_person(struct importer *im, int64_t id, const char **vals, struct arena *a,
                         struct err *e)
{
	struct person_row cur, row;
	struct person_input in = {0};
	int rc = person_get(im->app, im->who, id, a, &cur, e);

	if (rc < 0)
		return rc;
#define PICKV(k, v) (vals[k] ? vals[k] : (v))
	in.full_name = PICKV(PC_NAME, cur.full_name);
	if (!vals[PC_NAME] && cur.name_manual) {
		in.family_name = cur.family_name;
		in.middle_name = cur.middle_name;
		in.given_name = cur.given_name;
	}
	in.birth_date = PICKV(PC_BIRTH, cur.birth_date);
	in.sex = PICKV(PC_SEX, cur.sex);
	in.cccd = PICKV(PC_CCCD, cur.cccd);
	in.party_file_no = PICKV(PC_FILE, cur.party_file_no);
	in.party_card_no = PICKV(PC_CARD, cur.party_card_no);
	in.admission_date = PICKV(PC_ADMIT, code_date_text(a, cur.admission_date));
	in.full_member_date = PICKV(PC_FULL, code_date_text(a, cur.full_member_date));
	in.home_town = PICKV(PC_HOME, cur.home_town);
	in.residence = PICKV(PC_RES, cur.residence);
	in.ethnicity = PICKV(PC_ETH, cur.ethnicity);
	in.status = PICKV(PC_STATUS, cur.status);
	in.management_level = cur.management_level;
	in.confidentiality = cur.confidentiality;
#undef PICKV
	if ((rc = person_prepare(im->app, &in, a, &row, e)) < 0)
		return rc;
	row.id = id;
	row.version = cur.version;
	row.org_id = cur.org_id;
	if (vals[PC_ORG]) {
		int64_t org;

		if ((rc = find_org(im, vals[PC_ORG], &org, e)) < 0)
			return rc;
		if (org != cur.org_id) {
			struct membership_row m = {.person_id = id,
			                           .org_id = org,
			                           .valid_from = date_today(),
			                           .valid_to = DATE_OPEN,
			                           .status = row.status};

			rc = store_membership_close(app_store(im->app), id, date_today());
			if (rc == 0)
				rc = store_membership_insert(app_store(im->app), &m, NULL);
			if (rc < 0)
				return err_set(e, rc, "org", NULL, NULL);
			row.org_id = org;
		}
	}
	return store_person_update(app_store(im->app), &row, e);
}

/*
 * A person row moves through two stages.  prepare (no database: parsing,
 * NFC, validation, name split, keys) runs on a reader thread; store (the
 * organisation, the insert or the update) runs on the writer, which owns
 * the SQLite connection.  On two cores the stages overlap.
 */
struct prow {
	long number;
	int rc; /* < 0: rejected in prepare, err says why */
	const char *vals[PC__MAX];
	struct person_row row;
	int32_t joined;
	struct err err;
};

static int person_row_prepare(struct importer *im, const struct table_row *r, struct arena *a,
                              struct prow *p)
{
	struct person_input in = {0};
	int rc;

	p->number = r->number;
	if (row_values(im, r, a, p->vals, &p->err) >= 0)
		return p->err.code;
	in.full_name = p->vals[PC_NAME];
	in.birth_date = p->vals[PC_BIRTH];
	in.sex = p->vals[PC_SEX];
	in.cccd = p->vals[PC_CCCD];
	in.party_file_no = p->vals[PC_FILE];
	in.party_card_no = p->vals[PC_CARD];
	in.admission_date = p->vals[PC_ADMIT];
	in.full_member_date = p->vals[PC_FULL];
	in.home_town = p->vals[PC_HOME];
	in.residence = p->vals[PC_RES];
	in.ethnicity = p->vals[PC_ETH];
	in.status = p->vals[PC_STATUS];
	in.joined = p->vals[PC_JOINED];
	if ((rc = person_prepare(im->app, &in, a, &p->row, &p->err)) < 0)
		return rc;
	p->joined = p->row.admission_date != DATE_NONE ? p->row.admission_date : date_today();
	if (in.joined) {
		struct pdate d;

		if (pdate_parse(in.joined, strlen(in.joined), &d) == 0 && pdate_is_full(&d))
			p->joined = date_days(d.y, d.m, d.d);
	}
	return 0;
}

static int person_row_store(struct importer *im, struct prow *p, struct arena *a, struct err *e)
{
	const char **vals = p->vals;
	struct person_row *row = &p->row;
	int64_t existing = 0, new_id = 0;
	int32_t org_from = DATE_NONE;
	int rc;

	row->org_id = 0;
	if (vals[PC_ORG] && (rc = find_org_from(im, vals[PC_ORG], &row->org_id, &org_from, e)) < 0)
		return rc;
	if (im->who->scope_org && !row->org_id)
		return err_set(e, HOSO_E_MISSING, "org", "Thiếu mã tổ chức",
		               "The organisation code is missing");
	if (row->org_id && p->joined < org_from)
		p->joined = org_from; /* a membership cannot start before its organisation */
	/* Insert; a CCCD or party file number already on record makes the
	 * unique index refuse it, and only then do we look for the existing
	 * person (the common case costs no extra lookup). */
	rc = person_insert_prepared(im->app, row, p->joined, &new_id, e);
	if (rc == 0) {
		if (im->nloaded == im->caploaded) {
			size_t nc = im->caploaded ? im->caploaded * 2 : 4096;
			void *nv = realloc(im->loaded, nc * sizeof(*im->loaded));

			if (!nv)
				return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
			im->loaded = nv;
			im->caploaded = nc;
		}
		im->loaded[im->nloaded].id = new_id;
		im->loaded[im->nloaded].number = p->number;
		im->nloaded++;
	}
	if (rc == 0) {
		im->st->inserted++;
		return 0;
	}
	if (rc != HOSO_E_DUPLICATE)
		return rc;
	if (row->cccd)
		store_person_find_by(app_store(im->app), "cccd", row->cccd, &existing);
	if (!existing && row->party_file_no)
		store_person_find_by(app_store(im->app), "party_file_no", row->party_file_no,
		                     &existing);
	if (existing > im->mark) {
		/* Twice in the same file: the first row stands. */
		return err_set(e, HOSO_E_DUPLICATE, row->cccd ? "cccd" : "party_file_no",
		               "Trùng với một dòng trước trong cùng tệp (%s)",
		               "Same person as an earlier row of this file (%s)",
		               row->cccd ? "CCCD" : "số lý lịch");
	}
	if (!existing || !im->opts->update) {
		if (existing)
			err_set(e, HOSO_E_DUPLICATE, row->cccd ? "cccd" : "party_file_no",
			        "Người này đã có trong hồ sơ (trùng %s); dùng --update để cập nhật",
			        "This person is already on record (same %s); use --update",
			        row->cccd ? "CCCD" : "số lý lịch");
		return HOSO_E_DUPLICATE; /* e names the field (a card number) */
	}
	err_clear(e);
	rc = update_person(im, existing, vals, a, e);
	if (rc == 0)
		im->st->updated++;
	return rc;
}

/* ---- the reader thread and its batches ---- */

#define BATCH_ROWS 512
#define NBATCHES   4

struct batch {
	struct arena a;
	size_t n;
	struct prow rows[BATCH_ROWS];
	int last;    /* no batch follows */
	int read_rc; /* < 0: the file broke; read_err says where */
	struct err read_err;
	size_t done, total;
};

struct pipeline {
	struct importer *im;
	struct table *t;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct batch *b[NBATCHES];
	int full[NBATCHES]; /* ring of filled batches, in order */
	size_t head, count;
	int freel[NBATCHES];
	size_t nfree;
	int stop; /* the writer gave up: the reader stops too */
};

static void *reader_main(void *arg)
{
	struct pipeline *pl = arg;
	int last = 0;

	while (!last) {
		struct batch *b;
		struct table_row r;
		int idx, rc = 0;

		pthread_mutex_lock(&pl->mu);
		while (!pl->nfree && !pl->stop)
			pthread_cond_wait(&pl->cv, &pl->mu);
		if (pl->stop) {
			pthread_mutex_unlock(&pl->mu);
			break;
		}
		idx = pl->freel[--pl->nfree];
		pthread_mutex_unlock(&pl->mu);
		b = pl->b[idx];
		arena_reset(&b->a);
		b->n = 0;
		b->last = 0;
		b->read_rc = 0;
		err_clear(&b->read_err);
		while (b->n < BATCH_ROWS && (rc = table_next(pl->t, &r, &b->read_err)) == 1) {
			struct prow *p = &b->rows[b->n++];

			err_clear(&p->err);
			p->rc = person_row_prepare(pl->im, &r, &b->a, p);
		}
		if (rc <= 0) {
			b->last = last = 1;
			b->read_rc = rc;
		}
		table_progress(pl->t, &b->done, &b->total);
		pthread_mutex_lock(&pl->mu);
		pl->full[(pl->head + pl->count) % NBATCHES] = idx;
		pl->count++;
		pthread_cond_broadcast(&pl->cv);
		pthread_mutex_unlock(&pl->mu);
	}
	return NULL;
}

/*
 * A file that will add at least BULK_MIN_ROWS persons and at least half as
 * many as are on record is loaded without index maintenance: building the
 * indexes afterwards by sorting costs a fraction of a million random b-tree
 * inserts.  The estimate comes from the first batch (bytes per row).  Not
 * with --update, whose duplicates must be found row by row.
 */
#define BULK_MIN_ROWS 10000

static int decide_bulk(struct importer *im, const struct batch *b, struct err *e)
{
	int64_t existing = 0;
	double est;
	int rc;

	if (im->opts->update || b->last || b->done == 0)
		return 0;
	est = (double)b->total * (double)(im->st->rows + b->n) / (double)b->done;
	if (est < BULK_MIN_ROWS)
		return 0;
	if ((rc = store_person_count(app_store(im->app), &existing)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if (est * 2 < (double)existing)
		return 0;
	if ((rc = store_person_bulk_begin(app_store(im->app))) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	im->bulk = 1;
	return 0;
}

static long loaded_row(const struct importer *im, int64_t id)
{
	size_t lo = 0, hi = im->nloaded;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (im->loaded[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < im->nloaded && im->loaded[lo].id == id ? im->loaded[lo].number : 0;
}

/* After a bulk load: reject the new rows whose identifiers are already on
 * record or came earlier in the file, then rebuild the indexes. */
static int finish_bulk(struct importer *im, struct err *e)
{
	static const struct {
		const char *field, *vi, *en;
	} names[] = {
	    {"cccd", "Số CCCD", "Citizen ID"},
	    {"party_file_no", "Số lý lịch", "Party file number"},
	    {"party_card_no", "Số thẻ đảng viên", "Party card number"},
	};
	struct person_dup *d;
	struct arena a;
	struct err rowe;
	size_t n;
	int rc;

	/* Most files hold no duplicate: the unique indexes build at once. */
	rc = store_person_bulk_end(app_store(im->app), im->mark);
	if (rc != HOSO_E_DUPLICATE)
		return rc < 0 ? err_set(e, rc, NULL, NULL, NULL) : 0;
	arena_init(&a, (size_t)1 << 30);
	err_init(&rowe);
	rc = store_person_bulk_duplicates(app_store(im->app), im->mark, &a, &d, &n);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		long row = loaded_row(im, d[i].id), first = loaded_row(im, d[i].first_id);
		const char *vi = d[i].field, *en = d[i].field;
		int done = 0;

		for (size_t k = 0; k < i && !done; k++)
			done = d[k].id == d[i].id; /* same row, another identifier */
		if (done)
			continue;
		for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
			if (strcmp(names[k].field, d[i].field) == 0) {
				vi = names[k].vi;
				en = names[k].en;
			}
		if (first)
			err_set(&rowe, HOSO_E_DUPLICATE, d[i].field,
			        "%s trùng với dòng %ld trong cùng tệp", NULL, vi, first);
		else
			err_set(&rowe, HOSO_E_DUPLICATE, d[i].field, "%s đã có trong hồ sơ khác",
			        NULL, vi);
		if (first)
			err_en(&rowe, "%s: same as row %ld of this file", en, first);
		else
			err_en(&rowe, "%s is already on record", en);
		report(im, row, col_of_field(im, d[i].field), &rowe);
		rc = store_person_bulk_remove(app_store(im->app), d[i].id);
		im->st->inserted--;
		im->st->rejected++;
	}
	if (rc == 0)
		rc = store_person_bulk_end(app_store(im->app), im->mark);
	if (rc < 0)
		err_set(e, rc, NULL, NULL, NULL);
	err_release(&rowe);
	arena_release(&a);
	return rc;
}

/* Write the person rows of t (after its header) inside the open transaction. */
static int import_persons_rows(struct importer *im, struct table *t, struct err *e)
{
	struct pipeline pl = {.im = im, .t = t};
	struct arena a;
	pthread_t th;
	int rc = 0, done = 0, started, decided = 0;

	pthread_mutex_init(&pl.mu, NULL);
	pthread_cond_init(&pl.cv, NULL);
	for (int i = 0; i < NBATCHES; i++) {
		pl.b[i] = calloc(1, sizeof(*pl.b[i]));
		if (!pl.b[i]) {
			rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
			break;
		}
		arena_init(&pl.b[i]->a, (size_t)64 << 20);
		err_init(&pl.b[i]->read_err);
		for (int k = 0; k < BATCH_ROWS; k++)
			err_init(&pl.b[i]->rows[k].err);
		pl.freel[pl.nfree++] = i;
	}
	started = rc == 0 && pthread_create(&th, NULL, reader_main, &pl) == 0;
	if (rc == 0 && !started)
		rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	arena_init(&a, 1 << 24);
	while (started && !done && rc == 0) {
		struct batch *b;
		int idx;

		pthread_mutex_lock(&pl.mu);
		while (!pl.count)
			pthread_cond_wait(&pl.cv, &pl.mu);
		idx = pl.full[pl.head];
		pl.head = (pl.head + 1) % NBATCHES;
		pl.count--;
		pthread_mutex_unlock(&pl.mu);
		b = pl.b[idx];
		/* Decide once the reader is well into the file (it reads ahead
		 * by a chunk, so the first rows say little about the size). */
		if (!decided && (b->done >= 4 * 65536 || b->last)) {
			decided = 1;
			rc = decide_bulk(im, b, e);
		}
		for (size_t i = 0; i < b->n && rc == 0; i++) {
			struct prow *p = &b->rows[i];
			int r2 = p->rc;

			im->st->rows++;
			if (r2 == 0) {
				arena_reset(&a);
				r2 = person_row_store(im, p, &a, &p->err);
			}
			if (r2 == HOSO_E_DB || r2 == HOSO_E_IO || r2 == HOSO_E_NOMEM ||
			    r2 == HOSO_E_BUSY) {
				/* The database or the memory failed, not the row (while
				 * it was read or while it was stored): stop. */
				rc = err_set(e, r2, NULL, NULL, NULL);
				break;
			}
			if (r2 < 0) {
				im->st->rejected++;
				report(im, p->number, col_of_field(im, p->err.field.buf), &p->err);
			}
		}
		if (rc == 0 && im->opts->progress)
			im->opts->progress(b->done, b->total, im->st->rows, im->opts->arg);
		if (rc == 0 && b->last) {
			done = 1;
			if (b->read_rc < 0) {
				/* The file itself is broken: e says where. */
				rc = err_set(e, b->read_rc, b->read_err.field.buf, "%s", "%s",
				             err_text_vi(&b->read_err));
				err_en(e, "%s", err_text_en(&b->read_err));
				e->row = b->read_err.row;
			}
		}
		pthread_mutex_lock(&pl.mu);
		pl.freel[pl.nfree++] = idx;
		if (rc < 0)
			pl.stop = 1;
		pthread_cond_broadcast(&pl.cv);
		pthread_mutex_unlock(&pl.mu);
	}
	if (started)
		pthread_join(th, NULL);
	arena_release(&a);
	for (int i = 0; i < NBATCHES; i++) {
		if (!pl.b[i])
			continue;
		for (int k = 0; k < BATCH_ROWS; k++)
			err_release(&pl.b[i]->rows[k].err);
		err_release(&pl.b[i]->read_err);
		arena_release(&pl.b[i]->a);
		free(pl.b[i]);
	}
	pthread_mutex_destroy(&pl.mu);
	pthread_cond_destroy(&pl.cv);
	return rc;
}

/* Organisations: rows are gathered, then created parents first. */
struct org_pending {
	long row;
	char *vals[OC__MAX];
	int done;
};

static int org_row_create(struct importer *im, struct org_pending *p, struct arena *a,
                          struct err *e)
{
	struct org_new o = {0};
	int64_t id;
	int32_t from;
	struct pdate pd;
	enum org_kind k;
	int rc;

	(void)a;
	o.code = p->vals[OC_CODE];
	o.name = p->vals[OC_NAME];
	o.kind = p->vals[OC_KIND];
	o.document = p->vals[OC_DOC];
	if (!o.code || !o.name || !o.kind || !p->vals[OC_FROM]) {
		int miss = !o.code ? OC_CODE : !o.name ? OC_NAME : !o.kind ? OC_KIND : OC_FROM;

		return err_set(e, HOSO_E_MISSING, ocols[miss].field, "Thiếu giá trị bắt buộc",
		               "A required value is missing");
	}
	if (org_kind_parse(o.kind, &k) < 0)
		return err_set(e, HOSO_E_BAD_ENUM, "kind", "Loại tổ chức '%s' không hợp lệ",
		               "Unknown organisation kind '%s'", o.kind);
	if (pdate_parse(p->vals[OC_FROM], strlen(p->vals[OC_FROM]), &pd) < 0 || !pdate_is_full(&pd))
		return err_set(e, HOSO_E_BAD_DATE, "from", "Ngày '%s' không hợp lệ (dd/mm/yyyy)",
		               "Date '%s' is invalid (dd/mm/yyyy)", p->vals[OC_FROM]);
	from = date_days(pd.y, pd.m, pd.d);
	o.from = from;
	if (p->vals[OC_PARENT] && (rc = find_org(im, p->vals[OC_PARENT], &o.parent_id, e)) < 0)
		return err_set(e, rc, "parent", "Không tìm thấy tổ chức cấp trên '%s'",
		               "Parent organisation '%s' not found", p->vals[OC_PARENT]);
	if (store_org_by_code(app_store(im->app), o.code, NULL, &id) == 0) {
		if (!im->opts->update)
			return err_set(
			    e, HOSO_E_DUPLICATE, "code",
			    "Mã tổ chức '%s' đã có; dùng --update để bỏ qua tổ chức đã có",
			    "Code '%s' exists; use --update to skip known organisations", o.code);
		im->st->updated++;
		return 0;
	}
	rc = org_create_nested(im->app, im->who, &o, &id, e);
	if (rc == 0)
		im->st->inserted++;
	return rc;
}

static void free_pending(struct org_pending *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < OC__MAX; k++)
			free(v[i].vals[k]);
	free(v);
}

/* One import in progress: what import_file's steps share. */
struct import_run {
	struct importer im;
	struct table *t;
	struct arena a;
	struct err rowe;
	struct org_pending *pend;
	size_t npend, cappend;
	int64_t mark;
	int in_tx, import_mode;
};

/* Keep one organisation row for creation once the file is read (rows are
 * created parents first); a bad row is reported and skipped. */
static int keep_org_row(struct import_run *x, const struct table_row *r, struct err *e)
{
	struct org_pending *p;
	const char *vals[OC__MAX];
	int bad;

	if (x->npend == x->cappend) {
		size_t nc = x->cappend ? x->cappend * 2 : 256;
		struct org_pending *nv = realloc(x->pend, nc * sizeof(*nv));

		if (!nv)
			return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		x->pend = nv;
		x->cappend = nc;
	}
	bad = row_values(&x->im, r, &x->a, vals, &x->rowe);
	if (bad >= 0) {
		x->im.st->rejected++;
		report(&x->im, r->number, bad, &x->rowe);
		return 0;
	}
	p = &x->pend[x->npend++];
	memset(p, 0, sizeof(*p));
	p->row = r->number;
	for (int k = 0; k < OC__MAX; k++)
		p->vals[k] = vals[k] ? strdup(vals[k]) : NULL;
	return 0;
}

/* Persons: one transaction with the search index deferred, the rows
 * written by the pipeline of import_persons_rows. */
static int load_persons(struct import_run *x, struct err *e)
{
	struct store *s = app_store(x->im.app);
	int rc;

	store_import_begin(s);
	x->import_mode = 1;
	if ((rc = store_begin(s)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	x->in_tx = 1; /* from here on, import_file rolls back */
	if ((rc = store_person_defer_index(s, &x->mark)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	x->im.mark = x->mark;
	return import_persons_rows(&x->im, x->t, e);
}

/* Read the file: its header, then the persons (written as they come) or
 * the organisations (kept for create_orgs). */
static int read_rows(struct import_run *x, enum import_kind kind, struct err *e)
{
	const struct import_opts *opts = x->im.opts;
	struct table_row r;
	int rc, have_header = 0;

	while ((rc = table_next(x->t, &r, e)) == 1) {
		if (!have_header) {
			if ((rc = map_header(&x->im, &r, e)) < 0)
				return rc;
			have_header = 1;
			if (kind == IMPORT_PERSONS)
				return load_persons(x, e);
			continue;
		}
		x->im.st->rows++;
		arena_reset(&x->a);
		err_clear(&x->rowe);
		if ((rc = keep_org_row(x, &r, e)) < 0)
			return rc;
		if (opts->progress && x->im.st->rows % 5000 == 0) {
			size_t done, total;

			table_progress(x->t, &done, &total);
			opts->progress(done, total, x->im.st->rows, opts->arg);
		}
	}
	if (rc < 0)
		return rc; /* the file itself is broken: e says where */
	if (!have_header)
		return err_set(e, HOSO_E_BAD_FILE, NULL, "Tệp không có dòng tiêu đề",
		               "The file has no header row");
	return 0;
}

/* 1 when pending row i waits for a parent that a later row creates. */
static int parent_later(struct import_run *x, size_t i)
{
	int64_t pid;

	if (!x->pend[i].vals[OC_PARENT] ||
	    store_org_by_code(app_store(x->im.app), x->pend[i].vals[OC_PARENT], NULL, &pid) == 0)
		return 0;
	for (size_t j = 0; j < x->npend; j++)
		if (!x->pend[j].done && x->pend[j].vals[OC_CODE] &&
		    strcmp(x->pend[j].vals[OC_CODE], x->pend[i].vals[OC_PARENT]) == 0)
			return 1;
	return 0;
}

/* Organisations: passes until nothing more can be created, parents first;
 * what is left names a parent that never appears, or a cycle. */
static int create_orgs(struct import_run *x, struct err *e)
{
	int rc, progress = 1;

	if ((rc = store_begin(app_store(x->im.app))) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	x->in_tx = 1;
	while (progress) {
		progress = 0;
		for (size_t i = 0; i < x->npend; i++) {
			if (x->pend[i].done || parent_later(x, i))
				continue;
			err_clear(&x->rowe);
			arena_reset(&x->a);
			rc = org_row_create(&x->im, &x->pend[i], &x->a, &x->rowe);
			x->pend[i].done = 1;
			progress = 1;
			if (rc < 0) {
				x->im.st->rejected++;
				report(&x->im, x->pend[i].row,
				       col_of_field(&x->im, x->rowe.field.buf), &x->rowe);
			}
		}
	}
	for (size_t i = 0; i < x->npend; i++)
		if (!x->pend[i].done) {
			err_set(&x->rowe, HOSO_E_CYCLE, "parent",
			        "Tổ chức cấp trên '%s' không tạo được (vòng lặp)",
			        "Parent '%s' cannot be created (cycle)",
			        x->pend[i].vals[OC_PARENT]);
			x->im.st->rejected++;
			report(&x->im, x->pend[i].row, OC_PARENT, &x->rowe);
		}
	return 0;
}

/* Commit what the file gave, unless all or nothing was asked and a row
 * was refused. */
static int finish_import(struct import_run *x, enum import_kind kind, struct err *e)
{
	struct import_stats *st = x->im.st;
	int rc;

	if (kind == IMPORT_PERSONS && x->im.bulk && (rc = finish_bulk(&x->im, e)) < 0)
		return rc;
	if (x->im.opts->all_or_nothing && st->rejected)
		return err_set(e, HOSO_E_INVALID, NULL,
		               "%ld dòng có lỗi: không ghi dòng nào (--all-or-nothing)",
		               "%ld row%s errors: nothing was written (--all-or-nothing)",
		               st->rejected, st->rejected == 1 ? " has" : "s have");
	if (kind == IMPORT_PERSONS && !x->im.bulk &&
	    (rc = store_person_index_since(app_store(x->im.app), x->mark)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if ((rc = store_commit(app_store(x->im.app))) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	x->in_tx = 0;
	st->committed = 1;
	if (kind == IMPORT_ORGS)
		scope_changed();
	return 0;
}

int import_file(struct app *app, const struct actor *who, enum import_kind kind, const char *path,
                const struct import_opts *opts, struct import_stats *st, struct err *e)
{
	struct import_run x = {.im = {.app = app, .who = who, .opts = opts, .st = st}};
	int rc;

	memset(st, 0, sizeof(*st));
	x.im.cols = kind == IMPORT_ORGS ? ocols : pcols;
	x.im.ncols = kind == IMPORT_ORGS ? OC__MAX : PC__MAX;
	if ((rc = gate_role(who,
	                    kind == IMPORT_ORGS ? 1u << ROLE_ADMIN
	                                        : 1u << ROLE_ADMIN | 1u << ROLE_OFFICER,
	                    e)) < 0)
		return rc;
	if ((rc = table_open(path, TABLE_AUTO, &x.t, e)) < 0)
		return rc;
	arena_init(&x.a, 1 << 24);
	err_init(&x.rowe);
	rc = read_rows(&x, kind, e);
	if (rc == 0 && kind == IMPORT_ORGS)
		rc = create_orgs(&x, e);
	if (rc == 0)
		rc = finish_import(&x, kind, e);
	if (x.in_tx) {
		store_person_index_since(app_store(app), INT64_MAX); /* ends deferral */
		store_rollback(app_store(app));
		st->inserted = st->updated = 0;
	}
	if (x.import_mode)
		store_import_end(app_store(app));
	for (int k = 0; k < PC__MAX; k++)
		free(x.im.header[k]);
	for (int i = 0; i < 256; i++)
		free(x.im.cache[i].code);
	free(x.im.loaded);
	free_pending(x.pend, x.npend);
	err_release(&x.rowe);
	arena_release(&x.a);
	table_close(x.t);
	return rc;
}
