// Queries of households. Each takes the scope as well as the edition: the edition was found within
// the scope, and checking again here means a mistake in a route cannot group another
// municipality's people. Suggestions are grouped in memory from one narrow query of the list.
import { randomUUID } from 'node:crypto'
import type { Scope } from '../../accounts/accounts.ts'
import type { AnyDb, Executor } from '../../platform/db/transaction.ts'
import type { InviteesTables } from '../invitees-queries.ts'
import { remainsHousehold, type HouseholdCandidate } from './households.ts'

interface Tables extends InviteesTables {
  invitee_households: { id: string; edition_id: string; created_by: string | null; created_at: Date }
  household_dismissals: { edition_id: string; address_key: string; created_at: Date }
  edition_organisers: { edition_id: string; municipality_id: string }
}

type Db = Executor<Tables>

/** A person as the households page shows them. */
export interface HouseholdMember {
  id: string
  lastName: string
  firstName: string
  birthDate: string | null
  street: string | null
  houseNumber: string | null
  box: string | null
  postcode: string | null
  city: string | null
  excluded: boolean
}

export interface Household {
  id: string
  createdAt: Date
  members: HouseholdMember[]
}

/** Thrown inside the transaction when people changed since the page was shown: nothing is saved. */
export class HouseholdChanged extends Error {
  constructor() {
    super('the people of the household changed')
  }
}

/** The editions the scope's municipality organises, as a subquery. */
const scoped = (db: Db, scope: Scope) => db.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId)

export async function householdCandidates(db: Db, scope: Scope, editionId: string): Promise<HouseholdCandidate[]> {
  const rows = await db
    .selectFrom('invitees')
    .select(['id', 'street', 'house_number', 'box', 'postcode', 'household_id', 'excluded_reason', 'selection'])
    .where('edition_id', '=', editionId)
    .where('edition_id', 'in', scoped(db, scope))
    .execute()
  return rows.map((r) => ({ id: r.id, street: r.street, houseNumber: r.house_number, box: r.box, postcode: r.postcode, householdId: r.household_id, excludedReason: r.excluded_reason, selection: r.selection }))
}

/** The keyed hashes of the addresses staff said are no household. */
export async function dismissedAddresses(db: Db, scope: Scope, editionId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('household_dismissals').select('address_key').where('edition_id', '=', editionId).where('edition_id', 'in', scoped(db, scope)).execute()
  return new Set(rows.map((r) => r.address_key))
}

const MEMBER_COLUMNS = ['id', 'last_name', 'first_name', 'birth_date', 'street', 'house_number', 'box', 'postcode', 'city', 'excluded_reason', 'household_id'] as const

type MemberRow = Pick<Tables['invitees'], (typeof MEMBER_COLUMNS)[number]>

function toMember(r: MemberRow): HouseholdMember {
  return { id: r.id, lastName: r.last_name, firstName: r.first_name, birthDate: r.birth_date, street: r.street, houseNumber: r.house_number, box: r.box, postcode: r.postcode, city: r.city, excluded: r.excluded_reason !== null }
}

/** The people with these ids on the edition, in no particular order (chunked for SQLite). */
export async function membersByIds(db: Db, scope: Scope, editionId: string, ids: readonly string[]): Promise<HouseholdMember[]> {
  const out: HouseholdMember[] = []
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('invitees')
      .select(MEMBER_COLUMNS)
      .where('edition_id', '=', editionId)
      .where('edition_id', 'in', scoped(db, scope))
      .where('id', 'in', ids.slice(i, i + 500))
      .execute()
    out.push(...rows.map(toMember))
  }
  return out
}

/** Groups the people; every one of them must still be free (not excluded, in no household). */
export async function confirmHousehold(db: Db, scope: Scope, editionId: string, memberIds: readonly string[], createdBy: string, now: Date): Promise<string> {
  const id = randomUUID()
  await db.insertInto('invitee_households').values({ id, edition_id: editionId, created_by: createdBy, created_at: now }).execute()
  const result = await db
    .updateTable('invitees')
    .set({ household_id: id, updated_at: now })
    .where('edition_id', '=', editionId)
    .where('edition_id', 'in', scoped(db, scope))
    .where('id', 'in', [...memberIds])
    .where('household_id', 'is', null)
    // Excluded people are never grouped (inviteeStatus); checked again here against a race.
    .where('excluded_reason', 'is', null)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== memberIds.length) throw new HouseholdChanged()
  return id
}

/** Remembers that the address (as its keyed hash) is no household; dismissing twice is once. */
export async function dismissAddress(db: Db, editionId: string, addressHash: string, now: Date): Promise<void> {
  await db.insertInto('household_dismissals').values({ edition_id: editionId, address_key: addressHash, created_at: now }).onConflict((oc) => oc.columns(['edition_id', 'address_key']).doNothing()).execute()
}

export async function countHouseholds(db: Db, scope: Scope, editionId: string): Promise<number> {
  const row = await db.selectFrom('invitee_households').select((eb) => eb.fn.countAll<number>().as('n')).where('edition_id', '=', editionId).where('edition_id', 'in', scoped(db, scope)).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A page of confirmed households, the latest first, with their people. */
export async function listHouseholds(db: Db, scope: Scope, editionId: string, page: { limit: number; offset: number }): Promise<Household[]> {
  const households = await db
    .selectFrom('invitee_households')
    .select(['id', 'created_at'])
    .where('edition_id', '=', editionId)
    .where('edition_id', 'in', scoped(db, scope))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  if (households.length === 0) return []
  const rows = await db
    .selectFrom('invitees')
    .select(MEMBER_COLUMNS)
    .where('edition_id', '=', editionId)
    .where('edition_id', 'in', scoped(db, scope))
    .where('household_id', 'in', households.map((h) => h.id))
    .orderBy('last_name')
    .orderBy('first_name')
    .orderBy('id')
    .execute()
  return households.map((h) => ({ id: h.id, createdAt: h.created_at, members: rows.filter((r) => r.household_id === h.id).map(toMember) }))
}

/** The ids of a household's people, or null when the edition has no such household. */
export async function householdMemberIds(db: Db, scope: Scope, editionId: string, householdId: string): Promise<string[] | null> {
  const household = await db.selectFrom('invitee_households').select('id').where('id', '=', householdId).where('edition_id', '=', editionId).where('edition_id', 'in', scoped(db, scope)).executeTakeFirst()
  if (!household) return null
  const rows = await db.selectFrom('invitees').select('id').where('edition_id', '=', editionId).where('edition_id', 'in', scoped(db, scope)).where('household_id', '=', householdId).execute()
  return rows.map((r) => r.id)
}

/** Takes people out of the household (they keep everything else). */
export async function leaveHousehold(db: Db, scope: Scope, editionId: string, householdId: string, inviteeIds: readonly string[], now: Date): Promise<void> {
  if (inviteeIds.length === 0) return
  await db
    .updateTable('invitees')
    .set({ household_id: null, updated_at: now })
    .where('edition_id', '=', editionId)
    .where('edition_id', 'in', scoped(db, scope))
    .where('household_id', '=', householdId)
    .where('id', 'in', [...inviteeIds])
    .execute()
}

/**
 * For other steps that take people off the list or out of the invitation (erasure, exclusion):
 * takes them out of their households and dissolves every household left with fewer than two
 * people. Call it in the same transaction, before an erasure deletes the rows.
 */
export async function releaseFromHouseholds(anyDb: AnyDb, scope: Scope, editionId: string, inviteeIds: readonly string[], now: Date): Promise<void> {
  const db = anyDb as Db
  for (let i = 0; i < inviteeIds.length; i += 500) {
    const chunk = inviteeIds.slice(i, i + 500)
    const rows = await db.selectFrom('invitees').select('household_id').distinct().where('edition_id', '=', editionId).where('edition_id', 'in', scoped(db, scope)).where('id', 'in', chunk).where('household_id', 'is not', null).execute()
    const households = rows.map((r) => r.household_id!)
    if (households.length === 0) continue
    await db.updateTable('invitees').set({ household_id: null, updated_at: now }).where('edition_id', '=', editionId).where('edition_id', 'in', scoped(db, scope)).where('id', 'in', chunk).execute()
    const left = await db
      .selectFrom('invitees')
      .select(['household_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('edition_id', '=', editionId)
      .where('household_id', 'in', households)
      .groupBy('household_id')
      .execute()
    const kept = new Set(left.filter((r) => remainsHousehold(Number(r.n))).map((r) => r.household_id))
    for (const householdId of households) if (!kept.has(householdId)) await dissolveHousehold(db, scope, editionId, householdId, now)
  }
}

/** Ends the household: its people stay on the list, each on their own. */
export async function dissolveHousehold(db: Db, scope: Scope, editionId: string, householdId: string, now: Date): Promise<void> {
  await db.updateTable('invitees').set({ household_id: null, updated_at: now }).where('edition_id', '=', editionId).where('edition_id', 'in', scoped(db, scope)).where('household_id', '=', householdId).execute()
  await db.deleteFrom('invitee_households').where('id', '=', householdId).where('edition_id', '=', editionId).where('edition_id', 'in', scoped(db, scope)).execute()
}
