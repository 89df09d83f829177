// Dates a person can trust, errors shown, reports headed in words and
// English that reads as English (issue 14, items 6, 7, 9 and 11), as a
// commune officer ("cbxa1", officer of DB.X01). Imported by run.mjs.
import { check, login, apiAs } from './harness.mjs'

const iso = (n) => new Date(Date.now() + 7 * 3600e3 - n * 86400e3).toISOString().slice(0, 10)

/** The problem shown under the date field `id`, once it shows. */
async function problemOf(page, id) {
  const p = page.locator(`[data-test=${id}-problem]`)
  await p.waitFor()
  return (await p.textContent()).trim()
}

/** Types `text` into the date field #id and presses Enter. */
async function typeDay(page, id, text) {
  await page.fill(`#${id}`, text)
  await page.keyboard.press('Enter')
}

/** 31/02/2026 typed as the start of the period `range` is refused, its field (`label`) named, never read as 03/03/2026. */
async function refusesImpossibleStart(page, range, label) {
  await typeDay(page, `${range}-from`, '31/02/2026')
  const p = await problemOf(page, range)
  check(p.startsWith(label) && p.includes('31/02/2026') && p.includes('không có thật'), `31/02/2026 refused, the field named: "${p}"`)
  check((await page.inputValue(`#${range}-from`)) !== '03/03/2026', 'never read as 03/03/2026')
}

/** The URLs of the requests the page makes whose path starts with `path`, as they come. */
function listRequests(page, path) {
  const sent = []
  page.on('request', (r) => { if (r.url().includes(path)) sent.push(decodeURIComponent(r.url())) })
  return sent
}

export const datesErrorsTests = [
  ['dates: 31/02/2026 and a case opened 01/01/2030 are refused where they are typed, and by the API', async ({ page, url, shot }) => {
    await login(page, url, 'cbxa1')
    await page.goto(url + '/cases')
    await page.click('[data-test=case-new]')
    await page.fill('#case-title', 'Kiểm tra chi bộ bản Mường')
    await page.fill('#case-opened', '31/02/2026')
    await page.keyboard.press('Enter')
    const impossible = await problemOf(page, 'case-opened')
    check(impossible.includes('31/02/2026') && impossible.includes('không có thật'), `31/02/2026 refused: "${impossible}"`)
    check((await page.inputValue('#case-opened')) !== '03/03/2026', 'never read as 03/03/2026')
    await shot('date-impossible')
    // Leaving the field with it does not roll it over either.
    await page.fill('#case-title', 'Kiểm tra chi bộ bản Mường')
    check((await page.inputValue('#case-opened')) !== '03/03/2026', 'not rolled over on leaving the field')
    await page.fill('#case-opened', '01/01/2030')
    await page.keyboard.press('Enter')
    const future = await problemOf(page, 'case-opened')
    check(future.startsWith('Ngày mở') && future.includes('không được sau hôm nay'), `01/01/2030 refused: "${future}"`)
    await shot('date-future')
    // A real day today or before is taken, and the message goes.
    await page.fill('#case-opened', iso(3).split('-').reverse().join('/'))
    await page.keyboard.press('Enter')
    await page.locator('[data-test=case-opened-problem]').waitFor({ state: 'detached' })
    // The API refuses what the page refuses, in both languages.
    const api = await apiAs(url, 'cbxa1')
    const r = await api('POST', '/api/cases', { kind: 'kiem_tra', title: 'Tương lai', org: 'DB.X01', opened: '2030-01-01' })
    check(r.status === 400 && r.body.error.code === 'out_of_range' && r.body.error.field === 'opened' && r.body.error.message.startsWith('Ngày mở hồ sơ không được sau hôm nay') && r.body.error.message_en.startsWith('Opening date cannot be after today'), `API: ${r.status} ${JSON.stringify(r.body)}`)
    const r2 = await api('POST', '/api/cases', { kind: 'kiem_tra', title: 'Ngày không có', org: 'DB.X01', opened: '2026-02-31' })
    check(r2.status === 400 && r2.body.error.code === 'bad_date', `API, 31/02: ${r2.status} ${JSON.stringify(r2.body)}`)
  }],

  ['dates: 31/02/2026 and an end before the start are refused in the cases list\'s period, never sent to the API', async ({ page, url, shot }) => {
    await login(page, url, 'cbxa1')
    const sent = listRequests(page, '/api/cases?')
    await page.goto(url + '/cases')
    await page.waitForSelector('[data-test=cases]')
    await refusesImpossibleStart(page, 'case-period', 'Lập từ ngày')
    await page.click('h1')
    check((await page.inputValue('#case-period-from')) !== '03/03/2026', 'not rolled over on leaving the field')
    await shot('period-impossible')
    // A real day is taken, and the list asks for it.
    const asked = page.waitForRequest((r) => r.url().includes('from=2026-03-10'))
    await typeDay(page, 'case-period-from', '10/03/2026')
    await asked
    await page.locator('[data-test=case-period-problem]').waitFor({ state: 'detached' })
    // An end before the start is refused under the end.
    await typeDay(page, 'case-period-to', '01/03/2026')
    const order = await problemOf(page, 'case-period')
    check(order === 'Lập đến ngày không được trước ngày bắt đầu (10/03/2026)', `an end before the start refused: "${order}"`)
    await shot('period-order')
    await page.waitForTimeout(500)
    check(!sent.some((u) => /2026-03-03|2026-02-31|to=2026-03-01/.test(u)), `never sent: ${sent.filter((u) => /2026-0[23]/.test(u)).join(' ')}`)
  }],

  ['dates: 31/02/2026 is refused in the report\'s "from a day to a day", and no report is asked for it', async ({ page, url, shot }) => {
    await login(page, url, 'cbxa1')
    const sent = listRequests(page, '/api/reports?')
    await page.goto(`${url}/reports?org=DB.X01&from=2025-07-01&to=${iso(0)}`)
    await page.waitForSelector('[data-test=report-figures]')
    const before = sent.length
    await refusesImpossibleStart(page, 'report-period', 'Từ ngày')
    await page.click('[data-test=report-run]')
    await page.waitForTimeout(500)
    check(sent.length === before, `no report asked for: ${sent.slice(before).join(' ')}`)
    check(!page.url().includes('2026-03-03'), 'the address keeps the last good period')
    await shot('report-period-impossible')
    // An end before the start, likewise.
    await typeDay(page, 'report-period-from', '01/07/2025')
    await typeDay(page, 'report-period-to', '30/06/2025')
    const order = await problemOf(page, 'report-period')
    check(order === 'Đến ngày không được trước ngày bắt đầu (01/07/2025)', `an end before the start refused: "${order}"`)
    await page.click('[data-test=report-run]')
    await page.waitForTimeout(500)
    check(sent.length === before, `no report asked for: ${sent.slice(before).join(' ')}`)
  }],

  ['an upload the server refuses (wrong type, too large) shows the server\'s message', async ({ page, url, shot }) => {
    const api = await apiAs(url, 'cbxa1')
    const c = (await api('POST', '/api/cases', { kind: 'kiem_tra', title: 'Kiểm tra có tệp đính kèm', org: 'DB.X01', opened: iso(5) })).body.id
    check(Number.isInteger(c), 'case opened for the upload')
    await login(page, url, 'cbxa1')
    await page.goto(`${url}/cases/${c}`)
    await page.waitForSelector('[data-test=attachments]')
    await page.setInputFiles('#attachment-file', { name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải PDF') })
    const err = page.locator('[data-test=attachment-error]')
    await err.waitFor()
    const wrongType = (await err.textContent()).trim()
    check(wrongType.includes('Chỉ nhận tệp PDF'), `wrong type: "${wrongType}"`)
    await err.scrollIntoViewIfNeeded()
    await shot('upload-wrong-type')
    const big = Buffer.alloc(20 * 1024 * 1024 + 1)
    big.write('%PDF-1.4\n')
    await page.setInputFiles('#attachment-file', { name: 'qua-lon.pdf', mimeType: 'application/pdf', buffer: big })
    await page.waitForFunction(() => document.querySelector('[data-test=attachment-error]')?.textContent.includes('Tệp quá lớn'))
    const tooBig = (await err.textContent()).trim()
    check(tooBig.includes('Tệp quá lớn: tối đa 20 MB'), `too large: "${tooBig}"`)
    check(!/byte|MiB/.test(wrongType + tooBig), 'limits in words a person reads')
    await err.scrollIntoViewIfNeeded()
    await shot('upload-too-big')
    check(!/MiB|KiB/.test(await page.textContent('body')), 'sizes in KB and MB on the case page')
  }],

  ['the report\'s breakdown columns are headed in Vietnamese, never by codes', async ({ page, url, shot }) => {
    await login(page, url, 'cbxa1')
    await page.goto(`${url}/reports?org=DB.X01&from=2025-07-01&to=${iso(0)}`)
    await page.waitForSelector('[data-test=report-rows]')
    const head = (await page.locator('[data-test=report-rows] thead').textContent()).trim()
    check(head.includes('Kiểm tra tổ chức') && head.includes('Tổ chức có vi phạm') && head.includes('Kỷ luật đảng viên'), `Vietnamese headings: ${head.slice(0, 200)}`)
    check(!/[a-z]+_[a-z_]+/.test(head), `no code among the headings: ${head.match(/[a-z]+_[a-z_]+/)?.[0]}`)
    const csv = await page.request.get(url + (await page.getAttribute('[data-test=report-csv]', 'href')))
    const rowsHead = (await csv.text()).split('\r\n').find((l) => l.startsWith('"Tổ chức","Tên",'))
    check(rowsHead && rowsHead.includes('"Kiểm tra tổ chức"') && !/[a-z]+_[a-z_]+/.test(rowsHead), `CSV headings: ${rowsHead?.slice(0, 200)}`)
    await page.locator('[data-test=report-rows]').scrollIntoViewIfNeeded()
    await shot('report-headings')
  }],

  ['the report of a commune whose organisations below have no figures says so instead of drawing an empty chart', async ({ page, url, shot }) => {
    await login(page, url, 'cbxa1')
    await page.goto(`${url}/reports?org=DB.X01&from=2025-07-01&to=${iso(0)}`)
    await page.waitForSelector('[data-test=report-by-child]')
    const api = await apiAs(url, 'cbxa1')
    const r = (await api('GET', `/api/reports?org=DB.X01&from=2025-07-01&to=${iso(0)}`)).body
    check(r.rows.every((x) => x.org === 'DB.X01'), `no organisation below DB.X01 has figures: ${r.rows.map((x) => x.org)}`)
    const none = (await page.textContent('[data-test=report-chart-none]')).trim()
    check(none === 'Không tổ chức trực thuộc nào có số liệu trong kỳ này.', `a sentence instead of the chart: "${none}"`)
    check((await page.locator('[data-test=report-by-child] canvas').count()) === 0, 'no chart drawn')
    await page.locator('[data-test=report-by-child]').scrollIntoViewIfNeeded()
    await shot('report-commune-by-child')
    await page.click('[data-test=lang]')
    await page.waitForFunction(() => document.querySelector('[data-test=report-chart-none]')?.textContent.includes('No organisation below'))
    await page.click('[data-test=lang]')
    // Above, with organisations below that have figures: a figure none of
    // them has is a sentence, one they have is a chart.
    const leader = await apiAs(url, 'thuly')
    const from = iso(40), to = iso(0)
    const p = (await leader('GET', `/api/reports?org=DB&from=${from}&to=${to}`)).body
    const below = p.rows.filter((x) => x.org !== 'DB')
    const zero = p.figures.find((f) => !below.some((x) => x.figures[f.code]))
    const some = p.figures.find((f) => below.some((x) => x.figures[f.code]))
    check(below.length > 0 && zero && some, `the province has organisations below with figures, and a figure none has (${below.length})`)
    await login(page, url, 'thuly')
    await page.goto(`${url}/reports?org=DB&from=${from}&to=${to}`)
    await page.waitForSelector('[data-test=report-chart-figure]')
    await page.click('[data-test=report-chart-figure]')
    await page.getByRole('option', { name: zero.name, exact: true }).click()
    const sentence = (await page.textContent('[data-test=report-chart-none]')).trim()
    check(sentence === `Không tổ chức trực thuộc nào có số liệu này trong kỳ: ${zero.name}.`, `a figure none below has: "${sentence}"`)
    check((await page.locator('[data-test=report-by-child] canvas').count()) === 0, 'no empty chart')
    await page.locator('[data-test=report-by-child]').scrollIntoViewIfNeeded()
    await shot('report-figure-none-below')
    await page.click('[data-test=report-chart-figure]')
    await page.getByRole('option', { name: some.name, exact: true }).click()
    await page.waitForSelector('[data-test=report-by-child] canvas')
    check((await page.locator('[data-test=report-chart-none]').count()) === 0, 'the sentence goes when there is a chart')
  }],

  ['a figure opens on exactly the records behind it, and its distinct count on what they are about', async ({ page, url, shot }) => {
    await login(page, url, 'cbxa1')
    const from = '2016-01-01', to = iso(0)
    await page.goto(`${url}/reports?org=DB.X01&from=${from}&to=${to}`)
    await page.waitForSelector('[data-test=report-figures]')
    const figure = async (code) => Number((await page.textContent(`[data-test=fig-${code}]`)).replace(/\D/g, ''))
    const members = await figure('kt_dang_vien')
    const distinct = Number((await page.textContent('[data-test=distinct-kt_dang_vien]')).replace(/\D/g, ''))
    check(members > 0, `the commune has inspected members (${members})`)
    await page.click('[data-test=fig-kt_dang_vien]')
    await page.waitForURL(/\/reports\/records\?.*figure=kt_dang_vien/)
    await page.waitForSelector('[data-test=records-table]')
    const count = (await page.textContent('[data-test=records-count]')).trim()
    check(count.startsWith(`${members} lượt`) && count.includes(`${distinct} đảng viên`), `the count is the figure: "${count}"`)
    const rows = page.locator('[data-test=records-table] tbody tr')
    check((await rows.count()) === Math.min(members, 50), `one line a record (${await rows.count()} for ${members})`)
    const first = (await rows.first().textContent()).trim()
    check(/\d{2}\/\d{2}\/\d{4}/.test(first) && first.includes('KT-') && !/[a-z]+_[a-z_]+/.test(first), `a line reads as words: "${first.slice(0, 200)}"`)
    check(!(await page.textContent('[data-test=records-table]')).includes('ngoài phạm vi'), 'every record the officer\'s own')
    await shot('report-records')
    await page.locator('[data-test=records-view]').getByText('Theo đảng viên').click()
    await page.waitForSelector('[data-test=records-subjects] tbody tr')
    check((await page.locator('[data-test=records-subjects] tbody tr').count()) === Math.min(distinct, 50), 'each member once')
    await shot('report-records-subjects')
    // a member's name opens their page
    await page.locator('[data-test=records-subjects] tbody tr a').first().click()
    await page.waitForURL(/\/people\/\d+/)
    await page.goBack()
    await page.waitForSelector('[data-test=records-subjects]')
    await page.click('[data-test=records-back]')
    await page.waitForSelector('[data-test=report-figures]')
    check((await figure('kt_dang_vien')) === members, 'back on the same report')
    // and a row's figure opens on that row's records
    const cell = page.locator('[data-test=report-rows] tbody a').first()
    if (await cell.count()) {
      const n = Number((await cell.textContent()).replace(/\D/g, ''))
      await cell.click()
      await page.waitForURL(/\/reports\/records\?.*row=/)
      await page.waitForSelector('[data-test=records-count]')
      check((await page.textContent('[data-test=records-count]')).trim().startsWith(`${n} `), `a row's figure: ${n}`)
    }
  }],

  ['English: working days with plurals, overdue rather than negative, "No data" as one wording', async ({ page, url, shot }) => {
    const api = await apiAs(url, 'cbxa1')
    const c = (await api('POST', '/api/cases', { kind: 'tham_tra_ly_lich', title: 'Thẩm tra lý lịch quần chúng Cà Văn Nọi', org: 'DB.X01', opened: iso(60) })).body.id
    check((await api('POST', `/api/cases/${c}/letters`, { recipient: 'Đảng ủy xã Mường Phăng', about: 'Bố đẻ', sent: iso(50) })).status === 201, 'an overdue letter')
    check((await api('POST', `/api/cases/${c}/letters`, { recipient: 'Công an xã Mường Phăng', about: 'Mẹ đẻ', sent: iso(0) })).status === 201, 'a letter sent today')
    await login(page, url, 'cbxa1')
    await page.click('[data-test=lang]')
    await page.getByRole('link', { name: 'Party members' }).waitFor()
    await page.goto(`${url}/cases/${c}`)
    await page.waitForSelector('[data-test=case-letters]')
    const letters = await page.textContent('[data-test=case-letters]')
    check(/\d+ used, \d+ working days? overdue/.test(letters), `overdue in words: ${letters.slice(0, 300)}`)
    check(/\d+ used, (\d+ working days? left|due today)/.test(letters), `left in words: ${letters.slice(0, 300)}`)
    check(!/-\d+ working|1 working days|\bdays? left\b.*-/.test(letters), 'no negative count, no "1 working days"')
    const body = await page.textContent('body')
    check(!body.includes('No Data'), 'no "No Data"')
    check(!/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i.test(await page.textContent('[data-test=case-letters] thead')), 'the letters table headed in English')
    await shot('english-plurals', { fullPage: true })
    await page.click('[data-test=lang]')
  }],
]
