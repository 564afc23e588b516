import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { type Organiser, createEdition, createOrganisers } from '../../../test/helpers/editions.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import { createTranslator, STAFF_LOCALES } from '../../platform/i18n/i18n.ts'
import { paths } from '../../paths.ts'
import { CONTRIBUTION_KIND_LABELS, CONTRIBUTION_STATUS_LABELS } from './contributions.ts'
import { insertContribution } from './contributions-queries.ts'

describe(`contributions on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Organiser, skw: Organiser, mol: Organiser

  before(async () => {
    t = await createTestApp()
    ;({ mechelen, skw, mol } = await createOrganisers(t))
  })
  after(() => t.close())

  const music = { kind: 'music', name: 'Yonas Tesfay', contact: '0470 12 34 56', description: 'Twee liederen op de krar', status: 'asked' }
  const auditOf = async (editionId: string) => {
    const rows = await t.db.selectFrom('audit_events').selectAll().where('action', 'like', 'edition_contribution.%').orderBy('occurred_at').execute()
    return rows.filter((a) => a.record_id === editionId || (a.details_json as { editionId?: string } | null)?.editionId === editionId)
  }

  test('staff add a contribution, confirm it and remove it; every change and every view is audited without names or contacts', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id, { coOrganiserIds: [skw.municipality.id] })
    const empty = visibleText((await mechelen.staffClient.get(paths.editionContributions(edition.id))).body)
    assert.match(empty, /Er zijn nog geen bijdragen/)

    const added = await mechelen.staffClient.post(paths.editionContributions(edition.id), music)
    assert.equal(added.statusCode, 303)
    assert.equal(added.headers.location, paths.editionContributions(edition.id))
    const list = visibleText((await skw.staffClient.get(paths.editionContributions(edition.id))).body)
    assert.match(list, /1 bijdrage/)
    assert.match(list, /Muziek Yonas Tesfay 0470 12 34 56 Twee liederen op de krar Gevraagd/)

    const row = await t.db.selectFrom('edition_contributions').selectAll().where('edition_id', '=', edition.id).executeTakeFirstOrThrow()
    const url = paths.editionContribution(edition.id, row.id)
    assert.match((await mechelen.staffClient.get(url)).body, /value="Yonas Tesfay"/)
    assert.equal((await mechelen.staffClient.post(url, { ...music, action: 'save', status: 'confirmed' })).statusCode, 303)
    assert.match(visibleText((await mechelen.staffClient.get(paths.editionContributions(edition.id))).body), /Yonas Tesfay .* Bevestigd/)
    assert.equal((await mechelen.staffClient.post(url, { action: 'remove' })).statusCode, 303)
    assert.equal(await t.db.selectFrom('edition_contributions').select('id').where('id', '=', row.id).executeTakeFirst(), undefined)

    const audit = await auditOf(edition.id)
    const count = (action: string, recordType: string) => audit.filter((a) => a.action === `edition_contribution.${action}` && a.record_type === recordType).length
    assert.deepEqual(
      { listViewed: count('viewed', 'edition'), viewed: count('viewed', 'edition_contribution'), created: count('created', 'edition_contribution'), updated: count('updated', 'edition_contribution'), removed: count('removed', 'edition_contribution') },
      { listViewed: 3, viewed: 1, created: 1, updated: 1, removed: 1 },
    )
    const listViews = audit.filter((a) => a.action === 'edition_contribution.viewed' && a.record_type === 'edition')
    assert.deepEqual(listViews.map((a) => (a.details_json as { count: number }).count).sort(), [0, 1, 1])
    assert.deepEqual(audit.find((a) => a.action === 'edition_contribution.updated')!.details_json, { editionId: edition.id, fields: ['status'] })
    const logged = JSON.stringify(audit)
    assert.ok(!logged.includes('Yonas') && !logged.includes('0470'), 'no names or contacts in the audit log')
  })

  test('a contribution without a kind, name or status is refused with a message per field, and what was typed is kept', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const response = await mechelen.staffClient.post(paths.editionContributions(edition.id), { kind: 'dance', name: '', contact: 'fatima@example.org', description: 'Couscous voor 100 mensen', status: 'maybe' })
    assert.equal(response.statusCode, 400)
    const text = visibleText(response.body)
    assert.match(text, /Kies een soort bijdrage/)
    assert.match(text, /Vul een naam in/)
    assert.match(text, /Kies een status/)
    assert.match(response.body, /value="fatima@example\.org"/)
    assert.match(response.body, /Couscous voor 100 mensen<\/textarea>/)
    assert.equal((await t.db.selectFrom('edition_contributions').select('id').where('edition_id', '=', edition.id).execute()).length, 0)
  })

  test('a third municipality gets 404 on every contribution route, and a contribution id of another edition is not found', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const other = await createEdition(t.db, mechelen.municipality.id)
    const id = await insertContribution(t.db, edition.id, { kind: 'food', name: 'Fatima El Amrani', contact: null, description: null, status: 'confirmed' }, new Date())
    await expectNotFoundForOtherMunicipality(mol.staffClient, [
      { method: 'GET', url: paths.editionContributions(edition.id) },
      { method: 'POST', url: paths.editionContributions(edition.id), fields: music },
      { method: 'GET', url: paths.editionContribution(edition.id, id) },
      { method: 'POST', url: paths.editionContribution(edition.id, id), fields: { ...music, action: 'save' } },
      { method: 'POST', url: paths.editionContribution(edition.id, id), fields: { action: 'remove' } },
    ])
    await expectNotFoundForOtherMunicipality(mechelen.staffClient, [
      { method: 'GET', url: paths.editionContribution(other.id, id) },
      { method: 'POST', url: paths.editionContribution(other.id, id), fields: { action: 'remove' } },
    ])
    const row = await t.db.selectFrom('edition_contributions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    assert.equal(row.name, 'Fatima El Amrani')
    assert.equal((await t.db.selectFrom('edition_contributions').select('id').where('edition_id', '=', edition.id).execute()).length, 1)
  })

  test('every kind and status has a label in each staff language', () => {
    for (const locale of STAFF_LOCALES) {
      const { t: translate } = createTranslator(locale)
      for (const key of [...Object.values(CONTRIBUTION_KIND_LABELS), ...Object.values(CONTRIBUTION_STATUS_LABELS)]) assert.notEqual(translate(key), key, `${locale}: ${key}`)
    }
  })
})
