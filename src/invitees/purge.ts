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

/** What a purge deletes, per kind; the receipt holds counts, never names. */
export const PURGE_KINDS = ['invitees', 'households', 'contributions', 'uploads', 'replies', 'recordings', 'messages'] as const
export type PurgeKind = (typeof PURGE_KINDS)[number]
export type PurgeCounts = Record<PurgeKind, number>

/** A stored receipt's counts; a kind added after it was written counts as none. */
export function receiptCounts(stored: Partial<Record<string, unknown>>): PurgeCounts {
  return Object.fromEntries(PURGE_KINDS.map((kind) => [kind, Number(stored[kind] ?? 0) || 0])) as PurgeCounts
}
