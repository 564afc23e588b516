// Queries of the printed letters. Each takes the scope as well as the edition: the edition was
// found within the scope, and checking again here means a mistake in a route cannot print
// another municipality's people.
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'
import { chunksOf, type LetterPerson } from './letters.ts'

export interface LettersTables {
  invitees: {
    id: string
    edition_id: string
    first_name: string
    last_name: string
    street: string | null
    house_number: string | null
    box: string | null
    postcode: string | null
    city: string | null
    language: string | null
    household_id: string | null
    excluded_reason: string | null
    selection: string | null
  }
  invitations: {
    invitee_id: string
    edition_id: string
    token_sealed: string
    code_sealed: string
    letter_printed_at: Date | null
    letter_returned_at: Date | null
  }
  edition_organisers: { edition_id: string; municipality_id: string }
  municipalities: {
    id: string
    name: string
    address: string | null
    contact_phone: string | null
    logo: Buffer | null
    logo_type: string | null
    letter_address_top_mm: number
    letter_address_left_mm: number
  }
}

type Db = Executor<LettersTables>

/**
 * The invitable people of the edition (not excluded, not left out by a selection), with their
 * invitation when it exists. The order does not matter: letters are sorted after grouping.
 */
export async function listLetterPeople(db: Db, scope: Scope, editionId: string): Promise<LetterPerson[]> {
  const rows = await db
    .selectFrom('invitees')
    .leftJoin('invitations', 'invitations.invitee_id', 'invitees.id')
    .select([
      'invitees.id',
      'invitees.first_name',
      'invitees.last_name',
      'invitees.street',
      'invitees.house_number',
      'invitees.box',
      'invitees.postcode',
      'invitees.city',
      'invitees.language',
      'invitees.household_id',
      'invitations.token_sealed',
      'invitations.code_sealed',
      'invitations.letter_printed_at',
      'invitations.letter_returned_at',
    ])
    .where('invitees.edition_id', '=', editionId)
    .where('invitees.edition_id', 'in', (eb) => eb.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId))
    .where('invitees.excluded_reason', 'is', null)
    .where((eb) => eb.or([eb('invitees.selection', 'is', null), eb('invitees.selection', '<>', 'not_selected')]))
    .execute()
  return rows.map((r) => ({
    inviteeId: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    street: r.street,
    houseNumber: r.house_number,
    box: r.box,
    postcode: r.postcode,
    city: r.city,
    language: r.language,
    householdId: r.household_id,
    invitation:
      r.token_sealed && r.code_sealed ? { tokenSealed: r.token_sealed, codeSealed: r.code_sealed, printedAt: r.letter_printed_at, returnedAt: r.letter_returned_at } : null,
  }))
}

/** Who the letters come from: the municipality that prints them, on its own envelopes. */
export interface Letterhead {
  name: string
  /** Lines of the postal address, as the settings hold it */
  address: string | null
  phone: string | null
  /** A data: URL, or null without a logo */
  logo: string | null
  window: { topMm: number; leftMm: number }
}

export async function findLetterhead(db: Db, scope: Scope): Promise<Letterhead | null> {
  const row = await db
    .selectFrom('municipalities')
    .select(['name', 'address', 'contact_phone', 'logo', 'logo_type', 'letter_address_top_mm', 'letter_address_left_mm'])
    .where('id', '=', scope.municipalityId)
    .executeTakeFirst()
  if (!row) return null
  return {
    name: row.name,
    address: row.address,
    phone: row.contact_phone,
    logo: row.logo && row.logo_type ? `data:${row.logo_type};base64,${Buffer.from(row.logo).toString('base64')}` : null,
    window: { topMm: row.letter_address_top_mm, leftMm: row.letter_address_left_mm },
  }
}

/** Marks the people's letters as printed now (a reprint moves the date). */
export async function markLettersPrinted(db: Db, scope: Scope, editionId: string, inviteeIds: readonly string[], now: Date): Promise<void> {
  // In parts: a batch of thousands would pass SQLite's limit on bound parameters.
  for (const ids of chunksOf(inviteeIds, 500)) {
    await db
      .updateTable('invitations')
      .set({ letter_printed_at: now })
      .where('edition_id', '=', editionId)
      .where('edition_id', 'in', (eb) => eb.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId))
      .where('invitee_id', 'in', ids)
      .execute()
  }
}
