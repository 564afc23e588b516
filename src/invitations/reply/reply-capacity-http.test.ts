// Capacity counts people plus guests: an answer that no longer fits joins the waiting list in
// order, and seats that come free go to the waiting list first, each promoted person told.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { Client, visibleText } from '../../../test/helpers/client.ts'
import { paths } from '../../paths.ts'
import { openEditionWithPeople, yesAnswer } from './reply-test-support.ts'

describe('capacity and the waiting list', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(async () => {
    await t?.close()
  })

  const places = async (editionId: string) =>
    Object.fromEntries((await t.db.selectFrom('replies').innerJoin('invitees', 'invitees.id', 'replies.invitee_id').select(['invitees.first_name', 'replies.place']).where('replies.edition_id', '=', editionId).execute()).map((r: { first_name: string; place: string | null }) => [r.first_name, r.place]))

  test('an answer that no longer fits waits in order; a decline promotes the first waiting person, who is told', async () => {
    const { edition, people } = await openEditionWithPeople(
      t,
      [
        { firstName: 'Amal', email: 'amal@example.org' },
        { firstName: 'Bilal', email: 'bilal@example.org' },
        { firstName: 'Chiara', email: 'chiara@example.org' },
      ],
      { capacity: 3, guestsPerInvitee: 2 },
    )
    const [amal, bilal, chiara] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]]
    const client = new Client(t.app)
    await client.post(paths.reply(amal.token), yesAnswer(1))
    await client.post(paths.reply(bilal.token), yesAnswer(1))
    // One seat is free, but Bilal waits: nobody overtakes the waiting list.
    await client.post(paths.reply(chiara.token), yesAnswer(0))
    assert.deepEqual(await places(edition.id), { Amal: 'confirmed', Bilal: 'waiting', Chiara: 'waiting' })
    assert.match(visibleText((await client.get(paths.replyDone(chiara.token))).body), /U staat op de wachtlijst, als nummer 2\./)

    await client.post(paths.reply(amal.token), { attending: 'no' })
    assert.deepEqual(await places(edition.id), { Amal: null, Bilal: 'confirmed', Chiara: 'confirmed' })
    const promoted = await t.db.selectFrom('audit_events').select('record_id').where('action', '=', 'reply.promoted').where('municipality_id', '=', edition.municipalityId).execute()
    assert.deepEqual(promoted.map((r: { record_id: string }) => r.record_id).sort(), [bilal.id, chiara.id].sort())
    const told = await t.db.selectFrom('invitee_messages').select('invitee_id').where('edition_id', '=', edition.id).where('kind', '=', 'promoted').execute()
    assert.deepEqual(told.map((r: { invitee_id: string }) => r.invitee_id).sort(), [bilal.id, chiara.id].sort())
    assert.match(visibleText((await client.get(paths.replyDone(bilal.token))).body), /Ja, u komt\. U brengt 1 persoon mee\./)
  })

  test('a larger household at the head of the list keeps its turn when a smaller answer would fit', async () => {
    const { edition, people } = await openEditionWithPeople(t, [{ firstName: 'Dina' }, { firstName: 'Emre' }, { firstName: 'Fatma' }], { capacity: 4, guestsPerInvitee: 3 })
    const [dina, emre, fatma] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]]
    const client = new Client(t.app)
    await client.post(paths.reply(dina.token), yesAnswer(1))
    await client.post(paths.reply(emre.token), yesAnswer(3))
    await client.post(paths.reply(fatma.token), yesAnswer(0))
    // Dina brings one guest fewer: one seat more is free, not enough for Emre's four.
    await client.post(paths.reply(dina.token), yesAnswer(0))
    assert.deepEqual(await places(edition.id), { Dina: 'confirmed', Emre: 'waiting', Fatma: 'waiting' })
    // Each sees their own place on the list.
    for (const [person, position] of [[emre, 1], [fatma, 2]] as const) {
      assert.match(visibleText((await client.get(paths.replyDone(person.token))).body), new RegExp(`op de wachtlijst, als nummer ${position}\\.`))
    }
  })

  test('two answers at the same moment cannot both take the last seats', async () => {
    const { edition, people } = await openEditionWithPeople(t, [{ firstName: 'Gita' }, { firstName: 'Hamid' }], { capacity: 2, guestsPerInvitee: 1 })
    const [gita, hamid] = people as [(typeof people)[0], (typeof people)[0]]
    const [a, b] = [new Client(t.app), new Client(t.app)]
    await Promise.all([a.token(), b.token()])
    const responses = await Promise.all([a.post(paths.reply(gita.token), yesAnswer(1)), b.post(paths.reply(hamid.token), yesAnswer(1))])
    assert.deepEqual(responses.map((r) => r.statusCode), [303, 303])
    const result = Object.values(await places(edition.id)).sort()
    assert.deepEqual(result, ['confirmed', 'waiting'])
  })
})
