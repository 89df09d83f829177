/*
 * xlsx.c - the XLSX table reader (see table.h), on libzip and libxml2.
 *
 * An XLSX file is a zip of XML parts.  Opening one reads the small parts
 * whole but streamed: the package and workbook relationships, the workbook
 * (which sheet comes first, and whether dates count from 1904), the styles
 * (which cell formats are dates) and the shared strings.  The first
 * worksheet is then streamed a row per table_next(): zip_fread() inflates
 * into xmlReader's read callback, so a 100 MB sheet never sits in memory.
 *
 * Untrusted input: every part is capped (TABLE_MAX_XML_PART, and a part
 * inflating more than 1000 times its compressed size is refused as a likely
 * zip bomb), inflated bytes are counted against the declared size, a DTD is
 * refused outright (no entities, no external loads, no network), and every
 * structural surprise is HOSO_E_BAD_FILE naming the part and, in the sheet,
 * the row or cell.
 *
 * Element names are matched by local name, so Strict OOXML (other
 * namespaces) reads the same as Transitional.
 */
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/date.h"
#include "core/parse.h"
#include "import/tableInt.h"

#include "core/banned.h"

#define XLSX_XML_OPTS                                                                              \
	(XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT)
#define XLSX_BOMB_RATIO    1000
#define XLSX_BOMB_MIN      ((zip_uint64_t)1 << 20)
#define XLSX_MAX_SST_COUNT ((size_t)1 << 24)
#define XLSX_MAX_SST_BYTES ((size_t)256 << 20)
#define XLSX_MAX_STYLES    ((size_t)1 << 16)
#define XLSX_MAX_RELS      ((size_t)1 << 16)
#define XLSX_MAX_PATH      1024
#define XLSX_MAX_COL       16384 /* XFD, Excel's last column */
#define XLSX_MAX_NUMBER    128   /* bytes in a number literal */
#define XLSX_1904_OFFSET   1462  /* days from 1900-system serials to 1904 ones */

/* The t attribute of a cell. */
enum xlsx_ctype {
	XLSX_T_N, /* number (the default) */
	XLSX_T_S, /* index into the shared strings */
	XLSX_T_STR,
	XLSX_T_INLINE,
	XLSX_T_B,
	XLSX_T_E,
	XLSX_T_D, /* ISO 8601 date (Strict OOXML) */
	XLSX_T__MAX
};

static const char *const xlsx_ctype_names[XLSX_T__MAX] = {
    [XLSX_T_N] = "n", [XLSX_T_S] = "s", [XLSX_T_STR] = "str", [XLSX_T_INLINE] = "inlineStr",
    [XLSX_T_B] = "b", [XLSX_T_E] = "e", [XLSX_T_D] = "d",
};

/* Relationship types we follow, by the last segment of their URI. */
enum xlsx_rel_kind {
	XLSX_REL_OTHER,
	XLSX_REL_OFFICE_DOC,
	XLSX_REL_WORKSHEET,
	XLSX_REL_SST,
	XLSX_REL_STYLES,
	XLSX_REL__MAX
};

static const char *const xlsx_rel_suffix[XLSX_REL__MAX] = {
    [XLSX_REL_OTHER] = NULL,
    [XLSX_REL_OFFICE_DOC] = "/officeDocument",
    [XLSX_REL_WORKSHEET] = "/worksheet",
    [XLSX_REL_SST] = "/sharedStrings",
    [XLSX_REL_STYLES] = "/styles",
};

/* Why a part's read callback failed. */
enum xlsx_ioerr { XLSX_IO_NONE, XLSX_IO_ZIP, XLSX_IO_OVERRUN, XLSX_IO__MAX };

/* Where text in a cell goes: nowhere, or the value (<v> or <is><t>). */
enum xlsx_target { XLSX_TGT_NONE, XLSX_TGT_VALUE, XLSX_TGT__MAX };

/* One XML part streamed out of the zip. */
struct xlsx_part {
	struct buf name;
	zip_file_t *zf;
	zip_uint64_t size, done; /* declared and inflated so far */
	xmlTextReaderPtr r;
	enum xlsx_ioerr ioerr;
	struct buf iomsg;
	int xmlline;
	struct buf xmlmsg; /* libxml2's first error */
	long xmlrow;       /* the sheet row it was in, when known */
	int dtd;           /* the part declared a DTD */
};

struct xlsx_rel {
	size_t id, idlen, target, tlen; /* into xlsx_rels.str */
	enum xlsx_rel_kind kind;
};

struct xlsx_rels {
	struct buf str;
	struct xlsx_rel *v;
	size_t n, alloc;
};

/* A cell of the row being built; text in rowtext at off, or at ext. */
struct xlsx_xcell {
	enum table_cell_type type;
	const char *ext;
	size_t off, len;
	double num;
};

struct xlsx_table {
	struct table base; /* first: a struct table * is a struct xlsx_table * */
	zip_t *za;
	locale_t cloc; /* "C" numbers whatever the process locale */
	int date1904;

	struct buf sst; /* shared strings, back to back */
	uint32_t *sst_off;
	size_t nsst, asst; /* string i is sst[sst_off[i] .. sst_off[i + 1]) */

	unsigned char *xf_date; /* per cell style: 1 when a date format */
	size_t nxf;

	/* The sheet, and the state of its parse between table_next() calls. */
	struct xlsx_part sheet;
	int in_data, in_cell, in_is, rph;
	enum xlsx_target tgt;
	long rownum;
	int last_col, col;
	enum xlsx_ctype ct;
	long style;
	struct buf val;
	struct buf rowtext;
	struct xlsx_xcell xc[TABLE_MAX_COLUMNS];
	size_t ncells;
	struct table_cell cells[TABLE_MAX_COLUMNS];
};

/* Set e to a failure with the row (0 when none); returns code. */
static int xlsx_fail(struct err *e, int code, const char *field, long row, const char *vi,
                     const char *en, ...)
{
	va_list ap;

	va_start(ap, en);
	err_vset(e, code, field, vi, en, ap);
	va_end(ap);
	return table_err_row(e, code, row);
}

static int xlsx_is(const xmlChar *name, const char *s)
{
	return name && strcmp((const char *)name, s) == 0;
}

/* ---- parts ------------------------------------------------------------- */

static void xlsx_part_init(struct xlsx_part *p)
{
	memset(p, 0, sizeof(*p));
	buf_init(&p->name, XLSX_MAX_PATH);
	buf_init(&p->iomsg, 512);
	buf_init(&p->xmlmsg, 512);
}

static void xlsx_part_close(struct xlsx_part *p)
{
	if (p->r)
		xmlFreeTextReader(p->r);
	if (p->zf)
		zip_fclose(p->zf);
	p->r = NULL;
	p->zf = NULL;
	buf_release(&p->name);
	buf_release(&p->iomsg);
	buf_release(&p->xmlmsg);
}

/* xmlReader's input: inflate the next bytes, counting them. */
static int xlsx_part_read(void *ctx, char *buffer, int len)
{
	struct xlsx_part *p = ctx;
	zip_int64_t n;

	if (p->ioerr)
		return -1;
	if (len <= 0)
		return 0;
	n = zip_fread(p->zf, buffer, (zip_uint64_t)len);
	if (n < 0) {
		p->ioerr = XLSX_IO_ZIP;
		buf_reset(&p->iomsg);
		buf_adds(&p->iomsg, zip_file_strerror(p->zf));
		return -1;
	}
	p->done += (zip_uint64_t)n;
	if (p->done > p->size) {
		p->ioerr = XLSX_IO_OVERRUN;
		return -1;
	}
	return (int)n;
}

/*
 * The r attribute of the <row> the parser was inside when it failed.  The
 * reader parses ahead of the node it hands out, so the rows read so far do
 * not tell where the damage is; the parser's open elements do.
 */
static long xlsx_error_row(xmlParserCtxtPtr ctxt)
{
	for (xmlNodePtr n = ctxt->node; n; n = n->parent) {
		xmlChar *v;
		int64_t row = 0;

		if (n->type != XML_ELEMENT_NODE || !xlsx_is(n->name, "row"))
			continue;
		v = xmlGetNoNsProp(n, (const xmlChar *)"r");
		if (v &&
		    parse_i64((const char *)v, strlen((const char *)v), 1, INT32_MAX, &row) < 0)
			row = 0;
		xmlFree(v);
		return (long)row;
	}
	return 0;
}

/* Keep libxml2's first error for the message; it prints nothing itself. */
static void xlsx_part_error(void *arg, xmlErrorPtr err)
{
	struct xlsx_part *p = arg;

	if (!err || err->level < XML_ERR_ERROR || p->xmlmsg.len)
		return;
	if ((err->domain == XML_FROM_PARSER || err->domain == XML_FROM_NAMESPACE) && err->ctxt) {
		xmlParserCtxtPtr ctxt = err->ctxt;

		/* libxml2 may trip over entities before the DTD node is read. */
		p->dtd = ctxt->myDoc && ctxt->myDoc->intSubset;
		p->xmlrow = xlsx_error_row(ctxt);
	}
	p->xmlline = err->line;
	buf_adds(&p->xmlmsg, err->message ? err->message : "?");
	while (p->xmlmsg.len && (p->xmlmsg.buf[p->xmlmsg.len - 1] == '\n' ||
	                         p->xmlmsg.buf[p->xmlmsg.len - 1] == ' '))
		buf_setlen(&p->xmlmsg, p->xmlmsg.len - 1);
}

/* Report why reading part p failed (row 0 outside the sheet). */
static int xlsx_part_fail(struct xlsx_part *p, struct err *e, long row)
{
	const char *name = p->name.buf;

	switch (p->ioerr) {
	case XLSX_IO_ZIP:
		return xlsx_fail(e, HOSO_E_BAD_FILE, NULL, row,
		                 "Tệp XLSX hỏng: không giải nén được %s (%s)",
		                 "Damaged XLSX file: cannot inflate %s (%s)", name, p->iomsg.buf);
	case XLSX_IO_OVERRUN:
		return xlsx_fail(e, HOSO_E_BAD_FILE, NULL, row,
		                 "Tệp XLSX hỏng: %s giải nén ra nhiều hơn kích thước khai báo",
		                 "Damaged XLSX file: %s inflates past its declared size", name);
	default:
		break;
	}
	if (p->dtd)
		return xlsx_fail(e, HOSO_E_BAD_FILE, NULL, row,
		                 "Tệp XLSX bị từ chối: %s có khai báo DTD",
		                 "XLSX file refused: %s has a DTD", name);
	if (p->xmlrow > 0)
		row = p->xmlrow;
	if (row > 0)
		return xlsx_fail(
		    e, HOSO_E_BAD_FILE, NULL, row,
		    "Tệp XLSX hỏng: lỗi XML trong %s (dòng XML %d, gần dòng %ld của "
		    "bảng): %s",
		    "Damaged XLSX file: XML error in %s (XML line %d, near row %ld): %s", name,
		    p->xmlline, row, p->xmlmsg.len ? p->xmlmsg.buf : "?");
	return xlsx_fail(e, HOSO_E_BAD_FILE, NULL, 0,
	                 "Tệp XLSX hỏng: lỗi XML trong %s (dòng XML %d): %s",
	                 "Damaged XLSX file: XML error in %s (XML line %d): %s", name, p->xmlline,
	                 p->xmlmsg.len ? p->xmlmsg.buf : "?");
}

/*
 * Open the part called name for streaming.  HOSO_E_NOT_FOUND, with e
 * untouched, when the zip has no such entry; other failures set e.  p must
 * have been through xlsx_part_init(); xlsx_part_close() cleans up either way.
 */
static int xlsx_part_open(struct xlsx_table *x, struct xlsx_part *p, const char *name,
                          struct err *e)
{
	zip_int64_t idx;
	zip_stat_t st;
	int zerr;

	buf_reset(&p->name);
	if (buf_adds(&p->name, name) < 0)
		return HOSO_E_NOT_FOUND;
	idx = zip_name_locate(x->za, name, ZIP_FL_NOCASE);
	if (idx < 0)
		return HOSO_E_NOT_FOUND;
	zip_stat_init(&st);
	if (zip_stat_index(x->za, (zip_uint64_t)idx, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE))
		return xlsx_fail(e, HOSO_E_BAD_FILE, NULL, 0, "Tệp XLSX hỏng: không đọc được %s",
		                 "Damaged XLSX file: cannot read %s", name);
	if (st.size > (zip_uint64_t)TABLE_MAX_XML_PART)
		return xlsx_fail(e, HOSO_E_TOO_BIG, NULL, 0,
		                 "Phần %s của tệp XLSX vượt quá %ld MB khi giải nén",
		                 "Part %s of the XLSX file exceeds %ld MB uncompressed", name,
		                 TABLE_MAX_XML_PART >> 20);
	if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > XLSX_BOMB_MIN &&
	    st.size / XLSX_BOMB_RATIO > st.comp_size)
		return xlsx_fail(e, HOSO_E_BAD_FILE, NULL, 0,
		                 "Tệp XLSX bị từ chối: phần %s nén với tỉ lệ bất thường (nghi "
		                 "\"bom zip\")",
		                 "XLSX file refused: part %s has an implausible compression ratio "
		                 "(a likely zip bomb)",
		                 name);
	p->zf = zip_fopen_index(x->za, (zip_uint64_t)idx, 0);
	if (!p->zf) {
		zerr = zip_error_code_zip(zip_get_error(x->za));
		if (zerr == ZIP_ER_NOPASSWD || zerr == ZIP_ER_ENCRNOTSUPP)
			return xlsx_fail(e, HOSO_E_BAD_FILE, NULL, 0,
			                 "Tệp XLSX đã mã hoá (%s); hãy bỏ mật khẩu rồi thử lại",
			                 "The XLSX file is encrypted (%s); remove the password and "
			                 "try again",
			                 name);
		return xlsx_fail(
		    e, HOSO_E_BAD_FILE, NULL, 0, "Tệp XLSX hỏng: không mở được %s (%s)",
		    "Damaged XLSX file: cannot open %s (%s)", name, zip_strerror(x->za));
	}
	p->size = st.size;
	p->done = 0;
	p->r = xmlReaderForIO(xlsx_part_read, NULL, p, name, NULL, XLSX_XML_OPTS);
	if (!p->r)
		return p->ioerr ? xlsx_part_fail(p, e, 0)
		                : err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	xmlTextReaderSetStructuredErrorHandler(p->r, xlsx_part_error, p);
	return 0;
}

/* r, the result of reading the part name a workbook cannot do without; a
 * missing one (HOSO_E_NOT_FOUND) makes the file damaged. */
static int xlsx_needed(int r, const char *name, struct err *e)
{
	if (r == HOSO_E_NOT_FOUND)
		return xlsx_fail(e, HOSO_E_BAD_FILE, NULL, 0, "Tệp XLSX hỏng: thiếu %s",
		                 "Damaged XLSX file: %s is missing", name);
	return r;
}

/* The next node of p: 1, 0 at the end, or a negative code with e set. */
static int xlsx_part_node(struct xlsx_part *p, struct err *e, long row)
{
	int r = xmlTextReaderRead(p->r);

	if (r == 1) {
		if (xmlTextReaderNodeType(p->r) == XML_READER_TYPE_DOCUMENT_TYPE)
			return xlsx_fail(e, HOSO_E_BAD_FILE, NULL, row,
			                 "Tệp XLSX bị từ chối: %s có khai báo DTD",
			                 "XLSX file refused: %s has a DTD", p->name.buf);
		return 1;
	}
	if (r == 0 && !p->ioerr)
		return 0;
	return xlsx_part_fail(p, e, row);
}

static int xlsx_text_node(int type)
{
	return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
	       type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* ---- paths and relationships ------------------------------------------- */

/*
 * Into out, the zip entry name a relationship target names: relative to the
 * folder of the part base ("" for the package), or absolute with a leading
 * '/'; "." and ".." resolved.  0 or HOSO_E_BAD_FILE.
 */
static int xlsx_path(struct buf *out, const char *base, const char *target, size_t tlen,
                     struct err *e)
{
	struct buf tmp = BUF_INIT(2 * XLSX_MAX_PATH);
	const char *s, *end, *slash;
	int r = 0;

	buf_reset(out);
	if (tlen && target[0] == '/') {
		target++;
		tlen--;
	} else if ((slash = strrchr(base, '/')) != NULL) {
		r = buf_add(&tmp, base, (size_t)(slash - base) + 1);
	}
	if (r == 0)
		r = buf_add(&tmp, target, tlen);
	for (s = tmp.buf, end = tmp.buf + tmp.len; r == 0 && s < end;) {
		const char *seg = s;
		size_t n;

		while (s < end && *s != '/')
			s++;
		n = (size_t)(s - seg);
		if (s < end)
			s++;
		if (n == 0 || (n == 1 && seg[0] == '.'))
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			char *last;

			if (out->len == 0) {
				r = HOSO_E_BAD_FILE;
				break;
			}
			last = strrchr(out->buf, '/');
			buf_setlen(out, last ? (size_t)(last - out->buf) : 0);
			continue;
		}
		if (out->len)
			r = buf_addch(out, '/');
		if (r == 0)
			r = buf_add(out, seg, n);
	}
	if (r == 0 && out->len == 0)
		r = HOSO_E_BAD_FILE;
	if (r < 0)
		r = xlsx_fail(e, HOSO_E_BAD_FILE, NULL, 0,
		              "Tệp XLSX hỏng: đường dẫn \"%.*s\" không hợp lệ",
		              "Damaged XLSX file: invalid part path \"%.*s\"",
		              (int)(tlen > 200 ? 200 : tlen), target);
	buf_release(&tmp);
	return r;
}

static enum xlsx_rel_kind xlsx_rel_kind(const char *type)
{
	size_t n = strlen(type);

	for (int k = XLSX_REL_OTHER + 1; k < XLSX_REL__MAX; k++) {
		size_t m = strlen(xlsx_rel_suffix[k]);

		if (n >= m && strcmp(type + n - m, xlsx_rel_suffix[k]) == 0)
			return (enum xlsx_rel_kind)k;
	}
	return XLSX_REL_OTHER;
}

static void xlsx_rels_init(struct xlsx_rels *rels)
{
	memset(rels, 0, sizeof(*rels));
	buf_init(&rels->str, (size_t)16 << 20);
}

static void xlsx_rels_release(struct xlsx_rels *rels)
{
	buf_release(&rels->str);
	free(rels->v);
}

/*
 * Read the relationships part called name into rels (internal targets
 * only).  HOSO_E_NOT_FOUND, e untouched, when there is no such part.
 */
static int xlsx_rels_load(struct xlsx_table *x, const char *name, struct xlsx_rels *rels,
                          struct err *e)
{
	struct xlsx_part p;
	int r;

	xlsx_part_init(&p);
	r = xlsx_part_open(x, &p, name, e);
	while (r == 0 && (r = xlsx_part_node(&p, e, 0)) == 1) {
		struct xlsx_rel rel = {.kind = XLSX_REL_OTHER};
		int has_id = 0, has_target = 0, external = 0, a;

		r = 0;
		if (xmlTextReaderNodeType(p.r) != XML_READER_TYPE_ELEMENT ||
		    !xlsx_is(xmlTextReaderConstLocalName(p.r), "Relationship"))
			continue;
		for (a = xmlTextReaderMoveToFirstAttribute(p.r); a == 1 && r == 0;
		     a = xmlTextReaderMoveToNextAttribute(p.r)) {
			const xmlChar *an = xmlTextReaderConstLocalName(p.r);
			const char *v = (const char *)xmlTextReaderConstValue(p.r);

			if (!v || xmlTextReaderIsNamespaceDecl(p.r) == 1)
				continue;
			if (xlsx_is(an, "Id")) {
				rel.id = rels->str.len;
				rel.idlen = strlen(v);
				r = buf_add(&rels->str, v, rel.idlen + 1);
				has_id = 1;
			} else if (xlsx_is(an, "Target")) {
				rel.target = rels->str.len;
				rel.tlen = strlen(v);
				r = buf_add(&rels->str, v, rel.tlen + 1);
				has_target = 1;
			} else if (xlsx_is(an, "Type")) {
				rel.kind = xlsx_rel_kind(v);
			} else if (xlsx_is(an, "TargetMode")) {
				external = strcmp(v, "External") == 0;
			}
		}
		xmlTextReaderMoveToElement(p.r);
		if (r == 0 && has_id && has_target && !external)
			r = table_array_grow((void **)&rels->v, &rels->alloc, rels->n + 1,
			                     sizeof(*rels->v), XLSX_MAX_RELS);
		if (r < 0) {
			r = xlsx_fail(e, r, NULL, 0, "Tệp XLSX có quá nhiều quan hệ trong %s",
			              "The XLSX file has too many relationships in %s", name);
			break;
		}
		if (has_id && has_target && !external)
			rels->v[rels->n++] = rel;
	}
	xlsx_part_close(&p);
	return r;
}

/* The relationship with this id, or the first of this kind when id is NULL. */
static const struct xlsx_rel *xlsx_rels_find(const struct xlsx_rels *rels, const char *id,
                                             enum xlsx_rel_kind kind)
{
	for (size_t i = 0; i < rels->n; i++) {
		const struct xlsx_rel *rel = &rels->v[i];

		if (id ? strcmp(rels->str.buf + rel->id, id) == 0 : rel->kind == kind)
			return rel;
	}
	return NULL;
}

/* "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels" */
static int xlsx_rels_name(struct buf *out, const char *part)
{
	const char *slash = strrchr(part, '/');
	size_t dir = slash ? (size_t)(slash - part) + 1 : 0;

	buf_reset(out);
	if (buf_add(out, part, dir) < 0 || buf_adds(out, "_rels/") < 0 ||
	    buf_adds(out, part + dir) < 0 || buf_adds(out, ".rels") < 0)
		return HOSO_E_TOO_BIG;
	return 0;
}

/* ---- workbook, styles, shared strings ----------------------------------- */

/*
 * Read the workbook part wb: the 1904 flag, and into sheet the part name of
 * the first sheet (in workbook order) that is a worksheet.
 */
static int xlsx_workbook_load(struct xlsx_table *x, const char *wb, const struct xlsx_rels *rels,
                              struct buf *sheet, struct err *e)
{
	struct xlsx_part p;
	int r, found = 0;

	xlsx_part_init(&p);
	r = xlsx_needed(xlsx_part_open(x, &p, wb, e), wb, e);
	while (r == 0 && (r = xlsx_part_node(&p, e, 0)) == 1) {
		const xmlChar *name = xmlTextReaderConstLocalName(p.r);
		int a;

		r = 0;
		if (xmlTextReaderNodeType(p.r) != XML_READER_TYPE_ELEMENT)
			continue;
		if (xlsx_is(name, "workbookPr")) {
			for (a = xmlTextReaderMoveToFirstAttribute(p.r); a == 1;
			     a = xmlTextReaderMoveToNextAttribute(p.r)) {
				const char *v = (const char *)xmlTextReaderConstValue(p.r);

				if (xlsx_is(xmlTextReaderConstLocalName(p.r), "date1904") && v)
					x->date1904 = strcmp(v, "1") == 0 || strcmp(v, "true") == 0;
			}
			xmlTextReaderMoveToElement(p.r);
		} else if (xlsx_is(name, "sheet") && !found) {
			const struct xlsx_rel *rel = NULL;

			for (a = xmlTextReaderMoveToFirstAttribute(p.r); a == 1;
			     a = xmlTextReaderMoveToNextAttribute(p.r)) {
				const char *v = (const char *)xmlTextReaderConstValue(p.r);
				const xmlChar *ns = xmlTextReaderConstNamespaceUri(p.r);

				if (v && ns && xlsx_is(xmlTextReaderConstLocalName(p.r), "id") &&
				    xmlTextReaderIsNamespaceDecl(p.r) != 1)
					rel = xlsx_rels_find(rels, v, XLSX_REL_OTHER);
			}
			xmlTextReaderMoveToElement(p.r);
			if (rel && rel->kind == XLSX_REL_WORKSHEET) {
				r = xlsx_path(sheet, wb, rels->str.buf + rel->target, rel->tlen, e);
				found = 1;
			}
		}
	}
	if (r == 0 && !found)
		r = xlsx_fail(e, HOSO_E_BAD_FILE, NULL, 0, "Tệp XLSX không có trang tính nào (%s)",
		              "The XLSX file has no worksheet (%s)", wb);
	xlsx_part_close(&p);
	return r;
}

/* Built-in number formats that show dates or times (ECMA-376 18.8.30). */
static int xlsx_builtin_date(long id)
{
	return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

/*
 * True when a number format code shows a date or time: a d, m, y, h or s
 * outside quoted text, escapes (\x, _x, *x) and [brackets], or an elapsed
 * time bracket ([h], [mm], [ss]).  [Red] and [$-42A] are not dates.
 */
static int xlsx_fmt_is_date(const char *code)
{
	for (const char *s = code; *s; s++) {
		switch (*s) {
		case '"':
			while (s[1] && s[1] != '"')
				s++;
			if (s[1])
				s++;
			break;
		case '\\':
		case '_':
		case '*':
			if (s[1])
				s++;
			break;
		case '[': {
			const char *end = strchr(s, ']');
			const char *t = s + 1;

			if (!end)
				return 0;
			while (t < end && (*t == 'h' || *t == 'H' || *t == 'm' || *t == 'M' ||
			                   *t == 's' || *t == 'S'))
				t++;
			if (t == end && end > s + 1)
				return 1;
			s = end;
			break;
		}
		case 'd':
		case 'D':
		case 'm':
		case 'M':
		case 'y':
		case 'Y':
		case 'h':
		case 'H':
		case 's':
		case 'S':
			return 1;
		default:
			break;
		}
	}
	return 0;
}

struct xlsx_numfmt {
	long id;
	int date;
};

/*
 * The numFmtId attribute of the current element (0 when absent) and, when
 * ret_date is not NULL, whether its formatCode shows a date.
 */
static int xlsx_numfmt_id(xmlTextReaderPtr r, long *ret, int *ret_date)
{
	int a, bad = 0;

	*ret = 0;
	if (ret_date)
		*ret_date = 0;
	for (a = xmlTextReaderMoveToFirstAttribute(r); a == 1;
	     a = xmlTextReaderMoveToNextAttribute(r)) {
		const xmlChar *an = xmlTextReaderConstLocalName(r);
		const char *v = (const char *)xmlTextReaderConstValue(r);
		int64_t id;

		if (!v)
			continue;
		if (xlsx_is(an, "numFmtId")) {
			if (parse_i64(v, strlen(v), 0, INT32_MAX, &id) < 0)
				bad = 1;
			else
				*ret = (long)id;
		} else if (ret_date && xlsx_is(an, "formatCode")) {
			*ret_date = xlsx_fmt_is_date(v);
		}
	}
	xmlTextReaderMoveToElement(r);
	return bad ? HOSO_E_BAD_FILE : 0;
}

/* Read the styles part: which cell formats (cellXfs) show dates. */
static int xlsx_styles_load(struct xlsx_table *x, const char *name, struct err *e)
{
	struct xlsx_numfmt *fmts = NULL;
	size_t nfmts = 0, afmts = 0, axf = 0, i, k;
	long *xfs = NULL;
	int in_fmts = 0, in_xfs = 0, r;
	struct xlsx_part p;

	xlsx_part_init(&p);
	r = xlsx_needed(xlsx_part_open(x, &p, name, e), name, e);
	while (r == 0 && (r = xlsx_part_node(&p, e, 0)) == 1) {
		int type = xmlTextReaderNodeType(p.r);
		const xmlChar *n = xmlTextReaderConstLocalName(p.r);
		int date = 0;
		long id;

		r = 0;
		if (type == XML_READER_TYPE_END_ELEMENT) {
			if (xlsx_is(n, "numFmts"))
				in_fmts = 0;
			else if (xlsx_is(n, "cellXfs"))
				in_xfs = 0;
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if (xlsx_is(n, "numFmts")) {
			in_fmts = !xmlTextReaderIsEmptyElement(p.r);
		} else if (xlsx_is(n, "cellXfs")) {
			in_xfs = !xmlTextReaderIsEmptyElement(p.r);
		} else if (in_fmts && xlsx_is(n, "numFmt")) {
			r = xlsx_numfmt_id(p.r, &id, &date);
			if (r == 0)
				r = table_array_grow((void **)&fmts, &afmts, nfmts + 1,
				                     sizeof(*fmts), XLSX_MAX_STYLES);
			if (r == 0) {
				fmts[nfmts].id = id;
				fmts[nfmts++].date = date;
			}
		} else if (in_xfs && xlsx_is(n, "xf")) {
			r = xlsx_numfmt_id(p.r, &id, NULL);
			if (r == 0)
				r = table_array_grow((void **)&xfs, &axf, x->nxf + 1, sizeof(*xfs),
				                     XLSX_MAX_STYLES);
			if (r == 0)
				xfs[x->nxf++] = id;
		}
		if (r < 0)
			r = xlsx_fail(e, r == HOSO_E_NOMEM ? r : HOSO_E_BAD_FILE, NULL, 0,
			              "Tệp XLSX hỏng: định dạng ô không hợp lệ trong %s",
			              "Damaged XLSX file: invalid cell format in %s", name);
	}
	if (r == 0 && x->nxf) {
		x->xf_date = malloc(x->nxf);
		if (!x->xf_date)
			r = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	for (i = 0; r == 0 && i < x->nxf; i++) {
		x->xf_date[i] = (unsigned char)xlsx_builtin_date(xfs[i]);
		/* A custom format may also redefine a built-in id. */
		for (k = 0; k < nfmts; k++)
			if (fmts[k].id == xfs[i])
				x->xf_date[i] = (unsigned char)fmts[k].date;
	}
	if (r < 0)
		x->nxf = 0;
	free(fmts);
	free(xfs);
	xlsx_part_close(&p);
	return r;
}

/* End the shared string in progress. */
static int xlsx_sst_push(struct xlsx_table *x)
{
	int r = table_array_grow((void **)&x->sst_off, &x->asst, x->nsst + 2, sizeof(*x->sst_off),
	                         XLSX_MAX_SST_COUNT + 1);

	if (r < 0)
		return r;
	x->sst_off[++x->nsst] = (uint32_t)x->sst.len;
	return 0;
}

/*
 * Read the shared strings part: each <si> is its <t> text, or its rich text
 * runs' <r><t> concatenated; phonetic runs (<rPh>) are left out.
 */
static int xlsx_sst_load(struct xlsx_table *x, const char *name, struct err *e)
{
	int in_si = 0, in_t = 0, rph = 0, r;
	struct xlsx_part p;

	xlsx_part_init(&p);
	r = table_array_grow((void **)&x->sst_off, &x->asst, 1, sizeof(*x->sst_off), 1);
	if (r < 0)
		return err_set(e, r, NULL, NULL, NULL);
	x->sst_off[0] = 0;
	r = xlsx_needed(xlsx_part_open(x, &p, name, e), name, e);
	while (r == 0 && (r = xlsx_part_node(&p, e, 0)) == 1) {
		int type = xmlTextReaderNodeType(p.r);
		const xmlChar *n;

		r = 0;
		if (xlsx_text_node(type)) {
			const char *v = (const char *)xmlTextReaderConstValue(p.r);

			if (in_t && v)
				r = buf_adds(&x->sst, v);
		} else if (type == XML_READER_TYPE_ELEMENT) {
			int empty = xmlTextReaderIsEmptyElement(p.r);

			n = xmlTextReaderConstLocalName(p.r);
			if (xlsx_is(n, "si")) {
				if (in_si) {
					r = HOSO_E_BAD_FILE;
				} else if (empty) {
					r = xlsx_sst_push(x);
				} else {
					in_si = 1;
					rph = 0;
				}
			} else if (xlsx_is(n, "rPh") && !empty) {
				rph++;
			} else if (xlsx_is(n, "t") && in_si && !rph && !empty) {
				in_t = 1;
			}
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			n = xmlTextReaderConstLocalName(p.r);
			if (xlsx_is(n, "si")) {
				r = xlsx_sst_push(x);
				in_si = in_t = 0;
			} else if (xlsx_is(n, "rPh")) {
				rph--;
			} else if (xlsx_is(n, "t")) {
				in_t = 0;
			}
		}
		if (r == HOSO_E_BAD_FILE)
			r = xlsx_fail(e, r, NULL, 0, "Tệp XLSX hỏng: cấu trúc %s không hợp lệ",
			              "Damaged XLSX file: invalid structure in %s", name);
		else if (r < 0)
			r = xlsx_fail(
			    e, r, NULL, 0, "Bảng chuỗi dùng chung của tệp XLSX quá lớn (%s)",
			    "The XLSX file's shared strings table is too large (%s)", name);
	}
	xlsx_part_close(&p);
	return r;
}

/* ---- the sheet ---------------------------------------------------------- */

/* Column index of a cell reference such as "B3"; -1 if malformed. */
static int xlsx_ref_col(const char *s)
{
	int col = 0, n = 0;

	for (; *s >= 'A' && *s <= 'Z'; s++, n++) {
		if (n == 3)
			return -1;
		col = col * 26 + (*s - 'A' + 1);
	}
	if (n == 0 || col > XLSX_MAX_COL || !parse_all_digits(s, strlen(s)))
		return -1;
	return col - 1;
}

/* A number literal as XLSX stores it ("-12", "4.5E-3"); locale-independent. */
static int xlsx_number(const struct xlsx_table *x, const char *s, size_t len, double *ret)
{
	char tmp[XLSX_MAX_NUMBER];
	size_t i = 0, digits = 0, exp = 0;
	locale_t old;
	char *end;
	double v;

	if (len == 0 || len >= sizeof(tmp))
		return HOSO_E_BAD_NUMBER;
	if (s[i] == '-' || s[i] == '+')
		i++;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (i < len && s[i] == '.')
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	if (digits && i < len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < len && (s[i] == '-' || s[i] == '+'))
			i++;
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			exp++;
		if (!exp)
			return HOSO_E_BAD_NUMBER;
	}
	if (!digits || i != len)
		return HOSO_E_BAD_NUMBER;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	old = uselocale(x->cloc);
	v = strtod(tmp, &end);
	uselocale(old);
	if (*end || !isfinite(v))
		return HOSO_E_BAD_NUMBER;
	*ret = v;
	return 0;
}

/* An ISO 8601 date (and time) of a t="d" cell as a 1900-system serial. */
static int xlsx_iso_serial(const char *s, size_t len, double *ret)
{
	int64_t h = 0, m = 0, sec = 0;
	int32_t days;

	if (len < 10 || date_parse_iso(s, 10, &days) < 0)
		return HOSO_E_BAD_DATE;
	if (len > 10) {
		if (len < 16 || s[10] != 'T' || s[13] != ':' ||
		    parse_i64(s + 11, 2, 0, 23, &h) < 0 || parse_i64(s + 14, 2, 0, 59, &m) < 0)
			return HOSO_E_BAD_DATE;
		if (len >= 19 && s[16] == ':' && parse_i64(s + 17, 2, 0, 59, &sec) < 0)
			return HOSO_E_BAD_DATE;
	}
	/* Serial 25569 is 1970-01-01; before 1900-03-01 Excel's phantom 29 Feb is missing. */
	*ret = (double)days + (days < date_days(1900, 3, 1) ? 25568 : 25569) +
	       (double)(h * 3600 + m * 60 + sec) / 86400.0;
	return 0;
}

static int xlsx_style_is_date(const struct xlsx_table *x, long s)
{
	return s >= 0 && (size_t)s < x->nxf && x->xf_date[s];
}

/* <c ...>: note the cell's column, type and style. */
static int xlsx_cell_start(struct xlsx_table *x, struct err *e)
{
	xmlTextReaderPtr rd = x->sheet.r;
	char ref[TABLE_COL_NAME + 16] = "";
	int a, col = -1, bad = 0;

	x->ct = XLSX_T_N;
	x->style = 0;
	x->tgt = XLSX_TGT_NONE;
	x->in_is = 0;
	x->rph = 0;
	buf_reset(&x->val);
	for (a = xmlTextReaderMoveToFirstAttribute(rd); a == 1 && !bad;
	     a = xmlTextReaderMoveToNextAttribute(rd)) {
		const xmlChar *an = xmlTextReaderConstLocalName(rd);
		const char *v = (const char *)xmlTextReaderConstValue(rd);
		int64_t s;
		int k;

		if (!v || xmlTextReaderIsNamespaceDecl(rd) == 1 || xmlTextReaderConstPrefix(rd))
			continue;
		if (xlsx_is(an, "r")) {
			size_t n = strlen(v) < sizeof(ref) ? strlen(v) : sizeof(ref) - 1;

			memcpy(ref, v, n); /* for the messages only */
			ref[n] = '\0';
			col = xlsx_ref_col(v);
			bad = col < 0;
		} else if (xlsx_is(an, "t")) {
			for (k = 0; k < XLSX_T__MAX && strcmp(v, xlsx_ctype_names[k]); k++)
				;
			x->ct = (enum xlsx_ctype)k;
			bad = k == XLSX_T__MAX;
		} else if (xlsx_is(an, "s")) {
			bad = parse_i64(v, strlen(v), 0, INT32_MAX, &s) < 0;
			x->style = bad ? 0 : (long)s;
		}
	}
	xmlTextReaderMoveToElement(rd);
	if (bad)
		return xlsx_fail(e, HOSO_E_BAD_FILE, ref, x->rownum,
		                 "Tệp XLSX hỏng: ô %s ở dòng %ld có thuộc tính không hợp lệ",
		                 "Damaged XLSX file: cell %s in row %ld has an invalid attribute",
		                 ref, x->rownum);
	if (col < 0)
		col = x->last_col + 1;
	if (col <= x->last_col || col >= XLSX_MAX_COL)
		return xlsx_fail(e, HOSO_E_BAD_FILE, ref, x->rownum,
		                 "Tệp XLSX hỏng: ô %s ở dòng %ld không đúng thứ tự",
		                 "Damaged XLSX file: cell %s in row %ld is out of order", ref,
		                 x->rownum);
	x->last_col = col;
	x->col = col;
	x->in_cell = 1;
	return 0;
}

/* </c>: type the value collected and put it in the row. */
static int xlsx_cell_end(struct xlsx_table *x, struct err *e)
{
	struct xlsx_xcell c = {.type = TABLE_CELL_EMPTY};
	const char *v = x->val.buf;
	size_t n = x->val.len, i;
	char ref[TABLE_COL_NAME];
	int64_t k;

	x->in_cell = 0;
	x->tgt = XLSX_TGT_NONE;
	table_col_name(x->col, ref);
	if (n == 0)
		return 0;
	switch (x->ct) {
	case XLSX_T_N:
		if (xlsx_number(x, v, n, &c.num) < 0)
			return xlsx_fail(e, HOSO_E_BAD_FILE, ref, x->rownum,
			                 "Tệp XLSX hỏng: ô %s%ld có số không hợp lệ",
			                 "Damaged XLSX file: cell %s%ld holds an invalid number",
			                 ref, x->rownum);
		c.type = TABLE_CELL_NUMBER;
		if (xlsx_style_is_date(x, x->style)) {
			c.type = TABLE_CELL_DATE;
			if (x->date1904)
				c.num += XLSX_1904_OFFSET;
		}
		break;
	case XLSX_T_S:
		if (x->nsst == 0 || parse_i64(v, n, 0, (int64_t)x->nsst - 1, &k) < 0)
			return xlsx_fail(e, HOSO_E_BAD_FILE, ref, x->rownum,
			                 "Tệp XLSX hỏng: ô %s%ld trỏ tới chuỗi dùng chung không có",
			                 "Damaged XLSX file: cell %s%ld refers to a missing shared "
			                 "string",
			                 ref, x->rownum);
		c.ext = x->sst.buf + x->sst_off[k];
		c.len = x->sst_off[k + 1] - x->sst_off[k];
		c.type = c.len ? TABLE_CELL_TEXT : TABLE_CELL_EMPTY;
		if (c.len > TABLE_MAX_CELL)
			return xlsx_fail(
			    e, HOSO_E_TOO_BIG, ref, x->rownum, "Ô %s%ld dài quá %d byte",
			    "Cell %s%ld is longer than %d bytes", ref, x->rownum, TABLE_MAX_CELL);
		break;
	case XLSX_T_STR:
	case XLSX_T_INLINE:
		c.type = TABLE_CELL_TEXT;
		break;
	case XLSX_T_B:
		c.type = TABLE_CELL_BOOL;
		if ((n == 1 && v[0] == '1') || strcmp(v, "true") == 0 || strcmp(v, "TRUE") == 0)
			c.num = 1;
		else if (!((n == 1 && v[0] == '0') || strcmp(v, "false") == 0 ||
		           strcmp(v, "FALSE") == 0))
			return xlsx_fail(e, HOSO_E_BAD_FILE, ref, x->rownum,
			                 "Tệp XLSX hỏng: ô %s%ld có giá trị logic không hợp lệ",
			                 "Damaged XLSX file: cell %s%ld holds an invalid boolean",
			                 ref, x->rownum);
		break;
	case XLSX_T_E:
		c.type = TABLE_CELL_ERROR;
		break;
	case XLSX_T_D:
		c.type = xlsx_iso_serial(v, n, &c.num) == 0 ? TABLE_CELL_DATE : TABLE_CELL_TEXT;
		break;
	case XLSX_T__MAX:
		break;
	}
	if (c.type == TABLE_CELL_EMPTY)
		return 0;
	if (x->col >= TABLE_MAX_COLUMNS)
		return xlsx_fail(e, HOSO_E_TOO_BIG, ref, x->rownum, "Dòng %ld có quá %d cột",
		                 "Row %ld has more than %d columns", x->rownum, TABLE_MAX_COLUMNS);
	if (!c.ext) {
		c.off = x->rowtext.len;
		c.len = n;
		if (buf_add(&x->rowtext, v, n) < 0)
			return xlsx_fail(e, HOSO_E_NOMEM, ref, x->rownum, NULL, NULL);
	}
	for (i = x->ncells; i < (size_t)x->col; i++)
		x->xc[i] = (struct xlsx_xcell){.type = TABLE_CELL_EMPTY};
	x->xc[x->col] = c;
	x->ncells = (size_t)x->col + 1;
	return 0;
}

/* <row ...>: its number, from r or one past the previous row. */
static int xlsx_row_start(struct xlsx_table *x, struct err *e)
{
	xmlTextReaderPtr rd = x->sheet.r;
	long num = x->rownum + 1;
	int a, bad = 0;

	for (a = xmlTextReaderMoveToFirstAttribute(rd); a == 1;
	     a = xmlTextReaderMoveToNextAttribute(rd)) {
		const char *v = (const char *)xmlTextReaderConstValue(rd);
		int64_t r;

		if (v && xlsx_is(xmlTextReaderConstLocalName(rd), "r") &&
		    !xmlTextReaderConstPrefix(rd) && xmlTextReaderIsNamespaceDecl(rd) != 1) {
			if (parse_i64(v, strlen(v), 1, INT32_MAX, &r) < 0)
				bad = 1;
			else
				num = (long)r;
		}
	}
	xmlTextReaderMoveToElement(rd);
	if (bad || num <= x->rownum)
		return xlsx_fail(
		    e, HOSO_E_BAD_FILE, NULL, x->rownum + 1,
		    "Tệp XLSX hỏng: số dòng sai hoặc không đúng thứ tự sau dòng %ld",
		    "Damaged XLSX file: invalid or out-of-order row number after row %ld",
		    x->rownum);
	if (num > TABLE_MAX_ROWS)
		return xlsx_fail(e, HOSO_E_TOO_BIG, NULL, num, "Tệp có quá %ld dòng",
		                 "The file has more than %ld rows", TABLE_MAX_ROWS);
	x->rownum = num;
	x->last_col = -1;
	x->ncells = 0;
	buf_reset(&x->rowtext);
	return 0;
}

/* </row>: 1 with *ret set when the row has a non-empty cell, else 0. */
static int xlsx_row_end(struct xlsx_table *x, struct table_row *ret)
{
	size_t i;

	x->last_col = -2;
	if (x->ncells == 0)
		return 0;
	for (i = 0; i < x->ncells; i++) {
		const struct xlsx_xcell *c = &x->xc[i];

		x->cells[i].type = c->type;
		x->cells[i].s = c->ext ? c->ext : x->rowtext.buf + c->off;
		x->cells[i].len = c->len;
		x->cells[i].num = c->num;
	}
	ret->number = x->rownum;
	ret->ncells = x->ncells;
	ret->cells = x->cells;
	return 1;
}

/* An element inside <c>. */
static int xlsx_cell_child(struct xlsx_table *x, const xmlChar *n, int empty, struct err *e)
{
	if (xlsx_is(n, "v")) {
		if (!empty)
			x->tgt = XLSX_TGT_VALUE;
	} else if (xlsx_is(n, "is")) {
		x->in_is = !empty;
	} else if (xlsx_is(n, "rPh")) {
		if (!empty)
			x->rph++;
	} else if (xlsx_is(n, "t")) {
		if (x->in_is && !x->rph && !empty)
			x->tgt = XLSX_TGT_VALUE;
	} else if (xlsx_is(n, "c") || xlsx_is(n, "row")) {
		return xlsx_fail(e, HOSO_E_BAD_FILE, NULL, x->rownum,
		                 "Tệp XLSX hỏng: phần tử lồng sai ở dòng %ld",
		                 "Damaged XLSX file: misplaced element in row %ld", x->rownum);
	}
	return 0;
}

static int xlsx_table_next(struct table *base, struct table_row *ret, struct err *e)
{
	struct xlsx_table *x = (struct xlsx_table *)base;
	xmlTextReaderPtr rd = x->sheet.r;
	int r;

	while ((r = xlsx_part_node(&x->sheet, e, x->rownum)) == 1) {
		int type = xmlTextReaderNodeType(rd);
		const xmlChar *n;
		int empty;

		if (xlsx_text_node(type)) {
			const char *v;

			if (!x->in_cell || x->tgt == XLSX_TGT_NONE || x->rph)
				continue;
			v = (const char *)xmlTextReaderConstValue(rd);
			if (v && buf_adds(&x->val, v) < 0) {
				char ref[TABLE_COL_NAME];

				table_col_name(x->col, ref);
				return xlsx_fail(e, HOSO_E_TOO_BIG, ref, x->rownum,
				                 "Ô %s%ld dài quá %d byte",
				                 "Cell %s%ld is longer than %d bytes", ref,
				                 x->rownum, TABLE_MAX_CELL);
			}
			continue;
		}
		if (type == XML_READER_TYPE_END_ELEMENT) {
			n = xmlTextReaderConstLocalName(rd);
			if (x->in_cell) {
				if (xlsx_is(n, "c"))
					r = xlsx_cell_end(x, e);
				else if (xlsx_is(n, "v") || xlsx_is(n, "t"))
					x->tgt = XLSX_TGT_NONE;
				else if (xlsx_is(n, "is"))
					x->in_is = 0;
				else if (xlsx_is(n, "rPh"))
					x->rph--;
				if (r < 0)
					return r;
			} else if (x->in_data && xlsx_is(n, "row")) {
				if (xlsx_row_end(x, ret))
					return 1;
			} else if (xlsx_is(n, "sheetData")) {
				x->in_data = 0;
			}
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		n = xmlTextReaderConstLocalName(rd);
		empty = xmlTextReaderIsEmptyElement(rd);
		if (x->in_cell) {
			r = xlsx_cell_child(x, n, empty, e);
		} else if (!x->in_data) {
			if (xlsx_is(n, "sheetData"))
				x->in_data = !empty;
		} else if (xlsx_is(n, "row")) {
			r = xlsx_row_start(x, e);
			if (r == 0 && empty && xlsx_row_end(x, ret))
				return 1;
		} else if (xlsx_is(n, "c")) {
			if (x->last_col == -2)
				return xlsx_fail(e, HOSO_E_BAD_FILE, NULL, x->rownum,
				                 "Tệp XLSX hỏng: ô nằm ngoài dòng",
				                 "Damaged XLSX file: a cell outside a row");
			r = xlsx_cell_start(x, e);
			if (r == 0 && empty)
				r = xlsx_cell_end(x, e);
		}
		if (r < 0)
			return r;
	}
	return r;
}

static void xlsx_table_progress(const struct table *base, size_t *ret_done, size_t *ret_total)
{
	const struct xlsx_table *x = (const struct xlsx_table *)base;

	*ret_done = (size_t)x->sheet.done;
	*ret_total = (size_t)x->sheet.size;
}

static void xlsx_table_free(struct table *base)
{
	struct xlsx_table *x = (struct xlsx_table *)base;

	xlsx_part_close(&x->sheet);
	if (x->za)
		zip_discard(x->za);
	if (x->cloc)
		freelocale(x->cloc);
	buf_release(&x->sst);
	free(x->sst_off);
	free(x->xf_date);
	buf_release(&x->val);
	buf_release(&x->rowtext);
	free(x);
}

static const struct table_vtab xlsx_table_vtab = {
    .next = xlsx_table_next,
    .progress = xlsx_table_progress,
    .free = xlsx_table_free,
};

/* Open the zip from a file or from memory. */
static int xlsx_zip_open(struct xlsx_table *x, const char *path, const void *data, size_t len,
                         struct err *e)
{
	zip_error_t ze;
	zip_source_t *src;
	int code = 0, r;

	zip_error_init(&ze);
	if (path) {
		x->za = zip_open(path, ZIP_RDONLY, &code);
		if (!x->za)
			zip_error_init_with_code(&ze, code);
	} else {
		src = zip_source_buffer_create(data, len, 0, &ze);
		if (src) {
			x->za = zip_open_from_source(src, ZIP_RDONLY, &ze);
			if (!x->za)
				zip_source_free(src);
		}
	}
	if (x->za) {
		zip_error_fini(&ze);
		return 0;
	}
	code = zip_error_code_zip(&ze);
	if (code == ZIP_ER_MEMORY)
		r = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	else if (code == ZIP_ER_OPEN || code == ZIP_ER_NOENT || code == ZIP_ER_READ)
		r = err_set(e, HOSO_E_IO, NULL, "Không đọc được tệp XLSX: %s",
		            "Cannot read the XLSX file: %s", zip_error_strerror(&ze));
	else
		r = err_set(e, HOSO_E_BAD_FILE, NULL, "Tệp XLSX hỏng hoặc không phải tệp XLSX (%s)",
		            "The XLSX file is damaged or not an XLSX file (%s)",
		            zip_error_strerror(&ze));
	zip_error_fini(&ze);
	return r;
}

/* The workbook's optional part of kind (styles, shared strings), when its
 * relationships (rels, of the workbook wb) name one: read by load. */
static int xlsx_optional_load(struct xlsx_table *x, const char *wb, const struct xlsx_rels *rels,
                              enum xlsx_rel_kind kind,
                              int (*load)(struct xlsx_table *, const char *, struct err *),
                              struct buf *part, struct err *e)
{
	const struct xlsx_rel *rel = xlsx_rels_find(rels, NULL, kind);
	int r;

	if (!rel)
		return 0;
	r = xlsx_path(part, wb, rels->str.buf + rel->target, rel->tlen, e);
	return r < 0 ? r : load(x, part->buf, e);
}

/*
 * Find the parts: the workbook from the package relationships (else
 * xl/workbook.xml), then the first worksheet, the styles and the shared
 * strings from the workbook's.  Loads the styles and shared strings and opens
 * the sheet.
 */
static int xlsx_load(struct xlsx_table *x, struct err *e)
{
	struct buf wb = BUF_INIT(XLSX_MAX_PATH), relsname = BUF_INIT(2 * XLSX_MAX_PATH),
	           sheet = BUF_INIT(XLSX_MAX_PATH), part = BUF_INIT(XLSX_MAX_PATH);
	struct xlsx_rels pkg, rels;
	const struct xlsx_rel *rel;
	int r;

	xlsx_rels_init(&pkg);
	xlsx_rels_init(&rels);
	r = xlsx_rels_load(x, "_rels/.rels", &pkg, e);
	if (r == 0 && (rel = xlsx_rels_find(&pkg, NULL, XLSX_REL_OFFICE_DOC)) != NULL)
		r = xlsx_path(&wb, "", pkg.str.buf + rel->target, rel->tlen, e);
	else if (r == 0 || r == HOSO_E_NOT_FOUND)
		r = buf_adds(&wb, "xl/workbook.xml");
	if (r < 0)
		goto out;
	if (xlsx_rels_name(&relsname, wb.buf) < 0) {
		r = err_set(e, HOSO_E_BAD_FILE, NULL, NULL, NULL);
		goto out;
	}
	r = xlsx_needed(xlsx_rels_load(x, relsname.buf, &rels, e), relsname.buf, e);
	if (r < 0)
		goto out;
	r = xlsx_workbook_load(x, wb.buf, &rels, &sheet, e);
	if (r < 0)
		goto out;
	r = xlsx_optional_load(x, wb.buf, &rels, XLSX_REL_STYLES, xlsx_styles_load, &part, e);
	if (r == 0)
		r = xlsx_optional_load(x, wb.buf, &rels, XLSX_REL_SST, xlsx_sst_load, &part, e);
	if (r < 0)
		goto out;
	r = xlsx_part_open(x, &x->sheet, sheet.buf, e);
	if (r == HOSO_E_NOT_FOUND)
		r = xlsx_fail(e, HOSO_E_BAD_FILE, NULL, 0, "Tệp XLSX hỏng: thiếu trang tính %s",
		              "Damaged XLSX file: worksheet %s is missing", sheet.buf);
out:
	xlsx_rels_release(&pkg);
	xlsx_rels_release(&rels);
	buf_release(&wb);
	buf_release(&relsname);
	buf_release(&sheet);
	buf_release(&part);
	return r;
}

int xlsx_table_open(const char *path, const void *data, size_t len, struct table **ret,
                    struct err *e)
{
	struct xlsx_table *x;
	int r;

	*ret = NULL;
	x = calloc(1, sizeof(*x));
	if (!x)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	x->base.format = TABLE_XLSX;
	x->base.vt = &xlsx_table_vtab;
	xlsx_part_init(&x->sheet);
	buf_init(&x->sst, XLSX_MAX_SST_BYTES);
	buf_init(&x->val, TABLE_MAX_CELL);
	buf_init(&x->rowtext, (size_t)TABLE_MAX_COLUMNS * TABLE_MAX_CELL);
	x->last_col = -2; /* no row open yet */
	xmlInitParser();
	x->cloc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (!x->cloc) {
		r = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		goto fail;
	}
	r = xlsx_zip_open(x, path, data, len, e);
	if (r == 0)
		r = xlsx_load(x, e);
	if (r < 0)
		goto fail;
	*ret = &x->base;
	return 0;

fail:
	xlsx_table_free(&x->base);
	return r;
}
