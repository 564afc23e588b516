// The invitee list, the person page and the exports through HTTP on the suite's database, with
// the 240 people of the joined sample list imported into an edition.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText, type Client } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition, createOrganisers, type Organiser } from '../../../test/helpers/editions.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import type { Edition } from '../../editions/editions.ts'
import { paths, withQuery } from '../../paths.ts'
import { importFiles } from '../import/import-files.ts'
import { EXPORT_HEADERS } from './invitee-list.ts'
import { SAMPLES_DIR } from '../../../test/helpers/samples.ts'

const HASH_KEY = 'test-hash-key-0123456789abcdef0123456789abcdef'
const XSS = '<img src=x onerror=alert(1)>'
const FORMULA = '=HYPERLINK("http://x","klik")'

describe(`the invitee list on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Organiser, mol: Organiser
  let edition: Edition
  let client: Client

  before(async () => {
    t = await createTestApp()
    ;({ mechelen, mol } = await createOrganisers(t))
    client = mechelen.staffClient
    edition = await createEdition(t.db, mechelen.municipality.id, { periodFrom: '2026-01-01', periodTo: '2026-03-31' })
    const file = readFileSync(join(SAMPLES_DIR, 'attesten-2026-q1.csv'))
    const result = await importFiles(t.db, { edition, scope: { municipalityId: mechelen.municipality.id }, actor: null, file, dryRun: false, hashKey: HASH_KEY })
    assert.ok(result.ok)
  })
  after(() => t.close())

  const insertInvitee = async (editionId: string, overrides: Record<string, unknown> = {}) => {
    const id = randomUUID()
    const now = new Date()
    await t.db
      .insertInto('invitees')
      .values({ id, edition_id: editionId, national_number_hash: null, last_name: 'Peeters', first_name: 'An', warnings_json: [], created_at: now, updated_at: now, ...overrides })
      .execute()
    return id
  }
  const people = () => t.db.selectFrom('invitees').selectAll().where('edition_id', '=', edition.id).execute()
  // The sample lists two people named Omar Haddad; this one lives in Herentals.
  const haddad = async () => (await people()).find((p) => p.last_name === 'Haddad' && p.first_name === 'Omar' && p.city === 'Herentals')!
  const listText = async (query: Record<string, string | number> = {}) => {
    const response = await client.get(withQuery(paths.editionInvitees(edition.id), query))
    assert.equal(response.statusCode, 200)
    return visibleText(response.body)
  }
  const rowsOn = (html: string) => (html.match(/<tr>/g) ?? []).length - 1

  test('the list shows 50 people a page with city, language, contact and warnings, and never a national number', async () => {
    const all = await people()
    const first = await client.get(paths.editionInvitees(edition.id))
    assert.equal(rowsOn(first.body), 50)
    const text = visibleText(first.body)
    assert.match(text, new RegExp(`${all.length} personen van ${all.length}`))
    assert.match(first.body, /pagina=2/)
    const last = await client.get(withQuery(paths.editionInvitees(edition.id), { pagina: 5 }))
    assert.equal(rowsOn(last.body), all.length - 200)
    const omar = await haddad()
    const found = await listText({ zoek: 'haddad' })
    assert.match(found, /Haddad Omar Uit te nodigen Herentals العربية E-mail, Gsm/)
    for (const p of all) if (p.national_number_hash) assert.ok(!first.body.includes(p.national_number_hash))
    assert.ok(omar.national_number_hash, 'the sample’s people are matched by a hash')
  })

  test('the search finds people by name, e-mail, phone (as typed) and postcode, ignoring case; LIKE wildcards match themselves', async () => {
    const all = await people()
    for (const search of ['HADDAD', 'omar haddad', 'Haddad Omar', 'OMAR.HADDAD@hotmail', '0499 24 75 33', '+32499247533']) {
      assert.match(await listText({ zoek: search }), /Haddad Omar/, search)
    }
    const inPostcode = all.filter((p) => p.postcode === '2200').length
    assert.ok(inPostcode > 0)
    assert.match(await listText({ zoek: '2200' }), new RegExp(`^.*${inPostcode} personen? van ${all.length}`))
    const nobody = await listText({ zoek: '%' })
    assert.match(nobody, /Niemand gevonden/)
  })

  test('filters on language, municipality and warnings give the counts the database holds, and links to the next page keep them', async () => {
    const all = await people()
    const count = (f: (p: (typeof all)[number]) => boolean) => all.filter(f).length
    const plural = (n: number) => `${n} ${n === 1 ? 'persoon' : 'personen'} van ${all.length}`
    assert.match(await listText({ taal: 'ar' }), new RegExp(plural(count((p) => p.language === 'ar'))))
    assert.match(await listText({ taal: 'geen' }), new RegExp(plural(count((p) => p.language === null))))
    assert.match(await listText({ gemeente: 'Mol' }), new RegExp(plural(count((p) => p.city === 'Mol'))))
    const withWarnings = count((p) => p.warnings_json.length > 0)
    assert.ok(withWarnings > 0, 'the sample has people imported with warnings')
    assert.match(await listText({ waarschuwingen: 'ja' }), new RegExp(plural(withWarnings)))
    assert.match(await listText({ taal: 'xx' }), new RegExp(plural(all.length)), 'an unknown language is no filter')
    const molCount = count((p) => p.city === 'Mol')
    if (molCount > 50) assert.match((await client.get(withQuery(paths.editionInvitees(edition.id), { gemeente: 'Mol' }))).body, /gemeente=Mol&amp;pagina=2/)
  })

  test('a name made of markup or of a formula shows as text on the list and the person page', async () => {
    const other = await createEdition(t.db, mechelen.municipality.id)
    const id = await insertInvitee(other.id, { last_name: XSS, first_name: FORMULA })
    const list = await client.get(paths.editionInvitees(other.id))
    const page = await client.get(paths.invitee(other.id, id))
    for (const response of [list, page]) {
      assert.ok(!response.body.includes(XSS), 'never as markup')
      assert.ok(response.body.includes('&lt;img src=x onerror=alert(1)'), 'escaped, so the browser shows it as text')
      assert.match(visibleText(response.body), /<img src=x onerror=alert\(1\)> =HYPERLINK\("http:\/\/x","klik"\)/)
    }
  })

  test('the person page shows everything held, the import warnings with their column, and records the view', async () => {
    const omar = await haddad()
    const response = await client.get(paths.invitee(edition.id, omar.id))
    assert.equal(response.statusCode, 200)
    const text = visibleText(response.body)
    for (const expected of ['Familienaam Haddad', 'Voornaam Omar', 'Geboortedatum 15 september 2005', 'Adres Zandstraat 67, 2200 Herentals', 'E-mailadres omar.haddad@hotmail.com', 'Gsm-nummer +32499247533', 'Contacttaal العربية', 'Datum van het attest 22 januari 2026', 'Ingelezen op', 'Laatst gewijzigd op', 'Gegevens downloaden', 'Gegevens wissen']) {
      assert.ok(text.includes(expected), expected)
    }
    assert.ok(!response.body.includes(omar.national_number_hash!))
    const warned = (await people()).find((p) => p.warnings_json.some((w: { message: string }) => w.message === 'invitees.import.languageUnknown'))!
    const warnedText = visibleText((await client.get(paths.invitee(edition.id, warned.id))).body)
    assert.match(warnedText, /Contacttaal De taal in het bestand kenden we niet/)
    const events = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitee.viewed').where('record_id', '=', omar.id).execute()
    assert.equal(events.length, 1)
    assert.equal(events[0]!.record_type, 'invitee')
    assert.equal(events[0]!.details_json, null)
  })

  test('the access export is a JSON attachment with every field and warning, without the hash or the national number', async () => {
    const omar = await haddad()
    const response = await client.get(paths.inviteeAccessExport(edition.id, omar.id))
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['content-type']), /^application\/json/)
    assert.match(String(response.headers['content-disposition']), /^attachment; filename="gegevens-[0-9a-f]{8}\.json"$/)
    const data = JSON.parse(response.body)
    assert.equal(data.person.lastName, 'Haddad')
    assert.deepEqual(data.person.address, { street: 'Zandstraat', houseNumber: '67', box: null, postcode: '2200', city: 'Herentals' })
    assert.equal(data.person.email, 'omar.haddad@hotmail.com')
    assert.equal(data.person.certificateDate, '2026-01-22')
    assert.ok(!response.body.includes(omar.national_number_hash!))
    for (const n of ['05.09.15-517.06', '05091551706']) assert.ok(!response.body.includes(n))
    assert.doesNotMatch(response.body, /hash|national/i)
    assert.equal((await t.db.selectFrom('audit_events').select('id').where('action', '=', 'invitee.exported').where('record_id', '=', omar.id).execute()).length, 1)
  })

  test('erasing asks first, then deletes only that person, records it without values and says so', async () => {
    const other = await createEdition(t.db, mechelen.municipality.id)
    const keep = await insertInvitee(other.id, { last_name: 'Janssens', first_name: 'Els' })
    const gone = await insertInvitee(other.id, { last_name: 'Vermeulen', first_name: 'Karim', email: 'karim@example.org' })
    const question = await client.get(paths.inviteeErase(other.id, gone))
    assert.equal(question.statusCode, 200)
    assert.match(visibleText(question.body), /Vermeulen Karim wissen\? .* U kunt dit niet ongedaan maken/)
    assert.equal((await t.db.selectFrom('invitees').select('id').where('edition_id', '=', other.id).execute()).length, 2, 'asking is not erasing')

    const erased = await client.post(paths.inviteeErase(other.id, gone))
    assert.equal(erased.statusCode, 303)
    assert.equal(erased.headers.location, paths.editionInvitees(other.id))
    assert.match(await visibleText((await client.get(paths.editionInvitees(other.id))).body), /De gegevens van de persoon zijn gewist/)
    assert.deepEqual((await t.db.selectFrom('invitees').select('id').where('edition_id', '=', other.id).execute()).map((r) => r.id), [keep])
    assert.equal((await people()).length, 240, 'another edition keeps its people')
    const event = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitee.erased').where('record_id', '=', gone).executeTakeFirstOrThrow()
    assert.deepEqual([event.record_type, event.details_json, event.municipality_id], ['invitee', null, mechelen.municipality.id])
    assert.equal((await client.post(paths.inviteeErase(other.id, gone))).statusCode, 404, 'a second click finds nothing to erase')
  })

  test('the CSV export is UTF-8 with a byte-order mark, ";" and CRLF, in the list’s columns, with formulas neutralised', async () => {
    const other = await createEdition(t.db, mechelen.municipality.id)
    await insertInvitee(other.id, { last_name: FORMULA, first_name: '@SUM(A1)', phone: '+32499247533', birth_date: '1990-02-03', city: 'Sint-Katelijne-Waver', postcode: '2860', street: 'Kerk;straat', email: 'an@example.org' })
    await insertInvitee(other.id, { last_name: 'Çelik', first_name: 'Ayşe', language: 'tr', national_number_hash: 'hash-that-must-not-leave', excluded_reason: 'moved_away', excluded_at: new Date() })
    const response = await client.get(paths.inviteesExport(other.id, 'csv'))
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/)
    assert.match(String(response.headers['content-disposition']), /^attachment; filename="genodigden-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv"$/)
    const bytes = response.rawPayload
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark')
    assert.match(response.body, /^\uFEFFNaam;Voornaam;Geboortedatum;Straat;Huisnummer;Bus;Postcode;Gemeente;E-mailadres;GSM;Contacttaal;Datum attest;Status;Reden uitsluiting\r\n/)
    assert.ok(!response.body.includes('hash-that-must-not-leave'))
    const rows = parse(response.body, { bom: true, delimiter: ';' }) as string[][]
    assert.deepEqual(rows[0], [...EXPORT_HEADERS])
    assert.equal(rows.length, 3)
    assert.ok(rows.some((r) => JSON.stringify(r) === JSON.stringify(['Çelik', 'Ayşe', '', '', '', '', '', '', '', '', 'tr', '', 'uitgesloten', 'verhuisd'])), 'names in UTF-8')
    assert.deepEqual(rows.find((r) => r[7] === 'Sint-Katelijne-Waver'), [`'${FORMULA}`, "'@SUM(A1)", '03/02/1990', 'Kerk;straat', '', '', '2860', 'Sint-Katelijne-Waver', 'an@example.org', "'+32499247533", '', '', 'uit te nodigen', ''])
    const event = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitees.exported').where('record_id', '=', other.id).executeTakeFirstOrThrow()
    assert.deepEqual(event.details_json, { format: 'csv', count: 2 })
  })

  test('the XLSX export holds every cell as text: a formula stays inert, a phone number keeps its "+"', async () => {
    const other = await createEdition(t.db, mechelen.municipality.id)
    await insertInvitee(other.id, { last_name: FORMULA, first_name: 'Test', phone: '+32499247533', postcode: '2400', birth_date: '1990-02-03' })
    const response = await client.get(paths.inviteesExport(other.id, 'xlsx'))
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['content-disposition']), /\.xlsx"$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer)
    const sheet = workbook.worksheets[0]!
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), [...EXPORT_HEADERS])
    const row = sheet.getRow(2)
    assert.equal(row.getCell(1).value, FORMULA)
    assert.equal(row.getCell(1).type, ExcelJS.ValueType.String)
    assert.equal(row.getCell(10).value, '+32499247533')
    sheet.eachRow((r) => r.eachCell((cell) => assert.equal(cell.type, ExcelJS.ValueType.String, `cell ${cell.address} is text`)))
    const event = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitees.exported').where('record_id', '=', other.id).executeTakeFirstOrThrow()
    assert.deepEqual(event.details_json, { format: 'xlsx', count: 1 })
  })

  test('another municipality gets 404 on every route; a person of another edition is not found either', async () => {
    const omar = await haddad()
    const routes = [
      { method: 'GET' as const, url: paths.editionInvitees(edition.id) },
      { method: 'GET' as const, url: paths.invitee(edition.id, omar.id) },
      { method: 'GET' as const, url: paths.inviteeAccessExport(edition.id, omar.id) },
      { method: 'GET' as const, url: paths.inviteeErase(edition.id, omar.id) },
      { method: 'POST' as const, url: paths.inviteeErase(edition.id, omar.id) },
      { method: 'GET' as const, url: paths.inviteesExport(edition.id, 'csv') },
      { method: 'GET' as const, url: paths.inviteesExport(edition.id, 'xlsx') },
    ]
    await expectNotFoundForOtherMunicipality(mol.staffClient, routes)
    const other = await createEdition(t.db, mechelen.municipality.id)
    const stranger = await insertInvitee(other.id)
    await expectNotFoundForOtherMunicipality(
      client,
      routes.slice(1, 5).map((r) => ({ ...r, url: r.url.replace(omar.id, stranger) })),
    )
    assert.ok(await t.db.selectFrom('invitees').select('id').where('id', '=', stranger).executeTakeFirst(), 'the person is still there')
    assert.ok(await t.db.selectFrom('invitees').select('id').where('id', '=', omar.id).executeTakeFirst())
  })

  test('the audit log records every view and export with ids and counts, never a name, a search or a contact detail', async () => {
    await client.get(withQuery(paths.editionInvitees(edition.id), { zoek: 'Haddad', taal: 'ar' }))
    const listed = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitees.listed').where('record_id', '=', edition.id).orderBy('occurred_at', 'desc').execute()
    const details = listed[0]!.details_json as Record<string, unknown>
    assert.deepEqual(Object.keys(details).sort(), ['filters', 'page', 'shown', 'total'])
    assert.deepEqual(details.filters, ['zoek', 'taal'], 'which filters, not what was searched for')
    assert.equal(typeof details.total, 'number')
    const all = JSON.stringify(await t.db.selectFrom('audit_events').selectAll().where('action', 'like', 'invitee%').execute())
    for (const value of ['Haddad', 'haddad', 'Omar', 'omar.haddad', '32499247533', 'Zandstraat', 'Herentals', 'HYPERLINK', 'onerror', 'Vermeulen', 'karim@']) assert.ok(!all.includes(value), value)
  })
})
