// The `welkom` command as a user runs it: a real database, JSON on stdout. Most commands run
// in-process through welkom() (a process start spends seconds loading the app); the tests at the
// end run the binary itself: exit status, standard output and standard error of a real process.
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { runWelkom, runWelkomProcess, type CliRun } from '../../test/helpers/cli.ts'
import { createTestDatabase, suiteDialect, type TestDatabase } from '../../test/helpers/database.ts'
import { SAMPLES_DIR } from '../../test/helpers/samples.ts'

describe(`welkom command line on ${suiteDialect()}`, () => {
  let database: TestDatabase
  let env: Record<string, string>
  let unreachable: Promise<CliRun>
  before(async () => {
    database = await createTestDatabase(suiteDialect(), { migrate: false })
    env = { ...(process.env as Record<string, string>), DATABASE_URL: database.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'welkom-cli-')), NODE_ENV: 'development', LOG_LEVEL: 'silent' }
    // Started now, awaited by its test: its seconds of retrying overlap the other tests.
    unreachable = runWelkomProcess({ ...env, DATABASE_URL: 'postgres://welkom:geheim-wachtwoord@127.0.0.1:9/welkom', LOG_LEVEL: 'warn' }, 'migrate')
  })
  after(() => database.close())

  const welkom = (...args: string[]) => runWelkom(env, ...args)

  test('migrate --json lists the migrations applied, then none', async () => {
    const first = await welkom('migrate', '--json')
    assert.equal(first.code, 0, first.stderr)
    assert.ok(first.json().applied.length >= 1)
    assert.deepEqual((await welkom('migrate', '--json')).json(), { applied: [] })
  })

  test('seed demo --json loads three municipalities and their people once', async () => {
    const seeded = await welkom('seed', 'demo', '--json')
    assert.equal(seeded.code, 0, seeded.stderr)
    assert.deepEqual(seeded.json(), { seeded: true, municipalities: 3, users: 8, practices: 11, editions: 2 })
    assert.deepEqual((await welkom('seed', 'demo', '--json')).json(), { seeded: false })
  })

  test('user create --json creates the account and queues the invitation e-mail', async () => {
    const created = await welkom('user', 'create', '--email', 'Nieuw@Mol.example', '--name', 'Nieuwe Collega', '--role', 'staff', '--municipality', '13025', '--json')
    assert.equal(created.code, 0, created.stderr)
    const out = created.json()
    assert.equal(out.email, 'nieuw@mol.example')
    assert.equal(out.municipality, '13025')
    const mail = await database.db.selectFrom('mail_messages').selectAll().where('to_address', '=', 'nieuw@mol.example').executeTakeFirstOrThrow()
    assert.match(mail.text_body, /\/wachtwoord-herstellen\//)
  })

  test('edition create --json prints the id of a draft edition with its co-organiser and playbook; edition list --json shows it', async () => {
    const date = `${new Date().getUTCFullYear() + 1}-05-21T19:30`
    const created = await welkom('edition', 'create', '--municipality', '12025', '--with', '12035', '--name', 'Welkomstceremonie Mechelen en Sint-Katelijne-Waver', '--date', date, '--period-from', '2026-01-01', '--period-to', '2026-12-31', '--capacity', '200', '--json')
    assert.equal(created.code, 0, created.stderr)
    const { id } = created.json()
    const organisers = await database.db.selectFrom('edition_organisers as o').innerJoin('municipalities as m', 'm.id', 'o.municipality_id').select('m.nis_code').where('o.edition_id', '=', id).orderBy('m.nis_code').execute()
    assert.deepEqual(organisers.map((o) => o.nis_code), ['12025', '12035'])
    const tasks = await database.db.selectFrom('edition_tasks').select('id').where('edition_id', '=', id).execute()
    assert.equal(tasks.length, 20)

    const listed = await welkom('edition', 'list', '--municipality', '12035', '--json')
    assert.equal(listed.code, 0, listed.stderr)
    const [item] = listed.json().items
    assert.equal(item.id, id)
    assert.equal(item.status, 'draft')
    assert.equal(item.startsAt, new Date(`${date}:00+02:00`).toISOString(), '19:30 in Brussels summer time')
    assert.deepEqual(item.organisers.sort(), ['12025', '12035'])
  })

  test('import --json reads a list into an edition and prints the counts; --dry-run changes nothing; the two-file shape joins the register', async () => {
    const date = `${new Date().getUTCFullYear() + 1}-05-21T19:30`
    const { id } = (await welkom('edition', 'create', '--municipality', '13025', '--name', 'Import', '--date', date, '--period-from', '2026-01-01', '--period-to', '2026-03-31', '--capacity', '300', '--json')).json()
    const samples = SAMPLES_DIR
    const dry = await welkom('import', '--edition', id, join(samples, 'attesten-2026-q1.csv'), '--dry-run', '--json')
    assert.equal(dry.code, 0, dry.stderr)
    const report = dry.json()
    assert.deepEqual([report.rows, report.imported, report.updated, report.duplicates, report.skipped], [240, 240, 0, 0, 0])
    assert.ok(report.warnings.every((w: { row: number; column: string; message: string }) => w.row > 1 && w.column && w.message))
    assert.equal((await database.db.selectFrom('invitees').select('id').where('edition_id', '=', id).execute()).length, 0)

    const joined = await welkom('import', '--edition', id, join(samples, 'agentschap-lijst-2026-q1.csv'), '--register', join(samples, 'bevolkingsregister-uittreksel.csv'), '--json')
    assert.equal(joined.code, 0, joined.stderr)
    assert.deepEqual(joined.json().notInvited, { noCertificate: 2, outsidePeriod: 0, notInRegister: 11 })
    assert.equal(joined.json().imported, 229)
    assert.doesNotMatch(joined.stdout, /\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}|\b\d{11}\b/, 'no national number in the output')

    assert.match(joined.stderr, /^Reading agentschap-lijst-2026-q1\.csv: all 242 rows read, saving$/m, 'progress on standard error')

    const refused = await welkom('import', '--edition', id, join(samples, 'README.md'), '--json')
    assert.equal(refused.code, 2)
    assert.match(refused.json().error, /README\.md: /)
    assert.equal((await welkom('import', '--edition', 'no-such-edition', join(samples, 'attesten-2026-q1.csv'))).code, 2)
  })

  test('edition create refuses a past date, a period that ends before it starts and no capacity, naming each option', async () => {
    const refused = await welkom('edition', 'create', '--municipality', '13025', '--name', 'Te laat', '--date', '2020-05-21T19:30', '--period-from', '2026-12-31', '--period-to', '2026-01-01', '--capacity', '0', '--json')
    assert.equal(refused.code, 2)
    const message = refused.json().error
    assert.match(message, /--date: That date has passed/)
    assert.match(message, /--period-to: The period ends before it starts/)
    assert.match(message, /--capacity: Enter a number of seats from 1 to 100000/)
    const unknown = await welkom('edition', 'create', '--municipality', '13025', '--with', '99999', '--name', 'X', '--date', '2099-05-21T19:30', '--period-from', '2026-01-01', '--period-to', '2026-12-31', '--capacity', '10')
    assert.equal(unknown.code, 2)
    assert.match(unknown.stderr, /--with: No municipality with NIS code 99999/)
  })

  test('bad input is refused with a clear message and exit code 2', async () => {
    const unknownMunicipality = await welkom('user', 'create', '--email', 'a@b.example', '--name', 'A', '--role', 'staff', '--municipality', '99999', '--json')
    assert.equal(unknownMunicipality.code, 2)
    assert.deepEqual(unknownMunicipality.json(), { error: 'No municipality with NIS code 99999' })
    const badRole = await welkom('user', 'create', '--email', 'a@b.example', '--name', 'A', '--role', 'mayor')
    assert.equal(badRole.code, 2)
    assert.match(badRole.stderr, /--role must be one of/)
    const unknown = await welkom('frobnicate')
    assert.equal(unknown.code, 2)
    assert.match(unknown.stderr, /Unknown command "frobnicate"/)
  })

  test('wrong configuration stops with the variable named', async () => {
    const result = await runWelkom({ ...env, PORT: 'eighty' }, 'migrate')
    assert.equal(result.code, 1)
    assert.match(result.stderr, /PORT must be a port number/)
  })

  test('backup --json writes a copy of SQLite, or points to pg_dump on PostgreSQL', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'welkom-bak-')), 'welkom.db')
    const result = await welkom('backup', file, '--json')
    if (suiteDialect() === 'sqlite') {
      assert.equal(result.code, 0, result.stderr)
      assert.equal(result.json().file, file)
      assert.ok(existsSync(file))
    } else {
      assert.equal(result.code, 1)
      assert.match(result.json().error, /pg_dump/)
    }
  })

  // As a real process: the binary starts, keeps standard output to its one JSON document, and
  // exits with the command's status.

  test('import streams a long list with its progress on standard error, a line every tenth when that is not a terminal, and one JSON document on standard output', async () => {
    const date = `${new Date().getUTCFullYear() + 1}-05-21T19:30`
    const { id } = (await welkom('edition', 'create', '--municipality', '13025', '--name', 'Lang', '--date', date, '--period-from', '2026-01-01', '--period-to', '2026-12-31', '--capacity', '300', '--json')).json()
    const file = join(mkdtempSync(join(tmpdir(), 'welkom-lijst-')), 'lang.csv')
    const lines = ['Naam;Voornaam;Geboortedatum;Datum attest']
    for (let i = 0; i < 20_000; i++) lines.push(`Naam${i};Voornaam${i};01/05/1980;15/02/2026`)
    writeFileSync(file, lines.join('\n'))
    const imported = await runWelkomProcess(env, 'import', '--edition', id, file, '--json')
    assert.equal(imported.code, 0, imported.stderr)
    assert.equal(imported.json().imported, 20_000)
    const progress = imported.stderr.trim().split('\n')
    assert.ok(progress.length >= 5 && progress.length <= 11, progress.join('\n'))
    assert.ok(progress.slice(0, -1).every((line) => /^Reading lang\.csv: \d{2}% \(\d+ rows\)$/.test(line)), progress.join('\n'))
    assert.equal(progress.at(-1), 'Reading lang.csv: all 20000 rows read, saving')
  })

  test('an unreachable database is retried, then reported naming DATABASE_URL and without the password', async () => {
    const result = await unreachable
    assert.equal(result.code, 1)
    assert.match(result.stderr, /Cannot reach the database at postgres:\/\/welkom:\*\*\*@127\.0\.0\.1:9\/welkom \(DATABASE_URL\)/)
    assert.match(result.stdout, /database not reachable yet, retrying/, 'the retries are logged')
    assert.doesNotMatch(result.stdout + result.stderr, /geheim-wachtwoord/)
  })
})
