// The hourly reminders run: for every edition still taking replies (or, for "coming" reminders,
// closed for replies) and each rule that is due, queue the reminder for the rule's audience. The
// messages' unique keys make each rule reach a person once, however often the run repeats, and a
// rule added late still sends once while it is due. Each run works at the job's clock
// (`context.now`, controllable in tests) and schedules the next run at the following full hour.
import type { Config } from '../../config.ts'
import { inTransaction, type AnyDb } from '../../platform/db/transaction.ts'
import type { JobDefinition } from '../../platform/jobs/jobs.ts'
import { enqueueJob } from '../../platform/jobs/jobs-queries.ts'
import { queueInviteeMessages } from '../messages/invitee-messages.ts'
import { syncMailStatuses } from '../messages/messages-queries.ts'
import { dueRules, ruleOccasion } from './reminder-rules.ts'
import { audienceOf, editionsForReminders } from './reminders-queries.ts'

export const SEND_REMINDERS = 'invitations.reminders'
const HOUR = 3600_000

/** Queues the next run at the full hour after `now`, once per slot however many processes call it. */
export async function scheduleReminders(db: AnyDb, now = new Date()): Promise<void> {
  const next = new Date(Math.floor(now.getTime() / HOUR + 1) * HOUR)
  await enqueueJob(db, SEND_REMINDERS, {}, { runAt: next, uniqueKey: `${SEND_REMINDERS}:${next.toISOString()}` })
}

/** Queues every reminder due at `now`; returns how many messages were queued. */
export async function sendDueReminders(db: AnyDb, config: Config, now: Date): Promise<number> {
  let queued = 0
  for (const edition of await editionsForReminders(db, now)) {
    for (const rule of dueRules(edition.rules, edition, now)) {
      const inviteeIds = await audienceOf(db, edition.id, rule.audience)
      // One transaction per rule and edition: a failure elsewhere does not undo what was queued.
      queued += await inTransaction(db, (trx) => queueInviteeMessages(trx, config, { editionId: edition.id, inviteeIds, kind: 'reminder', occasion: ruleOccasion(rule) }, now))
    }
  }
  return queued
}

export function remindersJob(config: Config): JobDefinition<object> {
  return {
    kind: SEND_REMINDERS,
    async handle(_payload, { db, now }) {
      await syncMailStatuses(db)
      await sendDueReminders(db, config, now)
      await scheduleReminders(db, now)
    },
  }
}
