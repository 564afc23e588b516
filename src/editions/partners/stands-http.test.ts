import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { type Organiser, createEdition, createOrganisers, editionFields } from '../../../test/helpers/editions.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import { addDays, brusselsDate } from '../../platform/calendar.ts'
import { paths } from '../../paths.ts'
import { insertPartner } from './partners-queries.ts'
import { addStand } from './stands-queries.ts'

describe(`the info market on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Organiser, skw: Organiser, mol: Organiser

  before(async () => {
    t = await createTestApp()
    ;({ mechelen, skw, mol } = await createOrganisers(t))
  })
  after(() => t.close())

  const partner = (municipalityId: string, name: string, offer: string | null = null) => insertPartner(t.db, { municipalityId }, { name, offer, contactName: null, contactEmail: null, contactPhone: null }, new Date())
  const standsOf = (editionId: string) => t.db.selectFrom('edition_stands').selectAll().where('edition_id', '=', editionId).execute()
  const standFields = { action: 'save', offer: '', tables: '1', needsPower: 'no', place: '', notes: '' }

  test('an officer gives a stand to their own partner and to a co-organiser’s partner, but not to a third municipality’s', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id, { coOrganiserIds: [skw.municipality.id] })
    const library = await partner(mechelen.municipality.id, 'Bibliotheek Mechelen', 'Gratis lidkaart')
    const buddy = await partner(skw.municipality.id, 'Buddyproject SKW', 'Word gekoppeld aan een buddy')
    const outsider = await partner(mol.municipality.id, 'Jeugddienst Mol')

    const page = await mechelen.staffClient.get(paths.editionStands(edition.id))
    assert.equal(page.statusCode, 200)
    assert.match(visibleText(page.body), /Er staan nog geen partners op de infomarkt/)
    assert.match(page.body, /<option value="[^"]+">Bibliotheek Mechelen – Gratis lidkaart<\/option>/)
    assert.match(page.body, /Buddyproject SKW – Word gekoppeld aan een buddy \(Sint-Katelijne-Waver\)/, 'the co-organiser’s partner is selectable and says whose it is')
    assert.ok(!page.body.includes('Jeugddienst Mol'))
    assert.match(page.body, new RegExp(`href="${paths.partners()}"[^>]*>Partners beheren`))

    const added = await mechelen.staffClient.post(paths.editionStands(edition.id), { action: 'choose', partnerId: library })
    assert.equal(added.statusCode, 303)
    const stands = await standsOf(edition.id)
    assert.equal(added.headers.location, paths.editionStand(edition.id, stands[0]!.id))
    assert.equal((await mechelen.staffClient.post(paths.editionStands(edition.id), { action: 'choose', partnerId: buddy })).statusCode, 303)

    const foreign = await mechelen.staffClient.post(paths.editionStands(edition.id), { action: 'choose', partnerId: outsider })
    assert.equal(foreign.statusCode, 400)
    assert.match(visibleText(foreign.body), /Kies een partner uit de lijst/)
    const twice = await mechelen.staffClient.post(paths.editionStands(edition.id), { action: 'choose', partnerId: library })
    assert.equal(twice.statusCode, 400)
    assert.match(visibleText(twice.body), /Deze partner heeft al een stand op deze infomarkt/)
    assert.equal((await standsOf(edition.id)).length, 2)

    // The co-organiser's staff work on the same info market.
    const shared = visibleText((await skw.staffClient.get(paths.editionStands(edition.id))).body)
    assert.match(shared, /2 stands, waarvan 0 ingevuld door de partner/)
    assert.match(shared, /Bibliotheek Mechelen Gratis lidkaart 1 Nee – – Nog niet ingevuld Geen link/)
    assert.match(shared, /Buddyproject SKW Word gekoppeld aan een buddy/)
  })

  test('a partner that already stands is refused a second stand', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const id = await partner(mechelen.municipality.id, 'CVO Mechelen')
    await addStand(t.db, edition.id, id, new Date())
    const again = await mechelen.staffClient.post(paths.editionStands(edition.id), { action: 'choose', partnerId: id })
    assert.equal(again.statusCode, 400)
    assert.match(visibleText(again.body), /Deze partner heeft al een stand op deze infomarkt/)
  })

  test('a new partner made on the info market joins the municipality’s partners with a stand; bad input keeps what was typed', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const bad = await mechelen.staffClient.post(paths.editionStands(edition.id), { action: 'new', name: '', offer: 'Taallessen', contactEmail: 'fout' })
    assert.equal(bad.statusCode, 400)
    assert.match(visibleText(bad.body), /Vul de naam van de organisatie in/)
    assert.match(bad.body, /<details class="details" open/)
    assert.match(bad.body, /value="Taallessen"/)
    assert.equal((await standsOf(edition.id)).length, 0)

    const made = await mechelen.staffClient.post(paths.editionStands(edition.id), { action: 'new', name: 'Huis van het Nederlands', offer: 'Taallessen', contactEmail: '' })
    assert.equal(made.statusCode, 303)
    const row = await t.db.selectFrom('partners').selectAll().where('name', '=', 'Huis van het Nederlands').executeTakeFirstOrThrow()
    assert.equal(row.municipality_id, mechelen.municipality.id)
    assert.deepEqual((await standsOf(edition.id)).map((s) => s.partner_id), [row.id])
    assert.match(visibleText((await mechelen.staffClient.get(paths.partners())).body), /Huis van het Nederlands Taallessen/)
  })

  test('staff change a stand: this edition’s offer replaces the usual one, an empty offer falls back to it, bad input is refused', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const id = await partner(mechelen.municipality.id, 'Jeugddienst Mechelen', 'Vakantiekampen')
    const standId = await addStand(t.db, edition.id, id, new Date())
    const url = paths.editionStand(edition.id, standId)
    assert.match(visibleText((await mechelen.staffClient.get(url)).body), /Leeg laten: dan geldt het gewone aanbod \(Vakantiekampen\)/)

    const saved = await mechelen.staffClient.post(url, { ...standFields, offer: 'Speelpleinwerking in de zomer', tables: '2', needsPower: 'yes', place: 'Bij de ingang', notes: 'Een scherm' })
    assert.equal(saved.statusCode, 303)
    assert.equal(saved.headers.location, paths.editionStands(edition.id))
    const market = visibleText((await mechelen.staffClient.get(paths.editionStands(edition.id))).body)
    assert.match(market, /Jeugddienst Mechelen Speelpleinwerking in de zomer 2 Ja Bij de ingang Een scherm/)

    await mechelen.staffClient.post(url, { ...standFields, offer: '', tables: '2', needsPower: 'yes' })
    assert.match(visibleText((await mechelen.staffClient.get(paths.editionStands(edition.id))).body), /Jeugddienst Mechelen Vakantiekampen 2 Ja/)

    const bad = await mechelen.staffClient.post(url, { action: 'save', offer: 'Iets', tables: '99', place: 'Achteraan' })
    assert.equal(bad.statusCode, 400)
    const text = visibleText(bad.body)
    assert.match(text, /Vul een aantal tafels in van 0 tot 20/)
    assert.match(text, /Kies of er stroom nodig is/)
    assert.match(bad.body, /value="Achteraan"/)
    const row = await t.db.selectFrom('edition_stands').selectAll().where('id', '=', standId).executeTakeFirstOrThrow()
    assert.equal(row.tables, 2)
    const audit = await t.db.selectFrom('audit_events').select('details_json').where('record_id', '=', standId).where('action', '=', 'edition_stand.updated').execute()
    assert.deepEqual(audit.map((a) => a.details_json).sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length), [
      { editionId: edition.id, fields: ['offer', 'place', 'notes'] },
      { editionId: edition.id, fields: ['offer', 'tables', 'needsPower', 'place', 'notes'] },
    ])
  })

  test('removing a stand takes it off the info market and keeps the partner', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const id = await partner(mechelen.municipality.id, 'Cultuurcentrum Mechelen')
    const standId = await addStand(t.db, edition.id, id, new Date())
    const removed = await mechelen.staffClient.post(paths.editionStand(edition.id, standId), { action: 'remove' })
    assert.equal(removed.statusCode, 303)
    assert.equal((await standsOf(edition.id)).length, 0)
    assert.ok(await t.db.selectFrom('partners').select('id').where('id', '=', id).executeTakeFirst())
    assert.equal((await mechelen.staffClient.get(paths.editionStand(edition.id, standId))).statusCode, 404)
  })

  test('a third municipality gets 404 on every info-market route, and a stand id of another edition is not found', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id, { coOrganiserIds: [skw.municipality.id] })
    const other = await createEdition(t.db, mechelen.municipality.id)
    const standId = await addStand(t.db, edition.id, await partner(mechelen.municipality.id, 'OCMW Mechelen'), new Date())
    const until = addDays(brusselsDate(new Date()), 10)
    await expectNotFoundForOtherMunicipality(mol.staffClient, [
      { method: 'GET', url: paths.editionStands(edition.id) },
      { method: 'POST', url: paths.editionStands(edition.id), fields: { action: 'new', name: 'Indringer' } },
      { method: 'GET', url: paths.editionStand(edition.id, standId) },
      { method: 'POST', url: paths.editionStand(edition.id, standId), fields: { ...standFields, offer: 'Overgenomen' } },
      { method: 'POST', url: paths.editionStand(edition.id, standId), fields: { action: 'link', until } },
      { method: 'POST', url: paths.editionStand(edition.id, standId), fields: { action: 'revoke' } },
      { method: 'POST', url: paths.editionStand(edition.id, standId), fields: { action: 'remove' } },
    ])
    await expectNotFoundForOtherMunicipality(mechelen.staffClient, [
      { method: 'GET', url: paths.editionStand(other.id, standId) },
      { method: 'POST', url: paths.editionStand(other.id, standId), fields: { action: 'remove' } },
    ])
    const row = await t.db.selectFrom('edition_stands').selectAll().where('id', '=', standId).executeTakeFirstOrThrow()
    assert.equal(row.offer, null)
    assert.equal(row.link_token_hash, null)
    assert.equal(await t.db.selectFrom('partners').select('id').where('name', '=', 'Indringer').executeTakeFirst(), undefined)
  })

  test('"start from last edition" copies the stands with their offers and needs, but not their links', async () => {
    const last = await createEdition(t.db, mechelen.municipality.id, { name: 'Welkomstceremonie 2026' })
    const id = await partner(mechelen.municipality.id, 'Bibliotheek Mechelen 2026', 'Gratis lidkaart')
    const standId = await addStand(t.db, last.id, id, new Date())
    await mechelen.staffClient.post(paths.editionStand(last.id, standId), { ...standFields, offer: 'Lidkaart en rondleiding', tables: '3', needsPower: 'yes', place: 'Foyer' })
    const link = await mechelen.staffClient.post(paths.editionStand(last.id, standId), { action: 'link', until: addDays(brusselsDate(new Date()), 10) })
    assert.equal(link.statusCode, 201)
    await t.db.updateTable('edition_stands').set({ filled_in_at: new Date() }).where('id', '=', standId).execute()

    const created = await mechelen.staffClient.post(paths.editionNew(), editionFields({ copyFrom: last.id }))
    assert.equal(created.statusCode, 303)
    const newId = created.headers.location!.split('/').pop()!
    const copied = await standsOf(newId)
    assert.equal(copied.length, 1)
    const [stand] = copied
    assert.deepEqual({ partner: stand!.partner_id, offer: stand!.offer, tables: stand!.tables, power: Boolean(stand!.needs_power), place: stand!.place }, { partner: id, offer: 'Lidkaart en rondleiding', tables: 3, power: true, place: 'Foyer' })
    assert.deepEqual({ hash: stand!.link_token_hash, expires: stand!.link_expires_at, filledIn: stand!.filled_in_at }, { hash: null, expires: null, filledIn: null })
    assert.match(visibleText((await mechelen.staffClient.get(paths.editionStands(newId))).body), /Bibliotheek Mechelen 2026 Lidkaart en rondleiding 3 Ja Foyer – Nog niet ingevuld Geen link/)
  })
})
