// The one way the UI talks to hoso: JSON over fetch, the session's CSRF
// token on every state-changing request, errors as ApiError with the
// server's code, field and messages. When the session has ended (401 on
// anything but sign-in), the request waits while the login dialog is shown
// and is then sent again, so the page underneath — and whatever the user
// was typing in it — stays as it was.
import { reactive } from 'vue'
import { lang } from './i18n'

export interface User {
  id: number
  username: string
  full_name: string
  roles: string[]
  clearance: string
  org: string
  org_name?: string
}

export const session = reactive({
  user: null as User | null,
  csrf: '',
  /** true while the login dialog is open because the session ended */
  expired: false,
})

export class ApiError extends Error {
  status: number
  code: string
  field: string | null
  messageVi: string
  messageEn: string

  constructor(status: number, code: string, vi: string, en: string, field: string | null) {
    super(en || vi || code)
    this.status = status
    this.code = code
    this.field = field
    this.messageVi = vi
    this.messageEn = en
  }

  /** The message in the current language. */
  text(): string {
    return (lang.value === 'en' ? this.messageEn : this.messageVi) || this.messageVi || this.code
  }
}

let waiters: Array<() => void> = []

/** Called by the login dialog once the user has signed in again. */
export function sessionRenewed(): void {
  session.expired = false
  const w = waiters
  waiters = []
  for (const f of w) f()
}

function waitForLogin(): Promise<void> {
  session.expired = true
  return new Promise((resolve) => waiters.push(resolve))
}

export type Query = Record<string, string | number | boolean | null | undefined>

export function withQuery(path: string, q?: Query): string {
  if (!q) return path
  const parts: string[] = []
  for (const [k, v] of Object.entries(q)) {
    if (v === null || v === undefined || v === '' || v === false) continue
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v === true ? '1' : String(v))}`)
  }
  return parts.length ? `${path}?${parts.join('&')}` : path
}

async function parseError(res: Response): Promise<ApiError> {
  try {
    const body = await res.json()
    const e = body?.error ?? {}
    return new ApiError(res.status, e.code ?? 'http_' + res.status, e.message ?? '', e.message_en ?? '', e.field ?? null)
  } catch {
    return new ApiError(res.status, 'http_' + res.status, `Lỗi máy chủ (${res.status})`, `Server error (${res.status})`, null)
  }
}

async function send<T>(method: string, path: string, body: BodyInit | undefined, contentType: string | undefined, query?: Query): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (contentType) headers['Content-Type'] = contentType
  if (method !== 'GET' && session.csrf) headers['X-CSRF-Token'] = session.csrf
  let res: Response
  try {
    res = await fetch(withQuery(path, query), { method, headers, body, credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ', 'Cannot reach the server', null)
  }
  if (res.ok) return (await res.json()) as T
  const err = await parseError(res)
  const signingIn = path === '/api/session' && (method === 'POST' || method === 'GET')
  // A 401 naming a field (a wrong current password, a wrong code) is about the
  // input; without a field it means the session is gone.
  if (res.status === 401 && err.code === 'auth_required' && !err.field && !signingIn && session.user) {
    await waitForLogin()
    return send<T>(method, path, body, contentType, query)
  }
  throw err
}

export async function api<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  return body === undefined
    ? send<T>(method, path, undefined, undefined, query)
    : send<T>(method, path, JSON.stringify(body), 'application/json', query)
}

/** Sends a file as the request body (POST, application/octet-stream). */
export const upload = <T>(path: string, file: Blob, query?: Query) => send<T>('POST', path, file, 'application/octet-stream', query)

export const get = <T>(path: string, query?: Query) => api<T>('GET', path, undefined, query)
export const post = <T>(path: string, body: unknown) => api<T>('POST', path, body)
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body)
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body)
export const del = <T>(path: string, query?: Query) => api<T>('DELETE', path, undefined, query)

interface SessionReply {
  user: User
  csrf: string
}

/** Asks the server who is signed in (at start-up); false when nobody. */
export async function loadSession(): Promise<boolean> {
  try {
    const s = await api<SessionReply>('GET', '/api/session')
    session.user = s.user
    session.csrf = s.csrf
    return true
  } catch {
    session.user = null
    session.csrf = ''
    return false
  }
}

export async function login(username: string, password: string, otp?: string): Promise<void> {
  const body: Record<string, string> = { username, password }
  if (otp) body.otp = otp
  const s = await api<SessionReply>('POST', '/api/session', body)
  const sameUser = !session.user || session.user.username === s.user.username
  session.user = s.user
  session.csrf = s.csrf
  if (session.expired && sameUser) sessionRenewed()
}

export async function logout(everywhere = false): Promise<void> {
  try {
    await api('DELETE', '/api/session', undefined, everywhere ? { all: 1 } : undefined)
  } finally {
    session.user = null
    session.csrf = ''
  }
}

export function hasRole(...roles: string[]): boolean {
  return !!session.user && session.user.roles.some((r) => roles.includes(r))
}
