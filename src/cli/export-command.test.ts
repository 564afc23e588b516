// `welkom export invitees` against the suite's database: CSV to standard output or a file, XLSX
// to a file, and clear refusals for what cannot work.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { createTestDatabase, suiteDialect, type TestDatabase } from '../../test/helpers/database.ts'
import { createEdition } from '../../test/helpers/editions.ts'
import { createMunicipality } from '../../test/helpers/factories.ts'
import { loadConfig, type Config } from '../config.ts'
import type { Edition } from '../editions/editions.ts'
import { importFiles } from '../invitees/import/import-files.ts'
import { parseArgs, UsageError } from './args.ts'
import { runExport } from './export-command.ts'
import { SAMPLES_DIR } from '../../test/helpers/samples.ts'

describe(`welkom export invitees on ${suiteDialect()}`, () => {
  let database: TestDatabase
  let config: Config
  let dir: string
  let edition: Edition
  before(async () => {
    database = await createTestDatabase()
    dir = mkdtempSync(join(tmpdir(), 'welkom-export-'))
    config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, DATABASE_URL: database.url, BASE_URL: 'http://localhost:3000', DEMO: 'false', LOG_LEVEL: 'silent' })
    const municipalityId = (await createMunicipality(database.db, { name: 'Mol' })).id
    edition = await createEdition(database.db, municipalityId, { periodFrom: '2026-01-01', periodTo: '2026-03-31' })
    const file = readFileSync(join(SAMPLES_DIR, 'attesten-2026-q1.csv'))
    assert.ok((await importFiles(database.db, { edition, scope: { municipalityId }, actor: null, file, dryRun: false, hashKey: config.hashKey })).ok)
  })
  after(async () => {
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const run = async (...argv: string[]) => {
    let written = ''
    const printed: object[] = []
    await runExport(config, parseArgs(['export', ...argv]), (_human, json) => printed.push(json), async (data) => void (written += data))
    return { written, printed }
  }

  test('without --out the CSV goes to standard output, alone, and the export is audited', async () => {
    const { written, printed } = await run('invitees', '--edition', edition.id)
    assert.ok(written.startsWith('\uFEFFNaam;Voornaam;'))
    assert.equal((parse(written, { bom: true, delimiter: ';' }) as string[][]).length, 241)
    assert.deepEqual(printed, [], 'nothing else on standard output')
    const event = await database.db.selectFrom('audit_events').selectAll().where('action', '=', 'invitees.exported').where('record_id', '=', edition.id).executeTakeFirstOrThrow()
    assert.deepEqual(event.details_json, { format: 'csv', count: 240, via: 'cli' })
  })

  test('--format xlsx --out FILE writes a workbook and reports the count', async () => {
    const out = join(dir, 'genodigden.xlsx')
    const { printed, written } = await run('invitees', '--edition', edition.id, '--format', 'xlsx', '--out', out)
    assert.equal(written, '')
    assert.deepEqual(printed, [{ file: out, format: 'xlsx', count: 240 }])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer)
    assert.equal(workbook.worksheets[0]!.rowCount, 241)
  })

  test('a workbook without --out, an unknown format, an unknown edition or no "invitees" are refused with a usage error', async () => {
    await assert.rejects(run('invitees', '--edition', edition.id, '--format', 'xlsx'), (e: Error) => e instanceof UsageError && /--out FILE is required/.test(e.message))
    await assert.rejects(run('invitees', '--edition', edition.id, '--format', 'pdf'), (e: Error) => e instanceof UsageError && /csv or xlsx/.test(e.message))
    await assert.rejects(run('invitees', '--edition', 'no-such-edition'), (e: Error) => e instanceof UsageError && /No edition/.test(e.message))
    await assert.rejects(run('people', '--edition', edition.id), UsageError)
  })
})
