// The text-message job against a provider adapter that the test controls: a refusal is retried and
// ends as failed with only the provider's code kept; a person excluded after queuing gets nothing.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipality } from '../../../test/helpers/factories.ts'
import { insertPeople } from '../../invitees/households/people-test-support.ts'
import { Worker } from '../../platform/jobs/worker.ts'
import type { OutgoingSms, SmsTransport } from '../../platform/sms/transport.ts'
import { queueInviteeMessages } from './invitee-messages.ts'
import { openInvitations } from './messages-test-support.ts'
import { inviteeSmsJob } from './sms-job.ts'

describe('the text-message job', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t?.close())

  function provider(fail: boolean): SmsTransport & { sent: OutgoingSms[] } {
    const sent: OutgoingSms[] = []
    return {
      kind: 'file',
      sent,
      async send(message) {
        if (fail) throw Object.assign(new Error(`number ${message.to} unreachable`), { code: 'E_UNREACHABLE' })
        sent.push(message)
      },
    }
  }

  async function queueOne(name: string) {
    const municipality = await createMunicipality(t.db, { name })
    const edition = await createEdition(t.db, municipality.id)
    await openInvitations(t.db, edition)
    const [id] = await insertPeople(t.db, edition.id, [{ first_name: 'Hiwet', phone: '0470 12 34 56' }])
    await queueInviteeMessages(t.db, t.config, { editionId: edition.id, inviteeIds: [id!], kind: 'invitation', occasion: 'first' }, new Date())
    const message = await t.db.selectFrom('invitee_messages').select(['id']).where('invitee_id', '=', id!).executeTakeFirstOrThrow()
    return { inviteeId: id!, messageId: message.id as string }
  }

  const worker = (transport: SmsTransport) => new Worker({ db: t.db, dialect: t.services.database.dialect, definitions: [inviteeSmsJob(transport)], log: { info() {}, error() {} } })

  test('a provider that refuses the message is retried, and after the last attempt the message is failed with only its code', async () => {
    const { messageId } = await queueOne('Bilzen')
    const failing = provider(true)
    await worker(failing).drain(new Date(Date.now() + 24 * 3600_000))
    const row = await t.db.selectFrom('invitee_messages').selectAll().where('id', '=', messageId).executeTakeFirstOrThrow()
    assert.equal(row.status, 'failed')
    assert.equal(row.error, 'E_UNREACHABLE')
    assert.equal(row.body, null, 'the link is not kept after the last attempt')
    const job = await t.db.selectFrom('jobs').select(['status', 'attempts', 'last_error']).where('unique_key', '=', `invitations.sms:${messageId}`).executeTakeFirstOrThrow()
    assert.deepEqual({ status: job.status, attempts: job.attempts }, { status: 'dead', attempts: 6 })
    assert.doesNotMatch(job.last_error, /470/, 'the number stays out of the job error')
  })

  test('a person excluded after the message was queued gets no text message, and a retried job sends nothing twice', async () => {
    const excluded = await queueOne('Hoeselt')
    await t.db.updateTable('invitees').set({ excluded_reason: 'moved_away' }).where('id', '=', excluded.inviteeId).execute()
    const kept = await queueOne('Lommel')
    const working = provider(false)
    await worker(working).drain()
    assert.deepEqual(working.sent.map((m) => m.reference), [kept.messageId])
    const row = await t.db.selectFrom('invitee_messages').select(['status', 'error']).where('id', '=', excluded.messageId).executeTakeFirstOrThrow()
    assert.deepEqual(row, { status: 'failed', error: 'no longer invited' })

    await t.db.updateTable('jobs').set({ status: 'queued', run_at: new Date(0) }).where('unique_key', '=', `invitations.sms:${kept.messageId}`).execute()
    await worker(working).drain()
    assert.equal(working.sent.length, 1, 'a retried job finds the message sent')
  })
})
