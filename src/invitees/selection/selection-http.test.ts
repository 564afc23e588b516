// Selection under capacity through HTTP on the suite's database: when it is needed, the preview,
// confirming by certificate date and by draw, the record and reasons, bad input, replacing,
// undoing, and another municipality's 404.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText, type Client } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition, createOrganisers, type Organiser } from '../../../test/helpers/editions.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import { paths, withQuery } from '../../paths.ts'
import { insertHousehold, insertPeople, type PersonOverrides } from '../households/people-test-support.ts'
import { decideSelection } from './selection.ts'

/** Eight people with a certificate in January, one without a date, and one excluded. */
const PEOPLE: PersonOverrides[] = [
  ...Array.from({ length: 7 }, (_, i) => ({ last_name: `Datum${i + 1}`, certificate_date: `2026-01-0${i + 1}` })),
  { last_name: 'Zonderdatum', certificate_date: null },
  { last_name: 'Uitgesloten', certificate_date: '2025-12-01', excluded_reason: 'deceased' },
]

describe(`selection under capacity on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Organiser, mol: Organiser
  let client: Client

  before(async () => {
    t = await createTestApp()
    ;({ mechelen, mol } = await createOrganisers(t))
    client = mechelen.staffClient
  })
  after(() => t.close())

  /** 15 seats and two guests each: 5 places for invitees. */
  const crowdedEdition = async (people: PersonOverrides[] = PEOPLE) => {
    const edition = await createEdition(t.db, mechelen.municipality.id, { capacity: 15, guestsPerInvitee: 2 })
    const ids = await insertPeople(t.db, edition.id, people)
    return { edition, ids }
  }
  const preview = async (editionId: string, query: Record<string, string>) => client.get(withQuery(paths.editionSelectionNew(editionId), query))
  const hidden = (html: string) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="(plaatsen|methode|kandidaten|seed|proof)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]))
  const outcomes = async (editionId: string) => Object.fromEntries((await t.db.selectFrom('invitees').select(['last_name', 'selection']).where('edition_id', '=', editionId).execute()).map((r) => [r.last_name, r.selection]))
  const records = (editionId: string) => t.db.selectFrom('invitee_selections').selectAll().where('edition_id', '=', editionId).orderBy('created_at').execute()
  const confirm = async (editionId: string, query: Record<string, string>) => {
    const page = await preview(editionId, query)
    assert.equal(page.statusCode, 200)
    const response = await client.post(paths.editionSelection(editionId), hidden(page.body))
    assert.equal(response.statusCode, 303)
    return visibleText((await client.get(String(response.headers.location))).body)
  }

  test('when everyone fits the page says so and offers nothing to do; a posted selection changes nothing', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id, { capacity: 150, guestsPerInvitee: 2 })
    await insertPeople(t.db, edition.id, PEOPLE)
    const text = visibleText((await client.get(paths.editionSelection(edition.id))).body)
    assert.match(text, /Mensen op de lijst \(zonder uitgesloten mensen\) 8 mensen Plaatsen voor genodigden 50 \(150 plaatsen in de zaal, elke genodigde mag 2 gasten meebrengen\)/)
    assert.match(text, /Iedereen past: 8 mensen op de lijst voor 50 plaatsen\. Een selectie is niet nodig\./)
    assert.doesNotMatch(text, /Selectie maken/)
    const form = await preview(edition.id, { plaatsen: '3', methode: 'draw' })
    assert.equal(form.statusCode, 200)
    assert.doesNotMatch(form.body, /name="plaatsen"/)
    const posted = await client.post(paths.editionSelection(edition.id), { plaatsen: '3', methode: 'certificate_date', kandidaten: '8' })
    assert.equal(posted.statusCode, 400)
    assert.deepEqual(await records(edition.id), [])
  })

  test('selecting by certificate date: the preview shows numbers, confirming stores every outcome, the record and the reasons', async () => {
    const { edition } = await crowdedEdition()
    const start = visibleText((await client.get(paths.editionSelection(edition.id))).body)
    assert.match(start, /Er staan 8 mensen op de lijst voor 5 plaatsen/)
    const form = await preview(edition.id, {})
    assert.match(form.body, /name="plaatsen" type="text" value="5"/)
    const shown = await preview(edition.id, { plaatsen: '5', methode: 'certificate_date' })
    assert.match(visibleText(shown.body), /Resultaat Manier Op datum van het attest Plaatsen 5 Gekozen 5 mensen Niet gekozen 3 mensen/)
    assert.doesNotMatch(visibleText(shown.body), /Datum1/, 'the preview names nobody')
    assert.deepEqual(await records(edition.id), [], 'a preview changes nothing')

    const text = await confirm(edition.id, { plaatsen: '5', methode: 'certificate_date' })
    assert.match(text, /De selectie is bewaard/)
    assert.deepEqual(await outcomes(edition.id), { Datum1: 'selected', Datum2: 'selected', Datum3: 'selected', Datum4: 'selected', Datum5: 'selected', Datum6: 'not_selected', Datum7: 'not_selected', Zonderdatum: 'not_selected', Uitgesloten: null })
    const [record] = await records(edition.id)
    assert.equal(record!.method, 'certificate_date')
    assert.equal(record!.seed, null)
    assert.deepEqual([record!.places, record!.candidates, record!.selected, record!.not_selected], [5, 8, 5, 3])
    assert.equal(record!.created_by, mechelen.staff.id)
    assert.match(text, /Door Medewerker Mechelen Manier Op datum van het attest Plaatsen 5 Mensen die meededen 8 mensen Gekozen 5 mensen Niet gekozen 3 mensen/)
    assert.match(text, /Datum6 .* 6 januari 2026 Geen plaats: de datum van het attest is later dan 5 januari 2026/)
    assert.match(text, /Zonderdatum .* Geen datum Geen plaats: er is geen datum van het attest/)
    const event = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitees.selected').where('record_id', '=', edition.id).executeTakeFirstOrThrow()
    assert.deepEqual(event.details_json, { selection: record!.id, method: 'certificate_date', places: 5, candidates: 8, selected: 5, notSelected: 3 })
    assert.equal((await t.db.selectFrom('audit_events').select('id').where('action', '=', 'invitees.selection_viewed').where('record_id', '=', edition.id).execute()).length, 1)
  })

  test('a draw stores its seed, and the same seed gives exactly the stored outcome again', async () => {
    const { edition } = await crowdedEdition()
    const text = await confirm(edition.id, { plaatsen: '4', methode: 'draw' })
    const [record] = await records(edition.id)
    assert.match(record!.seed!, /^[0-9a-f]{64}$/)
    assert.match(text, new RegExp(`Manier Door loting Lotingscode ${record!.seed}`))
    assert.match(text, /Niet geloot: de plaatsen waren vol/)
    const rows = await t.db.selectFrom('invitees').select(['id', 'household_id', 'certificate_date', 'selection', 'excluded_reason']).where('edition_id', '=', edition.id).where('excluded_reason', 'is', null).execute()
    const again = decideSelection(rows.map((r) => ({ id: r.id, householdId: r.household_id, certificateDate: r.certificate_date })), { method: 'draw', seed: record!.seed, places: 4 })
    assert.deepEqual(again.selected.sort(), rows.filter((r) => r.selection === 'selected').map((r) => r.id).sort())
    assert.equal(again.selected.length, 4)
  })

  test('a seed the server did not make, or none, is refused and nothing is stored', async () => {
    const { edition } = await crowdedEdition()
    const fields = hidden((await preview(edition.id, { plaatsen: '4', methode: 'draw' })).body)
    const attempts: Record<string, string>[] = [{ ...fields, seed: 'c'.repeat(64) }, { ...fields, seed: '' }, { ...fields, proof: 'x' }, { plaatsen: '4', methode: 'draw', kandidaten: '8' }]
    for (const tampered of attempts) {
      const response = await client.post(paths.editionSelection(edition.id), tampered)
      assert.equal(response.statusCode, 400)
      assert.match(visibleText(response.body), /Deze loting is niet meer geldig/)
    }
    assert.deepEqual(await records(edition.id), [])
    assert.equal(Object.values(await outcomes(edition.id)).filter(Boolean).length, 0)
  })

  test('places that are not a number, zero, negative, as many as the candidates or more are refused with the value kept', async () => {
    const { edition } = await crowdedEdition()
    const cases: [string, RegExp][] = [
      ['vijf', /Vul een heel getal in van 1 tot 100\.000/],
      ['0', /Vul een heel getal in van 1 tot 100\.000/],
      ['-2', /Vul een heel getal in van 1 tot 100\.000/],
      ['8', /Er staan maar 8 mensen op de lijst: met zoveel plaatsen past iedereen/],
      ['120', /Er staan maar 8 mensen op de lijst/],
    ]
    for (const [plaatsen, message] of cases) {
      for (const response of [await preview(edition.id, { plaatsen, methode: 'certificate_date' }), await client.post(paths.editionSelection(edition.id), { plaatsen, methode: 'certificate_date', kandidaten: '8' })]) {
        assert.equal(response.statusCode, 400, plaatsen)
        assert.match(response.body, /<title>Fout:/)
        assert.match(visibleText(response.body), message)
        assert.match(response.body, new RegExp(`name="plaatsen" type="text" value="${plaatsen}"`))
      }
    }
    const noMethod = await client.post(paths.editionSelection(edition.id), { plaatsen: '3', methode: 'munt', kandidaten: '8' })
    assert.equal(noMethod.statusCode, 400)
    assert.match(visibleText(noMethod.body), /Kies hoe u kiest/)
    assert.deepEqual(await records(edition.id), [])
  })

  test('a list that changed since the preview is not selected until the preview is seen again', async () => {
    const { edition } = await crowdedEdition()
    const fields = hidden((await preview(edition.id, { plaatsen: '5', methode: 'certificate_date' })).body)
    await insertPeople(t.db, edition.id, [{ last_name: 'Nieuw', certificate_date: '2025-06-01' }])
    const response = await client.post(paths.editionSelection(edition.id), fields)
    assert.equal(response.statusCode, 400)
    assert.match(visibleText(response.body), /De lijst is veranderd/)
    assert.deepEqual(await records(edition.id), [])
  })

  test('a household is never split: it takes as many places as it has people, or none', async () => {
    const { edition, ids } = await crowdedEdition([
      { last_name: 'Huis1', certificate_date: '2026-01-01' },
      { last_name: 'Huis2', certificate_date: '2026-01-09' },
      { last_name: 'Huis3', certificate_date: null },
      ...Array.from({ length: 5 }, (_, i) => ({ last_name: `Los${i + 1}`, certificate_date: `2026-01-0${i + 2}` })),
    ])
    await insertHousehold(t.db, edition.id, ids.slice(0, 3))
    const text = await confirm(edition.id, { plaatsen: '4', methode: 'certificate_date' })
    const result = await outcomes(edition.id)
    assert.deepEqual([result.Huis1, result.Huis2, result.Huis3], ['selected', 'selected', 'selected'])
    assert.deepEqual([result.Los1, result.Los2], ['selected', 'not_selected'])
    assert.match(text, /Los2 .* Geen plaats: de datum van het attest is later dan 2 januari 2026/)
    const narrow = await crowdedEdition([
      { last_name: 'Huis1', certificate_date: '2026-01-01' },
      { last_name: 'Huis2', certificate_date: null },
      { last_name: 'Huis3' },
      ...Array.from({ length: 3 }, (_, i) => ({ last_name: `Los${i + 1}`, certificate_date: `2026-01-0${i + 5}` })),
    ])
    await insertHousehold(t.db, narrow.edition.id, narrow.ids.slice(0, 3))
    const narrowText = await confirm(narrow.edition.id, { plaatsen: '2', methode: 'certificate_date' })
    assert.deepEqual(await outcomes(narrow.edition.id), { Huis1: 'not_selected', Huis2: 'not_selected', Huis3: 'not_selected', Los1: 'selected', Los2: 'selected', Los3: 'not_selected' })
    assert.match(narrowText, /Huis1 .* 1 januari 2026 Geen plaats: het huishouden van 3 mensen paste niet meer/)
  })

  test('a new selection replaces the outcome and is recorded as well; people added later are pointed out', async () => {
    const { edition } = await crowdedEdition()
    await confirm(edition.id, { plaatsen: '5', methode: 'certificate_date' })
    await confirm(edition.id, { plaatsen: '2', methode: 'certificate_date' })
    assert.equal(Object.values(await outcomes(edition.id)).filter((s) => s === 'selected').length, 2)
    assert.deepEqual((await records(edition.id)).map((r) => r.places), [5, 2])
    await insertPeople(t.db, edition.id, [{ last_name: 'Laat' }])
    const text = visibleText((await client.get(paths.editionSelection(edition.id))).body)
    assert.match(text, /1 persoon kwam op de lijst na deze selectie/)
    assert.match(text, /Alle selecties 2 selecties, de laatste eerst/)
  })

  test('undoing clears every outcome and keeps the records; undoing again says there was nothing to undo', async () => {
    const { edition } = await crowdedEdition()
    await confirm(edition.id, { plaatsen: '5', methode: 'draw' })
    const undone = await client.post(paths.editionSelectionUndo(edition.id))
    assert.equal(undone.statusCode, 303)
    const text = visibleText((await client.get(String(undone.headers.location))).body)
    assert.match(text, /De selectie is ongedaan gemaakt/)
    assert.match(text, /Er staan 8 mensen op de lijst voor 5 plaatsen/)
    assert.match(text, /Alle selecties 1 selectie/)
    assert.equal(Object.values(await outcomes(edition.id)).filter(Boolean).length, 0)
    const event = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitees.selection_undone').where('record_id', '=', edition.id).executeTakeFirstOrThrow()
    assert.deepEqual(event.details_json, { cleared: 8 })
    const again = await client.post(paths.editionSelectionUndo(edition.id))
    assert.match(visibleText((await client.get(String(again.headers.location))).body), /Er was geen selectie om ongedaan te maken/)
  })

  test('another municipality gets 404 on every selection route', async () => {
    const { edition } = await crowdedEdition()
    await expectNotFoundForOtherMunicipality(mol.staffClient, [
      { method: 'GET', url: paths.editionSelection(edition.id) },
      { method: 'GET', url: withQuery(paths.editionSelectionNew(edition.id), { plaatsen: '2', methode: 'certificate_date' }) },
      { method: 'POST', url: paths.editionSelection(edition.id), fields: { plaatsen: '2', methode: 'certificate_date', kandidaten: '8' } },
      { method: 'POST', url: paths.editionSelectionUndo(edition.id) },
    ])
    assert.deepEqual(await records(edition.id), [])
  })
})
