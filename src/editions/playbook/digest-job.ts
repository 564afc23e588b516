// The weekly digest as jobs: a run every Monday at 07:00 (Brussels) queues one job per person with
// something late, due this week or unowned; that job reloads the tasks and e-mails the person in
// their own language. Unique keys per slot and per person and week mean a retried or doubled run
// never sends anyone two digests in a week.
import type { AnyDb } from '../../platform/db/transaction.ts'
import { brusselsDate } from '../../platform/calendar.ts'
import { createTranslator, isStaffLocale } from '../../platform/i18n/i18n.ts'
import type { JobDefinition } from '../../platform/jobs/jobs.ts'
import { enqueueJob } from '../../platform/jobs/jobs-queries.ts'
import { queueMail } from '../../platform/mail/mail.ts'
import { paths } from '../../paths.ts'
import { digestMail, digestWeek, nextDigestRun, selectDigest, type DigestTask } from './digest.ts'
import { digestRecipients, digestTasks } from './my-tasks-queries.ts'

export const PLAYBOOK_DIGESTS = 'playbook.weekly_digest'
export const PLAYBOOK_DIGEST = 'playbook.digest'

/** Queues the next Monday run, once per slot however many processes call it. */
export async function scheduleDigests(db: AnyDb, now = new Date()): Promise<void> {
  const next = nextDigestRun(now)
  await enqueueJob(db, PLAYBOOK_DIGESTS, {}, { runAt: next, uniqueKey: `${PLAYBOOK_DIGESTS}:${next.toISOString()}` })
}

/** Loads each municipality's tasks once, however many of its people are asked about. */
function tasksPerMunicipality(db: AnyDb): (municipalityId: string) => Promise<DigestTask[]> {
  const cache = new Map<string, Promise<DigestTask[]>>()
  return (municipalityId) => {
    let tasks = cache.get(municipalityId)
    if (!tasks) cache.set(municipalityId, (tasks = digestTasks(db, municipalityId)))
    return tasks
  }
}

export const weeklyDigestJob: JobDefinition<object> = {
  kind: PLAYBOOK_DIGESTS,
  async handle(_payload, { db }) {
    const now = new Date()
    const week = digestWeek(now)
    const tasksOf = tasksPerMunicipality(db)
    for (const person of await digestRecipients(db)) {
      // Nothing due for this person: no job and no e-mail.
      if (selectDigest(await tasksOf(person.municipalityId), person.id, brusselsDate(now)).length === 0) continue
      await enqueueJob(db, PLAYBOOK_DIGEST, { userId: person.id, week }, { municipalityId: person.municipalityId, uniqueKey: `${PLAYBOOK_DIGEST}:${person.id}:${week}` })
    }
    await scheduleDigests(db)
  },
}

export function digestJob(config: { baseUrl: string }): JobDefinition<{ userId: string; week: string }> {
  return {
    kind: PLAYBOOK_DIGEST,
    async handle({ userId }, { db, finish }) {
      // Reload: the person may have left, or finished their tasks, since the run.
      const [person] = await digestRecipients(db, { userId })
      if (!person) return
      const digest = selectDigest(await digestTasks(db, person.municipalityId), person.id, brusselsDate(new Date()))
      if (digest.length === 0) return
      const base = config.baseUrl.replace(/\/$/, '')
      const translator = createTranslator(isStaffLocale(person.locale) ? person.locale : 'nl')
      const mail = digestMail(translator, { name: person.name, digest, taskUrl: (task) => `${base}${paths.editionTask(task.edition.id, task.id)}`, myTasksUrl: `${base}${paths.myTasks()}` })
      await finish(async (trx) => {
        await queueMail(trx, { municipalityId: person.municipalityId, to: person.email, subject: mail.subject, text: mail.text }, new URL(config.baseUrl).hostname)
      })
    },
  }
}
