// Folding for filtering lists in the browser: case and diacritics ignored,
// đ → d, as the server's search does (the server remains the one that
// searches people; this only narrows lists already on screen).
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** Runs fn once typing has paused for ms (the last call wins). */
export function debounce<A extends unknown[]>(fn: (...a: A) => void, ms: number): (...a: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  return (...a: A) => {
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(() => fn(...a), ms)
  }
}
