// Changes to chosen people of an edition: exclude and include again, "wants to come next time",
// and erasure. Used by the bulk actions on the list and by the person's own pages. Every statement
// is limited to the edition within the scope, so an id from elsewhere is never touched; each
// returns how many people it changed, which is what staff are told and what the audit log counts.
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import type { ExclusionReason, InviteesTables } from '../invitees-queries.ts'
import { releaseFromHouseholds } from '../households/households-queries.ts'
import { inEdition, organisedBy } from './invitee-list-queries.ts'

type Db = Executor<InviteesTables & { edition_organisers: { edition_id: string; municipality_id: string } }>

/** SQLite allows a limited number of bound parameters per statement; PostgreSQL more. */
const CHUNK = 500

async function perChunk(ids: readonly string[], work: (chunk: string[]) => Promise<number | bigint | undefined>): Promise<number> {
  let total = 0
  for (let i = 0; i < ids.length; i += CHUNK) total += Number((await work(ids.slice(i, i + CHUNK))) ?? 0)
  return total
}

/** The ids that are people of this edition; the rest (another edition, another municipality, made up) drop out. */
export async function inviteeIdsInEdition(db: Db, scope: Scope, editionId: string, ids: readonly string[]): Promise<string[]> {
  const found: string[] = []
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await inEdition(db, scope, editionId).select('id').where('id', 'in', ids.slice(i, i + CHUNK)).execute()
    found.push(...rows.map((r) => r.id))
  }
  return found
}

/** Excludes with the reason; someone already excluded for that reason is left as they were. */
export async function excludeInvitees(db: Db, scope: Scope, editionId: string, ids: readonly string[], reason: ExclusionReason, now: Date): Promise<number> {
  // An excluded person is invited with no one: their household is ended when fewer than two remain.
  await releaseFromHouseholds(db, scope, editionId, ids, now)
  return perChunk(ids, async (chunk) => {
    const result = await db
      .updateTable('invitees')
      .set({ excluded_reason: reason, excluded_at: now, updated_at: now })
      .where('id', 'in', chunk)
      .where(organisedBy(scope, editionId))
      .where((eb) => eb.or([eb('excluded_reason', 'is', null), eb('excluded_reason', '<>', reason)]))
      .executeTakeFirst()
    return result.numUpdatedRows
  })
}

/** Takes the exclusion away; the person is then as the other columns say (invitable, or not selected). */
export async function includeInvitees(db: Db, scope: Scope, editionId: string, ids: readonly string[], now: Date): Promise<number> {
  return perChunk(ids, async (chunk) => {
    const result = await db
      .updateTable('invitees')
      .set({ excluded_reason: null, excluded_at: null, updated_at: now })
      .where('id', 'in', chunk)
      .where(organisedBy(scope, editionId))
      .where('excluded_reason', 'is not', null)
      .executeTakeFirst()
    return result.numUpdatedRows
  })
}

/** Marks (or unmarks) that the person asked to be invited next time; carry-over reads it. */
export async function setAskedNextTime(db: Db, scope: Scope, editionId: string, ids: readonly string[], asked: boolean, now: Date): Promise<number> {
  return perChunk(ids, async (chunk) => {
    const result = await db
      .updateTable('invitees')
      .set({ has_asked_next_time: asked, updated_at: now })
      .where('id', 'in', chunk)
      .where(organisedBy(scope, editionId))
      .where('has_asked_next_time', '=', !asked)
      .executeTakeFirst()
    return result.numUpdatedRows
  })
}

/** Erases the people (an erasure request, or people who should never have been on the list). */
export async function eraseInvitees(db: Db, scope: Scope, editionId: string, ids: readonly string[]): Promise<number> {
  await releaseFromHouseholds(db, scope, editionId, ids, new Date())
  return perChunk(ids, async (chunk) => {
    const result = await db.deleteFrom('invitees').where('id', 'in', chunk).where(organisedBy(scope, editionId)).executeTakeFirst()
    return result.numDeletedRows
  })
}
