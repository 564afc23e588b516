// Queries of carry-over: the earlier editions to choose from, the people of one, who is on the new
// list already, and the copy. Each takes the scope: an edition another municipality organises
// alone is never found, so carrying over from it is a 404.
import { randomUUID } from 'node:crypto'
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import type { InviteesTables } from '../invitees-queries.ts'
import type { CarryOverStatus, EditionMoment, Identity } from './carry-over.ts'

interface Tables extends InviteesTables {
  editions: { id: string; name: string; starts_at: Date; purged_at: Date | null }
  edition_organisers: { edition_id: string; municipality_id: string }
}

type Db = Executor<Tables>
type Row = Tables['invitees']

const scoped = (db: Db, scope: Scope) => db.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId)

export interface SourceEdition extends EditionMoment {
  name: string
}

/** An edition the scope organises, purged or not, or null. */
export async function findSourceEdition(db: Db, scope: Scope, id: string): Promise<SourceEdition | null> {
  const row = await db.selectFrom('editions').select(['id', 'name', 'starts_at', 'purged_at']).where('id', '=', id).where('id', 'in', scoped(db, scope)).executeTakeFirst()
  return row ? { id: row.id, name: row.name, startsAt: row.starts_at, purgedAt: row.purged_at } : null
}

/** The editions the scope organises that start before `before` and still hold their people, the latest first. */
export async function earlierEditions(db: Db, scope: Scope, before: Date): Promise<SourceEdition[]> {
  const rows = await db
    .selectFrom('editions')
    .select(['id', 'name', 'starts_at', 'purged_at'])
    .where('id', 'in', scoped(db, scope))
    .where('starts_at', '<', before)
    .where('purged_at', 'is', null)
    .orderBy('starts_at', 'desc')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, startsAt: r.starts_at, purgedAt: r.purged_at }))
}

const COPIED = ['national_number_hash', 'last_name', 'first_name', 'birth_date', 'street', 'house_number', 'box', 'postcode', 'city', 'email', 'phone', 'language', 'certificate_date', 'warnings_json'] as const

/** A person of the earlier edition as carry-over copies them: every personal column. */
export type CarriedPerson = Identity & CarryOverStatus & { id: string; row: Pick<Row, (typeof COPIED)[number]> }

export async function editionPeople(db: Db, scope: Scope, editionId: string): Promise<CarriedPerson[]> {
  const rows = await db
    .selectFrom('invitees')
    .select(['id', ...COPIED, 'excluded_reason', 'selection', 'has_asked_next_time'])
    .where('edition_id', '=', editionId)
    .where('edition_id', 'in', scoped(db, scope))
    .orderBy('last_name')
    .orderBy('first_name')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    nationalNumberHash: r.national_number_hash,
    lastName: r.last_name,
    firstName: r.first_name,
    birthDate: r.birth_date,
    excludedReason: r.excluded_reason,
    selection: r.selection,
    hasAskedNextTime: Boolean(r.has_asked_next_time),
    row: Object.fromEntries(COPIED.map((c) => [c, r[c]])) as CarriedPerson['row'],
  }))
}

/** Who is on the edition's list, as matching needs them. */
export async function identitiesOn(db: Db, scope: Scope, editionId: string): Promise<Identity[]> {
  const rows = await db.selectFrom('invitees').select(['national_number_hash', 'last_name', 'first_name', 'birth_date']).where('edition_id', '=', editionId).where('edition_id', 'in', scoped(db, scope)).execute()
  return rows.map((r) => ({ nationalNumberHash: r.national_number_hash, lastName: r.last_name, firstName: r.first_name, birthDate: r.birth_date }))
}

/**
 * Copies the people onto the edition as new rows: carried over, from where, with no selection,
 * no household (addresses may have changed) and no wish for next time yet. Chunks of 500 rows.
 */
export async function insertCarriedOver(db: Db, editionId: string, fromEditionId: string, people: readonly CarriedPerson[], now: Date): Promise<void> {
  for (let i = 0; i < people.length; i += 500) {
    await db
      .insertInto('invitees')
      .values(
        people.slice(i, i + 500).map((p) => ({
          id: randomUUID(),
          edition_id: editionId,
          ...p.row,
          warnings_json: Array.isArray(p.row.warnings_json) ? p.row.warnings_json : [],
          source: 'carry_over' as const,
          carried_from_edition_id: fromEditionId,
          household_id: null,
          excluded_reason: null,
          excluded_at: null,
          selection: null,
          has_asked_next_time: false,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute()
  }
}
