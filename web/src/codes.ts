// Every closed set of codes and its names, as the server serves them
// (GET /api/codes, loaded once): the kinds of case with their states and
// steps, and the sets (trip purposes, relations, roles, clearances...). No
// list of codes is copied here: pages take their options and labels from
// this store.
import { reactive } from 'vue'
import { get } from './api'
import { lang, setCodeLabels } from './i18n'

/** One code of a set, with its names (and, for some sets, more: a discipline form's limitation). */
export interface Code { code: string; name: string; name_en: string; [more: string]: unknown }

/** former: kept for old history only (nothing leads there now). */
export interface CaseState { code: string; name: string; name_en: string; final: boolean; paused: boolean; former: boolean }
export interface CaseStep { from: string; to: string; name: string; name_en: string; roles: string[]; conclusion: boolean }
export interface CaseKind {
  code: string; prefix: string; name: string; name_en: string; subtypes: Code[]; states: CaseState[]; steps: CaseStep[]
  figures?: string[]; letters?: boolean
}

export interface Codes { case_kinds: CaseKind[]; sets: Record<string, Code[]> }

export const codes = reactive<{ value: Codes | null }>({ value: null })

let loading: Promise<Codes> | null = null

/** The codes, fetched on the first call only (again after a failure). */
export function loadCodes(): Promise<Codes> {
  loading ??= get<Codes>('/api/codes').then((c) => {
    codes.value = c
    return c
  }).catch((e) => {
    loading = null
    throw e
  })
  return loading
}

/** The codes of a set, in the server's order ([] until loaded). */
export function codeList(set: string): Code[] {
  if (!codes.value) void loadCodes().catch(() => undefined)
  return codes.value?.sets[set] ?? []
}

/** A code's name in the current language, or the code itself when unknown (or not loaded yet). */
export function codeName(set: string, code: string | null | undefined): string {
  if (!code) return ''
  const c = codeList(set).find((x) => x.code === code)
  return c ? (lang.value === 'en' ? c.name_en : c.name) : code
}

/** The kinds of case (loaded once). */
export async function caseKinds(): Promise<CaseKind[]> {
  return (await loadCodes()).case_kinds
}

/** The name of a subtype of kind (a case's type or purpose). */
export function subtypeName(kind: CaseKind | undefined, code: string | null | undefined): string {
  if (!code) return ''
  const s = kind?.subtypes.find((x) => x.code === code)
  return s ? (lang.value === 'en' ? s.name_en : s.name) : code
}

// label(group, code) in i18n.ts: the groups the pages use, named by the set
// that holds their codes.
const groups: Record<string, string> = {
  kind: 'org_kind', status: 'person_status', role: 'role', clearance: 'clearance', sex: 'sex',
  succession: 'succession', level: 'deadline_level', purpose: 'trip_purpose', finding: 'finding_conclusion',
  disc: 'discipline_form', relation: 'relation', outcome: 'appraisal_outcome', arrangement: 'stay_arrangement',
}
setCodeLabels((group, code) => (groups[group] ? codeName(groups[group], code) : undefined))
