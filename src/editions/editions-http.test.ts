import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { visibleText } from '../../test/helpers/client.ts'
import { suiteDialect } from '../../test/helpers/database.ts'
import { type Organiser, createEdition, createOrganisers, editionFields } from '../../test/helpers/editions.ts'
import { expectNotFoundForOtherMunicipality } from '../../test/helpers/tenant.ts'
import { addDays, brusselsDate } from '../platform/calendar.ts'
import { paths } from '../paths.ts'
import { DEFAULT_PLAYBOOK } from './playbook/playbook.ts'
import { loadReferenceData } from '../practices/reference-data.ts'

describe(`editions on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Organiser, skw: Organiser, mol: Organiser

  before(async () => {
    t = await createTestApp()
    ;({ mechelen, skw, mol } = await createOrganisers(t))
  })
  after(() => t.close())

  const tasksOf = async (editionId: string) => t.db.selectFrom('edition_tasks').select(['title', 'offset_days']).where('edition_id', '=', editionId).orderBy('position').execute()

  test('an officer creates an edition with a co-organiser; it starts as a draft with the default playbook, dated from the ceremony', async () => {
    const fields = editionFields({ coOrganisers: [skw.municipality.id] })
    const created = await mechelen.staffClient.post(paths.editionNew(), fields)
    assert.equal(created.statusCode, 303)
    const id = created.headers.location!.split('/').pop()!
    const row = await t.db.selectFrom('editions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    assert.equal(row.status, 'draft')
    assert.equal(row.capacity, 150)
    assert.deepEqual(row.languages_json, ['nl', 'ar', 'en'], 'Dutch is always offered, first')
    assert.deepEqual((await tasksOf(id)).map((task) => task.title), DEFAULT_PLAYBOOK.map((task) => task.title))

    const overview = visibleText((await mechelen.staffClient.get(paths.edition(id))).body)
    assert.match(overview, /Welkomstceremonie 2027/)
    assert.match(overview, /over 70 dagen/)
    assert.match(overview, /0 van de 20 taken klaar/)
    assert.match(overview, /Organisatie Mechelen, Sint-Katelijne-Waver/)
    // With the ceremony 10 weeks away, the tasks of 16 and 12 weeks before are already late.
    assert.match(overview, /3 taken zijn te laat/)

    const shared = await skw.staffClient.get(paths.edition(id))
    assert.equal(shared.statusCode, 200, 'the co-organiser’s staff work on the same edition')
    assert.match(visibleText((await skw.staffClient.get(paths.editions())).body), /Welkomstceremonie 2027/)
  })

  test('moving the ceremony moves every task’s due date with it', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const later = addDays(brusselsDate(edition.startsAt), 14)
    const moved = await mechelen.staffClient.post(paths.editionEdit(edition.id), editionFields({ date: later, replyBy: '' }))
    assert.equal(moved.statusCode, 303)
    const overview = visibleText((await mechelen.staffClient.get(paths.edition(edition.id))).body)
    assert.match(overview, /over 84 dagen/)
    const council = DEFAULT_PLAYBOOK[0]!
    assert.equal(council.offsetDays, -112)
    assert.deepEqual((await tasksOf(edition.id))[0], { title: council.title, offset_days: -112 }, 'tasks keep their offset; the due date follows the date')
  })

  test('a later start that would push the programme past midnight is refused, naming the end time', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    await t.db.insertInto('programme_items').values({ id: 'late-item', edition_id: edition.id, position: 0, kind: 'reception', title: 'Receptie', duration_minutes: 120, performer: null, updated_at: new Date() }).execute()
    const refused = await mechelen.staffClient.post(paths.editionEdit(edition.id), editionFields({ date: brusselsDate(edition.startsAt), time: '22:30', replyBy: '' }))
    assert.equal(refused.statusCode, 400)
    assert.match(visibleText(refused.body), /pas om 00:30 eindigen, na middernacht/)
    assert.match(refused.body, /value="22:30"/)
    assert.equal((await mechelen.staffClient.post(paths.editionEdit(edition.id), editionFields({ date: brusselsDate(edition.startsAt), time: '21:30', replyBy: '' }))).statusCode, 303)
  })

  test('bad input is refused with a message per field and everything typed is kept', async () => {
    const yesterday = addDays(brusselsDate(new Date()), -1)
    const response = await mechelen.staffClient.post(paths.editionNew(), editionFields({ name: 'Mijn editie', date: yesterday, periodFrom: '2026-12-31', periodTo: '2026-01-01', capacity: '0', replyBy: addDays(yesterday, 3) }))
    assert.equal(response.statusCode, 400)
    const text = visibleText(response.body)
    assert.match(text, /Die datum is al voorbij/)
    assert.match(text, /De periode eindigt voor ze begint/)
    assert.match(text, /Vul een aantal plaatsen in van 1 tot 100000/)
    assert.match(text, /De antwoorddatum moet voor de ceremonie liggen/)
    assert.match(response.body, /value="Mijn editie"/)
    assert.match((await mechelen.staffClient.post(paths.editionNew(), editionFields({ capacity: '-5', time: '25:00' }))).body, /Vul een uur in/)
    assert.equal(await t.db.selectFrom('editions').select('id').where('name', '=', 'Mijn editie').executeTakeFirst(), undefined)
  })

  test('the status moves one step at a time; skipping a step or marking it held before the day is refused', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const skipped = await mechelen.staffClient.post(paths.editionStatus(edition.id), { status: 'held' })
    assert.equal(skipped.statusCode, 409)
    assert.match(visibleText(skipped.body), /Die statuswijziging is niet mogelijk vanuit de huidige status/)
    assert.equal((await mechelen.staffClient.post(paths.editionStatus(edition.id), { status: 'invitations_open' })).statusCode, 303)
    assert.equal((await mechelen.staffClient.post(paths.editionStatus(edition.id), { status: 'replies_closed' })).statusCode, 303)
    const early = await mechelen.staffClient.post(paths.editionStatus(edition.id), { status: 'held' })
    assert.equal(early.statusCode, 409)
    assert.match(visibleText(early.body), /pas gehouden op of na de dag van de ceremonie/)
    assert.equal((await mechelen.staffClient.post(paths.editionStatus(edition.id), { status: 'invitations_open' })).statusCode, 303, 'replies can be reopened')
    const row = await t.db.selectFrom('editions').select('status').where('id', '=', edition.id).executeTakeFirstOrThrow()
    assert.equal(row.status, 'invitations_open')
    const audit = await t.db.selectFrom('audit_events').select('details_json').where('record_id', '=', edition.id).where('action', '=', 'edition.status_changed').execute()
    assert.equal(audit.length, 3)
  })

  test('"start from last edition" fills the form a year later and copies the playbook as it was adapted', async () => {
    const last = await createEdition(t.db, mechelen.municipality.id, { name: 'Welkomstceremonie 2026', periodFrom: '2025-01-01', periodTo: '2025-12-31' })
    await t.db.updateTable('edition_tasks').set({ title: 'Zaal in het stadhuis vastleggen' }).where('edition_id', '=', last.id).where('position', '=', 4).execute()
    const form = await mechelen.staffClient.get(paths.editionNew(last.id))
    assert.match(form.body, /value="Welkomstceremonie 2027"/)
    assert.match(form.body, /name="periodFrom"[^>]*value="2026-01-01"|value="2026-01-01"[^>]*name="periodFrom"/)
    assert.match(form.body, new RegExp(`name="copyFrom" value="${last.id}"`))
    const created = await mechelen.staffClient.post(paths.editionNew(), editionFields({ copyFrom: last.id, name: 'Welkomstceremonie 2027' }))
    assert.equal(created.statusCode, 303)
    const id = created.headers.location!.split('/').pop()!
    assert.equal((await tasksOf(id))[4]!.title, 'Zaal in het stadhuis vastleggen')
    const row = await t.db.selectFrom('editions').select('copied_from_id').where('id', '=', id).executeTakeFirstOrThrow()
    assert.equal(row.copied_from_id, last.id)
  })

  test('a third municipality gets 404 on every edition route, and cannot copy another’s edition', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id, { coOrganiserIds: [skw.municipality.id] })
    await expectNotFoundForOtherMunicipality(mol.staffClient, [
      { method: 'GET', url: paths.edition(edition.id) },
      { method: 'GET', url: paths.editionEdit(edition.id) },
      { method: 'POST', url: paths.editionEdit(edition.id), fields: editionFields() },
      { method: 'POST', url: paths.editionStatus(edition.id), fields: { status: 'invitations_open' } },
    ])
    assert.ok(!visibleText((await mol.staffClient.get(paths.editions())).body).includes('Welkomstceremonie'))
    const copied = await mol.staffClient.get(paths.editionNew(edition.id))
    assert.ok(!copied.body.includes(edition.id), 'the form does not fill from another municipality’s edition')
  })

  test('one click proposes the municipality for the ceremony practice page through the editors; a second click with nothing new sends nothing', async () => {
    await loadReferenceData(t.db)
    const edition = await createEdition(t.db, mechelen.municipality.id, { coOrganiserIds: [skw.municipality.id] })
    await t.db.updateTable('municipalities').set({ contact_email: 'samenleven@mechelen.example' }).where('id', '=', mechelen.municipality.id).execute()
    const sent = await mechelen.staffClient.post(paths.editionPracticeEntry(edition.id))
    assert.equal(sent.statusCode, 303)
    assert.match(visibleText((await mechelen.staffClient.get(paths.edition(edition.id))).body), /Uw gemeente is voorgesteld voor de praktijkpagina/)
    const submission = await t.db.selectFrom('practice_submissions').selectAll().where('submitter_municipality_id', '=', mechelen.municipality.id).executeTakeFirstOrThrow()
    assert.equal(submission.status, 'pending', 'staff are known: it goes straight to the editors')
    const payload = submission.payload_json as { kind: string; entry: { blurb: string; since: string; contactEmail: string } }
    assert.equal(payload.kind, 'join')
    assert.match(payload.entry.blurb, /Mechelen organiseert samen met Sint-Katelijne-Waver een ceremonie/)
    assert.match(payload.entry.since, /^sinds \d{4}, \d+ edities in Welkom$/)
    assert.equal(payload.entry.contactEmail, 'samenleven@mechelen.example')

    // Once the editors accepted it, the entry is complete and a second click has nothing to add.
    const practice = await t.db.selectFrom('practices').select('id').where('slug', '=', 'inburgeringsceremonie').executeTakeFirstOrThrow()
    await t.db.insertInto('practice_entries').values({ id: 'mechelen-entry', practice_id: practice.id, municipality_id: mechelen.municipality.id, blurb: payload.entry.blurb, since: payload.entry.since, contact_name: null, contact_email: payload.entry.contactEmail, contact_phone: null, website: null, created_at: new Date(), updated_at: new Date() }).execute()
    await mechelen.staffClient.post(paths.editionPracticeEntry(edition.id))
    assert.match(visibleText((await mechelen.staffClient.get(paths.edition(edition.id))).body), /zegt al alles\. Er is niets verstuurd/)
    assert.equal((await t.db.selectFrom('practice_submissions').select('id').where('submitter_municipality_id', '=', mechelen.municipality.id).execute()).length, 1)
    assert.equal((await mol.staffClient.post(paths.editionPracticeEntry(edition.id))).statusCode, 404, 'not for a third municipality')
  })
})
