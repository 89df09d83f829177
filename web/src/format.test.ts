import { describe, expect, it } from 'vitest'
import { setLang } from './i18n'
import { formatDate, formatNumber, formatTimestamp, parseDate, todayVN } from './format'

describe('formatNumber', () => {
  it('groups thousands with dots', () => {
    expect(formatNumber(1234567)).toBe('1.234.567')
    expect(formatNumber(2611)).toBe('2.611')
    expect(formatNumber(505)).toBe('505')
    expect(formatNumber(0)).toBe('0')
    expect(formatNumber(-48560)).toBe('-48.560')
  })
  it('groups with commas in English', () => {
    setLang('en')
    expect(formatNumber(2611)).toBe('2,611')
    setLang('vi')
  })
  it('leaves nothing for no number', () => {
    expect(formatNumber(null)).toBe('')
    expect(formatNumber(Number.NaN)).toBe('')
  })
})

describe('formatDate', () => {
  it('writes dd/mm/yyyy and the partial forms', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025')
    expect(formatDate('1961-02')).toBe('02/1961')
    expect(formatDate('1961')).toBe('1961')
    expect(formatDate(null)).toBe('')
  })
})

describe('formatTimestamp', () => {
  it('shows Vietnam time whatever the browser zone', () => {
    expect(formatTimestamp('2026-11-24T23:02:43.805Z')).toBe('25/11/2026 06:02')
  })
})

describe('todayVN', () => {
  it('is already tomorrow in Hanoi at 17:00 UTC', () => {
    expect(todayVN(Date.parse('2025-06-30T17:00:00Z'))).toBe('2025-07-01')
    expect(todayVN(Date.parse('2025-06-30T16:59:59Z'))).toBe('2025-06-30')
  })
})

describe('parseDate', () => {
  it('reads what people type', () => {
    expect(parseDate('1/7/2025')).toBe('2025-07-01')
    expect(parseDate('29/02/2024')).toBe('2024-02-29')
    expect(parseDate(' 31.12.2020 ')).toBe('2020-12-31')
  })
  it('refuses impossible dates', () => {
    expect(parseDate('29/02/2025')).toBeNull()
    expect(parseDate('31/04/2025')).toBeNull()
    expect(parseDate('00/01/2025')).toBeNull()
    expect(parseDate('2025-07-01')).toBeNull()
  })
})
