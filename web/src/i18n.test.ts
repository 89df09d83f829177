import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { allMessages, hasKey, label, lang, setCodeLabels, setLang, t, daysLeft } from './i18n'

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? sources(p) : /\.(vue|ts)$/.test(f) && !f.endsWith('.test.ts') ? [p] : []
  })
}

describe('messages', () => {
  it('has both languages, non-empty, Vietnamese in NFC', () => {
    for (const [key, [vi, en]] of Object.entries(allMessages())) {
      expect(vi, key).not.toBe('')
      expect(en, key).not.toBe('')
      expect(vi.normalize('NFC'), key).toBe(vi)
    }
  })
  it('has every key the pages use', () => {
    const missing: string[] = []
    for (const file of sources(join(__dirname))) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) if (!hasKey(m[1])) missing.push(`${file}: ${m[1]}`)
    }
    expect(missing).toEqual([])
  })
  it('gives every page but the sign-in its help text (HelpText.vue, or PageHead.vue\'s help), in both languages', () => {
    const pages = join(__dirname, 'pages')
    const help = /<help-text>\{\{ t\('[a-zA-Z.]+'\) \}\}<\/help-text>|<page-head [^>]*:help="t\('[a-zA-Z.]+'\)"/
    const without = readdirSync(pages).filter((f) => f.endsWith('.vue') && f !== 'LoginPage.vue' && !help.test(readFileSync(join(pages, f), 'utf8')))
    expect(without).toEqual([])
  })
})

describe('English that reads as English', () => {
  it('counts working days with a plural, and says overdue rather than a negative number left', () => {
    setLang('en')
    expect(daysLeft(1)).toBe('1 working day left')
    expect(daysLeft(2)).toBe('2 working days left')
    expect(daysLeft(0)).toBe('due today')
    expect(daysLeft(-1)).toBe('1 working day overdue')
    expect(daysLeft(-7)).toBe('7 working days overdue')
    expect(t('deadline.usedLeft', { used: 3, left: daysLeft(2) })).toBe('3 used, 2 working days left')
    setLang('vi')
    expect(daysLeft(1)).toBe('còn 1 ngày làm việc')
    expect(daysLeft(-7)).toBe('quá hạn 7 ngày làm việc')
    expect(daysLeft(0)).toBe('đến hạn hôm nay')
  })
  it('keeps the two forms of a plural in English only', () => {
    for (const [key, [vi, en]] of Object.entries(allMessages())) {
      expect(vi.includes('|'), key).toBe(false)
      if (en.includes('|')) expect(en.split('|').length, key).toBe(2)
    }
  })
})

describe('t and label', () => {
  it('switches language and fills placeholders', () => {
    setLang('vi')
    expect(t('orgs.count', { n: '2.510', m: '48.560' })).toBe('2.510 tổ chức, 48.560 đảng viên')
    setLang('en')
    expect(lang.value).toBe('en')
    expect(t('orgs.count', { n: '2,510', m: '48,560' })).toBe('2,510 organisations, 48,560 members')
    setLang('vi')
  })
  it('labels codes by the names the server gives, and passes unknown ones through', () => {
    setCodeLabels((group, code) => (group === 'kind' && code === 'chi_bo_co_so' ? 'Chi bộ cơ sở' : undefined))
    expect(label('kind', 'chi_bo_co_so')).toBe('Chi bộ cơ sở')
    expect(label('kind', 'khong_co')).toBe('khong_co')
    expect(label('kind', null)).toBe('')
    // a message of this file wins (a word, not a code)
    expect(label('disc', 'org')).toBe('Tổ chức')
  })
  it('copies no list of codes: their names come from /api/codes', () => {
    for (const key of Object.keys(allMessages()))
      expect(/^(kind|status|role|clearance|sex|succession|subtype|purpose|relation|outcome|arrangement|deadline\.level)\./.test(key), key).toBe(false)
  })
})
