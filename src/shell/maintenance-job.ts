// Housekeeping that runs every hour through the jobs: expired sessions, password links and
// rate-limit counters; finished jobs and delivered or failed e-mails older than 30 days (e-mails
// hold personal data and links); practice submissions nobody confirmed within a week, and decided
// ones after 180 days; lists uploaded for an import that was never finished, after a day. Dead jobs
// stay until an admin retries them. Each run schedules the next one.
import { deleteExpiredPasswordLinks, deleteExpiredSessions } from '../accounts/accounts-queries.ts'
import { purgeOldMail } from '../platform/mail/mail-queries.ts'
import { purgeOldSubmissions } from '../practices/contributions/contribution-queries.ts'
import { deleteExpiredUploads } from '../invitees/wizard/wizard-queries.ts'
import { purgeExpiredHits } from '../platform/http/rate-limit-store.ts'
import type { AnyDb } from '../platform/db/transaction.ts'
import type { JobDefinition } from '../platform/jobs/jobs.ts'
import { enqueueJob } from '../platform/jobs/jobs-queries.ts'

export const MAINTENANCE = 'platform.maintenance'
const HOUR = 3600_000

/** Queues the next run, once per hour slot, however many processes call it. */
export async function scheduleMaintenance(db: AnyDb, now = new Date()): Promise<void> {
  const next = new Date(Math.ceil((now.getTime() + 1) / HOUR) * HOUR)
  await enqueueJob(db, MAINTENANCE, {}, { runAt: next, uniqueKey: `${MAINTENANCE}:${next.toISOString()}` })
}

export const maintenanceJob: JobDefinition<object> = {
  kind: MAINTENANCE,
  async handle(_payload, { db }) {
    await deleteExpiredSessions(db)
    await purgeExpiredHits(db)
    const monthAgo = new Date(Date.now() - 30 * 86400_000)
    await deleteExpiredPasswordLinks(db)
    await db.deleteFrom('jobs').where('status', '=', 'done').where('finished_at', '<', monthAgo).execute()
    await purgeOldMail(db, monthAgo)
    await purgeOldSubmissions(db, new Date())
    await deleteExpiredUploads(db, new Date())
    await scheduleMaintenance(db)
  },
}
