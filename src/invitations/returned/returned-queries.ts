// Registering a letter that came back ("adres onbekend"), or undoing it. A household gets one
// letter, so a letter that came back came back for everyone in it: the whole household is marked.
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'

interface Tables {
  edition_organisers: { edition_id: string; municipality_id: string }
  invitees: { id: string; edition_id: string; household_id: string | null }
  invitations: { invitee_id: string; edition_id: string; letter_returned_at: Date | null }
}

type Db = Executor<Tables>

/**
 * Marks (or unmarks) the letter of the person and their household as returned. Returns the ids of
 * the people whose invitation changed (none when it already was so: a second click changes
 * nothing), or null when the person has no invitation in this edition within the scope.
 */
export async function setLetterReturned(db: Db, scope: Scope, editionId: string, inviteeId: string, returned: boolean, now: Date): Promise<string[] | null> {
  const person = await db
    .selectFrom('invitees')
    .innerJoin('invitations', 'invitations.invitee_id', 'invitees.id')
    .select(['invitees.id', 'invitees.household_id'])
    .where('invitees.id', '=', inviteeId)
    .where('invitees.edition_id', '=', editionId)
    .where('invitations.edition_id', '=', editionId)
    .where('invitees.edition_id', 'in', (eb) => eb.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId))
    .executeTakeFirst()
  if (!person) return null
  const household = person.household_id
    ? (await db.selectFrom('invitees').select('id').where('edition_id', '=', editionId).where('household_id', '=', person.household_id).execute()).map((r) => r.id)
    : [person.id]
  const changing = await db
    .selectFrom('invitations')
    .select('invitee_id')
    .where('edition_id', '=', editionId)
    .where('invitee_id', 'in', household)
    .where('letter_returned_at', returned ? 'is' : 'is not', null)
    .execute()
  const ids = changing.map((r) => r.invitee_id)
  if (ids.length > 0) await db.updateTable('invitations').set({ letter_returned_at: returned ? now : null }).where('edition_id', '=', editionId).where('invitee_id', 'in', ids).execute()
  return ids
}
