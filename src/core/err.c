/*
 * err.c - the table of error codes and their messages (see err.h).
 */
#include "core/err.h"

#include <stddef.h>
#include <string.h>

#include "core/banned.h"

struct err_entry {
	const char *name;
	const char *vi;
	const char *en;
};

static const struct err_entry err_table[-HOSO_E__MIN] = {
    [0] = {"ok", "Thành công", "Success"},
    [-HOSO_E_NOMEM] = {"no_memory", "Không đủ bộ nhớ", "Out of memory"},
    [-HOSO_E_INVALID] = {"invalid", "Dữ liệu không hợp lệ", "Invalid input"},
    [-HOSO_E_TOO_BIG] = {"too_big", "Dữ liệu vượt quá kích thước cho phép",
                         "Input exceeds the allowed size"},
    [-HOSO_E_NOT_FOUND] = {"not_found", "Không tìm thấy", "Not found"},
    [-HOSO_E_IO] = {"io_error", "Lỗi đọc/ghi tệp", "File read/write error"},
    [-HOSO_E_DB] = {"db_error", "Lỗi cơ sở dữ liệu", "Database error"},
    [-HOSO_E_BUSY] = {"busy", "Cơ sở dữ liệu đang bận, hãy thử lại",
                      "The database is busy, try again"},
    [-HOSO_E_NOT_UTF8] = {"not_utf8", "Văn bản không phải mã UTF-8 hợp lệ",
                          "Text is not valid UTF-8"},
    [-HOSO_E_LEGACY_ENCODING] = {"legacy_encoding",
                                 "Văn bản có vẻ dùng bảng mã cũ (TCVN3/VNI); hãy chuyển sang "
                                 "Unicode (UTF-8)",
                                 "Text looks like a legacy encoding (TCVN3/VNI); convert it to "
                                 "Unicode (UTF-8)"},
    [-HOSO_E_BAD_DATE] = {"bad_date", "Ngày không hợp lệ", "Invalid date"},
    [-HOSO_E_BAD_NUMBER] = {"bad_number", "Số không hợp lệ", "Invalid number"},
    [-HOSO_E_BAD_CCCD] = {"bad_cccd", "Số CCCD phải gồm đúng 12 chữ số",
                          "A citizen ID (CCCD) must be exactly 12 digits"},
    [-HOSO_E_BAD_PARTY_FILE] = {"bad_party_file",
                                "Số lý lịch phải gồm 6 chữ số và mã tỉnh 2–3 chữ cái",
                                "A party file number is 6 digits and a 2–3 letter "
                                "provincial code"},
    [-HOSO_E_DUPLICATE] = {"duplicate", "Bản ghi đã tồn tại", "The record already exists"},
    [-HOSO_E_CONFLICT] = {"conflict", "Bản ghi đã bị người khác thay đổi",
                          "The record was changed by someone else"},
    [-HOSO_E_RANGE] = {"out_of_range", "Giá trị nằm ngoài phạm vi cho phép",
                       "Value out of the allowed range"},
    [-HOSO_E_USAGE] = {"usage", "Cú pháp lệnh không đúng", "Wrong command usage"},
    [-HOSO_E_DENIED] = {"denied", "Không có quyền thực hiện", "Permission denied"},
    [-HOSO_E_ORG_STATE] = {"org_state", "Thao tác không phù hợp với trạng thái tổ chức",
                           "The operation does not fit the organisation's state"},
    [-HOSO_E_CYCLE] = {"cycle", "Thao tác tạo vòng lặp trong cây tổ chức",
                       "The operation would create a cycle in the tree"},
    [-HOSO_E_BAD_FILE] = {"bad_file", "Tệp không đúng định dạng",
                          "The file is not in the expected format"},
    [-HOSO_E_MISSING] = {"missing", "Thiếu thông tin bắt buộc", "A required value is missing"},
    [-HOSO_E_SCHEMA] = {"schema", "Cơ sở dữ liệu thuộc phiên bản mới hơn chương trình",
                        "The database is newer than this program"},
    [-HOSO_E_BAD_NAME] = {"bad_name", "Họ tên không hợp lệ", "Invalid name"},
    [-HOSO_E_AUTH] = {"auth_required", "Chưa đăng nhập, hoặc tên đăng nhập/mật khẩu không đúng",
                      "Not signed in, or wrong user name or password"},
    [-HOSO_E_LOCKED] = {"locked", "Tài khoản tạm khóa do đăng nhập sai nhiều lần; hãy thử lại sau",
                        "Too many failed sign-ins; try again later"},
    [-HOSO_E_CSRF] = {"csrf", "Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF)",
                      "Missing or wrong CSRF token"},
    [-HOSO_E_PERIOD_LOCKED] = {"period_locked",
                               "Kỳ báo cáo đã được phê duyệt và khóa: thay đổi này làm thay đổi "
                               "số liệu của kỳ; cần cấp trên mở lại kỳ trước",
                               "The reporting period is approved and locked: this change would "
                               "alter its figures; the level above must re-open it first"},
    [-HOSO_E_UNKNOWN_FIELD] = {"unknown_field", "Mẫu văn bản dùng trường không có",
                               "The template uses a field that does not exist"},
    [-HOSO_E_PROTECTED_FIELD] = {"protected_field",
                                 "Trường được bảo vệ không được in trên giấy tờ gửi đối tượng",
                                 "A protected field may not be printed on a paper sent to the "
                                 "subject"},
    [-HOSO_E_BAD_ENUM] = {"bad_value", "Giá trị không thuộc danh mục cho phép",
                          "Value is not one of the allowed values"},
};

static const struct err_entry *err_entry(int code)
{
	static const struct err_entry unknown = {"unknown", "Lỗi không xác định", "Unknown error"};

	if (code > 0 || code <= HOSO_E__MIN || !err_table[-code].name)
		return &unknown;
	return &err_table[-code];
}

const char *err_name(int code)
{
	return err_entry(code)->name;
}

const char *err_message_vi(int code)
{
	return err_entry(code)->vi;
}

const char *err_message_en(int code)
{
	return err_entry(code)->en;
}

void err_init(struct err *e)
{
	e->code = 0;
	e->row = 0;
	buf_init(&e->field, 256);
	buf_init(&e->msg_vi, 4096);
	buf_init(&e->msg_en, 4096);
}

void err_release(struct err *e)
{
	if (!e)
		return;
	buf_release(&e->field);
	buf_release(&e->msg_vi);
	buf_release(&e->msg_en);
	e->code = 0;
	e->row = 0;
}

void err_clear(struct err *e)
{
	e->code = 0;
	e->row = 0;
	buf_reset(&e->field);
	buf_reset(&e->msg_vi);
	buf_reset(&e->msg_en);
}

/* A detail too long for its cap is cut at a UTF-8 boundary, never dropped. */
static void err_put(struct buf *b, const char *fmt, va_list ap)
{
	struct buf tmp = BUF_INIT(1 << 20);
	size_t n;

	buf_reset(b);
	if (buf_vaddf(&tmp, fmt, ap) < 0) {
		buf_release(&tmp);
		return;
	}
	n = tmp.len < b->max ? tmp.len : b->max;
	while (n < tmp.len && n > 0 && ((unsigned char)tmp.buf[n] & 0xC0) == 0x80)
		n--;
	buf_add(b, tmp.buf, n);
	buf_release(&tmp);
}

int err_vset(struct err *e, int code, const char *field, const char *vi_fmt, const char *en_fmt,
             va_list ap)
{
	va_list cp;

	if (!e)
		return code;
	e->code = code;
	buf_reset(&e->field);
	if (field)
		buf_add(&e->field, field,
		        strlen(field) < e->field.max ? strlen(field) : e->field.max);
	va_copy(cp, ap);
	if (vi_fmt)
		err_put(&e->msg_vi, vi_fmt, cp);
	else
		buf_reset(&e->msg_vi);
	va_end(cp);
	va_copy(cp, ap);
	if (en_fmt)
		err_put(&e->msg_en, en_fmt, cp);
	else
		buf_reset(&e->msg_en);
	va_end(cp);
	return code;
}

int err_set(struct err *e, int code, const char *field, const char *vi_fmt, const char *en_fmt, ...)
{
	va_list ap;

	va_start(ap, en_fmt);
	err_vset(e, code, field, vi_fmt, en_fmt, ap);
	va_end(ap);
	return code;
}

int err_en(struct err *e, const char *en_fmt, ...)
{
	va_list ap;

	if (!e)
		return HOSO_E_INVALID;
	va_start(ap, en_fmt);
	err_put(&e->msg_en, en_fmt, ap);
	va_end(ap);
	return e->code;
}

const char *err_text_vi(const struct err *e)
{
	return e->msg_vi.len ? e->msg_vi.buf : err_message_vi(e->code);
}

const char *err_text_en(const struct err *e)
{
	return e->msg_en.len ? e->msg_en.buf : err_message_en(e->code);
}
