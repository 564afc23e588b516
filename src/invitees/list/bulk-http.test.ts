// Bulk actions on ticked people through HTTP: each action, the two that ask first, the flash with
// how many changed, the way back to the same filters, and ids from elsewhere left untouched.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText, type Client } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition, createOrganisers, type Organiser } from '../../../test/helpers/editions.ts'
import { paths, withQuery } from '../../paths.ts'

describe(`bulk actions on the invitee list on ${suiteDialect()}`, () => {
  let t: TestApp
  let mechelen: Organiser, mol: Organiser
  let client: Client

  before(async () => {
    t = await createTestApp()
    ;({ mechelen, mol } = await createOrganisers(t))
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
  const rows = (ids: string[]) => t.db.selectFrom('invitees').selectAll().where('id', 'in', ids).orderBy('last_name').execute()
  const lastAudit = (action: string, editionId: string) => t.db.selectFrom('audit_events').selectAll().where('action', '=', action).where('record_id', '=', editionId).orderBy('occurred_at', 'desc').executeTakeFirst()
  /** Three people of an edition, and people elsewhere whose ids are posted too. */
  const setUp = async () => {
    const edition = await createEdition(t.db, mechelen.municipality.id)
    const ours = [await insertInvitee(edition.id, { last_name: 'Aerts' }), await insertInvitee(edition.id, { last_name: 'Bosmans' }), await insertInvitee(edition.id, { last_name: 'Claes' })]
    const ownOtherEdition = await insertInvitee((await createEdition(t.db, mechelen.municipality.id)).id, { last_name: 'Anders' })
    const otherMunicipality = await insertInvitee((await createEdition(t.db, mol.municipality.id)).id, { last_name: 'Molenaar' })
    return { edition, ours, strangers: [ownOtherEdition, otherMunicipality, 'not-an-id'] }
  }
  const untouched = async (ids: string[]) => {
    for (const r of await rows(ids)) assert.deepEqual([r.excluded_reason, Boolean(r.has_asked_next_time), r.updated_at.getTime() === r.created_at.getTime()], [null, false, true], r.last_name)
    assert.equal((await rows(ids)).length, ids.filter((id) => id !== 'not-an-id').length, 'still there')
  }

  test('excluding asks for the reason, then excludes only the ticked people of this edition and returns to the same filters with the count', async () => {
    const { edition, ours, strangers } = await setUp()
    const ticked = [ours[0]!, ours[1]!, ...strangers]
    const back = { zoek: 'e', status: 'invitable', pagina: '1' }
    const question = await client.post(paths.inviteesBulk(edition.id), { ids: ticked, actie: 'exclude', ...back })
    assert.equal(question.statusCode, 200)
    assert.match(visibleText(question.body), /2 personen uitsluiten .* Waarom sluit u deze personen uit\?/)
    assert.equal((question.body.match(/name="ids"/g) ?? []).length, 2, 'only this edition’s people are carried to the next step')

    const noReason = await client.post(paths.inviteesBulk(edition.id), { ids: ticked, actie: 'exclude', bevestigd: 'ja', ...back })
    assert.equal(noReason.statusCode, 400)
    assert.match(visibleText(noReason.body), /Er is een probleem Kies waarom u deze personen uitsluit\./)

    const done = await client.post(paths.inviteesBulk(edition.id), { ids: ticked, actie: 'exclude', bevestigd: 'ja', reden: 'moved_away', ...back })
    assert.equal(done.statusCode, 303)
    assert.equal(done.headers.location, withQuery(paths.editionInvitees(edition.id), { zoek: 'e', status: 'invitable' }))
    assert.deepEqual((await rows(ours)).map((r) => r.excluded_reason), ['moved_away', 'moved_away', null])
    await untouched(strangers)
    assert.match(visibleText((await client.get(done.headers.location as string)).body), /2 personen zijn uitgesloten\./)
    assert.deepEqual((await lastAudit('invitees.excluded', edition.id))!.details_json, { count: 2, ticked: 2 })

    const again = await client.post(paths.inviteesBulk(edition.id), { ids: [ours[0]!], actie: 'exclude', bevestigd: 'ja', reden: 'moved_away' })
    assert.match(visibleText((await client.get(again.headers.location as string)).body), /Er is niets gewijzigd: iedereen was al om die reden uitgesloten\./)
  })

  test('including again and marking "wants to come next time" act at once and count only the people they change', async () => {
    const { edition, ours, strangers } = await setUp()
    await t.db.updateTable('invitees').set({ excluded_reason: 'other', excluded_at: new Date() }).where('id', '=', ours[0]!).execute()
    const included = await client.post(paths.inviteesBulk(edition.id), { ids: [...ours, ...strangers], actie: 'include' })
    assert.equal(included.statusCode, 303)
    assert.match(visibleText((await client.get(included.headers.location as string)).body), /1 persoon staat weer op de lijst\./)
    assert.ok((await rows(ours)).every((r) => r.excluded_reason === null && r.excluded_at === null))

    const marked = await client.post(paths.inviteesBulk(edition.id), { ids: [ours[1]!, ours[2]!, ...strangers], actie: 'next_time' })
    assert.match(visibleText((await client.get(marked.headers.location as string)).body), /Bij 2 personen staat nu dat ze volgende keer willen komen\./)
    assert.deepEqual((await rows(ours)).map((r) => Boolean(r.has_asked_next_time)), [false, true, true])
    const unmarked = await client.post(paths.inviteesBulk(edition.id), { ids: [ours[2]!], actie: 'not_next_time' })
    assert.match(visibleText((await client.get(unmarked.headers.location as string)).body), /Bij 1 persoon staat niet meer dat die volgende keer wil komen\./)
    assert.deepEqual((await rows(ours)).map((r) => Boolean(r.has_asked_next_time)), [false, true, false])
    await untouched(strangers)
    assert.deepEqual((await lastAudit('invitees.next_time_marked', edition.id))!.details_json, { count: 2, ticked: 2 })
    assert.deepEqual((await lastAudit('invitees.included', edition.id))!.details_json, { count: 1, ticked: 3 })
  })

  test('erasing asks first with how many people, then erases only the ticked people of this edition', async () => {
    const { edition, ours, strangers } = await setUp()
    const ticked = [ours[0]!, ours[2]!, ...strangers]
    const question = await client.post(paths.inviteesBulk(edition.id), { ids: ticked, actie: 'erase' })
    assert.equal(question.statusCode, 200)
    assert.match(visibleText(question.body), /2 personen wissen\? .* U kunt dit niet ongedaan maken/)
    assert.equal((await rows(ours)).length, 3, 'asking is not erasing')

    const erased = await client.post(paths.inviteesBulk(edition.id), { ids: ticked, actie: 'erase', bevestigd: 'ja' })
    assert.equal(erased.statusCode, 303)
    assert.deepEqual((await rows(ours)).map((r) => r.last_name), ['Bosmans'])
    await untouched(strangers)
    assert.match(visibleText((await client.get(erased.headers.location as string)).body), /De gegevens van 2 personen zijn gewist\./)
    const event = await lastAudit('invitees.erased', edition.id)
    assert.deepEqual([event!.details_json, event!.record_type], [{ count: 2, ticked: 2 }, 'edition'])
  })

  test('nobody ticked, or only people from elsewhere, changes nothing and says so; an unknown action is not acted on', async () => {
    const { edition, ours, strangers } = await setUp()
    const none = await client.post(paths.inviteesBulk(edition.id), { actie: 'erase', bevestigd: 'ja', gemeente: 'Mol' })
    assert.equal(none.statusCode, 303)
    assert.equal(none.headers.location, withQuery(paths.editionInvitees(edition.id), { gemeente: 'Mol' }))
    assert.match(visibleText((await client.get(none.headers.location as string)).body), /U hebt niemand aangevinkt\./)
    const elsewhere = await client.post(paths.inviteesBulk(edition.id), { ids: strangers, actie: 'erase', bevestigd: 'ja' })
    assert.equal(elsewhere.statusCode, 303)
    const unknown = await client.post(paths.inviteesBulk(edition.id), { ids: ours, actie: 'drop_table' })
    assert.equal(unknown.statusCode, 303)
    assert.match(visibleText((await client.get(unknown.headers.location as string)).body), /Kies wat er met de aangevinkte personen gebeurt\./)
    await untouched([...ours, ...strangers])
    assert.equal(await lastAudit('invitees.erased', edition.id), undefined)
  })

  test('the list is a form of checkboxes, each labelled with the person; "tick everyone on this page" is a link that ticks every row', async () => {
    const { edition } = await setUp()
    const page = await client.get(paths.editionInvitees(edition.id))
    assert.match(page.body, new RegExp(`<form method="post" action="${paths.inviteesBulk(edition.id)}"`))
    assert.equal((page.body.match(/type="checkbox"/g) ?? []).length, 3)
    assert.equal((page.body.match(/type="checkbox"[^>]*checked/g) ?? []).length, 0)
    assert.match(visibleText(page.body), /Alle 3 personen op deze pagina aanvinken .* Aerts An aanvinken/)
    const ticked = await client.get(withQuery(paths.editionInvitees(edition.id), { aanvinken: 'alle' }))
    assert.equal((ticked.body.match(/type="checkbox"[^>]*checked/g) ?? []).length, 3)
    assert.match(visibleText(ticked.body), /Alle vinkjes weghalen/)
    const [event] = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitees.listed').where('record_id', '=', edition.id).orderBy('occurred_at', 'desc').execute()
    assert.deepEqual((event!.details_json as { filters: string[] }).filters, [], 'ticking is not a filter')
  })
})
