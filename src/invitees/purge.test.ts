// The purge, on the suite's database: once an edition's retention has passed, nothing of the
// imported people remains — not in a table, not in the SQLite file or its WAL, not in the data
// directory (the outbox and text-message files included), the reply links stop working — and a
// receipt says what went, when and how many.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { suiteDialect } from '../../test/helpers/database.ts'
import { createEdition } from '../../test/helpers/editions.ts'
import { createMunicipality } from '../../test/helpers/factories.ts'
import { addDays, brusselsDate } from '../platform/calendar.ts'
import { enqueueJob } from '../platform/jobs/jobs-queries.ts'
import { importFiles } from './import/import-files.ts'
import { isPurgeDue, purgeDate } from './purge.ts'
import { PURGE, nextPurgeRun } from './purge-job.ts'
import { purgeReceipts } from './purge-queries.ts'
import { SAMPLES_DIR } from '../../test/helpers/samples.ts'
import { ensureInvitations, invitationKeys } from '../invitations/invitations-queries.ts'
import { queueInviteeMessages } from '../invitations/messages/invitee-messages.ts'
import { paths } from '../paths.ts'

const sample = (name: string) => readFileSync(join(SAMPLES_DIR, name))

describe('when an edition’s personal data is due to go', () => {
  test('it is due on the ceremony’s date plus the retention period, in Brussels, once', () => {
    const edition = { startsAt: new Date('2026-05-21T17:30:00Z'), retentionDays: 90, purgedAt: null }
    assert.equal(purgeDate(edition), '2026-08-19')
    assert.equal(isPurgeDue(edition, new Date('2026-08-18T21:59:00Z')), false)
    assert.equal(isPurgeDue(edition, new Date('2026-08-18T22:01:00Z')), true, 'just after midnight in Brussels')
    assert.equal(isPurgeDue({ ...edition, purgedAt: new Date() }, new Date('2026-09-01T00:00:00Z')), false)
    assert.deepEqual(nextPurgeRun(new Date('2026-08-18T22:01:00Z')), new Date('2026-08-19T01:00:00Z'), '03:00 summer time')
  })
})

describe(`the purge on ${suiteDialect()}`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  test('the nightly job erases an edition’s people once its retention has passed, leaves the others, and keeps a receipt', async () => {
    const municipality = await createMunicipality(t.db, { name: 'Mol' })
    const scope = { municipalityId: municipality.id }
    const held = await createEdition(t.db, municipality.id, { date: addDays(brusselsDate(new Date()), -100), periodFrom: '2026-01-01', periodTo: '2026-03-31', retentionDays: 90 })
    const coming = await createEdition(t.db, municipality.id, { periodFrom: '2026-01-01', periodTo: '2026-03-31' })
    for (const edition of [held, coming]) {
      const result = await importFiles(t.db, { edition, scope, actor: null, file: sample('attesten-2026-q1.csv'), dryRun: false, hashKey: t.config.hashKey })
      assert.ok(result.ok)
    }
    await t.db.insertInto('edition_contributions').values({ id: 'c1', edition_id: held.id, kind: 'music', name: 'Yonas Tesfay', contact: '0470 12 34 56', description: null, status: 'confirmed', created_at: new Date(), updated_at: new Date() }).execute()
    // A household, a dismissed suggestion and a finished import run: personal, so purged too.
    const pair = (await t.db.selectFrom('invitees').select('id').where('edition_id', '=', held.id).limit(2).execute()).map((r) => r.id)
    await t.db.insertInto('invitee_households').values({ id: 'h1', edition_id: held.id, created_by: null, created_at: new Date() }).execute()
    await t.db.updateTable('invitees').set({ household_id: 'h1' }).where('id', 'in', pair).execute()
    const dismissedKey = 'dismissed-address-key-0f3a9c'
    await t.db.insertInto('household_dismissals').values({ edition_id: held.id, address_key: dismissedKey, created_at: new Date() }).execute()
    await t.db.insertInto('invitee_imports').values({ id: 'i1', edition_id: held.id, municipality_id: municipality.id, upload_id: null, created_by: null, status: 'done', rows_done: 240, rows_total: 240, counts_json: { imported: 240 }, problem_json: null, created_at: new Date(), finished_at: new Date() }).execute()
    const hashes = (await t.db.selectFrom('invitees').select('national_number_hash').where('edition_id', '=', held.id).limit(3).execute()).map((r) => r.national_number_hash!)
    // Invited, answered with a recording of the name, e-mailed and texted: the reply token, the
    // answer, the sound, the e-mail in the outbox and the text message file must all go.
    await t.db.updateTable('editions').set({ status: 'invitations_open' }).where('id', '=', held.id).execute()
    await ensureInvitations(t.db, t.config, held.id, new Date())
    const omar = await t.db.selectFrom('invitees').select('id').where('edition_id', '=', held.id).where('email', '=', 'omar.haddad@hotmail.com').executeTakeFirstOrThrow()
    const { token } = invitationKeys(t.config, await t.db.selectFrom('invitations').select(['token_sealed', 'code_sealed']).where('invitee_id', '=', omar.id).executeTakeFirstOrThrow())
    const phonetic = 'O-mar, like a-more-trace'
    await t.db.insertInto('replies').values({ invitee_id: omar.id, municipality_id: municipality.id, edition_id: held.id, attending: 'yes', place: 'confirmed', adults: 1, children: 0, needs_json: JSON.stringify({ halal: true }), phonetic_name: phonetic, interests_json: '[]', contribution_kinds_json: '[]', channel: 'web', replied_at: new Date(), updated_at: new Date() }).execute()
    const sound = 'RIFF-recording-trace-7f1c'
    await t.db.insertInto('reply_recordings').values({ invitee_id: omar.id, edition_id: held.id, content_type: 'audio/wav', audio: Buffer.from(sound), bytes: sound.length, created_at: new Date() }).execute()
    await queueInviteeMessages(t.db, t.config, { editionId: held.id, inviteeIds: [omar.id], kind: 'invitation', occasion: 'first' }, new Date())
    await t.runJobs()
    const filesBefore = filesUnder(t.config.dataDir)
    assert.ok(filesBefore.some((f) => f.includes(`${join('outbox', '')}`)) && filesBefore.some((f) => f.includes(join('sms', ''))), 'the e-mail and the text message were written by the file transports')
    assert.equal((await t.app.inject({ url: paths.reply(token) })).statusCode, 200, 'the reply link works before the purge')
    // Values of the first imported person, and a hash as stored.
    const traces = ['Haddad', 'omar.haddad@hotmail.com', '+32499247533', 'Zandstraat', 'Yonas Tesfay', dismissedKey, phonetic, sound, token, ...hashes]

    await enqueueJob(t.db, PURGE, {})
    await t.runJobs()
    assert.equal((await t.app.inject({ url: paths.reply(token) })).statusCode, 404, 'the reply link stops working')
    for (const table of ['invitations', 'replies', 'reply_recordings', 'invitee_messages'] as const) {
      assert.equal((await t.db.selectFrom(table).select('edition_id').where('edition_id', '=', held.id).execute()).length, 0, `nothing left in ${table}`)
    }

    const left = await t.db.selectFrom('invitees').select('edition_id').execute()
    assert.ok(left.every((r) => r.edition_id === coming.id) && left.length === 240, 'only the coming edition keeps its people')
    assert.equal((await t.db.selectFrom('edition_contributions').select('id').where('edition_id', '=', held.id).execute()).length, 0)
    for (const table of ['invitee_households', 'household_dismissals', 'invitee_imports'] as const) {
      assert.equal((await t.db.selectFrom(table).select('edition_id').where('edition_id', '=', held.id).execute()).length, 0, `nothing left in ${table}`)
    }
    const [receipt] = await purgeReceipts(t.db, scope, held.id)
    const counts = { invitees: 240, households: 1, contributions: 1, uploads: 0, replies: 1, recordings: 1, messages: 2 }
    assert.deepEqual(receipt!.counts, counts)
    const audit = await t.db.selectFrom('audit_events').select('details_json').where('action', '=', 'edition.purged').where('record_id', '=', held.id).executeTakeFirstOrThrow()
    assert.deepEqual(audit.details_json, counts)
    assert.ok((await t.db.selectFrom('jobs').select('id').where('kind', '=', PURGE).where('status', '=', 'queued').executeTakeFirst()), 'the next night is scheduled')

    // The coming edition still holds the same people, so search for what only the held one had.
    await t.db.deleteFrom('invitees').where('edition_id', '=', coming.id).execute()
    if (suiteDialect() === 'sqlite') {
      await sql`pragma wal_checkpoint(truncate)`.execute(t.db)
      const file = t.services.database.file!
      const bytes = Buffer.concat([file, `${file}-wal`].filter((f) => exists(f)).map((f) => readFileSync(f)))
      for (const trace of traces) assert.ok(!bytes.includes(Buffer.from(trace)), `"${trace.slice(0, 12)}…" is gone from the database file`)
    }
    const dataFiles = filesUnder(t.config.dataDir).map((f) => readFileSync(f))
    for (const trace of traces) assert.ok(!dataFiles.some((b) => b.includes(Buffer.from(trace))), 'and from the data directory')
  })
})

function exists(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
}
