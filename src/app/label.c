/*
 * label.c - the table of field labels (label.h), sorted by field name so
 * that a lookup is a binary search (test-label.c looks up the first and
 * the last entry, which a table out of order loses).
 */
#include "app/label.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/banned.h"

struct label {
	const char *field, *vi, *en;
};

/* Sorted by field (strcmp order). */
static const struct label labels[] = {
    {"about", "Nội dung cần xác minh", "Subject of the letter"},
    {"action", "Việc khắc phục", "Remedial action"},
    {"arrangement", "Hình thức quản lý", "Arrangement"},
    {"clearance", "Độ mật được xem", "Clearance"},
    {"come_back", "Ngày về nước", "Return date"},
    {"commitment", "Cam kết", "Commitment"},
    {"conclusion", "Kết luận", "Conclusion"},
    {"confidentiality", "Độ mật", "Confidentiality"},
    {"congress", "Ngày khai mạc đại hội", "Congress opening date"},
    {"countries", "Nước đến", "Countries"},
    {"country", "Nước", "Country"},
    {"date", "Ngày", "Date"},
    {"decided", "Ngày quyết định", "Decision date"},
    {"depart", "Ngày xuất cảnh", "Departure date"},
    {"document", "Văn bản", "Document"},
    {"due", "Hạn hoàn thành", "Due date"},
    {"ethnicity", "Dân tộc", "Ethnicity"},
    {"exempt_reason", "Lý do miễn", "Reason for the exemption"},
    {"expected_end", "Ngày dự kiến về", "Expected end date"},
    {"family_name", "Họ", "Family name"},
    {"file", "Tệp", "File"},
    {"from", "Từ ngày", "From"},
    {"full_name", "Họ và tên", "Full name"},
    {"funding", "Kinh phí", "Funding"},
    {"given_name", "Tên", "Given name"},
    {"home_town", "Quê quán", "Home town"},
    {"issuer", "Cơ quan ban hành", "Issuer"},
    {"kind", "Loại", "Kind"},
    {"last_contact", "Lần liên hệ gần nhất", "Last contact"},
    {"leader", "Trưởng đoàn", "Delegation leader"},
    {"management_level", "Diện quản lý", "Management level"},
    {"middle_name", "Tên đệm", "Middle name"},
    {"name", "Tên", "Name"},
    {"note", "Ghi chú", "Note"},
    {"number", "Số, ký hiệu", "Number"},
    {"opened", "Ngày mở hồ sơ", "Opening date"},
    {"org", "Tổ chức", "Organisation"},
    {"outcome", "Kết quả", "Outcome"},
    {"owner", "Người, đơn vị thực hiện", "Responsible"},
    {"password", "Mật khẩu", "Password"},
    {"period", "Kỳ", "Period"},
    {"person", "Đảng viên", "Member"},
    {"position", "Chức vụ", "Position"},
    {"purpose", "Mục đích", "Purpose"},
    {"reason", "Lý do", "Reason"},
    {"recipient", "Nơi nhận", "Recipient"},
    {"relation", "Quan hệ", "Relation"},
    {"requester", "Nơi đề nghị", "Requester"},
    {"residence", "Nơi ở hiện nay", "Residence"},
    {"result", "Kết quả", "Result"},
    {"roles", "Vai trò", "Roles"},
    {"sender_address", "Địa chỉ người gửi", "Sender's address"},
    {"sender_name", "Họ tên người gửi", "Sender's name"},
    {"sent", "Ngày gửi", "Date sent"},
    {"start", "Ngày bắt đầu", "Start date"},
    {"subject", "Đối tượng", "Subject"},
    {"subject_orgs", "Tổ chức là đối tượng", "Subject organisations"},
    {"subject_persons", "Đảng viên là đối tượng", "Subject members"},
    {"subtype", "Hình thức", "Type"},
    {"summary", "Tóm tắt nội dung", "Summary of the content"},
    {"term", "Nhiệm kỳ", "Term"},
    {"text", "Nội dung", "Text"},
    {"title", "Tiêu đề", "Title"},
    {"to", "Đến ngày", "To"},
    {"transfer_number", "Số văn bản chuyển", "Number of the transfer letter"},
    {"transfer_to", "Nơi chuyển đến", "Receiving body"},
    {"username", "Tên đăng nhập", "User name"},
    {"users", "Người được giao", "Assignees"},
    {"violation", "Ngày vi phạm", "Violation date"},
    {"working_days", "Số ngày làm việc", "Working days"},
};

static int by_field(const void *key, const void *entry)
{
	return strcmp(key, ((const struct label *)entry)->field);
}

static const struct label *label_find(const char *field)
{
	if (!field)
		return NULL;
	return bsearch(field, labels, sizeof(labels) / sizeof(labels[0]), sizeof(labels[0]),
	               by_field);
}

const char *label_vi(const char *field)
{
	const struct label *l = label_find(field);

	return l ? l->vi : NULL;
}

const char *label_en(const char *field)
{
	const struct label *l = label_find(field);

	return l ? l->en : NULL;
}
