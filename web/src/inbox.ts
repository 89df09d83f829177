// The signed-in user's inbox (GET /api/notices): the unread count the bell
// shows. It is refreshed when the user moves to another page or comes back
// to the window, never on a timer: a timer would keep an idle session alive
// past its timeout.
import { reactive } from 'vue'
import { get, post, session } from './api'
import type { CaseBrief } from './cases'

export interface Notice {
  id: number
  kind: 'assigned' | 'waiting' | 'early' | 'late' | 'overdue' | 'escalated'
  text: string
  text_en: string
  at: string
  read: boolean
  case: CaseBrief
}

export interface Inbox {
  unread: number
  notices: Notice[]
}

export const inbox = reactive({ unread: 0 })

/** Asks the server how many notices are unread (errors leave the count). */
export async function refreshUnread(): Promise<void> {
  if (!session.user) return
  try {
    inbox.unread = (await get<Inbox>('/api/notices', { limit: 0 })).unread
  } catch {
    /* the bell keeps its count; the page in front shows its own errors */
  }
}

export async function loadInbox(unreadOnly: boolean): Promise<Inbox> {
  const r = await get<Inbox>('/api/notices', { limit: 100, unread: unreadOnly ? 1 : undefined })
  inbox.unread = r.unread
  return r
}

/** Marks one notice read, or all of them (id undefined). */
export async function markRead(id?: number): Promise<void> {
  await post('/api/notices/read', id === undefined ? {} : { id })
  await refreshUnread()
}

/** "99+" past what the server counts. */
export function unreadLabel(n: number): string {
  return n > 99 ? '99+' : String(n)
}
