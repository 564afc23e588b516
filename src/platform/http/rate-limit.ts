import type { AnyDb } from '../db/transaction.ts'
import { TooManyRequests } from '../errors.ts'
import { hit } from './rate-limit-store.ts'

export interface RateLimit {
  max: number
  windowMs: number
}

/** Counts a hit for the key and refuses once the window's budget is spent. */
export async function limitRate(db: AnyDb, key: string, limit: RateLimit): Promise<void> {
  const { hits, resetAt } = await hit(db, key, limit.windowMs)
  if (hits > limit.max) throw new TooManyRequests(Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000)))
}
