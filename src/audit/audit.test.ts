import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { visibleText } from '../../test/helpers/client.ts'
import { suiteDialect } from '../../test/helpers/database.ts'
import { createMunicipalityWithPeople, createUser, signIn } from '../../test/helpers/factories.ts'
import { csvCell, parseAuditQuery, parseDay, startOfDay, toCsv } from './audit.ts'
import { recordAudit } from './audit-queries.ts'

describe('audit rules', () => {
  test('a filter date is read as an ISO date or as typed in Flanders, and impossible dates are refused', () => {
    assert.deepEqual(parseDay('2026-03-05'), { year: 2026, month: 3, day: 5 })
    assert.deepEqual(parseDay('5/3/2026'), { year: 2026, month: 3, day: 5 })
    assert.deepEqual(parseDay('05-03-2026'), { year: 2026, month: 3, day: 5 })
    for (const bad of ['31/02/2026', '2026-13-01', 'gisteren', '1/1/26']) assert.equal(parseDay(bad), null, bad)
  })

  test('a day starts at midnight in Brussels, in winter and in summer time', () => {
    assert.equal(startOfDay({ year: 2026, month: 1, day: 15 }).toISOString(), '2026-01-14T23:00:00.000Z')
    assert.equal(startOfDay({ year: 2026, month: 7, day: 1 }).toISOString(), '2026-06-30T22:00:00.000Z')
    assert.equal(startOfDay({ year: 2026, month: 3, day: 29 }).toISOString(), '2026-03-28T23:00:00.000Z')
  })

  test('the last day of a range is included and a range that ends before it starts drops its end', () => {
    const q = parseAuditQuery({ van: '2026-03-05', tot: '2026-03-05' })
    assert.equal(q.to!.getTime() - q.from!.getTime(), 86400_000)
    const reversed = parseAuditQuery({ van: '2026-03-05', tot: '2026-03-01' })
    assert.equal(reversed.to, undefined)
    assert.deepEqual(reversed.errors, [{ field: 'tot', message: 'audit.filter.dateOrder' }])
  })

  test('CSV cells are quoted when needed and formulas are defused', () => {
    assert.equal(csvCell('=cmd|calc'), "'=cmd|calc")
    for (const start of ['+', '-', '@']) assert.equal(csvCell(`${start}1`), `'${start}1`)
    assert.equal(csvCell('Jansen, "Jan"'), '"Jansen, ""Jan"""')
    assert.equal(csvCell('twee\nregels'), '"twee\nregels"')
    assert.equal(csvCell(null), '')
    assert.equal(toCsv([['a', 'b'], ['c', 1]]), 'a,b\r\nc,1\r\n')
  })
})

describe(`the audit log pages on ${suiteDialect()}`, () => {
  let t: TestApp
  before(async () => (t = await createTestApp()))
  after(() => t.close())

  const tableBody = (html: string) => /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? ''
  const eventRows = (html: string) => tableBody(html).split('<tr>').length - 1
  /** What the results table says: the filter form's choices also name actions and municipalities. */
  const results = async (client: { get(url: string): Promise<{ body: string }> }, url: string) => visibleText(tableBody((await client.get(url)).body))

  test('a municipality admin sees their own municipality’s entries and none of another’s', async () => {
    const aalst = await createMunicipalityWithPeople(t.app, t.db, { name: 'Aalst' })
    const brugge = await createMunicipalityWithPeople(t.app, t.db, { name: 'Brugge' })
    await recordAudit(t.db, { municipalityId: aalst.municipality.id, actor: { id: aalst.admin.id, name: 'Ambtenaar Aalst' }, action: 'staff.updated', record: { type: 'user', id: aalst.staff.id }, details: { fields: ['role'] } })
    await recordAudit(t.db, { municipalityId: brugge.municipality.id, actor: { id: brugge.admin.id, name: 'Ambtenaar Brugge' }, action: 'staff.updated', record: { type: 'user', id: brugge.staff.id } })
    await recordAudit(t.db, { municipalityId: aalst.municipality.id, actor: null, action: 'something.new' })

    const response = await aalst.adminClient.get('/beheer/audit')
    assert.equal(response.statusCode, 200)
    const text = visibleText(tableBody(response.body))
    assert.match(text, /Ambtenaar Aalst Medewerker gewijzigd Account [0-9a-f]{8} fields: role/)
    assert.match(text, /systeem something\.new/, 'an unknown action shows its code; no actor means the system')
    assert.match(text, /Aangemeld/, 'sign-ins are logged and labelled')
    assert.doesNotMatch(text, /Ambtenaar Brugge/)
  })

  test('a platform admin sees every municipality’s entries and can narrow them to one municipality', async () => {
    const gent = await createMunicipalityWithPeople(t.app, t.db, { name: 'Gent' })
    const leuven = await createMunicipalityWithPeople(t.app, t.db, { name: 'Leuven' })
    await recordAudit(t.db, { municipalityId: gent.municipality.id, actor: { id: gent.admin.id, name: 'Ambtenaar Gent' }, action: 'municipality.updated' })
    await recordAudit(t.db, { municipalityId: leuven.municipality.id, actor: { id: leuven.admin.id, name: 'Ambtenaar Leuven' }, action: 'municipality.updated' })
    const platform = await signIn(t.app, await createUser(t.db, { role: 'platform_admin' }))

    const all = await results(platform, '/beheer/audit?actie=municipality.updated')
    assert.match(all, /Gent Ambtenaar Gent Gemeente gewijzigd/)
    assert.match(all, /Leuven Ambtenaar Leuven Gemeente gewijzigd/)
    const one = await results(platform, `/beheer/audit?actie=municipality.updated&gemeente=${leuven.municipality.id}`)
    assert.match(one, /Ambtenaar Leuven/)
    assert.doesNotMatch(one, /Ambtenaar Gent/)
  })

  test('the action filter matches an action or a group, and the date filter keeps only that day', async () => {
    const { municipality, admin, adminClient } = await createMunicipalityWithPeople(t.app, t.db)
    const actor = { id: admin.id, name: 'Filteraar' }
    await recordAudit(t.db, { municipalityId: municipality.id, actor, action: 'api_token.created', details: { name: 'oud' } })
    await recordAudit(t.db, { municipalityId: municipality.id, actor, action: 'api_token.revoked', details: { name: 'nieuw' } })
    await t.db.updateTable('audit_events').set({ occurred_at: new Date('2025-03-10T09:00:00Z') }).where('municipality_id', '=', municipality.id).where('action', '=', 'api_token.created').execute()

    const exact = await results(adminClient, '/beheer/audit?actie=api_token.revoked')
    assert.match(exact, /API-sleutel ingetrokken/)
    assert.doesNotMatch(exact, /API-sleutel gemaakt|Aangemeld/)
    const group = await results(adminClient, '/beheer/audit?actie=api_token.')
    assert.match(group, /^\S+ \S+ Filteraar API-sleutel ingetrokken name: nieuw \S+ \S+ Filteraar API-sleutel gemaakt name: oud$/, 'both, newest first')

    const day = await results(adminClient, '/beheer/audit?van=10%2F03%2F2025&tot=2025-03-10')
    assert.match(day, /^10\/03\/2025,? 10:00 Filteraar API-sleutel gemaakt name: oud$/)
    const person = visibleText((await adminClient.get(`/beheer/audit?persoon=${admin.id}&actie=account.`)).body)
    assert.match(person, /1 resultaat/, 'only the admin’s own sign-in, not the staff member’s')
  })

  test('an impossible date shows a message above the results and does not filter', async () => {
    const { municipality, adminClient } = await createMunicipalityWithPeople(t.app, t.db)
    await recordAudit(t.db, { municipalityId: municipality.id, actor: null, action: 'staff.created' })
    const response = await adminClient.get('/beheer/audit?van=31%2F02%2F2026&actie=staff.created')
    assert.equal(response.statusCode, 200)
    const text = visibleText(response.body)
    assert.match(text, /^Fout: Logboek/)
    assert.match(text, /Er is een probleem Vul een bestaande datum in.*Logboek.*1 resultaat.*Medewerker toegevoegd/)
    assert.match(response.body, /value="31\/02\/2026"/, 'the typed value is kept')
  })

  test('pages hold 50 entries and the page links keep the filters', async () => {
    const { municipality, adminClient } = await createMunicipalityWithPeople(t.app, t.db)
    // One second apart, so "newest first" has one answer (a loop can write several in one millisecond).
    const start = Date.now() - 3600_000
    await t.db
      .insertInto('audit_events')
      .values(Array.from({ length: 55 }, (_, i) => ({ id: `bulk-${i}`, occurred_at: new Date(start + i * 1000), municipality_id: municipality.id, actor_user_id: null, actor_name: null, action: 'test.bulk', record_type: null, record_id: null, details_json: { n: i } })))
      .execute()
    const first = await adminClient.get('/beheer/audit?actie=test.bulk')
    assert.equal(eventRows(first.body), 50)
    assert.match(visibleText(first.body), /55 resultaten/)
    const next = /<a href="([^"]+)" rel="next"/.exec(first.body)?.[1]?.replace(/&amp;/g, '&')
    assert.equal(next, '/beheer/audit?actie=test.bulk&pagina=2')
    const second = await adminClient.get(next)
    assert.equal(eventRows(second.body), 5)
    assert.match(visibleText(second.body), /n: 0/, 'the oldest entry is on the last page')
  })

  test('with nothing matching, the page says so and offers to clear the filters', async () => {
    const { adminClient } = await createMunicipalityWithPeople(t.app, t.db)
    const text = visibleText((await adminClient.get('/beheer/audit?actie=nothing.like.this')).body)
    assert.match(text, /Geen gebeurtenissen gevonden Niets past bij deze filters\. .* Filters wissen/)
  })

  test('the CSV export has a header row, escapes cells, defuses formulas and is itself audited', async () => {
    const { municipality, admin, adminClient } = await createMunicipalityWithPeople(t.app, t.db)
    await recordAudit(t.db, { municipalityId: municipality.id, actor: { id: admin.id, name: "=cmd|' /C calc'!A0" }, action: 'staff.updated', details: { note: 'Jansen, "Jan"' } })
    const response = await adminClient.get('/beheer/audit/export.csv?actie=staff.')
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/)
    assert.match(String(response.headers['content-disposition']), /^attachment; filename="logboek-\d{4}-\d{2}-\d{2}\.csv"$/)
    const lines = response.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
    assert.equal(lines[0], 'Wanneer,Wie,Gebruikers-id,Actie,Soort gegeven,Id van het gegeven,Details')
    assert.equal(lines.length, 2)
    assert.match(lines[1]!, new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[^,]+Z,'=cmd\\|' /C calc'!A0,${admin.id},staff\\.updated,,,"note: Jansen, ""Jan"""$`))

    const exported = await t.db.selectFrom('audit_events').selectAll().where('municipality_id', '=', municipality.id).where('action', '=', 'audit.exported').execute()
    assert.equal(exported.length, 1)
    assert.equal(exported[0]!.actor_user_id, admin.id)
    assert.deepEqual(exported[0]!.details_json, { rows: 1, filters: ['actie'] })
  })

  test('staff members who are not admins get 403 on the log and its export', async () => {
    const { staffClient } = await createMunicipalityWithPeople(t.app, t.db)
    for (const url of ['/beheer/audit', '/beheer/audit/export.csv']) assert.equal((await staffClient.get(url)).statusCode, 403, url)
  })
})
