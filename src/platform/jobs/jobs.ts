// Background jobs: the types and the pure rules (retry timing, what a failure leads to).
import type { Kysely, Transaction } from 'kysely'

export type JobStatus = 'queued' | 'running' | 'done' | 'dead'

export interface Job<P = unknown> {
  id: string
  kind: string
  payload: P
  municipalityId: string | null
  status: JobStatus
  attempts: number
  maxAttempts: number
  runAt: Date
  lastError: string | null
  progress: JobProgress | null
  createdAt: Date
  finishedAt: Date | null
}

export interface JobProgress {
  done: number
  total: number | null
}

export interface JobContext<P = unknown> {
  job: Job<P>
  /**
   * The time this run works at: the real time, or the moment a test or the command line gives
   * `drain` (a controllable clock for scheduled work such as reminders).
   */
  now: Date
  // Handlers see the whole schema; features type their own queries.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>
  /**
   * Commits the job's database effects together with marking the job done, and only if this
   * worker still holds the job. A handler written this way never applies its effect twice, even
   * if the process is killed at any point (ADR 0006).
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  finish(work: (trx: Transaction<any>) => Promise<void>): Promise<void>
  /** Extends this worker's lease on a long job and records progress for the UI. */
  heartbeat(progress?: JobProgress): Promise<void>
}

export type JobHandler<P = unknown> = (payload: P, context: JobContext<P>) => Promise<void>

export interface JobDefinition<P = unknown> {
  kind: string
  handle: JobHandler<P>
}

export const DEFAULT_MAX_ATTEMPTS = 5

/** Exponential backoff: 30 s, 2 min, 8 min, 32 min, … capped at 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, attempts - 1), 6 * 3600_000)
}

export type FailureOutcome = { status: 'queued'; runAt: Date } | { status: 'dead' }

export function decideAfterFailure(attempts: number, maxAttempts: number, now: Date): FailureOutcome {
  if (attempts >= maxAttempts) return { status: 'dead' }
  return { status: 'queued', runAt: new Date(now.getTime() + retryDelayMs(attempts)) }
}

/** Error text kept on the job: short, and without a stack (stacks go to the log). */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return text.slice(0, 1000)
}
