// Importing the sample lists into an edition, on the suite's database: the counts each sample
// should give, re-importing changes nothing, and the national number is never stored in clear.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipality } from '../../../test/helpers/factories.ts'
import type { Edition } from '../../editions/editions.ts'
import { importFiles } from './import-files.ts'
import { SAMPLES_DIR } from '../../../test/helpers/samples.ts'

const sample = (name: string) => readFileSync(join(SAMPLES_DIR, name))
const HASH_KEY = 'test-hash-key-0123456789abcdef0123456789abcdef'

describe(`importing the sample lists on ${suiteDialect()}`, () => {
  let t: TestApp
  let municipalityId: string
  before(async () => {
    t = await createTestApp()
    municipalityId = (await createMunicipality(t.db, { name: 'Mol' })).id
  })
  after(() => t.close())

  const newEdition = () => createEdition(t.db, municipalityId, { periodFrom: '2026-01-01', periodTo: '2026-03-31' })
  const run = async (edition: Edition, file: string, options: { register?: string; dryRun?: boolean } = {}) => {
    const result = await importFiles(t.db, { edition, scope: { municipalityId }, actor: null, file: sample(file), register: options.register ? sample(options.register) : undefined, dryRun: options.dryRun ?? false, hashKey: HASH_KEY })
    assert.ok(result.ok, JSON.stringify(result))
    return result.plan
  }
  const count = async (editionId: string) => (await t.db.selectFrom('invitees').select('id').where('edition_id', '=', editionId).execute()).length
  const counts = (plan: Awaited<ReturnType<typeof run>>) => ({ rows: plan.rows, imported: plan.inserts.length, updated: plan.updates.length, duplicates: plan.duplicates, skipped: plan.skipped, notInvited: plan.notInvited })

  test('the joined list (CSV) imports every certificate holder with warnings for what it leaves out; importing it again changes nothing', async () => {
    const edition = await newEdition()
    const dry = await run(edition, 'attesten-2026-q1.csv', { dryRun: true })
    assert.equal(await count(edition.id), 0, 'a dry run writes nothing')
    const first = await run(edition, 'attesten-2026-q1.csv')
    assert.deepEqual(counts(first), counts(dry))
    assert.deepEqual(counts(first), { rows: 240, imported: 240, updated: 0, duplicates: 0, skipped: 0, notInvited: { noCertificate: 0, outsidePeriod: 0, notInRegister: 0 } })
    assert.ok(first.warnings.some((w) => w.message === 'invitees.import.languageUnknown'), 'languages Welkom does not offer are left out with a warning')
    assert.equal(await count(edition.id), 240)
    const row = await t.db.selectFrom('invitees').selectAll().where('edition_id', '=', edition.id).where('last_name', '=', 'Durrani').where('first_name', '=', 'Wahid').where('birth_date', '=', '1972-07-22').executeTakeFirstOrThrow()
    assert.deepEqual([row.first_name, row.birth_date, row.phone, row.language, row.house_number], ['Wahid', '1972-07-22', '+32470088106', 'ps', '149A'])

    const again = await run(edition, 'attesten-2026-q1.csv')
    assert.deepEqual([again.inserts.length, again.updates.length, again.unchanged], [0, 0, 240])
    assert.equal(await count(edition.id), 240)
  })

  test('the same list as XLSX gives the same people', async () => {
    const fromCsv = await newEdition()
    const fromXlsx = await newEdition()
    await run(fromCsv, 'attesten-2026-q1.csv')
    const plan = await run(fromXlsx, 'attesten-2026-q1.xlsx')
    assert.equal(plan.inserts.length, 240)
    // Compared as sorted text: the database's order among equal names is not defined.
    const people = async (id: string) => (await t.db.selectFrom('invitees').select(['last_name', 'first_name', 'birth_date', 'email', 'phone', 'language', 'postcode', 'certificate_date']).where('edition_id', '=', id).execute()).map((r) => JSON.stringify(r)).sort()
    assert.deepEqual(await people(fromXlsx.id), await people(fromCsv.id))
  })

  test('the agency’s list joined with the register: who moved away and who has no certificate yet are counted, not invited', async () => {
    const edition = await newEdition()
    const plan = await run(edition, 'agentschap-lijst-2026-q1.csv', { register: 'bevolkingsregister-uittreksel.csv' })
    assert.deepEqual(counts(plan), { rows: 242, imported: 229, updated: 0, duplicates: 0, skipped: 0, notInvited: { noCertificate: 2, outsidePeriod: 0, notInRegister: 11 } })
    const haddad = await t.db.selectFrom('invitees').selectAll().where('edition_id', '=', edition.id).where('last_name', '=', 'HADDAD').where('birth_date', '=', '2005-09-15').executeTakeFirstOrThrow()
    assert.deepEqual([haddad.first_name, haddad.street, haddad.certificate_date], ['Omar', 'Zandstraat', '2026-01-22'], 'names and address from the register, the certificate from the agency')
    // The joined list of the same people then matches them by national number.
    const joined = await run(edition, 'attesten-2026-q1.csv')
    assert.equal(joined.inserts.length, 11, 'only those the register did not have are new')
  })

  test('a certificate period that does not cover the list invites nobody and says why', async () => {
    const edition = await createEdition(t.db, municipalityId, { periodFrom: '2025-01-01', periodTo: '2025-12-31' })
    const plan = await run(edition, 'attesten-2026-q1.csv', { dryRun: true })
    assert.deepEqual([plan.inserts.length, plan.notInvited.outsidePeriod], [0, 240])
  })

  test('the national number is kept only as a keyed hash: not in any table, not in the audit log', async () => {
    const edition = await newEdition()
    await run(edition, 'attesten-2026-q1.csv')
    const numbers = ['05.09.15-517.06', '05091551706', '72.07.22-623.84', '72072262384']
    const rows = JSON.stringify(await t.db.selectFrom('invitees').selectAll().where('edition_id', '=', edition.id).execute())
    const audit = JSON.stringify(await t.db.selectFrom('audit_events').selectAll().execute())
    for (const n of numbers) {
      assert.ok(!rows.includes(n), 'no national number in the invitees')
      assert.ok(!audit.includes(n), 'none in the audit log')
    }
    assert.ok(!audit.includes('Haddad'), 'no names in the audit log either')
    const event = await t.db.selectFrom('audit_events').select('details_json').where('action', '=', 'invitees.imported').where('record_id', '=', edition.id).executeTakeFirstOrThrow()
    assert.deepEqual(event.details_json, { rows: 240, imported: 240, updated: 0, duplicates: 0, skipped: 0, twoFiles: false })
  })
})
