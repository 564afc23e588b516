import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { createTestDatabase, needsPostgres, suiteDialect } from '../../../test/helpers/database.ts'
import { countEffects, createEffectsTable, effectJob } from '../../../test/fixtures/effect-job.ts'
import { decideAfterFailure, retryDelayMs, type JobDefinition } from './jobs.ts'
import { enqueueJob, findJob, listJobs, retryDeadJob } from './jobs-queries.ts'
import { Worker } from './worker.ts'

const quiet = { info() {}, error() {} }

describe('job rules', () => {
  test('retries back off exponentially and are capped', () => {
    assert.equal(retryDelayMs(1), 30_000)
    assert.equal(retryDelayMs(2), 120_000)
    assert.equal(retryDelayMs(20), 6 * 3600_000)
  })

  test('a job that used its last attempt is dead-lettered', () => {
    const now = new Date('2026-01-01T00:00:00Z')
    assert.deepEqual(decideAfterFailure(5, 5, now), { status: 'dead' })
    assert.deepEqual(decideAfterFailure(1, 5, now), { status: 'queued', runAt: new Date('2026-01-01T00:00:30Z') })
  })
})

describe(`jobs on ${suiteDialect()}`, () => {
  test('a failing job is retried later and dead-lettered after its last attempt, then can be retried by an admin', async () => {
    const database = await createTestDatabase()
    try {
      let calls = 0
      const failing: JobDefinition<object> = { kind: 'test.fail', handle: async () => { calls++; throw new Error('SMTP 451') } }
      const worker = new Worker({ db: database.db, dialect: database.dialect, definitions: [failing], log: quiet })
      const id = (await enqueueJob(database.db, 'test.fail', {}, { maxAttempts: 2, municipalityId: 'm1' }))!

      assert.equal(await worker.drain(), 1)
      let job = (await findJob(database.db, 'm1', id))!
      assert.equal(job.status, 'queued')
      assert.equal(job.attempts, 1)
      assert.equal(job.lastError, 'Error: SMTP 451')
      assert.ok(job.runAt.getTime() > Date.now() + 20_000, 'the retry waits')
      assert.equal(await worker.drain(), 0, 'nothing is due before the retry time')

      await database.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1) }).where('id', '=', id).execute()
      await worker.drain()
      job = (await findJob(database.db, 'm1', id))!
      assert.equal(job.status, 'dead')
      assert.equal(calls, 2)
      assert.equal((await listJobs(database.db, { municipalityId: 'm1', status: 'dead', limit: 10, offset: 0 })).total, 1)
      assert.equal(await findJob(database.db, 'm2', id), null, 'another municipality does not see it')
      assert.equal(await retryDeadJob(database.db, 'm2', id), false)

      assert.equal(await retryDeadJob(database.db, 'm1', id), true)
      assert.equal((await findJob(database.db, 'm1', id))!.status, 'queued')
    } finally {
      await database.close()
    }
  })

  test('a scheduled job waits for its time, and a unique key queues a job only once', async () => {
    const database = await createTestDatabase()
    try {
      await createEffectsTable(database.db)
      const worker = new Worker({ db: database.db, dialect: database.dialect, definitions: [effectJob()], log: quiet })
      await enqueueJob(database.db, 'test.effect', { target: 'later' }, { runAt: new Date(Date.now() + 3600_000) })
      assert.ok(await enqueueJob(database.db, 'test.effect', { target: 'once' }, { uniqueKey: 'digest:2026-W48' }))
      assert.equal(await enqueueJob(database.db, 'test.effect', { target: 'once' }, { uniqueKey: 'digest:2026-W48' }), null, 'the second one is not queued')
      assert.equal(await worker.drain(), 1)
      assert.equal(await countEffects(database.db, 'once'), 1)
      assert.equal(await countEffects(database.db, 'later'), 0)
    } finally {
      await database.close()
    }
  })

  for (const crashAt of ['before-finish', 'after-finish'] as const) {
    test(`a worker killed with SIGKILL ${crashAt.replace('-', ' ')} loses no job and applies its effect exactly once`, async () => {
      const database = await createTestDatabase()
      try {
        await createEffectsTable(database.db)
        const id = (await enqueueJob(database.db, 'test.effect', { target: 'crash' }))!
        const marker = join(mkdtempSync(join(tmpdir(), 'welkom-crash-')), 'reached')
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/crash-worker.ts'], {
          env: { ...process.env, DATABASE_URL: database.url, MARKER_FILE: marker, CRASH_AT: crashAt },
          stdio: 'inherit',
        })
        const exited = new Promise((resolve) => child.on('exit', resolve))
        for (let i = 0; i < 600 && !existsSync(marker); i++) await new Promise((r) => setTimeout(r, 50))
        assert.ok(existsSync(marker), 'the worker reached the crash point')
        child.kill('SIGKILL')
        await exited

        const afterCrash = (await findJob(database.db, null, id))!
        assert.equal(afterCrash.status, crashAt === 'before-finish' ? 'running' : 'done')
        assert.equal(await countEffects(database.db, 'crash'), crashAt === 'before-finish' ? 0 : 1)

        // Another worker takes over once the dead worker's lease (500 ms) has run out.
        await new Promise((r) => setTimeout(r, 600))
        const worker = new Worker({ db: database.db, dialect: database.dialect, definitions: [effectJob()], log: quiet })
        await worker.drain()
        assert.equal((await findJob(database.db, null, id))!.status, 'done')
        assert.equal(await countEffects(database.db, 'crash'), 1)
      } finally {
        await database.close()
      }
    })
  }

  test('the worker loop picks up jobs as they arrive and stops cleanly', async () => {
    const database = await createTestDatabase()
    try {
      await createEffectsTable(database.db)
      const worker = new Worker({ db: database.db, dialect: database.dialect, definitions: [effectJob()], log: quiet, idleMs: 20 })
      worker.start()
      await enqueueJob(database.db, 'test.effect', { target: 'loop' })
      for (let i = 0; i < 200 && (await countEffects(database.db, 'loop')) === 0; i++) await new Promise((r) => setTimeout(r, 20))
      await worker.stop()
      assert.equal(await countEffects(database.db, 'loop'), 1)
    } finally {
      await database.close()
    }
  })
})

describe('jobs on PostgreSQL with several workers', () => {
  test('four workers claiming at once run each of 40 jobs exactly once', { skip: needsPostgres() }, async () => {
    const database = await createTestDatabase('postgres')
    try {
      await createEffectsTable(database.db)
      for (let i = 0; i < 40; i++) await enqueueJob(database.db, 'test.effect', { target: `job-${i}` })
      const workers = Array.from({ length: 4 }, () => new Worker({ db: database.db, dialect: 'postgres', definitions: [effectJob()], log: quiet }))
      const counts = await Promise.all(workers.map((w) => w.drain()))
      assert.equal(counts.reduce((a, b) => a + b, 0), 40)
      for (let i = 0; i < 40; i++) assert.equal(await countEffects(database.db, `job-${i}`), 1)
      assert.ok(counts.filter((c) => c > 0).length > 1, 'the work was shared')
    } finally {
      await database.close()
    }
  })
})
