// The worker loop: claims due jobs, runs their handlers, retries with backoff, dead-letters.
// Runs inside the web process by default, or alone as `welkom worker`; any number may run.
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { Kysely } from 'kysely'
import type { DialectName } from '../db/database.ts'
import { decideAfterFailure, describeError, type Job, type JobDefinition, type JobContext } from './jobs.ts'
import { claimNextJob, extendLease, markJobDone, markJobFailed, type JobsTables } from './jobs-queries.ts'

export interface WorkerLog {
  info(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface WorkerOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>
  dialect: DialectName
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  definitions: JobDefinition<any>[]
  log: WorkerLog
  /** How long a claimed job stays ours without a heartbeat before another worker may take it. */
  leaseMs?: number
  /** Pause between polls when the queue is empty. */
  idleMs?: number
  id?: string
}

export class LeaseLost extends Error {
  constructor(jobId: string) {
    super(`Job ${jobId} was taken over by another worker before it finished`)
  }
}

export class Worker {
  readonly id: string
  private readonly handlers: Map<string, JobDefinition>
  private readonly leaseMs: number
  private readonly idleMs: number
  private running = false
  private loop: Promise<void> | null = null
  private wake: (() => void) | null = null

  constructor(private readonly options: WorkerOptions) {
    this.id = options.id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
    this.handlers = new Map(options.definitions.map((d) => [d.kind, d as JobDefinition]))
    this.leaseMs = options.leaseMs ?? 5 * 60_000
    this.idleMs = options.idleMs ?? 1000
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.loop = this.run()
  }

  /** Stops claiming; resolves once the job in hand (if any) has finished. */
  async stop(): Promise<void> {
    this.running = false
    this.wake?.()
    await this.loop
  }

  /**
   * Runs due jobs until none is left (tests and the command line use this). With `now`, jobs due
   * by that moment run and their handlers see it as the time: a controllable clock.
   */
  async drain(now?: Date): Promise<number> {
    let count = 0
    while (await this.runOne(now)) count++
    return count
  }

  /** Claims and runs one due job; false when none is due. */
  async runOne(now?: Date): Promise<boolean> {
    const job = await claimNextJob(this.options.db as Kysely<JobsTables>, this.options.dialect, this.id, this.leaseMs, [...this.handlers.keys()], now ?? new Date())
    if (!job) return false
    await this.execute(job, now ?? new Date())
    return true
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = false
      try {
        worked = await this.runOne()
      } catch (error) {
        // The database may be briefly unreachable; keep the loop alive and try again later.
        this.options.log.error({ err: describeError(error), worker: this.id }, 'job worker poll failed')
      }
      if (!worked && this.running) await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.idleMs)
        this.wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
    }
  }

  private async execute(job: Job, now: Date): Promise<void> {
    const { db, log } = this.options
    const definition = this.handlers.get(job.kind)!
    if (job.attempts > job.maxAttempts) {
      // Claimed again after its worker vanished too often: stop retrying a job that kills workers.
      await markJobFailed(db, job.id, this.id, 'The worker stopped during this job too many times', { status: 'dead' })
      log.error({ job: job.id, kind: job.kind }, 'job dead-lettered after repeated worker crashes')
      return
    }
    let finished = false
    const context: JobContext = {
      job,
      now,
      db,
      finish: async (work) => {
        await db.transaction().execute(async (trx) => {
          await work(trx)
          if (!(await markJobDone(trx, job.id, this.id))) throw new LeaseLost(job.id)
        })
        finished = true
      },
      heartbeat: (progress) => extendLease(db, job.id, this.id, this.leaseMs, progress),
    }
    const started = Date.now()
    try {
      await definition.handle(job.payload, context)
      if (!finished && !(await markJobDone(db, job.id, this.id))) throw new LeaseLost(job.id)
      log.info({ job: job.id, kind: job.kind, ms: Date.now() - started }, 'job done')
    } catch (error) {
      if (error instanceof LeaseLost) {
        log.error({ job: job.id, kind: job.kind }, error.message)
        return
      }
      const outcome = decideAfterFailure(job.attempts, job.maxAttempts, new Date())
      await markJobFailed(db, job.id, this.id, describeError(error), outcome)
      log.error({ job: job.id, kind: job.kind, attempt: job.attempts, outcome: outcome.status, err: describeError(error) }, 'job failed')
    }
  }
}
