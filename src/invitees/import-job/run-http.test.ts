// The import's page and its status address through HTTP on the suite's database: what a person
// sees while the import waits, reads, saves, ends or fails, with and without JavaScript, and
// that another municipality or another edition's address gets a 404.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText, type Client } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import { paths } from '../../paths.ts'
import { commitThroughWizard, sample } from '../wizard/wizard-test-support.ts'

describe(`the import’s page on ${suiteDialect()}`, () => {
  let t: TestApp
  let client: Client
  let outsider: Client
  let municipalityId: string
  before(async () => {
    t = await createTestApp()
    const mol = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mol' })
    client = mol.staffClient
    municipalityId = mol.municipality.id
    outsider = (await createMunicipalityWithPeople(t.app, t.db, { name: 'Geel' })).staffClient
  })
  after(() => t.close())

  const newEdition = () => createEdition(t.db, municipalityId, { periodFrom: '2026-01-01', periodTo: '2026-03-31' })
  const invitees = async (editionId: string) => (await t.db.selectFrom('invitees').select('id').where('edition_id', '=', editionId).execute()).length
  const status = async (editionId: string, importId: string) => JSON.parse((await client.get(paths.inviteeImportRunStatus(editionId, importId))).body)

  test('a committed import waits as a job: the page says so with a refresh link and no meta refresh; it finishes with nobody on the page and then shows the counts', async () => {
    const edition = await newEdition()
    const { importId, runUrl } = await commitThroughWizard(client, edition.id, { file: sample('attesten-2026-q1.csv') })
    const waiting = await client.get(runUrl)
    assert.equal(waiting.statusCode, 200)
    const text = visibleText(waiting.body)
    assert.match(text, /De lijst wordt ingelezen .* Het inlezen wacht op zijn beurt/)
    assert.match(text, /U kunt deze pagina sluiten: het inlezen gaat gewoon door/)
    assert.ok(waiting.body.includes(`href="${paths.inviteeImportRun(edition.id, importId)}"`), 'a refresh link to the same page')
    assert.ok(waiting.body.includes('<script type="module" src="/static/js/import-progress.js">'), 'the progress script, served from /static')
    assert.doesNotMatch(waiting.body, /http-equiv="refresh"|<script>|style="/i, 'no meta refresh, no inline script or style')
    assert.equal(await invitees(edition.id), 0, 'nothing is written before the job runs')
    assert.deepEqual(await status(edition.id, importId), { phase: 'queued', rowsDone: 0, rowsTotal: null, estimated: true, percent: 0, count: 'Er zijn nog geen rijen gelezen.', status: 'Het inlezen wacht op zijn beurt. Meestal duurt dat maar even.' })

    // The browser is gone: no request between the commit and the job.
    await t.runJobs()
    assert.equal(await invitees(edition.id), 240)
    const done = await client.get(runUrl)
    assert.match(visibleText(done.body), /De lijst is ingelezen .* Nieuwe personen ingelezen 240/)
    assert.ok(done.body.includes(`href="${paths.editionInvitees(edition.id)}"`), 'a link to the list')
    const json = await client.get(paths.inviteeImportRunStatus(edition.id, importId))
    assert.equal(json.headers['content-type'], 'application/json; charset=utf-8')
    assert.equal(json.headers['cache-control'], 'private, no-store')
    assert.deepEqual(JSON.parse(json.body), { phase: 'done', rowsDone: 240, rowsTotal: 240, estimated: false, percent: 100, count: 'Alle 240 rijen zijn gelezen.', status: 'De lijst is ingelezen.' })
    assert.doesNotMatch(json.body, /Haddad|\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}/, 'no personal data in the status')
  })

  test('while the file is read the page shows the rows read of an estimated total and a status line by tenths; once read, that the list is being saved', async () => {
    const edition = await newEdition()
    const { importId, runUrl } = await commitThroughWizard(client, edition.id, { file: sample('attesten-2026-q1.csv') })
    await t.db.updateTable('invitee_imports').set({ status: 'running', rows_done: 4200, rows_total: 10_000 }).where('id', '=', importId).execute()
    const reading = await client.get(runUrl)
    assert.match(visibleText(reading.body), /4\.200 van ongeveer 10\.000 rijen gelezen\. Het inlezen is bezig: ongeveer 40% is gelezen\./)
    assert.match(reading.body, /<progress id="import-progress" max="100" value="42">/)
    assert.deepEqual(await status(edition.id, importId), { phase: 'reading', rowsDone: 4200, rowsTotal: 10_000, estimated: true, percent: 42, count: '4.200 van ongeveer 10.000 rijen gelezen.', status: 'Het inlezen is bezig: ongeveer 40% is gelezen.' })

    await t.db.updateTable('invitee_imports').set({ rows_done: 10_000 }).where('id', '=', importId).execute()
    assert.match(visibleText((await client.get(runUrl)).body), /Alle 10\.000 rijen zijn gelezen\. Alle rijen zijn gelezen\. We bewaren nu de lijst\./)
    assert.equal((await status(edition.id, importId)).phase, 'saving')
  })

  test('an import whose job gave up after its worker stopped too often is shown as failed: the list not changed, the file deleted within a day', async () => {
    const edition = await newEdition()
    const { importId, uploadId, runUrl } = await commitThroughWizard(client, edition.id, { file: sample('attesten-2026-q1.csv') })
    await t.db.updateTable('invitee_imports').set({ status: 'running', rows_done: 100, rows_total: 240 }).where('id', '=', importId).execute()
    await t.db.updateTable('jobs').set({ status: 'dead' }).where('unique_key', '=', `invitees.import:${uploadId}`).execute()
    const text = visibleText((await client.get(runUrl)).body)
    assert.match(text, /Het inlezen is niet gelukt .* een fout bij ons, niet door uw bestand/)
    assert.match(text, /De lijst van genodigden is niet gewijzigd\. Het opgeladen bestand wordt binnen een dag vanzelf verwijderd\./)
    assert.equal((await status(edition.id, importId)).phase, 'failed')
  })

  test('another municipality gets 404 on the import’s page and status; so does the address under another edition', async () => {
    const edition = await newEdition()
    const other = await newEdition()
    const { importId } = await commitThroughWizard(client, edition.id, { file: sample('attesten-2026-q1.csv') })
    await expectNotFoundForOtherMunicipality(outsider, [
      { method: 'GET', url: paths.inviteeImportRun(edition.id, importId) },
      { method: 'GET', url: paths.inviteeImportRunStatus(edition.id, importId) },
    ])
    for (const url of [paths.inviteeImportRun(other.id, importId), paths.inviteeImportRunStatus(other.id, importId)]) assert.equal((await client.get(url)).statusCode, 404, url)
    assert.equal((await client.get(paths.inviteeImportRun(edition.id, 'no-such-import'))).statusCode, 404)
  })
})
