import { afterEach, describe, expect, it } from 'vitest'
import { addYears, dateRange, orderProblem, rangeProblem, rolledOver, typedProblem } from './dates'
import { setLang } from './i18n'

const today = '2026-05-20'

afterEach(() => setLang('vi'))

describe('typedProblem', () => {
  it('refuses a day that does not exist, naming what was typed', () => {
    expect(typedProblem('31/02/2026', 'past', 'Ngày mở hồ sơ', today)).toBe('Ngày 31/02/2026 không có thật: hãy nhập ngày/tháng/năm (dd/mm/yyyy)')
    expect(typedProblem('29/02/2026', 'any', 'Ngày', today)).not.toBe('')
    expect(typedProblem('32/01/2026', 'any', 'Ngày', today)).not.toBe('')
    expect(typedProblem('hôm qua', 'any', 'Ngày', today)).not.toBe('')
  })
  it('takes a real day in range, and blank', () => {
    expect(typedProblem('29/02/2024', 'past', 'Ngày', today)).toBe('')
    expect(typedProblem('1/7/2025', 'past', 'Ngày', today)).toBe('')
    expect(typedProblem('20/05/2026', 'past', 'Ngày', today)).toBe('')
    expect(typedProblem('  ', 'past', 'Ngày', today)).toBe('')
  })
  it('refuses a case opened in the future as the server does', () => {
    expect(typedProblem('01/01/2030', 'past', 'Ngày mở hồ sơ', today)).toBe('Ngày mở hồ sơ không được sau hôm nay (20/05/2026)')
    setLang('en')
    expect(typedProblem('01/01/2030', 'past', 'Opening date', today)).toBe('Opening date cannot be after today (20/05/2026)')
    expect(typedProblem('31/02/2026', 'past', 'Opening date', today)).toBe('31/02/2026 is not a real day: type day/month/year (dd/mm/yyyy)')
  })
})

describe('ranges', () => {
  it('a fact is from 1930 to today, a plan five years ahead, a birth from 1900', () => {
    expect(dateRange('past', today)).toEqual({ min: '1930-01-01', max: today })
    expect(dateRange('plan', today)).toEqual({ min: '1930-01-01', max: '2031-05-20' })
    expect(dateRange('birth', today).min).toBe('1900-01-01')
    expect(rangeProblem('2031-05-20', 'plan', 'Hạn', today)).toBe('')
    expect(rangeProblem('2031-05-21', 'plan', 'Hạn', today)).toBe('Hạn phải từ 01/01/1930 đến 20/05/2031')
    expect(rangeProblem('1929-12-31', 'past', 'Ngày', today)).toBe('Ngày phải từ 01/01/1930 đến 20/05/2026')
    expect(rangeProblem('9999-12-31', 'any', 'Ngày', today)).toBe('')
  })
  it('adds years as the server does (29/02 to 28/02)', () => {
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28')
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29')
  })
})

describe('rolledOver', () => {
  it('is what a lenient parser makes of an impossible day', () => {
    expect(rolledOver('31/02/2026')).toBe('2026-03-03')
    expect(rolledOver('01/07/2025')).toBe('2025-07-01')
    expect(rolledOver('abc')).toBeNull()
  })
})

describe('orderProblem', () => {
  it('refuses an end before the start, naming the field just changed', () => {
    expect(orderProblem('2026-03-10', '2026-03-01', 'to', 'Đến ngày')).toBe('Đến ngày không được trước ngày bắt đầu (10/03/2026)')
    expect(orderProblem('2026-03-10', '2026-03-01', 'from', 'Từ ngày')).toBe('Từ ngày không được sau ngày kết thúc (01/03/2026)')
    setLang('en')
    expect(orderProblem('2026-03-10', '2026-03-01', 'to', 'To')).toBe('To cannot be before the start (10/03/2026)')
  })
  it('takes a one-day period, an open end and an ordered period', () => {
    expect(orderProblem('2026-03-01', '2026-03-01', 'to', 'Đến ngày')).toBe('')
    expect(orderProblem('2026-03-10', '', 'from', 'Từ ngày')).toBe('')
    expect(orderProblem('', '2026-03-01', 'to', 'Đến ngày')).toBe('')
    expect(orderProblem('2025-12-31', '2026-01-01', 'to', 'Đến ngày')).toBe('')
  })
})
