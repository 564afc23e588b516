// Rate-limit counters in the database, so every web instance counts the same hits (ADR 0008).
import { sql } from 'kysely'
import type { Executor } from '../db/transaction.ts'

export interface RateLimitTables {
  rate_limits: { key: string; hits: number; reset_at: Date }
}

/** Counts one hit for the key in its current window and returns the count and window end. */
export async function hit(db: Executor<RateLimitTables>, key: string, windowMs: number): Promise<{ hits: number; resetAt: Date }> {
  const now = new Date()
  const resetAt = new Date(now.getTime() + windowMs)
  const row = await db
    .insertInto('rate_limits')
    .values({ key, hits: 1, reset_at: resetAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        // A window that has ended starts over; otherwise count on.
        hits: sql`case when rate_limits.reset_at <= ${now} then 1 else rate_limits.hits + 1 end`,
        reset_at: sql`case when rate_limits.reset_at <= ${now} then ${resetAt} else rate_limits.reset_at end`,
      }),
    )
    .returning(['hits', 'reset_at'])
    .executeTakeFirstOrThrow()
  return { hits: Number(row.hits), resetAt: row.reset_at }
}

/** The key's count in its current window, or null when there is none. */
export async function peekHits(db: Executor<RateLimitTables>, key: string): Promise<{ hits: number; resetAt: Date } | null> {
  const row = await db.selectFrom('rate_limits').select(['hits', 'reset_at']).where('key', '=', key).where('reset_at', '>', new Date()).executeTakeFirst()
  return row ? { hits: Number(row.hits), resetAt: row.reset_at } : null
}

export async function clearHits(db: Executor<RateLimitTables>, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute()
}

export async function purgeExpiredHits(db: Executor<RateLimitTables>): Promise<void> {
  await db.deleteFrom('rate_limits').where('reset_at', '<=', new Date()).execute()
}
