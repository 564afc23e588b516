import assert from 'node:assert/strict'
import { PassThrough } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { buildApp } from '../app.ts'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { Client, visibleText } from '../../test/helpers/client.ts'
import { createMunicipality, createUser, signIn } from '../../test/helpers/factories.ts'

describe('web shell', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  test('every page is sent with a strict Content Security Policy and security headers', async () => {
    const response = await new Client(t.app).get('/aanmelden')
    const csp = String(response.headers['content-security-policy'])
    assert.match(csp, /default-src 'self'/)
    assert.match(csp, /script-src 'self'(;|$)/)
    assert.match(csp, /style-src 'self'(;|$)/)
    assert.match(csp, /frame-ancestors 'none'/)
    assert.doesNotMatch(csp, /unsafe-inline/)
    assert.equal(response.headers['x-content-type-options'], 'nosniff')
    assert.doesNotMatch(response.body, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline scripts')
    assert.doesNotMatch(response.body, /\sstyle="/, 'no inline styles')
  })

  test('session and CSRF cookies are HttpOnly and SameSite', async () => {
    const user = await createUser(t.db, { municipalityId: (await createMunicipality(t.db)).id })
    const client = new Client(t.app)
    await client.token()
    const response = await client.post('/aanmelden', { email: user.email, password: user.password })
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? [])
    const session = cookies.find((c) => c.startsWith('welkom_session='))!
    assert.match(session, /HttpOnly/)
    assert.match(session, /SameSite=Lax/)
  })

  test('an unknown address shows a 404 page in the language of the browser', async () => {
    const dutch = await new Client(t.app).get('/bestaat-niet')
    assert.equal(dutch.statusCode, 404)
    assert.match(visibleText(dutch.body), /Pagina niet gevonden/)
    const english = await new Client(t.app).get('/does-not-exist', { 'accept-language': 'en-GB,en;q=0.9' })
    assert.equal(english.statusCode, 404)
    assert.match(english.body, /<html lang="en"/)
    assert.match(visibleText(english.body), /Page not found/)
    const french = await new Client(t.app).get('/nexiste-pas', { 'accept-language': 'fr-BE' })
    assert.match(visibleText(french.body), /Page introuvable/)
  })

  test('the language switch keeps the choice for the person and their account', async () => {
    const user = await createUser(t.db, { municipalityId: (await createMunicipality(t.db)).id })
    const client = await signIn(t.app, user)
    const switched = await client.post('/taal', { taal: 'fr', terug: '/account' })
    assert.equal(switched.headers.location, '/account')
    const page = await client.get('/account')
    assert.match(page.body, /<html lang="fr"/)
    assert.equal((await t.db.selectFrom('users').select('locale').where('id', '=', user.id).executeTakeFirstOrThrow()).locale, 'fr')
    const offsite = await client.post('/taal', { taal: 'en', terug: 'https://evil.example/' })
    assert.equal(offsite.headers.location, '/')
  })

  test('health checks answer without a session', async () => {
    assert.deepEqual((await t.app.inject({ url: '/healthz' })).json(), { status: 'ok' })
    assert.deepEqual((await t.app.inject({ url: '/readyz' })).json(), { status: 'ok' })
  })

  test("the municipality's colour is served as a stylesheet, never inline", async () => {
    const municipality = await createMunicipality(t.db, { themeColor: '#8a1538' })
    const css = await t.app.inject({ url: `/thema/${municipality.id}.css` })
    assert.equal(css.statusCode, 200)
    assert.match(css.headers['content-type'] as string, /text\/css/)
    assert.equal(css.body.trim(), ':root { --brand: #8a1538; }')
    assert.equal((await t.app.inject({ url: '/thema/unknown.css' })).statusCode, 404)
  })

  test('navigation shows each role only what it can use', async () => {
    const municipality = await createMunicipality(t.db)
    const staff = await signIn(t.app, await createUser(t.db, { municipalityId: municipality.id, role: 'staff' }))
    const admin = await signIn(t.app, await createUser(t.db, { municipalityId: municipality.id, role: 'municipality_admin' }))
    const staffNav = (await staff.get('/')).body
    const adminNav = (await admin.get('/')).body
    assert.doesNotMatch(staffNav, /href="\/beheer\/medewerkers"/)
    assert.match(adminNav, /href="\/beheer\/medewerkers"/)
    assert.match(adminNav, /href="\/beheer\/audit"/)
  })
})

describe('failures', () => {
  test('an unexpected error shows a 500 page with an error id that is also in the log, and no stack trace', async () => {
    const t = await createTestApp()
    const log = new PassThrough()
    let logged = ''
    log.on('data', (chunk) => (logged += chunk))
    const app = await buildApp({ ...t.services, config: { ...t.config, logLevel: 'error' } }, { logStream: log })
    try {
      const user = await createUser(t.db, { municipalityId: (await createMunicipality(t.db)).id })
      const client = await signIn(app, user)
      // Break the database under the running app: loading the session now throws.
      await t.db.schema.dropTable('sessions').execute()
      const response = await client.get('/account')
      assert.equal(response.statusCode, 500)
      const errorId = /class="error-id">([^<]+)</.exec(response.body)?.[1]
      assert.ok(errorId, 'the page shows an error id')
      assert.match(visibleText(response.body), /Er ging iets mis/)
      assert.doesNotMatch(response.body, /at .*\.ts:\d+/, 'no stack trace')
      assert.ok(logged.includes(errorId!), 'the same id is in the log')
      assert.doesNotMatch(logged, new RegExp(user.email.replace('.', '\\.')), 'no personal data in the log')
    } finally {
      await app.close()
      await t.close()
    }
  })
})
