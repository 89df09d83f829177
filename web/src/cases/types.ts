// One case as GET /api/cases/{id} (and "hoso case show --json") gives it:
// the core every kind shares and every kind's parts (empty but its own).
import type { CaseBrief, Deadline } from '../cases'

/** A record users may correct: its version, and its withdrawal (null while it stands). */
export interface Withdrawable { version: number; withdrawn_at: string | null; withdrawn_by: number | null; withdraw_reason: string | null }

export interface Letter extends Withdrawable {
  id: number; recipient: string; about: string | null; number: string | null; sent: string; reminders: number
  last_reminder: string | null; escalated: string | null; answered: string | null; result: string | null; version: number; deadline: Deadline
}

export interface Discipline {
  id: number; form: string; form_name: string | null; violation: string; decided: string; limitation_end: string | null
  internal_political: boolean; org?: string | null; org_name?: string | null; person?: number; full_name?: string | null
}

export interface Remedy extends Withdrawable { id: number; action: string; owner: string; due: string; done: string | null; result: string | null; version: number; overdue: boolean }
export interface Finding extends Withdrawable { id: number; subject: number | null; text: string; conclusion: string; remedies: Remedy[] }

export interface Trip { purpose: string; countries: string; depart: string; come_back: string; funding: string | null; in_plan: boolean; version: number }
export interface Traveller extends Withdrawable {
  id: number; person: number; full_name: string | null; leader: boolean; commitment: boolean; departed: string | null
  returned: string | null; report_received: string | null; version: number; authority: string; report_deadline: Deadline | null
}

export interface Stay { country: string; purpose: string; arrangement: string; start: string; expected_end: string; last_contact: string | null; version: number }

export interface Relative extends Withdrawable { id: number; relation: string; full_name: string; is_member: boolean; exempt_reason: string | null }

export interface Appraisal { requester: string | null; outcome: string | null; position: string | null; version: number }

export interface Subject extends Withdrawable { id: number; org?: string | null; org_name?: string | null; person?: number; full_name?: string | null }

export interface Document extends Withdrawable { id: number; number: string | null; date: string; issuer: string | null; title: string; paper?: string | null }

/** The class of a table row withdrawn (struck through). */
export const withdrawnRow = ({ row }: { row: Partial<Withdrawable> }): string => (row.withdrawn_at ? 'withdrawn' : '')

export interface CaseFull extends CaseBrief {
  relatives: Relative[]
  exemptions: { applicant: boolean; spouse_side: boolean }
  stay: Stay | null
  trip: Trip | null
  travellers: Traveller[]
  findings: Finding[]
  /** An inspection's actor (who inspects), once recorded. */
  inspection?: { actor: string; version: number } | null
  letters: Letter[]
  disciplines: Discipline[]
  appraisal: Appraisal | null
  appraisal_documents: Array<{ id: number; name: string; present: boolean }>
  conclusion: string | null
  linked_case: number | null
  /** The cases it is linked with that the reader may see: the one it links
   * to ("linked") and those linking to it ("linked_from"). */
  related: Array<{ id: number; number: string; kind: string; kind_name: string | null; kind_name_en: string | null; state: string; state_name: string | null; state_name_en: string | null; title: string; relation: 'linked' | 'linked_from' }>
  deadlines: Deadline[]
  subjects: Subject[]
  history: Array<{ from: string | null; to: string; date: string; at: string; user: number; username: string | null; user_name: string | null; note: string | null }>
  documents: Array<Document>
  notes: Array<{ id: number; at: string; user: number; username: string | null; user_name: string | null; text: string } & Withdrawable>
  next: CaseNext
  attachments: Array<{ id: number; name: string; type: string; size: number; sha256: string; at: string } & Withdrawable>
  assignees: Array<{ id: number; username: string; full_name: string | null }>
}

/** What the case page gives a kind's panel: the case, whether the user may write; the panel emits "changed" (reload) and "error" (a failed action on a row). */
export interface PanelProps { c: CaseFull; writer: boolean }

/** An empty field of a form as a partial update sends it: null clears. */
export const orNull = (s: string): string | null => (s.trim() ? s : null)

/** What a case waits for, and who may do it (GET /api/cases/{id} "next"). */
export interface CaseNext {
  step: { to: string; name: string; name_en: string } | null
  waiting_for: 'leader' | 'officer' | null
  text: string
  text_en: string
  actors: Array<{ username: string; full_name: string | null }>
}
