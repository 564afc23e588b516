// Queries for people added and edited by hand. Each is limited to the edition within the scope.
// The national-number hash is written and compared here, never read out to a page.
import { randomUUID } from 'node:crypto'
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import type { StoredPerson } from '../import/reconcile.ts'
import type { InviteesTables } from '../invitees-queries.ts'
import type { InviteeWarning } from '../list/invitee-list.ts'
import { inEdition, organisedBy } from '../list/invitee-list-queries.ts'
import { samePersonKey } from '../identity.ts'

type Db = Executor<InviteesTables & { edition_organisers: { edition_id: string; municipality_id: string } }>

export interface SamePerson {
  id: string
  lastName: string
  firstName: string
  /** What matched: the national number, or the name and birth date */
  by: 'nationalNumber' | 'name'
}

export interface Probe extends Pick<StoredPerson, 'lastName' | 'firstName' | 'birthDate'> {
  /** The hash of a national number typed in the form */
  nationalNumberHash: string | null
  /** On an edit: whether the person already has one held (kept when none is typed) */
  holdsNationalNumber?: boolean
}

/**
 * Someone already on the edition who is this person: the same national-number hash, otherwise the
 * same name and birth date, as an import matches people — unless both have a national number and
 * the numbers differ, since then they are two people. `exceptId`: the person being edited.
 */
export async function findSamePerson(db: Db, scope: Scope, editionId: string, probe: Probe, exceptId?: string): Promise<SamePerson | null> {
  const others = () => {
    const query = inEdition(db, scope, editionId).select(['id', 'last_name', 'first_name', 'national_number_hash'])
    return exceptId ? query.where('id', '<>', exceptId) : query
  }
  if (probe.nationalNumberHash) {
    const byNumber = await others().where('national_number_hash', '=', probe.nationalNumberHash).executeTakeFirst()
    if (byNumber) return { id: byNumber.id, lastName: byNumber.last_name, firstName: byNumber.first_name, by: 'nationalNumber' }
  }
  // Accents and case are folded in code, so the database narrows by birth date only.
  const key = samePersonKey(probe)
  const candidates = await (probe.birthDate ? others().where('birth_date', '=', probe.birthDate) : others().where('birth_date', 'is', null)).execute()
  const hasNumber = Boolean(probe.nationalNumberHash) || probe.holdsNationalNumber === true
  const match = candidates.find((c) => samePersonKey({ lastName: c.last_name, firstName: c.first_name, birthDate: probe.birthDate }) === key && !(hasNumber && c.national_number_hash))
  return match ? { id: match.id, lastName: match.last_name, firstName: match.first_name, by: 'name' } : null
}

/** Whether a national-number hash is held for the person (the edit form says so, nothing more). */
export async function holdsNationalNumber(db: Db, scope: Scope, editionId: string, inviteeId: string): Promise<boolean> {
  const row = await inEdition(db, scope, editionId).select('national_number_hash').where('id', '=', inviteeId).executeTakeFirst()
  return Boolean(row?.national_number_hash)
}

/** The warnings an import left on the person, to drop those an edit makes untrue. */
export async function inviteeWarnings(db: Db, scope: Scope, editionId: string, inviteeId: string): Promise<InviteeWarning[]> {
  const row = await inEdition(db, scope, editionId).select('warnings_json').where('id', '=', inviteeId).executeTakeFirst()
  return Array.isArray(row?.warnings_json) ? row.warnings_json : []
}

function columnsOf(p: StoredPerson) {
  return { last_name: p.lastName, first_name: p.firstName, birth_date: p.birthDate, street: p.street, house_number: p.houseNumber, box: p.box, postcode: p.postcode, city: p.city, email: p.email, phone: p.phone, language: p.language, certificate_date: p.certificateDate }
}

/** Adds a person by hand; the caller found the edition within its scope. */
export async function insertManualInvitee(db: Db, editionId: string, input: { person: StoredPerson; nationalNumberHash: string | null }, now: Date): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('invitees')
    .values({ id, edition_id: editionId, national_number_hash: input.nationalNumberHash, ...columnsOf(input.person), warnings_json: [], source: 'manual', created_at: now, updated_at: now })
    .execute()
  return id
}

/** Writes an edit; a national-number hash replaces the one held, none keeps it. */
export async function updateInvitee(db: Db, scope: Scope, editionId: string, inviteeId: string, change: { person: StoredPerson; nationalNumberHash: string | null; warnings: InviteeWarning[] }, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('invitees')
    .set({ ...columnsOf(change.person), ...(change.nationalNumberHash ? { national_number_hash: change.nationalNumberHash } : {}), warnings_json: change.warnings, updated_at: now })
    .where('id', '=', inviteeId)
    .where(organisedBy(scope, editionId))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
