// People on an edition's list for the tests of households, selection and carry-over: rows written
// straight into the table with overrides per person, in chunks as the app writes them.
import { randomUUID } from 'node:crypto'
import type { AnyDb } from '../../platform/db/transaction.ts'

export interface PersonOverrides {
  id?: string
  last_name?: string
  first_name?: string
  birth_date?: string | null
  national_number_hash?: string | null
  street?: string | null
  house_number?: string | null
  box?: string | null
  postcode?: string | null
  city?: string | null
  email?: string | null
  phone?: string | null
  language?: string | null
  certificate_date?: string | null
  warnings_json?: { column: string; message: string }[]
  source?: 'import' | 'manual' | 'carry_over'
  household_id?: string | null
  excluded_reason?: 'moved_away' | 'no_contact' | 'deceased' | 'other' | null
  selection?: 'selected' | 'not_selected' | null
  has_asked_next_time?: boolean
}

let counter = 0

/** Inserts the people and returns their ids in the same order. */
export async function insertPeople(db: AnyDb, editionId: string, people: PersonOverrides[]): Promise<string[]> {
  const now = new Date()
  const rows = people.map((p) => ({
    id: randomUUID(),
    edition_id: editionId,
    national_number_hash: null,
    last_name: 'Peeters',
    first_name: `Persoon ${++counter}`,
    birth_date: null,
    street: null,
    house_number: null,
    box: null,
    postcode: null,
    city: null,
    email: null,
    phone: null,
    language: null,
    certificate_date: null,
    warnings_json: [],
    // Every row names every column: a multi-row insert on SQLite writes null for a missing one.
    source: 'import' as const,
    household_id: null,
    excluded_reason: null,
    selection: null,
    has_asked_next_time: false,
    created_at: now,
    updated_at: now,
    ...p,
  }))
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('invitees').values(rows.slice(i, i + 500)).execute()
  return rows.map((r) => r.id)
}

/** A household of the edition, as the households page confirms one. */
export async function insertHousehold(db: AnyDb, editionId: string, memberIds: string[]): Promise<string> {
  const id = randomUUID()
  await db.insertInto('invitee_households').values({ id, edition_id: editionId, created_by: null, created_at: new Date() }).execute()
  await db.updateTable('invitees').set({ household_id: id }).where('id', 'in', memberIds).execute()
  return id
}
