// `welkom letters` against the suite's database: the same PDF as the letters page downloads, the
// letters marked printed and audited, "only unsent", clear refusals, and once as a real process.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { suiteDialect } from '../../test/helpers/database.ts'
import { createEdition } from '../../test/helpers/editions.ts'
import { createMunicipalityWithPeople } from '../../test/helpers/factories.ts'
import { pdfText } from '../../test/helpers/pdf.ts'
import type { Edition } from '../editions/editions.ts'
import { pdfQrCodes } from '../invitations/letters/letters-test-support.ts'
import { insertPeople } from '../invitees/households/people-test-support.ts'
import { paths } from '../paths.ts'
import { parseArgs, UsageError } from './args.ts'
import { runLetters } from './letters-command.ts'

describe(`welkom letters on ${suiteDialect()}`, () => {
  let t: TestApp
  let dir: string
  let edition: Edition
  let officer: Awaited<ReturnType<typeof createMunicipalityWithPeople>>
  const street = { street: 'Kerkstraat', postcode: '2400', city: 'Mol', language: 'nl' }

  before(async () => {
    // The app and the command share one database, so the command's PDF can be held against the page's.
    t = await createTestApp()
    dir = mkdtempSync(join(tmpdir(), 'welkom-letters-cli-'))
    officer = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mol' })
    edition = await createEdition(t.db, officer.municipality.id, { languages: ['nl'] })
    await insertPeople(t.db, edition.id, [
      { first_name: 'Jan', last_name: 'Peeters', ...street, house_number: '10' },
      { first_name: 'An', last_name: 'Peeters', ...street, house_number: '2' },
    ])
  })
  after(async () => {
    await t.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const run = async (...argv: string[]) => {
    const printed: object[] = []
    await runLetters(t.config, parseArgs(['letters', ...argv]), (_human, json) => printed.push(json))
    return printed
  }

  test('writes the same letters as the page downloads, marks them printed and audits the run as the command line', async () => {
    const out = join(dir, 'brieven.pdf')
    const printed = await run('--edition', edition.id, '--out', out)
    assert.deepEqual(printed, [{ file: out, letters: 2, people: 2, pages: 2, withoutAddress: 0, onlyUnsent: false }])
    assert.equal(statSync(out).mode & 0o777, 0o600, 'readable by the operator only')
    const fromCli = readFileSync(out)
    const fromPage = (await officer.staffClient.post(paths.editionLettersPdf(edition.id), {})).rawPayload
    assert.deepEqual(await pdfText(fromCli), await pdfText(fromPage))
    assert.deepEqual(await pdfQrCodes(fromCli), await pdfQrCodes(fromPage))
    assert.match((await pdfText(fromCli)).text, /Beste An Peeters, .* Beste Jan Peeters,/)

    const marked = await t.db.selectFrom('invitations').select('letter_printed_at').where('edition_id', '=', edition.id).execute()
    assert.ok(marked.length === 2 && marked.every((m) => m.letter_printed_at))
    const audit = await t.db.selectFrom('audit_events').select(['actor_user_id', 'details_json']).where('action', '=', 'letters.printed').where('record_id', '=', edition.id).orderBy('occurred_at').execute()
    assert.deepEqual(audit[0], { actor_user_id: null, details_json: { letters: 2, people: 2, pages: 2, onlyUnsent: false, via: 'cli' } })
  })

  test('--only-unsent with every letter printed writes no file and says so', async () => {
    const out = join(dir, 'niets.pdf')
    const printed = await run('--edition', edition.id, '--out', out, '--only-unsent')
    assert.deepEqual(printed, [{ file: null, letters: 0, people: 0, pages: 0, withoutAddress: 0, onlyUnsent: true }])
    assert.equal(existsSync(out), false)
  })

  test('a missing --out, an unknown edition or an unwritable file are refused with a usage error, and nothing is printed', async () => {
    await assert.rejects(run('--edition', edition.id), (e: Error) => e instanceof UsageError && /usage: welkom letters --edition ID --out FILE\.pdf/.test(e.message))
    await assert.rejects(run('--edition', 'no-such-edition', '--out', join(dir, 'x.pdf')), (e: Error) => e instanceof UsageError && /No edition with id no-such-edition/.test(e.message))
    await assert.rejects(run('--edition', edition.id, '--out', join(dir, 'no-such-dir', 'x.pdf')), (e: Error) => e instanceof UsageError && /Cannot write/.test(e.message))
  })

  test('the real binary prints the letters added since and reports them as JSON', async () => {
    await insertPeople(t.db, edition.id, [{ first_name: 'Nieuw', last_name: 'Janssens', ...street, house_number: '7' }])
    const out = join(dir, 'nieuw.pdf')
    const env = { ...process.env, DATABASE_URL: t.config.databaseUrl, DATA_DIR: t.config.dataDir, BASE_URL: t.config.baseUrl, NODE_ENV: 'test', DEMO: 'false', LOG_LEVEL: 'silent' }
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['bin/welkom.js', 'letters', '--edition', edition.id, '--out', out, '--only-unsent', '--json'], { env })
      let stdout = ''
      let stderr = ''
      child.stdout.setEncoding('utf8').on('data', (data: string) => void (stdout += data))
      child.stderr.setEncoding('utf8').on('data', (data: string) => void (stderr += data))
      child.on('error', reject)
      child.on('close', (code) => resolve({ code, stdout, stderr }))
    })
    assert.equal(result.code, 0, result.stderr)
    assert.deepEqual(JSON.parse(result.stdout), { file: out, letters: 1, people: 1, pages: 1, withoutAddress: 0, onlyUnsent: true })
    assert.match((await pdfText(readFileSync(out))).text, /Beste Nieuw Janssens,/)
  })
})
