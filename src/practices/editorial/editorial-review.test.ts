// The editorial queue and decisions, through HTTP on the suite's database.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { Client, visibleText } from '../../../test/helpers/client.ts'
import { createMunicipalityWithPeople, createUser, signIn } from '../../../test/helpers/factories.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { findMunicipalityByNis } from '../../municipalities/municipalities-queries.ts'
import { findPracticeBySlug, searchPractices } from '../practices-queries.ts'
import { loadReferenceData } from '../reference-data.ts'
import { acceptSubmission, AlreadyDecided, rejectSubmission } from './editorial-decisions.ts'
import { findSubmission } from './editorial-queries.ts'
import { createPractice, insertSubmission, mailsTo, postForm, practiceFields, TEXT } from './editorial-test-support.ts'

describe(`reviewing submissions on ${suiteDialect()}`, () => {
  let t: TestApp
  let editor: Client
  let editorId: string
  let molId: string

  before(async () => {
    t = await createTestApp()
    await loadReferenceData(t.db)
    const user = await createUser(t.db, { role: 'practice_editor', name: 'Eva Redacteur' })
    editorId = user.id
    editor = await signIn(t.app, user)
    molId = (await findMunicipalityByNis(t.db, '13025'))!.id
  })
  after(() => t.close())

  const search = (text: string) => searchPractices(t.db, t.services.database.dialect, { text, categories: [], targetGroups: [], municipalities: [], page: 1 })
  const accept = (client: Client, id: string, fields: Record<string, string | string[]> = {}) => postForm(client, `/redactie/voorstellen/${id}`, { besluit: 'aanvaarden', ...fields })
  const submission = (id: string) => t.db.selectFrom('practice_submissions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const practiceRow = (id: string) => t.db.selectFrom('practices').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const versions = (id: string) => t.db.selectFrom('practice_versions').selectAll().where('practice_id', '=', id).orderBy('version').execute()
  const audits = (recordId: string) => t.db.selectFrom('audit_events').selectAll().where('record_id', '=', recordId).execute()

  test('only practice editors and platform admins reach the editorial pages: staff and admins of a municipality get 403, visitors are sent to sign in', async () => {
    const practice = await createPractice(t.db)
    const id = await insertSubmission(t.db, { payload: { kind: 'remark', text: 'Klopt dit nog?' }, practiceId: practice.id })
    const { staffClient, adminClient } = await createMunicipalityWithPeople(t.app, t.db)
    const pages = ['/redactie', '/redactie?weergave=praktijken', '/redactie/onvolledig', `/redactie/voorstellen/${id}`, `/redactie/praktijken/${practice.id}`, `/redactie/praktijken/${practice.id}/versies`]
    for (const client of [staffClient, adminClient]) {
      for (const url of pages) assert.equal((await client.get(url)).statusCode, 403, url)
      assert.equal((await accept(client, id)).statusCode, 403)
      assert.equal((await postForm(client, `/redactie/praktijken/${practice.id}`, { status: 'archived' })).statusCode, 403)
    }
    const visitor = await new Client(t.app).get('/redactie')
    assert.equal(visitor.statusCode, 303)
    assert.equal(visitor.headers.location, '/aanmelden?terug=%2Fredactie')
    const platformAdmin = await signIn(t.app, await createUser(t.db, { role: 'platform_admin' }))
    for (const url of pages) assert.equal((await platformAdmin.get(url)).statusCode, 200, url)
    assert.equal((await submission(id)).status, 'pending', 'nothing was decided by the refused requests')
  })

  test('the queue lists pending submissions oldest first with kind, title, submitter and municipality, but not unconfirmed or decided ones', async () => {
    const practice = await createPractice(t.db, { title: 'Wandeling langs de gemeentediensten' })
    const day = 86400_000
    await insertSubmission(t.db, { payload: { kind: 'text_change', practice: { ...TEXT, title: 'Wandeling langs de gemeentediensten' } }, practiceId: practice.id, submitterName: 'Oudste Indiener', municipalityId: molId, createdAt: new Date(Date.now() - 3 * day) })
    await insertSubmission(t.db, { payload: { kind: 'new_practice', practice: { ...TEXT, title: 'Fietslessen voor vrouwen' }, entry: { blurb: null, since: null, contactName: null, contactEmail: null, contactPhone: null, website: null } }, submitterName: 'Nieuwe Indiener', createdAt: new Date(Date.now() - day) })
    await insertSubmission(t.db, { payload: { kind: 'remark', text: 'Onbevestigd' }, practiceId: practice.id, status: 'unconfirmed', submitterName: 'Onbevestigde Persoon' })
    await insertSubmission(t.db, { payload: { kind: 'remark', text: 'Al behandeld' }, practiceId: practice.id, status: 'rejected', submitterName: 'Behandelde Persoon' })

    const page = await editor.get('/redactie')
    assert.equal(page.statusCode, 200)
    const text = visibleText(page.body)
    assert.match(text, /Wandeling langs de gemeentediensten Tekstwijziging Oudste Indiener \(Mol\) 3 dagen/)
    assert.match(text, /Fietslessen voor vrouwen nieuw Nieuwe Praktijk Nieuwe Indiener 1 dag/i)
    assert.ok(text.indexOf('Oudste Indiener') < text.indexOf('Nieuwe Indiener'), 'oldest first')
    assert.ok(!text.includes('Onbevestigde Persoon'), 'unconfirmed submissions have not reached the editors')
    assert.ok(!text.includes('Behandelde Persoon'), 'decided submissions are no longer in the queue')
    assert.match(text, /Tekstwijziging \d+/)
  })

  test('accepting a text change publishes it as a new version with a snapshot, re-indexes it, e-mails the submitter and audits the decision', async () => {
    const practice = await createPractice(t.db)
    const proposed = { ...TEXT, description: `${TEXT.description} In de zomer trekken we met picknickmanden naar het park.` }
    const id = await insertSubmission(t.db, { payload: { kind: 'text_change', practice: proposed }, practiceId: practice.id, baseVersion: 1, submitterEmail: 'tekst@example.org', municipalityId: molId })

    const review = visibleText((await editor.get(`/redactie/voorstellen/${id}`)).body)
    assert.match(review, /Beschrijving gewijzigd/)
    assert.match(review, /\[toegevoegd: In de zomer trekken we met picknickmanden naar het park\. ?\]/)
    assert.match(review, /Titel ongewijzigd/)

    const response = await accept(editor, id, practiceFields(proposed))
    assert.equal(response.statusCode, 303)
    assert.equal(response.headers.location, '/redactie')

    assert.equal((await practiceRow(practice.id)).version, 2)
    const published = (await findPracticeBySlug(t.db, practice.slug, { publishedOnly: true }))!
    assert.equal(published.description, proposed.description)
    const stored = await versions(practice.id)
    assert.deepEqual(stored.map((v) => v.version), [1, 2])
    assert.equal((stored[1]!.snapshot_json as { description: string }).description, proposed.description)
    assert.equal(stored[1]!.published_by, editorId)
    assert.ok((await search('picknickmanden')).items.some((i) => i.slug === practice.slug), 'search finds the new word')

    const decided = await submission(id)
    assert.deepEqual([decided.status, decided.decided_by], ['accepted', editorId])
    const [mail, ...more] = await mailsTo(t.db, 'tekst@example.org')
    assert.equal(more.length, 0)
    assert.match(mail!.subject, /aanvaard/)
    assert.ok(mail!.text_body.includes(`http://localhost:3000/praktijken/${practice.slug}`))
    const [event] = await audits(id)
    assert.equal(event!.action, 'practice.submission_accepted')
    assert.ok(!JSON.stringify(event!.details_json).includes('tekst@example.org'), 'no personal data in the audit details')
  })

  test('what the editor changed in the accept form is what gets published, not the proposal', async () => {
    const practice = await createPractice(t.db)
    const proposed = { ...TEXT, summary: 'Nederlands oefenen bij een kop koffie, elke dinsdg.' }
    const id = await insertSubmission(t.db, { payload: { kind: 'text_change', practice: proposed }, practiceId: practice.id })
    const form = await editor.get(`/redactie/voorstellen/${id}`)
    assert.ok(form.body.includes('elke dinsdg.</textarea>'), 'the form is filled with the proposal')
    assert.equal((await accept(editor, id, practiceFields({ ...proposed, summary: 'Nederlands oefenen bij een kop koffie, elke dinsdag.' }))).statusCode, 303)
    assert.equal((await practiceRow(practice.id)).summary, 'Nederlands oefenen bij een kop koffie, elke dinsdag.')
  })

  test('an accept form with errors is shown again with the errors and what the editor typed, and nothing is applied', async () => {
    const practice = await createPractice(t.db)
    const id = await insertSubmission(t.db, { payload: { kind: 'text_change', practice: TEXT }, practiceId: practice.id })
    const response = await accept(editor, id, { ...practiceFields(TEXT), title: '', description: 'Mijn verbeterde beschrijving', categories: [] })
    assert.equal(response.statusCode, 400)
    const text = visibleText(response.body)
    assert.match(text, /Er is een probleem Vul de naam van de praktijk in Kies minstens één categorie/)
    assert.ok(response.body.includes('Mijn verbeterde beschrijving</textarea>'))
    assert.equal((await submission(id)).status, 'pending')
    assert.equal((await practiceRow(practice.id)).version, 1)
  })

  test('accepting a new practice publishes it under a unique slug with the submitter’s municipality as its first entry', async () => {
    const entry = { blurb: 'Sinds 2020 koppelen we elk jaar dertig duo’s.', since: 'sinds 2020', contactName: 'An Peeters', contactEmail: 'an@mol.example', contactPhone: null, website: 'https://www.mol.be/buddy' }
    const fiche = { ...TEXT, title: 'Buddywerking voor nieuwkomers', categories: ['onthaalbeleid'], targetGroups: ['nieuwkomers'] }
    const ids = [
      await insertSubmission(t.db, { payload: { kind: 'new_practice', practice: fiche, entry }, municipalityId: molId, submitterEmail: 'an@example.org' }),
      await insertSubmission(t.db, { payload: { kind: 'new_practice', practice: fiche, entry }, municipalityId: molId, submitterEmail: 'an@example.org' }),
    ]
    // Both at once, as two editors might: each still gets a slug of its own.
    const responses = await Promise.all(ids.map((id) => accept(editor, id, { ...practiceFields(fiche), entryBlurb: entry.blurb, entrySince: entry.since, entryContactName: entry.contactName, entryContactEmail: entry.contactEmail, entryWebsite: entry.website })))
    assert.deepEqual(responses.map((r) => r.statusCode), [303, 303])
    const first = (await findPracticeBySlug(t.db, 'buddywerking-voor-nieuwkomers', { publishedOnly: true }))!
    const second = (await findPracticeBySlug(t.db, 'buddywerking-voor-nieuwkomers-2', { publishedOnly: true }))!
    assert.ok(first && second, 'the second practice with the same title gets its own slug')
    assert.equal(first.status, 'published')
    assert.ok(first.publishedAt instanceof Date)
    assert.deepEqual(first.entries.map((e) => [e.municipalityName, e.blurb, e.contactEmail]), [['Mol', entry.blurb, 'an@mol.example']])
    assert.deepEqual(first.categories.map((c) => c.slug), ['onthaalbeleid'])
    assert.deepEqual((await versions(first.id)).map((v) => [v.version, v.published_by]), [[1, editorId]])
    assert.deepEqual(new Set([(await submission(ids[0]!)).practice_id, (await submission(ids[1]!)).practice_id]), new Set([first.id, second.id]))
    assert.ok((await search('Buddywerking')).items.some((i) => i.slug === first.slug))
    assert.equal((await mailsTo(t.db, 'an@example.org')).length, 2)
  })

  test('"we do this too" adds the municipality’s entry, and an entry update changes it, each as a new version', async () => {
    const practice = await createPractice(t.db)
    const geel = (await findMunicipalityByNis(t.db, '13008'))!.id
    const entry = { blurb: 'Ook in Geel, elke maand.', since: 'sinds 2023', contactName: null, contactEmail: 'dienst@geel.example', contactPhone: null, website: null }
    const join = await insertSubmission(t.db, { payload: { kind: 'join', entry }, practiceId: practice.id, municipalityId: geel })
    const review = visibleText((await editor.get(`/redactie/voorstellen/${join}`)).body)
    assert.match(review, /Gegevens van Geel/)
    assert.equal((await accept(editor, join, { entryBlurb: entry.blurb, entrySince: entry.since, entryContactEmail: entry.contactEmail })).statusCode, 303)
    let current = (await findPracticeBySlug(t.db, practice.slug, { publishedOnly: true }))!
    assert.deepEqual(current.entries.map((e) => [e.municipalityName, e.blurb]), [['Geel', 'Ook in Geel, elke maand.']])

    const update = await insertSubmission(t.db, { payload: { kind: 'entry_update', entry: { ...entry, blurb: 'Ook in Geel, elke week.' } }, practiceId: practice.id, municipalityId: geel })
    const diff = visibleText((await editor.get(`/redactie/voorstellen/${update}`)).body)
    assert.match(diff, /Ook in Geel, elke \[geschrapt: maand\. ?\] Voorstel Ook in Geel, elke \[toegevoegd: week\. ?\]/)
    assert.equal((await accept(editor, update, { entryBlurb: 'Ook in Geel, elke week.', entryContactEmail: entry.contactEmail })).statusCode, 303)
    current = (await findPracticeBySlug(t.db, practice.slug, { publishedOnly: true }))!
    assert.deepEqual(current.entries.map((e) => [e.municipalityName, e.blurb, e.since]), [['Geel', 'Ook in Geel, elke week.', null]])
    assert.equal(current.version, 3)
  })

  test('rejecting needs a reason; the form keeps what was typed, and the submitter gets the reason by e-mail', async () => {
    const practice = await createPractice(t.db)
    const id = await insertSubmission(t.db, { payload: { kind: 'text_change', practice: { ...TEXT, title: 'Iets anders' } }, practiceId: practice.id, submitterEmail: 'weigering@example.org' })
    const empty = await postForm(editor, `/redactie/voorstellen/${id}`, { besluit: 'weigeren', reason: ' ' })
    assert.equal(empty.statusCode, 400)
    assert.match(visibleText(empty.body), /Schrijf waarom u het voorstel weigert/)
    const long = await postForm(editor, `/redactie/voorstellen/${id}`, { besluit: 'weigeren', reason: `Te lang ${'x'.repeat(1000)}` })
    assert.equal(long.statusCode, 400)
    assert.match(visibleText(long.body), /Gebruik hoogstens 1000 tekens/)
    assert.ok(long.body.includes(`Te lang ${'x'.repeat(1000)}</textarea>`), 'what was typed is kept')
    assert.equal((await submission(id)).status, 'pending')

    const done = await postForm(editor, `/redactie/voorstellen/${id}`, { besluit: 'weigeren', reason: 'De titel beschrijft de praktijk nu al goed.' })
    assert.equal(done.statusCode, 303)
    const decided = await submission(id)
    assert.deepEqual([decided.status, decided.decision_reason, decided.decided_by], ['rejected', 'De titel beschrijft de praktijk nu al goed.', editorId])
    const [mail] = await mailsTo(t.db, 'weigering@example.org')
    assert.ok(mail!.text_body.includes('De titel beschrijft de praktijk nu al goed.'))
    const [event] = await audits(id)
    assert.equal(event!.action, 'practice.submission_rejected')
    assert.ok(!JSON.stringify(event!.details_json).includes('titel beschrijft'), 'the reason stays out of the audit log')
    assert.equal((await practiceRow(practice.id)).version, 1)
  })

  test('when two editors accept the same submission at once, it is applied once and the second editor is told who was first', async () => {
    const practice = await createPractice(t.db)
    const proposed = { ...TEXT, summary: 'Een nieuwe samenvatting.' }
    const id = await insertSubmission(t.db, { payload: { kind: 'text_change', practice: proposed }, practiceId: practice.id, submitterEmail: 'race@example.org' })
    const other = await signIn(t.app, await createUser(t.db, { role: 'practice_editor', name: 'Omar Tweede' }))

    const responses = await Promise.all([accept(editor, id, practiceFields(proposed)), accept(other, id, practiceFields(proposed))])

    assert.deepEqual(responses.map((r) => r.statusCode).sort(), [303, 409])
    const winner = (await submission(id)).decided_by === editorId ? 'Eva Redacteur' : 'Omar Tweede'
    const loser = responses.find((r) => r.statusCode === 409)!
    assert.match(visibleText(loser.body), new RegExp(`Dit voorstel werd intussen al behandeld door ${winner}\\.`))
    assert.deepEqual((await versions(practice.id)).map((v) => v.version), [1, 2], 'exactly one new version')
    assert.equal((await practiceRow(practice.id)).version, 2)
    assert.equal((await mailsTo(t.db, 'race@example.org')).length, 1)
    assert.equal((await audits(id)).length, 1)

    const late = await postForm(other, `/redactie/voorstellen/${id}`, { besluit: 'weigeren', reason: 'Toch niet.' })
    assert.equal(late.statusCode, 409, 'a decision on an already decided submission changes nothing')
    assert.equal((await submission(id)).status, 'accepted')
  })

  test('a decision is conditional on the submission still pending: two decisions started from the same pending submission apply once', async () => {
    const practice = await createPractice(t.db)
    const proposed = { ...TEXT, summary: 'Nog een nieuwe samenvatting.' }
    const id = await insertSubmission(t.db, { payload: { kind: 'text_change', practice: proposed }, practiceId: practice.id })
    const pending = (await findSubmission(t.db, id))!
    const editorUser = { id: editorId, name: 'Eva Redacteur', email: 'eva@example.org', role: 'practice_editor' as const, municipalityId: null, locale: 'nl', hasSecondFactor: false }
    const outcomes = await Promise.allSettled([
      acceptSubmission(t.db, t.services, editorUser, pending, { kind: 'text_change', practice: proposed }),
      rejectSubmission(t.db, t.services, editorUser, pending, 'Toch niet.'),
    ])
    const refused = outcomes.filter((o) => o.status === 'rejected')
    assert.equal(refused.length, 1)
    assert.ok((refused[0] as PromiseRejectedResult).reason instanceof AlreadyDecided)
    const decided = await submission(id)
    assert.equal((await versions(practice.id)).length, decided.status === 'accepted' ? 2 : 1, 'the losing decision left no trace')
    assert.equal((await audits(id)).length, 1)
  })

  test('a photo proposal shows the image with its alt text and credit; accepting sets it on the practice with the edited alt text', async () => {
    const practice = await createPractice(t.db)
    const imageId = randomUUID()
    await t.db.insertInto('images').values({ id: imageId, bytes: Buffer.from([1, 2, 3]), type: 'image/jpeg', width: 800, height: 600, created_at: new Date() }).execute()
    const id = await insertSubmission(t.db, { payload: { kind: 'photo', imageId, alt: 'Groepsfoto', credit: 'Gemeente Mol' }, practiceId: practice.id })
    const page = await editor.get(`/redactie/voorstellen/${id}`)
    assert.ok(page.body.includes(`<img src="/praktijken/afbeelding/${imageId}" alt="Groepsfoto"/>`))
    assert.match(visibleText(page.body), /Beschrijving: Groepsfoto · Bron: Gemeente Mol/)
    assert.equal((await accept(editor, id, { alt: 'Nieuwe inwoners met hun attest op het podium', credit: 'Gemeente Mol' })).statusCode, 303)
    const row = await practiceRow(practice.id)
    assert.deepEqual([row.image_id, row.image_alt, row.image_credit, row.version], [imageId, 'Nieuwe inwoners met hun attest op het podium', 'Gemeente Mol', 2])
  })

  test('a remark is noted without changing the practice, and the submitter is thanked', async () => {
    const practice = await createPractice(t.db)
    const id = await insertSubmission(t.db, { payload: { kind: 'remark', text: 'Het telefoonnummer\nis veranderd.' }, practiceId: practice.id, submitterEmail: 'opmerking@example.org' })
    assert.match(visibleText((await editor.get(`/redactie/voorstellen/${id}`)).body), /De opmerking Het telefoonnummer is veranderd\./)
    assert.equal((await accept(editor, id)).statusCode, 303)
    assert.equal((await submission(id)).status, 'accepted')
    assert.equal((await practiceRow(practice.id)).version, 1)
    const [mail] = await mailsTo(t.db, 'opmerking@example.org')
    assert.match(mail!.text_body, /opmerking/)
  })

  test('a proposal written against an older version warns the editor', async () => {
    const practice = await createPractice(t.db)
    await t.db.updateTable('practices').set({ version: 3 }).where('id', '=', practice.id).execute()
    const id = await insertSubmission(t.db, { payload: { kind: 'text_change', practice: TEXT }, practiceId: practice.id, baseVersion: 1 })
    assert.match(visibleText((await editor.get(`/redactie/voorstellen/${id}`)).body), /Let op: de praktijk werd gewijzigd nadat dit voorstel werd geschreven \(toen versie 1, nu versie 3\)/)
  })

  test('markup in a proposed field is shown as text in the difference and the form, never as markup', async () => {
    const practice = await createPractice(t.db)
    const attack = '<img src=x onerror=alert(1)>'
    const id = await insertSubmission(t.db, { payload: { kind: 'text_change', practice: { ...TEXT, title: attack, description: `${TEXT.description} ${attack}` } }, practiceId: practice.id, submitterName: attack })
    for (const url of [`/redactie/voorstellen/${id}`, '/redactie']) {
      const page = await editor.get(url)
      assert.ok(!page.body.includes('<img src=x'), `${url} has no injected element`)
      assert.ok(page.body.includes('&lt;img src=x onerror=alert(1)>'), `${url} shows it as text`)
      assert.ok(visibleText(page.body).includes(attack), `${url} reads as the typed text`)
    }
  })

  test('an unknown or unconfirmed submission is not found', async () => {
    const practice = await createPractice(t.db)
    const unconfirmed = await insertSubmission(t.db, { payload: { kind: 'remark', text: 'x' }, practiceId: practice.id, status: 'unconfirmed' })
    for (const url of [`/redactie/voorstellen/${randomUUID()}`, `/redactie/voorstellen/${unconfirmed}`]) assert.equal((await editor.get(url)).statusCode, 404, url)
    assert.equal((await accept(editor, unconfirmed)).statusCode, 404)
    assert.equal((await submission(unconfirmed)).status, 'unconfirmed')
  })
})
