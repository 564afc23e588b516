// Households through HTTP on the suite's database: suggestions, confirming all or some people,
// dismissing, taking a person out, dissolving, bad input, and another municipality's 404.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText, type Client } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition, createOrganisers, type Organiser } from '../../../test/helpers/editions.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import { paths } from '../../paths.ts'
import { releaseFromHouseholds } from './households-queries.ts'
import { insertHousehold, insertPeople } from './people-test-support.ts'

const KERKSTRAAT = { street: 'Kerkstraat', house_number: '1', box: '2', postcode: '2800', city: 'Mechelen' }

describe(`households on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Organiser, mol: Organiser
  let client: Client

  before(async () => {
    t = await createTestApp()
    ;({ mechelen, mol } = await createOrganisers(t))
    client = mechelen.staffClient
  })
  after(() => t.close())

  const newEdition = () => createEdition(t.db, mechelen.municipality.id)
  const pageText = async (editionId: string) => {
    const response = await client.get(paths.editionHouseholds(editionId))
    assert.equal(response.statusCode, 200)
    return { html: response.body, text: visibleText(response.body) }
  }
  /** The suggestion ids on the page, in order. */
  const suggestionIds = (html: string) => [...html.matchAll(/name="suggestion" value="([0-9a-f]{64})"/g)].map((m) => m[1]!)
  const householdOf = async (id: string) => (await t.db.selectFrom('invitees').select('household_id').where('id', '=', id).executeTakeFirstOrThrow()).household_id as string | null
  const followFlash = async (response: { statusCode: number; headers: Record<string, unknown> }) => {
    assert.equal(response.statusCode, 303)
    return visibleText((await client.get(String(response.headers.location))).body)
  }

  test('suggests people at the same address however it is written, and leaves out the excluded, the grouped and people alone', async () => {
    const edition = await newEdition()
    await insertPeople(t.db, edition.id, [
      { last_name: 'Janssens', first_name: 'Ahmed', ...KERKSTRAAT },
      { last_name: 'Janssens', first_name: 'Sara', street: 'KERKSTRAAT 1 bus 2', house_number: null, box: null, postcode: '2800', city: 'Mechelen' },
      { last_name: 'Janssens', first_name: 'Uitgesloten', ...KERKSTRAAT, excluded_reason: 'moved_away' },
      { last_name: 'Alleen', first_name: 'Op', ...KERKSTRAAT, box: '3' },
    ])
    const grouped = await insertPeople(t.db, edition.id, [
      { last_name: 'Al', first_name: 'Een', street: 'Markt', house_number: '5', postcode: '2800' },
      { last_name: 'Al', first_name: 'Twee', street: 'Markt', house_number: '5', postcode: '2800' },
    ])
    await insertHousehold(t.db, edition.id, grouped)
    const { html, text } = await pageText(edition.id)
    assert.equal(suggestionIds(html).length, 1)
    assert.match(text, /1 voorstel .* Op het adres Kerkstraat 1 bus 2, 2800 Mechelen Janssens Ahmed, geboortedatum niet gekend Janssens Sara/)
    assert.doesNotMatch(text, /Uitgesloten|Alleen Op/)
    assert.match(text, /1 bevestigd huishouden Markt 5, 2800 .* Al Een .* Al Twee/)
    assert.ok(!html.includes(KERKSTRAAT.street.toLowerCase() + '|'), 'the address key is never on the page')
    const viewed = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitees.households_viewed').where('record_id', '=', edition.id).execute()
    assert.equal(viewed.length, 1)
    assert.deepEqual(viewed[0]!.details_json, { suggestions: 1, households: 1 })
  })

  test('confirming a suggestion groups everyone ticked, records it with ids and counts only, and the suggestion is gone', async () => {
    const edition = await newEdition()
    const ids = await insertPeople(t.db, edition.id, [{ last_name: 'Haddad', ...KERKSTRAAT }, { last_name: 'Haddad', ...KERKSTRAAT }, { last_name: 'Haddad', ...KERKSTRAAT }])
    const [suggestion] = suggestionIds((await pageText(edition.id)).html)
    const text = await followFlash(await client.post(paths.editionHouseholds(edition.id), { suggestion: suggestion!, action: 'confirm', person: ids }))
    assert.match(text, /Het huishouden is bevestigd/)
    assert.match(text, /Geen voorstellen .* 1 bevestigd huishouden/)
    const households = await Promise.all(ids.map(householdOf))
    assert.ok(households[0])
    assert.deepEqual(households, [households[0], households[0], households[0]])
    const event = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitees.household_confirmed').where('record_id', '=', edition.id).executeTakeFirstOrThrow()
    assert.deepEqual(event.details_json, { household: households[0], people: 3, suggested: 3 })
    assert.doesNotMatch(JSON.stringify(event), /Haddad|Kerkstraat/)
  })

  test('confirming some of a suggestion groups only those; the one left alone is no longer suggested', async () => {
    const edition = await newEdition()
    const [a, b, c] = await insertPeople(t.db, edition.id, [KERKSTRAAT, KERKSTRAAT, KERKSTRAAT])
    const [suggestion] = suggestionIds((await pageText(edition.id)).html)
    await followFlash(await client.post(paths.editionHouseholds(edition.id), { suggestion: suggestion!, action: 'confirm', person: [a!, c!] }))
    assert.equal(await householdOf(a!), await householdOf(c!))
    assert.equal(await householdOf(b!), null)
    assert.deepEqual(suggestionIds((await pageText(edition.id)).html), [])
  })

  test('confirming fewer than two people, or someone from elsewhere, is refused with the error and the ticks kept', async () => {
    const edition = await newEdition()
    const [a, b] = await insertPeople(t.db, edition.id, [KERKSTRAAT, KERKSTRAAT])
    const [other] = await insertPeople(t.db, edition.id, [{ street: 'Markt', house_number: '9', postcode: '2800' }])
    const [suggestion] = suggestionIds((await pageText(edition.id)).html)
    const one = await client.post(paths.editionHouseholds(edition.id), { suggestion: suggestion!, action: 'confirm', person: a! })
    assert.equal(one.statusCode, 400)
    assert.match(one.body, /<title>Fout:/)
    assert.match(visibleText(one.body), /Er is een probleem Vink minstens twee mensen aan om een huishouden te vormen/)
    assert.match(one.body, new RegExp(`value="${a}" checked`))
    assert.doesNotMatch(one.body, new RegExp(`value="${b}" checked`))
    const none = await client.post(paths.editionHouseholds(edition.id), { suggestion: suggestion!, action: 'confirm' })
    assert.equal(none.statusCode, 400)
    const stranger = await client.post(paths.editionHouseholds(edition.id), { suggestion: suggestion!, action: 'confirm', person: [a!, b!, other!] })
    assert.equal(stranger.statusCode, 400)
    assert.match(visibleText(stranger.body), /Vink alleen mensen van dit voorstel aan/)
    for (const id of [a!, b!, other!]) assert.equal(await householdOf(id), null)
    assert.equal((await t.db.selectFrom('invitee_households').select('id').where('edition_id', '=', edition.id).execute()).length, 0)
  })

  test('an unknown or already handled suggestion changes nothing and says the suggestion is gone', async () => {
    const edition = await newEdition()
    const [a, b] = await insertPeople(t.db, edition.id, [KERKSTRAAT, KERKSTRAAT])
    const [suggestion] = suggestionIds((await pageText(edition.id)).html)
    const attempts: Record<string, string | string[]>[] = [{ suggestion: 'f'.repeat(64), action: 'confirm', person: [a!, b!] }, { suggestion: suggestion!, action: 'explode', person: [a!, b!] }, { action: 'dismiss' }]
    for (const fields of attempts) {
      assert.match(await followFlash(await client.post(paths.editionHouseholds(edition.id), fields)), /Dit voorstel bestaat niet meer/)
    }
    await followFlash(await client.post(paths.editionHouseholds(edition.id), { suggestion: suggestion!, action: 'confirm', person: [a!, b!] }))
    const again = await followFlash(await client.post(paths.editionHouseholds(edition.id), { suggestion: suggestion!, action: 'confirm', person: [a!, b!] }))
    assert.match(again, /Dit voorstel bestaat niet meer/)
    assert.equal((await t.db.selectFrom('invitee_households').select('id').where('edition_id', '=', edition.id).execute()).length, 1)
  })

  test('dismissing a suggestion stores only a keyed hash of the address and it is not suggested again', async () => {
    const edition = await newEdition()
    await insertPeople(t.db, edition.id, [KERKSTRAAT, KERKSTRAAT])
    const [suggestion] = suggestionIds((await pageText(edition.id)).html)
    assert.match(await followFlash(await client.post(paths.editionHouseholds(edition.id), { suggestion: suggestion!, action: 'dismiss' })), /niet meer voor als huishouden/)
    const dismissals = await t.db.selectFrom('household_dismissals').selectAll().where('edition_id', '=', edition.id).execute()
    assert.equal(dismissals.length, 1)
    assert.match(dismissals[0]!.address_key, /^[0-9a-f]{64}$/)
    assert.deepEqual(suggestionIds((await pageText(edition.id)).html), [])
    await insertPeople(t.db, edition.id, [{ ...KERKSTRAAT, street: 'kerkstraat' }])
    assert.deepEqual(suggestionIds((await pageText(edition.id)).html), [], 'a third person at the dismissed address is not suggested either')
    const events = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitees.household_dismissed').where('record_id', '=', edition.id).execute()
    assert.deepEqual(events.map((e) => e.details_json), [{ people: 2 }])
  })

  test('taking a person out keeps the household while two remain, and dissolves a household of one', async () => {
    const edition = await newEdition()
    const [a, b, c] = await insertPeople(t.db, edition.id, [KERKSTRAAT, KERKSTRAAT, KERKSTRAAT])
    const household = await insertHousehold(t.db, edition.id, [a!, b!, c!])
    assert.match(await followFlash(await client.post(paths.householdTakeOut(edition.id, household), { person: a! })), /uit het huishouden gehaald\. Hij of zij blijft/)
    assert.deepEqual([await householdOf(a!), await householdOf(b!), await householdOf(c!)], [null, household, household])
    assert.match(await followFlash(await client.post(paths.householdTakeOut(edition.id, household), { person: b! })), /het huishouden is opgeheven/)
    assert.deepEqual([await householdOf(b!), await householdOf(c!)], [null, null])
    assert.equal(await t.db.selectFrom('invitee_households').select('id').where('id', '=', household).executeTakeFirst(), undefined)
    assert.equal((await t.db.selectFrom('invitees').select('id').where('edition_id', '=', edition.id).execute()).length, 3, 'everyone stays on the list')
    const events = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitees.household_member_removed').where('details_json', 'is not', null).execute()
    assert.deepEqual(events.filter((e) => e.record_id === a || e.record_id === b).map((e) => e.details_json).sort((x, y) => Number(x.dissolved) - Number(y.dissolved)), [{ household, dissolved: false }, { household, dissolved: true }])
  })

  test('dissolving a household frees everyone in it; a person not in the household is not found', async () => {
    const edition = await newEdition()
    const [a, b, outsider] = await insertPeople(t.db, edition.id, [KERKSTRAAT, KERKSTRAAT, KERKSTRAAT])
    const household = await insertHousehold(t.db, edition.id, [a!, b!])
    assert.equal((await client.post(paths.householdTakeOut(edition.id, household), { person: outsider! })).statusCode, 404)
    assert.equal((await client.post(paths.householdTakeOut(edition.id, household), {})).statusCode, 404)
    assert.match(await followFlash(await client.post(paths.householdDissolve(edition.id, household), {})), /Het huishouden is opgeheven/)
    assert.deepEqual([await householdOf(a!), await householdOf(b!)], [null, null])
    assert.equal((await client.post(paths.householdDissolve(edition.id, household), {})).statusCode, 404, 'dissolving twice finds nothing the second time')
  })

  test('releasing people for erasure or exclusion takes them out and dissolves households left with one, within the scope only', async () => {
    const edition = await newEdition()
    const [a, b, c, d, e, alone] = await insertPeople(t.db, edition.id, [KERKSTRAAT, KERKSTRAAT, KERKSTRAAT, KERKSTRAAT, KERKSTRAAT, KERKSTRAAT])
    const three = await insertHousehold(t.db, edition.id, [a!, b!, c!])
    const two = await insertHousehold(t.db, edition.id, [d!, e!])
    await releaseFromHouseholds(t.db, { municipalityId: mol.municipality.id }, edition.id, [a!, d!], new Date())
    assert.deepEqual(await Promise.all([a!, d!].map(householdOf)), [three, two], 'another municipality changes nothing')
    await releaseFromHouseholds(t.db, { municipalityId: mechelen.municipality.id }, edition.id, [a!, d!, alone!], new Date())
    assert.deepEqual(await Promise.all([a!, b!, c!, d!, e!, alone!].map(householdOf)), [null, three, three, null, null, null])
    const left = await t.db.selectFrom('invitee_households').select('id').where('edition_id', '=', edition.id).execute()
    assert.deepEqual(left.map((h) => h.id), [three])
  })

  test('a name made of markup shows as text', async () => {
    const edition = await newEdition()
    await insertPeople(t.db, edition.id, [{ last_name: '<img src=x onerror=alert(1)>', ...KERKSTRAAT }, KERKSTRAAT])
    const { html, text } = await pageText(edition.id)
    assert.ok(!html.includes('<img src=x'))
    assert.match(text, /<img src=x onerror=alert\(1\)>/)
  })

  test('another municipality gets 404 on every households route, and a household of another edition is not found', async () => {
    const edition = await newEdition()
    const [a, b] = await insertPeople(t.db, edition.id, [KERKSTRAAT, KERKSTRAAT])
    const household = await insertHousehold(t.db, edition.id, [a!, b!])
    await expectNotFoundForOtherMunicipality(mol.staffClient, [
      { method: 'GET', url: paths.editionHouseholds(edition.id) },
      { method: 'POST', url: paths.editionHouseholds(edition.id), fields: { action: 'dismiss' } },
      { method: 'POST', url: paths.householdTakeOut(edition.id, household), fields: { person: a! } },
      { method: 'POST', url: paths.householdDissolve(edition.id, household) },
    ])
    const other = await newEdition()
    assert.equal((await client.post(paths.householdDissolve(other.id, household), {})).statusCode, 404)
    assert.equal(await householdOf(a!), household)
  })
})
