import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { Client, visibleText } from '../../test/helpers/client.ts'
import { createMunicipality, createUser, signIn, TEST_PASSWORD } from '../../test/helpers/factories.ts'
import { decideSignIn, passwordProblem, safeReturnPath, LOCK_AFTER_FAILURES } from './accounts.ts'
import { timeStep, totpCode } from './totp.ts'

describe('sign-in rules', () => {
  const account = { disabled: false, lockedUntil: null, failedSignIns: 0, hasSecondFactor: false }
  const now = new Date('2026-03-01T10:00:00Z')

  test('the fifth wrong password locks the account for 15 minutes', () => {
    const decision = decideSignIn({ ...account, failedSignIns: LOCK_AFTER_FAILURES - 1 }, false, now)
    assert.deepEqual(decision, { outcome: 'refused', reason: 'locked', lockUntil: new Date('2026-03-01T10:15:00Z') })
  })

  test('a locked account is refused even with the right password', () => {
    assert.deepEqual(decideSignIn({ ...account, lockedUntil: new Date('2026-03-01T10:05:00Z') }, true, now), { outcome: 'refused', reason: 'locked' })
  })

  test('an unknown address and a disabled account are refused like a wrong password', () => {
    assert.deepEqual(decideSignIn(null, false, now), { outcome: 'refused', reason: 'invalid' })
    assert.deepEqual(decideSignIn({ ...account, disabled: true }, true, now), { outcome: 'refused', reason: 'invalid' })
  })

  test('an account with a second factor asks for the code after the password', () => {
    assert.deepEqual(decideSignIn({ ...account, hasSecondFactor: true }, true, now), { outcome: 'second_factor' })
  })

  test('passwords shorter than 12 characters or equal to the address are refused', () => {
    assert.equal(passwordProblem('kort', 'a@b.be'), 'accounts.password.tooShort')
    assert.equal(passwordProblem('a@b.be-a@b.be', 'a@b.be-a@b.be'), 'accounts.password.isEmail')
    assert.equal(passwordProblem('een lange zin als wachtwoord', 'a@b.be'), null)
  })

  test('after sign-in only local paths are followed', () => {
    assert.equal(safeReturnPath('/beheer/audit'), '/beheer/audit')
    assert.equal(safeReturnPath('//evil.example'), '/')
    assert.equal(safeReturnPath('https://evil.example'), '/')
    assert.equal(safeReturnPath('/\\evil.example'), '/')
  })
})

describe('signing in', () => {
  let t: TestApp
  let municipalityId: string
  before(async () => {
    t = await createTestApp()
    municipalityId = (await createMunicipality(t.db, { name: 'Mol' })).id
  })
  after(() => t.close())

  test('a staff member signs in, sees the home page of their municipality, and the sign-in is audited', async () => {
    const user = await createUser(t.db, { municipalityId, name: 'Jonas Janssens' })
    const client = await signIn(t.app, user)
    const home = await client.get('/')
    assert.equal(home.statusCode, 200)
    assert.match(visibleText(home.body), /Welkom, Jonas Janssens/)
    assert.match(visibleText(home.body), /U werkt voor Mol als medewerker/)
    const events = await t.db.selectFrom('audit_events').selectAll().where('actor_user_id', '=', user.id).execute()
    assert.deepEqual(events.map((e) => e.action), ['account.signed_in'])
  })

  test('pages need a session: without one you are sent to sign in and brought back afterwards', async () => {
    const user = await createUser(t.db, { municipalityId })
    const client = new Client(t.app)
    const response = await client.get('/account')
    assert.equal(response.statusCode, 303)
    assert.equal(response.headers.location, '/aanmelden?terug=%2Faccount')
    const signedIn = await client.post('/aanmelden?terug=%2Faccount', { email: user.email, password: user.password })
    assert.equal(signedIn.headers.location, '/account')
  })

  test('a wrong password re-renders the form with an error summary and keeps the e-mail address', async () => {
    const user = await createUser(t.db, { municipalityId })
    const client = new Client(t.app)
    const response = await client.post('/aanmelden', { email: user.email, password: 'wrong password!!' })
    assert.equal(response.statusCode, 400)
    assert.match(response.body, /<title>Fout: Aanmelden/)
    assert.match(visibleText(response.body), /Er is een probleem Het e-mailadres of het wachtwoord klopt niet/)
    assert.match(response.body, new RegExp(`value="${user.email}"`))
    assert.doesNotMatch(response.body, /wrong password/, 'the password is never echoed')
  })

  test('an empty form names both missing fields', async () => {
    const response = await new Client(t.app).post('/aanmelden', { email: '', password: '' })
    assert.equal(response.statusCode, 400)
    assert.match(visibleText(response.body), /Vul een e-mailadres in/)
    assert.match(visibleText(response.body), /Vul uw wachtwoord in/)
  })

  test('five wrong passwords lock the account: the right password is then refused too', async () => {
    const user = await createUser(t.db, { municipalityId })
    const client = new Client(t.app)
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) await client.post('/aanmelden', { email: user.email, password: `wrong-${i}-password` })
    const response = await client.post('/aanmelden', { email: user.email, password: user.password })
    assert.equal(response.statusCode, 400)
    assert.match(visibleText(response.body), /15 minuten geblokkeerd/)
    const actions = (await t.db.selectFrom('audit_events').select('action').where('actor_user_id', '=', user.id).execute()).map((e) => e.action)
    assert.ok(actions.includes('account.locked'))
  })

  test('wrong passwords during a lock-out do not count towards the next one', async () => {
    const user = await createUser(t.db, { municipalityId })
    const client = new Client(t.app)
    for (let i = 0; i < LOCK_AFTER_FAILURES + 3; i++) await client.post('/aanmelden', { email: user.email, password: `wrong-${i}-password` })
    const row = await t.db.selectFrom('users').select(['failed_sign_ins', 'locked_until_at']).where('id', '=', user.id).executeTakeFirstOrThrow()
    assert.equal(row.failed_sign_ins, 0)
    assert.ok(row.locked_until_at! > new Date())
  })

  test('a form posted without its CSRF token is refused and changes nothing', async () => {
    const user = await createUser(t.db, { municipalityId })
    const response = await new Client(t.app).post('/aanmelden', { email: user.email, password: user.password }, { csrf: false })
    assert.equal(response.statusCode, 403)
    assert.match(visibleText(response.body), /Het formulier is verlopen/)
    assert.equal(response.headers['set-cookie']?.toString().includes('welkom_session'), false)
  })

  test('signing out ends the session on the server', async () => {
    const user = await createUser(t.db, { municipalityId })
    const client = await signIn(t.app, user)
    const session = client.cookie('welkom_session')!
    await client.post('/afmelden')
    const replay = new Client(t.app)
    replay.setCookie('welkom_session', session)
    assert.equal((await replay.get('/')).statusCode, 303, 'the old cookie no longer works')
  })

  test('"sign out everywhere" ends every other session of the person but keeps this one', async () => {
    const user = await createUser(t.db, { municipalityId })
    const laptop = await signIn(t.app, user)
    const phone = await signIn(t.app, user)
    const account = await laptop.get('/account')
    assert.match(visibleText(account.body), /dit toestel/)
    await laptop.post('/account/overal-afmelden')
    assert.equal((await phone.get('/')).statusCode, 303)
    assert.equal((await laptop.get('/')).statusCode, 200)
  })

  test('the sign-in page hides demo accounts outside demo mode', async () => {
    const page = await new Client(t.app).get('/aanmelden')
    assert.doesNotMatch(page.body, /Demo-accounts/)
  })

  test('in demo mode the sign-in page lists the demo accounts and their password', async () => {
    const demo = await createTestApp({ DEMO: 'true' })
    try {
      const text = visibleText((await new Client(demo.app).get('/aanmelden')).body)
      assert.match(text, /Demo-accounts/)
      assert.match(text, /het wachtwoord welkom-demo-2026/)
      assert.match(text, /admin@mol\.example – beheerder Mol/)
    } finally {
      await demo.close()
    }
  })
})

describe('password reset', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  async function lastMailTo(email: string) {
    await t.runJobs()
    return t.db.selectFrom('mail_messages').selectAll().where('to_address', '=', email).orderBy('created_at', 'desc').executeTakeFirstOrThrow()
  }

  test('the e-mailed link sets a new password once, signs out old sessions, and the new password works', async () => {
    const municipality = await createMunicipality(t.db)
    const user = await createUser(t.db, { municipalityId: municipality.id })
    const oldSession = await signIn(t.app, user)
    const client = new Client(t.app)
    const requested = await client.post('/wachtwoord-vergeten', { email: user.email.toUpperCase() })
    assert.match(visibleText(requested.body), /Als er een account is met dit e-mailadres/)
    const mail = await lastMailTo(user.email)
    assert.equal(mail.status, 'sent')
    const link = /http:\/\/localhost:3000(\/wachtwoord-herstellen\/\S+)/.exec(mail.text_body)![1]!

    assert.equal((await client.get(link)).statusCode, 200)
    const mismatch = await client.post(link, { password: 'een nieuw lang wachtwoord', confirmation: 'iets anders' })
    assert.equal(mismatch.statusCode, 400)
    assert.match(visibleText(mismatch.body), /De twee wachtwoorden zijn niet gelijk/)
    const tooShort = await client.post(link, { password: 'kort', confirmation: 'kort' })
    assert.match(visibleText(tooShort.body), /minstens 12 tekens/)

    const done = await client.post(link, { password: 'een nieuw lang wachtwoord', confirmation: 'een nieuw lang wachtwoord' })
    assert.equal(done.statusCode, 303)
    assert.equal((await oldSession.get('/')).statusCode, 303, 'old sessions end with the old password')
    await signIn(t.app, { email: user.email, password: 'een nieuw lang wachtwoord' })
    const reused = await client.post(link, { password: 'nog een ander wachtwoord', confirmation: 'nog een ander wachtwoord' })
    assert.equal(reused.statusCode, 404)
    assert.match(visibleText(reused.body), /verlopen of al gebruikt/)
  })

  test('an unknown address gets the same answer and no e-mail', async () => {
    const response = await new Client(t.app).post('/wachtwoord-vergeten', { email: 'niemand@example.org' })
    assert.equal(response.statusCode, 200)
    assert.match(visibleText(response.body), /Als er een account is met dit e-mailadres/)
    await t.runJobs()
    assert.equal((await t.db.selectFrom('mail_messages').selectAll().where('to_address', '=', 'niemand@example.org').execute()).length, 0)
  })

  test('a malformed address is named in the form', async () => {
    const response = await new Client(t.app).post('/wachtwoord-vergeten', { email: 'geen-adres' })
    assert.equal(response.statusCode, 400)
    assert.match(visibleText(response.body), /Vul een e-mailadres in zoals naam@gemeente.be/)
    assert.match(response.body, /value="geen-adres"/)
  })
})

describe('second factor', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  test('enrolling needs a valid code; afterwards sign-in asks for the code and refuses a replayed one', async () => {
    const municipality = await createMunicipality(t.db)
    const user = await createUser(t.db, { municipalityId: municipality.id })
    const client = await signIn(t.app, user)
    const page = await client.get('/account/tweestapsverificatie')
    assert.match(page.body, /<svg/)
    const secret = /class="secret">([A-Z2-7 ]+)</.exec(page.body)![1]!.replace(/ /g, '')

    const wrong = await client.post('/account/tweestapsverificatie', { code: '000000' })
    assert.equal(wrong.statusCode, 400)
    assert.match(visibleText(wrong.body), /Deze code klopt niet/)
    const enrolStep = timeStep(new Date())
    assert.equal((await client.post('/account/tweestapsverificatie', { code: totpCode(secret, enrolStep) })).statusCode, 303)
    const stored = await t.db.selectFrom('users').select(['totp_secret']).where('id', '=', user.id).executeTakeFirstOrThrow()
    assert.ok(stored.totp_secret && !stored.totp_secret.includes(secret), 'the secret is stored encrypted')

    const next = new Client(t.app)
    const afterPassword = await next.post('/aanmelden', { email: user.email, password: TEST_PASSWORD })
    assert.equal(afterPassword.headers.location, '/aanmelden/code')
    assert.equal((await next.get('/')).statusCode, 303, 'no access before the code')
    const replayed = await next.post('/aanmelden/code', { code: totpCode(secret, enrolStep) })
    assert.equal(replayed.statusCode, 400, 'a code already used cannot be used again')
    const ok = await next.post('/aanmelden/code', { code: totpCode(secret, enrolStep + 1) })
    assert.equal(ok.statusCode, 303)
    assert.equal((await next.get('/')).statusCode, 200)
    const actions = (await t.db.selectFrom('audit_events').select('action').where('actor_user_id', '=', user.id).execute()).map((e) => e.action)
    assert.ok(actions.includes('account.second_factor_enabled'))
    assert.ok(actions.includes('account.second_factor_failed'))
  })
})

describe('rate limits', () => {
  test('many sign-in attempts from one address are slowed down with a translated page', async () => {
    const t = await createTestApp()
    try {
      const client = new Client(t.app)
      let last = 0
      for (let i = 0; i < 21; i++) last = (await client.post('/aanmelden', { email: `x${i}@example.org`, password: 'whatever-password' })).statusCode
      assert.equal(last, 429)
      const page = await client.post('/aanmelden', { email: 'y@example.org', password: 'whatever-password' })
      assert.match(visibleText(page.body), /Te veel pogingen/)
      assert.ok(Number(page.headers['retry-after']) > 0)
    } finally {
      await t.close()
    }
  })
})
