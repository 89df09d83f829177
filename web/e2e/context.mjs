// Context everywhere (issue 14, item 8), as the commune officer "cbxa1"
// (officer of DB.X01, clearance thường) does it: a member's page lists
// their cases - not the province's case about them, nor a mật one; a case
// is found by a word of its title typed without diacritics, and by its
// number, shown with the organisation that issued it; the commune's page
// lists its cases and links to its report. Imported by run.mjs.
import { check, login, apiAs, memberUnder } from './harness.mjs'

/** The text of the cases table once its rows are all about `want`. */
async function casesHolding(page, want) {
  await page.waitForFunction((w) => {
    const rows = [...document.querySelectorAll('[data-test=cases] tbody tr')]
    return rows.length && rows.every((r) => r.textContent.includes(w))
  }, want)
  return page.textContent('[data-test=cases]')
}

export const contextTests = [
  ['context: the commune officer sees a member\'s cases on their page (not the province\'s nor a mật one) and finds a case by a title word without diacritics and by its number', async ({ page, url, shot }) => {
    const officer = await apiAs(url, 'cbxa1')
    const province = await apiAs(url, 'canbo')
    const leader = await apiAs(url, 'lanhdao1')
    const m = await memberUnder(officer, 'DB.X01')
    const open = async (api, body) => {
      const r = await api('POST', '/api/cases', { kind: 'kiem_tra', subject_persons: [m.id], ...body })
      check(r.status === 201, `opened "${body.title}": ${r.status} ${JSON.stringify(r.body)}`)
      return r.body
    }
    const mine = await open(officer, { title: 'Kiểm tra đảng viên bản Nà Sản', org: 'DB.X01' })
    await open(province, { title: 'Kiểm tra của Tỉnh ủy về đảng viên', org: 'DB' })
    await open(leader, { title: 'Kiểm tra mật về đảng viên', org: 'DB.X01', confidentiality: 1 })
    const commune = (await officer('GET', '/api/orgs/DB.X01')).body.versions.at(-1).name

    await login(page, url, 'cbxa1')
    await page.goto(`${url}/people/${m.id}`)
    await page.waitForFunction((n) => document.querySelector('[data-test=person-cases]')?.textContent.includes(n), mine.number)
    const card = await page.textContent('[data-test=person-cases]')
    check(card.includes('Kiểm tra đảng viên bản Nà Sản'), 'the member\'s case is listed')
    check(card.includes(`${mine.number} · ${commune}`), `the number with its issuing organisation: ${mine.number} · ${commune}`)
    check(card.includes('Đối tượng'), 'says the member is its subject')
    check(!card.includes('Tỉnh ủy về đảng viên') && !card.includes('Kiểm tra mật'), 'the province\'s and the mật case are not listed')
    await shot('person-cases', { fullPage: true })

    await page.goto(url + '/cases')
    await page.waitForSelector('[data-test=cases] th.descending')
    await page.fill('input[data-test=case-search]', 'na san')
    let table = await casesHolding(page, 'Nà Sản')
    check(table.includes(`${mine.number} · ${commune}`), 'found by "na san", the number with its organisation')
    check(!table.includes('Kiểm tra mật'), 'not the mật case')
    check((await page.locator('[data-test=cases] tbody tr').count()) === 1, 'only that case')
    await shot('cases-search')
    await page.fill('input[data-test=case-search]', mine.number.toLowerCase())
    table = await casesHolding(page, mine.number)
    check(table.includes('Nà Sản'), 'found by its number')
    await page.fill('input[data-test=case-search]', 'khong co ho so nao nhu the')
    await page.waitForFunction(() => document.querySelector('[data-test=cases]')?.textContent.includes('Không tìm thấy hồ sơ nào'))

    await page.goto(url + '/orgs/DB.X01')
    await page.waitForFunction((n) => document.querySelector('[data-test=org-cases]')?.textContent.includes(n), mine.number)
    check(!(await page.textContent('[data-test=org-cases]')).includes('Kiểm tra mật'), 'the commune\'s page lists no mật case for a thường officer')
    await shot('org-cases', { fullPage: true })
    await page.click('[data-test=org-report]')
    await page.waitForURL(/\/reports\?.*org=DB\.X01/)
    await page.waitForSelector('[data-test^=fig-]')
    await shot('org-report')
  }],
]
