// Dates and numbers the Vietnamese way: dd/mm/yyyy and 1.234.567.
// Dates travel as ISO strings (YYYY-MM-DD, or YYYY-MM / YYYY for partial
// birth dates) and are never turned into Date objects, so no time zone can
// shift them by a day.
import { lang } from './i18n'

/** 1.234.567 in Vietnamese, 1,234,567 in English. */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return ''
  const neg = n < 0
  const digits = Math.trunc(Math.abs(n)).toString()
  const sep = lang.value === 'en' ? ',' : '.'
  let out = ''
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep
    out += digits[i]
  }
  return neg ? '-' + out : out
}

/** "2025-07-01" → "01/07/2025"; "1961-02" → "02/1961"; "1961" → "1961". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso)
  if (!m) return iso
  if (m[3]) return `${m[3]}/${m[2]}/${m[1]}`
  if (m[2]) return `${m[2]}/${m[1]}`
  return m[1]
}

/** "2026-11-24T23:02:43.805Z" → "25/11/2026 06:02" in Vietnam time (UTC+7). */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return ''
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  const d = new Date(t + 7 * 3600 * 1000)
  const p = (v: number) => v.toString().padStart(2, '0')
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`
}

/** Today in Vietnam (UTC+7) as YYYY-MM-DD, whatever the browser's zone. */
export function todayVN(now: number = Date.now()): string {
  return new Date(now + 7 * 3600 * 1000).toISOString().slice(0, 10)
}

/** Parses what a user types as a date: dd/mm/yyyy (or d/m/yyyy), returns ISO or null. */
export function parseDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text)
  if (!m) return null
  const d = Number(m[1]), mo = Number(m[2]), y = Number(m[3])
  if (mo < 1 || mo > 12 || d < 1) return null
  const dim = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  if (d > dim[mo - 1]) return null
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
