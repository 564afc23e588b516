import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createTestApp } from '../../test/helpers/app.ts'
import { createMunicipality, createUser } from '../../test/helpers/factories.ts'
import { enqueueJob } from '../platform/jobs/jobs-queries.ts'
import { MAINTENANCE } from './maintenance-job.ts'

test('hourly maintenance removes expired sessions and links, old jobs and e-mail, unconfirmed and long-decided submissions, and schedules itself again', async () => {
  const t = await createTestApp()
  try {
    const user = await createUser(t.db, { municipalityId: (await createMunicipality(t.db)).id })
    const longAgo = new Date(Date.now() - 40 * 86400_000)
    const now = new Date()
    await t.db.insertInto('sessions').values([
      { id: 'expired', user_id: user.id, is_pending_second_factor: false, created_at: longAgo, last_seen_at: longAgo, expires_at: longAgo },
      { id: 'live', user_id: user.id, is_pending_second_factor: false, created_at: now, last_seen_at: now, expires_at: new Date(Date.now() + 3600_000) },
    ]).execute()
    await t.db.insertInto('password_resets').values({ token_hash: 'old', user_id: user.id, created_at: longAgo, expires_at: longAgo }).execute()
    const mail = (id: string, status: string, created: Date) => ({ id, to_address: 'a@example.org', subject: 's', text_body: 't', message_id: `<${id}@x>`, status, created_at: created })
    await t.db.insertInto('mail_messages').values([mail('old-sent', 'sent', longAgo), mail('old-queued', 'queued', longAgo), mail('new-sent', 'sent', now)]).execute()
    const oldDone = (await enqueueJob(t.db, 'test.old', {}))!
    const oldDead = (await enqueueJob(t.db, 'test.dead', {}))!
    await t.db.updateTable('jobs').set({ status: 'done', finished_at: longAgo }).where('id', '=', oldDone).execute()
    await t.db.updateTable('jobs').set({ status: 'dead', finished_at: longAgo }).where('id', '=', oldDead).execute()
    const submission = (id: string, status: string, created: Date, decided: Date | null = null) => ({ id, kind: 'remark', status, payload_json: { kind: 'remark', text: 'x' }, submitter_name: 'A', submitter_email: 'a@example.org', created_at: created, decided_at: decided })
    const halfYearAgo = new Date(Date.now() - 181 * 86400_000)
    await t.db
      .insertInto('practice_submissions')
      .values([
        submission('stale', 'unconfirmed', longAgo),
        submission('fresh', 'unconfirmed', now),
        submission('waiting', 'pending', halfYearAgo),
        submission('accepted-long-ago', 'accepted', halfYearAgo, halfYearAgo),
        submission('rejected-long-ago', 'rejected', halfYearAgo, halfYearAgo),
        submission('rejected-lately', 'rejected', halfYearAgo, longAgo),
      ])
      .execute()
    await enqueueJob(t.db, MAINTENANCE, {})

    await t.runJobs()

    assert.deepEqual((await t.db.selectFrom('sessions').select('id').execute()).map((r) => r.id), ['live'])
    assert.equal((await t.db.selectFrom('password_resets').selectAll().execute()).length, 0)
    assert.deepEqual((await t.db.selectFrom('practice_submissions').select('id').orderBy('id').execute()).map((r) => r.id), ['fresh', 'rejected-lately', 'waiting'], 'unconfirmed submissions go after a week, decided ones 180 days after the decision')
    assert.deepEqual((await t.db.selectFrom('mail_messages').select('id').orderBy('id').execute()).map((r) => r.id), ['new-sent', 'old-queued'])
    const jobs = await t.db.selectFrom('jobs').select(['id', 'kind', 'status', 'run_at']).execute()
    assert.ok(!jobs.some((j) => j.id === oldDone), 'old finished jobs are gone')
    assert.ok(jobs.some((j) => j.id === oldDead), 'dead jobs stay for the admins')
    const next = jobs.find((j) => j.kind === MAINTENANCE && j.status === 'queued')
    assert.ok(next && next.run_at > new Date(), 'the next run is scheduled')
  } finally {
    await t.close()
  }
})
