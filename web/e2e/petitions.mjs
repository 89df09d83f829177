// The register of incoming letters in the browser (issue 15, §1), as the
// people of one commune use it: its officer (cbxa1, clearance thường)
// registers a denunciation choosing the member from the picker, the
// commune's leader (lanhdao1) sees the sender, classifies the letter and
// lands on the denunciation case it opened; the officer never sees the
// sender, and an anonymous letter is kept with its reason. Imported by
// run.mjs.
import { check, login, apiAs, memberUnder, pick } from './harness.mjs'

const today = () => new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10)

export const petitionTests = [
  ['a denunciation letter registered by the commune officer, classified by its leader into a case; the sender protected', async ({ page, url, shot }) => {
    const admin = await apiAs(url, 'quantri')
    const member = await memberUnder(admin, 'DB.X01')
    await login(page, url, 'cbxa1')
    await page.click('[data-test=nav-petitions]')
    await page.click('[data-test=petition-new]')
    await page.waitForSelector('#petition-summary')
    await page.fill('#petition-sender-name', 'Nguyễn Văn Tố Giác')
    await page.fill('#petition-sender-address', 'Tổ dân phố 3, phường Phình Sáng')
    await pick(page, '#petition-persons', member.full_name, `person-${member.id}`)
    await page.fill('#petition-summary', 'Tố cáo đảng viên vi phạm quy định về những điều đảng viên không được làm')
    await shot('petition-new')
    await page.click('[data-test=petition-register]')
    await page.waitForURL(/\/petitions\/\d+$/)
    await page.waitForSelector('[data-test=petition]')
    const body = await page.textContent('[data-test=petition]')
    check(body.includes(member.full_name) && body.includes('Mới nhận'), `the letter as registered: ${body.slice(0, 200)}`)
    check(!body.includes('Nguyễn Văn Tố Giác') && !body.includes('Tổ dân phố 3'), 'the officer does not see the sender')
    check(!(await page.locator('[data-test=petition-show-sender]').count()), 'no "show the sender" for the officer')
    check(!(await page.locator('[data-test=petition-classify]').count()), 'the officer does not classify')
    const id = page.url().split('/').pop()
    // the leader: the sender on request, then the classification
    await page.context().clearCookies()
    await login(page, url, 'lanhdao1')
    await page.goto(`${url}/petitions/${id}`)
    await page.click('[data-test=petition-show-sender]')
    await page.waitForSelector('[data-test=petition-sender]')
    check((await page.textContent('[data-test=petition-sender]')).includes('Nguyễn Văn Tố Giác'), 'the leader sees the sender')
    await shot('petition-leader')
    await page.click('[data-test=petition-classify]')
    await page.click('[data-test=petition-classify-send]')
    await page.waitForURL(/\/cases\/\d+$/)
    await page.waitForSelector('[data-test=case-state]')
    const head = await page.textContent('h1')
    check(/TC-\d{4}-\d{4}/.test(await page.textContent('body')), `a denunciation case opened: ${head}`)
    check(!(await page.textContent('body')).includes('Nguyễn Văn Tố Giác'), 'the case does not carry the sender')
    await shot('petition-case', { fullPage: true })
    // an anonymous letter, kept with its reason
    const officer = await apiAs(url, 'cbxa1')
    const r = await officer('POST', '/api/petitions', { org: 'DB.X01', received: today(), channel: 'hop_thu', kind: 'to_cao', sender_status: 'giau_ten', summary: 'Đơn không ký tên', subject_persons: [member.id] })
    check(r.status === 201, `an anonymous letter registered (${r.status})`)
    await page.goto(`${url}/petitions/${r.body.id}`)
    await page.click('[data-test=petition-classify]')
    await page.locator('[data-test=petition-action]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'Lưu đơn' }).click()
    await page.click('[data-test=petition-classify-send]')
    await page.waitForSelector('.el-form-item__error')
    check((await page.textContent('.el-dialog:visible')).includes('Không được để trống'), 'the reason is asked for')
    await page.locator('[data-test=petition-reason]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'Đơn giấu tên' }).click()
    await page.click('[data-test=petition-classify-send]')
    await page.waitForFunction(() => document.querySelector('[data-test=petition-state]')?.textContent.includes('Lưu'))
    await page.goto(`${url}/petitions`)
    await page.waitForSelector('[data-test=petitions] tbody tr')
    check((await page.locator('[data-test=petitions] tbody tr').count()) >= 2, 'both letters in the register')
    const list = await page.textContent('[data-test=petitions]')
    check(list.includes('Tố cáo') && list.includes('Lưu, không giải quyết') && !/\b(to_cao|thu_ly|luu)\b/.test(list), `the register in words, not codes: ${list.slice(0, 300)}`)
    await shot('petitions')
  }],
]
