// Editors managing practices: status, history and restore, the list of all practices and the
// incomplete entries, through HTTP on the suite's database.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import type { Client } from '../../../test/helpers/client.ts'
import { visibleText } from '../../../test/helpers/client.ts'
import { createUser, signIn } from '../../../test/helpers/factories.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { findMunicipalityByNis } from '../../municipalities/municipalities-queries.ts'
import { findPracticeBySlug, searchPractices } from '../practices-queries.ts'
import { loadReferenceData } from '../reference-data.ts'
import { createPractice, insertSubmission, postForm, practiceFields, TEXT } from './editorial-test-support.ts'

describe(`managing practices on ${suiteDialect()}`, () => {
  let t: TestApp
  let editor: Client

  before(async () => {
    t = await createTestApp()
    await loadReferenceData(t.db)
    editor = await signIn(t.app, await createUser(t.db, { role: 'practice_editor', name: 'Eva Redacteur' }))
  })
  after(() => t.close())

  const found = async (text: string, slug: string) =>
    (await searchPractices(t.db, t.services.database.dialect, { text, categories: [], targetGroups: [], municipalities: [], page: 1 })).items.some((i) => i.slug === slug)
  const status = async (id: string) => (await t.db.selectFrom('practices').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status
  const buttons = (html: string) => [...html.matchAll(/<button type="submit" class="button button--(?:primary|secondary|warning)">([^<]+)<\/button>/g)].map((m) => m[1]!)

  test('archiving hides a practice from the public and from search; only the allowed moves are offered, and it can be published again', async () => {
    const practice = await createPractice(t.db, { title: 'Zwemlessen voor volwassen nieuwkomers' })
    assert.equal(await found('Zwemlessen', practice.slug), true)
    assert.deepEqual(buttons((await editor.get(`/redactie/praktijken/${practice.id}`)).body), ['Archiveren'])

    const archive = await postForm(editor, `/redactie/praktijken/${practice.id}`, { status: 'archived' })
    assert.equal(archive.statusCode, 303)
    assert.equal(await status(practice.id), 'archived')
    assert.equal(await found('Zwemlessen', practice.slug), false)
    assert.equal(await findPracticeBySlug(t.db, practice.slug, { publishedOnly: true }), null)
    const page = await editor.get(`/redactie/praktijken/${practice.id}`)
    assert.match(visibleText(page.body), /De status is gewijzigd\. .*Status gearchiveerd .*Niet zichtbaar voor het publiek/i)
    assert.deepEqual(buttons(page.body), ['Publiceren'])

    const skipped = await postForm(editor, `/redactie/praktijken/${practice.id}`, { status: 'draft' })
    assert.equal(skipped.statusCode, 409)
    assert.match(visibleText(skipped.body), /Die statuswijziging is niet mogelijk vanuit de huidige status/)
    assert.equal(await status(practice.id), 'archived')

    assert.equal((await postForm(editor, `/redactie/praktijken/${practice.id}`, { status: 'published' })).statusCode, 303)
    assert.equal(await found('Zwemlessen', practice.slug), true)
    const events = await t.db.selectFrom('audit_events').select(['action', 'details_json']).where('record_id', '=', practice.id).orderBy('occurred_at').execute()
    assert.deepEqual(events.map((e) => [e.action, e.details_json]), [
      ['practice.status_changed', { from: 'published', to: 'archived' }],
      ['practice.status_changed', { from: 'archived', to: 'published' }],
    ])
  })

  test('a draft goes to review and is then published, with its first version kept', async () => {
    const practice = await createPractice(t.db, { title: 'Onthaalbrochure in tien talen' })
    await t.db.updateTable('practices').set({ status: 'draft', published_at: null }).where('id', '=', practice.id).execute()
    await t.db.deleteFrom('practice_versions').where('practice_id', '=', practice.id).execute()
    assert.deepEqual(buttons((await editor.get(`/redactie/praktijken/${practice.id}`)).body), ['Klaar om na te lezen'])
    await postForm(editor, `/redactie/praktijken/${practice.id}`, { status: 'in_review' })
    assert.deepEqual(buttons((await editor.get(`/redactie/praktijken/${practice.id}`)).body), ['Publiceren', 'Terug naar concept'])
    await postForm(editor, `/redactie/praktijken/${practice.id}`, { status: 'published' })
    const published = (await findPracticeBySlug(t.db, practice.slug, { publishedOnly: true }))!
    assert.ok(published.publishedAt instanceof Date, 'the first publication sets the publication date')
    assert.equal((await t.db.selectFrom('practice_versions').select('version').where('practice_id', '=', practice.id).execute()).length, 1)
  })

  test('the history lists every version with who and when; restoring an earlier version publishes it as a new version', async () => {
    const practice = await createPractice(t.db, { description: 'De oorspronkelijke tekst, met zeepbellen op het plein.' })
    const changed = { ...TEXT, description: 'Een volledig herschreven tekst.' }
    const id = await insertSubmission(t.db, { payload: { kind: 'text_change', practice: changed }, practiceId: practice.id })
    assert.equal((await postForm(editor, `/redactie/voorstellen/${id}`, { besluit: 'aanvaarden', ...practiceFields(changed) })).statusCode, 303)
    assert.equal(await found('zeepbellen', practice.slug), false, 'the old text left the search index')

    const history = visibleText((await editor.get(`/redactie/praktijken/${practice.id}/versies`)).body)
    assert.match(history, /Versie 2 .* Eva Redacteur huidige versie Versie 1 .* Welkom \(automatisch\)/)
    const version1 = await editor.get(`/redactie/praktijken/${practice.id}/versies?versie=1`)
    assert.match(visibleText(version1.body), /Beschrijving gewijzigd Huidige versie \[geschrapt: Een volledig herschreven tekst\. ?\] Versie 1 \[toegevoegd: De oorspronkelijke tekst, met zeepbellen op het plein\. ?\]/)

    const restore = await postForm(editor, `/redactie/praktijken/${practice.id}/versies`, { versie: '1' })
    assert.equal(restore.statusCode, 303)
    const current = (await findPracticeBySlug(t.db, practice.slug, { publishedOnly: true }))!
    assert.equal(current.version, 3)
    assert.equal(current.description, 'De oorspronkelijke tekst, met zeepbellen op het plein.')
    const stored = await t.db.selectFrom('practice_versions').select(['version', 'snapshot_json']).where('practice_id', '=', practice.id).orderBy('version').execute()
    assert.deepEqual(stored.map((v) => v.version), [1, 2, 3], 'history is kept, never rewritten')
    assert.equal((stored[1]!.snapshot_json as { description: string }).description, 'Een volledig herschreven tekst.')
    assert.equal(await found('zeepbellen', practice.slug), true, 'the restored text is searchable again')
    const [event] = await t.db.selectFrom('audit_events').select(['action', 'details_json']).where('record_id', '=', practice.id).where('action', '=', 'practice.version_restored').execute()
    assert.deepEqual(event!.details_json, { restoredVersion: 1, newVersion: 3 })
  })

  test('an unknown practice or version is not found', async () => {
    const practice = await createPractice(t.db)
    for (const url of [`/redactie/praktijken/${randomUUID()}`, `/redactie/praktijken/${randomUUID()}/versies`, `/redactie/praktijken/${practice.id}/versies?versie=99`, `/redactie/praktijken/${practice.id}/versies?versie=abc`]) {
      assert.equal((await editor.get(url)).statusCode, 404, url)
    }
    assert.equal((await postForm(editor, `/redactie/praktijken/${practice.id}/versies`, { versie: '99' })).statusCode, 404)
  })

  test('the list of all practices shows each status and finds practices by title', async () => {
    const archived = await createPractice(t.db, { title: 'Gearchiveerde ceremonie in het stadhuis' })
    await t.db.updateTable('practices').set({ status: 'archived' }).where('id', '=', archived.id).execute()
    const page = visibleText((await editor.get('/redactie?weergave=praktijken&zoek=ceremonie')).body)
    assert.match(page, /2 resultaten/)
    assert.match(page, /Gearchiveerde ceremonie in het stadhuis gearchiveerd/i)
    assert.match(page, /Inburgeringsceremonie gepubliceerd/i)
    assert.ok(!page.includes('Taalcafé'), 'only matching titles')
  })

  test('the incomplete list shows the seed’s entries by municipality, and which municipalities have nobody in Welkom to ask', async () => {
    const mol = (await findMunicipalityByNis(t.db, '13025'))!
    await createUser(t.db, { role: 'staff', municipalityId: mol.id })
    const tienen = (await findMunicipalityByNis(t.db, '24107'))!
    const text = visibleText((await editor.get('/redactie/onvolledig')).body)
    assert.match(text, /Mol 1 contactpersoon in Welkom krijgt de maandelijkse herinnering\. Inburgeringsceremonie – beschrijving en contactgegevens ontbreken/)
    assert.match(text, /Asse Geen contactpersoon in Welkom: deze gemeente krijgt geen herinnering\. Inburgeringsceremonie – beschrijving en contactgegevens ontbreken/)
    assert.match(text, /Tienen Geen contactpersoon in Welkom: deze gemeente krijgt geen herinnering\. Inburgeringsceremonie – contactgegevens ontbreken/)
    for (const name of ['Antwerpen', 'Bilzen-Hoeselt', 'Brasschaat', 'Geel', 'Herentals', 'Malle', 'Mechelen', 'Sint-Katelijne-Waver', 'Schoten']) assert.ok(text.includes(name), name)

    await t.db.updateTable('practice_entries').set({ contact_email: 'onthaal@tienen.example' }).where('municipality_id', '=', tienen.id).execute()
    assert.ok(!visibleText((await editor.get('/redactie/onvolledig')).body).includes('Tienen'), 'a completed entry leaves the list')
  })
})
