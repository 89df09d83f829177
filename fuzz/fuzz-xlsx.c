/*
 * fuzz-xlsx.c - libFuzzer target for the XLSX reader (import/xlsx.c): any
 * bytes must open and read to the end or fail with an error code, without
 * crashing or leaking, and every row handed out must keep table.h's
 * promises (rows ascend, cells within the limits, no trailing empty cell).
 *
 * Two modes, so mutations reach the XML as well as the zip layer: input
 * starting with "PK" is read as an XLSX file as it is; anything else is
 * split at NUL bytes into a worksheet, a shared strings part and a styles
 * part, which are stored (uncompressed) into a zip beside a fixed workbook.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/err.h"
#include "import/table.h"
#include "table-rows.h"

#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int fuzz_add(zip_t *za, const char *name, const void *data, size_t len)
{
	zip_source_t *zs = zip_source_buffer(za, data, len, 0);
	zip_int64_t i;

	if (!zs)
		return -1;
	i = zip_file_add(za, name, zs, 0);
	if (i < 0) {
		zip_source_free(zs);
		return -1;
	}
	return zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE, 0);
}

/* Store the parts in a zip with a fixed workbook, and read it. */
static void fuzz_parts(const uint8_t *data, size_t size)
{
	static const char rels[] =
	    "<Relationships xmlns=\"" NS_PKG "\">"
	    "<Relationship Id=\"rId1\" Type=\"" NS_REL
	    "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	    "<Relationship Id=\"rId2\" Type=\"" NS_REL
	    "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	    "<Relationship Id=\"rId3\" Type=\"" NS_REL "/styles\" Target=\"styles.xml\"/>"
	    "</Relationships>";
	static const char wb[] =
	    "<workbook xmlns:r=\"" NS_REL "\"><sheets>"
	    "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
	static const char *const names[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
	                                    "xl/styles.xml"};
	const uint8_t *p = data, *end = data + size;
	zip_source_t *src;
	zip_stat_t st;
	zip_t *za;
	void *buf;
	int bad = 0;

	src = zip_source_buffer_create(NULL, 0, 0, NULL);
	if (!src)
		return;
	za = zip_open_from_source(src, ZIP_TRUNCATE, NULL);
	if (!za) {
		zip_source_free(src);
		return;
	}
	zip_source_keep(src);
	bad |= fuzz_add(za, "xl/workbook.xml", wb, strlen(wb));
	bad |= fuzz_add(za, "xl/_rels/workbook.xml.rels", rels, strlen(rels));
	for (size_t i = 0; i < 3; i++) {
		const uint8_t *nul = p < end ? memchr(p, 0, (size_t)(end - p)) : NULL;
		const uint8_t *stop = nul ? nul : end;

		bad |= fuzz_add(za, names[i], p, (size_t)(stop - p));
		p = nul ? nul + 1 : end;
	}
	if (bad || zip_close(za) < 0) {
		if (bad)
			zip_discard(za);
		zip_source_free(src);
		return;
	}
	zip_stat_init(&st);
	if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
		buf = malloc(st.size ? st.size : 1);
		if (buf && zip_source_read(src, buf, st.size) == (zip_int64_t)st.size)
			fuzz_table(buf, st.size, TABLE_XLSX);
		free(buf);
		zip_source_close(src);
	}
	zip_source_free(src);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size >= 2 && data[0] == 'P' && data[1] == 'K')
		fuzz_table(data, size, TABLE_XLSX);
	else
		fuzz_parts(data, size);
	return 0;
}
