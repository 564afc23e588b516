// The monthly reminder: municipalities whose entries lack a line or a contact are asked, by
// e-mail to their admins and staff, to complete them. A monthly run queues one job per
// municipality with a unique key per calendar month, so however often the run happens (a retry,
// a second worker, a restart), each municipality hears from us at most once a month.
import type { AnyDb } from '../../platform/db/transaction.ts'
import { createTranslator } from '../../platform/i18n/i18n.ts'
import type { JobDefinition } from '../../platform/jobs/jobs.ts'
import { enqueueJob } from '../../platform/jobs/jobs-queries.ts'
import { queueMail } from '../../platform/mail/mail.ts'
import { paths } from '../../paths.ts'
import { monthKey, nextReminderRun } from './editorial.ts'
import { listIncompleteEntries, listReminderRecipients } from './incomplete-queries.ts'

export const INCOMPLETE_REMINDERS = 'practices.incomplete_reminders'
export const INCOMPLETE_REMINDER = 'practices.incomplete_reminder'

/** Queues the next monthly run, once per month however many processes call it. */
export async function scheduleIncompleteReminders(db: AnyDb, now = new Date()): Promise<void> {
  const next = nextReminderRun(now)
  await enqueueJob(db, INCOMPLETE_REMINDERS, {}, { runAt: next, uniqueKey: `${INCOMPLETE_REMINDERS}:${next.toISOString()}` })
}

/** The monthly run: one reminder job per municipality that has incomplete entries and people to ask. */
export const incompleteRemindersJob: JobDefinition<object> = {
  kind: INCOMPLETE_REMINDERS,
  async handle(_payload, { db }) {
    const month = monthKey(new Date())
    for (const municipality of await listIncompleteEntries(db)) {
      // Nobody in Welkom to ask: the editors' list shows these municipalities instead.
      if (municipality.contacts === 0) continue
      await enqueueJob(db, INCOMPLETE_REMINDER, { municipalityId: municipality.municipalityId, month }, { municipalityId: municipality.municipalityId, uniqueKey: `practices.incomplete:${municipality.municipalityId}:${month}` })
    }
    await scheduleIncompleteReminders(db)
  },
}

/** One municipality's reminder: reloads what is still incomplete and who to ask, then e-mails them. */
export function incompleteReminderJob(config: { baseUrl: string }): JobDefinition<{ municipalityId: string; month: string }> {
  return {
    kind: INCOMPLETE_REMINDER,
    async handle({ municipalityId }, { db, finish }) {
      const [municipality] = await listIncompleteEntries(db, { municipalityId })
      const recipients = await listReminderRecipients(db, municipalityId)
      // Completed or left since the monthly run: nothing to ask any more.
      if (!municipality || recipients.length === 0) return
      // Reminders go to municipality staff about the Dutch-language database, so they are in Dutch.
      const { t } = createTranslator('nl')
      const list = municipality.entries.map((e) => `- ${e.title}: ${config.baseUrl}${paths.entryEdit(e.slug)}`).join('\n')
      await finish(async (trx) => {
        for (const person of recipients) {
          const values = { name: person.name, municipality: municipality.name, count: municipality.entries.length, list }
          await queueMail(trx, { municipalityId, to: person.email, subject: t('editorial.reminder.subject', values), text: t('editorial.reminder.body', values) }, new URL(config.baseUrl).hostname)
        }
      })
    },
  }
}
