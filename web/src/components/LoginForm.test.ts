import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import LoginForm from './LoginForm.vue'
import { session } from '../api'
import { setLang } from '../i18n'

// The server is replaced here by canned answers of the shapes it really
// sends (see docs/openapi.yaml); the e2e tests talk to the real one.
function answer(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }))
}

// The form mounted, its fields filled (an empty one left blank) and sent.
async function sent(username = '', password = '') {
  const w = mount(LoginForm, { attachTo: document.body })
  await flushPromises()
  if (username) await w.find('#login-username').setValue(username)
  if (password) await w.find('#login-password').setValue(password)
  await w.find('form').trigger('submit')
  await flushPromises()
  return w
}

afterEach(() => {
  vi.unstubAllGlobals()
  session.user = null
})

describe('LoginForm', () => {
  it('asks for what is missing before sending anything', async () => {
    setLang('vi')
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const w = await sent()
    expect(fetch).not.toHaveBeenCalled()
    // Both fields are marked (the message itself sits in a transition that
    // the test renderer stubs; the e2e tests read it in the browser).
    expect(w.findAll('.el-form-item.is-error')).toHaveLength(2)
  })

  it('asks for the second factor when the server names the otp field, then signs in', async () => {
    const user = { id: 3, username: 'canbo', full_name: 'Lê Văn Cán', roles: ['officer'], clearance: 'mat', org: 'DB' }
    const fetch = vi.fn()
      .mockImplementationOnce(() => answer(401, { error: { code: 'auth_required', message: 'Cần mã xác thực hai lớp', message_en: 'Code needed', field: 'otp' } }))
      .mockImplementationOnce(() => answer(200, { user, csrf: 'abc' }))
    vi.stubGlobal('fetch', fetch)
    const w = await sent('canbo', 'mat-khau-dai-du')
    expect(w.find('#login-otp').exists()).toBe(true)
    await w.find('#login-otp').setValue('123456')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(JSON.parse(fetch.mock.calls[1][1].body)).toEqual({ username: 'canbo', password: 'mat-khau-dai-du', otp: '123456' })
    expect(session.user?.username).toBe('canbo')
    expect(session.csrf).toBe('abc')
    expect(w.emitted('done')).toHaveLength(1)
  })

  it('shows the server\'s message for a wrong password, in the chosen language', async () => {
    setLang('en')
    vi.stubGlobal('fetch', vi.fn(() => answer(429, { error: { code: 'locked', message: 'Tài khoản tạm khóa', message_en: 'Account locked for a while' } })))
    const w = await sent('khoa', 'sai-mat-khau')
    expect(w.find('[data-test=login-error]').text()).toContain('Account locked for a while')
    setLang('vi')
  })
})
