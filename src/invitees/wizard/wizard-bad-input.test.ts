// The wizard's bad input: empty file, a PNG renamed .csv, an XLSX with several sheets, a header row
// lower down, markup in a name, a 200 MB file, and another municipality on every step.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import ExcelJS from 'exceljs'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText, type Client } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import { paths } from '../../paths.ts'
import { LIST_MAX_BYTES } from './upload-files.ts'
import { commitThroughWizard, sample, selectedMapping, upload, uploadIdOf } from './wizard-test-support.ts'

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

async function twoSheets(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('Uitleg').addRow(['Deze lijst komt van de dienst bevolking'])
  const list = workbook.addWorksheet('Personen')
  list.addRow(['Naam', 'Voornaam', 'Geboortedatum'])
  list.addRow(['Peeters', 'An', '01/02/1980'])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe(`bad input in the import wizard on ${suiteDialect()}`, () => {
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

  test('an empty file is refused with a clear message and status 400', async () => {
    const response = await upload(client, (await newEdition()).id, { file: Buffer.alloc(0) })
    assert.equal(response.statusCode, 400)
    assert.match(visibleText(response.body), /Het bestand is leeg/)
  })

  test('a PNG renamed .csv is refused as not a list', async () => {
    const response = await upload(client, (await newEdition()).id, { file: PNG, fileName: 'lijst.csv' })
    assert.equal(response.statusCode, 400)
    assert.match(visibleText(response.body), /We kunnen dit bestand niet lezen als lijst/)
  })

  test('an XLSX with two sheets reads the chosen sheet; an unknown sheet name lists the sheets', async () => {
    const edition = await newEdition()
    const bytes = await twoSheets()
    const unknown = await upload(client, edition.id, { file: bytes, fileName: 'lijst.xlsx', sheet: 'Blad9' })
    assert.equal(unknown.statusCode, 400)
    assert.match(visibleText(unknown.body), /Blad9.*Uitleg, Personen/)
    const id = uploadIdOf(await upload(client, edition.id, { file: bytes, fileName: 'lijst.xlsx', sheet: 'Personen' }))
    const text = visibleText((await client.get(paths.inviteeImportStep(edition.id, id))).body)
    assert.match(text, /Rijen in het bestand 1 Gelezen werkblad Personen Andere werkbladen Uitleg/)
  })

  test('a header row below a title line is found, and a name made of markup is shown as text in the preview', async () => {
    const edition = await newEdition()
    const csv = 'Lijst nieuwkomers 2026\n\nNaam;Voornaam;Geboortedatum\n<img src=x onerror=alert(1)>;An;01/02/1980\nPeeters;Jan;03/04/1975\n'
    const id = uploadIdOf(await upload(client, edition.id, { file: Buffer.from(csv) }))
    const mapping = await client.get(paths.inviteeImportStep(edition.id, id))
    assert.match(visibleText(mapping.body), /Rijen in het bestand 2/)
    assert.equal((await client.post(paths.inviteeImportStep(edition.id, id), selectedMapping(mapping.body))).statusCode, 303)
    const preview = await client.get(paths.inviteeImportPreview(edition.id, id))
    assert.ok(!preview.body.includes('<img src=x'), 'no markup from the file reaches the page')
    assert.ok(preview.body.includes('&lt;img src=x onerror=alert(1)>') || preview.body.includes('&lt;img src=x onerror=alert(1)&gt;'))
    assert.match(visibleText(preview.body), /<img src=x onerror=alert\(1\)> An/)
  })

  test('another municipality gets 404 on every step; an upload of another edition is 404 too', async () => {
    const edition = await newEdition()
    const other = await newEdition()
    const id = uploadIdOf(await upload(client, edition.id, { file: sample('attesten-2026-q1.csv') }))
    const mapping = selectedMapping((await client.get(paths.inviteeImportStep(edition.id, id))).body)
    const { importId } = await commitThroughWizard(client, edition.id, { file: sample('attesten-2026-q1.csv') })
    const steps = (editionId: string) => [
      { method: 'GET' as const, url: paths.inviteeImport(editionId) },
      { method: 'GET' as const, url: paths.inviteeImportStep(editionId, id) },
      { method: 'POST' as const, url: paths.inviteeImportStep(editionId, id), fields: mapping },
      { method: 'GET' as const, url: paths.inviteeImportPreview(editionId, id) },
      { method: 'POST' as const, url: paths.inviteeImportCommit(editionId, id) },
      { method: 'POST' as const, url: paths.inviteeImportCancel(editionId, id) },
      { method: 'GET' as const, url: paths.inviteeImportRun(editionId, importId) },
      { method: 'GET' as const, url: paths.inviteeImportRunStatus(editionId, importId) },
    ]
    await expectNotFoundForOtherMunicipality(outsider, steps(edition.id))
    assert.equal((await upload(outsider, edition.id, { file: sample('attesten-2026-q1.csv') })).statusCode, 404)
    for (const step of steps(other.id).slice(1)) {
      const response = step.method === 'GET' ? await client.get(step.url) : await client.post(step.url, step.fields ?? {})
      assert.equal(response.statusCode, 404, `${step.method} ${step.url}`)
    }
    assert.equal((await t.db.selectFrom('import_uploads').select('id').where('id', '=', id).execute()).length, 1, 'the upload is untouched')
    assert.equal((await t.db.selectFrom('invitee_imports').select('id').where('edition_id', '=', other.id).execute()).length, 0, 'nothing was queued')
  })

  test('a 200 MB file streamed to the upload is refused as too large, without the server holding it in memory', async () => {
    const edition = await newEdition()
    const boundary = `----welkom${randomUUID()}`
    const cookie = ['welkom_session', 'welkom_csrf'].map((name) => `${name}=${client.cookie(name)}`).join('; ')
    const head = Buffer.from(
      [['_csrf', await client.token()], ['shape', 'one'], ['sheet', '']].map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('') +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="groot.csv"\r\nContent-Type: text/csv\r\n\r\nNaam;Voornaam;Geboortedatum\r\n`,
    )
    // One chunk of rows sent over and over: the test holds 64 KB, whatever the size it sends.
    const rows = Buffer.from('Peeters;Jan;01/02/1980\r\n'.repeat(2730))
    const total = 200 * 1024 * 1024
    let peakBuffers = 0
    let sent = 0
    async function* body() {
      yield head
      for (; sent < total; sent += rows.length) {
        peakBuffers = Math.max(peakBuffers, process.memoryUsage().arrayBuffers)
        yield rows
      }
      yield Buffer.from(`\r\n--${boundary}--\r\n`)
    }
    const response = await t.app.inject({ method: 'POST', url: paths.inviteeImport(edition.id), payload: Readable.from(body()), remoteAddress: client.address, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } })
    assert.equal(response.statusCode, 400)
    assert.match(visibleText(response.body), /Het bestand is groter dan 50 MB/)
    assert.ok(sent >= total, 'the whole body was sent and read')
    // The multipart limit stops keeping the file one byte past the list limit; the rest is skipped.
    assert.ok(peakBuffers < LIST_MAX_BYTES * 2.5, `at most the limit held in memory (peak ${Math.round(peakBuffers / 1024 / 1024)} MB)`)
    assert.equal((await t.db.selectFrom('import_uploads').select('id').where('edition_id', '=', edition.id).execute()).length, 0, 'nothing stored')
  })
})
