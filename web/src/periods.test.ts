import { describe, expect, it } from 'vitest'
import { parsePeriod, periodName, periodParts, PERIOD_KINDS } from './periods'

const choice = (kind: string, year = 2019, part = 1, term = '') => ({ kind, year, part, term }) as Parameters<typeof periodName>[0]

describe('periodName', () => {
  it('writes the forms the server takes', () => {
    expect(periodName(choice('year'))).toBe('2019')
    expect(periodName(choice('quarter', 2019, 2))).toBe('2019-Q2')
    expect(periodName(choice('half', 2019, 2))).toBe('2019-H2')
    expect(periodName(choice('nine'))).toBe('2019-9M')
    expect(periodName(choice('month', 2019, 5))).toBe('2019-05')
    expect(periodName(choice('five', 2015))).toBe('2015-2019')
    expect(periodName(choice('ten', 2011))).toBe('2011-2020')
    expect(periodName(choice('term', 2020, 1, '2020-2025'))).toBe('NK2020-2025')
  })
  it('has no name for a range of days or a term not chosen', () => {
    expect(periodName(choice('range'))).toBeNull()
    expect(periodName(choice('term'))).toBeNull()
  })
})

describe('parsePeriod', () => {
  it('reads back every name it writes', () => {
    for (const kind of PERIOD_KINDS) {
      const parts = Math.max(periodParts(kind), 1)
      for (let part = 1; part <= parts; part++) {
        const c = choice(kind, 2016, part, kind === 'term' ? '2016-2020' : '')
        const name = periodName(c)
        if (name === null) continue
        const back = parsePeriod(name)
        expect(back && periodName(back)).toBe(name)
      }
    }
  })
  it('refuses what the server refuses', () => {
    for (const bad of ['', '19', '2019-Q5', '2019-H3', '2019-13', '2019-00', '2015-2017', 'NK2020', '2019-8M', ' 2019'])
      expect(parsePeriod(bad)).toBeNull()
  })
})
