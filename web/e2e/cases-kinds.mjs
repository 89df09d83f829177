// One case of each kind (DOMAIN.md §4, src/app/case-kinds.c) carried from
// its opening on the cases page to its final state in the browser: the step
// buttons the case page offers and their dialog, the kind's own forms, the
// state shown after every step, and the working days used and left where
// the kind has a deadline. The API only finds the people a case names and
// records what the page cannot (a traveller's past departure and return).
// Imported by run.mjs; the tests sign in as "thuly" (officer and leader).
import { check, Failure, login, apiAs, memberUnder, newCase, pick, addRemedy, remedyDone } from './harness.mjs'

/** The date n days ago in Vietnam (UTC+7), as the API writes it (YYYY-MM-DD) and as the page does (DD/MM/YYYY). */
const iso = (n) => new Date(Date.now() + 7 * 3600e3 - n * 86400e3).toISOString().slice(0, 10)
const vn = (n) => iso(n).split('-').reverse().join('/')

/** Types a date (n days ago, or a DD/MM/YYYY string) into a date picker. */
async function pickDate(page, selector, when) {
  await page.fill(selector, typeof when === 'number' ? vn(when) : when)
  await page.keyboard.press('Enter')
}

/** Signs in as "thuly" and finds, as thuly through the API, a member of `commune` with a CCCD (or one `accept` takes). */
async function thulyAndMember(page, url, commune, accept = (m) => m.cccd) {
  const member = await memberUnder(await apiAs(url, 'thuly'), commune, accept)
  await login(page, url, 'thuly')
  return member
}

/** Picks `option` in the Element Plus select labelled `name` inside scope. */
async function choose(page, scope, name, option) {
  await scope.locator('.el-select', { has: page.getByRole('combobox', { name, exact: true }) }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

/** Chooses organisation `code` in a picker, typing its code as a person may. */
async function pickOrg(page, selector, code) {
  await pick(page, selector, code, `org-${code}`)
}

/** Opens a case with the cases page's dialog; resolves with its id once its page shows it. */
async function openCase(page, url, { kind, subtype, title, org = 'DB', orgs, persons, opened }) {
  await page.goto(url + '/cases')
  await page.click('[data-test=case-new]')
  await page.click('[data-test=case-kind]')
  // nine kinds: the list scrolls, the last ones below its fold
  const option = page.getByRole('option', { name: kind, exact: true })
  await option.scrollIntoViewIfNeeded()
  await option.click()
  if (subtype) await choose(page, page.locator('[data-test=case-new-dialog]'), 'Hình thức', subtype)
  await page.fill('#case-title', title)
  await pickOrg(page, '#case-org', org)
  if (orgs) await pickOrg(page, '#case-orgs', orgs)
  if (persons) await pick(page, '#case-persons', persons.cccd || persons.full_name, `person-${persons.id}`)
  if (opened !== undefined) await pickDate(page, '#case-opened', opened)
  await page.click('[data-test=case-open]')
  await page.waitForFunction((t) => document.querySelector('[data-test=case-title]')?.textContent.includes(t), title)
  return Number(new URL(page.url()).pathname.split('/').pop())
}

/** Waits for the case page to show the state `name`; fails naming the state shown and any error. */
async function expectState(page, name) {
  try {
    await page.waitForFunction((n) => document.querySelector('[data-test=case-state]')?.textContent.trim() === n, name, { timeout: 10000 })
  } catch {
    const shown = await page.textContent('[data-test=case-state]').catch(() => '?')
    const alerts = await page.locator('[role=alert]:visible, .el-form-item__error:visible').allTextContents().catch(() => [])
    throw new Failure(`state "${name}" expected, the page shows "${shown?.trim()}" ${alerts.join('; ')}`)
  }
}

/** Takes the step to state `to` with its button and dialog, then expects the state `state`. */
async function step(page, to, state, { date, note, conclusion } = {}) {
  await page.click(`[data-test=step-${to}]`)
  await page.locator('#step-note').waitFor()
  if (date !== undefined) await pickDate(page, '#step-date', date)
  if (conclusion) await page.fill('#step-conclusion', conclusion)
  if (note) await page.fill('#step-note', note)
  await page.click('[data-test=step-apply]')
  await expectState(page, state)
}

/** Tries the step to a conclusion with `conclusion`: the dialog refuses it, saying `why`; cancels it. */
async function conclusionRefused(page, conclusion, why, what) {
  const dialog = page.locator('[data-test=step-dialog]')
  await page.click('[data-test=step-ket_luan]')
  await page.fill('#step-conclusion', conclusion)
  await page.click('[data-test=step-apply]')
  await dialog.locator('[role=alert]').waitFor()
  check((await dialog.locator('[role=alert]').textContent()).includes(why), what)
  await dialog.getByRole('button', { name: 'Hủy' }).click()
}

/** The case is at its end: no step left to take, only notes until a leader reopens it. */
async function atTheEnd(page) {
  await page.getByText('Hồ sơ đã kết thúc: chỉ còn thêm được ghi chú.', { exact: false }).waitFor()
  check(!(await page.locator('button[data-test^=step-]:not([data-test=step-apply]):visible').count()), 'no step button in a final state')
}

/** Takes the last step, to "Kết thúc", and expects the case at its end. */
async function close(page) {
  await step(page, 'dong', 'Kết thúc')
  await atTheEnd(page)
}

/** Working days left as the page words them: "còn 3 ngày làm việc", "quá hạn 7 ngày làm việc", "đến hạn hôm nay". */
function leftOf(text) {
  if (text.startsWith('đến hạn hôm nay')) return 0
  const m = /^(còn|quá hạn) (\d+) ngày làm việc/.exec(text)
  if (!m) throw new Failure(`working days left not in words: "${text}"`)
  return m[1] === 'còn' ? Number(m[2]) : -Number(m[2])
}

/** The case page's row for the deadline `name`: working days used of the total, left, paused, level. */
async function deadline(page, name) {
  const row = page.locator('[data-test=case-deadlines] tbody tr', { hasText: name })
  await row.waitFor()
  const cells = (await row.locator('td').allTextContents()).map((s) => s.trim())
  const [used, total] = cells[2].split('/').map(Number)
  const d = { due: cells[1], used, total, left: leftOf(cells[3]), paused: cells[3].includes('tạm dừng'), level: cells[4] }
  check(/^\d\d\/\d\d\/\d{4}$/.test(d.due), `${name}: due date shown (${cells[1]})`)
  check(Number.isInteger(used) && used >= 0 && d.left === total - used, `${name}: working days used/left shown (${cells[2]}, ${cells[3]})`)
  return d
}

/** Waits until the deadline `name` shows the level `level`; returns what its row shows. */
async function deadlineAt(page, name, level) {
  await page.waitForFunction(([n, l]) => [...document.querySelectorAll('[data-test=case-deadlines] tbody tr')].some((r) => r.textContent.includes(n) && r.textContent.includes(l)), [name, level])
  return deadline(page, name)
}

export const caseKindTests = [
  ['inspection: opened on the cases page, decision to close, a finding and remedies per subject', async ({ page, url, shot }) => {
    const api = await apiAs(url, 'thuly')
    const member = await thulyAndMember(page, url, 'DB.X01')
    await newCase(page, url, 'Kiểm tra việc chấp hành Chỉ thị 39')
    await pickOrg(page, '#case-org', 'DB')
    // no screen asks for an id: members are found by name, organisations by
    // name without diacritics or by code, only within one's scope
    await page.locator('.el-select', { has: page.locator('#case-persons') }).click()
    await page.keyboard.type('khong co ai ten nay', { delay: 15 })
    await page.getByText('Không thấy ai trong phạm vi của bạn').waitFor()
    await page.locator('#case-persons').fill(member.cccd || member.full_name)
    await page.locator(`.el-select-dropdown__item[data-test="person-${member.id}"]:visible`).click()
    await page.locator('.el-dialog__header:visible').click()
    await pick(page, '#case-orgs', 'phinh sang', 'org-DB.X01')
    await page.click('[data-test=case-open]')
    await page.waitForSelector('[data-test=case-title]')
    check(/KT-\d{4}-\d{4} — Kiểm tra việc chấp hành Chỉ thị 39/.test(await page.textContent('[data-test=case-title]')), 'numbered case page')
    await expectState(page, 'Kế hoạch')
    await page.click('[data-test=step-quyet_dinh]')
    await page.fill('#step-note', 'Quyết định số 12-QĐ/UBKT')
    await page.click('[data-test=step-apply]')
    await page.waitForFunction(() => document.querySelector('[data-test=case-state]')?.textContent.includes('Đã có quyết định'))
    check((await page.textContent('[data-test=case-history]')).includes('Quyết định số 12-QĐ/UBKT'), 'history shows the step and its note')
    check((await page.textContent('body')).includes('Đảng bộ phường Phình Sáng'), 'the subject organisation is listed')
    check((await page.textContent('body')).includes(member.full_name), 'the subject member is listed')
    // who inspects: chosen by name, kept as its code
    await page.locator('[data-test=actor-select]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'Ủy ban kiểm tra' }).click()
    await page.click('[data-test=actor-save]')
    const inspection = page.url().split('/').pop()
    let actor
    for (let i = 0; i < 50 && (actor = (await api('GET', `/api/cases/${inspection}`)).body.inspection?.actor) !== 'ubkt'; i++) await page.waitForTimeout(100)
    check(actor === 'ubkt', `who inspects recorded as its code (${actor})`)
    await page.fill('#finding-text', 'Chưa thực hiện đúng quy chế làm việc')
    await page.locator('[data-test=finding-form] .el-select').first().click()
    await page.getByRole('option', { name: /Phình Sáng/ }).click()
    await page.locator('[data-test=finding-form] .el-select').nth(1).click()
    await page.getByRole('option', { name: 'Vi phạm chưa đến mức kỷ luật' }).click()
    await page.click('[data-test=finding-add]')
    await page.waitForSelector('[data-test=finding]')
    await addRemedy(page, page.locator('[data-test=remedy-new]').first(), 'Sửa đổi quy chế làm việc', 'Ban Thường vụ Đảng ủy phường')
    await remedyDone(page, page.locator('[data-test^=remedy-done-]:visible').first(), 'Đã ban hành quy chế mới')
    await page.waitForFunction(() => document.querySelector('[data-test=finding]')?.textContent.includes('Đã ban hành quy chế mới'))
    check((await page.textContent('[data-test=finding]')).includes('Vi phạm chưa đến mức kỷ luật'), 'finding with its conclusion')
    await page.fill('#note-text', 'Đã làm việc với tổ chức đảng')
    await page.click('[data-test=note-add]')
    await page.waitForSelector('[data-test=case-note]')
    await shot('case', { fullPage: true })

    await step(page, 'tu_kiem_diem', 'Đối tượng tự kiểm điểm', { note: 'Đã nhận báo cáo tự kiểm điểm của Đảng ủy phường và đảng viên' })
    await step(page, 'tham_tra', 'Thẩm tra, xác minh')
    // The second subject's own finding, chosen by its name.
    await page.fill('#finding-text', 'Chưa gương mẫu chấp hành quy định về những điều đảng viên không được làm')
    await choose(page, page.locator('[data-test=finding-form]'), 'Về đối tượng', member.full_name)
    await choose(page, page.locator('[data-test=finding-form]'), 'Kết luận', 'Vi phạm chưa đến mức kỷ luật')
    await page.click('[data-test=finding-add]')
    const personal = page.locator('[data-test=finding]', { hasText: member.full_name })
    await personal.waitFor()
    check((await page.locator('[data-test=finding]', { hasText: 'Phình Sáng' }).textContent()).includes('quy chế làm việc'), 'the organisation keeps its own finding')
    check((await personal.textContent()).includes('những điều đảng viên không được làm'), 'the member\'s finding under the member\'s name')
    await step(page, 'ket_luan', 'Đã kết luận', { conclusion: 'Đảng ủy phường và đảng viên có vi phạm chưa đến mức phải xử lý kỷ luật; yêu cầu kiểm điểm, rút kinh nghiệm' })
    check((await page.textContent('[data-test=case-conclusion]')).includes('kiểm điểm, rút kinh nghiệm'), 'the conclusion shown')
    await step(page, 'thong_bao', 'Đã thông báo kết luận', { note: 'Thông báo số 05-TB/UBKT' })
    await step(page, 'theo_doi', 'Theo dõi khắc phục')
    await addRemedy(page, personal.locator('[data-test=remedy-new]'), 'Kiểm điểm, rút kinh nghiệm trước chi bộ', member.full_name)
    await remedyDone(page, personal.locator('[data-test^=remedy-done-]:visible'), 'Chi bộ đã họp kiểm điểm')
    await page.waitForFunction((n) => [...document.querySelectorAll('[data-test=finding]')].some((f) => f.textContent.includes(n) && f.textContent.includes('Chi bộ đã họp kiểm điểm')), member.full_name)
    check(!(await page.locator('[data-test^=remedy-done-]:visible').count()), 'every remedy done')
    await close(page)
    const history = await page.textContent('[data-test=case-history]')
    for (const s of ['Đã có quyết định', 'Đối tượng tự kiểm điểm', 'Thẩm tra, xác minh', 'Đã kết luận', 'Đã thông báo kết luận', 'Theo dõi khắc phục', 'Kết thúc']) check(history.includes(s), 'history has ' + s)
  }],

  ['supervision: thematic, decision to the result notice and close; signs of violation open a linked inspection', async ({ page, url }) => {
    await login(page, url, 'thuly')
    const sup = await openCase(page, url, { kind: 'Giám sát', subtype: 'Chuyên đề', title: 'Giám sát chuyên đề năm 2026', orgs: 'DB.X03' })
    await expectState(page, 'Kế hoạch')
    await step(page, 'quyet_dinh', 'Đã có quyết định', { note: 'Quyết định số 20-QĐ/UBKT' })
    await step(page, 'thuc_hien', 'Đang giám sát')
    await page.click('[data-test=open-inspection]')
    await page.fill('#open-inspection-title', 'Kiểm tra khi có dấu hiệu vi phạm')
    await page.click('[data-test=open-inspection-submit]')
    await page.waitForFunction(() => /KT-\d{4}-\d{4} — Kiểm tra khi có dấu hiệu vi phạm/.test(document.querySelector('[data-test=case-title]')?.textContent ?? ''))
    await expectState(page, 'Kế hoạch')
    check((await page.textContent('body')).includes('Mường Khong'), 'the inspection has the supervision\'s subject')
    const insp = page.url().split('/').pop()
    await page.click(`[data-test=related-${sup}]`)
    await page.waitForFunction(() => document.querySelector('[data-test=case-title]')?.textContent.includes('Giám sát chuyên đề năm 2026'))
    check(page.url().endsWith(`/cases/${sup}`), 'back on the supervision')
    check(/KT-\d{4}-\d{4} \(Kiểm tra, Kế hoạch, mở sau hồ sơ này\)/.test(await page.textContent('[data-test=case-related]')), 'the supervision names the inspection it opened')
    check(await page.isVisible(`[data-test=related-${insp}]`), 'a link to the inspection')
    await expectState(page, 'Đang giám sát')
    await step(page, 'thong_bao', 'Đã thông báo kết quả', { conclusion: 'Đảng ủy phường thực hiện cơ bản đúng; có dấu hiệu vi phạm ở một chi bộ, đã chuyển kiểm tra' })
    check((await page.textContent('[data-test=case-conclusion]')).includes('đã chuyển kiểm tra'), 'the result notice\'s conclusion shown')
    await close(page)
  }],

  ['discipline: review, decisions that suit their subject within the limitation period, the State body asked, close', async ({ page, url }) => {
    const probationary = await thulyAndMember(page, url, 'DB.X02', (m) => m.status === 'du_bi' && m.cccd)
    await openCase(page, url, { kind: 'Kỷ luật', title: 'Xem xét kỷ luật Đảng bộ phường', orgs: 'DB.X02', persons: probationary, opened: 30 })
    await expectState(page, 'Đề nghị')
    await step(page, 'xem_xet', 'Đang xem xét')
    await page.waitForSelector('[data-test=disc-form]')
    // the subject is chosen among the case's subjects, not typed
    await page.locator('.el-select', { has: page.locator('#disc-subject') }).click()
    await page.locator('.el-select-dropdown__item[data-test="subject-org:DB.X02"]:visible').click()
    await page.fill('#disc-violation', '01/03/2019')
    await page.keyboard.press('Enter')
    await page.locator('[data-test=disc-form] .el-select').first().click()
    await page.getByRole('option', { name: 'Cảnh cáo' }).click()
    await page.click('[data-test=disc-add]')
    await page.waitForFunction(() => document.querySelector('[data-test=case-disciplines]')?.textContent.includes('Cảnh cáo'))
    check((await page.textContent('[data-test=case-disciplines]')).includes('01/03/2029'), 'limitation end shown (10 years)')
    await page.fill('#disc-violation', '01/03/2005')
    await page.keyboard.press('Enter')
    await page.click('[data-test=disc-add]')
    await page.getByText('Đã hết thời hiệu kỷ luật').first().waitFor()
    // A probationary member: dismissal is not a form for them, a reprimand is.
    await page.locator('.el-select', { has: page.locator('#disc-subject') }).click()
    await page.locator(`.el-select-dropdown__item[data-test="subject-person:${probationary.id}"]:visible`).click()
    await pickDate(page, '#disc-violation', 200)
    await choose(page, page.locator('[data-test=disc-form]'), 'Hình thức', 'Cách chức')
    await page.click('[data-test=disc-add]')
    await page.getByText('Không áp dụng hình thức Cách chức').first().waitFor()
    await choose(page, page.locator('[data-test=disc-form]'), 'Hình thức', 'Khiển trách')
    await page.click('[data-test=disc-add]')
    await page.waitForFunction((n) => document.querySelector('[data-test=case-disciplines]')?.textContent.includes(n), probationary.full_name)
    const rows = await page.locator('[data-test=case-disciplines] tbody tr').allTextContents()
    check(rows.length === 2 && rows.some((r) => r.includes(probationary.full_name) && r.includes('Khiển trách')) && !rows.some((r) => r.includes('Cách chức')), 'two decisions, the member\'s a reprimand: ' + rows)
    await step(page, 'quyet_dinh', 'Đã quyết định kỷ luật', { conclusion: 'Cảnh cáo Đảng bộ phường Rạng Đông; khiển trách đảng viên dự bị ' + probationary.full_name })
    const rule = 'Đề nghị chính quyền, đoàn thể xử lý kỷ luật'
    const d = await deadlineAt(page, rule, 'Trong hạn')
    check(d.total === 30 && !d.paused, `the State body must be asked within 30 working days (${d.used}/${d.total})`)
    await step(page, 'thi_hanh', 'Đề nghị chính quyền, đoàn thể xử lý', { note: 'Công văn số 31-CV/UBKT gửi UBND phường' })
    await deadlineAt(page, rule, 'Xong đúng hạn')
    await close(page)
  }],

  ['appraisal: missing documents pause the working-day clock, verification, a conclusion naming the position', async ({ page, url }) => {
    const member = await thulyAndMember(page, url, 'DB.X05')
    await openCase(page, url, { kind: 'Thẩm định tiêu chuẩn chính trị', subtype: 'Bổ nhiệm', title: 'Thẩm định tiêu chuẩn chính trị để bổ nhiệm Phó Chủ tịch UBND xã', persons: member, opened: 21 })
    await expectState(page, 'Đã tiếp nhận hồ sơ')
    const rule = 'Thẩm định tiêu chuẩn chính trị'
    // Received three weeks ago and nothing done: 5 working days are long gone.
    let d = await deadlineAt(page, rule, 'Quá hạn')
    check(d.total === 5 && d.used > 5 && d.left < 0, `overdue before the pause (${d.used}/${d.total}, ${d.left})`)
    // The dossier: who asked, and a document missing.
    await page.fill('#appraisal-requester', 'Ban Tổ chức Tỉnh ủy')
    await page.click('[data-test=appraisal-save]')
    await page.waitForFunction(() => document.querySelector('[data-test=appraisal-summary]')?.textContent.includes('Ban Tổ chức Tỉnh ủy'))
    await page.fill('#appraisal-doc-name', 'Bản kê khai lý lịch bổ sung')
    await page.click('[data-test=appraisal-doc-missing]')
    await page.locator('[data-test=appraisal-documents] li', { hasText: 'Bản kê khai lý lịch bổ sung' }).waitFor()
    check((await page.textContent('[data-test=appraisal-documents]')).includes('Còn thiếu'), 'the missing document is marked')
    await step(page, 'cho_bo_sung', 'Chờ bổ sung hồ sơ', { date: 20, note: 'Thiếu bản kê khai lý lịch bổ sung' })
    d = await deadline(page, rule)
    check(d.paused && d.used <= 1 && d.level !== 'Quá hạn', `paused from the request (${d.used}/${d.total}, ${d.level})`)
    await step(page, 'tiep_nhan', 'Đã tiếp nhận hồ sơ', { date: 2, note: 'Đã nhận đủ hồ sơ' })
    d = await deadline(page, rule)
    check(!d.paused && d.used <= 4 && d.left >= 1 && d.level !== 'Quá hạn', `the wait not counted (${d.used}/${d.total}, ${d.level})`)
    await step(page, 'xac_minh', 'Đang xác minh')
    await page.fill('#letter-to', 'Công an tỉnh Điện Biên')
    await page.fill('#letter-about', member.full_name)
    await page.click('[data-test=letter-add]')
    const letter = page.locator('[data-test=case-letters] tbody tr', { hasText: 'Công an tỉnh Điện Biên' })
    await letter.waitFor()
    await letter.locator('[data-test^=answer-]').click()
    await page.fill('#answer-result', 'Không có vấn đề về chính trị')
    await page.click('[data-test=answer-save]')
    await page.waitForFunction(() => document.querySelector('[data-test=case-letters]')?.textContent.includes('Không có vấn đề về chính trị'))
    await step(page, 'tiep_nhan', 'Đã tiếp nhận hồ sơ')
    // No conclusion before the outcome is recorded and the dossier is whole.
    const conclusion = `Đồng chí ${member.full_name} đạt tiêu chuẩn chính trị để bổ nhiệm chức vụ Phó Chủ tịch Ủy ban nhân dân xã`
    await conclusionRefused(page, conclusion, 'Chưa ghi kết quả thẩm định', 'a conclusion waits for the outcome')
    await page.locator('[data-test=appraisal-outcome]').click()
    await page.getByRole('option', { name: 'Đạt tiêu chuẩn', exact: true }).click()
    await page.fill('#appraisal-position', 'Phó Chủ tịch Ủy ban nhân dân xã')
    await page.click('[data-test=appraisal-save]')
    await page.waitForFunction(() => document.querySelector('[data-test=appraisal-summary]')?.textContent.includes('Phó Chủ tịch Ủy ban nhân dân xã'))
    await conclusionRefused(page, conclusion, 'Bản kê khai lý lịch bổ sung', 'a conclusion waits for the missing document')
    await page.locator('[data-test=appraisal-documents] li', { hasText: 'Bản kê khai lý lịch bổ sung' }).locator('.el-checkbox').click()
    await page.waitForFunction(() => !document.querySelector('[data-test=appraisal-documents]')?.textContent.includes('Còn thiếu'))
    await step(page, 'ket_luan', 'Đã kết luận', { conclusion })
    check((await page.textContent('[data-test=case-conclusion]')).includes('Phó Chủ tịch Ủy ban nhân dân xã'), 'the conclusion names the position')
    d = await deadlineAt(page, rule, 'Xong đúng hạn')
    check(d.used <= 4, `concluded within 5 working days (${d.used}/${d.total})`)
    await atTheEnd(page)
  }],

  ['admission background check: the people checked, an overdue letter escalated then answered, conclusion, close', async ({ page, url }) => {
    const api = await apiAs(url, 'thuly')
    await login(page, url, 'thuly')
    const id = await openCase(page, url, { kind: 'Thẩm tra lý lịch người vào Đảng', title: 'Thẩm tra lý lịch quần chúng Vàng Thị Say', opened: 150 })
    await expectState(page, 'Đã tiếp nhận')
    const people = page.locator('[data-test=relatives]')
    for (const [relation, name] of [['Bản thân', 'Vàng Thị Say'], ['Bố đẻ', 'Vàng A Páo'], ['Mẹ đẻ', 'Lý Thị Mai']]) {
      await choose(page, people, 'Quan hệ', relation)
      await page.fill('#rel-name', name)
      await page.click('[data-test=rel-add]')
      await people.locator('tbody tr', { hasText: name }).waitFor()
    }
    check(!(await page.locator('[data-test=exempt-applicant]').count()), 'no member in the family: the applicant is checked')
    // a relative who is a member: chosen among the members, the name taken from the record
    const sibling = await memberUnder(api, 'DB.X01', (m) => m.cccd)
    await choose(page, people, 'Quan hệ', 'Anh chị em ruột')
    await page.click('[data-test=rel-is-member]')
    await pick(page, '#rel-person', sibling.cccd, `person-${sibling.id}`)
    check((await page.inputValue('#rel-name')) === sibling.full_name, 'the name filled from the member chosen')
    await page.click('[data-test=rel-add]')
    await people.locator('tbody tr', { hasText: sibling.full_name }).waitFor()
    await step(page, 'dang_tham_tra', 'Đang thẩm tra', { date: 140 })
    await page.fill('#letter-to', 'Đảng ủy xã Mường Nhé')
    await page.fill('#letter-about', 'Bố đẻ: Vàng A Páo')
    await pickDate(page, '#letter-sent', 140)
    await page.click('[data-test=letter-add]')
    const letter = page.locator('[data-test=case-letters] tbody tr', { hasText: 'Đảng ủy xã Mường Nhé' })
    await letter.waitFor()
    check((await letter.textContent()).includes('Quá hạn'), 'the letter is overdue: ' + (await letter.textContent()))
    check(/^\d\d\/\d\d\/\d{4}$/.test((await letter.locator('td').nth(3).textContent()).trim()), 'the letter\'s due date shown')
    await letter.locator('[data-test^=remind-]').click()
    await page.waitForFunction(() => [...document.querySelectorAll('[data-test=case-letters] tbody tr')].some((r) => r.textContent.includes('Mường Nhé') && r.querySelectorAll('td')[4]?.textContent.trim() === '1'))
    const escalate = letter.locator('[data-test^=escalate-]')
    await escalate.click()
    await escalate.waitFor({ state: 'detached' })
    await letter.locator('[data-test^=escalated-]').waitFor()
    check((await letter.textContent()).includes('Báo cáo cấp trên'), 'the escalation shows on the case page')
    const sent = (await api('GET', `/api/cases/${id}`)).body.letters[0]
    check(sent.escalated === iso(0) && sent.reminders === 1, `the reminder and the escalation recorded (${sent.reminders}, ${sent.escalated})`)
    await letter.locator('[data-test^=answer-]').click()
    await page.fill('#answer-result', 'Gia đình chấp hành tốt chủ trương, chính sách; không có vấn đề chính trị')
    await page.click('[data-test=answer-save]')
    await page.waitForFunction(() => document.querySelector('[data-test=case-letters]')?.textContent.includes('không có vấn đề chính trị'))
    check((await letter.textContent()).includes('Xong quá hạn'), 'answered late')
    // concluding needs the outcome (a code, the case's type) recorded first
    await page.click('[data-test=step-ket_luan]')
    await page.locator('#step-note').waitFor()
    await page.fill('#step-conclusion', 'Lý lịch rõ ràng')
    await page.click('[data-test=step-apply]')
    await page.locator('.el-dialog:visible').getByText(/Ghi kết quả thẩm tra/).first().waitFor()
    await page.locator('.el-dialog:visible').getByRole('button', { name: 'Hủy' }).click()
    await page.click('[data-test=case-edit]')
    await page.locator('[data-test=case-edit-dialog] .el-select').first().click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'Đồng ý (đủ điều kiện xem xét kết nạp)' }).click()
    await page.click('[data-test=case-edit-save]')
    await page.waitForSelector('[data-test=case-edit-dialog]', { state: 'hidden' })
    await step(page, 'ket_luan', 'Đã kết luận', { conclusion: 'Lý lịch rõ ràng; đồng ý đề nghị kết nạp quần chúng Vàng Thị Say vào Đảng' })
    check((await page.textContent('[data-test=case-conclusion]')).includes('đồng ý đề nghị kết nạp'), 'the conclusion shown')
    check((await api('GET', `/api/cases/${id}`)).body.subtype === 'dong_y', 'the outcome recorded as its code')
    await close(page)
  }],

  ['trip abroad: details, traveller, approval, departure and return; a late report on the overview until received, then reviewed', async ({ page, url }) => {
    const api = await apiAs(url, 'thuly')
    const member = await thulyAndMember(page, url, 'DB.X06')
    const id = await openCase(page, url, { kind: 'Ra nước ngoài', subtype: 'Việc riêng', title: 'Đi Thái Lan thăm thân gia đình', opened: 130 })
    const number = (await page.textContent('[data-test=case-title]')).split(' — ')[0].trim()
    await expectState(page, 'Đã nhận đơn')
    const trip = page.locator('[data-test=trip]')
    await choose(page, trip, 'Mục đích', 'Thăm thân')
    await page.fill('#trip-countries', 'Thái Lan')
    await pickDate(page, '#trip-depart', 120)
    await pickDate(page, '#trip-back', 110)
    await page.fill('#trip-funding', 'Tự túc')
    await page.click('[data-test=trip-save]')
    await page.waitForFunction(() => document.querySelector('[data-test=trip-summary]')?.textContent.includes('Thái Lan'))
    check((await page.textContent('[data-test=trip-summary]')).includes('Thăm thân'), 'trip summary')
    await pick(page, '#traveller-person', member.cccd || member.full_name, `person-${member.id}`)
    await page.click('[data-test=traveller-add]')
    const traveller = page.locator('[data-test=travellers] tbody tr', { hasText: member.full_name })
    await traveller.waitFor()
    check(/Sở Ngoại vụ|Ban Tổ chức Tỉnh ủy/.test(await traveller.textContent()), 'the approving body named')
    await step(page, 'y_kien_chi_bo', 'Có ý kiến chi bộ', { date: 128, note: 'Chi bộ đồng ý' })
    // Visiting relatives: no approval before the traveller's written commitment;
    // the dialog says why.
    await page.click('[data-test=step-dong_y]')
    const refused = page.waitForResponse((r) => r.url().endsWith(`/api/cases/${id}/transition`))
    await page.click('[data-test=step-apply]')
    check((await refused).status() === 409, 'approval refused without the commitment')
    await page.locator('[data-test=step-dialog] [role=alert]').waitFor()
    check((await page.locator('[data-test=step-dialog] [role=alert]').textContent()).includes('cam kết'), 'the dialog says the commitment is missing')
    await expectState(page, 'Có ý kiến chi bộ')
    await page.locator('[data-test=step-dialog]').getByRole('button', { name: 'Hủy' }).click()
    // the commitment, given on paper, recorded by correcting the traveller
    await traveller.locator('[data-test^=traveller-edit-]').click()
    await page.getByRole('dialog').getByText('Bản cam kết', { exact: false }).click()
    await page.click('[data-test=traveller-edit-save]')
    await traveller.getByRole('button', { name: 'Bản cam kết' }).waitFor({ state: 'detached' })
    await step(page, 'dong_y', 'Đồng ý', { date: 125 })
    await step(page, 'dang_di', 'Đang ở nước ngoài', { date: 120 })
    // A past departure and return, entered afterwards with their dates.
    await pickDate(page, '#traveller-date', 120)
    await traveller.locator('[data-test^=depart-]').click()
    await traveller.locator('[data-test^=return-]').waitFor()
    await pickDate(page, '#traveller-date', 110)
    await traveller.locator('[data-test^=return-]').click()
    await traveller.locator('[data-test^=report-]').waitFor()
    const t = (await api('GET', `/api/cases/${id}`)).body.travellers[0]
    check(t.departed === iso(120) && t.returned === iso(110), `departure and return as entered (${t.departed}, ${t.returned})`)
    await pickDate(page, '#traveller-date', 0)
    await step(page, 'da_ve', 'Đã về nước', { date: 110 })
    const rule = 'Nộp báo cáo sau chuyến đi'
    let d = await deadlineAt(page, rule, 'Quá hạn')
    check(d.total === 7 && d.used > 7 && d.left < 0, `report overdue (${d.used}/${d.total}, ${d.left})`)
    check((await traveller.textContent()).includes('Quá hạn'), 'the traveller\'s report overdue')
    await page.goto(url + '/')
    await page.waitForSelector('[data-test=due-reports]')
    check(await page.locator('[data-test=due-reports] tbody tr', { hasText: member.full_name }).filter({ hasText: number }).count() === 1, 'the missing report on the overview')
    await page.waitForSelector('[data-test=due]')
    check((await page.locator('[data-test=due] tbody tr', { hasText: 'Đi Thái Lan thăm thân gia đình' }).textContent()).includes('Quá hạn'), 'the case overdue on the overview')
    await page.goto(`${url}/cases/${id}`)
    await traveller.locator('[data-test^=report-]').click()
    await page.waitForFunction((n) => [...document.querySelectorAll('[data-test=travellers] tbody tr')].some((r) => r.textContent.includes(n) && r.textContent.includes('Xong quá hạn')), member.full_name)
    await step(page, 'da_nop_bao_cao', 'Đã nộp báo cáo')
    d = await deadlineAt(page, rule, 'Xong quá hạn')
    const [reports, due] = [page.waitForResponse((r) => r.url().includes('/api/return-reports')), page.waitForResponse((r) => r.url().includes('/api/deadlines'))]
    await page.goto(url + '/')
    if ((await (await reports).json()).items.length) await page.waitForSelector('[data-test=due-reports] tbody tr')
    if ((await (await due).json()).items.length) await page.waitForSelector('[data-test=due] tbody tr')
    check(!(await page.locator('[data-test=due-reports] tbody tr', { hasText: member.full_name }).filter({ hasText: number }).count()), 'the report received: gone from the overview')
    check(!(await page.locator('[data-test=due] tbody tr', { hasText: 'Đi Thái Lan thăm thân gia đình' }).count()), 'the case gone from the overview\'s deadlines')
    await page.goto(`${url}/cases/${id}`)
    await step(page, 'da_xem_xet', 'Đã xem xét báo cáo', { conclusion: 'Báo cáo đầy đủ, đúng thời gian và nội dung được phép; không có vấn đề phát sinh' })
    await atTheEnd(page)
  }],

  ['a member staying abroad: country, purpose, party activity arrangement; return, self-assessment, close', async ({ page, url }) => {
    const member = await thulyAndMember(page, url, 'DB.X07')
    await openCase(page, url, { kind: 'Đảng viên ở nước ngoài', subtype: 'Học tập', title: 'Đảng viên đi học ở Nga', persons: member, opened: '01/09/2024' })
    await expectState(page, 'Đang ở nước ngoài')
    await page.waitForSelector('[data-test=stay]')
    await page.fill('#stay-country', 'Liên bang Nga')
    await page.fill('#stay-start', '01/09/2024')
    await page.keyboard.press('Enter')
    await page.fill('#stay-end', '01/07/2028')
    await page.keyboard.press('Enter')
    await page.click('[data-test=stay-save]')
    await page.waitForSelector('[data-test=stay-summary]')
    const summary = await page.textContent('[data-test=stay-summary]')
    check(summary.includes('Liên bang Nga') && summary.includes('Tự sinh hoạt') && summary.includes('01/07/2028'), 'stay summary: ' + summary)
    await step(page, 'da_ve', 'Đã về nước', { note: 'Tốt nghiệp sớm, về nước' })
    await step(page, 'da_tu_danh_gia', 'Đã tự đánh giá', { note: 'Bản tự đánh giá quá trình sinh hoạt đảng ở nước ngoài' })
    await step(page, 'dong', 'Kết thúc', { conclusion: 'Hoàn thành nhiệm vụ đảng viên trong thời gian ở nước ngoài; chuyển sinh hoạt về chi bộ nơi công tác' })
    check((await page.textContent('[data-test=case-conclusion]')).includes('Hoàn thành nhiệm vụ đảng viên'), 'the conclusion shown')
    await atTheEnd(page)
  }],
]
