import { describe, expect, it, vi } from 'vitest'
import { debounce, fold } from './text'

describe('fold', () => {
  it('ignores case, diacritics and đ', () => {
    expect(fold('Lò Văn Muôn')).toBe('lo van muon')
    expect(fold('ĐẢNG BỘ Xã  Mường Phăng')).toBe('dang bo xa muong phang')
    expect(fold('Quàng Thị Hoà')).toBe(fold('quang thi hoa'))
  })
  it('treats composed and decomposed input alike', () => {
    expect(fold('Nguyễn'.normalize('NFD'))).toBe(fold('Nguyễn'.normalize('NFC')))
  })
})

describe('debounce', () => {
  it('runs once, with the last arguments, after the pause', () => {
    vi.useFakeTimers()
    const seen: string[] = []
    const f = debounce((s: string) => seen.push(s), 60)
    f('l'); f('lo'); f('lo v')
    vi.advanceTimersByTime(59)
    expect(seen).toEqual([])
    vi.advanceTimersByTime(1)
    expect(seen).toEqual(['lo v'])
    vi.useRealTimers()
  })
})
