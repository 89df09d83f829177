// The e2e harness: a demo province database with the test accounts, the
// real `hoso serve` on 127.0.0.1 (a free port), Debian's chromium driven by
// playwright-core with the flags that keep it off the network. Tests are
// plain async functions; the run ends with "N passed, N failed".
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, appendFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHmac } from 'node:crypto'
import { chromium } from 'playwright-core'

export const root = new URL('../../', import.meta.url).pathname
export const hoso = process.env.HOSO ?? join(root, 'build/hoso')
export const shots = process.env.HOSO_SHOTS ?? join(root, 'tmp/e2e-shots')
export const PASSWORD = 'mat-khau-e2e-2025'

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-extensions', '--metrics-recording-only', '--no-default-browser-check',
]

function cli(db, args, input) {
  return execFileSync(hoso, ['--db', db, ...args], { input, encoding: 'utf8' })
}

/** Creates the demo database and the accounts the tests sign in with. */
export function makeDatabase(dir) {
  const db = join(dir, 'e2e.db')
  cli(db, ['demo', '--scale', 'province'])
  const add = (user, name, roles, org, clearance = 'mat') =>
    cli(db, ['user', 'add', user, '--name', name, '--role', roles, '--org', org, '--clearance', clearance, '--password-stdin'], PASSWORD + '\n')
  add('quantri', 'Nguyễn Văn Quản', 'admin', 'DB', 'toi_mat')
  add('kiemtra', 'Trần Thị Kiểm', 'auditor', 'DB')
  add('canbo', 'Lê Văn Cán', 'officer', 'DB')
  add('xem1', 'Lò Thị Xem', 'viewer', 'DB.X01')
  add('lanhdao1', 'Quàng Văn Lãnh', 'leader', 'DB.X01')
  add('hethan', 'Phạm Văn Hạn', 'admin', 'DB')
  add('khoa', 'Vũ Thị Khóa', 'viewer', 'DB.X01')
  add('doimk', 'Hà Văn Đổi', 'officer', 'DB.X01')
  add('thuly', 'Nguyễn Thị Thụ', 'officer,leader', 'DB')
  add('cbxa1', 'Cà Thị Xã', 'officer', 'DB.X01', 'thuong')
  return db
}

/** Starts `hoso serve` on a free port; resolves with its base URL and a stop function. */
export async function startServer(db) {
  const dist = process.env.HOSO_DIST ?? join(root, 'web/dist')
  const child = spawn(hoso, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--static', dist], { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  const port = await new Promise((resolve, reject) => {
    const onData = (d) => {
      log += d
      const m = /127\.0\.0\.1:(\d+)/.exec(log)
      if (m) resolve(Number(m[1]))
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (c) => reject(new Error(`hoso serve exited (${c}): ${log}`)))
    setTimeout(() => reject(new Error('hoso serve did not start: ' + log)), 15000)
  })
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((r) => { child.on('exit', r); child.kill('SIGTERM') }),
  }
}

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

/** RFC 6238 code (SHA-1, 30 s, 6 digits) of a base32 secret at time t (ms). */
export function totp(secret, t = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const c of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0')
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)))
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(t / 1000 / 30)))
  const h = createHmac('sha1', key).update(counter).digest()
  const o = h[h.length - 1] & 0xf
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3]
  return String(n % 1000000).padStart(6, '0')
}

export class Failure extends Error {}

export function check(cond, what) {
  if (!cond) throw new Failure(what)
}

/** Signs in through the login page and waits to leave it. */
export async function login(page, url, user, password = PASSWORD) {
  await page.goto(url + '/login')
  await page.fill('#login-username', user)
  await page.fill('#login-password', password)
  await page.click('[data-test=login-submit]')
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
}

/** A signed-in API client (plain fetch), for setting up what a test needs. */
export async function apiAs(url, user) {
  const r = await fetch(url + '/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: user, password: PASSWORD }) })
  check(r.ok, `sign in ${user}: ${r.status}`)
  const cookie = r.headers.get('set-cookie').split(';')[0]
  const { csrf } = await r.json()
  return async (method, path, body) => {
    const res = await fetch(url + path, { method, headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined })
    const text = await res.text()
    return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text, headers: res.headers }
  }
}

/** A member of some cell under commune (the first one `accept` takes, if given), found through the API. */
export async function memberUnder(api, commune, accept) {
  const tree = (await api('GET', '/api/orgs')).body.nodes
  const i = tree.findIndex((n) => n.code === commune)
  check(i >= 0, 'no organisation ' + commune)
  for (let k = i + 1; k < tree.length && tree[k].depth > tree[i].depth; k++) {
    if (tree[k].children === 0 && tree[k].members_total > 0) {
      const { members } = (await api('GET', `/api/orgs/${tree[k].code}/members?limit=${accept ? 200 : 1}`)).body
      const m = accept ? members.find(accept) : members[0]
      if (m) return m
    }
  }
  throw new Error('no member under ' + commune)
}

/** Runs the tests in order, each in a fresh browser context; prints the tally. */
export async function run(tests, { keepShots = [] } = {}) {
  // HOSO_E2E_ONLY=regexp runs only the tests whose name matches (while
  // working on them; the whole suite is what counts).
  if (process.env.HOSO_E2E_ONLY) tests = tests.filter(([name]) => new RegExp(process.env.HOSO_E2E_ONLY).test(name))
  rmSync(shots, { recursive: true, force: true })
  mkdirSync(shots, { recursive: true })
  const dir = mkdtempSync(join(tmpdir(), 'hoso-e2e-'))
  const db = makeDatabase(dir)
  const server = await startServer(db)
  const browser = await launchBrowser()
  const budgets = []
  let passed = 0
  let failed = 0
  for (const [name, fn] of tests) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN' })
    const page = await context.newPage()
    const errors = []
    page.on('pageerror', (e) => errors.push(e.message))
    const shot = async (file, opts = {}) => page.screenshot({ path: join(shots, file + '.png'), ...opts })
    try {
      await fn({ page, context, browser, url: server.url, db, shot, budgets, cli: (args, input) => cli(db, args, input) })
      check(errors.length === 0, 'errors in the page: ' + errors.join('; '))
      passed++
      console.log(`ok   ${name}`)
    } catch (e) {
      failed++
      console.log(`FAIL ${name}: ${e.message.split('\n')[0]}`)
      await shot('FAILED-' + name.replace(/\W+/g, '-')).catch(() => undefined)
    } finally {
      await context.close()
    }
  }
  await browser.close()
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
  if (budgets.length) {
    const text = budgets.map((b) => `${b[0]}: ${b[1]}`).join('\n') + '\n'
    mkdirSync(join(root, 'bench/out'), { recursive: true })
    appendFileSync(join(root, 'bench/out/web-budgets.txt'), `== ${new Date().toISOString()}\n` + text)
    console.log(text.trimEnd())
  }
  if (process.env.HOSO_KEEP_SCREENSHOTS) {
    const out = join(root, 'docs/screenshots')
    mkdirSync(out, { recursive: true })
    // With HOSO_E2E_ONLY some were not taken: those keep their old copy.
    for (const f of keepShots) {
      if (existsSync(join(shots, f + '.png'))) execFileSync('cp', [join(shots, f + '.png'), join(out, f + '.png')])
      else console.log(`(no ${f}.png this run: docs/screenshots keeps its copy)`)
    }
  }
  console.log(`${passed} passed, ${failed} failed`)
  return failed === 0
}

export { writeFileSync }

/** Opens the cases page's dialog for a new case and types its title (signed in already). */
export async function newCase(page, url, title) {
  await page.goto(url + '/cases')
  await page.click('[data-test=case-new]')
  await page.fill('#case-title', title)
}

/** Adds a remedial action, with who carries it out, through a finding's "new remedy" button `button` (a locator). */
export async function addRemedy(page, button, action, owner) {
  await button.click()
  await page.fill('#remedy-action', action)
  await page.fill('#remedy-owner', owner)
  await page.click('[data-test=remedy-save]')
}

/** Records a remedial action done, with its result, through its "done" button `button` (a locator). */
export async function remedyDone(page, button, result) {
  await button.click()
  await page.fill('#remedy-result', result)
  await page.click('[data-test=remedy-close]')
}

/**
 * Chooses in a picker (web/src/components/*Picker.vue: a select whose input
 * is `selector`) as a person does: types `text`, then clicks the offered
 * option `option` (its data-test, e.g. "org-DB.X01" or "person-123"), and
 * closes the list when several may be chosen.
 */
export async function pick(page, selector, text, option) {
  await page.locator('.el-select', { has: page.locator(selector) }).click()
  await page.keyboard.type(text, { delay: 15 })
  const item = page.locator(`.el-select-dropdown__item[data-test="${option}"]:visible`).first()
  await item.waitFor()
  await item.click()
  if (!(await page.locator('.el-select-dropdown:visible').count())) return
  // several may be chosen: the list stays open; a click beside it closes it
  const header = page.locator('.el-dialog__header:visible')
  if (await header.count()) await header.first().click()
  else await page.locator('h1').first().click()
}
