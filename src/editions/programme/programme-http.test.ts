import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText, type Client } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { type Organiser, createEdition, createOrganisers, editionFields } from '../../../test/helpers/editions.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import { paths, withQuery } from '../../paths.ts'
import { DEFAULT_PROGRAMME } from './programme.ts'

describe(`the programme on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Organiser, skw: Organiser, mol: Organiser

  before(async () => {
    t = await createTestApp()
    ;({ mechelen, skw, mol } = await createOrganisers(t))
  })
  after(() => t.close())

  const itemsOf = (editionId: string) => t.db.selectFrom('programme_items').select(['id', 'title', 'duration_minutes', 'performer', 'kind']).where('edition_id', '=', editionId).orderBy('position').execute()
  const programmeText = async (client: Client, editionId: string) => visibleText((await client.get(paths.editionProgramme(editionId))).body)
  const add = (client: Client, editionId: string, fields: Record<string, string>) => client.post(paths.programmeItemNew(editionId), { kind: 'other', duration: '10', performer: '', ...fields })

  test('items get their times from the ceremony’s start; moving, lengthening and deleting one recompute the rest', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const client = mechelen.staffClient
    assert.equal((await add(client, edition.id, { kind: 'welcome', title: 'Welkom', duration: '5' })).statusCode, 303)
    await add(client, edition.id, { kind: 'speech', title: 'Toespraak', duration: '10', performer: 'Burgemeester' })
    await add(client, edition.id, { kind: 'music', title: 'Koor', duration: '15' })
    let text = await programmeText(client, edition.id)
    assert.match(text, /19:00–19:05 Welkom Welkom · 5 min/)
    assert.match(text, /19:05–19:15 Toespraak Toespraak · 10 min Wie: Burgemeester/)
    assert.match(text, /19:15–19:30 Koor Muziek · 15 min/)
    assert.match(text, /Samen 30 minuten: van 19:00 tot 19:30/)

    const [welcome, speech, choir] = await itemsOf(edition.id)
    const moved = await client.post(paths.editionProgramme(edition.id), { item: choir!.id, move: 'up' })
    assert.equal(moved.statusCode, 303)
    text = await programmeText(client, edition.id)
    assert.match(text, /De uren zijn aangepast/)
    assert.match(text, /19:05–19:20 Koor.*19:20–19:30 Toespraak/)

    const edited = await client.post(paths.programmeItem(edition.id, speech!.id), { kind: 'speech', title: 'Toespraak van de burgemeester', duration: '20', performer: 'Burgemeester' })
    assert.equal(edited.statusCode, 303)
    assert.match(await programmeText(client, edition.id), /19:20–19:40 Toespraak van de burgemeester/)

    const confirm = visibleText((await client.get(withQuery(paths.programmeItem(edition.id, welcome!.id), { verwijderen: 'ja' }))).body)
    assert.match(confirm, /Welkom verwijderen\?/)
    assert.match(confirm, /begint 5 minuten vroeger. U kunt dit niet ongedaan maken/)
    assert.equal((await itemsOf(edition.id)).length, 3, 'asking is not deleting')
    assert.equal((await client.post(paths.programmeItem(edition.id, welcome!.id), { intent: 'delete' })).statusCode, 303)
    text = await programmeText(client, edition.id)
    assert.match(text, /19:00–19:15 Koor.*19:15–19:35 Toespraak van de burgemeester/)
    assert.match(text, /Samen 35 minuten: van 19:00 tot 19:35/)
    assert.deepEqual((await itemsOf(edition.id)).map((i) => i.title), ['Koor', 'Toespraak van de burgemeester'])

    const audit = await t.db.selectFrom('audit_events').select('action').where('municipality_id', '=', mechelen.municipality.id).where('action', 'like', 'programme.%').execute()
    assert.deepEqual(audit.map((a) => a.action).sort(), ['programme.item_added', 'programme.item_added', 'programme.item_added', 'programme.item_deleted', 'programme.item_moved', 'programme.item_updated'])
  })

  test('a change that would run past midnight is refused with the end time, keeping what was typed', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id, { time: '22:30' })
    const refused = await add(mechelen.staffClient, edition.id, { kind: 'speech', title: 'Lange toespraak', duration: '120' })
    assert.equal(refused.statusCode, 400)
    assert.match(visibleText(refused.body), /Het programma zou dan pas om 00:30 eindigen, na middernacht/)
    assert.match(refused.body, /value="Lange toespraak"/)
    assert.match(refused.body, /value="120"/)
    assert.deepEqual(await itemsOf(edition.id), [])

    assert.equal((await add(mechelen.staffClient, edition.id, { kind: 'speech', title: 'Toespraak', duration: '90' })).statusCode, 303, 'ending at midnight is allowed')
    const [speech] = await itemsOf(edition.id)
    const longer = await mechelen.staffClient.post(paths.programmeItem(edition.id, speech!.id), { kind: 'speech', title: 'Toespraak', duration: '91' })
    assert.equal(longer.statusCode, 400)
    assert.match(visibleText(longer.body), /pas om 00:01 eindigen/)
    assert.equal((await itemsOf(edition.id))[0]!.duration_minutes, 90)

    const late = await createEdition(t.db, mechelen.municipality.id, { time: '22:30' })
    const refusedDefault = await mechelen.staffClient.post(paths.editionProgramme(late.id), { add: 'default' })
    assert.equal(refusedDefault.statusCode, 400)
    assert.match(visibleText(refusedDefault.body), /Het standaardprogramma duurt 120 minuten en zou pas om 00:30 eindigen/)
    assert.deepEqual(await itemsOf(late.id), [])
  })

  test('a duration of zero, below zero or not a number is refused with a message and nothing is lost', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    for (const duration of ['0', '-5', 'abc']) {
      const response = await add(mechelen.staffClient, edition.id, { kind: 'music', title: 'Strijkkwartet', duration, performer: 'Muziekacademie' })
      assert.equal(response.statusCode, 400, duration)
      assert.match(visibleText(response.body), /Vul een duur in van 1 tot 600 minuten, als een heel getal/)
      assert.match(response.body, /value="Strijkkwartet"/)
      assert.match(response.body, /value="Muziekacademie"/)
    }
    assert.deepEqual(await itemsOf(edition.id), [])
  })

  test('an edition without a programme offers the default one, which is added once with Dutch titles', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    assert.match(await programmeText(mechelen.staffClient, edition.id), /Er is nog geen programma. .* Standaardprogramma toevoegen/)
    assert.equal((await mechelen.staffClient.post(paths.editionProgramme(edition.id), { add: 'default' })).statusCode, 303)
    assert.equal((await mechelen.staffClient.post(paths.editionProgramme(edition.id), { add: 'default' })).statusCode, 303)
    const items = await itemsOf(edition.id)
    assert.deepEqual(items.map((i) => i.title), DEFAULT_PROGRAMME.map((i) => i.title), 'a second click adds nothing')
    const text = await programmeText(mechelen.staffClient, edition.id)
    assert.match(text, /Er is al een programma. Er is niets toegevoegd/)
    assert.match(text, /19:05–19:15 Toespraak van de burgemeester Toespraak · 10 min Wie: Burgemeester/)
    assert.match(text, /20:15–21:00 Receptie en infomarkt/)
  })

  test('co-organisers’ staff edit the shared programme; a third municipality gets 404 on every programme route', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id, { coOrganiserIds: [skw.municipality.id] })
    assert.equal((await add(skw.staffClient, edition.id, { kind: 'welcome', title: 'Welkom', duration: '5' })).statusCode, 303)
    const [item] = await itemsOf(edition.id)
    assert.equal((await skw.staffClient.post(paths.programmeItem(edition.id, item!.id), { kind: 'welcome', title: 'Welkom in Sint-Katelijne-Waver', duration: '5' })).statusCode, 303)
    assert.match(await programmeText(mechelen.staffClient, edition.id), /Welkom in Sint-Katelijne-Waver/)

    await expectNotFoundForOtherMunicipality(mol.staffClient, [
      { method: 'GET', url: paths.editionProgramme(edition.id) },
      { method: 'POST', url: paths.editionProgramme(edition.id), fields: { item: item!.id, move: 'down' } },
      { method: 'POST', url: paths.editionProgramme(edition.id), fields: { add: 'default' } },
      { method: 'GET', url: paths.programmeItemNew(edition.id) },
      { method: 'POST', url: paths.programmeItemNew(edition.id), fields: { kind: 'music', title: 'Muziek', duration: '5' } },
      { method: 'GET', url: paths.programmeItem(edition.id, item!.id) },
      { method: 'GET', url: withQuery(paths.programmeItem(edition.id, item!.id), { verwijderen: 'ja' }) },
      { method: 'POST', url: paths.programmeItem(edition.id, item!.id), fields: { kind: 'music', title: 'Muziek', duration: '5' } },
      { method: 'POST', url: paths.programmeItem(edition.id, item!.id), fields: { intent: 'delete' } },
      { method: 'GET', url: paths.runSheet(edition.id) },
    ])
    assert.deepEqual((await itemsOf(edition.id)).map((i) => i.title), ['Welkom in Sint-Katelijne-Waver'])
  })

  test('an item of another edition is not found through this edition', async () => {
    const mine = await createEdition(t.db, mechelen.municipality.id)
    const other = await createEdition(t.db, mechelen.municipality.id)
    await add(mechelen.staffClient, other.id, { kind: 'music', title: 'Koor', duration: '10' })
    await add(mechelen.staffClient, other.id, { kind: 'music', title: 'Fanfare', duration: '10' })
    const [foreign] = await itemsOf(other.id)
    const client = mechelen.staffClient
    assert.equal((await client.get(paths.programmeItem(mine.id, foreign!.id))).statusCode, 404)
    assert.equal((await client.post(paths.programmeItem(mine.id, foreign!.id), { kind: 'music', title: 'Gewijzigd', duration: '10' })).statusCode, 404)
    assert.equal((await client.post(paths.programmeItem(mine.id, foreign!.id), { intent: 'delete' })).statusCode, 404)
    assert.equal((await client.post(paths.editionProgramme(mine.id), { item: foreign!.id, move: 'down' })).statusCode, 404)
    assert.deepEqual((await itemsOf(other.id)).map((i) => i.title), ['Koor', 'Fanfare'])
  })

  test('"start from last edition" copies the programme in its order', async () => {
    const last = await createEdition(t.db, mechelen.municipality.id, { name: 'Welkomstceremonie 2026' })
    await mechelen.staffClient.post(paths.editionProgramme(last.id), { add: 'default' })
    await add(mechelen.staffClient, last.id, { kind: 'other', title: 'Dankwoord', duration: '5', performer: 'Schepen' })
    const created = await mechelen.staffClient.post(paths.editionNew(), editionFields({ copyFrom: last.id }))
    assert.equal(created.statusCode, 303)
    const id = created.headers.location!.split('/').pop()!
    const strip = ({ title, duration_minutes, performer, kind }: Awaited<ReturnType<typeof itemsOf>>[number]) => ({ title, duration_minutes, performer, kind })
    assert.deepEqual((await itemsOf(id)).map(strip), (await itemsOf(last.id)).map(strip))
    assert.match(await programmeText(mechelen.staffClient, id), /21:00–21:05 Dankwoord Ander onderdeel · 5 min Wie: Schepen/)
  })
})
