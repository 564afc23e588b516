import { randomUUID } from 'node:crypto'
import type { Scope } from '../accounts/accounts.ts'
import type { AccountsTables } from '../accounts/accounts-queries.ts'
import type { Executor } from '../platform/db/transaction.ts'

export interface ApiTokensTables {
  api_tokens: {
    id: string
    municipality_id: string
    name: string
    token_hash: string
    token_prefix: string
    created_by: string | null
    created_at: Date
    last_used_at: Date | null
    revoked_at: Date | null
  }
}

type Db = Executor<ApiTokensTables>

export interface ApiTokenSummary {
  id: string
  name: string
  prefix: string
  createdAt: Date
  createdByName: string | null
  lastUsedAt: Date | null
  revokedAt: Date | null
}

/** The municipality's tokens for the admin page: never the hash. */
export async function listApiTokens(db: Executor<ApiTokensTables & Pick<AccountsTables, 'users'>>, scope: Scope): Promise<ApiTokenSummary[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .leftJoin('users', 'users.id', 'api_tokens.created_by')
    .select(['api_tokens.id', 'api_tokens.name', 'api_tokens.token_prefix', 'api_tokens.created_at', 'users.name as created_by_name', 'api_tokens.last_used_at', 'api_tokens.revoked_at'])
    .where('api_tokens.municipality_id', '=', scope.municipalityId)
    .orderBy('api_tokens.created_at', 'desc')
    .orderBy('api_tokens.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.token_prefix,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }))
}

export async function insertApiToken(db: Db, scope: Scope, token: { name: string; tokenHash: string; prefix: string; createdBy: string }): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('api_tokens')
    .values({ id, municipality_id: scope.municipalityId, name: token.name, token_hash: token.tokenHash, token_prefix: token.prefix, created_by: token.createdBy, created_at: new Date() })
    .execute()
  return id
}

/** 'revoked', 'already_revoked', or 'not_found' (also for another municipality's token). */
export async function revokeApiToken(db: Db, scope: Scope, id: string): Promise<'revoked' | 'already_revoked' | 'not_found'> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('municipality_id', '=', scope.municipalityId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 1) return 'revoked'
  const exists = await db.selectFrom('api_tokens').select('id').where('id', '=', id).where('municipality_id', '=', scope.municipalityId).executeTakeFirst()
  return exists ? 'already_revoked' : 'not_found'
}

/** The token behind a hash, if it still works. The tenant comes from the token itself. */
export async function findActiveApiToken(db: Db, tokenHash: string) {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'municipality_id', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return row ? { id: row.id, municipalityId: row.municipality_id, lastUsedAt: row.last_used_at } : null
}

export async function recordApiTokenUse(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute()
}

