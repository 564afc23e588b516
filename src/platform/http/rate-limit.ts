import type { AnyDb } from '../db/transaction.ts'
import { TooManyRequests } from '../errors.ts'
import { hit, peekHits } from './rate-limit-store.ts'

export interface RateLimit {
  max: number
  windowMs: number
}

/** Counts a hit for the key and refuses once the window's budget is spent. */
export async function limitRate(db: AnyDb, key: string, limit: RateLimit): Promise<void> {
  const { hits, resetAt } = await hit(db, key, limit.windowMs)
  if (hits > limit.max) throw new TooManyRequests(secondsUntil(resetAt))
}

/** Refuses when the key's budget is already spent, without counting a hit. */
export async function refuseIfLimited(db: AnyDb, key: string, limit: RateLimit): Promise<void> {
  const current = await peekHits(db, key)
  if (current && current.hits > limit.max) throw new TooManyRequests(secondsUntil(current.resetAt))
}

function secondsUntil(moment: Date): number {
  return Math.max(1, Math.ceil((moment.getTime() - Date.now()) / 1000))
}
