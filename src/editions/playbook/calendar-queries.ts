// The secret address of an edition's staff calendar. Only the token's hash is stored, so the
// address is shown once, when it is made; revoking clears the hash and the old address stops.
import type { Executor } from '../../platform/db/transaction.ts'

interface CalendarTables {
  editions: { id: string; municipality_id: string; calendar_token_hash: string | null; updated_at: Date }
}

type Db = Executor<CalendarTables>

/** Sets (or with null, clears) the hash; the edition was found within the caller's scope. */
export async function setCalendarTokenHash(db: Db, editionId: string, hash: string | null, now: Date): Promise<void> {
  await db.updateTable('editions').set({ calendar_token_hash: hash, updated_at: now }).where('id', '=', editionId).execute()
}

/** The edition a calendar token opens, with the municipality that created it; null if none. */
export async function findEditionByCalendarToken(db: Db, hash: string): Promise<{ id: string; municipalityId: string } | null> {
  const row = await db.selectFrom('editions').select(['id', 'municipality_id']).where('calendar_token_hash', '=', hash).executeTakeFirst()
  return row ? { id: row.id, municipalityId: row.municipality_id } : null
}
