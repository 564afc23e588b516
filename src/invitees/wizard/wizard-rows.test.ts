// The wizard's report on problem rows, as the officer reads it before importing: a national number
// with a wrong checksum, the same person twice, a Windows-1252 file with accents, columns in an
// unusual order. Each row problem names the row, the column and what to do; no number is shown.
import assert from 'node:assert/strict'
import iconv from 'iconv-lite'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { visibleText, type Client } from '../../../test/helpers/client.ts'
import { suiteDialect } from '../../../test/helpers/database.ts'
import { createEdition } from '../../../test/helpers/editions.ts'
import { createMunicipalityWithPeople } from '../../../test/helpers/factories.ts'
import { paths } from '../../paths.ts'
import { selectedMapping, upload, uploadIdOf } from './wizard-test-support.ts'

describe(`problem rows in the import wizard on ${suiteDialect()}`, () => {
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

  /** Upload → the suggested mapping → the preview's visible text. */
  async function preview(file: Buffer): Promise<{ text: string; html: string }> {
    const edition = await createEdition(t.db, municipalityId, { periodFrom: '2026-01-01', periodTo: '2026-03-31' })
    const id = uploadIdOf(await upload(client, edition.id, { file }))
    const mapping = await client.get(paths.inviteeImportStep(edition.id, id))
    assert.equal((await client.post(paths.inviteeImportStep(edition.id, id), selectedMapping(mapping.body))).statusCode, 303)
    const page = await client.get(paths.inviteeImportPreview(edition.id, id))
    assert.equal(page.statusCode, 200)
    return { text: visibleText(page.body), html: page.body }
  }

  test('a national number with a wrong checksum skips that row with what to do, and the number is not shown', async () => {
    const csv = 'Rijksregisternummer;Naam;Voornaam;Attestdatum\n85.07.30-033.28;Peeters;An;10/01/2026\n85.07.30-033.29;Janssens;Piet;11/01/2026\n'
    const { text, html } = await preview(Buffer.from(csv))
    assert.match(text, /Nieuwe personen 1 /)
    assert.match(text, /3 Rijksregisternummer Het rijksregisternummer op rij 3 klopt niet: de laatste twee cijfers passen niet bij de rest\. Waarschijnlijk is er een tikfout\. Verbeter het nummer in het bestand en lees het opnieuw in\./)
    assert.ok(!html.includes('033.29') && !html.includes('85073003329'), 'the wrong number appears nowhere on the page')
  })

  test('the same person twice (by national number, or by name and birth date) is counted once as a duplicate', async () => {
    const csv = [
      'Naam;Voornaam;Geboortedatum;E-mail;Rijksregisternummer',
      'Peeters;An;30/07/1985;;85.07.30-033.28',
      'Peeters;An;30/07/1985;an.peeters@example.be;85073003328',
      'Haddad;Omar;01/02/1990;;',
      'HADDAD;omar;01/02/1990;;',
    ].join('\r\n')
    const { text } = await preview(Buffer.from(csv))
    assert.match(text, /Nieuwe personen 2 /)
    assert.match(text, /Dubbele rijen \(samengevoegd\) 2/)
    assert.match(text, /Rij 3 is dezelfde persoon als rij 2\./)
    assert.match(text, /Rij 5 is dezelfde persoon als rij 4\./)
  })

  test('a Windows-1252 file with its columns in another order shows its accents as written', async () => {
    const csv = 'Geboortedatum;E-mailadres;Voornaam;Familienaam\n02/03/1979;francoise@example.be;Françoise;Müller-Şahin\n'
    const { text } = await preview(iconv.encode(csv.replace('Ş', 'S'), 'windows-1252'))
    assert.match(text, /Müller-Sahin Françoise/)
    assert.doesNotMatch(text, /Ã|�/, 'no mojibake')
  })
})
