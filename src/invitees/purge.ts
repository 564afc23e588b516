// The purge: an edition's personal data is deleted once its retention period after the ceremony
// has passed. Pure rule; the job and the command line carry it out (purge-queries.ts).
import { addDays, brusselsDate } from '../platform/calendar.ts'

/** The first day on which the edition's personal data must be gone. */
export function purgeDate(edition: { startsAt: Date; retentionDays: number }): string {
  return addDays(brusselsDate(edition.startsAt), edition.retentionDays)
}

export function isPurgeDue(edition: { startsAt: Date; retentionDays: number; purgedAt: Date | null }, now: Date): boolean {
  return edition.purgedAt === null && brusselsDate(now) >= purgeDate(edition)
}

/** What a purge deleted, per kind: the receipt holds counts, never names. */
export interface PurgeCounts {
  invitees: number
  contributions: number
}
