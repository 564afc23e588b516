// Excluding one person with a reason and including them again, through HTTP; and the tenant rule
// for every route of this folder: another municipality gets 404 and changes nothing.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText, type Client } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition, createOrganisers, type Organiser } from '../../../test/helpers/editions.ts'
import { expectNotFoundForOtherMunicipality, type RouteUnderTest } from '../../../test/helpers/tenant.ts'
import { paths } from '../../paths.ts'

describe(`excluding a person on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Organiser, skw: Organiser, mol: Organiser
  let client: Client

  before(async () => {
    t = await createTestApp()
    ;({ mechelen, skw, mol } = await createOrganisers(t))
    client = mechelen.staffClient
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
  const row = (id: string) => t.db.selectFrom('invitees').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const audits = (action: string, id: string) => t.db.selectFrom('audit_events').selectAll().where('action', '=', action).where('record_id', '=', id).execute()

  test('excluding asks for a reason, stores it with the moment, shows the person as excluded everywhere, and including undoes it', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const id = await insertInvitee(edition.id, { selection: 'selected' })
    const question = await client.get(paths.inviteeExclusion(edition.id, id))
    assert.equal(question.statusCode, 200)
    assert.match(visibleText(question.body), /Peeters An uitsluiten .* Waarom sluit u deze persoon uit\? Verhuisd .* Wil niet gecontacteerd worden .* Overleden .* Andere reden/)

    const noReason = await client.post(paths.inviteeExclusion(edition.id, id), { actie: 'exclude' })
    assert.equal(noReason.statusCode, 400)
    assert.match(visibleText(noReason.body), /Er is een probleem Kies waarom u deze persoon uitsluit\./)
    const madeUp = await client.post(paths.inviteeExclusion(edition.id, id), { actie: 'exclude', reden: 'bored' })
    assert.equal(madeUp.statusCode, 400)
    assert.equal((await row(id)).excluded_reason, null)

    const excluded = await client.post(paths.inviteeExclusion(edition.id, id), { actie: 'exclude', reden: 'deceased' })
    assert.equal(excluded.statusCode, 303)
    assert.equal(excluded.headers.location, paths.invitee(edition.id, id))
    const stored = await row(id)
    assert.equal(stored.excluded_reason, 'deceased')
    assert.ok(stored.excluded_at instanceof Date)
    assert.equal(stored.selection, 'selected', 'the selection stays: excluded overrides it')
    assert.match(visibleText((await client.get(paths.invitee(edition.id, id))).body), /De persoon is uitgesloten .* Status Uitgesloten reden: Overleden Uitgesloten op/)
    assert.match(visibleText((await client.get(paths.editionInvitees(edition.id))).body), /Peeters An Uitgesloten reden: Overleden/)
    const [event] = await audits('invitee.excluded', id)
    assert.equal(event!.details_json, null, 'the reason says something about the person: not in the log')

    const again = await client.get(paths.inviteeExclusion(edition.id, id))
    assert.match(visibleText(again.body), /Peeters An weer opnemen\? .* Uitgesloten reden: Overleden/)
    const included = await client.post(paths.inviteeExclusion(edition.id, id), { actie: 'include' })
    assert.equal(included.statusCode, 303)
    assert.deepEqual([(await row(id)).excluded_reason, (await row(id)).excluded_at], [null, null])
    assert.match(visibleText((await client.get(paths.invitee(edition.id, id))).body), /De persoon staat weer op de lijst\. .* Status Uit te nodigen/)
    assert.equal((await audits('invitee.included', id)).length, 1)
    await client.post(paths.inviteeExclusion(edition.id, id), { actie: 'include' })
    assert.equal((await audits('invitee.included', id)).length, 1, 'including someone not excluded changes and records nothing')
  })

  test('a co-organiser works on the shared list; another municipality gets 404 on every route and changes nothing', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id, { coOrganiserIds: [skw.municipality.id] })
    const id = await insertInvitee(edition.id)
    assert.equal((await skw.staffClient.get(paths.inviteeEdit(edition.id, id))).statusCode, 200)
    assert.equal((await skw.staffClient.get(paths.inviteeNew(edition.id))).statusCode, 200)

    const fields = { lastName: 'Indringer', firstName: 'Iemand' }
    const routes: RouteUnderTest[] = [
      { method: 'GET', url: paths.inviteeNew(edition.id) },
      { method: 'POST', url: paths.inviteeNew(edition.id), fields },
      { method: 'GET', url: paths.inviteeEdit(edition.id, id) },
      { method: 'POST', url: paths.inviteeEdit(edition.id, id), fields },
      { method: 'GET', url: paths.inviteeExclusion(edition.id, id) },
      { method: 'POST', url: paths.inviteeExclusion(edition.id, id), fields: { actie: 'exclude', reden: 'other' } },
      { method: 'POST', url: paths.inviteesBulk(edition.id), fields: { ids: [id], actie: 'erase', bevestigd: 'ja' } },
    ]
    await expectNotFoundForOtherMunicipality(mol.staffClient, routes)
    // A person of another edition, even of one's own municipality, is not found under this edition.
    const elsewhere = await createEdition(t.db, mechelen.municipality.id)
    await expectNotFoundForOtherMunicipality(
      client,
      routes.slice(2, 6).map((r) => ({ ...r, url: r.url.replace(edition.id, elsewhere.id) })),
    )
    const stored = await row(id)
    assert.deepEqual([stored.last_name, stored.excluded_reason], ['Peeters', null])
    assert.equal((await t.db.selectFrom('invitees').select('id').where('edition_id', 'in', [edition.id, elsewhere.id]).execute()).length, 1)
  })
})
