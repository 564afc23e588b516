// The seats of an edition: those taken by confirmed answers (each person plus guests), the waiting
// list in order, and the lock that makes two answers count them one after the other.
import { sql } from 'kysely'
import { isPostgres } from '../../platform/db/migration-helpers.ts'
import { prepared } from '../../platform/db/prepared.ts'
import type { Db } from './reply-queries.ts'

/**
 * Holds the edition's row until the transaction ends, so that two answers of the same edition
 * count the seats one after the other. SQLite writes one transaction at a time already.
 */
export async function lockEdition(db: Db, editionId: string): Promise<void> {
  if (isPostgres(db)) await db.selectFrom('editions').select('id').where('id', '=', editionId).forUpdate().execute()
}

/** Seats of the edition's confirmed answers, the person and their guests, leaving one person out. */
export async function confirmedSeats(db: Db, editionId: string, exceptInviteeId: string | null = null): Promise<number> {
  const { rows } = exceptInviteeId ? await seatsExcept(db, editionId, exceptInviteeId) : await seats(db, editionId)
  return Number(rows[0]!.seats)
}

// Counting seats and the waiting list run inside every saved answer: compiled once (prepared.ts).
const confirmed = (db: Db, editionId: string) =>
  db.selectFrom('replies').select(sql<number>`coalesce(sum(1 + adults + children), 0)`.as('seats')).where('edition_id', '=', editionId).where('attending', '=', 'yes').where('place', '=', 'confirmed')
const seats = prepared((db, editionId: string) => confirmed(db as Db, editionId))
const seatsExcept = prepared((db, editionId: string, inviteeId: string) => confirmed(db as Db, editionId).where('invitee_id', '<>', inviteeId))

const waiting = (db: Db, editionId: string) =>
  db.selectFrom('replies').select(['invitee_id', 'adults', 'children']).where('edition_id', '=', editionId).where('attending', '=', 'yes').where('place', '=', 'waiting').orderBy('waitlisted_at').orderBy('invitee_id')
const waitingHead = prepared((db, editionId: string, limit: number) => waiting(db as Db, editionId).limit(limit))

/**
 * The waiting list in order: who answered "yes" first waits the shortest. With a limit, only the
 * head of the list (promotions never reach further than there are free seats).
 */
export async function waitingList(db: Db, editionId: string, limit: number | null = null): Promise<{ inviteeId: string; seats: number }[]> {
  const rows = limit === null ? await waiting(db, editionId).execute() : (await waitingHead(db, editionId, limit)).rows
  return rows.map((r) => ({ inviteeId: r.invitee_id, seats: 1 + Number(r.adults) + Number(r.children) }))
}

const anotherWaiting = prepared((db, editionId: string, inviteeId: string) =>
  (db as Db).selectFrom('replies').select('invitee_id').where('edition_id', '=', editionId).where('attending', '=', 'yes').where('place', '=', 'waiting').where('invitee_id', '<>', inviteeId).limit(1),
)

/** Whether anyone but this person waits for a place. */
export async function othersWaiting(db: Db, editionId: string, inviteeId: string): Promise<boolean> {
  return (await anotherWaiting(db, editionId, inviteeId)).rows.length > 0
}

const aheadOf = prepared((db, editionId: string, since: Date, inviteeId: string) =>
  (db as Db)
    .selectFrom('replies')
    .select((eb) => eb.fn.countAll<number>().as('ahead'))
    .where('edition_id', '=', editionId)
    .where('attending', '=', 'yes')
    .where('place', '=', 'waiting')
    .where((eb) => eb.or([eb('waitlisted_at', '<', since), eb.and([eb('waitlisted_at', '=', since), eb('invitee_id', '<', inviteeId)])])),
)

/**
 * Where a waiting person stands on the list: 1 for the first. Counted in the index (those who
 * started waiting earlier, the same order as waitingList), not by reading the whole list.
 */
export async function waitingPosition(db: Db, editionId: string, person: { id: string; waitingSince: Date | null }): Promise<number> {
  const { id, waitingSince } = person
  if (!waitingSince) return (await waitingList(db, editionId)).findIndex((w) => w.inviteeId === id) + 1
  return Number((await aheadOf(db, editionId, waitingSince, id)).rows[0]!.ahead) + 1
}

/** Gives waiting people their place. */
export async function confirmPlaces(db: Db, editionId: string, inviteeIds: string[], now: Date): Promise<void> {
  if (inviteeIds.length === 0) return
  await db.updateTable('replies').set({ place: 'confirmed', waitlisted_at: null, updated_at: now }).where('edition_id', '=', editionId).where('invitee_id', 'in', inviteeIds).execute()
}
