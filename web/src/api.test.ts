import { describe, expect, it } from 'vitest'
import { ApiError, withQuery } from './api'
import { setLang } from './i18n'

describe('withQuery', () => {
  it('encodes values and drops empty ones', () => {
    expect(withQuery('/api/persons', { q: 'lò văn muôn', limit: 100, reason: undefined, flagged: false })).toBe(
      '/api/persons?q=l%C3%B2%20v%C4%83n%20mu%C3%B4n&limit=100',
    )
    expect(withQuery('/api/audit', { flagged: true })).toBe('/api/audit?flagged=1')
    expect(withQuery('/api/orgs', {})).toBe('/api/orgs')
  })
})

describe('ApiError', () => {
  it('speaks the current language', () => {
    const e = new ApiError(400, 'bad_value', 'Ngày không hợp lệ', 'Invalid date', 'date')
    setLang('vi')
    expect(e.text()).toBe('Ngày không hợp lệ')
    setLang('en')
    expect(e.text()).toBe('Invalid date')
    setLang('vi')
    expect(new ApiError(500, 'x', '', '', null).text()).toBe('x')
  })
})
