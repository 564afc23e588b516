// The deletion receipt: before the purge the page says when the data goes; after it, what went,
// when and how many, as a page and as a PDF without a single name. Another municipality gets 404.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import { pdfText } from '../../../test/helpers/pdf.ts'
import { SAMPLES_DIR } from '../../../test/helpers/samples.ts'
import { expectNotFoundForOtherMunicipality } from '../../../test/helpers/tenant.ts'
import { addDays, brusselsDate } from '../../platform/calendar.ts'
import { paths } from '../../paths.ts'
import { importFiles } from '../import/import-files.ts'
import { duePurges, purgeEdition, purgeReceipts } from '../purge-queries.ts'

describe(`the deletion receipt on ${suiteDialect()}`, () => {
  let t: TestApp
  let mol: Awaited<ReturnType<typeof createMunicipalityWithPeople>>
  let geel: Awaited<ReturnType<typeof createMunicipalityWithPeople>>

  before(async () => {
    t = await createTestApp()
    mol = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mol' })
    geel = await createMunicipalityWithPeople(t.app, t.db, { name: 'Geel' })
  })
  after(() => t.close())

  test('before the purge the page says on which day the data goes; after it, the counts, and the PDF names no one', async () => {
    const day = addDays(brusselsDate(new Date()), -100)
    const edition = await createEdition(t.db, mol.municipality.id, { name: 'Welkom 2026', date: day, periodFrom: '2026-01-01', periodTo: '2026-03-31', retentionDays: 90 })
    const imported = await importFiles(t.db, { edition, scope: { municipalityId: mol.municipality.id }, actor: null, file: readFileSync(join(SAMPLES_DIR, 'attesten-2026-q1.csv')), dryRun: false, hashKey: t.config.hashKey })
    assert.ok(imported.ok)

    const before = visibleText((await mol.staffClient.get(paths.editionPurgeReceipts(edition.id))).body)
    assert.match(before, /90 dagen na de ceremonie automatisch gewist/)
    assert.match(before, new RegExp(`Dat gebeurt op ${dayName(addDays(day, 90))}`))
    assert.doesNotMatch(before, /Bewijs downloaden/)

    const due = (await duePurges(t.db, new Date())).find((d) => d.editionId === edition.id)
    assert.ok(due && (await purgeEdition(t.db, t.services.database.dialect, due, new Date(), t.config.dataDir)))
    const [receipt] = await purgeReceipts(t.db, { municipalityId: mol.municipality.id }, edition.id)

    const page = visibleText((await mol.staffClient.get(paths.editionPurgeReceipts(edition.id))).body)
    assert.match(page, /Gewist op .*Genodigden 240 Huishoudens 0 Bijdragen 0 Ingelezen bestanden die nog wachtten 0/)

    const response = await mol.staffClient.get(paths.editionPurgeReceiptPdf(edition.id, receipt!.id))
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], 'application/pdf')
    assert.match(String(response.headers['content-disposition']), /attachment; filename="verwijderbewijs-\d{4}-\d{2}-\d{2}\.pdf"/)
    const { text, pages } = await pdfText(response.rawPayload)
    assert.equal(pages, 1)
    assert.match(text, /Bewijs van verwijdering van persoonsgegevens Gemeente Mol Editie Welkom 2026/)
    assert.match(text, /Genodigden 240/)
    assert.match(text, new RegExp(`Referentie ${receipt!.id}`))
    assert.doesNotMatch(text, /Haddad|Omar/, 'the receipt names no one')

    // Once purged, the edition takes nobody again: the purge would never come back for them.
    for (const url of [paths.inviteeImport(edition.id), paths.inviteeNew(edition.id), paths.editionCarryOver(edition.id)]) {
      const refused = await mol.staffClient.get(url)
      assert.equal(refused.statusCode, 409, url)
      assert.match(visibleText(refused.body), /De gegevens van deze editie zijn gewist .*Er kunnen geen personen meer bij\./)
    }
    assert.equal((await mol.staffClient.post(paths.inviteeNew(edition.id), { lastName: 'Peeters', firstName: 'An' })).statusCode, 409)
    assert.equal((await t.db.selectFrom('invitees').select('id').where('edition_id', '=', edition.id).execute()).length, 0)
  })

  test('a co-organiser sees the receipts too; another municipality gets 404 on the page and the PDF, and an unknown receipt is a 404', async () => {
    const skw = await createMunicipalityWithPeople(t.app, t.db, { name: 'Sint-Katelijne-Waver' })
    const edition = await createEdition(t.db, mol.municipality.id, { name: 'Samen', date: addDays(brusselsDate(new Date()), -100), retentionDays: 30, coOrganiserIds: [skw.municipality.id] })
    const due = (await duePurges(t.db, new Date())).find((d) => d.editionId === edition.id)
    assert.ok(due && (await purgeEdition(t.db, t.services.database.dialect, due, new Date(), t.config.dataDir)))
    const [receipt] = await purgeReceipts(t.db, { municipalityId: mol.municipality.id }, edition.id)

    assert.match(visibleText((await skw.staffClient.get(paths.editionPurgeReceipts(edition.id))).body), /Gewist op/)
    await expectNotFoundForOtherMunicipality(geel.staffClient, [
      { method: 'GET', url: paths.editionPurgeReceipts(edition.id) },
      { method: 'GET', url: paths.editionPurgeReceiptPdf(edition.id, receipt!.id) },
    ])
    assert.equal((await mol.staffClient.get(paths.editionPurgeReceiptPdf(edition.id, 'no-such-receipt'))).statusCode, 404)
  })
})

/** "19 augustus 2026", as the page writes a date. */
function dayName(isoDate: string): string {
  return new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(new Date(`${isoDate}T12:00:00Z`))
}
