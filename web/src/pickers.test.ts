import { describe, expect, it } from 'vitest'
import { chosenList, useRemoteSearch } from './pickers'

interface Hit { code: string; name: string }
const hit = (code: string): Hit => ({ code, name: `Tổ chức ${code}` })

describe('chosenList', () => {
  it('is a picker\'s model as a list', () => {
    expect(chosenList('X1')).toEqual(['X1'])
    expect(chosenList(['X1', 'X2'])).toEqual(['X1', 'X2'])
    expect(chosenList('')).toEqual([])
    expect(chosenList(null)).toEqual([])
    expect(chosenList(7)).toEqual([7])
  })
})

describe('useRemoteSearch', () => {
  it('keeps what is chosen first, once, across searches', async () => {
    const db: Record<string, Hit[]> = { xa: [hit('X1'), hit('X2')], bo: [hit('C1')] }
    let chosen: string[] = []
    const s = useRemoteSearch(async (q) => db[q] ?? [], (h) => h.code, () => chosen)
    await s.search('  xa ')
    expect(s.found.value.map((h) => h.code)).toEqual(['X1', 'X2'])
    chosen = ['X2']
    await s.search('bo')
    expect(s.found.value.map((h) => h.code)).toEqual(['X2', 'C1'])
    await s.search('xa')
    expect(s.found.value.map((h) => h.code)).toEqual(['X1', 'X2'])
    await s.search('')
    expect(s.found.value.map((h) => h.code)).toEqual(['X2'])
    expect(s.loading.value).toBe(false)
  })
  it('leaves no option when the search fails', async () => {
    const s = useRemoteSearch<Hit, string>(async () => { throw new Error('mạng') }, (h) => h.code, () => [])
    await s.search('xa')
    expect(s.found.value).toEqual([])
    expect(s.loading.value).toBe(false)
  })
})
