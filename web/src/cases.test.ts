import { describe, expect, it } from 'vitest'
import { caseLabel, emptyFilter, filterQuery, levelType, loadViews, nameOf, removeView, saveView, stepsFrom, type CaseKind } from './cases'
import { setLang } from './i18n'

const kind: CaseKind = {
  code: 'kiem_tra', prefix: 'KT', name: 'Kiểm tra', name_en: 'Inspection', subtypes: [],
  states: [
    { code: 'ke_hoach', name: 'Kế hoạch', name_en: 'Planned', final: false, paused: false },
    { code: 'quyet_dinh', name: 'Đã có quyết định', name_en: 'Decided', final: false, paused: false },
    { code: 'huy', name: 'Hủy', name_en: 'Cancelled', final: true, paused: false },
  ],
  steps: [
    { from: 'ke_hoach', to: 'quyet_dinh', name: 'Ra quyết định', name_en: 'Decide', roles: ['leader'], conclusion: false },
    { from: 'ke_hoach', to: 'huy', name: 'Hủy', name_en: 'Cancel', roles: ['leader'], conclusion: false },
    { from: 'quyet_dinh', to: 'huy', name: 'Hủy', name_en: 'Cancel', roles: ['officer', 'leader'], conclusion: false },
  ],
}

describe('stepsFrom', () => {
  it('offers only the steps of the state that the roles allow', () => {
    expect(stepsFrom(kind, 'ke_hoach', ['officer'])).toEqual([])
    expect(stepsFrom(kind, 'ke_hoach', ['leader']).map((s) => s.to)).toEqual(['quyet_dinh', 'huy'])
    expect(stepsFrom(kind, 'quyet_dinh', ['officer']).map((s) => s.to)).toEqual(['huy'])
    expect(stepsFrom(kind, 'huy', ['leader', 'officer'])).toEqual([])
    expect(stepsFrom(undefined, 'ke_hoach', ['leader'])).toEqual([])
  })
})

describe('nameOf and levelType', () => {
  it('names in the chosen language', () => {
    setLang('en')
    expect(nameOf(kind)).toBe('Inspection')
    setLang('vi')
    expect(nameOf(kind)).toBe('Kiểm tra')
    expect(nameOf(undefined, 'x')).toBe('x')
  })
  it('colours overdue red and the reminders by urgency', () => {
    expect(levelType('overdue')).toBe('danger')
    expect(levelType('late')).toBe('warning')
    expect(levelType('early')).toBe('primary')
    expect(levelType('done')).toBe('success')
    expect(levelType('ok')).toBe('info')
  })
})

describe('case list filters and saved views', () => {
  const memory = () => {
    const m = new Map<string, string>()
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) }
  }

  it('shows a number with its issuing organisation', () => {
    expect(caseLabel({ number: 'KT-2026-0006', org: 'PS', org_name: 'Đảng bộ phường Phình Sáng' })).toBe('KT-2026-0006 · Đảng bộ phường Phình Sáng')
    expect(caseLabel({ number: 'KT-2026-0006', org: null, org_name: null })).toBe('KT-2026-0006')
  })

  it('sends only the parts that are set', () => {
    expect(filterQuery({ ...emptyFilter(), org: ' DB.X01 ', mine: true, overdue: true, from: '2019-01-01', q: ' na khoang ' })).toEqual({
      kind: undefined, state: undefined, org: 'DB.X01', from: '2019-01-01', to: undefined, assignee: 'me', overdue: '1', q: 'na khoang',
    })
    expect(Object.values(filterQuery(emptyFilter())).every((v) => v === undefined)).toBe(true)
  })

  it('saves, replaces and removes views per user, sorted in Vietnamese order', () => {
    const s = memory()
    saveView(s, 'cv', 'Quá hạn', { ...emptyFilter(), overdue: true })
    saveView(s, 'cv', 'Đang làm', { ...emptyFilter(), mine: true })
    let v = saveView(s, 'cv', 'Quá hạn', { ...emptyFilter(), overdue: true, kind: 'tham_dinh' })
    expect(v.map((x) => x.name)).toEqual(['Đang làm', 'Quá hạn'])
    expect(v[1].filter.kind).toBe('tham_dinh')
    expect(loadViews(s, 'other')).toEqual([])
    v = removeView(s, 'cv', 'Đang làm')
    expect(loadViews(s, 'cv').map((x) => x.name)).toEqual(['Quá hạn'])
  })

  it('ignores a damaged store', () => {
    const s = memory()
    s.setItem('hoso.caseViews.cv', '{not json')
    expect(loadViews(s, 'cv')).toEqual([])
    s.setItem('hoso.caseViews.cv', JSON.stringify([{ name: 'x', filter: { org: 'DB' } }, 5, null]))
    expect(loadViews(s, 'cv')).toEqual([{ name: 'x', filter: { ...emptyFilter(), org: 'DB' } }])
  })
})
