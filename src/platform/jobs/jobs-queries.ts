import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { DialectName } from '../db/database.ts'
import type { Executor } from '../db/transaction.ts'
import { DEFAULT_MAX_ATTEMPTS, type Job, type JobProgress, type JobStatus } from './jobs.ts'

export interface JobsTables {
  jobs: {
    id: string
    kind: string
    payload_json: unknown
    municipality_id: string | null
    unique_key: string | null
    status: JobStatus
    attempts: number
    max_attempts: number
    run_at: Date
    locked_by: string | null
    lease_expires_at: Date | null
    progress_json: JobProgress | null
    last_error: string | null
    created_at: Date
    updated_at: Date
    finished_at: Date | null
  }
}

type Row = JobsTables['jobs']

function toJob(row: Row): Job {
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload_json,
    municipalityId: row.municipality_id,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    lastError: row.last_error,
    progress: row.progress_json,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  }
}

export interface EnqueueOptions {
  municipalityId?: string | null
  /** Run no earlier than this (scheduled jobs). */
  runAt?: Date
  /** At most one job with this key ever exists: enqueueing again does nothing. */
  uniqueKey?: string
  maxAttempts?: number
}

/**
 * Queues a job and returns its id, or null when a job with the same unique key already exists.
 * Pass the caller's transaction so the job exists only if the change it follows commits.
 */
export async function enqueueJob(db: Executor<JobsTables>, kind: string, payload: object, options: EnqueueOptions = {}): Promise<string | null> {
  const now = new Date()
  const id = randomUUID()
  const result = await db
    .insertInto('jobs')
    .values({
      id,
      kind,
      payload_json: payload,
      municipality_id: options.municipalityId ?? null,
      unique_key: options.uniqueKey ?? null,
      status: 'queued',
      attempts: 0,
      max_attempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      run_at: options.runAt ?? now,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 1) > 0 ? id : null
}

/**
 * Claims the next due job in one statement: a queued job whose time has come, or a running job
 * whose worker's lease ran out (it crashed). On PostgreSQL, SKIP LOCKED lets many workers claim
 * side by side without waiting on or taking each other's job; SQLite serialises writers anyway.
 */
export async function claimNextJob(db: Kysely<JobsTables>, dialect: DialectName, workerId: string, leaseMs: number, kinds: string[], now = new Date()): Promise<Job | null> {
  const due = db
    .selectFrom('jobs')
    .select('id')
    .where('kind', 'in', kinds)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
        eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<', now)]),
      ]),
    )
    .orderBy('run_at')
    .limit(1)
    .$if(dialect === 'postgres', (qb) => qb.forUpdate().skipLocked())
  const row = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      locked_by: workerId,
      lease_expires_at: new Date(now.getTime() + leaseMs),
      attempts: eb('attempts', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', due)
    .returningAll()
    .executeTakeFirst()
  return row ? toJob(row) : null
}

/** Marks the job done if this worker still holds it; returns false when the lease was lost. */
export async function markJobDone(db: Executor<JobsTables>, jobId: string, workerId: string): Promise<boolean> {
  const now = new Date()
  const result = await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: now, updated_at: now, locked_by: null, lease_expires_at: null, last_error: null })
    .where('id', '=', jobId)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function markJobFailed(db: Executor<JobsTables>, jobId: string, workerId: string, error: string, outcome: { status: 'queued'; runAt: Date } | { status: 'dead' }): Promise<void> {
  const now = new Date()
  await db
    .updateTable('jobs')
    .set({
      status: outcome.status,
      run_at: outcome.status === 'queued' ? outcome.runAt : undefined,
      finished_at: outcome.status === 'dead' ? now : null,
      last_error: error,
      locked_by: null,
      lease_expires_at: null,
      updated_at: now,
    })
    .where('id', '=', jobId)
    .where('locked_by', '=', workerId)
    .execute()
}

export async function extendLease(db: Executor<JobsTables>, jobId: string, workerId: string, leaseMs: number, progress?: JobProgress): Promise<void> {
  const now = new Date()
  await db
    .updateTable('jobs')
    .set({ lease_expires_at: new Date(now.getTime() + leaseMs), updated_at: now, progress_json: progress })
    .where('id', '=', jobId)
    .where('locked_by', '=', workerId)
    .execute()
}

export interface JobFilter {
  /** null: every municipality (platform admins only). */
  municipalityId: string | null
  status?: JobStatus
  limit: number
  offset: number
}

export async function listJobs(db: Executor<JobsTables>, filter: JobFilter): Promise<{ jobs: Job[]; total: number }> {
  let query = db.selectFrom('jobs')
  if (filter.municipalityId !== null) query = query.where('municipality_id', '=', filter.municipalityId)
  if (filter.status) query = query.where('status', '=', filter.status)
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { jobs: rows.map(toJob), total: Number(count.n) }
}

export async function findJob(db: Executor<JobsTables>, municipalityId: string | null, jobId: string): Promise<Job | null> {
  let query = db.selectFrom('jobs').selectAll().where('id', '=', jobId)
  if (municipalityId !== null) query = query.where('municipality_id', '=', municipalityId)
  const row = await query.executeTakeFirst()
  return row ? toJob(row) : null
}

/** Puts a dead job back in the queue with a fresh set of attempts. */
export async function retryDeadJob(db: Executor<JobsTables>, municipalityId: string | null, jobId: string): Promise<boolean> {
  const now = new Date()
  let query = db
    .updateTable('jobs')
    .set({ status: 'queued', attempts: 0, run_at: now, finished_at: null, updated_at: now })
    .where('id', '=', jobId)
    .where('status', '=', 'dead')
  if (municipalityId !== null) query = query.where('municipality_id', '=', municipalityId)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function countJobsByStatus(db: Executor<JobsTables>, municipalityId: string | null): Promise<Record<JobStatus, number>> {
  let query = db.selectFrom('jobs').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status')
  if (municipalityId !== null) query = query.where('municipality_id', '=', municipalityId)
  const counts: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, dead: 0 }
  for (const row of await query.execute()) counts[row.status] = Number(row.n)
  return counts
}
