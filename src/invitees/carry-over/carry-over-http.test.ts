// Carry-over through HTTP on the suite's database: choosing an earlier edition, who comes along,
// adding them in one step (everything personal copied, nothing doubled), bad sources, and another
// municipality's 404.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText, type Client } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition, createOrganisers, type Organiser } from '../../../test/helpers/editions.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import { paths, withQuery } from '../../paths.ts'
import { insertHousehold, insertPeople } from '../households/people-test-support.ts'

const OMAR = {
  last_name: 'Haddad',
  first_name: 'Omar',
  birth_date: '2005-09-15',
  national_number_hash: 'a1'.repeat(32),
  street: 'Zandstraat',
  house_number: '67',
  box: '2',
  postcode: '2200',
  city: 'Herentals',
  email: 'omar.haddad@hotmail.com',
  phone: '+32499247533',
  language: 'ar',
  certificate_date: '2025-11-02',
  warnings_json: [{ column: 'GSM', message: 'invitees.import.phoneInvalid' }],
  selection: 'not_selected' as const,
}

describe(`carry-over on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Organiser, mol: Organiser
  let client: Client

  before(async () => {
    t = await createTestApp()
    ;({ mechelen, mol } = await createOrganisers(t))
    client = mechelen.staffClient
  })
  after(() => t.close())

  const editionOf = (municipalityId: string, name: string, date?: string) => createEdition(t.db, municipalityId, { name, ...(date ? { date } : {}) })
  /** An earlier edition with two people not selected, one who asked for next time, and three who are not carried over. */
  const earlierWithPeople = async (name = 'Ceremonie 2025') => {
    const earlier = await editionOf(mechelen.municipality.id, name, '2025-12-10')
    const ids = await insertPeople(t.db, earlier.id, [
      OMAR,
      { last_name: 'Peeters', first_name: 'An', birth_date: '1980-05-05', selection: 'not_selected' },
      { last_name: 'Volgende', first_name: 'Keer', selection: 'selected', has_asked_next_time: true },
      { last_name: 'Buitenspel', first_name: 'Niet', selection: 'not_selected', has_asked_next_time: true, excluded_reason: 'no_contact' },
      { last_name: 'Gekozen', first_name: 'Wel', selection: 'selected' },
      { last_name: 'Gewoon', first_name: 'Op', selection: null },
    ])
    return { earlier, ids }
  }
  const peopleOn = (editionId: string) => t.db.selectFrom('invitees').selectAll().where('edition_id', '=', editionId).orderBy('last_name').execute()

  test('the choice lists the earlier editions the municipality organises that still hold their people', async () => {
    const target = await editionOf(mechelen.municipality.id, 'Doel 2027')
    await editionOf(mechelen.municipality.id, 'Vorig jaar', '2025-11-01')
    const purged = await editionOf(mechelen.municipality.id, 'Verwijderd', '2025-06-01')
    await t.db.updateTable('editions').set({ purged_at: new Date() }).where('id', '=', purged.id).execute()
    await editionOf(mechelen.municipality.id, 'Later dan het doel', '2030-01-01')
    await editionOf(mol.municipality.id, 'Van Mol', '2025-10-01')
    const text = visibleText((await client.get(paths.editionCarryOver(target.id))).body)
    assert.match(text, /Vorig jaar Ceremonie op 1 november 2025/)
    for (const absent of ['Verwijderd', 'Later dan het doel', 'Van Mol', 'Doel 2027 Ceremonie']) assert.ok(!text.includes(absent), absent)
    assert.match(text, /Huishoudens nemen we niet over/)
  })

  test('the preview counts who qualifies and who is already on the list, names them and records the view', async () => {
    const target = await editionOf(mechelen.municipality.id, 'Doel 2027')
    const { earlier } = await earlierWithPeople()
    // Already on the new list: Omar by his hash (another spelling), An by name and birth date.
    await insertPeople(t.db, target.id, [{ ...OMAR, last_name: 'Hadad', selection: null }, { last_name: 'PEETERS', first_name: 'an', birth_date: '1980-05-05' }])
    const text = visibleText((await client.get(withQuery(paths.editionCarryOver(target.id), { van: earlier.id }))).body)
    assert.match(text, /Uit Ceremonie 2025 Mensen die in aanmerking komen 3 mensen Staan al op deze lijst 2 mensen Worden toegevoegd 1 persoon/)
    assert.match(text, /1 persoon toevoegen aan deze editie/)
    assert.match(text, /Haddad Omar 15 september 2005 Niet gekozen: te weinig plaatsen staat er al op/)
    assert.match(text, /Volgende Keer .* Vroeg om de volgende keer te komen wordt toegevoegd/)
    for (const absent of ['Buitenspel', 'Gekozen Wel', 'Gewoon Op']) assert.ok(!text.includes(absent), absent)
    const event = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitees.carry_over_viewed').where('record_id', '=', target.id).executeTakeFirstOrThrow()
    assert.deepEqual(event.details_json, { from: earlier.id, shown: 3, candidates: 3, add: 1, alreadyOn: 2 })
  })

  test('confirming copies every personal detail, marks where people came from, and records counts only', async () => {
    const target = await editionOf(mechelen.municipality.id, 'Doel 2027')
    const { earlier, ids } = await earlierWithPeople()
    await insertHousehold(t.db, earlier.id, [ids[0]!, ids[1]!])
    const response = await client.post(paths.editionCarryOver(target.id), { van: earlier.id })
    assert.equal(response.statusCode, 303)
    const text = visibleText((await client.get(String(response.headers.location))).body)
    assert.match(text, /De mensen zijn toegevoegd aan deze editie/)
    assert.match(text, /Staan al op deze lijst 3 mensen Worden toegevoegd 0 mensen Iedereen die in aanmerking komt, staat al op deze lijst/)
    const people = await peopleOn(target.id)
    assert.deepEqual(people.map((p) => p.last_name), ['Haddad', 'Peeters', 'Volgende'])
    const omar = people[0]!
    for (const [column, value] of Object.entries(OMAR)) if (column !== 'selection') assert.deepEqual(omar[column], value, column)
    for (const p of people) {
      assert.equal(p.source, 'carry_over')
      assert.equal(p.carried_from_edition_id, earlier.id)
      assert.equal(p.selection, null)
      assert.equal(p.household_id, null, 'households are not carried over')
      assert.equal(Boolean(p.has_asked_next_time), false)
      assert.equal(p.excluded_reason, null)
    }
    assert.equal((await peopleOn(earlier.id)).length, 6, 'the earlier edition keeps its people')
    const event = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitees.carried_over').where('record_id', '=', target.id).executeTakeFirstOrThrow()
    assert.deepEqual(event.details_json, { from: earlier.id, added: 3, skipped: 0 })
    assert.doesNotMatch(JSON.stringify(event), /Haddad|Zandstraat|hotmail/)
  })

  test('carrying over twice doubles nobody: the second time adds no one and counts them as skipped', async () => {
    const target = await editionOf(mechelen.municipality.id, 'Doel 2027')
    const { earlier } = await earlierWithPeople()
    await client.post(paths.editionCarryOver(target.id), { van: earlier.id })
    const again = await client.post(paths.editionCarryOver(target.id), { van: earlier.id })
    assert.equal(again.statusCode, 303)
    assert.equal((await peopleOn(target.id)).length, 3)
    const events = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitees.carried_over').where('record_id', '=', target.id).orderBy('occurred_at').execute()
    assert.deepEqual(events.map((e) => e.details_json), [{ from: earlier.id, added: 3, skipped: 0 }, { from: earlier.id, added: 0, skipped: 3 }])
  })

  test('an edition that is purged, not earlier, this one, or not chosen is refused with a message and adds nobody', async () => {
    const target = await editionOf(mechelen.municipality.id, 'Doel 2027')
    const { earlier: purged } = await earlierWithPeople('Verwijderd')
    await t.db.updateTable('editions').set({ purged_at: new Date() }).where('id', '=', purged.id).execute()
    const later = await editionOf(mechelen.municipality.id, 'Later', '2030-01-01')
    const cases: [string, RegExp][] = [
      [purged.id, /De gegevens van die editie zijn al verwijderd/],
      [later.id, /Die editie begint niet vóór deze/],
      [target.id, /Kies een andere editie dan deze/],
      ['', /Kies de editie waaruit u mensen overneemt/],
    ]
    for (const [van, message] of cases) {
      for (const response of [await client.get(withQuery(paths.editionCarryOver(target.id), { van: van || ' ' })), await client.post(paths.editionCarryOver(target.id), { van })]) {
        assert.equal(response.statusCode, 400, van)
        assert.match(response.body, /<title>Fout:/)
        assert.match(visibleText(response.body), message)
      }
    }
    const nothingTicked = await client.get(withQuery(paths.editionCarryOver(target.id), { kies: '1' }))
    assert.equal(nothingTicked.statusCode, 400)
    assert.match(visibleText(nothingTicked.body), /Kies de editie waaruit u mensen overneemt/)
    assert.equal((await peopleOn(target.id)).length, 0)
  })

  test('an edition of another municipality, or none at all, is not found and adds nobody', async () => {
    const target = await editionOf(mechelen.municipality.id, 'Doel 2027')
    const theirs = await editionOf(mol.municipality.id, 'Van Mol', '2025-10-01')
    await insertPeople(t.db, theirs.id, [{ last_name: 'Vanmol', selection: 'not_selected' }])
    for (const van of [theirs.id, '00000000-0000-4000-8000-000000000000', 'niet-een-id']) {
      assert.equal((await client.get(withQuery(paths.editionCarryOver(target.id), { van }))).statusCode, 404)
      assert.equal((await client.post(paths.editionCarryOver(target.id), { van })).statusCode, 404)
    }
    assert.equal((await peopleOn(target.id)).length, 0)
  })

  test('another municipality gets 404 on every carry-over route of this edition', async () => {
    const target = await editionOf(mechelen.municipality.id, 'Doel 2027')
    const { earlier } = await earlierWithPeople()
    await expectNotFoundForOtherMunicipality(mol.staffClient, [
      { method: 'GET', url: paths.editionCarryOver(target.id) },
      { method: 'GET', url: withQuery(paths.editionCarryOver(target.id), { van: earlier.id }) },
      { method: 'POST', url: paths.editionCarryOver(target.id), fields: { van: earlier.id } },
    ])
    assert.equal((await peopleOn(target.id)).length, 0)
  })
})
