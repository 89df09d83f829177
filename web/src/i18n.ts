// Two languages: Vietnamese (the default) and English. Every string the UI
// shows comes from here; enum labels (organisation kinds, statuses, roles)
// too. The choice is kept in localStorage.
import { ref } from 'vue'

export type Lang = 'vi' | 'en'

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('hoso.lang') : null
export const lang = ref<Lang>(stored === 'en' ? 'en' : 'vi')

export function setLang(l: Lang): void {
  lang.value = l
  if (typeof localStorage !== 'undefined') localStorage.setItem('hoso.lang', l)
  if (typeof document !== 'undefined') document.documentElement.lang = l
}

type Entry = [vi: string, en: string]

const messages: Record<string, Entry> = {
  'app.name': ['Hồ sơ bảo vệ chính trị nội bộ', 'Internal political protection records'],
  'app.short': ['hoso', 'hoso'],
  'nav.home': ['Tổng quan', 'Overview'],
  'nav.orgs': ['Tổ chức đảng', 'Party organisations'],
  'nav.people': ['Đảng viên', 'Party members'],
  'nav.admin': ['Quản trị', 'Administration'],
  'nav.users': ['Người dùng', 'Users'],
  'nav.calendar': ['Lịch ngày nghỉ', 'Holiday calendar'],
  'nav.audit': ['Nhật ký truy cập', 'Audit trail'],
  'nav.account': ['Tài khoản', 'Account'],
  'nav.logout': ['Đăng xuất', 'Sign out'],
  'nav.logoutAll': ['Đăng xuất mọi nơi', 'Sign out everywhere'],
  'nav.skip': ['Bỏ qua, tới nội dung chính', 'Skip to main content'],
  'lang.switch': ['English', 'Tiếng Việt'],
  'lang.switchLabel': ['Chuyển sang tiếng Anh', 'Switch to Vietnamese'],

  'login.title': ['Đăng nhập', 'Sign in'],
  'login.username': ['Tên đăng nhập', 'User name'],
  'login.password': ['Mật khẩu', 'Password'],
  'login.otp': ['Mã xác thực (6 số) hoặc mã khôi phục', 'Authentication code (6 digits) or recovery code'],
  'login.otpHint': ['Tài khoản này bật xác thực hai lớp: nhập mã trong ứng dụng xác thực.', 'This account uses two-factor authentication: enter the code from your authenticator app.'],
  'login.submit': ['Đăng nhập', 'Sign in'],
  'login.expired': ['Phiên làm việc đã hết hạn. Đăng nhập lại để tiếp tục — những gì bạn đang nhập vẫn được giữ nguyên.', 'Your session has ended. Sign in again to continue — what you were typing is kept.'],
  'login.required': ['Không được để trống', 'Required'],

  'home.title': ['Tổng quan', 'Overview'],
  'home.scope': ['Phạm vi', 'Scope'],
  'home.orgs': ['Tổ chức đảng', 'Party organisations'],
  'home.members': ['Đảng viên', 'Party members'],
  'home.direct': ['Tổ chức trực thuộc', 'Directly subordinate organisations'],
  'home.byKind': ['Đảng viên theo loại tổ chức', 'Members by kind of organisation'],
  'home.due': ['Việc sắp đến hạn / quá hạn', 'Due soon / overdue'],
  'home.dueEmpty': ['Chưa có việc nào: các hồ sơ kiểm tra, giám sát, thẩm định… sẽ hiện ở đây khi được lập.', 'Nothing yet: inspection, supervision and appraisal cases will be listed here once they exist.'],
  'home.asOf': ['Số liệu tại ngày', 'Figures as of'],

  'orgs.title': ['Cây tổ chức đảng', 'Party organisation tree'],
  'orgs.asOf': ['Cơ cấu tại ngày', 'Structure as of'],
  'orgs.filter': ['Lọc theo tên hoặc mã', 'Filter by name or code'],
  'orgs.count': ['{n} tổ chức, {m} đảng viên', '{n} organisations, {m} members'],
  'orgs.members': ['đảng viên', 'members'],
  'orgs.open': ['Mở', 'Open'],
  'orgs.before2025': ['Trước 1/7/2025', 'Before 1/7/2025'],
  'orgs.today': ['Hôm nay', 'Today'],
  'org.code': ['Mã', 'Code'],
  'org.name': ['Tên', 'Name'],
  'org.kind': ['Loại', 'Kind'],
  'org.parent': ['Trực thuộc', 'Parent'],
  'org.from': ['Từ ngày', 'From'],
  'org.to': ['Đến ngày', 'To'],
  'org.document': ['Văn bản', 'Document'],
  'org.history': ['Lịch sử tên gọi và trực thuộc', 'History of names and parents'],
  'org.successions': ['Sáp nhập, chia tách, giải thể', 'Mergers, splits, dissolutions'],
  'org.noSuccessions': ['Chưa có thay đổi nào', 'No changes'],
  'org.membersList': ['Đảng viên sinh hoạt', 'Members'],
  'org.active': ['Đang hoạt động', 'Active'],
  'org.ended': ['Đã kết thúc ngày {d}', 'Ended on {d}'],
  'org.change': ['Thay đổi tổ chức', 'Change the organisation'],
  'org.rename': ['Đổi tên', 'Rename'],
  'org.move': ['Chuyển trực thuộc', 'Move'],
  'org.merge': ['Sáp nhập', 'Merge'],
  'org.split': ['Chia tách', 'Split'],
  'org.dissolve': ['Giải thể', 'Dissolve'],
  'org.date': ['Ngày hiệu lực', 'Effective date'],
  'org.newName': ['Tên mới', 'New name'],
  'org.newParent': ['Mã tổ chức cấp trên mới', 'Code of the new parent'],
  'org.mergeInto': ['Sáp nhập vào (mã)', 'Merge into (code)'],
  'org.mergeSources': ['Các tổ chức sáp nhập (mã, cách nhau bởi dấu phẩy)', 'Organisations merged (codes, comma-separated)'],
  'org.receiver': ['Tổ chức tiếp nhận đảng viên (mã)', 'Organisation receiving the members (code)'],
  'org.parts': ['Các tổ chức mới (mỗi dòng: mã; tên)', 'New organisations (one per line: code; name)'],
  'org.preview': ['Xem trước', 'Preview'],
  'org.previewText': ['{m} đảng viên và {c} tổ chức trực thuộc của {from} sẽ chuyển sang {to} từ ngày {d}.', '{m} members and {c} subordinate organisations of {from} will move to {to} from {d}.'],
  'org.renamePreview': ['{from} sẽ mang tên "{to}" từ ngày {d}; đảng viên và tổ chức trực thuộc không đổi.', '{from} will be named "{to}" from {d}; members and subordinate organisations stay.'],
  'org.movePreview': ['{from} cùng {c} tổ chức trực thuộc và {m} đảng viên sẽ trực thuộc {to} từ ngày {d}.', '{from} with its {c} subordinate organisations and {m} members will come under {to} from {d}.'],
  'org.splitPreview': ['{from} sẽ chia thành {n} tổ chức từ ngày {d}: {parts}. {m} đảng viên và {c} tổ chức trực thuộc chuyển sang {main} (kế thừa chính).', '{from} will split into {n} organisations from {d}: {parts}. Its {m} members and {c} subordinate organisations go to {main} (the main successor).'],
  'org.dissolvePreview': ['{from} sẽ giải thể từ ngày {d}; {m} đảng viên và {c} tổ chức trực thuộc chuyển sang {to}.', '{from} will be dissolved from {d}; its {m} members and {c} subordinate organisations go to {to}.'],
  'org.dissolveEmpty': ['{from} sẽ giải thể từ ngày {d} (không còn đảng viên, tổ chức trực thuộc).', '{from} will be dissolved from {d} (no members or subordinate organisations left).'],
  'org.unknownCode': ['Không có tổ chức mã {c} tại ngày này', 'No organisation with code {c} on that date'],
  'org.partsHelp': ['Tổ chức đầu tiên là tổ chức kế thừa chính.', 'The first one is the main successor.'],
  'org.apply': ['Thực hiện', 'Apply'],
  'org.done': ['Đã cập nhật', 'Updated'],

  'people.title': ['Tìm đảng viên', 'Find party members'],
  'people.search': ['Họ tên, số CCCD, số lý lịch hoặc số thẻ đảng', 'Name, ID card, party file or card number'],
  'people.hint': ['Gõ không dấu cũng được: "lo van muon" tìm ra "Lò Văn Muôn".', 'Diacritics are optional: "lo van muon" finds "Lò Văn Muôn".'],
  'people.none': ['Không tìm thấy ai', 'Nobody found'],
  'people.results': ['{n} kết quả', '{n} results'],
  'person.fullName': ['Họ và tên', 'Full name'],
  'person.birth': ['Ngày sinh', 'Date of birth'],
  'person.sex': ['Giới tính', 'Sex'],
  'person.status': ['Tình trạng', 'Status'],
  'person.org': ['Chi bộ / tổ chức', 'Party cell / organisation'],
  'person.homeTown': ['Quê quán', 'Home town'],
  'person.residence': ['Nơi ở hiện nay', 'Residence'],
  'person.ethnicity': ['Dân tộc', 'Ethnicity'],
  'person.cccd': ['Số CCCD', 'Citizen ID'],
  'person.partyFile': ['Số lý lịch đảng viên', 'Party file number'],
  'person.partyCard': ['Số thẻ đảng', 'Party card number'],
  'person.admission': ['Ngày vào Đảng', 'Admitted'],
  'person.fullMember': ['Ngày chính thức', 'Full member since'],
  'person.managementLevel': ['Diện quản lý', 'Management level'],
  'person.identity': ['Lý lịch', 'Identity'],
  'person.memberships': ['Quá trình sinh hoạt đảng', 'Party membership history'],
  'person.positions': ['Chức vụ', 'Positions'],
  'person.noPositions': ['Chưa ghi nhận chức vụ', 'No positions recorded'],
  'person.title': ['Chức vụ', 'Title'],
  'person.accessLog': ['Ai đã xem hồ sơ này', 'Who viewed this record'],
  'person.accessWhen': ['Thời điểm', 'When'],
  'person.accessWho': ['Người xem', 'Who'],
  'person.accessWhat': ['Thao tác', 'Action'],
  'person.accessFrom': ['Từ địa chỉ', 'From'],
  'person.accessWhy': ['Lý do', 'Reason'],
  'person.flagged': ['Ngoài phạm vi — cần rà soát', 'Outside scope — to be reviewed'],
  'person.notFound': ['Không tìm thấy hồ sơ này, hoặc hồ sơ không thuộc phạm vi của bạn.', 'This record does not exist, or it is not within your scope.'],
  'person.breakGlass': ['Xem ngoài phạm vi (có lý do)', 'Read outside my scope (with a reason)'],
  'person.breakGlassHelp': ['Việc xem hồ sơ ngoài phạm vi được ghi vào nhật ký và sẽ được rà soát. Nêu rõ lý do (ít nhất 10 ký tự), ví dụ số quyết định kiểm tra.', 'Reading outside your scope is logged and reviewed. State the reason (at least 10 characters), e.g. the inspection decision number.'],
  'person.reason': ['Lý do', 'Reason'],
  'person.reasonShort': ['Lý do cần ít nhất 10 ký tự', 'The reason needs at least 10 characters'],
  'person.read': ['Xem hồ sơ', 'Read the record'],
  'person.brokeGlass': ['Bạn đang xem hồ sơ ngoài phạm vi. Lần xem này đã được ghi lại với lý do bạn nêu.', 'You are reading a record outside your scope. This read has been logged with your reason.'],

  'account.title': ['Tài khoản', 'Account'],
  'account.password': ['Đổi mật khẩu', 'Change password'],
  'account.old': ['Mật khẩu hiện tại', 'Current password'],
  'account.new': ['Mật khẩu mới (ít nhất 10 ký tự)', 'New password (at least 10 characters)'],
  'account.newShort': ['Mật khẩu mới cần ít nhất 10 ký tự', 'The new password needs at least 10 characters'],
  'account.changed': ['Đã đổi mật khẩu; các phiên khác đã bị đăng xuất.', 'Password changed; your other sessions were signed out.'],
  'account.totp': ['Xác thực hai lớp', 'Two-factor authentication'],
  'account.totpStart': ['Bật xác thực hai lớp', 'Turn on two-factor authentication'],
  'account.totpSecret': ['Nhập khóa này vào ứng dụng xác thực (Google Authenticator, FreeOTP…):', 'Enter this key in your authenticator app (Google Authenticator, FreeOTP…):'],
  'account.totpCode': ['Mã 6 số hiện trong ứng dụng', 'The 6-digit code shown in the app'],
  'account.totpConfirm': ['Xác nhận', 'Confirm'],
  'account.totpOn': ['Đã bật xác thực hai lớp. Cất giữ các mã khôi phục dưới đây (mỗi mã dùng một lần); chúng chỉ hiện một lần.', 'Two-factor authentication is on. Keep these recovery codes (each works once); they are shown only once.'],
  'account.totpAlready': ['Xác thực hai lớp đang bật. Quản trị viên có thể đặt lại nếu bạn mất thiết bị.', 'Two-factor authentication is on. An administrator can reset it if you lose your device.'],
  'account.user': ['Người dùng', 'User'],
  'account.roles': ['Vai trò', 'Roles'],
  'account.clearance': ['Độ mật được tiếp cận', 'Clearance'],

  'users.title': ['Người dùng', 'Users'],
  'users.add': ['Thêm người dùng', 'Add a user'],
  'users.username': ['Tên đăng nhập', 'User name'],
  'users.fullName': ['Họ và tên', 'Full name'],
  'users.org': ['Thuộc tổ chức (mã)', 'Organisation (code)'],
  'users.roles': ['Vai trò', 'Roles'],
  'users.clearance': ['Độ mật', 'Clearance'],
  'users.disabled': ['Đã khóa', 'Disabled'],
  'users.active': ['Đang dùng', 'Active'],
  'users.disable': ['Khóa', 'Disable'],
  'users.enable': ['Mở khóa', 'Enable'],
  'users.resetPassword': ['Cấp lại mật khẩu', 'Reset password'],
  'users.resetTotp': ['Đặt lại 2 lớp', 'Reset 2FA'],
  'users.edit': ['Sửa', 'Edit'],
  'users.save': ['Lưu', 'Save'],
  'users.newPassword': ['Mật khẩu của {u} (chỉ hiện một lần): {p}', 'Password for {u} (shown once): {p}'],
  'users.state': ['Trạng thái', 'State'],

  'cal.title': ['Lịch ngày nghỉ, ngày hoán đổi', 'Holidays and swapped days'],
  'cal.year': ['Năm', 'Year'],
  'cal.date': ['Ngày', 'Date'],
  'cal.kind': ['Loại', 'Kind'],
  'cal.name': ['Tên', 'Name'],
  'cal.source': ['Căn cứ', 'Source'],
  'cal.add': ['Thêm / sửa một ngày', 'Add / change a day'],
  'cal.remove': ['Bỏ', 'Remove'],
  'cal.kind.off': ['Nghỉ', 'Day off'],
  'cal.kind.work': ['Làm việc bù', 'Make-up working day'],
  'cal.kind.not_off': ['Không nghỉ', 'Not a day off'],
  'cal.kind.holiday': ['Nghỉ lễ, Tết', 'Public holiday'],
  'cal.kind.compensatory': ['Nghỉ bù', 'Compensatory day off'],

  'audit.title': ['Nhật ký truy cập', 'Audit trail'],
  'audit.user': ['Người dùng (id)', 'User (id)'],
  'audit.action': ['Thao tác', 'Action'],
  'audit.object': ['Đối tượng', 'Object'],
  'audit.from': ['Từ ngày', 'From'],
  'audit.to': ['Đến ngày', 'To'],
  'audit.flagged': ['Chỉ các lần xem ngoài phạm vi', 'Only reads outside scope'],
  'audit.filter': ['Lọc', 'Filter'],
  'audit.export': ['Xuất CSV', 'Export CSV'],
  'audit.more': ['Xem thêm', 'Load more'],
  'audit.detail': ['Chi tiết', 'Detail'],

  'common.save': ['Lưu', 'Save'],
  'common.cancel': ['Hủy', 'Cancel'],
  'common.close': ['Đóng', 'Close'],
  'common.loading': ['Đang tải…', 'Loading…'],
  'common.error': ['Có lỗi', 'Error'],
  'common.retry': ['Thử lại', 'Retry'],
  'common.none': ['Không có', 'None'],
  'common.yes': ['Có', 'Yes'],
  'common.no': ['Không', 'No'],
  'common.actions': ['Thao tác', 'Actions'],
  'common.total': ['Tổng', 'Total'],
  'common.network': ['Không kết nối được máy chủ', 'Cannot reach the server'],
  'common.invalidDate': ['Ngày không hợp lệ (dd/mm/yyyy)', 'Invalid date (dd/mm/yyyy)'],
  'common.page': ['Trang', 'Page'],

  'sex.nam': ['Nam', 'Male'],
  'sex.nu': ['Nữ', 'Female'],
  'kind.dang_bo_tinh': ['Đảng bộ tỉnh', 'Provincial Party Committee'],
  'kind.dang_bo_truc_thuoc': ['Đảng bộ trực thuộc', 'Committee under the province'],
  'kind.dang_bo_co_so': ['Đảng bộ cơ sở', 'Grassroots Party Committee'],
  'kind.chi_bo_co_so': ['Chi bộ cơ sở', 'Grassroots Party Cell'],
  'kind.dang_bo_bo_phan': ['Đảng bộ bộ phận', 'Partial Party Committee'],
  'kind.chi_bo_truc_thuoc': ['Chi bộ trực thuộc', 'Party Cell'],
  'kind.to_dang': ['Tổ đảng', 'Party Group'],
  'status.quan_chung': ['Quần chúng', 'Non-member'],
  'status.du_bi': ['Dự bị', 'Probationary member'],
  'status.chinh_thuc': ['Chính thức', 'Full member'],
  'status.chuyen_di': ['Chuyển đi', 'Transferred out'],
  'status.xoa_ten': ['Xóa tên', 'Struck off'],
  'status.khai_tru': ['Khai trừ', 'Expelled'],
  'status.tu_tran': ['Từ trần', 'Deceased'],
  'role.admin': ['Quản trị viên', 'Administrator'],
  'role.officer': ['Chuyên viên', 'Officer'],
  'role.leader': ['Lãnh đạo', 'Leader'],
  'role.viewer': ['Người xem', 'Viewer'],
  'role.auditor': ['Kiểm tra nhật ký', 'Auditor'],
  'clearance.thuong': ['Thường', 'Ordinary'],
  'clearance.mat': ['Mật', 'Confidential'],
  'clearance.toi_mat': ['Tối mật', 'Secret'],
  'succession.rename': ['Đổi tên', 'Renamed'],
  'succession.transfer': ['Chuyển trực thuộc', 'Moved'],
  'succession.merge': ['Sáp nhập', 'Merged'],
  'succession.split': ['Chia tách', 'Split'],
  'succession.dissolve': ['Giải thể', 'Dissolved'],
}

/** The text for key in the current language, with {name} placeholders filled. */
export function t(key: string, params?: Record<string, string | number>): string {
  const e = messages[key]
  let s = e ? e[lang.value === 'en' ? 1 : 0] : key
  if (params) for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(String(v))
  return s
}

/** A label for an enum value ("kind", "chi_bo_co_so"), or the value itself. */
export function label(group: string, value: string | null | undefined): string {
  if (!value) return ''
  const key = `${group}.${value}`
  return key in messages ? t(key) : value
}

export function hasKey(key: string): boolean {
  return key in messages
}

/** For tests: every key has both languages and no empty text. */
export function allMessages(): Record<string, Entry> {
  return messages
}
