// The dates a person types: a day that exists (31/02 does not) within the
// range of its kind, as the server checks them (src/core/date.h, enum
// date_rule; docs/dates.md). A fact that has happened (a case opened, a
// step, a decision, a letter sent) is not after today; a date planned ahead
// (a remedy's due date, a trip, a stay, an organisation's change) is at most
// PLAN_YEARS ahead; neither is before 1930. Filters take any real day.
import { todayVN, parseDate, formatDate } from './format'
import { t } from './i18n'

export type DateRule = 'any' | 'past' | 'plan' | 'birth'

/** As DATE_PLAN_YEARS in src/core/date.h. */
export const PLAN_YEARS = 5

/** The first and last ISO day of a rule's range on the day `today`. */
export function dateRange(rule: DateRule, today: string = todayVN()): { min: string; max: string } {
  switch (rule) {
    case 'past': return { min: '1930-01-01', max: today }
    case 'birth': return { min: '1900-01-01', max: today }
    case 'plan': return { min: '1930-01-01', max: addYears(today, PLAN_YEARS) }
    default: return { min: '0001-01-01', max: '9999-12-31' }
  }
}

/** The same day n years later; 29/02 becomes 28/02 when that year has none. */
export function addYears(iso: string, n: number): string {
  const y = Number(iso.slice(0, 4)) + n
  let md = iso.slice(4)
  if (md === '-02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) md = '-02-28'
  return String(y).padStart(4, '0') + md
}

/**
 * What is wrong with the ISO day `iso` for a field labelled `label` under
 * `rule`, in the current language, or '' when nothing is. The words are the
 * server's ("Ngày mở hồ sơ không được sau hôm nay (20/05/2026)").
 */
export function rangeProblem(iso: string, rule: DateRule, label: string, today: string = todayVN()): string {
  const { min, max } = dateRange(rule, today)
  if (iso >= min && iso <= max) return ''
  if (iso > max && max === today) return t('date.notAfterToday', { label, today: formatDate(today) })
  return t('date.range', { label, min: formatDate(min), max: formatDate(max) })
}

/**
 * What is wrong with the text a person typed into a date field, or '' when
 * it is a real day in range (or blank). 31/02/2026 is refused, never read
 * as 03/03/2026.
 */
export function typedProblem(text: string, rule: DateRule, label: string, today: string = todayVN()): string {
  if (!text.trim()) return ''
  const iso = parseDate(text)
  if (!iso) return t('date.notReal', { text: text.trim() })
  return rangeProblem(iso, rule, label, today)
}

/**
 * What is wrong with a period running from the ISO day `from` to `to`
 * (either may be blank: an open end), or '' when nothing is: its end is not
 * before its start. The field named is the one just changed (`changed`,
 * labelled `label`), so the message stands under what was typed.
 */
export function orderProblem(from: string, to: string, changed: 'from' | 'to', label: string): string {
  if (!from || !to || from <= to) return ''
  return changed === 'from'
    ? t('date.startAfterEnd', { label, end: formatDate(to) })
    : t('date.endBeforeStart', { label, start: formatDate(from) })
}

/**
 * The day a lenient parser (dayjs, as Element Plus's picker reads typed
 * text) makes of d/m/yyyy by rolling over: 31/02/2026 is 2026-03-03.
 * Null when the text is not three numbers.
 */
export function rolledOver(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text)
  if (!m) return null
  const d = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])))
  return d.toISOString().slice(0, 10)
}
