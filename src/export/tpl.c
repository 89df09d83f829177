/*
 * tpl.c - the walker of text with named fields (tpl.h): one pass, no
 * allocation, every byte either text or part of a well-formed field.
 */
#include "export/tpl.h"

#include <string.h>

#include "core/banned.h"

static int name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

/* The line (1-based) of offset at in s, for the messages. */
static size_t line_of(const char *s, size_t at)
{
	size_t line = 1;

	for (size_t i = 0; i < at; i++)
		line += s[i] == '\n';
	return line;
}

static int malformed(struct err *e, const char *where, const char *s, size_t at, const char *vi,
                     const char *en)
{
	size_t line = line_of(s, at);

	err_set(e, HOSO_E_INVALID, where, "Mẫu văn bản (%s, dòng %zu): %s",
	        "Template (%s, line %zu): %s", where, line, vi);
	err_en(e, "Template (%s, line %zu): %s", where, line, en);
	return HOSO_E_INVALID;
}

/* The field opening at s[at] ("{{"): its name into name, the offset past
 * its "}}" into *ret_end. */
static int field_at(const char *s, size_t len, size_t at, const char *where,
                    char name[TPL_NAME_MAX + 1], size_t *ret_end, struct err *e)
{
	size_t i = at + 2, n = 0;

	while (i < len && s[i] == ' ')
		i++;
	while (i < len && name_char(s[i])) {
		if (n == TPL_NAME_MAX)
			return malformed(e, where, s, at, "tên trường quá dài",
			                 "a field's name is too long");
		name[n++] = s[i++];
	}
	name[n] = '\0';
	while (i < len && s[i] == ' ')
		i++;
	if (i + 1 < len && s[i] == '}' && s[i + 1] == '}') {
		if (n == 0)
			return malformed(e, where, s, at, "trường không có tên ({{ }})",
			                 "a field without a name ({{ }})");
		*ret_end = i + 2;
		return 0;
	}
	if (i >= len || s[i] == '\n' || (s[i] == '}' && i + 1 >= len))
		return malformed(e, where, s, at, "thiếu }} đóng trường",
		                 "a field lacks its closing }}");
	return malformed(e, where, s, at, "tên trường chỉ gồm chữ thường không dấu, số, '_' và '.'",
	                 "a field's name holds only a-z, 0-9, '_' and '.'");
}

int tpl_walk(const char *s, size_t len, const char *where, const struct tpl_walker *w,
             struct err *e)
{
	char name[TPL_NAME_MAX + 1];
	size_t from = 0, i = 0, end;
	int rc;

	while (i + 1 < len) {
		if (s[i] != '{' || s[i + 1] != '{') {
			i++;
			continue;
		}
		if (w->text && i > from && (rc = w->text(w->arg, s + from, i - from)) < 0)
			return err_set(e, rc, NULL, NULL, NULL);
		if ((rc = field_at(s, len, i, where, name, &end, e)) < 0)
			return rc;
		if (w->field && (rc = w->field(w->arg, name, e)) < 0)
			return rc;
		from = i = end;
	}
	if (w->text && len > from && (rc = w->text(w->arg, s + from, len - from)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	return 0;
}
