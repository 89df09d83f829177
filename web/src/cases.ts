// Cases and deadlines as the server sends them; the kinds' state machines
// come with the other closed sets (codes.ts).
import { lang } from './i18n'
import type { CaseKind, CaseStep } from './codes'

export type { CaseKind, CaseState, CaseStep } from './codes'
export { caseKinds } from './codes'

export interface Deadline {
  rule: string; name: string; name_en: string; start: string; due: string; done: string | null
  working_days: number; used: number; left: number; paused: boolean; level: string
}

export interface CaseBrief {
  id: number; number: string; kind: string; subtype: string | null; title: string; opened: string
  state: string; confidentiality: number; version: number; org: string | null; org_name: string | null
  deadline?: Deadline
}

/** A name in the current language from an object with name / name_en. */
export function nameOf(x: { name: string; name_en: string } | undefined, fallback = ''): string {
  if (!x) return fallback
  return lang.value === 'en' ? x.name_en : x.name
}

/** The steps a user with roles may take from a case's state. */
export function stepsFrom(kind: CaseKind | undefined, state: string, roles: string[]): CaseStep[] {
  if (!kind) return []
  return kind.steps.filter((s) => s.from === state && s.roles.some((r) => roles.includes(r)))
}

/** Element Plus tag type for a deadline level. */
export function levelType(level: string): 'danger' | 'warning' | 'info' | 'success' | 'primary' {
  switch (level) {
    case 'overdue':
    case 'done_late':
      return 'danger'
    case 'late':
      return 'warning'
    case 'early':
      return 'primary'
    case 'done':
      return 'success'
    default:
      return 'info'
  }
}

/** The filters of the case list, as the page holds them. */
export interface CaseFilter { kind: string; state: string; org: string; from: string; to: string; mine: boolean; overdue: boolean; q: string }
export interface SavedView { name: string; filter: CaseFilter }

export const emptyFilter = (): CaseFilter => ({ kind: '', state: '', org: '', from: '', to: '', mine: false, overdue: false, q: '' })

/** The list request's query for a filter (empty parts left out). */
export function filterQuery(f: CaseFilter): Record<string, string | undefined> {
  return {
    kind: f.kind || undefined, state: f.state || undefined, org: f.org.trim() || undefined,
    from: f.from || undefined, to: f.to || undefined, assignee: f.mine ? 'me' : undefined, overdue: f.overdue ? '1' : undefined,
    q: f.q.trim() || undefined,
  }
}

// Saved views live in this browser, per user (a view is only a filter:
// nothing of the records themselves is stored).
const viewsKey = (user: string) => `hoso.caseViews.${user}`

export function loadViews(store: Pick<Storage, 'getItem'>, user: string): SavedView[] {
  try {
    const v = JSON.parse(store.getItem(viewsKey(user)) ?? '[]')
    return Array.isArray(v) ? v.filter((x) => x && typeof x.name === 'string' && x.filter).map((x) => ({ name: x.name, filter: { ...emptyFilter(), ...x.filter } })) : []
  } catch {
    return []
  }
}

/** Saves (or replaces, by name) a view; returns the views, sorted by name. */
export function saveView(store: Pick<Storage, 'getItem' | 'setItem'>, user: string, name: string, filter: CaseFilter): SavedView[] {
  const views = loadViews(store, user).filter((v) => v.name !== name)
  views.push({ name, filter: { ...filter } })
  views.sort((a, b) => a.name.localeCompare(b.name, 'vi'))
  store.setItem(viewsKey(user), JSON.stringify(views))
  return views
}

export function removeView(store: Pick<Storage, 'getItem' | 'setItem'>, user: string, name: string): SavedView[] {
  const views = loadViews(store, user).filter((v) => v.name !== name)
  store.setItem(viewsKey(user), JSON.stringify(views))
  return views
}

/**
 * A case's number with its issuing (handling) organisation: two
 * organisations' registers may give the same number, so a list shows
 * "KT-2026-0006 · Đảng bộ phường Phình Sáng" (the number alone when the
 * reader may not see the organisation).
 */
export function caseLabel(c: Pick<CaseBrief, 'number' | 'org' | 'org_name'>): string {
  const org = c.org_name || c.org
  return org ? `${c.number} · ${org}` : c.number
}
