// Reminders with the controllable clock: the hourly run queues each due rule's reminder for its
// audience, once, and the mail job delivers it (to the file outbox here).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipality } from '../../../test/helpers/factories.ts'
import { insertPeople } from '../../invitees/households/people-test-support.ts'
import { addDays, brusselsDate } from '../../platform/calendar.ts'
import { ensureInvitations } from '../invitations-queries.ts'
import { insertReply, openInvitations } from '../messages/messages-test-support.ts'
import { reminderDueAt } from './reminder-rules.ts'
import { scheduleReminders } from './reminders-job.ts'

const HOUR = 3600_000
describe('the reminders job', () => {
  let t: TestApp

  before(async () => {
    t = await createTestApp()
  })
  after(() => t?.close())

  /** The reminders e-mailed so far, as "address: subject", in address order. */
  async function remindersMailed(editionId: string): Promise<string[]> {
    const rows = await t.db
      .selectFrom('invitee_messages as m')
      .innerJoin('mail_messages as mail', 'mail.id', 'm.mail_id')
      .select(['mail.to_address', 'mail.subject', 'mail.status'])
      .where('m.edition_id', '=', editionId)
      .where('m.kind', '=', 'reminder')
      .orderBy('mail.to_address')
      .orderBy('mail.subject')
      .execute()
    return rows.map((r) => `${r.to_address}: ${r.subject} (${r.status})`)
  }

  test('reminders go out at 10:00 on their day to their audience only, once, and "not replied" ones stop after the reply-by day', async () => {
    const municipality = await createMunicipality(t.db, { name: 'Brasschaat' })
    const date = addDays(brusselsDate(new Date()), 40)
    const edition = await createEdition(t.db, municipality.id, { date, replyBy: addDays(date, -2), languages: ['nl'] })
    await openInvitations(t.db, edition)
    // Ahmad has not replied and Emre is excluded: only their e-mail addresses matter below.
    const [, coming, unsure, declined, , waiting] = await insertPeople(t.db, edition.id, [
      { first_name: 'Ahmad', email: 'ahmad@example.org' },
      { first_name: 'Bilal', email: 'bilal@example.org' },
      { first_name: 'Chiara', email: 'chiara@example.org' },
      { first_name: 'Dina', email: 'dina@example.org' },
      { first_name: 'Emre', email: 'emre@example.org', excluded_reason: 'moved_away' },
      { first_name: 'Farah', email: 'farah@example.org' },
    ])
    await ensureInvitations(t.db, t.config, edition.id, new Date())
    await insertReply(t.db, edition, coming!, { attending: 'yes' })
    await insertReply(t.db, edition, unsure!, { attending: 'maybe' })
    await insertReply(t.db, edition, declined!, { attending: 'no' })
    await insertReply(t.db, edition, waiting!, { attending: 'yes', place: 'waiting' })

    const fourteen = reminderDueAt(edition.startsAt, 14)
    await scheduleReminders(t.db, new Date(fourteen.getTime() - 1.5 * HOUR))

    await t.runJobs(new Date(fourteen.getTime() - HOUR))
    assert.deepEqual(await remindersMailed(edition.id), [], 'an hour early: nothing')

    await t.runJobs(fourteen)
    assert.deepEqual(await remindersMailed(edition.id), [
      `ahmad@example.org: Herinnering: komt u naar ${edition.name}? (sent)`,
      `chiara@example.org: Herinnering: komt u naar ${edition.name}? (sent)`,
    ])
    const unsureMail = await t.db.selectFrom('mail_messages').select('text_body').where('to_address', '=', 'chiara@example.org').executeTakeFirstOrThrow()
    assert.match(unsureMail.text_body, /U weet nog niet of u komt/)

    await t.runJobs(new Date(fourteen.getTime() + HOUR))
    await t.runJobs(new Date(fourteen.getTime() + 5 * HOUR))
    assert.equal((await remindersMailed(edition.id)).length, 2, 'running again sends nothing new')
    const synced = await t.db.selectFrom('invitee_messages').select('status').where('edition_id', '=', edition.id).where('kind', '=', 'reminder').execute()
    assert.deepEqual(synced.map((r) => r.status), ['sent', 'sent'], "the hourly run copies the e-mails' delivery into the messages")

    // The day before: past the reply-by day, so no "3 days, not replied" reminder; those coming hear from us.
    await t.runJobs(reminderDueAt(edition.startsAt, 1))
    assert.deepEqual(await remindersMailed(edition.id), [
      `ahmad@example.org: Herinnering: komt u naar ${edition.name}? (sent)`,
      `bilal@example.org: Tot morgen: ${edition.name} (sent)`,
      `chiara@example.org: Herinnering: komt u naar ${edition.name}? (sent)`,
    ])
    await t.runJobs(new Date(reminderDueAt(edition.startsAt, 1).getTime() + 2 * HOUR))
    assert.equal((await remindersMailed(edition.id)).length, 3)

    const next = await t.db.selectFrom('jobs').select('run_at').where('kind', '=', 'invitations.reminders').where('status', '=', 'queued').execute()
    assert.deepEqual(next.map((j) => j.run_at.toISOString()), [new Date(reminderDueAt(edition.startsAt, 1).getTime() + 3 * HOUR).toISOString()], 'each run schedules the next full hour')
  })

  test('a rule added after its moment still sends once while it is due, and never to an edition that is not open', async () => {
    const municipality = await createMunicipality(t.db, { name: 'Schoten' })
    const date = addDays(brusselsDate(new Date()), 30)
    const edition = await createEdition(t.db, municipality.id, { date, languages: ['nl'] })
    const [person] = await insertPeople(t.db, edition.id, [{ first_name: 'Goran', email: 'goran@example.org' }])
    await ensureInvitations(t.db, t.config, edition.id, new Date())
    await t.db.updateTable('editions').set({ reminder_rules_json: [] }).where('id', '=', edition.id).execute()
    const tenDaysBefore = reminderDueAt(edition.startsAt, 10)

    // Still a draft: nothing, even with a due rule.
    await t.db.updateTable('editions').set({ reminder_rules_json: [{ daysBefore: 14, audience: 'not_replied' }] }).where('id', '=', edition.id).execute()
    await scheduleReminders(t.db, new Date(tenDaysBefore.getTime() - HOUR))
    await t.runJobs(tenDaysBefore)
    assert.deepEqual(await remindersMailed(edition.id), [])

    await openInvitations(t.db, edition)
    await t.runJobs(new Date(tenDaysBefore.getTime() + HOUR))
    await t.runJobs(new Date(tenDaysBefore.getTime() + 2 * HOUR))
    assert.deepEqual(await remindersMailed(edition.id), [`goran@example.org: Herinnering: komt u naar ${edition.name}? (sent)`])
    const rows = await t.db.selectFrom('invitee_messages').select('unique_key').where('invitee_id', '=', person!).execute()
    assert.deepEqual(rows.map((r) => r.unique_key), [`reminder:14-not_replied:${person}:email`])
  })
})
