import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { Client, visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import { paths } from '../../paths.ts'
import { insertPartner } from './partners-queries.ts'
import { addStand } from './stands-queries.ts'

describe(`partners on ${suiteDialect()}`, () => {
  let t: TestApp
  let mol: Awaited<ReturnType<typeof createMunicipalityWithPeople>>
  let geel: Awaited<ReturnType<typeof createMunicipalityWithPeople>>

  before(async () => {
    t = await createTestApp()
    mol = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mol' })
    geel = await createMunicipalityWithPeople(t.app, t.db, { name: 'Geel' })
  })
  after(() => t.close())

  const library = { name: 'Bibliotheek Mol', offer: 'Gratis lidkaart', contactName: 'An Peeters', contactEmail: 'An.Peeters@bib.example', contactPhone: '014 33 08 00' }
  const partnerId = (name: string) => t.db.selectFrom('partners').selectAll().where('name', '=', name).executeTakeFirstOrThrow()

  test('staff add a partner, see it in the list, change it and remove it; each change is audited without its values', async () => {
    const created = await mol.staffClient.post(paths.partnerNew(), library)
    assert.equal(created.statusCode, 303)
    assert.equal(created.headers.location, paths.partners())
    const list = visibleText((await mol.staffClient.get(paths.partners())).body)
    assert.match(list, /De partner is toegevoegd/)
    assert.match(list, /Bibliotheek Mol Gratis lidkaart An Peeters an\.peeters@bib\.example 014 33 08 00/)
    const row = await partnerId('Bibliotheek Mol')
    assert.equal(row.municipality_id, mol.municipality.id)

    const form = await mol.staffClient.get(paths.partner(row.id))
    assert.match(form.body, /value="Gratis lidkaart"/)
    const changed = await mol.staffClient.post(paths.partner(row.id), { ...library, action: 'save', offer: 'Gratis lidkaart en een rondleiding' })
    assert.equal(changed.statusCode, 303)
    assert.equal((await partnerId('Bibliotheek Mol')).offer, 'Gratis lidkaart en een rondleiding')

    const removed = await mol.staffClient.post(paths.partner(row.id), { action: 'remove' })
    assert.equal(removed.statusCode, 303)
    assert.equal(await t.db.selectFrom('partners').select('id').where('id', '=', row.id).executeTakeFirst(), undefined)
    const audit = await t.db.selectFrom('audit_events').select(['action', 'details_json', 'municipality_id']).where('record_id', '=', row.id).execute()
    assert.deepEqual(
      audit.map((a) => [a.action, a.details_json]).sort(),
      [
        ['partner.created', null],
        ['partner.removed', null],
        ['partner.updated', { fields: ['offer'] }],
      ],
    )
    assert.ok(audit.every((a) => a.municipality_id === mol.municipality.id))
  })

  test('a partner without a name or with a wrong phone number is refused with a message per field, and what was typed is kept', async () => {
    const response = await mol.staffClient.post(paths.partnerNew(), { ...library, name: '', contactPhone: 'bel me', contactEmail: 'geen-adres' })
    assert.equal(response.statusCode, 400)
    const text = visibleText(response.body)
    assert.match(text, /Vul de naam van de organisatie in/)
    assert.match(text, /Vul een telefoonnummer in/)
    assert.match(text, /Vul een e-mailadres in zoals naam@gemeente\.be/)
    assert.match(response.body, /value="Gratis lidkaart"/)
    assert.match(response.body, /value="bel me"/)
    const tooLong = await mol.staffClient.post(paths.partnerNew(), { name: 'x'.repeat(121) })
    assert.equal(tooLong.statusCode, 400)
    assert.match(visibleText(tooLong.body), /Gebruik hoogstens 120 tekens/)
  })

  test('a partner that stands at an info market cannot be removed, and stays', async () => {
    const id = await insertPartner(t.db, { municipalityId: mol.municipality.id }, { name: 'VDAB Mol', offer: null, contactName: null, contactEmail: null, contactPhone: null }, new Date())
    const edition = await createEdition(t.db, mol.municipality.id)
    await addStand(t.db, edition.id, id, new Date())
    assert.match(visibleText((await mol.staffClient.get(paths.partner(id))).body), /Deze partner staat op 1 infomarkt/)
    const refused = await mol.staffClient.post(paths.partner(id), { action: 'remove' })
    assert.equal(refused.statusCode, 409)
    assert.match(visibleText(refused.body), /staat nog op een infomarkt/)
    assert.ok(await t.db.selectFrom('partners').select('id').where('id', '=', id).executeTakeFirst())
  })

  test('another municipality gets 404 on a partner’s pages and does not see it in its list', async () => {
    const id = await insertPartner(t.db, { municipalityId: mol.municipality.id }, { name: 'Buddyproject Mol', offer: 'Word gekoppeld aan een buddy', contactName: null, contactEmail: null, contactPhone: null }, new Date())
    await expectNotFoundForOtherMunicipality(geel.staffClient, [
      { method: 'GET', url: paths.partner(id) },
      { method: 'POST', url: paths.partner(id), fields: { action: 'save', name: 'Overgenomen' } },
      { method: 'POST', url: paths.partner(id), fields: { action: 'remove' } },
    ])
    assert.ok(!visibleText((await geel.staffClient.get(paths.partners())).body).includes('Buddyproject'))
    assert.equal((await t.db.selectFrom('partners').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name, 'Buddyproject Mol')
  })

  test('someone not signed in is sent to sign in, and no partner is added', async () => {
    const anonymous = new Client(t.app)
    const list = await anonymous.get(paths.partners())
    assert.equal(list.statusCode, 303)
    assert.match(list.headers.location!, /^\/aanmelden/)
    await anonymous.post(paths.partnerNew(), { name: 'Niemand' })
    assert.equal(await t.db.selectFrom('partners').select('id').where('name', '=', 'Niemand').executeTakeFirst(), undefined)
  })
})
