// Adding a person by hand and editing a person, through HTTP on the suite's database: what is
// stored, what the form says when something is wrong, duplicates, and the audit log.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText, type Client } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition, createOrganisers, type Organiser } from '../../../test/helpers/editions.ts'
import { SAMPLES_DIR } from '../../../test/helpers/samples.ts'
import type { Edition } from '../../editions/editions.ts'
import { paths } from '../../paths.ts'
import { importFiles } from '../import/import-files.ts'
import { nationalNumberHash } from '../identity.ts'

const XSS = '<img src=x onerror=alert(1)>'
const OMARS_NUMBER = '05.09.15-517.06'

describe(`adding and editing a person on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Organiser
  let client: Client
  let imported: Edition

  before(async () => {
    t = await createTestApp()
    ;({ mechelen } = await createOrganisers(t))
    client = mechelen.staffClient
    imported = await createEdition(t.db, mechelen.municipality.id, { periodFrom: '2026-01-01', periodTo: '2026-03-31' })
    const file = readFileSync(join(SAMPLES_DIR, 'attesten-2026-q1.csv'))
    const result = await importFiles(t.db, { edition: imported, scope: { municipalityId: mechelen.municipality.id }, actor: null, file, dryRun: false, hashKey: t.config.hashKey })
    assert.ok(result.ok)
  })
  after(() => t.close())

  const people = (editionId: string) => t.db.selectFrom('invitees').selectAll().where('edition_id', '=', editionId).execute()
  const audits = (action: string, recordId: string) => t.db.selectFrom('audit_events').selectAll().where('action', '=', action).where('record_id', '=', recordId).execute()
  const insertInvitee = async (editionId: string, overrides: Record<string, unknown> = {}) => {
    const id = randomUUID()
    const now = new Date()
    await t.db
      .insertInto('invitees')
      .values({ id, edition_id: editionId, national_number_hash: null, last_name: 'Peeters', first_name: 'An', warnings_json: [], created_at: now, updated_at: now, ...overrides })
      .execute()
    return id
  }
  const person = (overrides: Record<string, string> = {}) => ({
    lastName: 'Vermeulen',
    firstName: 'Karim',
    birthDate: '03/02/1990',
    street: 'Kerkstraat',
    houseNumber: '12',
    box: '',
    postcode: '2800',
    city: 'Mechelen',
    email: 'Karim@Example.org',
    phone: '0470 12 34 56',
    language: 'fr',
    certificateDate: '15/01/2026',
    nationalNumber: '',
    ...overrides,
  })

  test('a person added by hand is stored as typed and normalised, with source "manual", and the person page says so', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const form = await client.get(paths.inviteeNew(edition.id))
    assert.equal(form.statusCode, 200)
    assert.match(visibleText(form.body), /Iemand toevoegen .* Familienaam .* Rijksregisternummer/)

    const response = await client.post(paths.inviteeNew(edition.id), person({ lastName: ' van der Berg ', nationalNumber: OMARS_NUMBER }))
    assert.equal(response.statusCode, 303)
    const [row] = await people(edition.id)
    assert.ok(row)
    assert.equal(response.headers.location, paths.invitee(edition.id, row.id))
    assert.deepEqual(
      [row.last_name, row.first_name, row.birth_date, row.postcode, row.email, row.phone, row.language, row.certificate_date, row.source, row.warnings_json],
      ['van der Berg', 'Karim', '1990-02-03', '2800', 'karim@example.org', '+32470123456', 'fr', '2026-01-15', 'manual', []],
    )
    assert.equal(row.national_number_hash, nationalNumberHash(t.config.hashKey, '05091551706'))
    const page = visibleText((await client.get(response.headers.location as string)).body)
    assert.match(page, /De persoon staat op de lijst\./)
    assert.match(page, /Op de lijst gekomen Met de hand toegevoegd/)
    assert.ok(!page.includes('05091551706') && !page.includes(OMARS_NUMBER))

    const [event] = await audits('invitee.added', row.id)
    assert.ok(event)
    assert.deepEqual(event.details_json, { fields: ['lastName', 'firstName', 'birthDate', 'street', 'houseNumber', 'postcode', 'city', 'email', 'phone', 'language', 'certificateDate', 'nationalNumber'] })
  })

  test('bad input re-renders the form with status 400, the error summary and what was typed; nothing is stored', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const cases: [Record<string, string>, RegExp][] = [
      [{ lastName: '' }, /Vul de familienaam in\./],
      [{ firstName: ' ' }, /Vul de voornaam in\./],
      [{ birthDate: '31/02/1990' }, /Typ de geboortedatum als dag\/maand\/jaar/],
      [{ email: 'karim@' }, /Typ een geldig e-mailadres/],
      [{ phone: '123' }, /Typ een geldig telefoonnummer/],
      [{ nationalNumber: '05.09.15-517.07' }, /Dit rijksregisternummer klopt niet/],
      [{ nationalNumber: '05.09.15' }, /Een rijksregisternummer heeft 11 cijfers/],
      [{ language: 'klingon' }, /Kies een contacttaal uit de lijst/],
    ]
    for (const [overrides, message] of cases) {
      const response = await client.post(paths.inviteeNew(edition.id), person(overrides))
      assert.equal(response.statusCode, 400, JSON.stringify(overrides))
      assert.match(response.body, /<title>Fout: /)
      const text = visibleText(response.body)
      assert.match(text, new RegExp(`Er is een probleem ${message.source}`), JSON.stringify(overrides))
      for (const [field, value] of Object.entries(overrides)) {
        if (value.trim() && field !== 'language') assert.ok(response.body.includes(`value="${value}"`), `keeps ${field}`)
      }
      assert.ok(response.body.includes('value="2800"'), 'keeps the postcode')
    }
    assert.equal((await people(edition.id)).length, 0)
  })

  test('a name made of markup is stored as typed and shows as text on the list, the person page and the edit form', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const response = await client.post(paths.inviteeNew(edition.id), person({ lastName: XSS, firstName: XSS }))
    assert.equal(response.statusCode, 303)
    const [row] = await people(edition.id)
    assert.equal(row!.last_name, XSS)
    for (const url of [paths.editionInvitees(edition.id), paths.invitee(edition.id, row!.id), paths.inviteeEdit(edition.id, row!.id), paths.inviteeExclusion(edition.id, row!.id)]) {
      const page = await client.get(url)
      assert.equal(page.statusCode, 200, url)
      assert.ok(!page.body.includes(XSS), `never as markup on ${url}`)
      assert.ok(visibleText(page.body).includes(XSS), `as text on ${url}`)
    }
  })

  test('adding someone already on the edition is refused with a link to them: by national number, otherwise by name and birth date', async () => {
    const before = (await people(imported.id)).length
    const omar = (await people(imported.id)).find((p) => p.national_number_hash === nationalNumberHash(t.config.hashKey, '05091551706'))
    assert.ok(omar, 'the import hashed the number the way the form does')

    const byNumber = await client.post(paths.inviteeNew(imported.id), person({ nationalNumber: OMARS_NUMBER }))
    assert.equal(byNumber.statusCode, 400)
    assert.match(visibleText(byNumber.body), /Deze persoon staat al op de lijst\. .*Iemand met dit rijksregisternummer staat al op de lijst\. Haddad Omar bekijken/)
    assert.ok(byNumber.body.includes(`href="${paths.invitee(imported.id, omar.id)}"`))
    assert.ok(byNumber.body.includes('value="Vermeulen"'), 'keeps what was typed')

    const byName = await client.post(paths.inviteeNew(imported.id), person({ lastName: 'HADDAD', firstName: 'omar', birthDate: '2005-09-15' }))
    assert.equal(byName.statusCode, 400)
    assert.match(visibleText(byName.body), /Iemand met dezelfde naam en geboortedatum staat al op de lijst\./)
    assert.equal((await people(imported.id)).length, before, 'nobody was added')

    const twin = await client.post(paths.inviteeNew(imported.id), person({ lastName: 'Haddad', firstName: 'Omar', birthDate: '15/09/2005', nationalNumber: '' }))
    assert.equal(twin.statusCode, 400, 'no number: the name and birth date decide')
  })

  test('the edit form shows what is held, says only whether a national number is held, and records the view', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const id = await insertInvitee(edition.id, { birth_date: '1990-02-03', national_number_hash: 'the-hash-itself', email: 'an@example.org' })
    const response = await client.get(paths.inviteeEdit(edition.id, id))
    assert.equal(response.statusCode, 200)
    assert.ok(response.body.includes('value="03/02/1990"'))
    assert.ok(response.body.includes('value="an@example.org"'))
    assert.match(visibleText(response.body), /Er is een rijksregisternummer gekend\. We tonen het niet\./)
    assert.ok(!response.body.includes('the-hash-itself'))
    assert.equal((await audits('invitee.viewed', id)).length, 1)
    const without = await insertInvitee(edition.id, { last_name: 'Zonder' })
    assert.match(visibleText((await client.get(paths.inviteeEdit(edition.id, without))).body), /Er is geen rijksregisternummer gekend/)
  })

  test('an edit stores the change, keeps the national number unless a new one is typed, drops warnings it answers, and audits the field names', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const warnings = [{ column: 'Mail', message: 'invitees.import.emailInvalid' }, { column: 'Geboren', message: 'invitees.import.dateInvalid' }]
    const id = await insertInvitee(edition.id, { last_name: 'Vermeulen', first_name: 'Karim', birth_date: '1990-02-03', national_number_hash: 'kept-hash', warnings_json: warnings, postcode: '2800', city: 'Mechelen', street: 'Kerkstraat', house_number: '12', phone: '+32470123456', language: 'fr', certificate_date: '2026-01-15' })
    const response = await client.post(paths.inviteeEdit(edition.id, id), person({ email: 'karim@example.org', phone: '+32 499 24 75 33' }))
    assert.equal(response.statusCode, 303)
    assert.equal(response.headers.location, paths.invitee(edition.id, id))
    let row = await t.db.selectFrom('invitees').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    assert.deepEqual([row.email, row.phone, row.national_number_hash, row.source], ['karim@example.org', '+32499247533', 'kept-hash', 'import'])
    assert.deepEqual(row.warnings_json, [warnings[1]])
    assert.match(visibleText((await client.get(paths.invitee(edition.id, id))).body), /De wijzigingen zijn opgeslagen\./)
    const [event] = await audits('invitee.updated', id)
    assert.deepEqual(event!.details_json, { fields: ['email', 'phone'] })

    assert.equal((await client.post(paths.inviteeEdit(edition.id, id), person({ email: 'karim@example.org', phone: '+32499247533', nationalNumber: '92.06.13-503.14' }))).statusCode, 303)
    row = await t.db.selectFrom('invitees').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    assert.equal(row.national_number_hash, nationalNumberHash(t.config.hashKey, '92061350314'))
    assert.deepEqual((await audits('invitee.updated', id)).map((e) => e.details_json).find((d) => JSON.stringify(d).includes('nationalNumber')), { fields: ['nationalNumber'] })
    const all = JSON.stringify(await t.db.selectFrom('audit_events').selectAll().where('record_id', '=', id).execute())
    for (const value of ['karim@', '32499247533', 'Vermeulen', '92061350314', 'kept-hash']) assert.ok(!all.includes(value), value)
  })

  test('a bad edit or an edit into someone else changes nothing and says why', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const other = await insertInvitee(edition.id, { last_name: 'Janssens', first_name: 'Els', birth_date: '1980-05-05' })
    const id = await insertInvitee(edition.id, { last_name: 'Peeters', first_name: 'An' })
    const bad = await client.post(paths.inviteeEdit(edition.id, id), person({ lastName: '', birthDate: 'gisteren' }))
    assert.equal(bad.statusCode, 400)
    assert.ok(bad.body.includes('value="gisteren"'))
    const clash = await client.post(paths.inviteeEdit(edition.id, id), person({ lastName: 'Janssens', firstName: 'Els', birthDate: '05/05/1980' }))
    assert.equal(clash.statusCode, 400)
    assert.ok(clash.body.includes(`href="${paths.invitee(edition.id, other)}"`))
    const row = await t.db.selectFrom('invitees').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    assert.deepEqual([row.last_name, row.birth_date], ['Peeters', null])
    assert.equal((await audits('invitee.updated', id)).length, 0)
    const same = await client.post(paths.inviteeEdit(edition.id, other), person({ lastName: 'Janssens', firstName: 'Els', birthDate: '05/05/1980' }))
    assert.equal(same.statusCode, 303, 'a person is not a duplicate of themselves')
  })
})
