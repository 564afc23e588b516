// Registering a returned letter through HTTP: the person (and their household) is flagged for
// another channel on the person page and the overview; a second click changes nothing; undoing
// works; each change is audited; a bad form is refused; another municipality gets 404.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition, createOrganisers, type Organiser } from '../../../test/helpers/editions.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import type { Edition } from '../../editions/editions.ts'
import { insertHousehold } from '../../invitees/households/people-test-support.ts'
import { paths } from '../../paths.ts'
import { invitePeople, markLetters } from '../overview/overview-test-support.ts'

describe(`returned letters on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Organiser, skw: Organiser, mol: Organiser
  let edition: Edition
  let elif: string, hassan: string, samira: string, goran: string

  before(async () => {
    t = await createTestApp()
    ;({ mechelen, skw, mol } = await createOrganisers(t))
    edition = await createEdition(t.db, mechelen.municipality.id, { coOrganiserIds: [skw.municipality.id] })
    const ids = await invitePeople(t.db, t.config, edition.id, [
      { first_name: 'Elif', last_name: 'Yilmaz' },
      { first_name: 'Hassan', last_name: 'Omar' },
      { first_name: 'Samira', last_name: 'Omar' },
      { first_name: 'Goran', last_name: 'Petrović' },
    ])
    ;[elif, hassan, samira, goran] = [ids[0]!, ids[1]!, ids[2]!, ids[3]!]
    await insertHousehold(t.db, edition.id, [hassan, samira])
    await markLetters(t.db, [elif, hassan, samira], {})
  })
  after(() => t.close())

  const returnedAt = async (inviteeId: string) => (await t.db.selectFrom('invitations').select('letter_returned_at').where('invitee_id', '=', inviteeId).executeTakeFirstOrThrow()).letter_returned_at
  const audits = (inviteeId: string) => t.db.selectFrom('audit_events').selectAll().where('action', '=', 'letters.returned').where('record_id', '=', inviteeId).orderBy('occurred_at').execute()

  test('registering a returned letter flags the person for another channel, on the person page and the overview, and is audited', async () => {
    const client = mechelen.staffClient
    const page = visibleText((await client.get(paths.invitee(edition.id, elif))).body)
    assert.match(page, /Brief Afgedrukt op .* De brief kwam terug/)
    const response = await client.post(paths.inviteeLetterReturned(edition.id, elif), { returned: 'yes' })
    assert.equal(response.statusCode, 303)
    assert.equal(response.headers.location, paths.invitee(edition.id, elif))
    assert.ok(await returnedAt(elif))
    const after = visibleText((await client.get(paths.invitee(edition.id, elif))).body)
    assert.match(after, /De brief staat als teruggekomen\. Deze persoon heeft een andere weg nodig\./)
    assert.match(after, /Andere weg nodig De brief kwam terug \(adres onbekend\)\. Probeer een andere weg/)
    assert.match(after, /Brief Teruggekomen op .* \(adres onbekend\) De brief kwam toch niet terug/)
    const overview = visibleText((await client.get(paths.editionReplies(edition.id))).body)
    assert.match(overview, /1 persoon: de brief kwam terug\./)
    assert.match(overview, /Andere weg nodig \(1 persoon\) .* Elif Yilmaz De brief kwam terug/)
    const [audit, ...more] = await audits(elif)
    assert.equal(more.length, 0)
    assert.equal(audit!.record_type, 'invitee')
    assert.deepEqual(audit!.details_json, { returned: true, household: false })
  })

  test('a second click changes nothing and records nothing more; undoing clears the flag and is audited', async () => {
    const first = await returnedAt(elif)
    await mechelen.staffClient.post(paths.inviteeLetterReturned(edition.id, elif), { returned: 'yes' })
    assert.deepEqual(await returnedAt(elif), first, 'the first date stays')
    assert.equal((await audits(elif)).length, 1)
    const undo = await mechelen.staffClient.post(paths.inviteeLetterReturned(edition.id, elif), { returned: 'no' })
    assert.equal(undo.statusCode, 303)
    assert.equal(await returnedAt(elif), null)
    const page = visibleText((await mechelen.staffClient.get(paths.invitee(edition.id, elif))).body)
    assert.match(page, /De brief staat niet meer als teruggekomen\./)
    assert.doesNotMatch(page, /Andere weg nodig/)
    assert.deepEqual((await audits(elif)).map((a) => a.details_json), [
      { returned: true, household: false },
      { returned: false, household: false },
    ])
  })

  test('a household got one letter, so a returned letter is registered for everyone in it', async () => {
    const response = await skw.staffClient.post(paths.inviteeLetterReturned(edition.id, hassan), { returned: 'yes' })
    assert.equal(response.statusCode, 303)
    assert.ok(await returnedAt(hassan))
    assert.ok(await returnedAt(samira))
    assert.match(visibleText((await skw.staffClient.get(paths.invitee(edition.id, hassan))).body), /Deze 2 personen hebben een andere weg nodig\./)
    assert.equal((await audits(samira)).length, 1)
    assert.equal(await returnedAt(elif), null, 'other people are not touched')
  })

  test('a form without a clear yes or no is refused with 400 and changes nothing', async () => {
    const response = await mechelen.staffClient.post(paths.inviteeLetterReturned(edition.id, elif), { returned: 'maybe' })
    assert.equal(response.statusCode, 400)
    assert.equal(await returnedAt(elif), null)
  })

  test('a person without an invitation, or of another edition, is not found', async () => {
    const loner = randomUUID()
    await t.db.insertInto('invitees').values({ id: loner, edition_id: edition.id, national_number_hash: null, last_name: 'Nieuw', first_name: 'Nina', warnings_json: [], created_at: new Date(), updated_at: new Date() }).execute()
    assert.equal((await mechelen.staffClient.post(paths.inviteeLetterReturned(edition.id, loner), { returned: 'yes' })).statusCode, 404)
    const other = await createEdition(t.db, mechelen.municipality.id, { name: 'Andere editie' })
    assert.equal((await mechelen.staffClient.post(paths.inviteeLetterReturned(other.id, goran), { returned: 'yes' })).statusCode, 404)
  })

  test('another municipality gets 404 on the form and the person page, and changes nothing', async () => {
    await expectNotFoundForOtherMunicipality(mol.staffClient, [
      { method: 'POST', url: paths.inviteeLetterReturned(edition.id, goran), fields: { returned: 'yes' } },
      { method: 'POST', url: paths.inviteeLetterReturned(edition.id, goran), fields: { returned: 'maybe' } },
      { method: 'GET', url: paths.invitee(edition.id, goran) },
    ])
    assert.equal(await returnedAt(goran), null)
  })
})
