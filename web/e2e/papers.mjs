// The papers of a case (issue 15, part 3), as the commune officer "cbxa1"
// (officer of DB.X01, clearance thường) does them: on an inspection she
// works on, the "Giấy tờ" card lists its kind's papers; the decision to
// inspect is previewed in the Party's layout, filled from the case (the
// subject, the team), then generated as a draft document downloaded as
// PDF and DOCX; a case of the province is not hers, and its papers answer
// as a missing case. Then the province's administrator changes the
// template: an unknown field is refused with its name, a good one saved.
// Imported by run.mjs.
import { check, login, apiAs, memberUnder, pick } from './harness.mjs'

export const paperTests = [
  ['papers: the commune officer previews and generates the decision to inspect, downloads it as PDF and DOCX; the province\'s case is not hers; the administrator edits the template', async ({ page, url, shot }) => {
    const officer = await apiAs(url, 'cbxa1')
    const province = await apiAs(url, 'canbo')
    const m = await memberUnder(officer, 'DB.X01')
    const opened = await officer('POST', '/api/cases', { kind: 'kiem_tra', title: 'Kiểm tra việc thực hiện Quy định 144', org: 'DB.X01', subject_persons: [m.id] })
    check(opened.status === 201, `opened: ${opened.status} ${JSON.stringify(opened.body)}`)
    const id = opened.body.id
    const assigned = await officer('PUT', `/api/cases/${id}/assignees`, { users: ['cbxa1'], version: 1 })
    check(assigned.status === 200, `assigned: ${assigned.status} ${JSON.stringify(assigned.body)}`)
    const theirs = await province('POST', '/api/cases', { kind: 'kiem_tra', title: 'Kiểm tra của Tỉnh ủy', org: 'DB' })
    const hidden = await officer('POST', `/api/cases/${theirs.body.id}/paper-preview`, { paper: 'kt_quyet_dinh' })
    const missing = await officer('POST', '/api/cases/99999999/paper-preview', { paper: 'kt_quyet_dinh' })
    check(hidden.status === 404 && JSON.stringify(hidden.body) === JSON.stringify(missing.body), 'the province\'s case answers as a missing one')

    await login(page, url, 'cbxa1')
    await page.goto(`${url}/cases/${id}`)
    await page.waitForSelector('[data-test=papers]')
    const card = await page.textContent('[data-test=papers]')
    check(card.includes('Giấy tờ') && card.includes('Quyết định kiểm tra') && card.includes('Thông báo kết luận kiểm tra'), 'the inspection\'s papers are listed')
    check(!card.includes('Quyết định thi hành kỷ luật'), 'not another kind\'s')
    await page.click('[data-test=paper-preview-kt_quyet_dinh]')
    await page.waitForSelector('[data-test=paper-view]')
    const paper = await page.textContent('[data-test=paper-view]')
    for (const want of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'ỦY BAN KIỂM TRA', 'QUYẾT ĐỊNH', '-QĐ/UBKT', `Về việc kiểm tra ${m.full_name}`, 'Đồng chí Cà Thị Xã', 'Kiểm tra việc thực hiện Quy định 144', 'Nơi nhận:'])
      check(paper.includes(want), `the preview shows "${want}"`)
    check(paper === paper.normalize('NFC'), 'the preview is NFC')
    await shot('paper-preview')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-test=paper-view]', { state: 'hidden' })
    const before = (await officer('GET', `/api/cases/${id}`)).body.documents.length
    check(before === 0, 'a preview keeps nothing')
    await page.click('[data-test=paper-generate-kt_quyet_dinh]')
    await page.waitForSelector('[data-test=papers-done]')
    await page.waitForSelector('[data-test=papers-kept]')
    const kept = await page.textContent('[data-test=papers-kept]')
    check(kept.includes('Quyết định kiểm tra') && kept.includes('Dự thảo'), 'kept as a draft: ' + kept)
    const docs = (await officer('GET', `/api/cases/${id}`)).body.documents
    check(docs.length === 1 && docs[0].paper === 'kt_quyet_dinh' && docs[0].number === null, 'a draft document of the case')
    check((await page.textContent('[data-test=case-documents]')).includes('Quyết định kiểm tra'), 'listed among the documents')
    for (const [format, type, magic] of [['pdf', 'application/pdf', '%PDF'], ['docx', 'wordprocessingml', 'PK']]) {
      const href = await page.getAttribute(`[data-test=paper-${format}-${docs[0].id}]`, 'href')
      const res = await page.request.get(url + href)
      check(res.status() === 200 && res.headers()['content-type'].includes(type), `${format}: ${res.status()} ${res.headers()['content-type']}`)
      check((await res.body()).subarray(0, magic.length).toString('latin1') === magic, `${format} starts with ${magic}`)
    }
    await shot('papers-card')

    // the administrator of the province changes the template
    await page.context().clearCookies()
    await login(page, url, 'quantri')
    await page.click('[data-test=nav-papers]').catch(async () => page.goto(url + '/admin/papers'))
    await page.waitForSelector('[data-test=tpl-sign_title]')
    await page.fill('#tpl-summary', 'Về việc kiểm tra {{subjects}} ({{case.numbr}})')
    await page.click('[data-test=template-save]')
    await page.waitForSelector('[data-test=template-error]')
    const refused = await page.textContent('[data-test=template-error]')
    check(refused.includes('{{case.numbr}}') && refused.includes('trường không có'), 'the unknown field is named: ' + refused)
    check((await officer('GET', '/api/papers')).body.papers[0].version === 0, 'nothing written')
    await page.fill('#tpl-summary', 'Về việc kiểm tra {{subjects}} (hồ sơ {{case.number}})')
    await page.fill('#tpl-sign_title', 'PHÓ CHỦ NHIỆM')
    // the case to try it on is chosen by its number, never typed as an id
    await pick(page, '#tpl-case', opened.body.number, `template-case-${id}`)
    await page.click('[data-test=template-preview]')
    await page.waitForSelector('[data-test=paper-view]')
    check((await page.textContent('[data-test=paper-view]')).includes('PHÓ CHỦ NHIỆM'), 'the unsaved template tried on the case')
    await page.click('[data-test=template-save]')
    await page.waitForSelector('[data-test=template-saved]')
    await shot('paper-templates', { fullPage: true })
    const now = (await officer('POST', `/api/cases/${id}/paper-preview`, { paper: 'kt_quyet_dinh' })).body
    check(now.sign_title === 'PHÓ CHỦ NHIỆM' && now.summary.includes('(hồ sơ KT-'), 'the officer\'s papers follow the saved template: ' + JSON.stringify(now.summary))
  }],
]
