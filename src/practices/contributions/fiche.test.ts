import assert from 'node:assert/strict'
import { after, afterEach, before, beforeEach, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { Client, visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createUser, signIn } from '../../../test/helpers/factories.ts'
import { findMunicipalityByNis } from '../../municipalities/municipalities-queries.ts'
import { paths } from '../../paths.ts'
import { loadReferenceData } from '../reference-data.ts'
import { confirmPathIn, ficheFields, mails, postForm, submissions } from './contribution-test-support.ts'

const XSS = '<img src=x onerror=alert(1)>'

describe(`submitting a practice (the fiche) on ${suiteDialect()}`, () => {
  let t: TestApp
  let molId: string
  beforeEach(async () => {
    t = await createTestApp()
    await loadReferenceData(t.db)
    molId = (await findMunicipalityByNis(t.db, '13025'))!.id
  })
  afterEach(() => t.close())

  test('the form offers the categories, the target groups and every municipality, with nothing preselected for a visitor', async () => {
    const page = await new Client(t.app).get(paths.practiceSubmit())
    assert.equal(page.statusCode, 200)
    const text = visibleText(page.body)
    for (const label of ['Onthaalbeleid', 'Taal en Nederlands oefenen', 'Nieuwe inwoners', 'Mol', 'Tienen', 'Uw e-mailadres']) assert.ok(text.includes(label), label)
    assert.match(page.body, /<input id="field-homepage" name="homepage" type="text" tabindex="-1" autocomplete="off" value\/>/)
    assert.match(page.body, /<option value selected>Kies een gemeente<\/option>/)
  })

  test('a complete fiche is stored unconfirmed, e-mails a link, and confirming it makes it pending once', async () => {
    const visitor = new Client(t.app)
    const sent = await postForm(visitor, paths.practiceSubmit(), ficheFields(molId))
    assert.equal(sent.statusCode, 303)
    assert.equal(sent.headers.location, '/praktijken/indienen?klaar=mail')
    assert.match(visibleText((await visitor.get(sent.headers.location)).body), /Kijk in uw mailbox .* Klik binnen 7 dagen op die link/)

    const [row] = await submissions(t)
    assert.equal(row!.status, 'unconfirmed')
    assert.equal(row!.kind, 'new_practice')
    assert.equal(row!.practice_id, null)
    assert.equal(row!.submitter_email, 'an.peeters@example.org')
    assert.equal(row!.submitter_municipality_id, molId)
    assert.equal(row!.submitter_user_id, null)
    assert.match(row!.confirm_token_hash!, /^[0-9a-f]{64}$/)
    assert.deepEqual(row!.payload_json, {
      kind: 'new_practice',
      practice: {
        title: 'Buddywerking voor nieuwkomers',
        summary: 'Vrijwilligers helpen nieuwkomers hun weg te vinden in de gemeente.',
        categories: ['onthaalbeleid', 'participatie'],
        targetGroups: ['nieuwkomers'],
        goals: ['Nieuwkomers leren de gemeente kennen', 'Vrijwilligers en nieuwkomers ontmoeten elkaar'],
        targetGroup: 'Nieuwkomers die minder dan een jaar in de gemeente wonen',
        description: 'Elke nieuwkomer krijgt een buddy.\nSamen gaan ze naar de bibliotheek, de sportclub en de markt.',
        partners: 'Het Agentschap Integratie en Inburgering',
        resources: [
          { label: 'Handleiding buddywerking', url: 'https://www.example.org/handleiding' },
          { label: 'https://www.example.org/folder', url: 'https://www.example.org/folder' },
          { label: 'Infoavond in het gemeentehuis', url: null },
        ],
        successFactors: null,
        challenges: null,
      },
      entry: { blurb: 'Sinds 2020 koppelen we elk jaar dertig duo’s.', since: 'sinds 2020', contactName: 'An Peeters', contactEmail: 'an.peeters@example.org', contactPhone: '014 33 07 00', website: 'https://www.example.org/buddy' },
    })

    assert.equal(await t.runJobs(), 1)
    const [mail] = await mails(t)
    assert.equal(mail!.to_address, 'an.peeters@example.org')
    assert.equal(mail!.status, 'sent')
    assert.equal(mail!.subject, 'Bevestig uw voorstel voor de praktijkendatabank')
    assert.ok(!mail!.text_body.includes('Buddywerking') && !mail!.text_body.includes('An Peeters'), 'the e-mail holds nothing the submitter typed')
    const link = confirmPathIn(mail!.text_body)

    // Opening the link changes nothing: it shows the proposal and asks to confirm it.
    const reader = new Client(t.app)
    const ask = await reader.get(link)
    assert.equal(ask.statusCode, 200)
    assert.match(visibleText(ask.body), /Bevestig uw voorstel .* Soort voorstel Nieuwe praktijk .* Buddywerking voor nieuwkomers/)
    assert.equal((await submissions(t))[0]!.status, 'unconfirmed')

    const confirmed = await postForm(reader, link, {})
    assert.equal(confirmed.statusCode, 303)
    assert.equal(confirmed.headers.location, link)
    const [after1] = await submissions(t)
    assert.equal(after1!.status, 'pending')
    assert.ok(after1!.confirmed_at instanceof Date)
    assert.match(visibleText((await reader.get(link)).body), /Bedankt, uw voorstel is bevestigd De redactie bekijkt het/)

    const again = await postForm(reader, link, {})
    assert.equal(again.statusCode, 303)
    const [after2] = await submissions(t)
    assert.equal(after2!.status, 'pending')
    assert.equal(after2!.confirmed_at!.getTime(), after1!.confirmed_at!.getTime(), 'a second confirmation changes nothing')
    const audit = await t.db.selectFrom('audit_events').select('action').where('record_id', '=', after2!.id).orderBy('occurred_at').execute()
    assert.deepEqual(audit.map((a) => a.action), ['practice.submission_created', 'practice.submission_confirmed'])
  })

  test('an unknown or expired confirmation link shows a translated 404 that explains, and confirms nothing', async () => {
    const visitor = new Client(t.app)
    await postForm(visitor, paths.practiceSubmit(), ficheFields(molId))
    await t.runJobs()
    const link = confirmPathIn((await mails(t))[0]!.text_body)

    const unknown = await visitor.get(paths.submissionConfirm('bestaat-niet'))
    assert.equal(unknown.statusCode, 404)
    assert.match(visibleText(unknown.body), /Deze link werkt niet meer .* ouder dan 7 dagen/)

    await t.db.updateTable('practice_submissions').set({ created_at: new Date(Date.now() - 8 * 86400_000) }).execute()
    assert.equal((await visitor.get(link)).statusCode, 404)
    const late = await postForm(visitor, link, {})
    assert.equal(late.statusCode, 404)
    assert.equal((await submissions(t))[0]!.status, 'unconfirmed')
  })

  test('a filled-in honeypot gets the usual answer, and nothing is stored or sent', async () => {
    const robot = new Client(t.app)
    const sent = await postForm(robot, paths.practiceSubmit(), ficheFields(molId, { homepage: 'https://spam.example' }))
    assert.equal(sent.statusCode, 303)
    assert.equal(sent.headers.location, '/praktijken/indienen?klaar=mail')
    assert.equal((await submissions(t)).length, 0)
    assert.equal(await t.runJobs(), 0)
    assert.equal((await mails(t)).length, 0)
  })

  test('after five submissions in an hour the same address gets a translated 429 that keeps the typed text', async () => {
    const visitor = new Client(t.app)
    for (let i = 1; i <= 5; i++) assert.equal((await postForm(visitor, paths.practiceSubmit(), ficheFields(molId, { title: `Praktijk ${i}` }))).statusCode, 303)
    const refused = await postForm(visitor, paths.practiceSubmit(), ficheFields(molId, { title: 'Praktijk zes' }))
    assert.equal(refused.statusCode, 429)
    assert.ok(Number(refused.headers['retry-after']) > 0)
    assert.match(visibleText(refused.body), /Om spam tegen te gaan, konden we dit voorstel nog niet bewaren/)
    assert.match(refused.body, /value="Praktijk zes"/)
    assert.match(refused.body, /<input class="checkboxes__input" id="field-categories-participatie" name="categories" type="checkbox" value="participatie" checked/)
    assert.equal((await submissions(t)).length, 5)
    // Someone else, from another address, is not affected.
    assert.equal((await postForm(new Client(t.app), paths.practiceSubmit(), ficheFields(molId))).statusCode, 303)
  })

  test('an over-long title and a bad resource address give 400 with an error summary, and every typed value is kept', async () => {
    const visitor = new Client(t.app)
    const refused = await postForm(visitor, paths.practiceSubmit(), ficheFields(molId, { title: 'x'.repeat(121), resources: 'Draaiboek | https://www.example.org/draaiboek\r\nFilmpje | javascript:alert(1)' }))
    assert.equal(refused.statusCode, 400)
    const text = visibleText(refused.body)
    assert.match(text, /^Fout: Een praktijk indienen/)
    assert.match(text, /Er is een probleem Gebruik hoogstens 120 tekens Het webadres op regel 2 van de documenten en links klopt niet/)
    assert.match(refused.body, /<a href="#field-title">/)
    assert.match(refused.body, /<a href="#field-resources">/)
    assert.match(refused.body, new RegExp(`value="${'x'.repeat(121)}"`))
    assert.match(refused.body, /Filmpje \| javascript:alert\(1\)<\/textarea>/)
    assert.match(refused.body, /Sinds 2020 koppelen we elk jaar dertig duo’s\.<\/textarea>/)
    assert.match(refused.body, /value="An.Peeters@example.org"/)
    assert.match(refused.body, new RegExp(`<option value="${molId}" selected`))
    assert.match(refused.body, /value="onthaalbeleid" checked/)
    assert.equal((await submissions(t)).length, 0)
  })

  test('required fields, a missing category and an unknown municipality are each named', async () => {
    const refused = await postForm(new Client(t.app), paths.practiceSubmit(), { title: '', municipality: 'elders', submitterEmail: 'geen-adres' })
    assert.equal(refused.statusCode, 400)
    const text = visibleText(refused.body)
    for (const message of ['Vul de naam van de praktijk in', 'Kies minstens één categorie', 'Vul minstens één doel in', 'Kies uw gemeente uit de lijst', 'Vul uw naam in', 'Vul een e-mailadres in zoals naam@gemeente.be']) assert.ok(text.includes(message), message)
  })

  test('markup in any field is stored exactly as typed and shown as text, never as markup', async () => {
    const visitor = new Client(t.app)
    await postForm(visitor, paths.practiceSubmit(), ficheFields(molId, { title: XSS, summary: XSS, entryBlurb: XSS, submitterName: XSS }))
    const [row] = await submissions(t)
    const payload = row!.payload_json as { practice: { title: string }; entry: { blurb: string } }
    assert.equal(payload.practice.title, XSS)
    assert.equal(payload.entry.blurb, XSS)
    assert.equal(row!.submitter_name, XSS)
    await t.runJobs()
    const page = await visitor.get(confirmPathIn((await mails(t))[0]!.text_body))
    assert.equal(page.statusCode, 200)
    assert.ok(!page.body.includes(XSS), 'the markup is never sent as markup')
    assert.ok(page.body.includes('&lt;img src=x onerror=alert(1)>'))
    assert.ok(visibleText(page.body).includes(XSS), 'readers see the markup as text')

    // Shown again after an error, the typed markup is escaped too.
    const refused = await postForm(visitor, paths.practiceSubmit(), ficheFields(molId, { title: XSS, summary: '' }))
    assert.equal(refused.statusCode, 400)
    assert.ok(!refused.body.includes(XSS))
  })

  test('signed-in municipality staff skip the e-mail: their fiche is pending at once, with their municipality preselected', async () => {
    const staff = await createUser(t.db, { role: 'staff', municipalityId: molId, name: 'Medewerker Mol' })
    const client = await signIn(t.app, staff)
    const form = await client.get(paths.practiceSubmit())
    assert.match(form.body, new RegExp(`<option value="${molId}" selected`))
    assert.match(visibleText(form.body), /U stuurt dit als Medewerker Mol/)
    assert.doesNotMatch(form.body, /name="submitterEmail"/)

    const sent = await postForm(client, paths.practiceSubmit(), ficheFields(molId, { submitterName: 'Iemand Anders', submitterEmail: 'ander@example.org' }))
    assert.equal(sent.headers.location, '/praktijken/indienen?klaar=ontvangen')
    assert.match(visibleText((await client.get(sent.headers.location!)).body), /Bedankt voor uw voorstel/)
    const [row] = await submissions(t)
    assert.equal(row!.status, 'pending')
    assert.equal(row!.submitter_user_id, staff.id)
    assert.equal(row!.submitter_email, staff.email, 'the account, not the form, says who sent it')
    assert.equal(row!.submitter_name, 'Medewerker Mol')
    assert.equal(row!.confirm_token_hash, null)
    assert.ok(row!.confirmed_at instanceof Date)
    assert.equal(await t.runJobs(), 0)
  })
})

describe('the fiche is one of the public pages', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  test('the static path /praktijken/indienen is not taken for a practice slug', async () => {
    const page = await new Client(t.app).get(paths.practiceSubmit())
    assert.equal(page.statusCode, 200)
    assert.match(visibleText(page.body), /Een praktijk indienen/)
  })
})
