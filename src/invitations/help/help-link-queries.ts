// The partner help link of an edition: a page language teachers and counsellors share, which
// explains the ceremony and lets a person type the code from their letter. Only the token's hash
// is looked up; a sealed copy lets staff see the link again. Staff queries are bound to their
// municipality (an organiser of the edition); the public lookup has only the token to go on.
import type { Scope } from '../../accounts/accounts.ts'
import type { Executor } from '../../platform/db/transaction.ts'

interface HelpLinkTables {
  editions: { id: string; municipality_id: string; help_token_hash: string | null; help_token_sealed: string | null; purged_at: Date | null; updated_at: Date }
  edition_organisers: { edition_id: string; municipality_id: string }
}

type Db = Executor<HelpLinkTables>

/** The token's hash and sealed copy, or null to revoke. */
export interface HelpToken {
  hash: string
  sealed: string
}

/** The sealed token of the edition's link, or null when it has none. */
export async function findHelpTokenSealed(db: Db, scope: Scope, editionId: string): Promise<string | null> {
  const row = await db
    .selectFrom('editions')
    .select('help_token_sealed')
    .where('id', '=', editionId)
    .where('id', 'in', (eb) => eb.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId))
    .executeTakeFirst()
  return row?.help_token_sealed ?? null
}

/** Sets a new link (the old one stops working at once) or, with null, revokes it. True when there was one before. */
export async function setHelpToken(db: Db, scope: Scope, editionId: string, token: HelpToken | null, now: Date): Promise<boolean> {
  const before = await findHelpTokenSealed(db, scope, editionId)
  await db
    .updateTable('editions')
    .set({ help_token_hash: token?.hash ?? null, help_token_sealed: token?.sealed ?? null, updated_at: now })
    .where('id', '=', editionId)
    .where('id', 'in', (eb) => eb.selectFrom('edition_organisers').select('edition_id').where('municipality_id', '=', scope.municipalityId))
    .execute()
  return before !== null
}

/** The edition a help token opens, with the municipality that created it; null when unknown, revoked or purged. */
export async function findEditionByHelpToken(db: Db, hash: string): Promise<{ id: string; municipalityId: string } | null> {
  const row = await db.selectFrom('editions').select(['id', 'municipality_id']).where('help_token_hash', '=', hash).where('purged_at', 'is', null).executeTakeFirst()
  return row ? { id: row.id, municipalityId: row.municipality_id } : null
}
