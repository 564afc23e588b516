// The import job on the suite's database, run the way the worker runs it (the test app's
// runJobs): progress written while a long list is read, a file that breaks partway, columns that
// no longer fit, and a write that fails halfway, which leaves the list exactly as it was.
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText, type Client } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import type { Edition } from '../../editions/editions.ts'
import { importFiles } from '../import/import-files.ts'
import { seal } from '../wizard/upload-files.ts'
import { commitThroughWizard, sample } from '../wizard/wizard-test-support.ts'

/** A list of `rows` invented people in the one-file shape, all certified within the period. */
function generatedList(rows: number): Buffer {
  const lines = ['Naam;Voornaam;Geboortedatum;Gemeente;Datum attest']
  for (let i = 0; i < rows; i++) lines.push(`Naam${i};Voornaam${i};${String((i % 28) + 1).padStart(2, '0')}/05/1980;Mol;15/02/2026`)
  return Buffer.from(lines.join('\r\n'))
}

describe(`the import job on ${suiteDialect()}`, () => {
  let t: TestApp
  let client: Client
  let municipalityId: string
  before(async () => {
    t = await createTestApp()
    const mol = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mol' })
    client = mol.staffClient
    municipalityId = mol.municipality.id
  })
  after(() => t.close())

  const newEdition = () => createEdition(t.db, municipalityId, { periodFrom: '2026-01-01', periodTo: '2026-03-31' })
  const runOf = (importId: string) => t.db.selectFrom('invitee_imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow()
  const uploadExists = async (uploadId: string) => (await t.db.selectFrom('import_uploads').select('id').where('id', '=', uploadId).execute()).length === 1
  /** Every column of every invitee of the edition, in a stable order: "exactly as they were". */
  const snapshot = async (editionId: string) => JSON.stringify(await t.db.selectFrom('invitees').selectAll().where('edition_id', '=', editionId).orderBy('id').execute())
  /** The sample list already on the edition, imported the way the command line does. */
  const withSample = async (edition: Edition) => assert.ok((await importFiles(t.db, { edition, scope: { municipalityId }, actor: null, file: sample('attesten-2026-q1.csv'), dryRun: false, hashKey: t.config.hashKey })).ok)

  /** A trigger for the length of a test: `body` is the SQL run for each row (SQLite and PostgreSQL alike). */
  async function withTrigger(name: string, table: string, when: 'before update' | 'after update of rows_done', condition: string, body: string, work: () => Promise<void>) {
    if (suiteDialect() === 'sqlite') {
      await sql.raw(`create trigger ${name} ${when} on ${table} for each row when ${condition} begin ${body}; end`).execute(t.db)
    } else {
      const pgBody = body.startsWith('select raise') ? `raise exception 'poisoned'` : body
      await sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${pgBody}; return new; end $$`).execute(t.db)
      await sql.raw(`create trigger ${name} ${when} on ${table} for each row when (${condition}) execute function ${name}()`).execute(t.db)
    }
    try {
      await work()
    } finally {
      await sql.raw(`drop trigger ${name}${suiteDialect() === 'postgres' ? ` on ${table}` : ''}`).execute(t.db)
      if (suiteDialect() === 'postgres') await sql.raw(`drop function ${name}()`).execute(t.db)
    }
  }

  test('a long list is read with its progress written down as it goes: rows read of an estimated total, then the exact total', async () => {
    const edition = await newEdition()
    const { importId, uploadId } = await commitThroughWizard(client, edition.id, { file: generatedList(12_000) })
    await sql.raw('create table progress_log (rows_done integer, rows_total integer)').execute(t.db)
    try {
      await withTrigger('log_progress', 'invitee_imports', 'after update of rows_done', 'new.rows_done > 0', 'insert into progress_log values (new.rows_done, new.rows_total)', async () => {
        await t.runJobs()
      })
      const log = (await sql<{ rows_done: number; rows_total: number }>`select rows_done, rows_total from progress_log`.execute(t.db)).rows
      const whileReading = log.filter((entry) => entry.rows_done < 12_000)
      assert.ok(whileReading.length >= 3, `progress written while reading (${whileReading.length} times)`)
      assert.ok(whileReading.every((entry, i) => entry.rows_total > entry.rows_done && (i === 0 || entry.rows_done >= whileReading[i - 1]!.rows_done)), 'rows grow; the estimate stays above them')
      assert.deepEqual(log.at(-1), { rows_done: 12_000, rows_total: 12_000 })
    } finally {
      await sql.raw('drop table progress_log').execute(t.db)
    }
    const run = await runOf(importId)
    assert.equal(run.status, 'done')
    assert.equal((run.counts_json as { imported: number }).imported, 12_000)
    const job = await t.db.selectFrom('jobs').select(['status', 'progress_json']).where('unique_key', '=', `invitees.import:${uploadId}`).executeTakeFirstOrThrow()
    assert.deepEqual([job.status, job.progress_json], ['done', { done: 12_000, total: 12_000 }], 'the job’s heartbeat carries the progress too')
    assert.equal(await uploadExists(uploadId), false)
  })

  test('a stored file that breaks partway fails the import once, with the translated problem; the list before it and nothing else stays, the file is deleted', async () => {
    const edition = await newEdition()
    await withSample(edition)
    const before = await snapshot(edition.id)
    const { importId, uploadId, runUrl } = await commitThroughWizard(client, edition.id, { file: generatedList(600) })
    const broken = Buffer.concat([generatedList(600), Buffer.from('\r\n"Peeters;Jan;01/01/1980;Mol;15/02/2026\r\nMaes;An;01/01/1980;Mol;15/02/2026\r\n')])
    await t.db.updateTable('import_uploads').set({ file_encrypted: seal(t.config.encryptionKey, broken) }).where('id', '=', uploadId).execute()
    await t.runJobs()
    const run = await runOf(importId)
    assert.deepEqual([run.status, run.problem_json], ['failed', { message: 'invitees.import.badQuotes', values: { line: 602 }, file: 'list' }])
    assert.equal(await snapshot(edition.id), before, 'the list is exactly as it was')
    assert.equal(await uploadExists(uploadId), false, 'the file is deleted')
    const text = visibleText((await client.get(runUrl)).body)
    assert.match(text, /Het inlezen is niet gelukt Op regel 602 is een aanhalingsteken/)
    assert.match(text, /De lijst van genodigden is niet gewijzigd\. Het opgeladen bestand is verwijderd\./)
    const job = await t.db.selectFrom('jobs').select(['status', 'attempts']).where('unique_key', '=', `invitees.import:${uploadId}`).executeTakeFirstOrThrow()
    assert.deepEqual([job.status, job.attempts], ['done', 1], 'a broken file is not retried')
    const audit = await t.db.selectFrom('audit_events').select('details_json').where('action', '=', 'invitees.import_failed').where('record_id', '=', edition.id).executeTakeFirstOrThrow()
    assert.deepEqual(audit.details_json, { reason: 'invitees.import.badQuotes', file: 'list' }, 'the reason, never a value')
  })

  test('columns that no longer fit the stored file fail the import with a message to choose them again', async () => {
    const edition = await newEdition()
    const { importId, uploadId, runUrl } = await commitThroughWizard(client, edition.id, { file: generatedList(10) })
    await t.db.updateTable('import_uploads').set({ mapping_json: JSON.stringify({ sheet: null, mapping: { lastName: 0, firstName: 9 } }) }).where('id', '=', uploadId).execute()
    await t.runJobs()
    assert.equal((await runOf(importId)).status, 'failed')
    assert.match(visibleText((await client.get(runUrl)).body), /De gekozen kolommen passen niet bij het bestand/)
    assert.equal((await t.db.selectFrom('invitees').select('id').where('edition_id', '=', edition.id).execute()).length, 0)
  })

  test('a write that fails halfway leaves the list exactly as it was; it is retried, and after the last attempt the page says so and the file is deleted', async () => {
    const edition = await newEdition()
    await withSample(edition)
    const before = await snapshot(edition.id)
    // 600 new people (two chunks of inserts) and two people already there with a new e-mail
    // address; the second update is refused by the database, after the inserts and the first update.
    const lines = ['Naam;Voornaam;Geboortedatum;E-mailadres;Datum attest', 'Haddad;Omar;15/09/2005;nieuw@example.org;22/01/2026', 'Durrani;Wahid;22/07/1972;weigeren@example.org;28/03/2026']
    for (let i = 0; i < 600; i++) lines.push(`Nieuw${i};Persoon;01/01/1990;;15/02/2026`)
    const { importId, uploadId, runUrl } = await commitThroughWizard(client, edition.id, { file: Buffer.from(lines.join('\n')) })
    await withTrigger('refuse_update', 'invitees', 'before update', "new.email = 'weigeren@example.org'", "select raise(abort, 'poisoned')", async () => {
      for (let attempt = 1; attempt <= 3; attempt++) {
        // The retry waits 30 s, then 2 min: bring it forward instead of waiting.
        await t.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1000) }).where('unique_key', '=', `invitees.import:${uploadId}`).where('status', '=', 'queued').execute()
        await t.runJobs()
        assert.equal(await snapshot(edition.id), before, `after attempt ${attempt} the list is exactly as it was`)
        if (attempt < 3) {
          assert.equal((await runOf(importId)).status, 'queued', 'waiting for another attempt')
          assert.ok(await uploadExists(uploadId), 'the file is kept for the next attempt')
        }
      }
    })
    const run = await runOf(importId)
    assert.deepEqual([run.status, run.problem_json], ['failed', { message: 'invitee-import.run.stopped' }])
    assert.equal(await uploadExists(uploadId), false)
    const job = await t.db.selectFrom('jobs').select(['status', 'attempts']).where('unique_key', '=', `invitees.import:${uploadId}`).executeTakeFirstOrThrow()
    assert.deepEqual([job.status, job.attempts], ['dead', 3])
    const text = visibleText((await client.get(runUrl)).body)
    assert.match(text, /Het inlezen is niet gelukt .* De lijst van genodigden is niet gewijzigd\. Het opgeladen bestand is verwijderd\./)
  })

  test('an upload gone before its job started (expired, deleted) fails the import and changes nothing', async () => {
    const edition = await newEdition()
    const { importId, uploadId } = await commitThroughWizard(client, edition.id, { file: generatedList(10) })
    await t.db.deleteFrom('import_uploads').where('id', '=', uploadId).execute()
    await t.runJobs()
    assert.deepEqual([(await runOf(importId)).status, (await runOf(importId)).problem_json], ['failed', { message: 'invitee-import.run.uploadGone' }])
    assert.equal((await t.db.selectFrom('invitees').select('id').where('edition_id', '=', edition.id).execute()).length, 0)
  })
})
