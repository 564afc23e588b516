import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import { pdfText } from '../../../test/helpers/pdf.ts'
import { brusselsDate } from '../../platform/calendar.ts'
import { paths } from '../../paths.ts'

describe(`the run-sheet on ${suiteDialect()}`, () => {
  let t: TestApp
  let mol: Awaited<ReturnType<typeof createMunicipalityWithPeople>>

  before(async () => {
    t = await createTestApp()
    mol = await createMunicipalityWithPeople(t.app, t.db, { name: 'Mol' })
  })
  after(() => t.close())

  test('the run-sheet is an A4 PDF download in Dutch with the edition, the venue, the times, items, who and durations', async () => {
    const edition = await createEdition(t.db, mol.municipality.id, { name: 'Welkomstceremonie Mol 2027', venueName: 'Cultuurcentrum Mol', venueRoom: 'Theaterzaal' })
    await mol.staffClient.post(paths.editionProgramme(edition.id), { add: 'default' })
    await mol.staffClient.post(paths.programmeItemNew(edition.id), { kind: 'other', title: 'Dankwoord', duration: '5', performer: 'Schepen Peeters' })
    // An English-speaking officer still prints the Dutch run-sheet used on the day.
    await t.db.updateTable('users').set({ locale: 'en' }).where('id', '=', mol.staff.id).execute()

    const response = await mol.staffClient.get(paths.runSheet(edition.id))
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], 'application/pdf')
    assert.equal(response.headers['content-disposition'], `attachment; filename="programma-welkomstceremonie-mol-2027-${brusselsDate(edition.startsAt)}.pdf"`)
    const { text, pages, width, height } = await pdfText(response.rawPayload)
    assert.equal(pages, 1)
    assert.deepEqual([Math.round(width), Math.round(height)], [595, 842], 'A4 portrait')
    for (const expected of [
      'Mol',
      'Tijdschema – Welkomstceremonie Mol 2027',
      'Cultuurcentrum Mol, Kerkstraat 1, 2400 Mol',
      'Theaterzaal',
      '19:00–19:05',
      'Welkom',
      '19:05–19:15',
      'Toespraak van de burgemeester',
      'Burgemeester',
      '19:35–20:05',
      'Uitreiking van de certificaten, bij naam',
      '30 min',
      '20:15–21:00',
      'Receptie en infomarkt',
      '21:00–21:05',
      'Dankwoord',
      'Schepen Peeters',
      'Samen 125 minuten: van 19:00 tot 21:05.',
    ]) {
      assert.ok(text.includes(expected), `"${expected}" in:\n${text}`)
    }
    assert.ok(!text.includes('Run-sheet'), 'in Dutch whatever the officer’s language')

    const audit = await t.db.selectFrom('audit_events').select('action').where('record_id', '=', edition.id).where('action', '=', 'programme.run_sheet_exported').execute()
    assert.equal(audit.length, 1)
  })
})
