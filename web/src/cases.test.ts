import { describe, expect, it } from 'vitest'
import { levelType, nameOf, stepsFrom, type CaseKind } from './cases'
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
