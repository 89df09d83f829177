// The remote search behind the organisation and person pickers (an
// Element Plus select with remote-method): the hits for what is typed,
// with the values already chosen kept first among them, so that their
// names stay shown while another search runs.
import { ref, type Ref } from 'vue'

/** A picker's model as a list of values: [] for none, [v] for one. */
export function chosenList<K>(v: K | K[] | null | undefined): K[] {
  if (Array.isArray(v)) return v
  return v === null || v === undefined || v === '' ? [] : [v]
}

/**
 * The options of a picker: `search(q)` asks `fetch` for what q finds and
 * puts the chosen values (`chosen()`, by `keyOf`) that it did not find
 * before them; a blank q leaves the chosen ones only. A failed search
 * leaves no option. `loading` is true while a search runs.
 */
export function useRemoteSearch<T, K>(fetch: (q: string) => Promise<T[]>, keyOf: (x: T) => K, chosen: () => K[]) {
  const found = ref([]) as Ref<T[]>
  const loading = ref(false)
  const known = new Map<K, T>()
  const keptBesides = (hits: T[]) =>
    chosen().map((k) => known.get(k)).filter((x): x is T => x !== undefined && !hits.some((h) => keyOf(h) === keyOf(x)))

  async function search(q: string): Promise<void> {
    if (!q.trim()) {
      found.value = keptBesides([])
      return
    }
    loading.value = true
    try {
      const hits = await fetch(q.trim())
      for (const h of hits) known.set(keyOf(h), h)
      found.value = [...keptBesides(hits), ...hits]
    } catch {
      found.value = []
    } finally {
      loading.value = false
    }
  }
  return { found, loading, search }
}
