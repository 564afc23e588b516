// Queries of selections under capacity: the candidates (a narrow query, decided in memory), writing
// an outcome, the record of each selection, and the people not selected. Each takes the scope as
// well as the edition, so a mistake in a route cannot touch another municipality's list.
import { randomUUID } from 'node:crypto'
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import type { InviteesTables } from '../invitees-queries.ts'
import type { StatusColumns } from '../invitee-status.ts'
import type { SelectionCandidate, SelectionMethod } from './selection.ts'

interface Tables extends InviteesTables {
  invitee_selections: {
    id: string
    edition_id: string
    method: SelectionMethod
    seed: string | null
    places: number
    candidates: number
    selected: number
    not_selected: number
    created_by: string | null
    created_at: Date
  }
  edition_organisers: { edition_id: string; municipality_id: string }
  users: { id: string; name: string }
}

type Db = Executor<Tables>

const scoped = (db: Db, scope: Scope) => db.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId)

export type ListedPerson = SelectionCandidate & StatusColumns

/** Everyone on the list with what a selection needs: no names, no contact details. */
export async function selectionPeople(db: Db, scope: Scope, editionId: string): Promise<ListedPerson[]> {
  const rows = await db
    .selectFrom('invitees')
    .select(['id', 'household_id', 'certificate_date', 'excluded_reason', 'selection'])
    .where('edition_id', '=', editionId)
    .where('edition_id', 'in', scoped(db, scope))
    .execute()
  return rows.map((r) => ({ id: r.id, householdId: r.household_id, certificateDate: r.certificate_date, excludedReason: r.excluded_reason, selection: r.selection }))
}

/**
 * Writes an outcome: every person who is not excluded becomes "not selected", then the selected
 * ones "selected" (in chunks of 500 for SQLite); excluded people take no part and hold no outcome.
 */
export async function applySelection(db: Db, scope: Scope, editionId: string, selectedIds: readonly string[], now: Date): Promise<void> {
  const mine = () => db.updateTable('invitees').where('edition_id', '=', editionId).where('edition_id', 'in', scoped(db, scope))
  await mine().set({ selection: null, updated_at: now }).where('excluded_reason', 'is not', null).where('selection', 'is not', null).execute()
  // "Not excluded" is isSelectionCandidate (inviteeStatus) written in SQL, so 100,000 rows take one statement.
  await mine().set({ selection: 'not_selected', updated_at: now }).where('excluded_reason', 'is', null).execute()
  for (let i = 0; i < selectedIds.length; i += 500) {
    await mine()
      .set({ selection: 'selected', updated_at: now })
      .where('excluded_reason', 'is', null)
      .where('id', 'in', selectedIds.slice(i, i + 500))
      .execute()
  }
}

/** Undoes the selection: nobody is selected or not selected any more. Returns how many changed. */
export async function clearSelection(db: Db, scope: Scope, editionId: string, now: Date): Promise<number> {
  const result = await db.updateTable('invitees').set({ selection: null, updated_at: now }).where('edition_id', '=', editionId).where('edition_id', 'in', scoped(db, scope)).where('selection', 'is not', null).executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export interface SelectionRecord {
  id: string
  method: SelectionMethod
  seed: string | null
  places: number
  candidates: number
  selected: number
  notSelected: number
  /** The staff member's name; null when the account no longer exists */
  by: string | null
  at: Date
}

export async function recordSelection(db: Db, editionId: string, record: Omit<SelectionRecord, 'id' | 'by' | 'at'>, createdBy: string, now: Date): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('invitee_selections')
    .values({ id, edition_id: editionId, method: record.method, seed: record.seed, places: record.places, candidates: record.candidates, selected: record.selected, not_selected: record.notSelected, created_by: createdBy, created_at: now })
    .execute()
  return id
}

/** Every selection made for the edition, the latest first. */
export async function selectionRecords(db: Db, scope: Scope, editionId: string): Promise<SelectionRecord[]> {
  const rows = await db
    .selectFrom('invitee_selections as s')
    .leftJoin('users as u', 'u.id', 's.created_by')
    .select(['s.id', 's.method', 's.seed', 's.places', 's.candidates', 's.selected', 's.not_selected', 's.created_at', 'u.name'])
    .where('s.edition_id', '=', editionId)
    .where('s.edition_id', 'in', scoped(db, scope))
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id')
    .execute()
  return rows.map((r) => ({ id: r.id, method: r.method, seed: r.seed, places: Number(r.places), candidates: Number(r.candidates), selected: Number(r.selected), notSelected: Number(r.not_selected), by: r.name, at: r.created_at }))
}

export interface NotSelectedPerson {
  id: string
  lastName: string
  firstName: string
  certificateDate: string | null
}

/** A page of the people not selected (and not excluded since), by name. */
export async function notSelectedPage(db: Db, scope: Scope, editionId: string, page: { limit: number; offset: number }): Promise<NotSelectedPerson[]> {
  const rows = await db
    .selectFrom('invitees')
    .select(['id', 'last_name', 'first_name', 'certificate_date'])
    .where('edition_id', '=', editionId)
    .where('edition_id', 'in', scoped(db, scope))
    .where('selection', '=', 'not_selected')
    .where('excluded_reason', 'is', null)
    .orderBy('last_name')
    .orderBy('first_name')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return rows.map((r) => ({ id: r.id, lastName: r.last_name, firstName: r.first_name, certificateDate: r.certificate_date }))
}
