// A commune's inspection carried from its opening to its end in the
// browser by the two people who do it: the commune officer (cbxa1,
// clearance thường) and the commune's leader (lanhdao1), both scoped to
// Đảng bộ phường Phình Sáng (DB.X01) after 1/7/2025. Every person and
// organisation is chosen from a picker, a wrong title and a remedy marked
// done by mistake are corrected, each of them finds what waits for them in
// the overview and the bell, and the leader closes the case. Imported by
// run.mjs.
import { check, login, apiAs, memberUnder, newCase, pick, addRemedy, remedyDone } from './harness.mjs'

/** Takes step `to` on the open case page; waits for state `name`. */
async function step(page, to, name, { note, conclusion } = {}) {
  await page.click(`[data-test=step-${to}]`)
  await page.locator('#step-note').waitFor()
  if (conclusion) await page.fill('#step-conclusion', conclusion)
  if (note) await page.fill('#step-note', note)
  await page.click('[data-test=step-apply]')
  await page.waitForFunction((n) => document.querySelector('[data-test=case-state]')?.textContent.trim() === n, name)
}

/** Signs in as user and opens the case from the overview's "Hồ sơ chờ bạn". */
async function fromWaitingList(page, url, user, number) {
  await page.context().clearCookies()
  await login(page, url, user)
  await page.waitForSelector('[data-test=home-waiting]')
  const line = page.locator('[data-test=home-waiting] a', { hasText: number })
  check((await line.count()) === 1, `${user}'s overview lists ${number} as waiting for them`)
  await line.click()
  await page.waitForSelector('[data-test=case-next]')
}

export const dailyWorkTests = [
  ['a commune\'s inspection from opening to closing, as its officer and its leader: pickers, corrections, waiting lists, the bell', async ({ page, url, shot }) => {
    const admin = await apiAs(url, 'quantri')
    const member = await memberUnder(admin, 'DB.X01', (m) => m.cccd)
    // the officer opens it, choosing the organisation and the member
    await login(page, url, 'cbxa1')
    await newCase(page, url, 'Kiểm tra đảng viên chấp hành Quy định 144 (gõ nhầm)')
    await pick(page, '#case-org', 'phinh sang', 'org-DB.X01')
    await pick(page, '#case-persons', member.cccd, `person-${member.id}`)
    await page.click('[data-test=case-open]')
    await page.waitForSelector('[data-test=case-title]')
    const number = (await page.textContent('[data-test=case-title]')).split(' — ')[0].trim()
    check(/^KT-\d{4}-\d{4}$/.test(number), 'numbered: ' + number)
    check((await page.textContent('[data-test=case-next]')).includes('Chờ lãnh đạo: Ra quyết định kiểm tra'), 'it waits for the leader')
    // a wrong title, corrected
    await page.click('[data-test=case-edit]')
    await page.fill('#case-edit-title', 'Kiểm tra đảng viên chấp hành Quy định 144')
    await page.click('[data-test=case-edit-save]')
    await page.waitForFunction(() => !document.querySelector('[data-test=case-title]')?.textContent.includes('gõ nhầm'))
    // a subject forgotten at the opening, added with the picker
    await pick(page, '#subject-add-orgs', 'phinh sang', 'org-DB.X01')
    await page.click('[data-test=subjects-add-save]')
    await page.waitForFunction(() => [...document.querySelectorAll('[data-test=case-subject]')].some((s) => s.textContent.includes('Phình Sáng')))

    // the leader finds it waiting, assigns the officer by name, decides
    await fromWaitingList(page, url, 'lanhdao1', number)
    check(Number((await page.textContent('[data-test=bell-count]')).replace('+', '')) >= 1, 'the leader\'s bell counts')
    await pick(page, '#case-assignees', 'Cà Thị', 'user-cbxa1')
    await page.click('[data-test=assignees-save]')
    await page.waitForFunction(() => document.querySelector('[data-test=case-assignees]')?.textContent.includes('cbxa1'))
    await step(page, 'quyet_dinh', 'Đã có quyết định', { note: 'Quyết định số 15-QĐ/ĐU' })

    // the officer: the bell, the steps, a finding and its remedy
    await page.context().clearCookies()
    await login(page, url, 'cbxa1')
    await page.click('[data-test=bell]')
    await page.waitForSelector('[data-test=inbox]')
    const inbox = await page.textContent('[data-test=inbox]')
    check(inbox.includes(`Bạn được giao hồ sơ ${number}`), 'the officer is told of the assignment')
    await page.locator('[data-test=inbox-open]', { hasText: 'chờ bạn' }).first().click()
    await page.waitForSelector('[data-test=step-tu_kiem_diem]')
    await step(page, 'tu_kiem_diem', 'Đối tượng tự kiểm điểm')
    await step(page, 'tham_tra', 'Thẩm tra, xác minh')
    await page.fill('#finding-text', 'Chưa thực hiện đầy đủ việc nêu gương')
    await page.locator('.el-select', { has: page.getByRole('combobox', { name: 'Về đối tượng', exact: true }) }).click()
    await page.getByRole('option', { name: member.full_name }).click()
    await page.locator('.el-select', { has: page.getByRole('combobox', { name: 'Kết luận', exact: true }) }).click()
    await page.getByRole('option', { name: 'Vi phạm chưa đến mức kỷ luật', exact: true }).click()
    await page.click('[data-test=finding-add]')
    await page.waitForSelector('[data-test=finding]')
    await addRemedy(page, page.locator('[data-test=remedy-new]').first(), 'Kiểm điểm trước chi bộ', member.full_name)
    // "done" recorded by mistake, then undone
    await remedyDone(page, page.locator('[data-test^=remedy-done-]:visible').first(), 'Đã kiểm điểm')
    await page.waitForFunction(() => document.querySelector('[data-test=remedies]')?.textContent.includes('Đã kiểm điểm'))
    await page.locator('[data-test^=remedy-edit-]:visible').first().click()
    await page.fill('#remedy-edit-done', '')
    await page.keyboard.press('Tab')
    await page.waitForSelector('#remedy-edit-result', { state: 'detached' })
    await page.click('#remedy-edit-action')
    await page.click('[data-test=remedy-edit-save]')
    await page.waitForSelector('[data-test^=remedy-done-]:visible')
    check(!(await page.textContent('[data-test=remedies]')).includes('Đã kiểm điểm'), 'the remedy is open again')
    check((await page.textContent('[data-test=case-next]')).includes('Chờ lãnh đạo'), 'the conclusion waits for the leader')

    // the leader concludes
    await fromWaitingList(page, url, 'lanhdao1', number)
    await step(page, 'ket_luan', 'Đã kết luận', { conclusion: 'Đảng viên có vi phạm chưa đến mức kỷ luật; yêu cầu kiểm điểm trước chi bộ' })

    // the officer notifies and follows the remedy up
    await fromWaitingList(page, url, 'cbxa1', number)
    await step(page, 'thong_bao', 'Đã thông báo kết luận', { note: 'Thông báo số 07-TB/ĐU' })
    await step(page, 'theo_doi', 'Theo dõi khắc phục')

    // the leader closes it: with the remedy still open, only saying why
    await fromWaitingList(page, url, 'lanhdao1', number)
    await page.click('[data-test=step-dong]')
    await page.click('[data-test=step-apply]')
    await page.getByText('biện pháp khắc phục chưa hoàn thành').waitFor()
    await page.fill('#step-note', 'Chi bộ tiếp tục theo dõi việc kiểm điểm')
    await page.click('[data-test=step-apply]')
    await page.waitForSelector('[data-test=case-closed]')
    const history = await page.textContent('[data-test=case-history]')
    check(history.includes('bởi Quàng Văn Lãnh') && history.includes('bởi Cà Thị Xã'), 'the history names who took each step')
    await shot('daily-work-closed', { fullPage: true })
  }],
]
