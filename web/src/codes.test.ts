import { afterEach, describe, expect, it, vi } from 'vitest'
import { caseKinds, codeList, codeName, codes, loadCodes, subtypeName, type Codes } from './codes'
import { label, setLang } from './i18n'

const served: Codes = {
  case_kinds: [{
    code: 'ra_nuoc_ngoai', prefix: 'RNN', name: 'Ra nước ngoài', name_en: 'Trip abroad', states: [], steps: [],
    subtypes: [{ code: 'viec_rieng', name: 'Việc riêng', name_en: 'Private' }],
  }],
  sets: {
    trip_purpose: [{ code: 'tham_than', name: 'Thăm thân', name_en: 'Visiting relatives' }],
    clearance: [{ code: 'thuong', name: 'Thường', name_en: 'Ordinary' }, { code: 'mat', name: 'Mật', name_en: 'Confidential' }],
    deadline_level: [{ code: 'overdue', name: 'Quá hạn', name_en: 'Overdue' }],
  },
}

afterEach(() => {
  vi.unstubAllGlobals()
  setLang('vi')
})

describe('codes', () => {
  it('are fetched once, and again only after a failure', async () => {
    const fetch = vi.fn()
      .mockResolvedValueOnce(new Response('{}', { status: 503 }))
      .mockResolvedValue(new Response(JSON.stringify(served), { status: 200 }))
    vi.stubGlobal('fetch', fetch)
    await expect(loadCodes()).rejects.toBeTruthy()
    expect(codes.value).toBe(null)
    expect(codeName('trip_purpose', 'tham_than')).toBe('tham_than')
    await loadCodes()
    await loadCodes()
    await caseKinds()
    expect(fetch.mock.calls.map((c) => c[0])).toEqual(['/api/codes', '/api/codes'])
  })

  it('name codes in the chosen language, the code itself when unknown', () => {
    expect(codeName('trip_purpose', 'tham_than')).toBe('Thăm thân')
    expect(codeName('trip_purpose', 'nghi_mat')).toBe('nghi_mat')
    expect(codeName('trip_purpose', null)).toBe('')
    expect(codeList('clearance').map((c) => c.code)).toEqual(['thuong', 'mat'])
    expect(codeList('khong_co')).toEqual([])
    expect(subtypeName(served.case_kinds[0], 'viec_rieng')).toBe('Việc riêng')
    setLang('en')
    expect(codeName('trip_purpose', 'tham_than')).toBe('Visiting relatives')
    expect(subtypeName(served.case_kinds[0], 'viec_rieng')).toBe('Private')
  })

  it('give the names of label() for the groups the pages use', () => {
    expect(label('clearance', 'mat')).toBe('Mật')
    expect(label('level', 'overdue')).toBe('Quá hạn')
    expect(label('purpose', 'tham_than')).toBe('Thăm thân')
  })
})
