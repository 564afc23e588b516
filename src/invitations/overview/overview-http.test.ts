// The reply overview through HTTP on the suite's database: the funnel, the breakdowns, the needs,
// the waiting list, the exports (numbers only), the edition page's summary, the audit trail, and
// another municipality's 404s. Co-organisers see the same overview.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition, createOrganisers, type Organiser } from '../../../test/helpers/editions.ts'
import { createUser, signIn } from '../../../test/helpers/factories.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import type { Edition } from '../../editions/editions.ts'
import { paths } from '../../paths.ts'
import { insertMessage, insertReply, insertStand, invitePeople, markLetters } from './overview-test-support.ts'

describe(`the reply overview on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Organiser, skw: Organiser, mol: Organiser
  let edition: Edition
  const id: Record<string, string> = {}
  const names = ['Amal', 'Bashir', 'Chen', 'Dawit', 'Elif', 'Farid', 'Goran', 'Hiba', 'Ivan', 'Xavier']

  before(async () => {
    t = await createTestApp()
    ;({ mechelen, skw, mol } = await createOrganisers(t))
    edition = await createEdition(t.db, mechelen.municipality.id, { capacity: 20, guestsPerInvitee: 3, coOrganiserIds: [skw.municipality.id] })
    const languages: Record<string, string | null> = { Amal: 'ar', Bashir: 'ar', Chen: 'en', Dawit: null, Elif: 'nl', Farid: 'ar', Goran: 'ar', Hiba: 'tr', Ivan: 'tr', Xavier: 'fr' }
    const ids = await invitePeople(
      t.db,
      t.config,
      edition.id,
      names.map((first) => ({ first_name: first, last_name: `${first}son`, language: languages[first], excluded_reason: first === 'Xavier' ? ('moved_away' as const) : null })),
    )
    names.forEach((first, i) => (id[first] = ids[i]!))
    const where = (first: string) => ({ municipalityId: mechelen.municipality.id, editionId: edition.id, inviteeId: id[first]! })
    const library = await insertStand(t.db, mechelen.municipality.id, edition.id, 'Bibliotheek Mechelen')
    await insertStand(t.db, mechelen.municipality.id, edition.id, 'VDAB')

    // Amal: e-mail sent, coming with an adult and two children, with needs.
    await insertMessage(t.db, where('Amal'), { channel: 'email', status: 'sent' })
    await insertReply(t.db, where('Amal'), { adults: 1, children: 2, needs: { halal: true, wheelchair: true, interpreter: 'ar', allergies: 'Pinda’s' }, interests: [library], contribution_kinds: ['music'] })
    // Bashir: letter, answered by phone, coming alone.
    await markLetters(t.db, [id.Bashir!], {})
    await insertReply(t.db, where('Bashir'), { channel: 'phone', needs: { vegetarian: true, childcare: true } })
    // Chen and Dawit wait; Dawit has waited longer.
    await insertMessage(t.db, where('Chen'), { channel: 'sms', status: 'sent' })
    await insertReply(t.db, where('Chen'), { place: 'waiting', adults: 2, waitlisted_at: new Date('2026-05-02T10:00:00Z'), needs: { vegan: true } })
    await insertMessage(t.db, where('Dawit'), { channel: 'email', status: 'sent' })
    await insertReply(t.db, where('Dawit'), { place: 'waiting', waitlisted_at: new Date('2026-05-01T10:00:00Z') })
    // Elif: the letter came back. Farid: the e-mail failed. Goran: nothing sent yet.
    await markLetters(t.db, [id.Elif!], { returned: new Date() })
    await insertMessage(t.db, where('Farid'), { channel: 'email', status: 'failed' })
    // Hiba says no by letter, Ivan is not sure (his e-mail still queued).
    await markLetters(t.db, [id.Hiba!], {})
    await insertReply(t.db, where('Hiba'), { attending: 'no', channel: 'letter', interests: [library] })
    await insertMessage(t.db, where('Ivan'), { channel: 'email', status: 'queued' })
    await insertReply(t.db, where('Ivan'), { attending: 'maybe' })
  })
  after(() => t.close())

  const overviewText = async (client = mechelen.staffClient) => {
    const response = await client.get(paths.editionReplies(edition.id))
    assert.equal(response.statusCode, 200)
    return visibleText(response.body)
  }

  test('the funnel counts the invited, reached, replied, coming with guests and waiting, with shares of the invited', async () => {
    const text = await overviewText()
    assert.match(text, /Uitgenodigd 9 100%/)
    assert.match(text, /Bereikt 6 67%/)
    assert.match(text, /Geantwoord 6 67%/)
    assert.match(text, /Komt \(met 3 gasten\) 2 22%/)
    assert.match(text, /Wachtlijst \(samen 4 plaatsen\) 2 22%/)
    assert.match(text, /Komt niet 1 11%/)
    assert.match(text, /Weet het nog niet 1 11%/)
    assert.match(text, /Niet bereikt 3 33%/)
    assert.match(text, /2 personen \+ 3 gasten = 5 plaatsen van 20/)
    assert.match(text, /Er zijn nog 15 plaatsen vrij/)
    assert.doesNotMatch(text, /Xavier/, 'an excluded person is not counted or named')
  })

  test('people not reached are counted by reason with what to do, and those needing another channel are listed by name', async () => {
    const response = await mechelen.staffClient.get(paths.editionReplies(edition.id))
    const text = visibleText(response.body)
    assert.match(text, /1 persoon: de brief kwam terug\. Probeer een andere weg/)
    assert.match(text, /1 persoon: de e-mail kwam niet aan\. Stuur een brief\. Naar de brieven/)
    assert.match(text, /1 persoon kreeg nog geen brief, e-mail of sms\. Druk de brieven af/)
    assert.match(text, /Andere weg nodig \(2 personen\) Naam Wat misliep Wat u kunt doen Elif Elifson De brief kwam terug \(adres onbekend\) Probeer .* Farid Faridson De e-mail kwam niet aan Stuur een brief\./)
    assert.ok(response.body.includes(`href="${paths.invitee(edition.id, id.Elif!)}"`))
    assert.ok(response.body.includes(`href="${paths.editionLetters(edition.id)}"`))
    assert.doesNotMatch(text, /Goran Goranson/, 'nothing failed for Goran: he is counted, not listed')
  })

  test('the breakdowns count by contact language (unknown last) and by channel of reach and of reply', async () => {
    const text = await overviewText()
    assert.match(text, /Arabisch 4 2 \(50%\) 2 \(50%\) 2 0 0 0 2/)
    assert.match(text, /Turks 2 2 \(100%\) 2 \(100%\) 0 0 1 1 0/)
    assert.match(text, /Engels 1 1 \(100%\) 1 \(100%\) 0 1 0 0 0/)
    assert.match(text, /Onbekend 1 1 \(100%\) 1 \(100%\) 0 1 0 0 0 Per kanaal/)
    assert.match(text, /E-mail 3 1 3 \(100%\) 1 Sms 1 0 1 \(100%\) 0 Brief 2 1 2 \(100%\) 1/)
    assert.match(text, /Zelf op de website 4 1 2 0 1 Telefoon 1 1 0 0 0 Brief 1 0 0 1 0 Aan de balie 0 0 0 0 0/)
  })

  test('the needs of those with a confirmed place are summed, allergies listed without names; interests and contributions counted', async () => {
    const text = await overviewText()
    assert.match(text, /Geteld over 2 personen met een bevestigde plaats/)
    assert.match(text, /Plaatsen \(personen en gasten\) 5 Genodigden 2 Volwassen gasten 1 Kinderen 2 Halal 1 Vegetarisch 1 Veganistisch 0 Allergieën 1/)
    assert.match(text, /Allergieën zoals ze werden ingevuld \(zonder namen\): Pinda’s/)
    assert.match(text, /Rolstoelplaats 1 Gebarentaal 0 Tolken Arabisch: 1 Kinderopvang 1 antwoord, 0 kinderen Geeft liever geen hand 0/)
    assert.match(text, /Bibliotheek Mechelen 2 VDAB 0/)
    assert.match(text, /Muziek 1 Eten 0 Kunst 0 Getuigenis 0/)
  })

  test('the waiting list is in order of waiting, with seats and since when, each linked to the person', async () => {
    const response = await mechelen.staffClient.get(paths.editionReplies(edition.id))
    const text = visibleText(response.body)
    assert.match(text, /Wachtlijst in volgorde \(2 personen\) Nr\. Naam Plaatsen Op de wachtlijst sinds 1 Dawit Dawitson 1 .*2026.* 2 Chen Chenson 3/)
    assert.ok(response.body.includes(`href="${paths.invitee(edition.id, id.Dawit!)}"`))
  })

  test('viewing the overview is audited with counts, not names', async () => {
    await overviewText()
    const row = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'replies.viewed').where('record_id', '=', edition.id).orderBy('occurred_at', 'desc').executeTakeFirstOrThrow()
    assert.equal(row.municipality_id, mechelen.municipality.id)
    assert.deepEqual(row.details_json, { waiting: 2, anotherChannel: 2 })
  })

  test('the caterer’s export holds numbers only: places, adults, children and diets, no names or typed text', async () => {
    const response = await mechelen.staffClient.get(paths.editionRepliesExport(edition.id, 'catering'))
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/)
    assert.match(String(response.headers['content-disposition']), /^attachment; filename="catering-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv"$/)
    assert.ok(response.body.startsWith('\uFEFF'), 'a byte-order mark for Excel')
    assert.equal(
      response.body,
      '\uFEFFOnderdeel;Aantal\r\nPlaatsen (personen en gasten);5\r\nGenodigden;2\r\nVolwassen gasten;1\r\nKinderen;2\r\nHalal;1\r\nVegetarisch;1\r\nVeganistisch;0\r\nAllergieën;1\r\n',
    )
    for (const first of names) assert.ok(!response.body.includes(first), `no name (${first})`)
    assert.ok(!response.body.includes('Pinda'), 'no allergy text')
    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'replies.exported').where('record_id', '=', edition.id).executeTakeFirstOrThrow()
    assert.deepEqual(audit.details_json, { list: 'catering', seats: 5 })
  })

  test('the venue’s export holds places, wheelchair places, sign language, interpreters by language and childcare', async () => {
    const response = await mechelen.staffClient.get(paths.editionRepliesExport(edition.id, 'venue'))
    assert.equal(response.statusCode, 200)
    assert.equal(response.body, '\uFEFFOnderdeel;Aantal\r\nPlaatsen (personen en gasten);5\r\nRolstoelplaats;1\r\nGebarentaal;0\r\nTolk Arabisch;1\r\nKinderopvang;1\r\nKinderen in de kinderopvang;0\r\n')
    // In the staff member's own language.
    const englishClient = await signIn(t.app, await createUser(t.db, { municipalityId: mechelen.municipality.id, locale: 'en' }))
    const english = await englishClient.get(paths.editionRepliesExport(edition.id, 'venue'))
    assert.match(english.body, /Item;Number\r\nPlaces \(people and guests\);5\r\nWheelchair place;1\r\nSign language;0\r\nInterpreter Arabic;1/)
  })

  test('the edition’s own page sums the replies up and links to the overview', async () => {
    const response = await mechelen.staffClient.get(paths.edition(edition.id))
    const text = visibleText(response.body)
    assert.match(text, /Antwoorden 9 personen uitgenodigd 6 personen bereikt \(67%\) 6 personen hebben geantwoord \(67%\) 2 personen \+ 3 gasten = 5 plaatsen van 20 2 personen op de wachtlijst 3 personen nog niet bereikt Alle antwoorden bekijken/)
    assert.ok(response.body.includes(`href="${paths.editionReplies(edition.id)}"`))
  })

  test('an edition without invitations says so and points to the invitations; a purged one says its answers were deleted', async () => {
    const empty = await createEdition(t.db, mechelen.municipality.id, { name: 'Lege editie' })
    const text = visibleText((await mechelen.staffClient.get(paths.editionReplies(empty.id))).body)
    assert.match(text, /Nog niemand uitgenodigd/)
    assert.match(visibleText((await mechelen.staffClient.get(paths.edition(empty.id))).body), /Er is nog niemand uitgenodigd\. Alle antwoorden bekijken/)
    await t.db.updateTable('editions').set({ purged_at: new Date() }).where('id', '=', empty.id).execute()
    const purged = await mechelen.staffClient.get(paths.editionReplies(empty.id))
    assert.match(visibleText(purged.body), /De persoonsgegevens van deze editie zijn gewist, ook de antwoorden\. Naar het verwijderbewijs/)
  })

  test('a co-organising municipality sees the same overview; another municipality gets 404 on every route', async () => {
    assert.match(await overviewText(skw.staffClient), /Uitgenodigd 9 100%/)
    await expectNotFoundForOtherMunicipality(mol.staffClient, [
      { method: 'GET', url: paths.editionReplies(edition.id) },
      { method: 'GET', url: paths.editionRepliesExport(edition.id, 'catering') },
      { method: 'GET', url: paths.editionRepliesExport(edition.id, 'venue') },
    ])
  })
})
