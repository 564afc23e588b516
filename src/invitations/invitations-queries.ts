// The invitation of each invitee: its reply token and short code. Created for every invitable
// person of an edition before letters are printed or messages sent; looked up by the hash of a
// token or code. Tokens stop working when the edition is purged (the rows are deleted with it).
import { randomUUID } from 'node:crypto'
import type { Config } from '../config.ts'
import type { Executor } from '../platform/db/transaction.ts'
import { paths } from '../paths.ts'
import { newReplyToken, newShortCode, replyTokenHash, seal, shortCodeHash, unseal } from './reply-codes.ts'

export interface InvitationsTables {
  invitations: {
    id: string
    municipality_id: string
    edition_id: string
    invitee_id: string
    token_hash: string
    token_sealed: string
    code_hash: string
    code_sealed: string
    letter_printed_at: Date | null
    letter_returned_at: Date | null
    created_at: Date
  }
  invitees: { id: string; edition_id: string; excluded_reason: string | null; selection: string | null }
  editions: { id: string; municipality_id: string; purged_at: Date | null }
}

/** What a newcomer's answer, message or letter needs from the invitation. */
export interface InvitationKeys {
  token: string
  /** Eight characters; show with formatShortCode. */
  code: string
  /** The personal reply address, absolute (for the QR code, e-mail and SMS). */
  url: string
}

type Db = Executor<InvitationsTables>
type Secrets = Pick<Config, 'hashKey' | 'encryptionKey' | 'baseUrl'>

/**
 * Gives every invitable person of the edition (or only those of `inviteeIds`) an invitation;
 * excluded and not-selected people get none. Idempotent: people who have one keep it. Returns how
 * many were created.
 */
export async function ensureInvitations(db: Db, secrets: Secrets, editionId: string, now: Date, inviteeIds?: readonly string[]): Promise<number> {
  if (inviteeIds && inviteeIds.length === 0) return 0
  const missing = await db
    .selectFrom('invitees')
    .innerJoin('editions', 'editions.id', 'invitees.edition_id')
    .select(['invitees.id', 'editions.municipality_id'])
    .where('invitees.edition_id', '=', editionId)
    .where('editions.purged_at', 'is', null)
    .where('invitees.excluded_reason', 'is', null)
    .where((eb) => eb.or([eb('invitees.selection', 'is', null), eb('invitees.selection', '<>', 'not_selected')]))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('invitations').select('invitations.id').whereRef('invitations.invitee_id', '=', 'invitees.id'))))
    // A long list of ids would pass SQLite's parameter limit; the whole edition is as correct.
    .$if(inviteeIds !== undefined && inviteeIds.length <= 500, (qb) => qb.where('invitees.id', 'in', inviteeIds!))
    .execute()
  for (const person of missing) {
    const token = newReplyToken()
    // A short code is unique over all editions (the /r form has no edition); a clash is drawn again.
    for (let attempt = 0; ; attempt++) {
      const code = newShortCode()
      const codeHash = shortCodeHash(secrets.hashKey, code)
      const taken = await db.selectFrom('invitations').select('id').where('code_hash', '=', codeHash).executeTakeFirst()
      if (taken && attempt < 10) continue
      await db
        .insertInto('invitations')
        .values({
          id: randomUUID(),
          municipality_id: person.municipality_id,
          edition_id: editionId,
          invitee_id: person.id,
          token_hash: replyTokenHash(token),
          token_sealed: seal(secrets.encryptionKey, token),
          code_hash: codeHash,
          code_sealed: seal(secrets.encryptionKey, code),
          letter_printed_at: null,
          letter_returned_at: null,
          created_at: now,
        })
        .execute()
      break
    }
  }
  return missing.length
}

/** The token, code and reply address of a stored invitation, for a letter or message. */
export function invitationKeys(secrets: Secrets, row: { token_sealed: string; code_sealed: string }): InvitationKeys {
  const token = unseal(secrets.encryptionKey, row.token_sealed)
  return { token, code: unseal(secrets.encryptionKey, row.code_sealed), url: new URL(paths.reply(token), secrets.baseUrl).toString() }
}

export type InvitationRow = InvitationsTables['invitations']

/** The invitation a token opens, unless the edition was purged. */
export async function findInvitationByToken(db: Db, token: string): Promise<InvitationRow | null> {
  return (await db.selectFrom('invitations').selectAll().where('token_hash', '=', replyTokenHash(token)).executeTakeFirst()) ?? null
}

/** The invitation a short code opens (already normalised). */
export async function findInvitationByCode(db: Db, hashKey: string, code: string): Promise<InvitationRow | null> {
  return (await db.selectFrom('invitations').selectAll().where('code_hash', '=', shortCodeHash(hashKey, code)).executeTakeFirst()) ?? null
}
