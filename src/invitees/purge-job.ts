// The daily purge, through the jobs: every night at 03:00 Brussels each edition whose retention
// has passed loses its personal data. Each run schedules the next one.
import { fromBrussels, addDays, brusselsDate } from '../platform/calendar.ts'
import type { AnyDb } from '../platform/db/transaction.ts'
import type { JobDefinition } from '../platform/jobs/jobs.ts'
import { enqueueJob } from '../platform/jobs/jobs-queries.ts'
import type { Services } from '../services.ts'
import { duePurges, purgeEdition } from './purge-queries.ts'

export const PURGE = 'invitees.purge'

/** The next 03:00 in Brussels after `now`. */
export function nextPurgeRun(now: Date): Date {
  const today = fromBrussels(brusselsDate(now), '03:00')
  return today > now ? today : fromBrussels(addDays(brusselsDate(now), 1), '03:00')
}

export async function schedulePurge(db: AnyDb, now = new Date()): Promise<void> {
  const next = nextPurgeRun(now)
  await enqueueJob(db, PURGE, {}, { runAt: next, uniqueKey: `${PURGE}:${next.toISOString()}` })
}

export function purgeJob(services: Pick<Services, 'database' | 'config'>): JobDefinition<object> {
  return {
    kind: PURGE,
    async handle(_payload, { db }) {
      const now = new Date()
      for (const due of await duePurges(db, now)) await purgeEdition(db, services.database.dialect, due, now, services.config.dataDir)
      await schedulePurge(db)
    },
  }
}
