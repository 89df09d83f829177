// Form errors: what the browser checks as the user types, and what the
// server answers, both shown next to the field they name.
import { reactive } from 'vue'
import { ApiError } from './api'
import { t } from './i18n'

export interface FormErrors {
  fields: Record<string, string>
  general: string
}

export function formErrors(): FormErrors {
  return reactive({ fields: {}, general: '' })
}

/** What to show for a failed request: the server's message, or a general one. */
export function errorText(e: unknown): string {
  return e instanceof ApiError ? e.text() : t('common.error')
}

export function clearErrors(f: FormErrors): void {
  for (const k of Object.keys(f.fields)) delete f.fields[k]
  f.general = ''
}

/** Puts the server's message beside the field it names (or above the form). */
/**
 * Puts a server error next to the field it names, or above the form when it
 * names none — or one the form does not show (when `shown` lists them).
 */
export function showError(f: FormErrors, e: unknown, fieldMap: Record<string, string> = {}, shown?: string[]): void {
  clearErrors(f)
  if (e instanceof ApiError) {
    const field = e.field ? (fieldMap[e.field] ?? e.field) : null
    if (field && (!shown || shown.includes(field))) f.fields[field] = e.text()
    else f.general = e.text()
  } else {
    f.general = errorText(e)
  }
}

/** The message for a required text field left empty, or false. */
export function needed(s: string): string | false {
  return !s.trim() && t('login.required')
}

/**
 * Sends a form: clears its errors, shows the problems the browser finds
 * (field: message, or false when there is none) and stops there if there is
 * one; else awaits send() and shows what the server refuses.  True when sent.
 */
export async function submit(f: FormErrors, problems: Record<string, string | false>, send: () => Promise<unknown>): Promise<boolean> {
  clearErrors(f)
  for (const [field, message] of Object.entries(problems)) if (message) f.fields[field] = message
  if (Object.keys(f.fields).length) return false
  try {
    await send()
    return true
  } catch (e) {
    showError(f, e)
    return false
  }
}

/** An Element Plus validation rule that asks for a value. */
export function required(trigger: 'blur' | 'change' = 'blur') {
  return { required: true, trigger, validator: (_r: unknown, v: unknown, cb: (e?: Error) => void) => (v === '' || v === null || v === undefined ? cb(new Error(t('login.required'))) : cb()) }
}

export function minLength(n: number, key: string) {
  return { trigger: 'change', validator: (_r: unknown, v: string, cb: (e?: Error) => void) => (v && v.length < n ? cb(new Error(t(key))) : cb()) }
}
