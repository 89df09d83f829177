// The phone (issue 14, item 10): at 390×844 the top bar folds into a menu
// button, no page is wider than the screen, and the overview, a case (with
// a dialog), the search and the other main pages can be used — as the
// commune officer "cbxa1" and the commune's leader "lanhdao1". Imported by
// run.mjs.
import { check, login, apiAs, memberUnder } from './harness.mjs'

export const PHONE = { width: 390, height: 844 }

/**
 * Fails when the page is wider than the window: the document or the body
 * scrolls sideways. Names the outermost elements that stick out, to say
 * where to look.
 */
export async function noOverflow(page, what) {
  const r = await page.evaluate(() => {
    const w = window.innerWidth
    const out = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > w + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1))
      .slice(0, 4)
      .map((e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} (${Math.round(e.getBoundingClientRect().right)} px)`)
    return { doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, w, out }
  })
  check(r.doc <= r.w && r.body <= r.w, `${what}: the page is ${r.doc} px wide (body ${r.body} px) in a ${r.w} px window; sticking out: ${r.out.join(', ')}`)
}

/** Whatever the page is waiting for has arrived (no skeleton left). */
async function settled(page, selector) {
  await page.waitForSelector(selector)
  await page.waitForFunction(() => !document.querySelector('.el-skeleton'))
}

/** The part of a name a person types: its first two words, without diacritics. */
const typed = (name) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().split(/\s+/).slice(0, 2).join(' ')

async function mainPages(page, url, shot, who, caseId, member) {
  const visit = async (path, selector, name, opts = {}) => {
    await page.goto(url + path)
    await settled(page, selector)
    await noOverflow(page, `${who} ${path}`)
    await shot(`phone-${name}-${who}`, opts)
  }
  await visit('/', '[data-test=stat-members]', 'home', { fullPage: true })
  // Folded: only the name of the application and the menu button show.
  check(await page.locator('[data-test=menu-button]').isVisible(), `${who}: the menu button shows`)
  for (const sel of ['.topbar nav', '[data-test=bell]', '[data-test=logout]', '[data-test=lang]'])
    check(!(await page.locator(sel).isVisible()), `${who}: ${sel} folded into the menu`)
  const bar = await page.locator('header.topbar').boundingBox()
  check(bar.height <= 60, `${who}: the folded top bar is one line (${bar.height} px)`)
  await visit('/cases', '[data-test=cases] tbody tr', 'cases')
  await visit(`/cases/${caseId}`, '[data-test=case-title]', 'case', { fullPage: true })
  await visit('/inbox', 'h1', 'inbox')
  await visit('/orgs', '[data-test=tree-count]', 'tree')
  await visit('/reports?org=DB.X01&from=2025-01-01&to=2025-12-31', '[data-test=report-figures]', 'report', { fullPage: true })
  // The search, typed as a person types it.
  await page.goto(url + '/people')
  await page.waitForSelector('input[data-test=person-search]')
  await page.locator('input[data-test=person-search]').pressSequentially(typed(member.full_name), { delay: 20 })
  await page.waitForSelector('[data-test=results] tbody tr')
  await noOverflow(page, `${who} /people (results)`)
  await shot(`phone-people-${who}`)
}

export const phoneTests = [
  ['the phone: at 390 px the menu folds into a button, no page scrolls sideways, the officer and the leader work on the overview, a case, the search and the rest', async ({ page, url, shot }) => {
    const officer = await apiAs(url, 'cbxa1')
    const made = await officer('POST', '/api/cases', { kind: 'kiem_tra', title: 'Kiểm tra việc chấp hành của chi bộ bản Huổi Phạ (trên điện thoại)', org: 'DB.X01', subject_orgs: ['DB.X01'] })
    check(made.status === 201, 'opened: ' + made.status + ' ' + JSON.stringify(made.body))
    const member = await memberUnder(officer, 'DB.X01')
    await page.setViewportSize(PHONE)

    await page.goto(url + '/login')
    await page.waitForSelector('#login-username')
    await noOverflow(page, 'the sign-in page')
    await shot('phone-login')
    await login(page, url, 'cbxa1')
    await noOverflow(page, 'after signing in')
    await mainPages(page, url, shot, 'cbxa1', made.body.id, member)
    // A dialog fits the screen: opening a case, with its pickers.
    await page.goto(url + '/cases')
    await settled(page, '[data-test=cases]')
    await page.click('[data-test=case-new]')
    const dialog = page.locator('[data-test=case-new-dialog]')
    await dialog.waitFor()
    await page.waitForTimeout(400) // the dialog's opening animation
    const box = await dialog.boundingBox()
    check(box.x >= 0 && box.x + box.width <= PHONE.width, `the dialog fits the screen (${Math.round(box.x)}–${Math.round(box.x + box.width)} px)`)
    await noOverflow(page, 'opening a case (dialog)')
    await shot('phone-case-new')
    // A picker offers the members of the commune as a part of the name is typed.
    await page.locator('.el-select', { has: page.locator('#case-persons') }).click()
    await page.keyboard.type(typed(member.full_name), { delay: 15 })
    await page.locator(`.el-select-dropdown__item[data-test="person-${member.id}"]:visible`).first().waitFor()
    await noOverflow(page, 'a picker\'s list open')
    await shot('phone-picker')
    await page.keyboard.press('Escape')
    await dialog.getByRole('button', { name: 'Hủy', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })

    // The menu: opened by its button, it shows every link, the bell, the
    // language, the user and sign-out; a link followed closes it.
    await page.click('[data-test=menu-button]')
    for (const sel of ['.topbar nav', '[data-test=bell]', '[data-test=logout]', '[data-test=lang]', '.topbar .who'])
      check(await page.locator(sel).isVisible(), `the open menu shows ${sel}`)
    check((await page.getAttribute('[data-test=menu-button]', 'aria-expanded')) === 'true', 'the button says the menu is open')
    await noOverflow(page, 'the menu open')
    await shot('phone-menu')
    await page.locator('.topbar nav').getByRole('link', { name: 'Đảng viên', exact: true }).click()
    await page.waitForURL(/\/people$/)
    await page.waitForSelector('input[data-test=person-search]')
    check(!(await page.locator('.topbar nav').isVisible()), 'the menu closes once a link is followed')
    await page.click('[data-test=menu-button]')
    await page.click('[data-test=bell]')
    await page.waitForURL(/\/inbox$/)
    check(!(await page.locator('[data-test=bell]').isVisible()), 'the menu closes after the bell')

    // The leader: the same pages, and a step's dialog on the case.
    await page.context().clearCookies()
    await login(page, url, 'lanhdao1')
    await mainPages(page, url, shot, 'lanhdao1', made.body.id, member)
    await page.goto(url + '/')
    await settled(page, '[data-test=home-waiting]')
    await shot('phone-home')
    await page.goto(`${url}/cases/${made.body.id}`)
    await page.click('[data-test=step-quyet_dinh]')
    const step = page.locator('[data-test=step-dialog]')
    await step.waitFor()
    await page.waitForTimeout(400)
    const sbox = await step.boundingBox()
    check(sbox.x >= 0 && sbox.x + sbox.width <= PHONE.width, `the step's dialog fits the screen (${Math.round(sbox.x)}–${Math.round(sbox.x + sbox.width)} px)`)
    await noOverflow(page, 'a step\'s dialog')
    await shot('phone-step')
  }],
]
