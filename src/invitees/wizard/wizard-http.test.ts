// The import wizard through HTTP on the suite's database: the samples in both shapes, the mapping
// remembered, the upload encrypted at rest and gone after commit or cancel, and a second commit
// that imports nothing.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText, type Client } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import { paths } from '../../paths.ts'
import { deleteExpiredUploads } from './wizard-queries.ts'
import { importThroughWizard, sample, selectedMapping, upload, uploadIdOf } from './wizard-test-support.ts'

describe(`the import wizard on ${suiteDialect()}`, () => {
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
  const invitees = async (editionId: string) => (await t.db.selectFrom('invitees').select('id').where('edition_id', '=', editionId).execute()).length
  const uploads = async (editionId: string) => t.db.selectFrom('import_uploads').selectAll().where('edition_id', '=', editionId).execute()

  test('the joined CSV goes through upload, mapping, preview and commit, then imports as a job: 240 people, the upload deleted, the import’s page counts them', async () => {
    const edition = await newEdition()
    const { preview, result } = await importThroughWizard(client, edition.id, { file: sample('attesten-2026-q1.csv') }, t.runJobs)
    const previewText = visibleText(preview.body)
    assert.match(previewText, /Rijen met gegevens 240 Nieuwe personen 240/)
    assert.match(previewText, /Haddad Omar/, 'the first rows as they will be stored')
    assert.match(previewText, /Waarschuwingen \(\d+\)/)
    assert.ok(!/\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}/.test(previewText), 'no national number on the preview')
    assert.equal(result.statusCode, 200)
    assert.match(visibleText(result.body), /De lijst is ingelezen .* Nieuwe personen ingelezen 240/)
    assert.equal(await invitees(edition.id), 240)
    assert.equal((await uploads(edition.id)).length, 0, 'the upload is deleted after the commit')
    const actions = (await t.db.selectFrom('audit_events').select('action').where('record_id', '=', edition.id).execute()).map((e) => e.action)
    for (const action of ['invitees.upload_received', 'invitees.import_previewed', 'invitees.imported']) assert.ok(actions.includes(action), action)
  })

  test('the same list as XLSX imports the same 240 people', async () => {
    const edition = await newEdition()
    const { result } = await importThroughWizard(client, edition.id, { file: sample('attesten-2026-q1.xlsx'), fileName: 'attesten.xlsx' }, t.runJobs)
    assert.match(visibleText(result.body), /Nieuwe personen ingelezen 240/)
    assert.equal(await invitees(edition.id), 240)
  })

  test('the agency’s list with the register extract: 229 imported, 11 not in the register, 2 without a certificate', async () => {
    const edition = await newEdition()
    const { preview, result } = await importThroughWizard(client, edition.id, { file: sample('agentschap-lijst-2026-q1.csv'), register: sample('bevolkingsregister-uittreksel.csv') }, t.runJobs)
    assert.match(visibleText(preview.body), /staat niet in het uittreksel uit het bevolkingsregister/)
    const text = visibleText(result.body)
    assert.match(text, /Nieuwe personen ingelezen 229/)
    assert.match(text, /Niet uitgenodigd: geen attest 2/)
    assert.match(text, /niet in het bevolkingsregister \(verhuisd\?\) 11/)
    assert.equal(await invitees(edition.id), 229)
  })

  test('the two-file shape without the register file is refused with a message on that field', async () => {
    const edition = await newEdition()
    const response = await upload(client, edition.id, { shape: 'two', file: sample('agentschap-lijst-2026-q1.csv') })
    assert.equal(response.statusCode, 400)
    assert.match(visibleText(response.body), /Kies het bestand met het uittreksel uit het bevolkingsregister/)
  })

  test('a mapping chosen once is suggested again for the next file with the same headers', async () => {
    const edition = await newEdition()
    const first = uploadIdOf(await upload(client, edition.id, { file: sample('attesten-2026-q1.csv') }))
    const suggested = selectedMapping((await client.get(paths.inviteeImportStep(edition.id, first))).body)
    assert.notEqual(suggested.email, '', 'the e-mail column is suggested')
    assert.equal((await client.post(paths.inviteeImportStep(edition.id, first), { ...suggested, email: '' })).statusCode, 303)
    const second = uploadIdOf(await upload(client, edition.id, { file: sample('attesten-2026-q1.csv') }))
    const remembered = selectedMapping((await client.get(paths.inviteeImportStep(edition.id, second))).body)
    assert.deepEqual(remembered, { ...suggested, email: '' })
  })

  test('a mapping without names or national number is refused with a message per field and the choices kept', async () => {
    const edition = await newEdition()
    const id = uploadIdOf(await upload(client, edition.id, { file: sample('attesten-2026-q1.csv') }))
    const suggested = selectedMapping((await client.get(paths.inviteeImportStep(edition.id, id))).body)
    const response = await client.post(paths.inviteeImportStep(edition.id, id), { ...suggested, nationalNumber: '', lastName: '', firstName: suggested.birthDate! })
    assert.equal(response.statusCode, 400)
    const text = visibleText(response.body)
    assert.match(text, /Kies de kolom met de familienaam/)
    assert.match(text, /al gekozen voor een ander gegeven/)
    assert.equal(selectedMapping(response.body).email, suggested.email)
  })

  test('the upload is stored encrypted: no name from the file in the stored text; cancelling deletes it', async () => {
    const edition = await newEdition()
    const id = uploadIdOf(await upload(client, edition.id, { file: sample('attesten-2026-q1.csv') }))
    const [stored] = await uploads(edition.id)
    assert.ok(stored)
    const at = JSON.stringify(stored)
    for (const needle of ['Haddad', 'Durrani', 'Rijksregisternummer', Buffer.from('Haddad').toString('base64')]) assert.ok(!at.includes(needle), needle)
    assert.ok(new Date(stored.expires_at).getTime() > Date.now() + 23 * 3600_000, 'kept for a day')
    const cancelled = await client.post(paths.inviteeImportCancel(edition.id, id))
    assert.equal(cancelled.statusCode, 303)
    assert.match(visibleText((await client.get(String(cancelled.headers.location))).body), /Het inlezen is geannuleerd/)
    assert.equal((await uploads(edition.id)).length, 0)
    const gone = await client.get(paths.inviteeImportStep(edition.id, id))
    assert.equal(gone.statusCode, 410)
    assert.match(visibleText(gone.body), /Dit bestand is er niet meer/)
  })

  test('posting the commit a second time, before or after the job ran, goes to the same import and imports nothing twice', async () => {
    const edition = await newEdition()
    const id = uploadIdOf(await upload(client, edition.id, { file: sample('attesten-2026-q1.csv') }))
    assert.equal((await client.post(paths.inviteeImportStep(edition.id, id), selectedMapping((await client.get(paths.inviteeImportStep(edition.id, id))).body))).statusCode, 303)
    const first = await client.post(paths.inviteeImportCommit(edition.id, id))
    const second = await client.post(paths.inviteeImportCommit(edition.id, id))
    assert.equal(first.statusCode, 303)
    assert.equal(second.headers.location, first.headers.location, 'a double click goes to the import already queued')
    assert.equal((await client.get(paths.inviteeImportPreview(edition.id, id))).headers.location, first.headers.location, 'so does the back button')
    const jobs = async () => (await t.db.selectFrom('jobs').select('id').where('kind', '=', 'invitees.import').where('unique_key', '=', `invitees.import:${id}`).execute()).length
    assert.equal(await jobs(), 1, 'one job for the two clicks')
    await t.runJobs()
    const third = await client.post(paths.inviteeImportCommit(edition.id, id))
    assert.equal(third.headers.location, first.headers.location, 'after the import, too')
    await t.runJobs()
    assert.equal(await jobs(), 1)
    assert.equal(await invitees(edition.id), 240)
    assert.equal((await t.db.selectFrom('invitee_imports').select('id').where('edition_id', '=', edition.id).execute()).length, 1)
  })

  test('deleteExpiredUploads removes uploads older than a day and keeps the others', async () => {
    const edition = await newEdition()
    uploadIdOf(await upload(client, edition.id, { file: sample('attesten-2026-q1.csv') }))
    assert.equal(await deleteExpiredUploads(t.db, new Date()), 0)
    assert.equal(await deleteExpiredUploads(t.db, new Date(Date.now() + 25 * 3600_000)) >= 1, true)
    assert.equal((await uploads(edition.id)).length, 0)
  })

  test('a list larger than the app’s 5 MB photo limit is accepted on this route', async () => {
    const edition = await newEdition()
    const lines = ['Naam;Voornaam;Geboortedatum']
    for (let i = 0; i < 150_000; i++) lines.push(`Naam${i};Voornaam${i};01/01/1980`)
    const big = Buffer.from(lines.join('\n'))
    assert.ok(big.length > 5 * 1024 * 1024)
    const id = uploadIdOf(await upload(client, edition.id, { file: big }))
    assert.match(visibleText((await client.get(paths.inviteeImportStep(edition.id, id))).body), /Rijen in het bestand \d{5,}/)
  })
})
