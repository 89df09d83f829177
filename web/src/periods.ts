// Report periods as people name them, the same forms the server takes as
// `period=` (src/core/period.h): a year, a quarter, six or nine months, a
// month, the 5-year sơ kết and 10-year tổng kết, a party term (nhiệm kỳ,
// whose days come from the congresses recorded on the server), or any
// range of days (from and to instead of a name).

export type PeriodKind = 'year' | 'quarter' | 'half' | 'nine' | 'month' | 'five' | 'ten' | 'term' | 'range'

export interface PeriodChoice {
  kind: PeriodKind
  year: number
  part: number // quarter 1-4, half 1-2, month 1-12
  term: string // "2020-2025"
}

export const PERIOD_KINDS: PeriodKind[] = ['year', 'quarter', 'half', 'nine', 'month', 'five', 'ten', 'term', 'range']

// The name of a period, or null for a range of days (or a term not chosen).
export function periodName(c: PeriodChoice): string | null {
  const y = String(c.year).padStart(4, '0')
  switch (c.kind) {
    case 'year': return y
    case 'quarter': return `${y}-Q${c.part}`
    case 'half': return `${y}-H${c.part}`
    case 'nine': return `${y}-9M`
    case 'month': return `${y}-${String(c.part).padStart(2, '0')}`
    case 'five': return `${y}-${c.year + 4}`
    case 'ten': return `${y}-${c.year + 9}`
    case 'term': return /^\d{4}-\d{4}$/.test(c.term) ? `NK${c.term}` : null
    default: return null
  }
}

// The choice a period name stands for; null when it is not one of the forms.
export function parsePeriod(name: string): PeriodChoice | null {
  let m = /^(\d{4})$/.exec(name)
  if (m) return { kind: 'year', year: +m[1], part: 1, term: '' }
  m = /^(\d{4})-[Qq]([1-4])$/.exec(name)
  if (m) return { kind: 'quarter', year: +m[1], part: +m[2], term: '' }
  m = /^(\d{4})-[Hh]([12])$/.exec(name)
  if (m) return { kind: 'half', year: +m[1], part: +m[2], term: '' }
  m = /^(\d{4})-9[Mm]$/.exec(name)
  if (m) return { kind: 'nine', year: +m[1], part: 1, term: '' }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(name)
  if (m) return { kind: 'month', year: +m[1], part: +m[2], term: '' }
  m = /^[Nn][Kk](\d{4})-(\d{4})$/.exec(name)
  if (m) return { kind: 'term', year: +m[1], part: 1, term: `${m[1]}-${m[2]}` }
  m = /^(\d{4})-(\d{4})$/.exec(name)
  if (m && +m[2] - +m[1] === 4) return { kind: 'five', year: +m[1], part: 1, term: '' }
  if (m && +m[2] - +m[1] === 9) return { kind: 'ten', year: +m[1], part: 1, term: '' }
  return null
}

// The parts a kind is chosen by: none, quarters, halves or months.
export function periodParts(kind: PeriodKind): number {
  return kind === 'quarter' ? 4 : kind === 'half' ? 2 : kind === 'month' ? 12 : 0
}
