// Where people stand, as the list, the person page and the exports show it: the status filter with
// its counts, a tag and the reason of an exclusion on every row, and the status in the person page
// and the access export. The filter in SQL must say what inviteeStatus says, for every combination.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText, type Client } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition, createOrganisers, type Organiser } from '../../../test/helpers/editions.ts'
import { paths, withQuery } from '../../paths.ts'
import { INVITEE_STATUSES, inviteeStatus } from '../invitee-status.ts'
import { EXCLUSION_REASONS, type ExclusionReason } from '../invitees-queries.ts'
import { listInviteesPage } from './invitee-list-queries.ts'

describe(`statuses on the invitee list on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Organiser
  let client: Client

  before(async () => {
    t = await createTestApp()
    ;({ mechelen } = await createOrganisers(t))
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
  const listText = async (editionId: string, query: Record<string, string> = {}) => {
    const response = await client.get(withQuery(paths.editionInvitees(editionId), query))
    assert.equal(response.statusCode, 200)
    return visibleText(response.body)
  }

  test('the status filter in SQL agrees with inviteeStatus for every combination of exclusion and selection', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const people: { id: string; excludedReason: ExclusionReason | null; selection: 'selected' | 'not_selected' | null }[] = []
    for (const excludedReason of [null, ...EXCLUSION_REASONS]) {
      for (const selection of [null, 'selected', 'not_selected'] as const) {
        const id = await insertInvitee(edition.id, { excluded_reason: excludedReason, excluded_at: excludedReason ? new Date() : null, selection })
        people.push({ id, excludedReason, selection })
      }
    }
    const scope = { municipalityId: mechelen.municipality.id }
    const everyone = await listInviteesPage(t.db, scope, edition.id, {}, { limit: 100, offset: 0 })
    for (const status of INVITEE_STATUSES) {
      const expected = people.filter((p) => inviteeStatus(p) === status).map((p) => p.id).sort()
      const page = await listInviteesPage(t.db, scope, edition.id, { status }, { limit: 100, offset: 0 })
      assert.deepEqual(page.invitees.map((i) => i.id).sort(), expected, status)
      assert.ok(page.invitees.every((i) => i.status === status))
      assert.equal(everyone.byStatus[status], expected.length, `count of ${status}`)
    }
    assert.deepEqual(everyone.byStatus, { invitable: 2, not_selected: 1, excluded: 12 })
  })

  test('by default the list shows everybody with counts per status; a status filter shows only those, with the reason of an exclusion', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    await insertInvitee(edition.id, { last_name: 'Aerts', first_name: 'Bram' })
    await insertInvitee(edition.id, { last_name: 'Bosmans', first_name: 'Chloé', selection: 'not_selected' })
    await insertInvitee(edition.id, { last_name: 'Claes', first_name: 'Dirk', excluded_reason: 'deceased', excluded_at: new Date() })
    await insertInvitee(edition.id, { last_name: 'Dubois', first_name: 'Eva', excluded_reason: 'no_contact', excluded_at: new Date(), city: 'Mol' })

    const all = await listText(edition.id)
    assert.match(all, /Iedereen \(4\) Uit te nodigen \(1\) Niet geselecteerd \(1\) Uitgesloten \(2\)/)
    assert.match(all, /Aerts Bram Uit te nodigen/)
    assert.match(all, /Bosmans Chloé Niet geselecteerd/)
    assert.match(all, /Claes Dirk Uitgesloten reden: Overleden/)
    assert.match(all, /Dubois Eva Uitgesloten reden: Wil niet gecontacteerd worden/)

    const excluded = await listText(edition.id, { status: 'excluded' })
    assert.match(excluded, /2 personen van 4/)
    assert.doesNotMatch(excluded, /Aerts Bram|Bosmans Chloé/)
    assert.match(await listText(edition.id, { status: 'not_selected' }), /1 persoon van 4 .*Bosmans Chloé/)
    // The counts follow the other filters, so staff see what each status holds of what they searched.
    assert.match(await listText(edition.id, { gemeente: 'Mol' }), /Iedereen \(1\) Uit te nodigen \(0\) Niet geselecteerd \(0\) Uitgesloten \(1\)/)
    assert.match(await listText(edition.id, { status: 'unknown' }), /4 personen van 4/, 'an unknown status is no filter')
    const page = await client.get(withQuery(paths.editionInvitees(edition.id), { status: 'excluded', gemeente: 'Mol' }))
    assert.match(page.body, /status=invitable&amp;gemeente=Mol|gemeente=Mol&amp;status=invitable/, 'the status links keep the other filters')
  })

  test('the person page shows the status with its reason, how the person came on the list and the wish for next time, with links to edit and exclude', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const excludedAt = new Date('2026-02-10T09:00:00Z')
    const id = await insertInvitee(edition.id, { source: 'manual', excluded_reason: 'moved_away', excluded_at: excludedAt, has_asked_next_time: true })
    const response = await client.get(paths.invitee(edition.id, id))
    const text = visibleText(response.body)
    for (const expected of ['Status Uitgesloten reden: Verhuisd', 'Uitgesloten op', 'Wil volgende keer komen Ja', 'Op de lijst gekomen Met de hand toegevoegd', 'Toegevoegd op', 'Gegevens wijzigen', 'Weer opnemen']) {
      assert.ok(text.includes(expected), expected)
    }
    assert.ok(response.body.includes(`href="${paths.inviteeEdit(edition.id, id)}"`))
    assert.ok(response.body.includes(`href="${paths.inviteeExclusion(edition.id, id)}"`))
    const other = visibleText((await client.get(paths.invitee(edition.id, await insertInvitee(edition.id, { last_name: 'Wouters' })))).body)
    for (const expected of ['Status Uit te nodigen', 'Wil volgende keer komen Nee', 'Op de lijst gekomen Ingelezen uit een bestand', 'Ingelezen op', 'Uitsluiten']) assert.ok(other.includes(expected), expected)
  })

  test('the access export holds the new columns — source, status, exclusion, selection, household, carry-over, next time — and still no hash', async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const excludedAt = new Date('2026-02-10T09:00:00Z')
    const id = await insertInvitee(edition.id, { source: 'carry_over', excluded_reason: 'other', excluded_at: excludedAt, selection: 'selected', carried_from_edition_id: edition.id, has_asked_next_time: true, national_number_hash: 'secret-hash-value' })
    const response = await client.get(paths.inviteeAccessExport(edition.id, id))
    const { person } = JSON.parse(response.body)
    assert.deepEqual(
      [person.source, person.status, person.exclusion, person.selection, person.householdId, person.carriedFromEditionId, person.hasAskedNextTime],
      ['carry_over', 'excluded', { reason: 'other', at: excludedAt.toISOString() }, 'selected', null, edition.id, true],
    )
    assert.ok(!response.body.includes('secret-hash-value'))
  })
})
