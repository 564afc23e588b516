// Staff recording an answer given by phone, by letter or at the desk: the channel and who recorded
// it are stored and audited, the deadline does not stop staff, and another municipality gets 404.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText } from '../../../test/helpers/client.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import { addDays, brusselsDate } from '../../platform/calendar.ts'
import { paths } from '../../paths.ts'
import { openEditionWithPeople, yesAnswer } from './reply-test-support.ts'

describe('staff recording an answer', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(async () => {
    await t?.close()
  })

  test('an answer given by phone is stored with its channel and recorder, audited, and shown again', async () => {
    const { organiser, edition, people } = await openEditionWithPeople(t, [{ firstName: 'Amal', lastName: 'Haddad' }])
    const amal = people[0]!
    const url = paths.inviteeReply(edition.id, amal.id)
    const form = await organiser.staffClient.get(url)
    assert.equal(form.statusCode, 200)
    assert.match(visibleText(form.body), /Antwoord van Amal Haddad/)
    assert.match(visibleText(form.body), /De persoon heeft nog niet geantwoord\./)

    const saved = await organiser.staffClient.post(url, yesAnswer(1, 0, { channel: 'phone', noHandshake: 'yes' }))
    assert.equal(saved.statusCode, 303)
    assert.equal(saved.headers.location, url)
    const reply = await t.db.selectFrom('replies').selectAll().where('invitee_id', '=', amal.id).executeTakeFirstOrThrow()
    assert.equal(reply.channel, 'phone')
    assert.equal(reply.recorded_by, organiser.staff.id)
    assert.equal(reply.language, null)
    assert.equal(reply.needs_json.noHandshake, true)
    const audit = await t.db.selectFrom('audit_events').select(['action', 'actor_user_id', 'details_json']).where('record_id', '=', amal.id).orderBy('occurred_at').execute()
    assert.deepEqual(audit, [
      { action: 'reply.viewed', actor_user_id: organiser.staff.id, details_json: null },
      { action: 'reply.saved', actor_user_id: organiser.staff.id, details_json: { attending: 'yes', place: 'confirmed', channel: 'phone' } },
    ])
    const again = visibleText((await organiser.staffClient.get(url)).body)
    assert.match(again, /Het antwoord is bewaard\./)
    assert.match(again, /aan de telefoon/)
  })

  test('refuses an answer without its channel, keeping what was filled in', async () => {
    const { organiser, edition, people } = await openEditionWithPeople(t, [{ firstName: 'Omar' }])
    const response = await organiser.staffClient.post(paths.inviteeReply(edition.id, people[0]!.id), yesAnswer(0, 0, { allergies: 'pinda' }))
    assert.equal(response.statusCode, 400)
    assert.match(visibleText(response.body), /Kies hoe het antwoord binnenkwam/)
    assert.match(response.body, /value="pinda"/)
  })

  test('staff may record an answer after the reply-by day, when the newcomer no longer can', async () => {
    const { organiser, edition, people } = await openEditionWithPeople(t, [{ firstName: 'Sara' }], { replyBy: addDays(brusselsDate(new Date()), 5) })
    await t.db.updateTable('editions').set({ reply_by: addDays(brusselsDate(new Date()), -1) }).where('id', '=', edition.id).execute()
    const url = paths.inviteeReply(edition.id, people[0]!.id)
    assert.match(visibleText((await organiser.staffClient.get(url)).body), /U kunt het antwoord hier nog wel noteren/)
    assert.equal((await organiser.staffClient.post(url, { attending: 'no', channel: 'letter' })).statusCode, 303)
    const reply = await t.db.selectFrom('replies').select(['attending', 'channel']).where('invitee_id', '=', people[0]!.id).executeTakeFirstOrThrow()
    assert.deepEqual(reply, { attending: 'no', channel: 'letter' })
  })

  test('another municipality gets 404 on the answer of a person of this edition', async () => {
    const { edition, people } = await openEditionWithPeople(t, [{ firstName: 'Yonas' }])
    const outsider = await createMunicipalityWithPeople(t.app, t.db, { name: 'Elders' })
    const url = paths.inviteeReply(edition.id, people[0]!.id)
    await expectNotFoundForOtherMunicipality(outsider.staffClient, [
      { method: 'GET', url },
      { method: 'POST', url, fields: yesAnswer(0, 0, { channel: 'desk' }) },
    ])
    assert.equal(await t.db.selectFrom('replies').select('invitee_id').where('invitee_id', '=', people[0]!.id).executeTakeFirst(), undefined)
  })
})
